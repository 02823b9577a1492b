import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { fiscalYearRange } from '../../../common/thai/dates';
import {
  networkMembers,
  networks,
  parties,
  participationRecords,
  planActivities,
  planNetworks,
  planProgressReports,
  planProjectIndicators,
  planProjects,
  plans,
  strategies,
  strategyFrames,
  strategyGoalNetworks,
  strategyGoalParties,
  strategyGoals,
  strategyIndicators,
  strategyIndicatorTargets,
  strategyMeasurements,
} from '../../db/schema';
import { audit } from '../../platform/audit';
import { SYSTEM_USER, type TenantContext, type TenantRef } from '../../platform/context';
import { withTenant, type Db, type Tx } from '../../platform/db';
import type { DemoClock } from '../clock';
import { Rng } from '../data/rng';
import type { DemoTenant } from '../data/types';
import { DEMO_GOALS, DEMO_MISSIONS, DEMO_PLAN_SERIES, DEMO_VISION, FORUM_TITLES, WATER_MISSIONS, WATER_VISION, type DemoActivity } from './data';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];
interface Member {
  partyId: string;
  name: string;
  kind: string;
  orgType: string | null;
  pillar: string;
  sector: string;
}

/** Month `m` of fiscal year `fy` (0 = October) and a day in it, as an ISO date. */
function monthDate(fy: number, m: number, day: number): string {
  const start = fiscalYearRange(fy).start; // yyyy-10-01
  const y0 = Number(start.slice(0, 4));
  const month0 = 9 + m; // 0-based calendar month from October
  const y = y0 + Math.floor(month0 / 12);
  const mo = (month0 % 12) + 1;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return `${y}-${String(mo).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}
const endOfMonth = (fy: number, m: number) => monthDate(fy, m, 31);
const min = (a: string, b: string) => (a < b ? a : b);

/**
 * Joint plans 2563–2569 for the water network and 11 others (unbroken runs and gaps, carried-forward
 * work linked to its predecessor), progress reports, strategy with indicators and measurements, and
 * participation at the issue, plan and operation level from all three pillars. Loaded once: a tenant
 * that has any plan is left alone. One transaction; one audit entry sums it up.
 */
export async function seedPlans(
  db: Db,
  tenant: TenantRef,
  data: DemoTenant,
  clock: DemoClock,
): Promise<{ plans: number; activities: number; participation: number } | null> {
  const ctx: TenantContext = { db, tenant, actor: { user: SYSTEM_USER, role: 'system' }, lang: 'th' };
  const tenantId = tenant.id;
  const AS_OF = clock.asOf;
  return withTenant(db, tenantId, async (tx) => {
    const [{ n }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(plans)
      .where(eq(plans.tenantId, tenantId));
    if (n > 0) return null;
    const nets = await tx
      .select({ id: networks.id, name: networks.name, coordinator: networks.coordinatorPartyId })
      .from(networks)
      .where(eq(networks.tenantId, tenantId));
    const netByName = new Map(nets.map((x) => [x.name, x]));
    const netByKey = new Map(data.networks.map((x) => [x.key, netByName.get(x.name)]));
    const net = (key: string) => netByKey.get(key) ?? fail(`network ${key}`);
    const members = await loadMembers(tx, tenantId);
    const allParties = await tx
      .select({ partyId: parties.id, name: parties.name, kind: parties.kind, orgType: parties.orgType, pillar: parties.pillar, sector: parties.sector })
      .from(parties)
      .where(eq(parties.tenantId, tenantId));
    const villages = allParties.filter((p) => p.orgType === 'village' || p.orgType === 'community');
    const lgu = allParties.find((p) => p.orgType === 'local_government' && p.name === data.nameTh) ?? allParties.find((p) => p.orgType === 'local_government');

    // ---- strategy ----
    const indicatorIds = new Map<string, string>();
    const strategyIds = new Map<string, string>();
    await tx.insert(strategyFrames).values([
      { tenantId, networkId: null, vision: DEMO_VISION, missions: DEMO_MISSIONS },
      { tenantId, networkId: net('net-phayakham-water').id, vision: WATER_VISION, missions: WATER_MISSIONS },
    ]);
    const targetRows: Insert<typeof strategyIndicatorTargets>[] = [];
    const measurementRows: Insert<typeof strategyMeasurements>[] = [];
    for (const [gi, g] of DEMO_GOALS.entries()) {
      const [goal] = await tx.insert(strategyGoals).values({ tenantId, code: g.code, name: g.name, sortOrder: gi }).returning({ id: strategyGoals.id });
      const goalNets = g.networks.map((k) => net(k));
      await tx.insert(strategyGoalNetworks).values(goalNets.map((x) => ({ tenantId, goalId: goal.id, networkId: x.id })));
      const sharers = [...new Set([lgu?.partyId, ...goalNets.map((x) => x.coordinator)].filter((x): x is string => !!x))];
      if (sharers.length) await tx.insert(strategyGoalParties).values(sharers.map((partyId) => ({ tenantId, goalId: goal.id, partyId })));
      for (const [si, s] of g.strategies.entries()) {
        const [row] = await tx
          .insert(strategies)
          .values({ tenantId, goalId: goal.id, code: s.code, name: s.name, sortOrder: si })
          .returning({ id: strategies.id });
        strategyIds.set(s.key, row.id);
      }
      for (const i of g.indicators) {
        const [row] = await tx
          .insert(strategyIndicators)
          .values({
            tenantId,
            goalId: goal.id,
            strategyId: i.strategy ? strategyIds.get(i.strategy)! : null,
            name: i.name,
            unit: i.unit,
            direction: i.direction,
            baseline: i.baseline,
            baselineYear: clock.fy(i.baselineYear),
          })
          .returning({ id: strategyIndicators.id });
        indicatorIds.set(i.key, row.id);
        for (const [base, target] of Object.entries(i.targets)) targetRows.push({ tenantId, indicatorId: row.id, fiscalYear: clock.fy(Number(base)), target });
        for (const [base, value] of Object.entries(i.values)) {
          const fy = clock.fy(Number(base));
          const measuredOn = min(fiscalYearRange(fy).end, AS_OF);
          measurementRows.push({
            tenantId,
            indicatorId: row.id,
            value,
            measuredOn,
            fiscalYear: fy,
            source: i.source,
            evidenceNote: measuredOn === AS_OF ? 'ข้อมูลสะสมไตรมาสแรกของปีงบประมาณ' : `สรุปผลปีงบประมาณ ${fy} เสนอที่ประชุมคณะกรรมการขับเคลื่อน`,
          });
        }
      }
    }
    await tx.insert(strategyIndicatorTargets).values(targetRows);
    await tx.insert(strategyMeasurements).values(measurementRows);

    // ---- plans ----
    const rng = Rng.stream('joint-plans');
    const planRows: Insert<typeof plans>[] = [];
    const planNetRows: Insert<typeof planNetworks>[] = [];
    const projectRows: Insert<typeof planProjects>[] = [];
    const linkRows: Insert<typeof planProjectIndicators>[] = [];
    const activityRows: Insert<typeof planActivities>[] = [];
    const reportRows: Insert<typeof planProgressReports>[] = [];
    const participation: Insert<typeof participationRecords>[] = [];
    const id = () => crypto.randomUUID();

    for (const series of DEMO_PLAN_SERIES) {
      const main = net(series.network);
      const netIds = [main.id, ...(series.partners ?? []).map((k) => net(k).id)];
      const pool = [...new Map(netIds.flatMap((nid) => members.get(nid) ?? []).map((m) => [m.partyId, m])).values()];
      const orgs = pool.filter((m) => m.kind === 'organization');
      const lead = (i: number) => (orgs.length ? orgs[i % orgs.length].partyId : (main.coordinator ?? null));
      let prev: { planId: string; year: number; open: Map<string, { projectId: string; acts: { id: string; a: DemoActivity; progress: number }[] }> } | null =
        null;

      for (const baseFy of series.years) {
        const fy = clock.fy(baseFy);
        const range = fiscalYearRange(fy);
        const planId = id();
        const consecutive = prev && prev.year === fy - 1 ? prev : null;
        planRows.push({
          tenantId,
          id: planId,
          name: `${series.title} ปีงบประมาณ ${fy}`,
          fiscalYear: fy,
          startDate: range.start,
          endDate: range.end,
          predecessorPlanId: consecutive?.planId ?? null,
          weightBy: 'budget',
        });
        for (const nid of netIds) planNetRows.push({ tenantId, planId, networkId: nid });
        const open = new Map<string, { projectId: string; acts: { id: string; a: DemoActivity; progress: number }[] }>();
        const keys = new Set(series.projects.filter((p) => !p.years || p.years.includes(baseFy)).map((p) => p.key));
        for (const k of consecutive?.open.keys() ?? []) keys.add(k);
        let sort = 0;
        const operations: { name: string; date: string; leadId: string | null; done: boolean }[] = [];

        for (const p of series.projects.filter((x) => keys.has(x.key))) {
          const projectId = id();
          const carried = consecutive?.open.get(p.key);
          const fresh = !p.years || p.years.includes(baseFy) ? p.activities : [];
          const acts: { a: DemoActivity; pred: { id: string; progress: number } | null }[] = [
            ...(carried?.acts ?? []).map((c) => ({ a: c.a, pred: { id: c.id, progress: c.progress } })),
            ...fresh.filter((a) => !carried?.acts.some((c) => c.a.name === a.name)).map((a) => ({ a, pred: null })),
          ];
          const statuses: string[] = [];
          const projectOpen: { id: string; a: DemoActivity; progress: number }[] = [];
          for (const [ai, { a, pred }] of acts.entries()) {
            const activityId = id();
            const startDate = monthDate(fy, a.start, 1 + rng.int(0, 9));
            const endDate = endOfMonth(fy, Math.min(11, a.start + a.months - 1));
            let status: string;
            let progress: number;
            if (endDate <= AS_OF || fy < clock.fy(2569)) {
              const r = rng.next();
              if (!pred && r < 0.05) [status, progress] = ['cancelled', 0];
              else if (r < (pred ? 0.08 : 0.16)) [status, progress] = [rng.chance(0.5) ? 'delayed' : 'in_progress', rng.int(4, 8) * 10];
              else [status, progress] = ['done', 100];
            } else if (startDate <= AS_OF) [status, progress] = ['in_progress', Math.max(pred?.progress ?? 0, rng.int(2, 6) * 10)];
            else [status, progress] = pred && pred.progress > 0 ? ['in_progress', pred.progress] : ['planned', 0];
            statuses.push(status);
            activityRows.push({
              tenantId,
              id: activityId,
              planId,
              projectId,
              name: a.name,
              budgetSatang: a.baht * 100,
              weight: a.weight ?? null,
              leadPartyId: lead(ai + sort),
              supportingPartyIds: orgs.length > 2 ? [orgs[(ai + sort + 1) % orgs.length].partyId] : [],
              startDate,
              endDate,
              status,
              progress,
              sortOrder: ai,
              predecessorActivityId: pred?.id ?? null,
            });
            if (status === 'done' || status === 'in_progress' || status === 'delayed') {
              const reportOn = min(status === 'done' ? endDate : monthDate(fy, a.start + Math.floor(a.months / 2), 25), AS_OF);
              if (reportOn >= startDate) {
                if (status === 'done' && a.months > 1)
                  reportRows.push({
                    tenantId,
                    activityId,
                    reportedOn: monthDate(fy, a.start, 28) < reportOn ? monthDate(fy, a.start, 28) : startDate,
                    text: 'เริ่มดำเนินการตามแผน ภาคีร่วมลงพื้นที่ครบ',
                    percentage: 40,
                    reportedByName: 'เจ้าหน้าที่ประสานเครือข่าย',
                  });
                reportRows.push({
                  tenantId,
                  activityId,
                  reportedOn: reportOn,
                  text:
                    status === 'done'
                      ? 'ดำเนินการแล้วเสร็จตามเป้าหมาย แนบภาพกิจกรรมและรายชื่อผู้เข้าร่วม'
                      : status === 'delayed'
                        ? 'ล่าช้ากว่าแผน รอการเบิกจ่ายงบประมาณและสภาพอากาศไม่เอื้ออำนวย'
                        : 'อยู่ระหว่างดำเนินการ',
                  percentage: progress,
                  reportedByName: 'เจ้าหน้าที่ประสานเครือข่าย',
                });
                operations.push({ name: a.name, date: min(startDate, AS_OF), leadId: lead(ai + sort), done: status === 'done' });
              }
            }
            if (status !== 'done' && status !== 'cancelled') projectOpen.push({ id: activityId, a, progress });
          }
          const projectStatus = statuses.every((s) => s === 'cancelled')
            ? 'cancelled'
            : statuses.every((s) => s === 'done' || s === 'cancelled')
              ? 'done'
              : statuses.some((s) => s === 'delayed')
                ? 'delayed'
                : statuses.some((s) => s === 'in_progress' || s === 'done')
                  ? 'in_progress'
                  : 'planned';
          projectRows.push({
            tenantId,
            id: projectId,
            planId,
            name: p.name,
            objectives: p.objectives,
            outputTarget: p.outputTarget,
            indicatorText: p.indicatorText,
            strategyId: p.strategy ? (strategyIds.get(p.strategy) ?? null) : null,
            leadPartyId: main.coordinator ?? null,
            supportingPartyIds: lgu ? [lgu.partyId] : [],
            startDate: range.start,
            endDate: range.end,
            status: projectStatus,
            sortOrder: sort++,
            predecessorProjectId: carried?.projectId ?? null,
          });
          for (const k of p.indicators ?? []) linkRows.push({ tenantId, projectId, indicatorId: indicatorIds.get(k)! });
          if (projectOpen.length && projectStatus !== 'done' && projectStatus !== 'cancelled') open.set(p.key, { projectId, acts: projectOpen });
        }
        prev = { planId, year: fy, open };
        addParticipation(participation, rng, {
          tenantId,
          fy,
          planId,
          networkId: main.id,
          series: series.title,
          forum: FORUM_TITLES[series.network] ?? `เวทีประชาคม${series.title}`,
          pool,
          villages,
          lgu,
          operations,
          asOf: AS_OF,
        });
      }
    }

    for (let i = 0; i < planRows.length; i += 200) await tx.insert(plans).values(planRows.slice(i, i + 200));
    for (let i = 0; i < planNetRows.length; i += 500) await tx.insert(planNetworks).values(planNetRows.slice(i, i + 500));
    for (let i = 0; i < projectRows.length; i += 200) await tx.insert(planProjects).values(projectRows.slice(i, i + 200));
    if (linkRows.length) await tx.insert(planProjectIndicators).values(linkRows);
    for (let i = 0; i < activityRows.length; i += 200) await tx.insert(planActivities).values(activityRows.slice(i, i + 200));
    for (let i = 0; i < reportRows.length; i += 300) await tx.insert(planProgressReports).values(reportRows.slice(i, i + 300));
    for (let i = 0; i < participation.length; i += 300) await tx.insert(participationRecords).values(participation.slice(i, i + 300));
    await audit(tx, ctx, {
      entity: 'tenant',
      entityId: tenantId,
      entityLabel: `${tenant.nameTh}: ข้อมูลตัวอย่างแผนปฏิบัติการร่วม ${planRows.length} แผน ยุทธศาสตร์ ${DEMO_GOALS.length} เป้าประสงค์ การมีส่วนร่วม ${participation.length} รายการ`,
      action: 'create',
      after: {
        plans: planRows.length,
        projects: projectRows.length,
        activities: activityRows.length,
        progressReports: reportRows.length,
        goals: DEMO_GOALS.length,
        indicators: indicatorIds.size,
        measurements: measurementRows.length,
        participation: participation.length,
      },
    });
    return { plans: planRows.length, activities: activityRows.length, participation: participation.length };
  });
}

async function loadMembers(tx: Tx, tenantId: string): Promise<Map<string, Member[]>> {
  const rows = await tx
    .select({
      networkId: networkMembers.networkId,
      partyId: parties.id,
      name: parties.name,
      kind: parties.kind,
      orgType: parties.orgType,
      pillar: parties.pillar,
      sector: parties.sector,
    })
    .from(networkMembers)
    .innerJoin(parties, and(eq(parties.tenantId, networkMembers.tenantId), eq(parties.id, networkMembers.partyId)))
    .where(eq(networkMembers.tenantId, tenantId))
    .orderBy(networkMembers.networkId, parties.name, parties.id);
  const m = new Map<string, Member[]>();
  for (const r of rows) {
    const list = m.get(r.networkId) ?? [];
    list.push(r);
    m.set(r.networkId, list);
  }
  return m;
}

const GROUPS = ['ชาวบ้านหมู่ 2 บ้านป่าเป้า', 'กลุ่มแม่บ้านหมู่ 5', 'ลูกฝายบ้านหัวฝาย', 'ผู้ปกครองนักเรียนโรงเรียนบ้านชมภู', 'ชาวบ้านชุมชนสันป่าสัก', 'กลุ่มผู้สูงอายุวัดดอนชัย'];

function addParticipation(
  out: Insert<typeof participationRecords>[],
  rng: Rng,
  x: {
    tenantId: string;
    fy: number;
    planId: string;
    networkId: string;
    series: string;
    forum: string;
    pool: Member[];
    villages: Member[];
    lgu: Member | undefined;
    operations: { name: string; date: string; leadId: string | null; done: boolean }[];
    asOf: string;
  },
) {
  const base = { tenantId: x.tenantId, fiscalYear: x.fy, networkId: x.networkId };
  const party = (m: Member, headCount = 1) => ({ partyId: m.partyId, headCount, pillar: m.pillar, sector: m.sector });
  const group = (headCount: number) => ({ groupName: rng.pick(GROUPS), headCount, pillar: 'people', sector: 'civil_society' });
  // issue level: a forum in October that raises and frames the year's problems
  const forumOn = monthDate(x.fy, 0, rng.int(3, 14));
  if (forumOn <= x.asOf) {
    const ev = { ...base, occurredOn: forumOn, level: 'issue', subjectKind: 'forum', title: `${x.forum} ปี ${x.fy}`, contribution: 'opinion' };
    for (const v of rng.sample(x.villages, rng.int(2, 5))) out.push({ ...ev, ...party(v, rng.int(12, 45)) });
    for (const m of rng.sample(x.pool, rng.int(3, 7))) out.push({ ...ev, ...party(m) });
    out.push({ ...ev, ...group(rng.int(8, 30)) });
    if (x.lgu) out.push({ ...ev, ...party(x.lgu, rng.int(2, 4)), contribution: 'attendance' });
  }
  // plan level: the joint planning meeting
  const planOn = monthDate(x.fy, 0, rng.int(18, 28));
  if (planOn <= x.asOf) {
    const ev = {
      ...base,
      planId: x.planId,
      occurredOn: planOn,
      level: 'plan',
      subjectKind: 'plan',
      title: `ประชุมจัดทำ${x.series} ปีงบประมาณ ${x.fy}`,
      contribution: 'decision',
    };
    const seen = new Set<string>();
    for (const m of [...(x.lgu ? [x.lgu] : []), ...rng.sample(x.pool, rng.int(5, 10)), ...rng.sample(x.villages, 2)]) {
      if (seen.has(m.partyId)) continue;
      seen.add(m.partyId);
      out.push({ ...ev, ...party(m, m.kind === 'organization' ? rng.int(1, 3) : 1) });
    }
    if (rng.chance(0.5)) out.push({ ...ev, ...group(rng.int(3, 8)), contribution: 'proposal' });
  }
  // operation level: people who carried out the activities and what they brought
  for (const op of x.operations) {
    const ev = { ...base, planId: x.planId, occurredOn: op.date, level: 'operation', subjectKind: 'activity', title: op.name };
    const lead = x.pool.find((m) => m.partyId === op.leadId);
    if (lead) out.push({ ...ev, ...party(lead, lead.kind === 'organization' ? rng.int(2, 8) : 1), contribution: 'labour' });
    for (const m of rng.sample(x.pool, rng.int(1, 3))) {
      if (m.partyId === op.leadId) continue;
      const c = rng.pick(['labour', 'labour', 'materials', 'money'] as const);
      out.push({
        ...ev,
        ...party(m, m.kind === 'organization' ? rng.int(1, 5) : 1),
        contribution: c,
        amountSatang: c === 'labour' ? null : rng.int(5, 60) * 100_00,
      });
    }
    if (op.done) out.push({ ...ev, ...group(rng.int(10, 60)), contribution: 'labour' });
  }
}

function fail(what: string): never {
  throw new Error(`Plans demo data refers to unknown ${what}`);
}
