import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * PGlite is single-process: two processes on one data folder silently lose writes.
 * Hold `<dataDir>/phakhi.lock` and refuse to start while another live Phakhi process holds it.
 *
 * The lock says who holds it: `{ pid, host, bootId, startTime, token }`. A pid alone is not enough (issue 15:
 * a lockfile naming pid 1, alive but no Phakhi server, refused every start): on Linux the holder counts only
 * if a process with that pid is alive *and* started at the recorded time in the same boot, i.e. it is the
 * very process that wrote the lock, not a later one that reused its pid. A lock written on another host
 * cannot be checked from here and is respected. An old lock holding only a pid counts when that process's
 * command line looks like a Phakhi server. The token lets release remove only our own lock.
 */
interface LockInfo {
  pid: number;
  host: string;
  bootId: string | null;
  startTime: string | null;
  token: string;
}

const readOr = (file: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
};
const bootId = () => readOr('/proc/sys/kernel/random/boot_id')?.trim() ?? null;
/** Field 22 of /proc/<pid>/stat: start time in clock ticks after boot (null off Linux or when gone). */
function startTimeOf(pid: number): string | null {
  const stat = readOr(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the lock's holder is still running (see above). */
function holderAlive(raw: string): { alive: boolean; pid: number; host?: string } {
  let info: Partial<LockInfo> | null = null;
  try {
    info = JSON.parse(raw) as Partial<LockInfo>;
  } catch {
    /* an old lock: just a pid */
  }
  if (info && typeof info === 'object' && typeof info.pid === 'number') {
    if (info.host && info.host !== os.hostname()) return { alive: true, pid: info.pid, host: info.host };
    if (info.pid === process.pid || !isAlive(info.pid)) return { alive: false, pid: info.pid };
    const here = bootId();
    if (here && info.bootId && here !== info.bootId) return { alive: false, pid: info.pid }; // written before a reboot
    const started = startTimeOf(info.pid);
    if (started && info.startTime && started !== info.startTime) return { alive: false, pid: info.pid }; // pid reused
    return { alive: true, pid: info.pid };
  }
  const pid = Number(raw.trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid || !isAlive(pid)) return { alive: false, pid };
  const cmdline = readOr(`/proc/${pid}/cmdline`);
  if (cmdline === null) return { alive: true, pid }; // cannot tell: stay safe
  return { alive: /phakhi|server\/main|server\/cli/i.test(cmdline.replace(/\0/g, ' ')), pid };
}

/**
 * The data folder holds the database files, uploads, the citizen-ID secret and the ledger's signing key:
 * only this account may read it. The folder is closed to others (0700), new files are private (umask 077),
 * and what is already inside loses its group and world bits — PGlite sets its own modes (0666 files, 0755
 * folders) whatever the umask, so main.ts calls this again once the database is open.
 */
export function protectDataDir(dataDir: string): void {
  process.umask(0o077);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const tighten = (p: string) => {
    const st = fs.lstatSync(p);
    if (st.isSymbolicLink()) return;
    if (st.mode & 0o077) fs.chmodSync(p, st.mode & 0o700);
    if (st.isDirectory()) for (const name of fs.readdirSync(p)) tighten(path.join(p, name));
  };
  fs.chmodSync(dataDir, 0o700);
  tighten(dataDir);
}

export function acquireDataLock(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'phakhi.lock');
  const info: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    bootId: bootId(),
    startTime: startTimeOf(process.pid),
    token: crypto.randomBytes(12).toString('hex'),
  };
  const mine = JSON.stringify(info);
  for (let attempt = 0; attempt < 2; attempt++) {
    if (fs.existsSync(lockPath) && fs.lstatSync(lockPath).isDirectory()) throw new DataDirLockIsFolderError(lockPath);
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      fs.writeSync(fd, mine);
      fs.closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (readOr(lockPath) === mine) fs.rmSync(lockPath, { force: true });
      };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EISDIR') throw new DataDirLockIsFolderError(lockPath);
      if (code !== 'EEXIST') throw err;
      const raw = readOr(lockPath) ?? '';
      const holder = holderAlive(raw);
      if (holder.alive) throw new DataDirLockedError(dataDir, holder.pid, holder.host);
      fs.rmSync(lockPath, { force: true }); // stale lock from a process that died
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

export class DataDirLockedError extends Error {
  constructor(dataDir: string, pid: number, host?: string) {
    super(
      `The data folder ${dataDir} is already in use by another Phakhi process (pid ${pid}${host ? ` on ${host}` : ''}). ` +
        `The embedded database allows only one process per folder: stop that process, ` +
        `or set PHAKHI_DATA_DIR to another folder, or use PostgreSQL via DATABASE_URL.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export class DataDirLockIsFolderError extends Error {
  constructor(lockPath: string) {
    super(`${lockPath} is a folder, but Phakhi keeps its lock there as a file. Remove that folder (it holds no data of Phakhi) and start again.`);
    this.name = 'DataDirLockIsFolderError';
  }
}
