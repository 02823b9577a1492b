/**
 * The real server (`server/main.ts`) on a random port and an empty temporary data folder, for the e2e flows,
 * the soak and the Lighthouse bench. It resolves once the server answers and the demo has finished loading
 * (`/api/health` says `seeding` until then), and `stop()` waits for the process to exit before removing the
 * data folder.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LocalServerOptions {
  /** Names the temporary data folder: phakhi-<label>-… */
  label: string;
  admin: { email: string; password: string };
  /** Node options before the entry point, e.g. ['--expose-gc']; tsx is always loaded. */
  nodeArgs?: string[];
  env?: Record<string, string>;
  stdio?: StdioOptions;
  /** The port is picked at random in [portBase, portBase + 2000). */
  portBase?: number;
  /** How long start-up plus the demo seed may take. */
  timeoutMs?: number;
}

export interface LocalServer {
  url: string;
  proc: ChildProcess;
  dataDir: string;
  /** Seconds from spawn until the demo was ready. */
  readySeconds: number;
  stop: () => Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..');

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const port = (options.portBase ?? 43000) + Math.floor(Math.random() * 2000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `phakhi-${options.label}-`));
  const started = Date.now();
  const proc = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PHAKHI_DATA_DIR: dataDir,
      PHAKHI_ADMIN_EMAIL: options.admin.email,
      PHAKHI_ADMIN_PASSWORD: options.admin.password,
      LOG_LEVEL: 'warn',
      ...options.env,
    },
    stdio: options.stdio ?? ['ignore', 'inherit', 'inherit'],
    // its own process group, so that stop() also ends anything it started
    detached: true,
  });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      try {
        process.kill(-proc.pid!, 'SIGTERM');
      } catch {
        /* gone already */
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const url = `http://127.0.0.1:${port}`;
  const timeoutMs = options.timeoutMs ?? 600_000;
  try {
    await waitForDemo(url, proc, started + timeoutMs);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, proc, dataDir, readySeconds: (Date.now() - started) / 1000, stop };
}

async function waitForDemo(url: string, proc: ChildProcess, deadline: number): Promise<void> {
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`);
      // the server answers while the demo still loads behind it (`seeding: true`); callers need the demo
      if (res.ok && !((await res.json()) as { seeding?: boolean }).seeding) return;
    } catch {
      /* still starting */
    }
    if (proc.exitCode !== null) throw new Error(`the server exited with code ${proc.exitCode} before it was ready`);
    if (Date.now() > deadline) throw new Error('the server was not ready in time');
    await new Promise((r) => setTimeout(r, 250));
  }
}
