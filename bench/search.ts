/**
 * npm run bench:search — Thai knowledge search at 100k items: the segmented tsvector search (the real
 * service call: GIN index, phrase matching, ranking, trigram title matching, snippets, relations) against
 * the same queries as ILIKE '%…%' over the same fields, on PGlite and on PostgreSQL when reachable.
 *
 * Corpus: BENCH_ITEMS (default 100 000) items made from the demo dataset's real Thai text (the 60+ demo
 * knowledge items): an item takes a demo item as its topic, its title with a village and a B.E. year, its
 * summary or one of its lines, 3–5 lines of which each is from the same topic (80 %) or any other item
 * (20 %), one of the topic's tags and one other tag; a seeded generator makes the same corpus every run.
 * Labels: for each of the 36 queries the relevant items are known from the generator: the items whose text
 * contains every space-separated part of the query (for the 4 misspelt queries: whose title contains the
 * correct spelling). Recall and precision of each approach are computed against those sets over all matches.
 * Latency: each query is run BENCH_ROUNDS times (default 5; ILIKE 2) after a warm-up, first page of 20 with the
 * total, p50 and p95 over all runs.
 *
 * Environment: BENCH_ITEMS, BENCH_ROUNDS, BENCH_PG_URL (default postgres://app@127.0.0.1:54329/postgres;
 * a throwaway database is created there and dropped), BENCH_SKIP_PGLITE=1, BENCH_SKIP_PG=1,
 * BENCH_KEEP_DB=1 (keep the PostgreSQL database and print its name), BENCH_REUSE_DB=<name> (measure a kept
 * database again without loading; the corpus is regenerated identically for the labels).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { knowledgeItems, tenants } from '../server/db/schema';
import { openDatabase, withTenant, type Database } from '../server/platform/db';
import type { TenantContext } from '../server/platform/context';
import { DEMO_KNOWLEDGE } from '../server/demo/knowledge/items';
import { Rng } from '../server/demo/data/rng';
import { markdownText } from '../server/modules/knowledge/markdown';
import { listItems, planSearch } from '../server/modules/knowledge/search-planner';
import { addTitleTerms, correctSpelling } from '../server/modules/knowledge/search-plan';
import { scopeIds } from '../server/modules/knowledge/search.repository';
import { normalizeText, parseQuery, segmented } from '../server/modules/knowledge/thai-text';
import { likePattern } from '../server/platform/sql';

const N = Number(process.env.BENCH_ITEMS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://app@127.0.0.1:54329/postgres';

interface Query {
  q: string;
  /** The correctly spelt title phrase for a misspelt query. */
  typoOf?: string;
}
const ALL_QUERIES: Query[] = [
  ...[
    'เครือข่าย',
    'การจัดการน้ำ',
    'ผู้สูงอายุ',
    'ฟื้นฟูสมรรถภาพ',
    'เหมืองฝาย',
    'รอบเวร',
    'ปันน้ำ',
    'ลำไย',
    'ธนาคารขยะ',
    'ปุ๋ยหมัก',
    'จิตอาสา',
    'ไข้เลือดออก',
    'ภาวะพึ่งพิง',
    'กายภาพบำบัด',
    'วิสาหกิจชุมชน',
    'เยาวชน',
    'ภูมิปัญญา',
    'น้ำท่วม',
    'ฝุ่นควัน',
    'แผนพัฒนาท้องถิ่น',
    'กองทุนหลักประกันสุขภาพ',
    'ผ้าทอ',
    'สืบชะตา',
    'ธรรมาภิบาล',
    'แก่ฝาย',
    'โควิด',
  ].map((q) => ({ q })),
  ...['ผู้สูงอายุ ฟื้นฟู', 'เหมืองฝาย ข้อพิพาท', 'ลำไย พลังงานแสงอาทิตย์', 'ต้นน้ำ ปลายน้ำ', 'อสม. ยุงลาย', 'เยาวชน กีฬา'].map((q) => ({ q })),
  { q: 'เหมืองฝายพยาคำ', typoOf: 'เหมืองฝายพญาคำ' },
  { q: 'ฟื้นฟูสมรถภาพ', typoOf: 'ฟื้นฟูสมรรถภาพ' },
  { q: 'ธนาคารชยะ', typoOf: 'ธนาคารขยะ' },
  { q: 'วิสาหกิจชุมชม', typoOf: 'วิสาหกิจชุมชน' },
];

const QUERIES = process.env.BENCH_QUERIES ? ALL_QUERIES.slice(0, Number(process.env.BENCH_QUERIES)) : ALL_QUERIES;

interface Gen {
  id: string;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  publishedOn: string;
  type: string;
}

function corpus(): Gen[] {
  const linesOf = (k: (typeof DEMO_KNOWLEDGE)[number]) => [k.summary, ...markdownText(k.body).split('\n')].map((s) => s.trim()).filter((s) => s.length >= 30);
  const own = DEMO_KNOWLEDGE.map(linesOf);
  const pool = [...new Set(own.flat())];
  const tags = [...new Set(DEMO_KNOWLEDGE.flatMap((k) => k.tags))];
  const rng = Rng.stream('bench-search');
  const out: Gen[] = [];
  for (let i = 0; i < N; i++) {
    const at = rng.int(0, DEMO_KNOWLEDGE.length - 1);
    const k = DEMO_KNOWLEDGE[at];
    // mostly the topic's own sentences, sometimes one from elsewhere: words are as common as topics are
    const body = Array.from({ length: rng.int(3, 5) }, () => (rng.chance(0.8) ? rng.pick(own[at]) : rng.pick(pool))).join('\n');
    const year = rng.int(2019, 2025);
    out.push({
      id: crypto.randomUUID(),
      title: `${k.title} หมู่ ${rng.int(1, 9)} ปี ${year + 543}`,
      summary: rng.chance(0.5) ? k.summary : rng.pick(own[at]),
      body,
      tags: [rng.pick(k.tags), rng.pick(tags)],
      publishedOn: `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`,
      type: k.type,
    });
  }
  return out;
}

function labels(items: Gen[]): Map<string, Set<string>> {
  const truth = new Map<string, Set<string>>();
  const texts = items.map((g) => ({
    id: g.id,
    title: normalizeText(g.title).toLowerCase(),
    all: normalizeText([g.title, g.summary, g.body, g.tags.join(' ')].join('\n')).toLowerCase(),
  }));
  for (const { q, typoOf } of QUERIES) {
    const parts = normalizeText(typoOf ?? q)
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean);
    truth.set(q, new Set(texts.filter((t) => (typoOf ? t.title.includes(parts[0]) : parts.every((p) => t.all.includes(p)))).map((t) => t.id)));
  }
  return truth;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

async function load(database: Database, items: Gen[]): Promise<TenantContext> {
  const db = database.db;
  const [tenant] = await db
    .insert(tenants)
    .values({
      slug: `bench-${crypto.randomBytes(3).toString('hex')}`,
      nameTh: 'เทศบาลทดสอบความเร็ว',
      nameEn: 'Bench',
      type: 'subdistrict_municipality',
      province: 'เชียงใหม่',
      district: 'สารภี',
      subdistrict: 'ชมภู',
    })
    .returning();
  const started = Date.now();
  const batch = 500;
  for (let i = 0; i < items.length; i += batch) {
    const rows = items.slice(i, i + batch).map((g) => ({
      tenantId: tenant.id,
      id: g.id,
      type: g.type,
      title: g.title,
      summary: g.summary,
      body: '',
      bodyHtml: '',
      bodyText: g.body,
      tags: g.tags,
      visibility: 'tenant',
      publishedOn: g.publishedOn,
      searchTitle: segmented(g.title),
      searchTags: segmented(g.tags.join(' ')),
      searchSummary: segmented(g.summary),
      searchBody: segmented(g.body),
    }));
    await db.insert(knowledgeItems).values(rows);
    await addTitleTerms(db as never, tenant.id, rows);
    if ((i / batch) % 40 === 0) process.stderr.write(`  loaded ${i + rows.length} / ${items.length} (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  await db.execute(sql`analyze knowledge_items`);
  process.stderr.write(`  loaded ${items.length} items in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  return { db, tenant, actor: { user: { id: crypto.randomUUID(), email: 'bench', name: 'bench', isPlatformAdmin: true }, role: 'admin' }, lang: 'th' };
}

/** ILIKE '%…%' over the same fields, every space-separated part required, first page of 20 with the total. */
function ilikeWhere(ctx: TenantContext, q: string) {
  const parts = normalizeText(q).split(/\s+/).filter(Boolean);
  const conds = parts.map((p) => {
    const pat = likePattern(p);
    return sql`(${knowledgeItems.title} ilike ${pat} or ${knowledgeItems.summary} ilike ${pat} or ${knowledgeItems.bodyText} ilike ${pat} or array_to_string(${knowledgeItems.tags}, ' ') ilike ${pat})`;
  });
  return sql`${knowledgeItems.tenantId} = ${ctx.tenant.id} and ${sql.join(conds, sql` and `)}`;
}

async function ilikePage(ctx: TenantContext, q: string) {
  return withTenant(ctx.db, ctx.tenant.id, (tx) =>
    tx.execute(
      sql`select ${knowledgeItems.id}, ${knowledgeItems.title}, (count(*) over ())::int as total from ${knowledgeItems} where ${ilikeWhere(ctx, q)} order by ${knowledgeItems.publishedOn} desc, ${knowledgeItems.id} limit 20`,
    ),
  );
}

async function allIds(ctx: TenantContext, q: string, how: 'fts' | 'ilike'): Promise<Set<string>> {
  const r = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    if (how === 'ilike') {
      const found = await tx.execute(sql`select ${knowledgeItems.id} as id from ${knowledgeItems} where ${ilikeWhere(ctx, q)}`);
      return (found as unknown as { rows: { id: string }[] }).rows.map((x) => x.id);
    }
    // the service's own match condition (with the spelling fallback as it decides), all pages at once
    const listed = { ctx, filter: {} };
    const ids = async (text: string) => scopeIds(tx, { ...listed, tsq: (await planSearch(tx, listed, parseQuery(text))).tsq });
    const exact = await ids(q);
    if (exact.length) return exact;
    const corrected = await correctSpelling(tx, ctx.tenant.id, q);
    return corrected ? ids(corrected) : exact;
  });
  return new Set(r);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

interface Result {
  label: string;
  fts: { p50: number; p95: number; recall: number; precision: number };
  ilike: { p50: number; p95: number; recall: number; precision: number };
  perQuery: { q: string; relevant: number; ftsRecall: number; ilikeRecall: number; ftsMs: number; ilikeMs: number }[];
}

async function storedItems(database: Database): Promise<Gen[]> {
  const r = (await database.db.execute(sql`select id, title, coalesce(summary, '') as summary, body_text, tags from knowledge_items`)) as unknown as {
    rows: { id: string; title: string; summary: string; body_text: string; tags: string[] }[];
  };
  return r.rows.map((x) => ({ id: x.id, title: x.title, summary: x.summary, body: x.body_text, tags: x.tags, publishedOn: '', type: '' }));
}

async function reuse(database: Database): Promise<TenantContext> {
  const r = (await database.db.execute(sql`select t.* from tenants t where t.slug like 'bench-%' limit 1`)) as unknown as {
    rows: { id: string; slug: string; name_th: string }[];
  };
  const t = r.rows[0];
  return {
    db: database.db,
    tenant: { id: t.id, slug: t.slug } as TenantContext['tenant'],
    actor: { user: { id: crypto.randomUUID(), email: 'bench', name: 'bench', isPlatformAdmin: true }, role: 'admin' },
    lang: 'th',
  };
}

async function run(label: string, database: Database, items: Gen[], truth: Map<string, Set<string>>, reusing = false): Promise<Result> {
  process.stderr.write(`\n== ${label}: ${reusing ? 'reusing the loaded items' : `loading ${items.length} items`}\n`);
  const ctx = reusing ? await reuse(database) : await load(database, items);
  const fts: number[] = [];
  const ilike: number[] = [];
  const perQuery: Result['perQuery'] = [];
  let [fr, fp, ir, ip] = [0, 0, 0, 0];
  for (const { q } of QUERIES) {
    await listItems(ctx, { q, page: 1, pageSize: 20 }); // warm-up
    await ilikePage(ctx, q);
    const f: number[] = [];
    const l: number[] = [];
    for (let r = 0; r < ROUNDS; r++) f.push(await time(() => listItems(ctx, { q, page: 1, pageSize: 20 })));
    for (let r = 0; r < Math.max(1, Math.min(ROUNDS, 2)); r++) l.push(await time(() => ilikePage(ctx, q)));
    fts.push(...f);
    ilike.push(...l);
    const rel = truth.get(q)!;
    const [a, b] = [await allIds(ctx, q, 'fts'), await allIds(ctx, q, 'ilike')];
    const recall = (s: Set<string>) => (rel.size ? [...rel].filter((id) => s.has(id)).length / rel.size : 1);
    const precision = (s: Set<string>) => (s.size ? [...s].filter((id) => rel.has(id)).length / s.size : rel.size ? 0 : 1);
    fr += recall(a);
    fp += precision(a);
    ir += recall(b);
    ip += precision(b);
    perQuery.push({ q, relevant: rel.size, ftsRecall: recall(a), ilikeRecall: recall(b), ftsMs: pct(f, 50), ilikeMs: pct(l, 50) });
    process.stderr.write(
      `  ${q.padEnd(28)} relevant ${String(rel.size).padStart(6)}  fts ${pct(f, 50).toFixed(1).padStart(7)} ms recall ${recall(a).toFixed(3)}  ilike ${pct(l, 50).toFixed(1).padStart(7)} ms recall ${recall(b).toFixed(3)}\n`,
    );
  }
  const n = QUERIES.length;
  return {
    label,
    fts: { p50: pct(fts, 50), p95: pct(fts, 95), recall: fr / n, precision: fp / n },
    ilike: { p50: pct(ilike, 50), p95: pct(ilike, 95), recall: ir / n, precision: ip / n },
    perQuery,
  };
}

async function main() {
  process.stderr.write(`Generating ${N} items…\n`);
  const items = corpus();
  const truth = labels(items);
  const results: Result[] = [];
  if (!process.env.BENCH_SKIP_PGLITE) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'phakhi-bench-search-'));
    const database = await openDatabase({ dataDir: dir });
    try {
      await database.migrate();
      results.push(await run('PGlite', database, items, truth));
    } finally {
      await database.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  if (!process.env.BENCH_SKIP_PG) {
    const pg = (await import('pg')).default;
    const reusing = process.env.BENCH_REUSE_DB;
    const name = reusing ?? `phakhi_bench_${crypto.randomBytes(4).toString('hex')}`;
    let admin: InstanceType<typeof pg.Client> | null = new pg.Client({ connectionString: PG_URL });
    try {
      await admin.connect();
      if (!reusing) await admin.query(`create database ${name}`);
    } catch (err) {
      process.stderr.write(`\nPostgreSQL not reachable at ${PG_URL} (${(err as Error).message}); skipped.\n`);
      admin = null;
    }
    if (admin) {
      const url = new URL(PG_URL);
      url.pathname = `/${name}`;
      const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
      try {
        await database.migrate();
        const v = (await database.db.execute(sql`show server_version`)) as unknown as { rows: { server_version: string }[] };
        // a kept database has its own item ids: label its items again from their stored text
        const labelled = reusing ? labels(await storedItems(database)) : truth;
        results.push(await run(`PostgreSQL ${v.rows[0].server_version.split(' ')[0]}`, database, items, labelled, Boolean(reusing)));
      } finally {
        await database.close();
        if (process.env.BENCH_KEEP_DB || reusing) process.stderr.write(`kept database ${name}\n`);
        else await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    }
  }
  const f = (x: number) => x.toFixed(1);
  console.log(
    `\nThai knowledge search, ${N.toLocaleString('en')} items, ${QUERIES.length} labelled queries (${QUERIES.filter((q) => q.typoOf).length} misspelt), page of 20 with total`,
  );
  console.log('| database | approach | p50 ms | p95 ms | mean recall | mean precision |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const r of results) {
    console.log(
      `| ${r.label} | tsvector (service: search + snippets) | ${f(r.fts.p50)} | ${f(r.fts.p95)} | ${r.fts.recall.toFixed(3)} | ${r.fts.precision.toFixed(3)} |`,
    );
    console.log(`| ${r.label} | ILIKE '%…%' | ${f(r.ilike.p50)} | ${f(r.ilike.p95)} | ${r.ilike.recall.toFixed(3)} | ${r.ilike.precision.toFixed(3)} |`);
    console.log(`| ${r.label} | speed-up (ILIKE ÷ tsvector) | ${(r.ilike.p50 / r.fts.p50).toFixed(1)}× | ${(r.ilike.p95 / r.fts.p95).toFixed(1)}× | | |`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
