/**
 * npm run bench — HTTP throughput and latency of Phakhi next to a bare Fastify hello-world.
 * Starts the real app (built web not needed) on the demo data, on PGlite and, when PostgreSQL's
 * binaries are installed, on a throwaway PostgreSQL cluster; drives GET networks, GET dashboard and
 * the hello-world with autocannon at 10 and 50 connections. BENCH_DURATION=seconds (default 10).
 */
import { spawn, execSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = [10, 50];
const ADMIN = { email: 'bench@example.org', password: 'Bench-Password-2569' };

function start(cmd: string, args: string[], env: Record<string, string>): ChildProcess {
  return spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
}
const stop = (p: ChildProcess) => {
  try {
    process.kill(-p.pid!, 'SIGTERM');
  } catch {
    /* gone */
  }
};

async function waitFor(url: string, seconds = 180) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

async function run(url: string, connections: number, cookie?: string) {
  const r = await autocannon({ url, connections, duration: DURATION, headers: cookie ? { cookie } : {} });
  if (r.non2xx) throw new Error(`${url}: ${r.non2xx} non-2xx answers`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

type Row = { target: string; connections: number; rps: number; p50: number; p99: number };

async function benchApp(label: string, extraEnv: Record<string, string>, baseline: Map<number, number>): Promise<Row[]> {
  const port = 41000 + Math.floor(Math.random() * 1000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'phakhi-bench-'));
  const app = start('npx', ['tsx', 'server/main.ts'], {
    PORT: String(port),
    HOST: '127.0.0.1',
    PHAKHI_DATA_DIR: dataDir,
    PHAKHI_ADMIN_EMAIL: ADMIN.email,
    PHAKHI_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    PHAKHI_SERVE_WEB: 'false',
    ...extraEnv,
  });
  try {
    await waitFor(`http://127.0.0.1:${port}/api/health`);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const rows: Row[] = [];
    for (const [name, p] of [
      ['GET networks', '/api/v1/t/chomphu/networks?pageSize=20'],
      ['GET dashboard', '/api/v1/t/chomphu/dashboard'],
    ]) {
      for (const c of CONNECTIONS) {
        const r = await run(`http://127.0.0.1:${port}${p}`, c, cookie);
        rows.push({ target: `${label} ${name}`, connections: c, ...r });
        console.error(`  ${label} ${name} c=${c}: ${r.rps.toFixed(0)} req/s (${(r.rps / baseline.get(c)!).toFixed(3)}× hello)`);
      }
    }
    return rows;
  } finally {
    stop(app);
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function startPostgres(): { url: string; stop: () => void } | null {
  const bins = fs.existsSync('/usr/lib/postgresql')
    ? fs
        .readdirSync('/usr/lib/postgresql')
        .sort()
        .map((v) => `/usr/lib/postgresql/${v}/bin`)
    : [];
  const bin = bins.reverse().find((b) => fs.existsSync(`${b}/initdb`));
  if (!bin) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phakhi-bench-pg-'));
  fs.chmodSync(dir, 0o755);
  const asPg = (cmd: string) =>
    process.getuid?.() === 0 ? execSync(`su postgres -s /bin/sh -c "${cmd}"`, { stdio: 'ignore' }) : execSync(cmd, { stdio: 'ignore' });
  if (process.getuid?.() === 0) execSync(`chown postgres ${dir}`);
  const port = 54400 + Math.floor(Math.random() * 100);
  asPg(`${bin}/initdb -D ${dir}/data -U app --auth=trust -E UTF8 --locale=C.UTF-8`);
  asPg(`${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -w -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1' start`);
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    stop: () => {
      asPg(`${bin}/pg_ctl -D ${dir}/data -m fast -w stop`);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  console.error(`Phakhi HTTP benchmark: ${DURATION}s per run, connections ${CONNECTIONS.join(' and ')}, ${os.cpus().length} cores, Node ${process.version}`);
  const helloPort = 40900;
  const hello = start('npx', ['tsx', 'bench/hello.ts'], { PORT: String(helloPort) });
  const rows: Row[] = [];
  const baseline = new Map<number, number>();
  try {
    await waitFor(`http://127.0.0.1:${helloPort}/hello`);
    for (const c of CONNECTIONS) {
      const r = await run(`http://127.0.0.1:${helloPort}/hello`, c);
      baseline.set(c, r.rps);
      rows.push({ target: 'bare Fastify hello-world', connections: c, ...r });
    }
  } finally {
    stop(hello);
  }
  rows.push(...(await benchApp('PGlite', {}, baseline)));
  const pg = startPostgres();
  if (pg) {
    try {
      rows.push(...(await benchApp('PostgreSQL', { DATABASE_URL: pg.url }, baseline)));
    } finally {
      pg.stop();
    }
  } else console.error('PostgreSQL binaries not found: skipping the PostgreSQL run.');

  console.log('\n| target | conns | req/s | p50 ms | p99 ms | × hello-world |\n| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    console.log(`| ${r.target} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${(r.rps / baseline.get(r.connections)!).toFixed(3)} |`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
