/**
 * npm run bench:data -- --size=full|small|tiny [--db=name] [--url=postgres://…] [--replace]
 *
 * A national-scale data set for Phakhi on PostgreSQL: every local government of Thailand as a tenant
 * (7,850 at full size: the 77 provincial administrations, 341 town municipalities named after districts,
 * and one subdistrict municipality or subdistrict administrative organisation per subdistrict of the
 * vendored address dataset), each with partners, networks and their members, knowledge items, joint
 * plans with projects and activities, participation records, funds, budget lines and a posted ledger.
 *
 *   size   tenants   parties   networks   ledger entries   knowledge items   (≈ per tenant: 130 / 52 / 640 / 130)
 *   full     7 850    ≥ 1.0 M    ≥ 400 k        ≥ 5.0 M           ≥ 1.0 M
 *   small      200     ~26 k      ~10 k          ~128 k             ~26 k        (about a minute)
 *   tiny        20     ~2.6 k     ~1 k           ~13 k              ~2.6 k
 *
 * Every tenant has the same shape whatever the size, so a tenant's pages cost the same work in a small and
 * a full data set; only the tables around it grow. Loaded with COPY (pg-copy-streams) one table after
 * another, each table's rows and seconds printed. Ids are derived from (table, tenant, row number), so each
 * table can be written on its own without keeping the others in memory.
 *
 * Validity: ledger transactions are balanced double entries (two entries summing to zero, the debit equal
 * to the total) and each tenant's hash chain is computed here with the ledger's own `chainHash`; the chain
 * head is written to budget_settings. COPY runs with session_replication_role = replica (superuser only):
 * row triggers and foreign-key checks are skipped during the load — the ledger's guard would refuse rows
 * that arrive already posted — so the generator checks afterwards: every transaction balances, no foreign
 * key is dangling (a sample of tenants), the chain of sampled tenants verifies with the app's
 * `verifyChain`, and row-level security still confines the app role to one tenant.
 *
 * The database is created when missing (default name phakhi_national_<size>), migrated by the app's
 * migrations, and refused when it already holds generated tenants unless --replace is given.
 * Knowledge items are made from the demo's own Thai sentences like bench/search.ts: a topic's title with
 * a village and a year, its summary or one of its lines, and 1–3 lines mostly of the same topic.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import addressData from '../common/thai/address-data.json' with { type: 'json' };
import { DEFAULT_PILLAR_BY_SECTOR, MEMBER_ROLES, PILLARS, SECTORS, STAGES, type Sector } from '../common/schemas/enums';
import { CONTRIBUTIONS, PARTICIPATION_SUBJECTS } from '../common/schemas/participation';
import { chainHash } from '../server/modules/budget/chain';
import { verifyChain } from '../server/modules/budget/verify-chain';
import { openDatabase } from '../server/platform/db';
import { DEMO_KNOWLEDGE } from '../server/demo/knowledge/items';
import { NETWORK_SPECS } from '../server/demo/data/network-specs';
import { FEMALE_ADULT, FEMALE_ELDER, MALE_ADULT, MALE_ELDER, SURNAMES } from '../server/demo/data/names';
import { Rng } from '../server/demo/data/rng';
import { markdownText } from '../server/modules/knowledge/markdown';
import { segmented } from '../server/modules/knowledge/thai-text';

// ---------------------------------------------------------------------------------------------- sizes

export const SIZES = { full: 7850, small: 200, tiny: 20 } as const;
export type Size = keyof typeof SIZES;

/** Rows per tenant (the mean; each tenant draws within ±40 %, deterministic per tenant). */
export const PER_TENANT = {
  parties: 130,
  networks: 52,
  membersPerNetwork: 4,
  knowledge: 130,
  transactions: 320, // two entries each: 640 entries
  plans: 3,
  projectsPerPlan: 4,
  activitiesPerProject: 4,
  participation: 60,
};

// -------------------------------------------------------------------------------------------- tenants

type Province = [th: string, en: string, districts: [th: string, en: string, subs: [th: string, en: string, postcode: number][]][]];
const PROVINCES = (addressData as unknown as { provinces: Province[] }).provinces;

export interface GenTenant {
  index: number;
  id: string;
  slug: string;
  nameTh: string;
  nameEn: string;
  type: 'pao' | 'town_municipality' | 'subdistrict_municipality' | 'sao';
  province: string;
  district: string;
  subdistrict: string;
  postcode: string;
  /** The place the tenant is named after (subdistrict, district or province), for network names. */
  place: string;
}

const slugPart = (en: string) =>
  en
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * All 7,850 local governments, in an order that spreads any prefix over the country (a small size is a
 * sample of every region, not of one province): provincial administrations first, then town municipalities
 * (the first district of a province, its capital district, and so on), then one per subdistrict, about a
 * third of them subdistrict municipalities (เทศบาลตำบล) and the rest SAOs (องค์การบริหารส่วนตำบล) — the
 * national proportions (2,247 subdistrict municipalities, 5,300 SAOs).
 */
export function allTenants(count: number): GenTenant[] {
  const rng = Rng.stream('national-tenants');
  const out: Omit<GenTenant, 'index' | 'id' | 'slug'>[] = [];
  for (const [p, pe, ds] of PROVINCES) {
    const [d, , subs] = ds[0];
    out.push({
      nameTh: `องค์การบริหารส่วนจังหวัด${p}`,
      nameEn: `${pe} Provincial Administrative Organisation`,
      type: 'pao',
      province: p,
      district: d,
      subdistrict: subs[0][0],
      postcode: String(subs[0][2]),
      place: p,
    });
  }
  const towns: typeof out = [];
  for (let round = 0; towns.length < 341; round++)
    for (const [p, , ds] of PROVINCES) {
      if (towns.length >= 341 || round >= ds.length) continue;
      const [d, de, subs] = ds[round];
      towns.push({
        nameTh: `เทศบาลเมือง${d}`,
        nameEn: `${de} Town Municipality`,
        type: 'town_municipality',
        province: p,
        district: d,
        subdistrict: subs[0][0],
        postcode: String(subs[0][2]),
        place: d,
      });
    }
  const subs: typeof out = [];
  for (const [p, , ds] of PROVINCES)
    for (const [d, , ss] of ds)
      for (const [s, se, post] of ss) {
        const municipality = rng.chance(0.3);
        subs.push({
          nameTh: municipality ? `เทศบาลตำบล${s}` : `องค์การบริหารส่วนตำบล${s}`,
          nameEn: municipality ? `${se} Subdistrict Municipality` : `${se} Subdistrict Administrative Organisation`,
          type: municipality ? 'subdistrict_municipality' : 'sao',
          province: p,
          district: d,
          subdistrict: s,
          postcode: String(post),
          place: s,
        });
      }
  // interleave: every kind and region appears early
  const shuffled = rng.shuffle(subs);
  const all = [...out, ...towns, ...shuffled].slice(0, 7850);
  const spread = count >= all.length ? all : Array.from({ length: count }, (_, i) => all[Math.floor((i * all.length) / count)]);
  return spread.map((t, index) => {
    const en = slugPart(
      t.nameEn.replace(/ (Provincial Administrative Organisation|Town Municipality|Subdistrict Municipality|Subdistrict Administrative Organisation)$/, ''),
    );
    const prefix = { pao: 'pao', town_municipality: 'tm', subdistrict_municipality: 'sm', sao: 'sao' }[t.type];
    return { ...t, index, id: uid(0, index, 0), slug: `${prefix}-${en}`.slice(0, 33).replace(/-$/, '') + `-${index}` };
  });
}

// ------------------------------------------------------------------------------------------------ ids

const RUN = '5a7e1c0d9b2f';
const h = (n: number, w: number) => n.toString(16).padStart(w, '0');
/** A UUID (version 4 shape) naming row `n` of table `table` of tenant `tenant`: unique and reproducible. */
export function uid(table: number, tenant: number, n: number): string {
  return `${h(n >>> 0, 8)}-${h(table, 4)}-4${h((tenant >>> 12) & 0xfff, 3)}-8${h(tenant & 0xfff, 3)}-${RUN}`;
}
const T = { party: 1, network: 2, member: 3, item: 4, plan: 5, project: 6, activity: 7, participation: 8, fund: 9, line: 10, tx: 11 };

/** Per-tenant counts, deterministic: the same tenant has the same size in every run and every size. */
export function countsOf(t: GenTenant) {
  const rng = Rng.stream(`national-counts-${t.index}`);
  const f = () => 0.6 + rng.next() * 0.8;
  const big = t.type === 'pao' || t.type === 'town_municipality' ? 1.5 : 1;
  return {
    parties: Math.round(PER_TENANT.parties * f() * big),
    networks: Math.max(3, Math.round(PER_TENANT.networks * f() * big)),
    knowledge: Math.round(PER_TENANT.knowledge * f() * big),
    transactions: Math.round(PER_TENANT.transactions * f() * big),
    participation: Math.round(PER_TENANT.participation * f()),
  };
}

// ------------------------------------------------------------------------------------------------ COPY

/** One value in COPY's text format. */
function cell(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (Array.isArray(v)) return cell(`{${v.map((x) => `"${String(x).replace(/["\\]/g, (m) => `\\${m}`)}"`).join(',')}}`);
  if (v instanceof Date) return v.toISOString();
  return String(v).replace(/[\\\t\n\r]/g, (m) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[m]!);
}

interface TableLoad {
  table: string;
  columns: string[];
  rows: (tenants: GenTenant[]) => Iterable<unknown[]>;
}

async function copyTable(client: pg.Client, load: TableLoad, tenants: GenTenant[]): Promise<{ rows: number; seconds: number }> {
  const started = Date.now();
  // secondary indexes (GIN, trigram, btree) are built once after the rows are in: much faster than row by row
  const indexes = (
    await client.query(
      `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def from pg_index i
        where i.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
      [load.table],
    )
  ).rows as { name: string; def: string }[];
  for (const ix of indexes) await client.query(`drop index ${ix.name}`);
  let n = 0;
  const source = load.rows(tenants);
  async function* lines() {
    let buf: string[] = [];
    for (const r of source) {
      buf.push(r.map(cell).join('\t'));
      n++;
      if (buf.length >= 2000) {
        yield buf.join('\n') + '\n';
        buf = [];
      }
    }
    if (buf.length) yield buf.join('\n') + '\n';
  }
  const stream = client.query(copyFrom(`COPY ${load.table} (${load.columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(lines()), stream);
  for (const ix of indexes) await client.query(ix.def);
  return { rows: n, seconds: (Date.now() - started) / 1000 };
}

// -------------------------------------------------------------------------------------------- content

const PERSON_NAMES = [...MALE_ELDER, ...FEMALE_ELDER, ...MALE_ADULT, ...FEMALE_ADULT];
const ORG_PATTERNS: [string, Sector, string][] = [
  ['วัด{v}', 'religious', 'temple'],
  ['โรงเรียนบ้าน{v}', 'public_agency', 'school'],
  ['โรงพยาบาลส่งเสริมสุขภาพตำบลบ้าน{v}', 'public_agency', 'health_center'],
  ['กลุ่มแม่บ้านบ้าน{v} หมู่ {m}', 'civil_society', 'community_group'],
  ['กลุ่มผู้สูงอายุบ้าน{v} หมู่ {m}', 'civil_society', 'community_group'],
  ['กลุ่มผู้ใช้น้ำบ้าน{v}', 'civil_society', 'community_group'],
  ['วิสาหกิจชุมชนผ้าทอบ้าน{v}', 'private', 'cooperative'],
  ['สหกรณ์การเกษตร{s} จำกัด', 'private', 'cooperative'],
  ['ร้านค้าชุมชนบ้าน{v}', 'private', 'shop'],
  ['หมู่บ้าน{v} หมู่ {m}', 'locality', 'village'],
  ['ชมรมอาสาสมัครสาธารณสุขตำบล{s}', 'civil_society', 'community_group'],
  ['กองทุนหลักประกันสุขภาพตำบล{s}', 'local_government', 'local_government'],
];
const VILLAGE_WORDS = [
  'ดอนไชย',
  'ป่าเป้า',
  'สันป่าสัก',
  'หัวฝาย',
  'สันกลาง',
  'หนองบัว',
  'ท่าข้าม',
  'ทุ่งหลวง',
  'หนองแฝก',
  'ป่าตึง',
  'ต้นยาง',
  'แม่ข่า',
  'สันทราย',
  'บ่อแก้ว',
  'ห้วยทราย',
  'โนนสูง',
  'นาดี',
  'โคกกลาง',
  'หนองสองห้อง',
  'บางกระทุ่ม',
];

/** The demo's network names, moved to the tenant's place. */
const networkName = (spec: (typeof NETWORK_SPECS)[number], t: GenTenant) => spec.name.replace(/ชมภู/g, t.place);

interface KnowledgePiece {
  raw: string;
  seg: string;
}
const segCache = new Map<string, string>();
const seg = (s: string) => {
  let v = segCache.get(s);
  if (v === undefined) segCache.set(s, (v = segmented(s)));
  return v;
};
const KNOWLEDGE = DEMO_KNOWLEDGE.map((k) => {
  const lines = [k.summary, ...markdownText(k.body).split('\n')].map((s) => s.trim()).filter((s) => s.length >= 30);
  return { k, lines };
});
const LINE_POOL = [...new Set(KNOWLEDGE.flatMap((x) => x.lines))];
const TAG_POOL = [...new Set(DEMO_KNOWLEDGE.flatMap((k) => k.tags))];
const piece = (raw: string): KnowledgePiece => ({ raw, seg: seg(raw) });

const day = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const NOW = new Date('2026-10-01T03:00:00.000Z');

// ------------------------------------------------------------------------------------------- tables

type Counts = ReturnType<typeof countsOf>;
let COUNTS: Counts[] = [];

function* perTenant<R>(tenants: GenTenant[], label: string, fn: (t: GenTenant, c: Counts, rng: Rng) => Iterable<R>): Iterable<R> {
  for (const t of tenants) yield* fn(t, COUNTS[t.index], Rng.stream(`national-${label}-${t.index}`));
}

/** The ledger's chain heads per tenant, filled while the ledger is written (budget_settings comes after). */
const heads = new Map<number, { seq: number; hash: string }>();

export const LOADS: TableLoad[] = [
  {
    table: 'tenants',
    columns: ['id', 'slug', 'name_th', 'name_en', 'type', 'province', 'district', 'subdistrict', 'created_at'],
    rows: (ts) => ts.map((t) => [t.id, t.slug, t.nameTh, t.nameEn, t.type, t.province, t.district, t.subdistrict, NOW]),
  },
  {
    table: 'parties',
    columns: [
      'tenant_id',
      'id',
      'kind',
      'name',
      'sector',
      'pillar',
      'org_type',
      'moo',
      'subdistrict',
      'district',
      'province',
      'postcode',
      'phone',
      'created_at',
      'updated_at',
    ],
    rows: (ts) =>
      perTenant(ts, 'parties', function* (t, c, rng) {
        for (let i = 0; i < c.parties; i++) {
          const moo = rng.int(1, 15);
          const phone = `08${rng.digits(8)}`;
          if (i % 3 === 0) {
            const [pattern, sector, orgType] = ORG_PATTERNS[i % ORG_PATTERNS.length];
            const name = pattern.replace('{v}', rng.pick(VILLAGE_WORDS)).replace('{m}', String(moo)).replace('{s}', t.subdistrict);
            yield [
              t.id,
              uid(T.party, t.index, i),
              'organization',
              name,
              sector,
              DEFAULT_PILLAR_BY_SECTOR[sector],
              orgType,
              moo,
              t.subdistrict,
              t.district,
              t.province,
              t.postcode,
              phone,
              NOW,
              NOW,
            ];
          } else {
            const sector = rng.chance(0.8) ? 'locality' : rng.pick(SECTORS);
            yield [
              t.id,
              uid(T.party, t.index, i),
              'person',
              `${rng.pick(PERSON_NAMES)} ${rng.pick(SURNAMES)}`,
              sector,
              DEFAULT_PILLAR_BY_SECTOR[sector],
              null,
              moo,
              t.subdistrict,
              t.district,
              t.province,
              t.postcode,
              phone,
              NOW,
              NOW,
            ];
          }
        }
      }),
  },
  {
    table: 'networks',
    columns: ['tenant_id', 'id', 'name', 'description', 'issues', 'tags', 'pillar', 'stage', 'founded_on', 'coordinator_party_id', 'created_at', 'updated_at'],
    rows: (ts) =>
      perTenant(ts, 'networks', function* (t, c, rng) {
        for (let i = 0; i < c.networks; i++) {
          const spec = NETWORK_SPECS[i % NETWORK_SPECS.length];
          const name = networkName(spec, t) + (i >= NETWORK_SPECS.length ? ` ชุดที่ ${Math.floor(i / NETWORK_SPECS.length) + 1}` : '');
          yield [
            t.id,
            uid(T.network, t.index, i),
            name,
            spec.description.replace(/ชมภู/g, t.place),
            spec.issues,
            spec.tags,
            spec.pillar,
            rng.pick(STAGES),
            day(rng.int(2012, 2025), rng.int(1, 12), rng.int(1, 28)),
            uid(T.party, t.index, rng.int(0, c.parties - 1)),
            NOW,
            NOW,
          ];
        }
      }),
  },
  {
    table: 'network_members',
    columns: ['tenant_id', 'id', 'network_id', 'party_id', 'role', 'start_date', 'created_at'],
    rows: (ts) =>
      perTenant(ts, 'members', function* (t, c, rng) {
        let n = 0;
        for (let i = 0; i < c.networks; i++)
          for (const p of rng.sample(
            Array.from({ length: c.parties }, (_, k) => k),
            PER_TENANT.membersPerNetwork,
          ))
            yield [
              t.id,
              uid(T.member, t.index, n++),
              uid(T.network, t.index, i),
              uid(T.party, t.index, p),
              n % 4 === 1 ? 'coordinator' : rng.pick(MEMBER_ROLES.slice(1)),
              day(rng.int(2015, 2025), rng.int(1, 12), 1),
              NOW,
            ];
      }),
  },
  {
    table: 'knowledge_items',
    columns: [
      'tenant_id',
      'id',
      'type',
      'title',
      'summary',
      'body',
      'body_html',
      'body_text',
      'tags',
      'visibility',
      'published_on',
      'search_title',
      'search_tags',
      'search_summary',
      'search_body',
      'created_by_name',
      'created_at',
      'updated_at',
    ],
    rows: (ts) =>
      perTenant(ts, 'knowledge', function* (t, c, rng) {
        for (let i = 0; i < c.knowledge; i++) {
          const at = rng.int(0, KNOWLEDGE.length - 1);
          const { k, lines } = KNOWLEDGE[at];
          const year = rng.int(2019, 2025);
          // segmented in two parts (cached): the pair across the seam is the only index term it loses
          const where = `หมู่ ${rng.int(1, 9)} ปี ${year + 543}`;
          const title = { raw: `${k.title} ${where}`, seg: `${seg(k.title)} ${seg(where)}` };
          const summary = piece(rng.chance(0.5) ? k.summary : rng.pick(lines));
          const body = Array.from({ length: rng.int(1, 3) }, () => piece(rng.chance(0.8) ? rng.pick(lines) : rng.pick(LINE_POOL)));
          const tags = [rng.pick(k.tags), rng.pick(TAG_POOL)].filter((x, j, a) => a.indexOf(x) === j);
          const bodyText = body.map((b) => b.raw).join('\n');
          yield [
            t.id,
            uid(T.item, t.index, i),
            k.type,
            title.raw,
            summary.raw,
            bodyText,
            body.map((b) => `<p>${b.raw}</p>`).join('\n'),
            bodyText,
            tags,
            rng.chance(0.2) ? 'public' : 'tenant',
            day(year, rng.int(1, 12), rng.int(1, 28)),
            title.seg,
            seg(tags.join(' ')),
            summary.seg,
            body.map((b) => b.seg).join(' '),
            'เจ้าหน้าที่ฝ่ายพัฒนาชุมชน',
            NOW,
            NOW,
          ];
        }
      }),
  },
  {
    table: 'knowledge_item_networks',
    columns: ['tenant_id', 'item_id', 'network_id', 'position'],
    rows: (ts) =>
      perTenant(ts, 'item-networks', function* (t, c, rng) {
        for (let i = 0; i < c.knowledge; i++) yield [t.id, uid(T.item, t.index, i), uid(T.network, t.index, rng.int(0, c.networks - 1)), 0];
      }),
  },
  {
    table: 'plans',
    columns: ['tenant_id', 'id', 'name', 'fiscal_year', 'start_date', 'end_date', 'description', 'weight_by', 'created_at', 'updated_at'],
    rows: (ts) =>
      perTenant(ts, 'plans', function* (t) {
        for (let i = 0; i < PER_TENANT.plans; i++) {
          const fy = 2567 + i;
          yield [
            t.id,
            uid(T.plan, t.index, i),
            `แผนปฏิบัติการร่วมภาคีเครือข่าย${t.nameTh} ปีงบประมาณ ${fy}`,
            fy,
            day(fy - 544, 10, 1),
            day(fy - 543, 9, 30),
            `แผนร่วมของเครือข่ายในพื้นที่${t.place}`,
            'budget',
            NOW,
            NOW,
          ];
        }
      }),
  },
  {
    table: 'plan_networks',
    columns: ['tenant_id', 'plan_id', 'network_id'],
    rows: (ts) =>
      perTenant(ts, 'plan-networks', function* (t, c) {
        for (let i = 0; i < PER_TENANT.plans; i++)
          for (const n of [0, 1, 2].filter((x) => x < c.networks)) yield [t.id, uid(T.plan, t.index, i), uid(T.network, t.index, (i * 3 + n) % c.networks)];
      }),
  },
  {
    table: 'plan_projects',
    columns: [
      'tenant_id',
      'id',
      'plan_id',
      'name',
      'objectives',
      'lead_party_id',
      'start_date',
      'end_date',
      'status',
      'weight_by',
      'sort_order',
      'created_at',
      'updated_at',
    ],
    rows: (ts) =>
      perTenant(ts, 'projects', function* (t, c, rng) {
        for (let i = 0; i < PER_TENANT.plans; i++)
          for (let j = 0; j < PER_TENANT.projectsPerPlan; j++) {
            const spec = NETWORK_SPECS[(i * 7 + j * 3) % NETWORK_SPECS.length];
            const fy = 2567 + i;
            yield [
              t.id,
              uid(T.project, t.index, i * PER_TENANT.projectsPerPlan + j),
              uid(T.plan, t.index, i),
              `โครงการ${networkName(spec, t).replace(/^เครือข่าย/, '')}`,
              spec.description.replace(/ชมภู/g, t.place).slice(0, 300),
              uid(T.party, t.index, rng.int(0, c.parties - 1)),
              day(fy - 544, 11, 1),
              day(fy - 543, 8, 31),
              rng.pick(['planned', 'in_progress', 'done', 'delayed']),
              'budget',
              j,
              NOW,
              NOW,
            ];
          }
      }),
  },
  {
    table: 'plan_activities',
    columns: [
      'tenant_id',
      'id',
      'plan_id',
      'project_id',
      'name',
      'budget_satang',
      'lead_party_id',
      'start_date',
      'end_date',
      'status',
      'progress',
      'sort_order',
      'created_at',
      'updated_at',
    ],
    rows: (ts) =>
      perTenant(ts, 'activities', function* (t, c, rng) {
        const kinds = ['ประชุมวางแผนร่วมกับภาคี', 'อบรมให้ความรู้แกนนำ', 'ลงพื้นที่สำรวจข้อมูล', 'จัดเวทีแลกเปลี่ยนเรียนรู้', 'ติดตามและประเมินผล'];
        for (let i = 0; i < PER_TENANT.plans; i++)
          for (let j = 0; j < PER_TENANT.projectsPerPlan; j++)
            for (let k = 0; k < PER_TENANT.activitiesPerProject; k++) {
              const fy = 2567 + i;
              const n = (i * PER_TENANT.projectsPerPlan + j) * PER_TENANT.activitiesPerProject + k;
              const status = rng.pick(['planned', 'in_progress', 'done'] as const);
              yield [
                t.id,
                uid(T.activity, t.index, n),
                uid(T.plan, t.index, i),
                uid(T.project, t.index, i * PER_TENANT.projectsPerPlan + j),
                `${kinds[k % kinds.length]} ครั้งที่ ${k + 1}`,
                rng.int(5, 80) * 1000_00,
                uid(T.party, t.index, rng.int(0, c.parties - 1)),
                day(fy - 543, rng.int(1, 4), 1),
                day(fy - 543, rng.int(5, 9), 28),
                status,
                status === 'done' ? 100 : status === 'planned' ? 0 : rng.int(10, 90),
                k,
                NOW,
                NOW,
              ];
            }
      }),
  },
  {
    table: 'participation_records',
    columns: [
      'tenant_id',
      'id',
      'occurred_on',
      'fiscal_year',
      'level',
      'subject_kind',
      'title',
      'network_id',
      'plan_id',
      'party_id',
      'head_count',
      'pillar',
      'sector',
      'contribution',
      'created_at',
    ],
    rows: (ts) =>
      perTenant(ts, 'participation', function* (t, c, rng) {
        for (let i = 0; i < c.participation; i++) {
          const fy = rng.int(2567, 2569);
          const level = rng.pick(['issue', 'plan', 'operation'] as const);
          const net = rng.int(0, c.networks - 1);
          yield [
            t.id,
            uid(T.participation, t.index, i),
            day(fy - 543, rng.int(1, 9), rng.int(1, 28)),
            fy,
            level,
            rng.pick(PARTICIPATION_SUBJECTS),
            `เวทีประชาคม${NETWORK_SPECS[net % NETWORK_SPECS.length].name.replace(/ชมภู/g, t.place).replace(/^เครือข่าย/, '')}`,
            uid(T.network, t.index, net),
            level === 'plan' ? uid(T.plan, t.index, fy - 2567) : null,
            uid(T.party, t.index, rng.int(0, c.parties - 1)),
            rng.int(1, 60),
            rng.pick(PILLARS),
            rng.pick(SECTORS),
            rng.pick(CONTRIBUTIONS),
            NOW,
          ];
        }
      }),
  },
  {
    table: 'budget_funds',
    columns: ['tenant_id', 'id', 'name', 'kind', 'party_id', 'fiscal_year', 'created_at'],
    rows: (ts) =>
      perTenant(ts, 'funds', function* (t) {
        for (let i = 0; i < PER_TENANT.plans; i++) {
          const fy = 2567 + i;
          yield [t.id, uid(T.fund, t.index, i * 2), `งบประมาณ${t.nameTh} ปี ${fy}`, 'municipal', null, fy, NOW];
          yield [t.id, uid(T.fund, t.index, i * 2 + 1), `กองทุนสมทบจากภาคีเครือข่าย ปี ${fy}`, 'partner_cash', uid(T.party, t.index, 0), fy, NOW];
        }
      }),
  },
  {
    table: 'budget_lines',
    columns: ['tenant_id', 'id', 'fiscal_year', 'plan_id', 'project_id', 'name', 'allocated_satang', 'created_at'],
    rows: (ts) =>
      perTenant(ts, 'lines', function* (t) {
        for (let i = 0; i < PER_TENANT.plans; i++)
          for (let j = 0; j < PER_TENANT.projectsPerPlan; j++) {
            const p = i * PER_TENANT.projectsPerPlan + j;
            yield [t.id, uid(T.line, t.index, p), 2567 + i, uid(T.plan, t.index, i), uid(T.project, t.index, p), `ค่าใช้จ่ายโครงการที่ ${j + 1}`, 500_000_00, NOW];
          }
      }),
  },
  {
    // transactions and their entries are generated together; the entries wait in memory one tenant at a time
    table: 'ledger_transactions',
    columns: [
      'tenant_id',
      'id',
      'kind',
      'occurred_on',
      'fiscal_year',
      'description',
      'party_id',
      'total_satang',
      'status',
      'maker_name',
      'created_at',
      'seq',
      'posted_at',
      'prev_hash',
      'hash',
      'approval_threshold_satang',
    ],
    rows: (ts) => ledgerRows(ts, 'tx'),
  },
  {
    table: 'ledger_entries',
    columns: ['tenant_id', 'transaction_id', 'line_no', 'account', 'fund_id', 'budget_line_id', 'amount_satang'],
    rows: (ts) => ledgerRows(ts, 'entries'),
  },
  {
    table: 'budget_settings',
    columns: ['tenant_id', 'head_seq', 'head_hash', 'updated_at'],
    rows: (ts) => ts.map((t) => [t.id, heads.get(t.index)!.seq, heads.get(t.index)!.hash, NOW]),
  },
];

const GENESIS = '0'.repeat(64);

/** A tenant's ledger: contributions into its funds and expenses against its budget lines, chained. */
function* ledgerRows(ts: GenTenant[], what: 'tx' | 'entries'): Iterable<unknown[]> {
  for (const t of ts) {
    const c = COUNTS[t.index];
    const rng = Rng.stream(`national-ledger-${t.index}`);
    let prev = GENESIS;
    const start = Date.UTC(2023, 9, 1);
    for (let i = 0; i < c.transactions; i++) {
      const seq = i + 1;
      const id = uid(T.tx, t.index, i);
      const postedAt = new Date(start + Math.floor((i / c.transactions) * 3 * 365 * 86400_000) + rng.int(0, 3600_000));
      const occurredOn = postedAt.toISOString().slice(0, 10);
      const y = postedAt.getUTCFullYear() + 543;
      const fiscalYear = Math.min(2569, Math.max(2567, postedAt.getUTCMonth() >= 9 ? y + 1 : y));
      const plan = fiscalYear - 2567;
      const fund = uid(T.fund, t.index, plan * 2 + (rng.chance(0.3) ? 1 : 0));
      const amount = rng.int(5, 400) * 100_00;
      const contribution = i % 3 === 0;
      const line = uid(T.line, t.index, plan * PER_TENANT.projectsPerPlan + rng.int(0, PER_TENANT.projectsPerPlan - 1));
      const entries = contribution
        ? [
            { lineNo: 1, account: 'fund', fundId: fund, budgetLineId: null, amountSatang: amount },
            { lineNo: 2, account: 'contribution', fundId: fund, budgetLineId: null, amountSatang: -amount },
          ]
        : [
            { lineNo: 1, account: 'expense', fundId: fund, budgetLineId: line, amountSatang: amount },
            { lineNo: 2, account: 'fund', fundId: fund, budgetLineId: null, amountSatang: -amount },
          ];
      const content = {
        id,
        seq,
        kind: contribution ? 'contribution' : 'expense',
        occurredOn,
        fiscalYear,
        description: contribution ? `รับเงินสมทบกิจกรรมเครือข่าย ครั้งที่ ${seq}` : `ค่าใช้จ่ายกิจกรรมโครงการ รายการที่ ${seq}`,
        partyId: uid(T.party, t.index, rng.int(0, c.parties - 1)),
        reversesId: null,
        totalSatang: amount,
        makerUserId: null,
        makerName: 'เจ้าหน้าที่การเงินและบัญชี',
        approverUserId: null,
        approverName: null,
        postedAt,
        entries,
      };
      const hash = chainHash(prev, content);
      if (what === 'tx')
        yield [
          t.id,
          id,
          content.kind,
          occurredOn,
          fiscalYear,
          content.description,
          content.partyId,
          amount,
          'posted',
          content.makerName,
          postedAt,
          seq,
          postedAt,
          prev,
          hash,
          5_000_000,
        ];
      else for (const e of entries) yield [t.id, id, e.lineNo, e.account, e.fundId, e.budgetLineId, e.amountSatang];
      prev = hash;
    }
    heads.set(t.index, { seq: c.transactions, hash: prev });
  }
}

// ------------------------------------------------------------------------------------------------ main

function arg(name: string): string | undefined {
  const a = process.argv.find((x) => x.startsWith(`--${name}=`) || x === `--${name}`);
  return a ? (a.includes('=') ? a.slice(a.indexOf('=') + 1) : 'true') : undefined;
}

async function main() {
  const size = (arg('size') ?? 'small') as Size;
  if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
  const base = arg('url') ?? process.env.DATABASE_URL ?? process.env.BENCH_PG_URL ?? 'postgres://app@127.0.0.1:54329/postgres';
  const name = arg('db') ?? `phakhi_national_${size}`;
  const url = new URL(base);
  url.pathname = `/${name}`;

  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const exists = (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount;
  if (exists && arg('replace')) {
    await admin.query(`drop database ${name} with (force)`);
    console.error(`dropped ${name}`);
  }
  if (!exists || arg('replace')) await admin.query(`create database ${name}`);
  await admin.end();

  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
  await database.migrate();
  const tenants = allTenants(SIZES[size]);
  COUNTS = tenants.map(countsOf);

  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const already = (await client.query(`select count(*)::int as n from tenants where slug = any($1)`, [tenants.slice(0, 5).map((t) => t.slug)])).rows[0].n;
  if (already) throw new Error(`${name} already holds generated tenants: --replace to start again`);
  const super_ = (await client.query(`select rolsuper from pg_roles where rolname = current_user`)).rows[0].rolsuper;
  if (!super_) throw new Error('the load needs a superuser (session_replication_role = replica skips the ledger guard during COPY)');

  console.error(`National data set, size ${size}: ${tenants.length} tenants into ${url.host}/${name}`);
  const totalStart = Date.now();
  const report: { table: string; rows: number; seconds: number }[] = [];
  await client.query(`set session_replication_role = replica`);
  for (const load of LOADS) {
    const r = await copyTable(client, load, tenants);
    report.push({ table: load.table, ...r });
    console.error(
      `  ${load.table.padEnd(24)} ${String(r.rows).padStart(10)} rows  ${r.seconds.toFixed(1).padStart(7)} s  (${Math.round(r.rows / Math.max(r.seconds, 0.001))} rows/s)`,
    );
  }
  await client.query(`set session_replication_role = origin`);
  const analyzeStart = Date.now();
  await client.query('analyze');
  report.push({ table: '(analyze)', rows: 0, seconds: (Date.now() - analyzeStart) / 1000 });
  console.error(`  analyze ${((Date.now() - analyzeStart) / 1000).toFixed(1)} s; loaded in ${((Date.now() - totalStart) / 1000).toFixed(1)} s`);

  // checks: balance, dangling references in a sample, chains, row-level security
  const checkStart = Date.now();
  const unbalanced = (
    await client.query(
      `select count(*)::int as n from (select tenant_id, transaction_id from ledger_entries group by 1, 2 having sum(amount_satang) <> 0 or count(*) < 2) x`,
    )
  ).rows[0].n;
  const sample = tenants.filter((_, i) => i % Math.max(1, Math.floor(tenants.length / 20)) === 0);
  const sampleIds = sample.map((t) => t.id);
  const dangling = Number(
    (
      await client.query(
        `select (select count(*) from network_members m where m.tenant_id = any($1) and not exists (select 1 from parties p where p.tenant_id = m.tenant_id and p.id = m.party_id))
            + (select count(*) from ledger_entries e where e.tenant_id = any($1) and not exists (select 1 from budget_funds f where f.tenant_id = e.tenant_id and f.id = e.fund_id))
            + (select count(*) from ledger_entries e where e.tenant_id = any($1) and e.budget_line_id is not null and not exists (select 1 from budget_lines l where l.tenant_id = e.tenant_id and l.id = e.budget_line_id))
            + (select count(*) from plan_activities a where a.tenant_id = any($1) and not exists (select 1 from plan_projects p where p.tenant_id = a.tenant_id and p.id = a.project_id))
            + (select count(*) from knowledge_item_networks k where k.tenant_id = any($1) and not exists (select 1 from networks n where n.tenant_id = k.tenant_id and n.id = k.network_id)) as n`,
        [sampleIds],
      )
    ).rows[0].n, // a sum of bigint counts: pg returns it as a string, and "0" would count as dangling
  );
  let chainsOk = 0;
  for (const t of sample) {
    const v = await verifyChain(database.db, t.id);
    if (!v.valid) throw new Error(`ledger of ${t.slug} does not verify: ${JSON.stringify(v)}`);
    chainsOk++;
  }
  // row-level security: as the app role with one tenant set, only that tenant's rows are visible
  const probe = tenants[Math.min(1, tenants.length - 1)];
  const rls = await client.query(
    `begin; select set_config('app.tenant_id', '${probe.id}', true), set_config('role', 'phakhi_app', true);
     select (select count(distinct tenant_id) from parties)::int as parties_tenants, (select count(*) from parties)::int as parties,
            (select count(distinct tenant_id) from ledger_entries)::int as ledger_tenants, (select count(*) from knowledge_items where tenant_id <> '${probe.id}')::int as foreign_items;
     commit`,
  );
  const seen = (rls as unknown as pg.QueryResult[])[2].rows[0];
  const rlsOk = seen.parties_tenants === 1 && seen.parties === COUNTS[probe.index].parties && seen.ledger_tenants === 1 && seen.foreign_items === 0;
  let noTenantSeesNothing = false;
  await client.query(`begin; select set_config('role', 'phakhi_app', true)`);
  noTenantSeesNothing = (await client.query(`select count(*)::int as n from parties`)).rows[0].n === 0;
  await client.query('commit');
  console.error(
    `  checks (${((Date.now() - checkStart) / 1000).toFixed(1)} s): unbalanced transactions ${unbalanced}; dangling references in ${sample.length} tenants ${dangling}; ` +
      `chains verified ${chainsOk}/${sample.length}; RLS one tenant visible ${rlsOk ? 'yes' : 'NO'}, none without a tenant ${noTenantSeesNothing ? 'yes' : 'NO'}`,
  );
  const sizes = (await client.query(`select pg_size_pretty(pg_database_size(current_database())) as s`)).rows[0].s;
  console.log(`\n| table | rows | seconds |\n| --- | ---: | ---: |`);
  for (const r of report) console.log(`| ${r.table} | ${r.rows.toLocaleString('en')} | ${r.seconds.toFixed(1)} |`);
  console.log(
    `| **total** (${tenants.length} tenants, ${sizes}) | ${report.reduce((a, r) => a + r.rows, 0).toLocaleString('en')} | ${((Date.now() - totalStart) / 1000).toFixed(1)} |`,
  );
  console.log(`\nA tenant to measure: ${tenants[Math.min(1, tenants.length - 1)].slug}`);
  await client.end();
  await database.close();
  if (unbalanced || dangling || !rlsOk || !noTenantSeesNothing) process.exit(2);
}

if (process.argv[1]?.endsWith('national.ts'))
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
