import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireDataLock, DataDirLockIsFolderError } from './data-lock';
import { ensurePlatformAdmin } from './bootstrap';
import { buildTestApp, createUser, login, tenantWithUser, type TestApp } from '../test/harness';
import { rows } from './sql';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'phakhi-platform-'));

describe('data folder lock', () => {
  it('refuses a second process on the same folder with a clear message, and frees the folder on release', () => {
    const dir = tmp();
    const release = acquireDataLock(dir);
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `import('${path.resolve('server/platform/data-lock.ts')}').then(m => { try { m.acquireDataLock(${JSON.stringify(dir)}); console.log('acquired') } catch (e) { console.log(e.message) } })`,
      ],
      { encoding: 'utf8' },
    );
    expect(child.stdout).toContain('already in use by another Phakhi process');
    expect(child.stdout).toContain(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, 'phakhi.lock'))).toBe(false);
  });

  it('takes over a stale lock left by a process that died', () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, 'phakhi.lock'), '999999999');
    const release = acquireDataLock(dir);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'phakhi.lock'), 'utf8')).pid).toBe(process.pid);
    release();
  });

  it('is not blocked by a live process that is not a Phakhi server (pid 1), old or new lock format', () => {
    const dir = tmp();
    const lock = path.join(dir, 'phakhi.lock');
    fs.writeFileSync(lock, '1');
    acquireDataLock(dir)();
    // pid 1 alive, but it did not start when the lock says: a reused pid, not the holder
    fs.writeFileSync(lock, JSON.stringify({ pid: 1, host: os.hostname(), bootId: null, startTime: '-1', token: 'x' }));
    const release = acquireDataLock(dir);
    expect(JSON.parse(fs.readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(lock)).toBe(false);
  });

  it('keeps the data folder private: PGlite’s files are 0600 and its folders 0700, an old open folder is closed', () => {
    const dir = tmp();
    fs.chmodSync(dir, 0o755);
    const script = `
      const { protectDataDir } = await import(${JSON.stringify(path.resolve('server/platform/data-lock.ts'))});
      const { openDatabase } = await import(${JSON.stringify(path.resolve('server/platform/db.ts'))});
      protectDataDir(${JSON.stringify(dir)});
      const db = await openDatabase({ dataDir: ${JSON.stringify(dir)} });
      await db.migrate();
      protectDataDir(${JSON.stringify(dir)});
      await db.close();`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const open: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        const mode = fs.statSync(p).mode & 0o777;
        if (mode & 0o077) open.push(`${path.relative(dir, p)} ${mode.toString(8)}`);
        if (e.isDirectory()) walk(p);
      }
    };
    walk(dir);
    expect(fs.existsSync(path.join(dir, 'pglite'))).toBe(true);
    expect(open).toEqual([]);
  });

  it('explains a lockfile that is a folder instead of crashing with EISDIR', () => {
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'phakhi.lock'));
    expect(() => acquireDataLock(dir)).toThrow(DataDirLockIsFolderError);
    expect(() => acquireDataLock(dir)).toThrow(/is a folder.*Remove that folder/);
  });
});

describe('first platform admin', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('gets a random password, printed once and written 0600; never a default; only on an empty database', async () => {
    const messages: string[] = [];
    const printed: string[] = [];
    // the app's own data folder: changing the password removes the file there
    const config = { ...t.config, adminEmail: undefined, adminPassword: undefined };
    await ensurePlatformAdmin(
      t.database.db,
      config,
      (m) => messages.push(m),
      (text) => printed.push(text),
    );
    const file = path.join(config.dataDir, 'initial-admin.txt');
    const text = fs.readFileSync(file, 'utf8');
    const password = /password: (\S+)/.exec(text)![1];
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    // printed once, in a plain box of its own, and not in the structured log
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(new RegExp(`\\| +password: ${password} +\\|`));
    expect(messages.join(' ')).not.toContain(password);
    const api = await login(t, 'admin@phakhi.local', password);
    const me = (await api.get('/api/v1/auth/me')).json();
    expect(me.user).toMatchObject({ isPlatformAdmin: true, mustChangePassword: true });
    // nothing else works until the printed password is replaced; then the file goes
    expect((await api.get('/api/v1/admin/tenants')).json().error.code).toBe('password_change_required');
    const changed = await api.post('/api/v1/auth/password', { currentPassword: password, newPassword: 'ต้นน้ำชมภู-ฝายพญาคำ-2570' });
    expect(changed.statusCode).toBe(204);
    expect(fs.existsSync(file)).toBe(false);
    expect((await api.get('/api/v1/admin/tenants')).statusCode).toBe(200);
    // a second start does nothing
    await ensurePlatformAdmin(
      t.database.db,
      { ...config, adminEmail: 'other@example.org', adminPassword: 'Other-Password-1' },
      (m) => messages.push(m),
      (x) => printed.push(x),
    );
    expect(messages).toHaveLength(1);
    expect(printed).toHaveLength(1);
  });

  it('acts in every tenant, and the audit log says so', async () => {
    const { base, api: tenantAdmin } = await tenantWithUser(t, 'admin');
    const root = await createUser(t, { platformAdmin: true });
    const api = await login(t, root.email, root.password);
    const res = await api.post(`${base}/partners`, { kind: 'organization', name: 'สำนักงานเทศบาล', sector: 'local_government' });
    expect(res.statusCode).toBe(201);
    const log = (await tenantAdmin.get(`${base}/audit`)).json();
    expect(log.items[0]).toMatchObject({ actorRole: 'platform_admin', actorName: root.name, action: 'create', entity: 'party', entityLabel: 'สำนักงานเทศบาล' });
  });
});

describe('PostgreSQL connection pool', () => {
  it.skipIf(!process.env.PHAKHI_TEST_DATABASE_URL)('survives the server closing an idle connection and opens a new one', async () => {
    const pg = (await import('pg')).default;
    const { sql } = await import('drizzle-orm');
    const t = await buildTestApp();
    const errors: string[] = [];
    const logged = console.error;
    console.error = (msg: string) => void errors.push(String(msg));
    const admin = new pg.Client({ connectionString: process.env.PHAKHI_TEST_DATABASE_URL });
    try {
      const [{ pid }] = await rows<{ pid: number }>(t.database.db, sql`select pg_backend_pid() as pid`);
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      // the pool hears of it on its idle connection; without a listener the process would crash here
      for (let i = 0; i < 50 && !errors.length; i++) await new Promise((r) => setTimeout(r, 20));
      expect(errors.join(' ')).toContain('PostgreSQL closed an idle connection');
      const [again] = await rows<{ one: number }>(t.database.db, sql`select 1 as one`);
      expect(again.one).toBe(1);
    } finally {
      console.error = logged;
      await admin.end();
      await t.close();
    }
  });
});
