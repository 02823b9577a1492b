import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetTenant, contribution } from '../../modules/budget/fixtures';
import { databaseSnapshot, snapshotDiff, type Snapshot } from '../../platform/backup/snapshot';
import { rows } from '../../platform/sql';
import { buildTestApp, createUser, login, ORIGIN, type TestApp } from '../harness';
import { brokenRequest, idPool, validRequest, type JsonSchema, type Operation, type Req } from './arbitraries';

/**
 * Fuzzing every route of the route table (issue 15 item 4). The OpenAPI document lists each route with the
 * JSON Schema that fastify-type-provider-zod derives from its zod schemas; from it fast-check generates
 * requests the schema accepts (ids drawn mostly from the tenant's real rows) and broken ones (wrong types,
 * huge and pathological strings, Thai, NUL, bidi U+202E, lone surrogates, deep or cut JSON, numbers at
 * their limits, dates in 1900/2099, unknown and missing fields, odd path segments). Two properties:
 *   1. no answer is a 5xx;
 *   2. after every 4xx the database is as it was: if no transaction took a transaction id (the snapshot's
 *      xmax did not move) nothing was written; otherwise every table's row count and checksum are compared.
 * Fixed seed. In the normal suite (`npm test`) a bounded run: 2 valid + 4 broken requests per route (≈1 700
 * requests, ≈30 s of requests on PGlite). PHAKHI_FUZZ=1 is the big run: 4 + 9 per route (≈3 700), times
 * PHAKHI_FUZZ_SCALE; PHAKHI_FUZZ_SEED changes the seed.
 */
const BIG = !!process.env.PHAKHI_FUZZ;
const SCALE = Number(process.env.PHAKHI_FUZZ_SCALE ?? 1);
const SEED = Number(process.env.PHAKHI_FUZZ_SEED ?? 15);
const VALID_RUNS = BIG ? Math.round(4 * SCALE) : 2;
const BROKEN_RUNS = BIG ? Math.round(9 * SCALE) : 4;
/** The fewest requests a run over the whole route table must have sent (a route table that shrank by accident fails). */
const MIN_REQUESTS = BIG ? 3_000 * Math.min(SCALE, 1) : 1_400;

/** Routes that end or change the caller's own session: fuzzing them would log the fuzzer out. */
const SKIP = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/password']);

let t: TestApp;
let slug = '';
const cookies = { admin: '', platform: '' };
const creds = { admin: { email: '', password: '' }, platform: { email: '', password: '' } };
const operations: Operation[] = [];

beforeAll(async () => {
  t = await buildTestApp({ publicRateLimit: 1_000_000, loginRateLimit: 1_000_000 });
  const s = await budgetTenant(t);
  slug = s.tenant.slug;
  creds.admin = { email: s.user.email, password: s.user.password };
  cookies.admin = s.api.cookie;
  const tx = await s.api.post(`${s.base}/ledger/transactions`, {
    kind: 'contribution',
    occurredOn: '2026-01-10',
    description: 'เงินสมทบ',
    entries: contribution(s.municipal.id, 150_000),
  });
  expect(tx.statusCode).toBe(201);
  expect((await s.api.post(`${s.base}/knowledge`, { title: 'คู่มือซ่อมฝาย', type: 'manual', body: 'ลงแขกวางกระสอบทราย' })).statusCode).toBe(201);
  const platform = await createUser(t, { platformAdmin: true });
  creds.platform = { email: platform.email, password: platform.password };
  cookies.platform = (await login(t, platform.email, platform.password)).cookie;
  // every id of the tenant's rows: generated ids are mostly real ones
  const tables = await rows<{ table_name: string }>(
    t.database.db,
    sql`select c.table_name from information_schema.columns c join information_schema.columns i on i.table_name = c.table_name and i.table_schema = c.table_schema and i.column_name = 'id'
        where c.table_schema = 'public' and c.column_name = 'tenant_id'`,
  );
  for (const { table_name } of tables)
    for (const r of await rows<{ id: string }>(
      t.database.db,
      sql`select id::text as id from ${sql.identifier(table_name)} where tenant_id = ${s.tenant.id} limit 20`,
    ))
      idPool.push(r.id);

  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
          requestBody?: { content?: Record<string, { schema: JsonSchema }> };
        }
      >
    >;
  };
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) {
      if (SKIP.has(`${method.toUpperCase()} ${path}`)) continue;
      if (process.env.PHAKHI_FUZZ_ONLY && !new RegExp(process.env.PHAKHI_FUZZ_ONLY).test(`${method.toUpperCase()} ${path}`)) continue;
      const params = op.parameters ?? [];
      const query: JsonSchema = { type: 'object', properties: {}, required: [] };
      const pathParams: Record<string, JsonSchema> = {};
      for (const p of params) {
        if (p.in === 'path') pathParams[p.name] = p.schema;
        if (p.in === 'query') {
          query.properties![p.name] = p.schema;
          if (p.required) query.required!.push(p.name);
        }
      }
      operations.push({ method: method.toUpperCase(), path, pathParams, query, body: op.requestBody?.content?.['application/json']?.schema });
    }
}, 300_000);
afterAll(() => t?.close());

const who = (path: string): keyof typeof cookies | null =>
  path.startsWith('/api/v1/t/') ? 'admin' : path.startsWith('/api/v1/public/') || path === '/api/health' ? null : 'platform';

async function send(op: Operation, req: Req) {
  const as = who(op.path);
  const headers: Record<string, string> = { origin: ORIGIN, host: 'localhost', cookie: as ? cookies[as] : '' };
  let payload: string | undefined;
  if (req.raw !== undefined) payload = req.raw;
  else if (req.body !== undefined) payload = JSON.stringify(req.body);
  if (payload !== undefined) headers['content-type'] = 'application/json';
  return t.app.inject({ method: req.method as 'GET', url: req.url, payload, headers });
}

/** Whether a fuzzed request ended the caller's own session (e.g. an own-account change). */
async function sessionLost(op: Operation) {
  const as = who(op.path);
  if (!as) return false;
  const me = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: cookies[as], host: 'localhost' } });
  if (me.statusCode !== 401) return false;
  cookies[as] = (await login(t, creds[as].email, creds[as].password)).cookie;
  return true;
}

const xmax = async () => (await rows<{ x: string }>(t.database.db, sql`select pg_snapshot_xmax(pg_current_snapshot())::text as x`))[0].x;

describe('fuzzing every route from its schema', () => {
  it(`no 5xx, and nothing written by a 4xx (seed ${SEED}, ${VALID_RUNS} valid + ${BROKEN_RUNS} broken requests per route)`, async () => {
    const started = Date.now();
    const failures: string[] = [];
    const statuses: Record<string, number> = {};
    let requests = 0;
    let compared = 0;
    let relogins = 0;
    // PHAKHI_FUZZ_LOG=<file>: failures and progress as they happen (vitest shows the console only at the end)
    const log = (line: string) => process.env.PHAKHI_FUZZ_LOG && fs.appendFileSync(process.env.PHAKHI_FUZZ_LOG, `${line}\n`);
    const note = (failure: string) => (failures.push(failure), log(failure));
    let baseline: Snapshot = await databaseSnapshot(t.database.db);
    let baseXmax = await xmax();
    for (const [i, op] of operations.entries()) {
      const samples = [
        ...fc.sample(validRequest(op, slug), { seed: SEED + i, numRuns: VALID_RUNS }),
        ...fc.sample(brokenRequest(op, slug), { seed: SEED * 7919 + i, numRuns: BROKEN_RUNS }),
      ];
      log(`${((Date.now() - started) / 1000).toFixed(0)} s: ${op.method} ${op.path}`);
      for (const req of samples) {
        if (process.env.PHAKHI_FUZZ_TRACE) log(`  → ${req.method} ${req.url.slice(0, 120)} ${(req.raw ?? JSON.stringify(req.body) ?? '').slice(0, 120)}`);
        const sent = Date.now();
        let res = await send(op, req);
        if (Date.now() - sent > 3000)
          log(`slow (${Date.now() - sent} ms): ${req.method} ${req.url.slice(0, 120)} ${(req.raw ?? JSON.stringify(req.body) ?? '').slice(0, 120)}`);
        if (res.statusCode === 401 && (await sessionLost(op))) {
          // logged in again (a write of its own): new baseline, then the same request once more
          relogins++;
          baseline = await databaseSnapshot(t.database.db);
          baseXmax = await xmax();
          res = await send(op, req);
        }
        requests++;
        const cls = `${Math.floor(res.statusCode / 100)}xx`;
        statuses[cls] = (statuses[cls] ?? 0) + 1;
        const what = () => `${req.method} ${req.url.slice(0, 160)} ${(req.raw ?? JSON.stringify(req.body) ?? '').slice(0, 160)}`;
        if (res.statusCode >= 500) note(`${res.statusCode} ← ${what()} :: ${res.body.slice(0, 200)}`);
        const x = await xmax();
        if (x === baseXmax) continue;
        const now = await databaseSnapshot(t.database.db);
        if (res.statusCode >= 400 && res.statusCode < 500) {
          compared++;
          const diff = snapshotDiff(baseline, now);
          if (diff.length) note(`${res.statusCode} changed ${diff.join(', ')} ← ${what()}`);
        }
        baseline = now;
        baseXmax = await xmax();
      }
    }
    const seconds = (Date.now() - started) / 1000;
    console.info(
      `fuzz: ${requests} requests over ${operations.length} routes in ${seconds.toFixed(1)} s (${Math.round(requests / seconds)}/s); ${JSON.stringify(statuses)}; ` +
        `${compared} 4xx answers after a transaction id was taken were checked table by table; ${relogins} new logins; ${failures.length} failures`,
    );
    expect(failures).toEqual([]);
    if (!process.env.PHAKHI_FUZZ_ONLY) expect(requests).toBeGreaterThanOrEqual(MIN_REQUESTS);
  }, 900_000);
});
