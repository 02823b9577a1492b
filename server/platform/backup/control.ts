import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { Database } from '../db';
import { writeBackup, type Manifest } from './backup';

/**
 * How the CLI backs up a running server on PGlite. PGlite belongs to one process (data-lock.ts), so the
 * CLI cannot open the data folder while the server runs; instead the server listens on a Unix socket
 * `<dataDir>/control.sock` and writes the backup itself. Who may ask: whoever may open that socket — it is
 * 0600 inside the data folder (0700), i.e. the account that runs Phakhi (and root), exactly those who could
 * read the database files anyway. No network port, no password. One request per connection, one JSON line
 * each way; one backup at a time.
 */
export const controlSocketPath = (dataDir: string) => path.join(dataDir, 'control.sock');

interface Request {
  command: 'backup';
  file: string;
}
type Response = { ok: true; manifest: Manifest } | { ok: false; error: string };

export async function startControlSocket(dataDir: string, database: Database, log: (m: string) => void = () => {}): Promise<() => Promise<void>> {
  const socket = controlSocketPath(dataDir);
  fs.rmSync(socket, { force: true }); // a stale socket of a previous run: we hold the data lock
  let busy = false;
  const server = net.createServer((conn) => {
    let input = '';
    conn.setEncoding('utf8');
    conn.on('error', () => {});
    conn.on('data', async (chunk) => {
      input += chunk;
      if (!input.includes('\n')) {
        if (input.length > 8192) conn.destroy();
        return;
      }
      conn.removeAllListeners('data');
      const reply = (r: Response) => conn.end(`${JSON.stringify(r)}\n`);
      let req: Request;
      try {
        req = JSON.parse(input.slice(0, input.indexOf('\n'))) as Request;
      } catch {
        return reply({ ok: false, error: 'bad request' });
      }
      if (req.command !== 'backup' || typeof req.file !== 'string' || !path.isAbsolute(req.file)) return reply({ ok: false, error: 'bad request' });
      if (busy) return reply({ ok: false, error: 'A backup is already running.' });
      busy = true;
      try {
        log(`backup to ${req.file} requested through ${socket}`);
        const manifest = await writeBackup({ database, dataDir, file: req.file });
        reply({ ok: true, manifest });
      } catch (err) {
        reply({ ok: false, error: (err as Error).message });
      } finally {
        busy = false;
      }
    });
  });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socket, () => resolve());
    });
  } catch (err) {
    // e.g. a data folder so deep that the path passes the ~100-byte socket limit: serve anyway, only live backup is off
    log(`no control socket at ${socket} (${(err as Error).message}): stop the server to back it up`);
    return async () => {};
  }
  fs.chmodSync(socket, 0o600);
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      fs.rmSync(socket, { force: true });
    });
}

/** Asks the server that holds `dataDir` to write a backup to `file` (absolute). */
export function askServerForBackup(dataDir: string, file: string): Promise<Manifest> {
  return new Promise((resolve, reject) => {
    const conn = net.createConnection(controlSocketPath(dataDir));
    let output = '';
    conn.setEncoding('utf8');
    conn.on('connect', () => conn.write(`${JSON.stringify({ command: 'backup', file })}\n`));
    conn.on('data', (d) => (output += d));
    conn.on('error', (err) =>
      reject(
        new Error(
          `The server holding ${dataDir} did not answer on ${controlSocketPath(dataDir)} (${(err as NodeJS.ErrnoException).code}). Is it a version with backups, run by this account?`,
        ),
      ),
    );
    conn.on('end', () => {
      try {
        const r = JSON.parse(output) as Response;
        if (r.ok) resolve(r.manifest);
        else reject(new Error(r.error));
      } catch {
        reject(new Error('The server gave no answer.'));
      }
    });
  });
}
