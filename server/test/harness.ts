import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../platform/config';
import { openDatabase, type Database } from '../platform/db';
import { tenants, tenantUsers, users } from '../db/schema';
import { hashPassword } from '../modules/auth/passwords';
import { setCitizenIdSecret } from '../modules/partners/partners.service';
import type { TenantRole } from '../../common/schemas/enums';

/**
 * A real app on a real database: PGlite in memory by default; a fresh database on the PostgreSQL
 * server in PHAKHI_TEST_DATABASE_URL when set (the CI's second run).
 */
export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

export const ORIGIN = 'http://localhost';

export async function buildTestApp(overrides: Partial<Config> = {}): Promise<TestApp> {
  const serverUrl = process.env.PHAKHI_TEST_DATABASE_URL;
  let databaseUrl: string | undefined;
  let dropDatabase = async () => {};
  if (serverUrl) {
    const pg = (await import('pg')).default;
    const name = `phakhi_test_${crypto.randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    // PHAKHI_TEST_CITUS=1 (scripts/citus-check.sh): the server is a Citus coordinator; the new database gets
    // the extension and the same workers, and is distributed after migrating (below)
    const workers = process.env.PHAKHI_TEST_CITUS
      ? (await admin.query<{ host: string; port: number }>(`select nodename as host, nodeport as port from pg_dist_node where groupid > 0`)).rows
      : [];
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    const nodeUrl = (w: { host: string; port: number }, db: string) => {
      const u = new URL(serverUrl);
      u.hostname = w.host;
      u.port = String(w.port);
      u.pathname = `/${db}`;
      return u.toString();
    };
    const onNode = async (connectionString: string, ...statements: string[]) => {
      const c = new pg.Client({ connectionString });
      await c.connect();
      for (const s of statements) await c.query(s);
      await c.end();
    };
    if (process.env.PHAKHI_TEST_CITUS) {
      for (const w of workers) await onNode(nodeUrl(w, 'postgres'), `create database ${name}`);
      for (const w of workers) await onNode(nodeUrl(w, name), 'create extension citus');
      const coordinator = new URL(serverUrl);
      await onNode(
        databaseUrl,
        'create extension citus',
        `select citus_set_coordinator_host('${coordinator.hostname}', ${Number(coordinator.port || 5432)})`,
        ...workers.map((w) => `select citus_add_node('${w.host}', ${w.port})`),
      );
    }
    dropDatabase = async () => {
      for (const w of workers) await onNode(nodeUrl(w, 'postgres'), `drop database if exists ${name} with (force)`);
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  }
  const config: Config = {
    ...loadConfig({}),
    dataDir: path.join(os.tmpdir(), `phakhi-test-${crypto.randomBytes(4).toString('hex')}`),
    databaseUrl,
    seedDemo: false,
    serveWeb: false,
    logLevel: 'silent',
    loginRateLimit: 1000,
    ...overrides,
  };
  // PGlite: the test's data folder starts as a copy of the migrated template (vitest's global setup makes it once),
  // not initdb and every migration per file; migrate() then finds nothing to do.
  const database = databaseUrl ? await openDatabase({ databaseUrl, poolSize: 4 }) : await openDatabase({ dataDir: config.dataDir, fromTemplate: true });
  await database.migrate();
  if (process.env.PHAKHI_TEST_CITUS) {
    const { distributeCommand } = await import('../platform/distribute-command');
    if ((await distributeCommand(databaseUrl, () => {})) !== 0) throw new Error('distribute refused the test database');
  }
  setCitizenIdSecret('test-secret');
  const app = await buildApp({ config, database, logger: false });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
      await dropDatabase();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
export async function createTenant(t: TestApp, slug = `t${++counter}-${crypto.randomBytes(3).toString('hex')}`) {
  const [row] = await t.database.db
    .insert(tenants)
    .values({
      slug,
      nameTh: `เทศบาลตำบลทดสอบ ${slug}`,
      nameEn: `Test ${slug}`,
      type: 'subdistrict_municipality',
      province: 'เชียงใหม่',
      district: 'สารภี',
      subdistrict: 'ชมภู',
    })
    .returning();
  await t.app.tenantDirectory.reload();
  return row;
}

export async function createUser(
  t: TestApp,
  opts: { tenantId?: string; role?: TenantRole; platformAdmin?: boolean; password?: string; email?: string; name?: string; partyId?: string } = {},
) {
  const password = opts.password ?? 'Test-Password-2569';
  const email = opts.email ?? `u${++counter}-${crypto.randomBytes(3).toString('hex')}@example.org`;
  const [user] = await t.database.db
    .insert(users)
    .values({ email, name: opts.name ?? `ผู้ใช้ ${counter}`, passwordHash: await hashPassword(password), isPlatformAdmin: opts.platformAdmin ?? false })
    .returning();
  if (opts.tenantId && opts.role)
    await t.database.db.insert(tenantUsers).values({ tenantId: opts.tenantId, userId: user.id, role: opts.role, partyId: opts.partyId ?? null });
  return { ...user, password };
}

/** A logged-in HTTP client: every call carries the session cookie and a same-site Origin. */
export interface Client {
  cookie: string;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  delete(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export function client(t: TestApp, cookie = ''): Client {
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({ method, url, payload: body as never, headers: { cookie, origin: ORIGIN, host: 'localhost', ...headers } });
  return {
    cookie,
    get: (url, h) => send('GET', url, undefined, h),
    post: (url, body, h) => send('POST', url, body, h),
    patch: (url, body, h) => send('PATCH', url, body, h),
    put: (url, body, h) => send('PUT', url, body, h),
    delete: (url, h) => send('DELETE', url, undefined, h),
  };
}

export async function login(t: TestApp, email: string, password: string): Promise<Client> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: { origin: ORIGIN, host: 'localhost' } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'phakhi_session');
  return client(t, `phakhi_session=${cookie!.value}`);
}

/** A tenant with a logged-in user of the given role. */
export async function tenantWithUser(t: TestApp, role: TenantRole = 'admin') {
  const tenant = await createTenant(t);
  const user = await createUser(t, { tenantId: tenant.id, role });
  const api = await login(t, user.email, user.password);
  return { tenant, user, api, base: `/api/v1/t/${tenant.slug}` };
}

/**
 * A test file's usual setup: an app with one tenant and a logged-in user of `role`, built before the file's
 * tests and closed after them. Its fields are set in beforeAll: read them inside the tests.
 */
export function useTenantApp(role: TenantRole = 'admin') {
  const s = {} as { t: TestApp } & Awaited<ReturnType<typeof tenantWithUser>>;
  beforeAll(async () => {
    s.t = await buildTestApp();
    Object.assign(s, await tenantWithUser(s.t, role));
  });
  afterAll(() => s.t.close());
  return s;
}

export const CHOMPHU_ADDRESS = { line: '99', moo: 3, subdistrict: 'ชมภู', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140' };
