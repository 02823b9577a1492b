import crypto from 'node:crypto';
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { fiscalYearOf, fiscalYearRange } from '../../../common/thai/dates';
import { GENESIS_HASH } from '../../../common/schemas/budget';
import { budgetFunds, budgetLines, budgetSettings, ledgerEntries, ledgerTransactions, parties, planActivities, planProjects, plans } from '../../db/schema';
import { audit } from '../../platform/audit';
import { SYSTEM_USER, type TenantContext, type TenantRef } from '../../platform/context';
import { withTenant, type Db, type Tx } from '../../platform/db';
import { chainHash } from '../../modules/budget/chain';
import { ensureSettings } from '../../modules/budget/ledger.repository';
import type { DemoClock } from '../clock';
import { Rng } from '../data/rng';

const BASE_YEARS = [2565, 2566, 2567, 2568, 2569];
const THRESHOLD = 5_000_000; // 50,000 baht: the default approval threshold
const MAKER = 'นางสาวกนกวรรณ ศรีวิชัย (นักวิชาการเงินและบัญชี)';
const CHECKER = 'นายวีระพงษ์ คำปัน (ผู้อำนวยการกองคลัง)';

/** Month `m` of fiscal year `fy` (0 = October), day `d`, clamped to the month and to the demo's "today". */
function dayIn(fy: number, m: number, d: number, asOf: string): string {
  const y0 = Number(fiscalYearRange(fy).start.slice(0, 4));
  const month0 = 9 + Math.min(Math.max(m, 0), 11);
  const y = y0 + Math.floor(month0 / 12);
  const mo = (month0 % 12) + 1;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  return iso > asOf ? asOf : iso;
}
const roundBaht = (satang: number, baht = 100) => Math.round(satang / (baht * 100)) * baht * 100;

interface Entry {
  account: 'fund' | 'contribution' | 'commitment' | 'expense';
  fundId: string;
  budgetLineId: string | null;
  amountSatang: number;
}
interface DemoTx {
  id: string;
  kind: 'contribution' | 'commitment' | 'expense' | 'reversal';
  occurredOn: string;
  description: string;
  partyId: string | null;
  reversesId: string | null;
  entries: Entry[];
  outcome: 'posted' | 'pending' | 'rejected';
  rejectionReason?: string;
}
const total = (t: DemoTx) => t.entries.reduce((s, e) => s + (e.amountSatang > 0 ? e.amountSatang : 0), 0);

/**
 * Five fiscal years (2565–2569) of the Chomphu ledger: municipal budget, the local health-security fund,
 * partner cash, in-kind help for the Phaya Kham weir (excavator, sandbags, labour, pumps) and small
 * private donations; budget lines for every funded activity of the joint plans; expenses (some through
 * commitments), a few duplicate payments corrected by reversals, and pending and rejected items for the
 * approvals queue. All posted transactions are hashed into one chain. Loaded once (a tenant with funds is left alone).
 */
export async function seedBudget(db: Db, tenant: TenantRef, clock: DemoClock): Promise<{ funds: number; lines: number; transactions: number } | null> {
  const tenantId = tenant.id;
  const YEARS = BASE_YEARS.map(clock.fy);
  const dayOf = (fy: number, m: number, d: number) => dayIn(fy, m, d, clock.asOf);
  const ctx: TenantContext = { db, tenant, actor: { user: SYSTEM_USER, role: 'system' }, lang: 'th' };
  return withTenant(db, tenantId, async (tx) => {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(budgetFunds)
      .where(eq(budgetFunds.tenantId, tenantId));
    if (n > 0) return null;
    const yearPlans = await tx
      .select({ id: plans.id, name: plans.name, fiscalYear: plans.fiscalYear })
      .from(plans)
      .where(and(eq(plans.tenantId, tenantId), gte(plans.fiscalYear, YEARS[0]), lte(plans.fiscalYear, YEARS[YEARS.length - 1])));
    if (!yearPlans.length) return null;
    const acts = await tx
      .select({
        id: planActivities.id,
        planId: planActivities.planId,
        projectId: planActivities.projectId,
        name: planActivities.name,
        budget: planActivities.budgetSatang,
        status: planActivities.status,
        start: planActivities.startDate,
      })
      .from(planActivities)
      .where(
        and(
          eq(planActivities.tenantId, tenantId),
          inArray(
            planActivities.planId,
            yearPlans.map((p) => p.id),
          ),
        ),
      );
    const projects = await tx
      .select({ id: planProjects.id, name: planProjects.name })
      .from(planProjects)
      .where(
        and(
          eq(planProjects.tenantId, tenantId),
          inArray(
            planProjects.planId,
            yearPlans.map((p) => p.id),
          ),
        ),
      );
    const projectName = new Map(projects.map((p) => [p.id, p.name]));
    const planOf = new Map(yearPlans.map((p) => [p.id, p]));
    const ps = await tx.select({ id: parties.id, name: parties.name, kind: parties.kind }).from(parties).where(eq(parties.tenantId, tenantId));
    const party = (name: string) => ps.find((p) => p.name === name)?.id ?? null;
    const people = ps.filter((p) => p.kind === 'person');
    const rng = new Rng(20_569);

    // ---- funds, per fiscal year ----
    type FundSpec = { key: string; name: string; kind: string; partyId: string | null; note?: string };
    const specs = (fy: number): FundSpec[] => [
      { key: 'municipal', name: `งบประมาณรายจ่ายตามเทศบัญญัติ ปีงบประมาณ ${fy}`, kind: 'municipal', partyId: party('เทศบาลตำบลชมภู') },
      {
        key: 'health',
        name: `กองทุนหลักประกันสุขภาพเทศบาลตำบลชมภู ปี ${fy}`,
        kind: 'grant',
        partyId: party('สำนักงานหลักประกันสุขภาพแห่งชาติ เขต 1 เชียงใหม่'),
        note: 'เงินสมทบ สปสช. สำหรับงานส่งเสริมสุขภาพและดูแลผู้สูงอายุ',
      },
      { key: 'longan', name: `เงินสนับสนุนจากบริษัท ลำไยทองชมภู จำกัด ปี ${fy}`, kind: 'partner_cash', partyId: party('บริษัท ลำไยทองชมภู จำกัด') },
      {
        key: 'excavator',
        name: `รถขุดและแรงงานช่าง (ห้างหุ้นส่วนจำกัด ชมภูการโยธา) ปี ${fy}`,
        kind: 'in_kind',
        partyId: party('ห้างหุ้นส่วนจำกัด ชมภูการโยธา'),
        note: 'คิดมูลค่าตามอัตราค่าเช่ารถขุดในพื้นที่',
      },
      {
        key: 'sandbags',
        name: `กระสอบทรายและปูนซีเมนต์ (ร้านเจริญชัยวัสดุก่อสร้าง) ปี ${fy}`,
        kind: 'in_kind',
        partyId: party('ร้านเจริญชัยวัสดุก่อสร้าง'),
        note: 'คิดมูลค่าตามราคาขายปลีก',
      },
      {
        key: 'labour',
        name: `แรงงานลงแขกของลูกฝาย (กลุ่มผู้ใช้น้ำเหมืองฝายพญาคำ) ปี ${fy}`,
        kind: 'in_kind',
        partyId: party('กลุ่มผู้ใช้น้ำเหมืองฝายพญาคำ'),
        note: 'คิดมูลค่าแรงงานวันละ 300 บาทต่อคน',
      },
      { key: 'pumps', name: `เครื่องสูบน้ำและเจ้าหน้าที่ (โครงการชลประทานเชียงใหม่) ปี ${fy}`, kind: 'in_kind', partyId: party('โครงการชลประทานเชียงใหม่') },
      { key: 'temple', name: `ปัจจัยทำบุญหัวฝาย (วัดหัวฝาย) ปี ${fy}`, kind: 'donation', partyId: party('วัดหัวฝาย') },
      ...people
        .slice((fy - 2565) * 3, (fy - 2565) * 3 + 3)
        .map((p, i) => ({ key: `person${i}`, name: `เงินบริจาคส่วนบุคคล ปี ${fy} (${i + 1})`, kind: 'donation', partyId: p.id })),
    ];
    const fundRows: { tenantId: string; name: string; kind: string; partyId: string | null; fiscalYear: number; note: string | null; key: string }[] = [];
    for (const fy of YEARS)
      for (const s of specs(fy))
        if (s.kind === 'municipal' || s.partyId)
          fundRows.push({ tenantId, name: s.name, kind: s.kind, partyId: s.partyId, fiscalYear: fy, note: s.note ?? null, key: s.key });
    const inserted = await tx
      .insert(budgetFunds)
      .values(fundRows.map(({ key: _k, ...r }) => r))
      .returning({ id: budgetFunds.id, name: budgetFunds.name });
    const fundId = new Map(fundRows.map((r, i) => [`${r.fiscalYear}:${r.key}`, inserted[i].id]));
    const fundOf = (fy: number, key: string) => fundId.get(`${fy}:${key}`) ?? null;

    // ---- budget lines: every funded activity of the five years' plans ----
    const funded = acts.filter((a) => Number(a.budget) > 0 && a.status !== 'cancelled');
    const lineRows = funded.map((a) => ({
      tenantId,
      fiscalYear: planOf.get(a.planId)!.fiscalYear,
      planId: a.planId,
      projectId: a.projectId,
      activityId: a.id,
      name: a.name,
      allocatedSatang: Number(a.budget),
    }));
    const lines: { id: string; activityId: string | null; fiscalYear: number; allocatedSatang: number; name: string; projectId: string | null }[] = [];
    for (let i = 0; i < lineRows.length; i += 500)
      lines.push(
        ...(await tx
          .insert(budgetLines)
          .values(lineRows.slice(i, i + 500))
          .returning({
            id: budgetLines.id,
            activityId: budgetLines.activityId,
            fiscalYear: budgetLines.fiscalYear,
            allocatedSatang: budgetLines.allocatedSatang,
            name: budgetLines.name,
            projectId: budgetLines.projectId,
          })),
      );
    const actById = new Map(acts.map((a) => [a.id, a]));

    // ---- transactions ----
    const txs: DemoTx[] = [];
    const add = (t: Omit<DemoTx, 'id' | 'outcome' | 'reversesId'> & Partial<Pick<DemoTx, 'outcome' | 'reversesId' | 'rejectionReason'>>) => {
      const row: DemoTx = { id: crypto.randomUUID(), outcome: 'posted', reversesId: null, ...t };
      txs.push(row);
      return row;
    };
    const receive = (fy: number, key: string, m: number, d: number, satang: number, description: string) => {
      const f = fundOf(fy, key);
      if (!f || satang <= 0) return;
      add({
        kind: 'contribution',
        occurredOn: dayOf(fy, m, d),
        description,
        partyId: fundRows.find((r) => r.fiscalYear === fy && r.key === key)!.partyId,
        entries: [
          { account: 'fund', fundId: f, budgetLineId: null, amountSatang: satang },
          { account: 'contribution', fundId: f, budgetLineId: null, amountSatang: -satang },
        ],
      });
    };
    const pay = (f: string, lineId: string, on: string, satang: number, description: string, partyId: string | null = null) =>
      add({
        kind: 'expense',
        occurredOn: on,
        description,
        partyId,
        entries: [
          { account: 'expense', fundId: f, budgetLineId: lineId, amountSatang: satang },
          { account: 'fund', fundId: f, budgetLineId: null, amountSatang: -satang },
        ],
      });

    for (const fy of YEARS) {
      const current = fy === clock.fy(2569);
      const yearLines = lines.filter((l) => l.fiscalYear === fy);
      const weirLines = yearLines.filter((l) => (l.projectId ? (projectName.get(l.projectId) ?? '') : '').includes('ฝาย'));
      const weirLine = weirLines.find((l) => l.name.includes('กระสอบทราย')) ?? weirLines[0];
      const healthLine = (l: (typeof yearLines)[number]) => /ผู้สูงอายุ|สุขภาพ|ผู้ป่วย|ติดเตียง/.test(`${l.name} ${projectName.get(l.projectId ?? '') ?? ''}`);
      let municipalNeed = 0;
      let healthNeed = 0;
      const health = fundOf(fy, 'health');
      const municipal = fundOf(fy, 'municipal')!;

      // partner in-kind help for the weir maintenance: valued, received, and used on the weir line
      if (weirLine) {
        const inKind: [string, number, string][] = [
          ['excavator', rng.int(16, 24) * 1_000_00, `รถขุดตักขุดลอกหน้าฝายพญาคำ ${rng.int(2, 3)} วัน พร้อมคนขับ`],
          ['sandbags', rng.int(300, 420) * 25_00, 'กระสอบทรายวางเสริมหัวฝายพญาคำ'],
          ['labour', rng.int(110, 160) * 300_00, 'ลูกฝายลงแขกซ่อมฝายและลอกลำเหมือง (คิดมูลค่าแรงงาน)'],
          ['pumps', rng.int(8, 14) * 1_000_00, 'เครื่องสูบน้ำชั่วคราวระหว่างซ่อมฝาย'],
        ];
        for (const [key, value, what] of inKind) {
          const f = fundOf(fy, key);
          if (!f) continue;
          receive(fy, key, 2, 5 + rng.int(0, 10), value, `รับมอบ${what}`);
          if (!current || key !== 'pumps')
            pay(
              f,
              weirLine.id,
              dayOf(fy, 2, 20 + rng.int(0, 5)),
              value,
              `ใช้${what}ในงานซ่อมบำรุงฝาย`,
              fundRows.find((r) => r.fiscalYear === fy && r.key === key)!.partyId,
            );
        }
      }
      // partner cash and donations
      const longanAmount = rng.int(30, 50) * 1_000_00;
      receive(fy, 'longan', 3, 12, longanAmount, 'บริษัทลำไยทองชมภูสมทบงบกิจกรรมเครือข่าย');
      receive(fy, 'temple', 5, 2, rng.int(3, 6) * 1_000_00, 'ปัจจัยทำบุญหัวฝายและพิธีเลี้ยงผีฝาย');
      for (let i = 0; i < 3; i++) receive(fy, `person${i}`, 1 + i, 10 + i, rng.int(5, 30) * 100_00, 'เงินบริจาคสมทบกิจกรรมเครือข่าย');

      // expenses: the past years spend most of each line; the current year has commitments and a few payments
      for (const l of yearLines) {
        if (l.id === weirLine?.id) continue;
        const a = actById.get(l.activityId ?? '');
        const month = a?.start && fiscalYearOf(a.start) === fy ? (Number(a.start.slice(5, 7)) + 2) % 12 : rng.int(1, 9);
        const fromHealth = health && healthLine(l);
        const f = fromHealth ? health : municipal;
        const share = current ? (rng.chance(0.5) ? rng.int(40, 100) : 0) : rng.int(80, 100);
        const amount = roundBaht((l.allocatedSatang * share) / 100, 10);
        if (amount <= 0) continue;
        if (fromHealth) healthNeed += amount;
        else municipalNeed += amount;
        const on = dayOf(fy, month, 5 + rng.int(0, 20));
        const what = l.name.length > 80 ? `${l.name.slice(0, 80)}…` : l.name;
        if (current || rng.chance(0.3)) {
          add({
            kind: 'commitment',
            occurredOn: on,
            description: `ก่อหนี้ผูกพัน: ${what}`,
            partyId: null,
            entries: [
              { account: 'commitment', fundId: f, budgetLineId: l.id, amountSatang: amount },
              { account: 'fund', fundId: f, budgetLineId: null, amountSatang: -amount },
            ],
          });
          if (!current || rng.chance(0.3))
            add({
              kind: 'expense',
              occurredOn: dayOf(fy, month + 1, 10),
              description: `เบิกจ่ายตามสัญญา: ${what}`,
              partyId: null,
              entries: [
                { account: 'expense', fundId: f, budgetLineId: l.id, amountSatang: amount },
                { account: 'commitment', fundId: f, budgetLineId: l.id, amountSatang: -amount },
              ],
            });
        } else pay(f, l.id, on, amount, `เบิกจ่าย: ${what}`);
      }
      // the money arrives at the start of the year (municipal) and in November (health fund)
      receive(fy, 'municipal', 0, 3, roundBaht(municipalNeed * 1.05 + 50_000_00, 1000), `รับจัดสรรงบประมาณตามเทศบัญญัติ ปีงบประมาณ ${fy} สำหรับแผนปฏิบัติการร่วม`);
      if (healthNeed) receive(fy, 'health', 1, 15, roundBaht(healthNeed * 1.1, 1000), 'รับเงินสมทบกองทุนหลักประกันสุขภาพระดับท้องถิ่น');

      // a duplicate payment recorded by mistake, corrected with a reversal (past years)
      if (!current && yearLines.length > 2) {
        const l = yearLines[rng.int(0, yearLines.length - 1)];
        const dup = pay(municipal, l.id, dayOf(fy, 6, 14), roundBaht(l.allocatedSatang / 4, 10) || 1_000_00, `เบิกจ่าย: ${l.name.slice(0, 80)} (ฎีกาซ้ำ)`);
        add({
          kind: 'reversal',
          occurredOn: dayOf(fy, 6, 18),
          description: `กลับรายการ: ${dup.description} — บันทึกฎีกาเดียวกันซ้ำสองครั้ง`,
          partyId: null,
          reversesId: dup.id,
          entries: dup.entries.map((e) => ({ ...e, amountSatang: -e.amountSatang })),
        });
      }
      if (current) {
        // waiting for the checker, and one sent back
        const l = yearLines.find((x) => x.allocatedSatang > THRESHOLD) ?? yearLines[0];
        if (l) {
          const amount = Math.max(roundBaht(l.allocatedSatang / 2, 10), THRESHOLD + 1_000_00);
          add({
            kind: 'commitment',
            occurredOn: dayOf(fy, 2, 22),
            description: `ก่อหนี้ผูกพัน: จ้างเหมา${l.name.slice(0, 60)}`,
            partyId: party('ห้างหุ้นส่วนจำกัด ชมภูการโยธา'),
            outcome: 'pending',
            entries: [
              { account: 'commitment', fundId: municipal, budgetLineId: l.id, amountSatang: amount },
              { account: 'fund', fundId: municipal, budgetLineId: null, amountSatang: -amount },
            ],
          });
          add({
            kind: 'expense',
            occurredOn: dayOf(fy, 2, 23),
            description: 'ค่าจัดซื้อวัสดุสำนักงานโครงการ (ไม่มีใบเสร็จ)',
            partyId: null,
            outcome: 'rejected',
            rejectionReason: 'ไม่มีใบเสร็จรับเงินแนบ และไม่อยู่ในรายการงบประมาณที่อนุมัติ',
            entries: [
              { account: 'expense', fundId: municipal, budgetLineId: l.id, amountSatang: THRESHOLD + 500_00 },
              { account: 'fund', fundId: municipal, budgetLineId: null, amountSatang: -(THRESHOLD + 500_00) },
            ],
          });
        }
        const w = fundOf(fy, 'pumps');
        if (w && weirLine) {
          const value = 12_000_00 + THRESHOLD;
          add({
            kind: 'contribution',
            occurredOn: dayOf(fy, 2, 27),
            description: 'รับมอบเครื่องขุดลอกและเจ้าหน้าที่ชลประทานช่วยขุดลอกลำเหมืองสายหลัก 5 วัน',
            partyId: party('โครงการชลประทานเชียงใหม่'),
            outcome: 'pending',
            entries: [
              { account: 'fund', fundId: w, budgetLineId: null, amountSatang: value },
              { account: 'contribution', fundId: w, budgetLineId: null, amountSatang: -value },
            ],
          });
        }
      }
    }

    const count = await writeLedger(tx, tenantId, txs);
    await audit(tx, ctx, {
      entity: 'ledger_transaction',
      entityId: null,
      entityLabel: `ข้อมูลตัวอย่างงบประมาณ ${YEARS[0]}–${YEARS[YEARS.length - 1]}`,
      action: 'create',
      after: { funds: inserted.length, lines: lines.length, transactions: count },
    });
    return { funds: inserted.length, lines: lines.length, transactions: count };
  });
}

/**
 * Insert the transactions (pending, as the append-only triggers require), their entries, then post the
 * posted ones in date order with one UPDATE per batch, chaining their hashes exactly as the service does.
 */
async function writeLedger(tx: Tx, tenantId: string, txs: DemoTx[]): Promise<number> {
  const ordered = [...txs].sort((a, b) => (a.occurredOn < b.occurredOn ? -1 : a.occurredOn > b.occurredOn ? 1 : 0));
  const createdAt = (t: DemoTx) => new Date(`${t.occurredOn}T02:00:00.000Z`);
  const rows = ordered.map((t) => ({
    tenantId,
    id: t.id,
    kind: t.kind,
    occurredOn: t.occurredOn,
    fiscalYear: fiscalYearOf(t.occurredOn),
    description: t.description,
    partyId: t.partyId,
    reversesId: t.reversesId,
    totalSatang: total(t),
    status: 'pending',
    makerUserId: null,
    makerName: MAKER,
    createdAt: createdAt(t),
  }));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(ledgerTransactions).values(rows.slice(i, i + 500));
  const entries = ordered.flatMap((t) => t.entries.map((e, i) => ({ tenantId, transactionId: t.id, lineNo: i + 1, ...e })));
  for (let i = 0; i < entries.length; i += 1000) await tx.insert(ledgerEntries).values(entries.slice(i, i + 1000));

  let prev = GENESIS_HASH;
  let seq = 0;
  const posts: { id: string; seq: number; postedAt: string; prev: string; hash: string; approver: string | null }[] = [];
  for (const t of ordered) {
    if (t.outcome !== 'posted') continue;
    seq++;
    const postedAt = new Date(createdAt(t).getTime() + 60 * 60 * 1000 + seq);
    const approver = total(t) > THRESHOLD ? CHECKER : null;
    const hash = chainHash(prev, {
      id: t.id,
      seq,
      kind: t.kind,
      occurredOn: t.occurredOn,
      fiscalYear: fiscalYearOf(t.occurredOn),
      description: t.description,
      partyId: t.partyId,
      reversesId: t.reversesId,
      totalSatang: total(t),
      makerUserId: null,
      makerName: MAKER,
      approverUserId: null,
      approverName: approver,
      postedAt,
      entries: t.entries.map((e, i) => ({ lineNo: i + 1, ...e })),
    });
    posts.push({ id: t.id, seq, postedAt: postedAt.toISOString(), prev, hash, approver });
    prev = hash;
  }
  for (let i = 0; i < posts.length; i += 300) {
    const values = sql.join(
      posts.slice(i, i + 300).map((p) => sql`(${p.id}::uuid, ${p.seq}::int, ${p.postedAt}::timestamptz, ${p.prev}, ${p.hash}, ${p.approver}::text)`),
      sql`, `,
    );
    await tx.execute(sql`update ledger_transactions t set status = 'posted', seq = v.seq, posted_at = v.posted_at, prev_hash = v.prev, hash = v.hash, approver_name = v.approver, decided_at = case when v.approver is null then null else v.posted_at end
      from (values ${values}) as v(id, seq, posted_at, prev, hash, approver) where t.tenant_id = ${tenantId} and t.id = v.id`);
  }
  for (const t of ordered.filter((x) => x.outcome === 'rejected'))
    await tx
      .update(ledgerTransactions)
      .set({ status: 'rejected', rejectionReason: t.rejectionReason ?? null, approverName: CHECKER, decidedAt: new Date(createdAt(t).getTime() + 86_400_000) })
      .where(and(eq(ledgerTransactions.tenantId, tenantId), eq(ledgerTransactions.id, t.id)));
  await ensureSettings(tx, tenantId);
  await tx.update(budgetSettings).set({ headSeq: seq, headHash: prev, approvalThresholdSatang: THRESHOLD }).where(eq(budgetSettings.tenantId, tenantId));
  return ordered.length;
}
