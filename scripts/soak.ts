/**
 * npm run soak — load and soak of a real server on PostgreSQL (issue 15 item 7); a script, not a CI test.
 *
 *   bash scripts/with-postgres.sh npm run soak      (a throwaway cluster; or DATABASE_URL of your own)
 *
 * Starts `server/main.ts` on DATABASE_URL with the demo data, logs in as the platform admin, then drives
 * SOAK_CONNECTIONS (50) connections for SOAK_SECONDS (60) with autocannon over a mix of reads and writes
 * of the Chomphu demo tenant: lists, search, dashboard, a public page, and creating partners, knowledge items
 * and ledger contributions (each connection cycles through 10 requests, 3 of them writes). Reports errors,
 * req/s, p50/p99, and the server's memory (RSS and V8 heap, sampled every second over IPC; heap after a
 * forced GC before and after the load), and finally checks the ledger's hash chain.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import { startLocalServer } from './local-server';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 50);
const ADMIN = { email: 'soak@example.org', password: 'Soak-Password-2569-ชมภู' };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

if (!process.env.DATABASE_URL) {
  console.error('The soak runs on PostgreSQL: bash scripts/with-postgres.sh npm run soak (or set DATABASE_URL).');
  process.exit(1);
}

interface Sample {
  kind: 'sample' | 'gc';
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
}
const mb = (n: number) => `${(n / 1048576).toFixed(0)} MB`;

async function main() {
  const server = await startLocalServer({
    label: 'soak',
    admin: ADMIN,
    nodeArgs: ['--expose-gc', '--import', pathToFileURL(path.join(root, 'scripts/soak-memory.mjs')).href],
    env: {
      PHAKHI_SERVE_WEB: 'false',
      PHAKHI_SEED_DEMO: 'true',
      // all the load comes from one address: the per-IP limit of public pages would answer 429
      PHAKHI_PUBLIC_RATE_LIMIT: '1000000',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const base = server.url;
  console.log(`server up on PostgreSQL with the demo data in ${server.readySeconds.toFixed(0)} s`);
  const samples: Sample[] = [];
  let waiting: ((s: Sample) => void) | null = null;
  server.proc.on('message', (m: Sample) => {
    samples.push(m);
    waiting?.(m);
    waiting = null;
  });
  const ask = (what: 'sample' | 'gc') =>
    new Promise<Sample>((resolve) => {
      waiting = resolve;
      server.proc.send(what);
    });
  process.on('exit', () => server.proc.kill('SIGTERM'));

  try {
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: base },
      body: JSON.stringify(ADMIN),
    });
    if (!login.ok) throw new Error(`login: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const t = '/api/v1/t/chomphu';
    const headers = { cookie, origin: base, 'content-type': 'application/json' };
    const funds = (await (await fetch(`${base}${t}/budget/funds`, { headers })).json()) as
      { items?: { id: string; kind: string }[] } | { id: string; kind: string }[];
    const fundList = Array.isArray(funds) ? funds : (funds.items ?? []);
    const fund = fundList.find((f) => f.kind === 'municipal') ?? fundList[0];
    if (!fund) throw new Error('no fund in the demo tenant');
    const today = new Date().toISOString().slice(0, 10);
    let n = 0;
    const contribution = () =>
      JSON.stringify({
        kind: 'contribution',
        occurredOn: today,
        description: `เงินสมทบทดสอบภาระงาน ${++n}`,
        entries: [
          { account: 'fund', side: 'debit', fundId: fund.id, amountSatang: 10_000 },
          { account: 'contribution', side: 'credit', fundId: fund.id, amountSatang: 10_000 },
        ],
      });
    const probe = await fetch(`${base}${t}/ledger/transactions`, { method: 'POST', headers, body: contribution() });
    if (probe.status !== 201) throw new Error(`a ledger contribution was refused: ${probe.status} ${await probe.text()}`);

    type Req = { name: string; method: 'GET' | 'POST'; path: string; body?: () => string; anonymous?: boolean };
    const mix: Req[] = [
      { name: 'GET partners', method: 'GET', path: `${t}/partners?pageSize=20` },
      {
        name: 'POST partner',
        method: 'POST',
        path: `${t}/partners`,
        body: () => JSON.stringify({ kind: 'organization', name: `กลุ่มทดสอบภาระงานบ้านชมภู ${++n}`, sector: 'civil_society' }),
      },
      { name: 'GET networks', method: 'GET', path: `${t}/networks?pageSize=20` },
      { name: 'GET knowledge search', method: 'GET', path: `${t}/knowledge/search?q=${encodeURIComponent('ฝาย')}` },
      {
        name: 'POST knowledge',
        method: 'POST',
        path: `${t}/knowledge`,
        body: () => JSON.stringify({ title: `บันทึกการซ่อมฝาย ครั้งที่ ${++n}`, type: 'manual', body: 'ลงแขกวางกระสอบทรายหัวฝาย '.repeat(20) }),
      },
      { name: 'GET dashboard', method: 'GET', path: `${t}/dashboard` },
      { name: 'GET partners ?q', method: 'GET', path: `${t}/partners?q=${encodeURIComponent('วัด')}` },
      { name: 'POST ledger', method: 'POST', path: `${t}/ledger/transactions`, body: contribution },
      { name: 'GET ledger', method: 'GET', path: `${t}/ledger/transactions?pageSize=20` },
      { name: 'GET public budget', method: 'GET', path: '/api/v1/public/chomphu/budget', anonymous: true },
    ];
    const statuses = new Map<string, Map<number, number>>(mix.map((m) => [m.name, new Map()]));

    const before = await ask('gc');
    const loadAtStart = os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');
    const ticker = setInterval(() => server.proc.send('sample'), 1000);
    const result = await autocannon({
      url: base,
      connections: CONNECTIONS,
      duration: SECONDS,
      timeout: 10,
      requests: mix.map((m) => ({
        method: m.method,
        path: m.path,
        headers: m.anonymous ? {} : headers,
        setupRequest: (req: autocannon.Request) => (m.body ? { ...req, body: m.body() } : req),
        onResponse: (status: number) => {
          const s = statuses.get(m.name)!;
          s.set(status, (s.get(status) ?? 0) + 1);
        },
      })),
    });
    clearInterval(ticker);
    const during = samples.filter((s) => s.kind === 'sample');
    const after = await ask('gc');
    await new Promise((r) => setTimeout(r, 5000));
    const settled = await ask('gc');

    const verify = await (await fetch(`${base}${t}/ledger/verify`, { headers })).json();
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(`\nsoak: ${CONNECTIONS} connections, ${SECONDS} s, PostgreSQL, mixed reads and writes (3 writes in 10)`);
    console.log(
      `machine: ${os.cpus().length} cores, load average ${loadAtStart} at the start of the load, ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at its end`,
    );
    console.log(
      `requests ${result.requests.total}, ${result.requests.average.toFixed(0)} req/s; errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`,
    );
    console.log(`latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`);
    for (const [name, s] of statuses) console.log(`  ${name.padEnd(22)} ${[...s].map(([code, count]) => `${code}×${count}`).join(' ')}`);
    console.log(
      `memory: RSS ${mb(before.rss)} before → ${mb(Math.max(...during.map((s) => s.rss)))} peak → ${mb(after.rss)} after; ` +
        `heap after GC ${mb(before.heapUsed)} before → ${mb(after.heapUsed)} right after → ${mb(settled.heapUsed)} 5 s later`,
    );
    // where the RSS is: V8's heap (reserved, not only used), memory outside it (Buffers, native), the rest
    // (code, stacks, allocator free lists) — an RSS that grows while these stay flat is not a leak of ours
    const parts = (s: Sample) =>
      `RSS ${mb(s.rss)} = heap reserved ${mb(s.heapTotal)}, external ${mb(s.external)} (array buffers ${mb(s.arrayBuffers)}), other ${mb(s.rss - s.heapTotal - s.external)}`;
    console.log(`before: ${parts(before)}; 5 s after: ${parts(settled)}`);
    if (during.length > 4) {
      const q = Math.floor(during.length / 4);
      const avg = (xs: Sample[]) => xs.reduce((a, s) => a + s.rss, 0) / xs.length;
      console.log(`RSS mean over the first quarter ${mb(avg(during.slice(0, q)))}, last quarter ${mb(avg(during.slice(-q)))}`);
    }
    console.log(`ledger after the soak: ${JSON.stringify(verify)}`);
    return errors === 0 && verify.valid ? 0 : 1;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
