import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_FOLDER, pgliteExtensions, type Database, type Db } from '../db';
import { databaseSnapshot, snapshotDiff, snapshotWithin, type Snapshot } from './snapshot';
import { listFiles, readTar, TarWriter } from './tar';

/**
 * `npm run cli -- backup <file>` / `restore <file>` (issue 15, docs/operations/backup.md).
 *
 * A backup is one .tar.gz:
 *   phakhi-backup.json           manifest: kind, time, per-table row counts and checksums, file count
 *   database/pglite.tar.gz       PGlite: the data folder as PGlite's own dumpDataDir writes it, or
 *   database/postgres.dump       PostgreSQL: pg_dump --format=custom
 *   files/…                      knowledge attachments (content-addressed)
 *   ledger/files/…               budget ledger evidence
 * Not included, on purpose: the ledger's signing key (ledger/signing-key.pem), the citizen-ID secret
 * (secret.key), initial-admin.txt and the lock: keys are kept apart from the data they protect.
 */
export const MANIFEST = 'phakhi-backup.json';
const PGLITE_DUMP = 'database/pglite.tar.gz';
const PG_DUMP = 'database/postgres.dump';
/** Folders of the data folder that go into a backup (relative to the data folder). */
const FILE_ROOTS = ['files', 'ledger/files'];
export const NOT_INCLUDED = ['ledger/signing-key.pem', 'secret.key', 'initial-admin.txt', 'phakhi.lock'];

export interface Manifest {
  format: 'phakhi-backup';
  version: 1;
  kind: 'pglite' | 'postgres';
  createdAt: string;
  tables: Snapshot;
  files: number;
  notIncluded: string[];
}

export class BackupError extends Error {}

type Log = (message: string) => void;

// ---------------------------------------------------------------- backup

/** Hard links of the data folder's files in a staging folder: taken in a moment, immune to later deletes. */
function linkFiles(dataDir: string, staging: string): string[] {
  const names: string[] = [];
  for (const root of FILE_ROOTS) {
    for (const rel of listFiles(path.join(dataDir, root))) {
      const name = `${root}/${rel}`;
      const target = path.join(staging, name);
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      try {
        fs.linkSync(path.join(dataDir, name), target);
      } catch {
        fs.copyFileSync(path.join(dataDir, name), target); // another file system
      }
      names.push(name);
    }
  }
  return names;
}

const stagingDir = (dataDir: string, what: string) => {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  return fs.mkdtempSync(path.join(dataDir, `.${what}-`));
};

/**
 * Backup of an open database (the running server's own, through the control socket, or the CLI's when no
 * server holds the data folder). PGlite: while PGlite's transaction lock is held (no transaction is half
 * done) the data folder is dumped and the files are hard-linked; the checksums are then read from the dump
 * itself, opened in memory — so the manifest describes exactly what was saved, and a dump that does not open
 * is never written. PostgreSQL: a REPEATABLE READ transaction exports its snapshot, the checksums are read in
 * it and pg_dump is given the same snapshot.
 */
export async function writeBackup(opts: { database: Database; dataDir: string; databaseUrl?: string; file: string; log?: Log }): Promise<Manifest> {
  const log = opts.log ?? (() => {});
  const file = path.resolve(opts.file);
  if (!fs.existsSync(path.dirname(file))) throw new BackupError(`The folder ${path.dirname(file)} does not exist.`);
  const staging = stagingDir(opts.dataDir, 'backup');
  const tar = new TarWriter(file);
  try {
    let tables: Snapshot;
    let files: string[];
    let kind: Manifest['kind'];
    if (opts.database.kind === 'pglite') {
      kind = 'pglite';
      const client = (opts.database.db as unknown as { $client: PGliteLike }).$client;
      const { dump, linked } = await client._runExclusiveTransaction(async () => {
        const d = await client.dumpDataDir('gzip');
        return { dump: Buffer.from(await d.arrayBuffer()), linked: linkFiles(opts.dataDir, staging) };
      });
      files = linked;
      log(`database dumped (${mb(dump.length)}); checking the copy…`);
      tables = await pgliteSnapshot(dump);
      await tar.add(PGLITE_DUMP, dump);
    } else {
      kind = 'postgres';
      if (!opts.databaseUrl) throw new BackupError('DATABASE_URL is needed for a PostgreSQL backup.');
      const dumpFile = path.join(staging, 'postgres.dump');
      const result = await pgDumpConsistent(opts.databaseUrl, dumpFile, () => linkFiles(opts.dataDir, staging));
      tables = result.tables;
      files = result.files;
      log(`database dumped (${mb(fs.statSync(dumpFile).size)})`);
      await tar.addFile(PG_DUMP, dumpFile);
    }
    const manifest: Manifest = {
      format: 'phakhi-backup',
      version: 1,
      kind,
      createdAt: new Date().toISOString(),
      tables,
      files: files.length,
      notIncluded: NOT_INCLUDED,
    };
    for (const name of files) await tar.addFile(name, path.join(staging, name));
    await tar.add(MANIFEST, Buffer.from(JSON.stringify(manifest, null, 2)));
    await tar.finish();
    return manifest;
  } catch (err) {
    tar.abort();
    throw err;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

interface PGliteLike {
  dumpDataDir(compression?: 'gzip' | 'none' | 'auto'): Promise<Blob | File>;
  _runExclusiveTransaction<T>(fn: () => Promise<T>): Promise<T>;
}

const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;

async function openPgliteCopy(dir: string | undefined, dump: Buffer) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const client = await PGlite.create(dir, { loadDataDir: new Blob([new Uint8Array(dump)]), extensions: await pgliteExtensions() });
  return { client, db: drizzle(client) as unknown as Db };
}

async function pgliteSnapshot(dump: Buffer): Promise<Snapshot> {
  const copy = await openPgliteCopy(undefined, dump);
  try {
    return await databaseSnapshot(copy.db);
  } finally {
    await copy.client.close();
  }
}

/** pg_dump and pg_restore: PHAKHI_PG_BIN, else the newest /usr/lib/postgresql/<version>/bin, else PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore', env: NodeJS.ProcessEnv = process.env): string {
  if (env.PHAKHI_PG_BIN) return path.join(env.PHAKHI_PG_BIN, name);
  let versions: string[] = [];
  try {
    versions = fs.readdirSync('/usr/lib/postgresql').filter((v) => fs.existsSync(`/usr/lib/postgresql/${v}/bin/${name}`));
  } catch {
    /* not Debian's layout */
  }
  versions.sort((a, b) => Number(b) - Number(a) || b.localeCompare(a));
  return versions.length ? `/usr/lib/postgresql/${versions[0]}/bin/${name}` : name;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', (err) =>
      reject(
        new BackupError(
          `Could not run ${command} (${(err as NodeJS.ErrnoException).code}). Install the PostgreSQL client (apt-get install postgresql-client) or set PHAKHI_PG_BIN.`,
        ),
      ),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new BackupError(`${path.basename(command)} failed (exit ${code}):\n${stderr.trim()}`))));
  });
}

/** libpq takes the password from PGPASSWORD rather than the command line (not visible in `ps`). */
function pgArgs(url: string): { dbArg: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return { dbArg: u.toString(), env };
}

async function pgClient(url: string) {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return { client, db: drizzle(client) as unknown as Db };
}

async function pgDumpConsistent(url: string, dumpFile: string, linkFilesNow: () => string[]) {
  const { client, db } = await pgClient(url);
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0].id;
    const tables = await snapshotWithin(db);
    const files = linkFilesNow();
    const { dbArg, env } = pgArgs(url);
    await run(pgTool('pg_dump'), ['--format=custom', `--snapshot=${snapshot}`, '--file', dumpFile, '--dbname', dbArg], env);
    await client.query('commit');
    return { tables, files };
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------- restore

export interface RestoreResult {
  manifest: Manifest;
  /** Where the data folder's previous database and files were moved (PGlite, --force), if anything was there. */
  movedAside?: string;
}

/** Reads and checks a backup into a staging folder: the manifest, the database part and the files. */
async function unpack(file: string, staging: string): Promise<Manifest> {
  if (!fs.existsSync(file)) throw new BackupError(`No such file: ${file}`);
  let manifest: Manifest | null = null;
  let files = 0;
  try {
    await readTar(file, (entry) => {
      if (entry.name === MANIFEST) {
        manifest = JSON.parse(entry.data.toString('utf8')) as Manifest;
        return;
      }
      const ok = entry.name === PGLITE_DUMP || entry.name === PG_DUMP || FILE_ROOTS.some((r) => entry.name.startsWith(`${r}/`));
      if (!ok || entry.name.split('/').some((p) => p === '..' || p === '.' || p === '')) throw new BackupError(`unexpected entry in the backup: ${entry.name}`);
      if (entry.name !== PGLITE_DUMP && entry.name !== PG_DUMP) files++;
      const target = path.join(staging, entry.name);
      fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
      fs.writeFileSync(target, entry.data, { mode: 0o600 });
    });
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file} is not a readable Phakhi backup: ${(err as Error).message}`);
  }
  const m = manifest as Manifest | null;
  if (!m || m.format !== 'phakhi-backup' || m.version !== 1) throw new BackupError(`${file} is not a Phakhi backup (no ${MANIFEST}).`);
  if (!fs.existsSync(path.join(staging, m.kind === 'pglite' ? PGLITE_DUMP : PG_DUMP))) throw new BackupError('The backup has no database part.');
  if (files !== m.files) throw new BackupError(`The backup should hold ${m.files} files and holds ${files}.`);
  return m;
}

const hasFiles = (dataDir: string) => FILE_ROOTS.some((r) => listFiles(path.join(dataDir, r)).length > 0);

function checkRestored(manifest: Manifest, restored: Snapshot) {
  const diff = snapshotDiff(manifest.tables, restored);
  if (diff.length) throw new BackupError(`The restored database does not match the backup's checksums:\n  ${diff.join('\n  ')}`);
}

/** Moves the staged file folders into the data folder; what was there goes to `aside` (undone if a move fails). */
function swapIn(dataDir: string, staging: string, parts: string[], aside: string): boolean {
  const done: { part: string; hadOld: boolean }[] = [];
  let moved = false;
  try {
    for (const part of parts) {
      const live = path.join(dataDir, part);
      const hadOld = fs.existsSync(live);
      if (hadOld) {
        fs.mkdirSync(path.dirname(path.join(aside, part)), { recursive: true, mode: 0o700 });
        fs.renameSync(live, path.join(aside, part));
        moved = true;
      }
      done.push({ part, hadOld });
      const incoming = path.join(staging, part);
      if (fs.existsSync(incoming)) {
        fs.mkdirSync(path.dirname(live), { recursive: true, mode: 0o700 });
        fs.renameSync(incoming, live);
      }
    }
    return moved;
  } catch (err) {
    for (const { part, hadOld } of done.reverse()) {
      const live = path.join(dataDir, part);
      if (fs.existsSync(live)) fs.renameSync(live, path.join(staging, part));
      if (hadOld) fs.renameSync(path.join(aside, part), live);
    }
    throw err;
  }
}

/**
 * Restore into the data folder (PGlite; the server must be stopped — the caller holds the data lock) or into
 * DATABASE_URL (PostgreSQL) plus the data folder's files. Refuses a database that holds anything unless
 * `force`. All or nothing: everything is unpacked and checked first (PGlite: the database is opened and its
 * checksums compared before it replaces anything; PostgreSQL: pg_restore runs as one transaction), and only
 * then are folders swapped in by rename.
 */
export async function restoreBackup(opts: { file: string; dataDir: string; databaseUrl?: string; force?: boolean; log?: Log }): Promise<RestoreResult> {
  const log = opts.log ?? (() => {});
  const staging = stagingDir(opts.dataDir, 'restore');
  try {
    const manifest = await unpack(path.resolve(opts.file), staging);
    const target = opts.databaseUrl ? 'postgres' : 'pglite';
    if (manifest.kind !== target)
      throw new BackupError(
        `This is a ${manifest.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL'} backup; the target is ${target === 'pglite' ? 'PGlite (no DATABASE_URL)' : 'PostgreSQL (DATABASE_URL)'}. Restore it into the same kind of database.`,
      );
    log(`backup of ${manifest.createdAt}: ${Object.keys(manifest.tables).length} tables, ${manifest.files} files`);
    const aside = path.join(opts.dataDir, `before-restore-${manifest.createdAt.replace(/[:.]/g, '-')}-${crypto.randomBytes(3).toString('hex')}`);

    if (manifest.kind === 'pglite') {
      const live = path.join(opts.dataDir, 'pglite');
      const occupied = fs.existsSync(path.join(live, 'PG_VERSION')) || hasFiles(opts.dataDir);
      if (occupied && !opts.force)
        throw new BackupError(
          `${opts.dataDir} already holds a database or files. Restore into an empty data folder, or add --force (the present ones are moved aside, not deleted).`,
        );
      const copy = await openPgliteCopy(path.join(staging, 'pglite'), fs.readFileSync(path.join(staging, PGLITE_DUMP)));
      try {
        checkRestored(manifest, await databaseSnapshot(copy.db));
      } finally {
        await copy.client.close();
      }
      log('database unpacked and checked');
      const moved = swapIn(opts.dataDir, staging, ['pglite', ...FILE_ROOTS], aside);
      return { manifest, movedAside: moved ? aside : undefined };
    }

    const url = opts.databaseUrl!;
    const { client, db } = await pgClient(url);
    try {
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from pg_class c join pg_namespace s on s.oid = c.relnamespace
         where s.nspname in ('public', 'drizzle') and c.relkind in ('r', 'p')`,
      );
      if ((rows[0].n > 0 || hasFiles(opts.dataDir)) && !opts.force)
        throw new BackupError(
          `The database already holds ${rows[0].n} tables${hasFiles(opts.dataDir) ? ` and ${opts.dataDir} holds files` : ''}. Restore into an empty database, or add --force (the database's tables are replaced; take a backup of it first).`,
        );
      // the application role is cluster-wide, not in the dump; the same statement as migration 0001
      const migration = fs.readFileSync(path.join(MIGRATIONS_FOLDER, '0001_rls_and_extensions.sql'), 'utf8');
      const roleBlock = migration.slice(migration.indexOf('DO $$'), migration.indexOf('$$;') + 3);
      await client.query(roleBlock);
      const { dbArg, env } = pgArgs(url);
      const args = ['--single-transaction', '--exit-on-error', '--no-owner', '--dbname', dbArg];
      if (opts.force) args.push('--clean', '--if-exists');
      await run(pgTool('pg_restore'), [...args, path.join(staging, PG_DUMP)], env);
      log('database restored (one transaction)');
      // LEAKPROOF marks on built-in functions (migrations 0003, 0007) are not in a dump: set again when allowed
      await client.query(`DO $$ BEGIN
        ALTER FUNCTION ts_match_vq(tsvector, tsquery) LEAKPROOF;
        ALTER FUNCTION word_similarity_commutator_op(text, text) LEAKPROOF;
        ALTER FUNCTION similarity_op(text, text) LEAKPROOF;
      EXCEPTION WHEN insufficient_privilege THEN
        RAISE NOTICE 'not a superuser: search functions not marked LEAKPROOF (docs/OPERATIONS.md)';
      END $$`);
      await client.query('begin isolation level repeatable read read only');
      const restored = await snapshotWithin(db);
      await client.query('commit');
      checkRestored(manifest, restored);
    } finally {
      await client.end().catch(() => {});
    }
    const moved = swapIn(opts.dataDir, staging, FILE_ROOTS, aside);
    return { manifest, movedAside: moved ? aside : undefined };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
