import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { attachReceipt, budgetTenant, contribution } from '../../modules/budget/fixtures';
import { verifyChain } from '../../modules/budget/verify-chain';
import { setCitizenIdSecret } from '../../modules/partners/partners.service';
import { buildTestApp, type TestApp } from '../../test/harness';
import { loadConfig } from '../config';
import { acquireDataLock } from '../data-lock';
import { openDatabase, type Database } from '../db';
import { BackupError, MANIFEST, restoreBackup, writeBackup, type Manifest } from './backup';
import { askServerForBackup, startControlSocket } from './control';
import { databaseSnapshot, snapshotDiff } from './snapshot';
import { readTar, TarWriter } from './tar';

/**
 * Backup → restore round trip through the real commands' functions, on the database this suite runs on:
 * PGlite (a data folder on disk, backed up while the app serves requests, through the control socket the
 * CLI uses) or PostgreSQL (pg_dump/pg_restore into a second, fresh database). After a restore every
 * table's row count and checksum equal the ones taken before, the ledger's hash chain verifies, and the
 * evidence file is back; the signing key is not in the archive.
 */
const onPostgres = !!process.env.PHAKHI_TEST_DATABASE_URL;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'phakhi-backup-'));
let t: TestApp;
let tenantId = '';
let ledgerBase = '';
let txCount = 0;
let stopControl = async () => {};
let before: Awaited<ReturnType<typeof databaseSnapshot>>;
const extraDatabases: string[] = [];

async function pgliteApp(dataDir: string): Promise<TestApp> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const database = await openDatabase({ dataDir });
  await database.migrate();
  const config = { ...loadConfig({}), dataDir, seedDemo: false, serveWeb: false, logLevel: 'silent', loginRateLimit: 1000 };
  setCitizenIdSecret('test-secret');
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return { app, database, config, close: async () => (await app.close(), await database.close()) };
}

/** A fresh empty database on the test server (PostgreSQL runs). */
async function freshPostgres(): Promise<string> {
  const pg = (await import('pg')).default;
  const name = `phakhi_restore_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: process.env.PHAKHI_TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  extraDatabases.push(name);
  const url = new URL(process.env.PHAKHI_TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Opens a restored target, gives its snapshot and the ledger verification, closes it. */
async function inspect(target: { dataDir: string; databaseUrl?: string }) {
  const database: Database = await openDatabase(target.databaseUrl ? { databaseUrl: target.databaseUrl, poolSize: 1 } : { dataDir: target.dataDir });
  try {
    return { snapshot: await databaseSnapshot(database.db), chain: await verifyChain(database.db, tenantId) };
  } finally {
    await database.close();
  }
}

const backupOf = async (file: string): Promise<Manifest> =>
  onPostgres
    ? writeBackup({ database: t.database, dataDir: t.config.dataDir, databaseUrl: t.config.databaseUrl, file })
    : askServerForBackup(t.config.dataDir, file);

const target = async (name: string) => ({ dataDir: path.join(tmp, name), databaseUrl: onPostgres ? await freshPostgres() : undefined });

beforeAll(async () => {
  t = onPostgres ? await buildTestApp() : await pgliteApp(path.join(tmp, 'live'));
  const s = await budgetTenant(t);
  tenantId = s.tenant.id;
  ledgerBase = `${s.base}/ledger/transactions`;
  for (let i = 1; i <= 3; i++) {
    const res = await s.api.post(ledgerBase, {
      kind: 'contribution',
      occurredOn: '2026-01-10',
      description: `เงินสมทบงวด ${i}`,
      entries: contribution(s.municipal.id, 150_000 * i),
    });
    expect(res.statusCode).toBe(201);
    if (i === 1) expect((await attachReceipt(t, `${ledgerBase}/${res.json().id}/evidence`, s.api.cookie)).statusCode).toBe(201);
  }
  txCount = 3;
  if (!onPostgres) stopControl = await startControlSocket(t.config.dataDir, t.database);
  before = await databaseSnapshot(t.database.db);
  expect((await verifyChain(t.database.db, tenantId)).valid).toBe(true);
}, 300_000);

afterAll(async () => {
  await stopControl();
  await t?.close();
  if (onPostgres && extraDatabases.length) {
    const pg = (await import('pg')).default;
    const admin = new pg.Client({ connectionString: process.env.PHAKHI_TEST_DATABASE_URL });
    await admin.connect();
    for (const name of extraDatabases) await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe(`backup and restore (${onPostgres ? 'PostgreSQL: pg_dump/pg_restore' : 'PGlite: control socket of the running app'})`, () => {
  const file = path.join(tmp, 'phakhi-backup.tar.gz');

  it('round trip: same row counts and checksums in every table, ledger verified, evidence back, no keys in the archive', async () => {
    const backupStarted = Date.now();
    const manifest = await backupOf(file);
    const backupMs = Date.now() - backupStarted;
    expect(snapshotDiff(before, manifest.tables)).toEqual([]);
    expect(manifest.tables.ledger_transactions.rows).toBe(txCount);
    expect(manifest.files).toBe(1);

    const names: string[] = [];
    await readTar(file, (e) => void names.push(e.name));
    expect(names).toContain(MANIFEST);
    expect(names.some((n) => n.startsWith('ledger/files/sha256/'))).toBe(true);
    expect(names.some((n) => /signing-key|secret\.key|phakhi\.lock|control\.sock/.test(n))).toBe(false);

    const into = await target('restored');
    const restoreStarted = Date.now();
    const result = await restoreBackup({ file, ...into });
    const restoreMs = Date.now() - restoreStarted;
    expect(result.movedAside).toBeUndefined();
    const restored = await inspect(into);
    expect(snapshotDiff(before, restored.snapshot)).toEqual([]);
    expect(restored.chain).toMatchObject({ valid: true, checked: txCount });
    const evidence = fs.readdirSync(path.join(into.dataDir, 'ledger', 'files', 'sha256', tenantId), { recursive: true });
    expect(evidence.length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(into.dataDir, 'ledger', 'signing-key.pem'))).toBe(false);
    const tables = Object.values(manifest.tables);
    console.info(
      `restore figures (${onPostgres ? 'PostgreSQL' : 'PGlite'}): ${tables.length} tables, ${tables.reduce((n, x) => n + x.rows, 0)} rows, ` +
        `archive ${(fs.statSync(file).size / 1024).toFixed(0)} KiB; backup ${backupMs} ms, restore ${restoreMs} ms; every count and checksum equal, chain valid (${restored.chain.checked} links)`,
    );

    // a non-empty target is refused unless --force; with it the old contents are replaced (PGlite: moved aside)
    await expect(restoreBackup({ file, ...into })).rejects.toThrow(/already holds/);
    const forced = await restoreBackup({ file, ...into, force: true }); // checks its checksums against the manifest itself
    if (!onPostgres) expect(fs.existsSync(path.join(forced.movedAside!, 'pglite', 'PG_VERSION'))).toBe(true);
  }, 300_000);

  it('a backup taken while writes go on is consistent: it restores and its ledger verifies', async () => {
    const s = await budgetTenant(t); // another tenant keeps writing during the backup
    const writes = Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        s.api.post(`${s.base}/partners`, { kind: 'organization', name: `วิสาหกิจชุมชนบ้านชมภู ${i + 1}`, sector: 'civil_society' }),
      ),
    );
    const during = path.join(tmp, 'during.tar.gz');
    const [manifest, responses] = await Promise.all([backupOf(during), writes]);
    expect(responses.every((r) => r.statusCode === 201)).toBe(true);
    const into = await target('during');
    await restoreBackup({ file: during, ...into }); // restore compares with the manifest itself
    const restored = await inspect(into);
    expect(snapshotDiff(manifest.tables, restored.snapshot)).toEqual([]);
    expect(restored.chain.valid).toBe(true);
  }, 300_000);

  it('restores all or nothing: a truncated file or checksums that do not match leave the target as it was', async () => {
    const into = await target('untouched');
    const truncated = path.join(tmp, 'truncated.tar.gz');
    fs.writeFileSync(truncated, fs.readFileSync(file).subarray(0, Math.floor(fs.statSync(file).size / 2)));
    await expect(restoreBackup({ file: truncated, ...into })).rejects.toThrow(BackupError);
    expect(fs.existsSync(path.join(into.dataDir, 'pglite'))).toBe(false);

    // the same archive with one table's count changed in its manifest: the restored copy does not match
    const tampered = path.join(tmp, 'tampered.tar.gz');
    const out = new TarWriter(tampered);
    await readTar(file, async (e) => {
      if (e.name !== MANIFEST) return out.add(e.name, e.data);
      const m = JSON.parse(e.data.toString()) as Manifest;
      m.tables.ledger_transactions.rows += 1;
      await out.add(e.name, Buffer.from(JSON.stringify(m)));
    });
    await out.finish();
    await expect(restoreBackup({ file: tampered, ...into })).rejects.toThrow(/ledger_transactions: 4 rows → 3 rows/);
    if (!onPostgres) expect(fs.readdirSync(into.dataDir).filter((n) => !n.startsWith('.'))).toEqual([]);
  }, 300_000);

  it.skipIf(onPostgres)(
    'the CLI backs up a running server through its control socket, and restore refuses while it runs',
    async () => {
      const release = acquireDataLock(t.config.dataDir); // as the server does; the CLI is another process
      try {
        const cli = (args: string[]) =>
          new Promise<{ code: number; out: string }>((resolve) => {
            const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
              env: { ...process.env, PHAKHI_DATA_DIR: t.config.dataDir },
            });
            let out = '';
            child.stdout.on('data', (d) => (out += d));
            child.stderr.on('data', (d) => (out += d));
            child.on('close', (code) => resolve({ code: code ?? -1, out }));
          });
        const viaCli = path.join(tmp, 'cli.tar.gz');
        const backup = await cli(['backup', viaCli]);
        expect(backup.out).toContain('asking it for a consistent snapshot');
        expect(backup.code).toBe(0);
        expect(fs.existsSync(viaCli)).toBe(true);
        const restore = await cli(['restore', viaCli, '--force']);
        expect(restore.code).toBe(1);
        expect(restore.out).toContain('Stop the server before restoring');
      } finally {
        release();
      }
    },
    300_000,
  );
});
