/**
 * npm run bench -- [--scenario=networks,dashboard,…] [--connections=10,50] [--duration=8] [--targets=demo,national,pglite]
 *                  [--url=postgres://…] [--national=phakhi_national_small] [--demo=phakhi_bench_demo] [--fresh] [--identity]
 *
 * HTTP throughput and latency of Phakhi's ordinary reads on PostgreSQL, next to two ceilings measured in
 * the same run: (c) a bare node:http hello-world and (d) a Fastify route doing one primary-key lookup on
 * the same database through a pg pool of the app's size (bench/ceilings.ts). Databases, on the server of
 * --url (default DATABASE_URL, so `bash scripts/with-postgres.sh npm run bench` runs it on a throwaway one):
 *   demo      phakhi_bench_demo, the one-tenant demo (Chomphu), seeded by the app on first start;
 *   national  --national (default phakhi_national_small), made by bench/national.ts --size=small when
 *             missing; the scenarios read one generated tenant among the others;
 *   pglite    (only when named) the demo on PGlite in a data folder kept in the temp folder
 *             (phakhi-bench-pglite-demo), with (d) measured on PGlite too (CEILING=lookup-pglite on a copy of
 *             the folder made while the app is stopped: PGlite is one process's).
 * The app is started on each database (`tsx server/main.ts`, no web build, LOG_LEVEL=warn) and driven by
 * autocannon as the platform admin. Scenarios: dashboard, networks (list of 50), network (one network's
 * page), partners (search "บ้าน", 20), knowledge (search "ผู้สูงอายุ", 20), plan (one plan's page), ledger
 * (50 transactions), verify (re-walk the tenant's hash chain). Every request carries `accept-encoding: br, gzip`
 * as a browser's does (--identity: none), and "KB on the wire" is what autocannon read per answer, headers and
 * compressed body. Prints a Markdown table and writes the rows as JSON to bench/results/<time>.json.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

function arg(name: string): string | undefined {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`) || x === `--${name}`);
  return a ? (a.includes('=') ? a.slice(a.indexOf('=') + 1) : 'true') : undefined;
}
const list = (v: string | undefined, d: string[]) => (v ? v.split(',').map((s) => s.trim()) : d);

const SCENARIOS: Record<string, (ids: Ids) => string> = {
  dashboard: (i) => `/api/v1/t/${i.slug}/dashboard`,
  networks: (i) => `/api/v1/t/${i.slug}/networks?pageSize=50`,
  network: (i) => `/api/v1/t/${i.slug}/networks/${i.network}`,
  partners: (i) => `/api/v1/t/${i.slug}/partners?q=${encodeURIComponent('บ้าน')}&pageSize=20`,
  knowledge: (i) => `/api/v1/t/${i.slug}/knowledge?q=${encodeURIComponent('ผู้สูงอายุ')}&pageSize=20`,
  plan: (i) => `/api/v1/t/${i.slug}/plans/${i.plan}`,
  ledger: (i) => `/api/v1/t/${i.slug}/ledger/transactions?pageSize=50`,
  verify: (i) => `/api/v1/t/${i.slug}/ledger/verify`,
};
const DURATION = Number(arg('duration') ?? process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = list(arg('connections'), ['10', '50']).map(Number);
const SCENARIO_NAMES = list(arg('scenario'), Object.keys(SCENARIOS));
const TARGETS = list(arg('targets'), ['demo', 'national']);
const BASE_URL = arg('url') ?? process.env.DATABASE_URL ?? 'postgres://app@127.0.0.1:54329/postgres';
const NATIONAL_DB = arg('national') ?? 'phakhi_national_small';
const DEMO_DB = arg('demo') ?? 'phakhi_bench_demo';
const ADMIN = { email: 'bench@example.org', password: 'Bench-Password-2569' };

for (const s of SCENARIO_NAMES) if (!SCENARIOS[s]) throw new Error(`unknown scenario ${s}; known: ${Object.keys(SCENARIOS).join(', ')}`);

interface Ids {
  slug: string;
  tenantId: string;
  network: string;
  plan: string;
  party: string;
}
interface Row {
  database: string;
  scenario: string;
  connections: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  bytes: number;
  errors: number;
}

const children: ChildProcess[] = [];
function start(args: string[], env: Record<string, string>): ChildProcess {
  const p = spawn(process.execPath, ['--import', 'tsx', ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'], detached: true });
  children.push(p);
  return p;
}
function stop(p: ChildProcess) {
  try {
    process.kill(-p.pid!, 'SIGTERM');
  } catch {
    /* gone */
  }
}
process.on('exit', () => children.forEach(stop));

async function waitFor(url: string, seconds = 600) {
  for (let i = 0; i < seconds * 4; i++) {
    try {
      const res = await fetch(url);
      // /api/health says `"seeding":true` while the demo loads behind the ready server: measure after it
      if (res.ok && !(await res.text()).includes('"seeding":true')) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer in ${seconds} s`);
}

let nextPort = 42000 + Math.floor(Math.random() * 2000);

/**
 * What a browser sends with every request (Chromium and Firefox: `gzip, deflate, br, zstd`; the server picks brotli,
 * then gzip): the answers are measured as they travel to a browser, compressed. --identity measures them plain.
 */
const BROWSER_HEADERS: Record<string, string> = arg('identity') ? {} : { 'accept-encoding': 'br, gzip' };

async function drive(url: string, connections: number, cookie?: string) {
  const headers = { ...BROWSER_HEADERS, ...(cookie ? { cookie } : {}) };
  await autocannon({ url, connections: Math.min(connections, 10), duration: 1, headers }); // warm-up
  // every answer's time, for the percentiles autocannon does not give (p95)
  const times: number[] = [];
  // without a callback autocannon returns its tracker (an event emitter), made thenable
  const run = autocannon({ url, connections, duration: DURATION, headers }) as unknown as Promise<autocannon.Result> & EventEmitter;
  run.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => times.push(ms));
  const r = await run;
  times.sort((a, b) => a - b);
  const at = (q: number) => (times.length ? Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))] * 10) / 10 : 0);
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p95: at(0.95),
    p99: r.latency.p99,
    // bytes read from the socket per answer: headers and the (compressed) body, as on the wire
    bytes: Math.round(r.throughput.average / Math.max(r.requests.average, 1)),
    errors: r.non2xx + r.errors + r.timeouts,
  };
}

function dbUrl(name: string) {
  const u = new URL(BASE_URL);
  u.pathname = `/${name}`;
  return u.toString();
}

async function ensureDatabase(name: string, fresh: boolean): Promise<boolean> {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  try {
    const exists = !!(await c.query('select 1 from pg_database where datname = $1', [name])).rowCount;
    if (exists && fresh) await c.query(`drop database ${name} with (force)`);
    if (!exists || fresh) await c.query(`create database ${name}`);
    return exists && !fresh;
  } finally {
    await c.end();
  }
}

async function benchDatabase(
  label: string,
  name: string,
  slug: string,
  seedDemo: boolean,
  hello: Map<number, number>,
): Promise<{ rows: Row[]; ceiling: Map<number, number> }> {
  const port = nextPort++;
  const pglite = name === PGLITE;
  // PGlite: a kept folder (seeding the demo takes a while); PostgreSQL: the app's data folder is only for files
  const dataDir = pglite ? path.join(os.tmpdir(), 'phakhi-bench-pglite-demo') : fs.mkdtempSync(path.join(os.tmpdir(), 'phakhi-bench-'));
  const t0 = Date.now();
  const startApp = () =>
    start(['server/main.ts'], {
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: pglite ? '' : dbUrl(name), // empty: PGlite in the data folder
      PHAKHI_DATA_DIR: dataDir,
      PHAKHI_ADMIN_EMAIL: ADMIN.email,
      PHAKHI_ADMIN_PASSWORD: ADMIN.password,
      PHAKHI_SEED_DEMO: String(seedDemo),
      LOG_LEVEL: 'warn',
      PHAKHI_SERVE_WEB: 'false',
    });
  let app = startApp();
  let lookup: ChildProcess | null = null;
  const lookupDir = pglite ? fs.mkdtempSync(path.join(os.tmpdir(), 'phakhi-bench-lookup-')) : '';
  try {
    await waitFor(`http://127.0.0.1:${port}/api/health`);
    console.error(`  ${label}: app ready in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    const login = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ADMIN),
    });
    if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const get = async (p: string) => {
      const r = await fetch(`http://127.0.0.1:${port}${p}`, { headers: { cookie } });
      if (!r.ok) throw new Error(`${p}: ${r.status} ${await r.text()}`);
      return r.json() as Promise<{ items: { id: string }[] }>;
    };
    let tenantId = '';
    if (!pglite) {
      const c = new pg.Client({ connectionString: dbUrl(name) });
      await c.connect();
      tenantId = (await c.query('select id from tenants where slug = $1', [slug])).rows[0]?.id as string;
      await c.end();
      if (!tenantId) throw new Error(`no tenant ${slug} in ${name}`);
    }
    const ids: Ids = {
      slug,
      tenantId,
      network: (await get(`/api/v1/t/${slug}/networks?pageSize=1`)).items[0].id,
      plan: (await get(`/api/v1/t/${slug}/plans?pageSize=1`)).items[0].id,
      party: (await get(`/api/v1/t/${slug}/partners?pageSize=1`)).items[0].id,
    };
    if (pglite) {
      // the folder is the app's while it runs: stop it, copy the folder for the ceiling, start it again
      stop(app);
      await new Promise((r) => setTimeout(r, 1500));
      fs.cpSync(dataDir, lookupDir, { recursive: true });
      app = startApp();
    }
    // (d): one primary-key lookup through Fastify and pg (or PGlite) on this database
    const lport = nextPort++;
    lookup = start(['bench/ceilings.ts'], {
      CEILING: pglite ? 'lookup-pglite' : 'lookup',
      PORT: String(lport),
      ...(pglite ? { PHAKHI_DATA_DIR: lookupDir } : { DATABASE_URL: dbUrl(name), LOOKUP_TENANT: ids.tenantId }),
      LOOKUP_PARTY: ids.party,
    });
    await waitFor(`http://127.0.0.1:${lport}/lookup`);
    const ceiling = new Map<number, number>();
    const rows: Row[] = [];
    for (const conns of CONNECTIONS) {
      const r = await drive(`http://127.0.0.1:${lport}/lookup`, conns);
      ceiling.set(conns, r.rps);
      rows.push({ database: label, scenario: '(d) Fastify + 1 PK lookup', connections: conns, ...r });
      console.error(`  ${label} (d) c=${conns}: ${r.rps.toFixed(0)} req/s`);
    }
    stop(lookup);
    lookup = null;
    await waitFor(`http://127.0.0.1:${port}/api/health`);
    for (const s of SCENARIO_NAMES)
      for (const conns of CONNECTIONS) {
        const r = await drive(`http://127.0.0.1:${port}${SCENARIOS[s](ids)}`, conns, cookie);
        rows.push({ database: label, scenario: s, connections: conns, ...r });
        console.error(
          `  ${label} ${s} c=${conns}: ${r.rps.toFixed(0)} req/s p50 ${r.p50} p99 ${r.p99} ms (${pct(r.rps / hello.get(conns)!)} of (c), ${pct(r.rps / ceiling.get(conns)!)} of (d))${r.errors ? ` ${r.errors} errors` : ''}`,
        );
      }
    return { rows, ceiling };
  } finally {
    if (lookup) stop(lookup);
    stop(app);
    await new Promise((r) => setTimeout(r, 500));
    if (!pglite) fs.rmSync(dataDir, { recursive: true, force: true });
    if (lookupDir) fs.rmSync(lookupDir, { recursive: true, force: true });
  }
}

const PGLITE = '(pglite)';

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;

async function main() {
  const c = new pg.Client({ connectionString: BASE_URL });
  await c.connect();
  const pgVersion = (await c.query('show server_version')).rows[0].server_version as string;
  await c.end();
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, load average ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')} at start, Node ${process.version}, PostgreSQL ${pgVersion}`;
  console.error(`Phakhi HTTP benchmark: ${DURATION} s per run, connections ${CONNECTIONS.join(', ')}, scenarios ${SCENARIO_NAMES.join(', ')}\n  ${machine}`);

  // (c): bare node:http
  const hport = nextPort++;
  const hello = start(['bench/ceilings.ts'], { CEILING: 'hello', PORT: String(hport) });
  const rows: Row[] = [];
  const helloRps = new Map<number, number>();
  await waitFor(`http://127.0.0.1:${hport}/`);
  for (const conns of CONNECTIONS) {
    const r = await drive(`http://127.0.0.1:${hport}/`, conns);
    helloRps.set(conns, r.rps);
    rows.push({ database: '-', scenario: '(c) node:http hello-world', connections: conns, ...r });
    console.error(`  (c) c=${conns}: ${r.rps.toFixed(0)} req/s`);
  }
  stop(hello);

  const ceilings = new Map<string, Map<number, number>>();
  if (TARGETS.includes('demo')) {
    const kept = await ensureDatabase(DEMO_DB, !!arg('fresh'));
    console.error(`\n== demo database (${DEMO_DB}${kept ? ', kept from an earlier run' : ', seeding on first start'})`);
    const r = await benchDatabase('demo', DEMO_DB, 'chomphu', true, helloRps);
    rows.push(...r.rows);
    ceilings.set('demo', r.ceiling);
  }
  if (TARGETS.includes('national')) {
    const kept = await ensureDatabase(NATIONAL_DB, false);
    if (!kept) {
      console.error(`\n== generating ${NATIONAL_DB} (bench/national.ts --size=small)`);
      execFileSync(process.execPath, ['--import', 'tsx', 'bench/national.ts', '--size=small', `--db=${NATIONAL_DB}`, `--url=${BASE_URL}`], {
        stdio: 'inherit',
      });
    }
    const slug = await nationalSlug();
    console.error(`\n== national database (${NATIONAL_DB}), tenant ${slug}`);
    const r = await benchDatabase('national', NATIONAL_DB, slug, false, helloRps);
    rows.push(...r.rows);
    ceilings.set('national', r.ceiling);
  }

  if (TARGETS.includes('pglite')) {
    console.error(`\n== demo on PGlite (${path.join(os.tmpdir(), 'phakhi-bench-pglite-demo')})`);
    const r = await benchDatabase('pglite', PGLITE, 'chomphu', true, helloRps);
    rows.push(...r.rows);
    ceilings.set('pglite', r.ceiling);
  }

  console.log(`\n${machine}; ${DURATION} s per run\n`);
  console.log(
    '| database | scenario | conns | req/s | p50 ms | p95 ms | p99 ms | KB on the wire | × (c) hello | × (d) 1 lookup |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const r of rows) {
    const d = ceilings.get(r.database)?.get(r.connections);
    console.log(
      `| ${r.database} | ${r.scenario} | ${r.connections} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p95} | ${r.p99} | ${(r.bytes / 1024).toFixed(1)} | ${pct(r.rps / helloRps.get(r.connections)!)} | ${d && !r.scenario.startsWith('(') ? pct(r.rps / d) : ''} |`,
    );
  }
  const out = path.join('bench', 'results', `http-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        machine,
        duration: DURATION,
        acceptEncoding: BROWSER_HEADERS['accept-encoding'] ?? null,
        rows,
        hello: Object.fromEntries(helloRps),
        ceilings: Object.fromEntries([...ceilings].map(([k, v]) => [k, Object.fromEntries(v)])),
      },
      null,
      2,
    ) + '\n',
  );
  console.error(`\nwritten ${out}`);
}

/** The measured tenant of the national database: the generator's second tenant (a provincial administration, half as large again as most). */
async function nationalSlug(): Promise<string> {
  const c = new pg.Client({ connectionString: dbUrl(NATIONAL_DB) });
  await c.connect();
  try {
    return (await c.query(`select slug from tenants where slug like '%-1' limit 1`)).rows[0].slug;
  } finally {
    await c.end();
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
