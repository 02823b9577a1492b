import { sql } from 'drizzle-orm';
import { SYSTEM_USER, type TenantContext, type TenantRef } from '../../platform/context';
import { withTenant, type Db } from '../../platform/db';
import { tenantRows } from '../query';
import { addEdition, createLocalPlan, setAssignments, setStatus } from '../../modules/localplans/localplans.service';
import { listShared, setSharedStatus, setTenantLink } from '../../modules/localplans/sharing.service';
import { tenants } from '../../db/schema';
import { eq } from 'drizzle-orm';
import { projectBudgets } from '../../modules/plans/plans.repository';
import { PLAN_YEARS } from '../../../common/schemas/localplans';

const q = tenantRows;

const STRATEGIES = [
  {
    name: 'การพัฒนาโครงสร้างพื้นฐานและการบริหารจัดการน้ำ',
    provinceStrategy: 'ยุทธศาสตร์ที่ 3 การบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อมอย่างยั่งยืน',
    programmes: [{ name: 'เคหะและชุมชน' }, { name: 'การเกษตร' }],
  },
  {
    name: 'การพัฒนาคุณภาพชีวิตและสังคม',
    provinceStrategy: 'ยุทธศาสตร์ที่ 4 การพัฒนาคุณภาพชีวิตและสังคมสู่ความยั่งยืน',
    programmes: [{ name: 'สาธารณสุข' }, { name: 'สร้างความเข้มแข็งของชุมชน' }],
  },
];

/**
 * The Phaya Kham weir joint plan of the current fiscal year integrated into Chomphu's local development plan, Tha
 * Kwang's and Yang Noeng's: the weir repair shared between Chomphu and Tha Kwang (60/40) and integrated into both; the
 * third project shared with Yang Noeng (over two plan years when the plan has a year after the joint plan's; Yang
 * Noeng's share already in its annual budget, Chomphu's in its change edition); a fourth, if any, dropped with a reason;
 * the rest proposed by Chomphu. Chomphu's plan has a change edition too. Tha Kwang is a
 * demo tenant itself: it is linked, so the projects assigned to it appear in its own space (docs/decisions/0016),
 * where it has put the weir into its annual budget — a status that travelled back to Chomphu. Loaded once.
 */
export async function seedLocalPlans(db: Db, tenant: TenantRef): Promise<{ plans: number; projects: number } | null> {
  const ctx: TenantContext = { db, tenant, actor: { user: SYSTEM_USER, role: 'system' }, lang: 'th' };
  const tid = tenant.id;
  const [{ n }] = await q<{ n: number }>(db, tid, sql`select count(*)::int as n from local_plans where tenant_id = ${tid}`);
  if (n > 0) return null;
  const [neighbour] = await q<{ id: string }>(
    db,
    tid,
    sql`select id from parties where tenant_id = ${tid} and org_type = 'local_government' and name like '%ท่ากว้าง%' order by name limit 1`,
  );
  const [joint] = await q<{ id: string; fiscalYear: number }>(
    db,
    tid,
    sql`select p.id, p.fiscal_year as "fiscalYear" from plans p where p.tenant_id = ${tid} and p.name like '%ฝายพญาคำ%'
          and p.start_date <= current_date order by p.fiscal_year desc limit 1`,
  );
  const [downstream] = await q<{ id: string }>(
    db,
    tid,
    sql`select id from parties where tenant_id = ${tid} and org_type = 'local_government' and name like '%ยางเนิ้ง%' order by name limit 1`,
  );
  if (!neighbour || !joint) return null;
  const projects = await q<{ id: string; name: string }>(
    db,
    tid,
    sql`select id, name from plan_projects where tenant_id = ${tid} and plan_id = ${joint.id} order by sort_order, name`,
  );
  const budgets = await withTenant(db, tid, (tx) =>
    projectBudgets(
      tx,
      tid,
      projects.map((p) => p.id),
    ),
  );
  const startYear = 2566 + PLAN_YEARS * Math.floor((joint.fiscalYear - 2566) / PLAN_YEARS);
  const made = [];
  for (const partyId of downstream ? [null, neighbour.id, downstream.id] : [null, neighbour.id]) {
    const plan = await createLocalPlan(ctx, { partyId, startYear, name: null, strategies: STRATEGIES });
    await addEdition(ctx, plan.id, {
      kind: 'original',
      approvedOn: `${startYear - 544}-10-20`,
      approvingAct: 'ประกาศใช้โดยผู้บริหารท้องถิ่น ตามระเบียบกระทรวงมหาดไทยว่าด้วยการจัดทำแผนพัฒนาขององค์กรปกครองส่วนท้องถิ่น พ.ศ. 2548',
    });
    made.push(
      await addEdition(ctx, plan.id, { kind: 'addition', approvedOn: `${joint.fiscalYear - 544}-09-15`, approvingAct: 'ประกาศใช้แผนพัฒนาท้องถิ่น (เพิ่มเติม ครั้งที่ 1)' }),
    );
  }
  const [own, theirs, yangNoeng] = made;
  const change = await addEdition(ctx, own.id, {
    kind: 'change',
    approvedOn: `${joint.fiscalYear - 543}-01-20`,
    approvingAct: 'ประกาศใช้แผนพัฒนาท้องถิ่น (เปลี่ยนแปลง ครั้งที่ 1) เปลี่ยนแปลงงบประมาณโครงการด้านการเกษตร',
  });
  const nextYear = joint.fiscalYear + 1 <= startYear + PLAN_YEARS - 1 ? joint.fiscalYear + 1 : null;
  let count = 0;
  for (const [i, p] of projects.entries()) {
    const budget = budgets.get(p.id) ?? 0;
    if (!budget) continue;
    const weir = i === 0;
    const chomphuShare = weir ? Math.round(budget * 0.6) : budget;
    const share = (plan: typeof own, amount: number, strategy: number, programme: number) => ({
      localPlanId: plan.id,
      programmeId: plan.strategies[strategy].programmes[programme].id,
      shares: [{ year: joint.fiscalYear, budgetSatang: amount }],
      responsibleUnit: weir ? 'กองช่าง' : 'สำนักปลัด',
      expectedResult: weir ? 'เกษตรกรท้ายเหมืองมีน้ำใช้ตลอดฤดูแล้ง' : null,
      objective: null,
      target: null,
      kpi: null,
    });
    const shared = i === 2 && !!yangNoeng;
    const assignments = [share(own, shared ? budget - Math.round(budget * 0.3) : chomphuShare, weir ? 0 : 1, weir ? 0 : 1)];
    if (weir) assignments.push(share(theirs, budget - chomphuShare, 0, 0));
    if (shared) {
      const third = Math.round(budget * 0.3);
      const first = Math.round(third / 2);
      assignments.push({
        ...share(yangNoeng, 0, 0, 1),
        shares: nextYear
          ? [
              { year: joint.fiscalYear, budgetSatang: first },
              { year: nextYear, budgetSatang: third - first },
            ]
          : [{ year: joint.fiscalYear, budgetSatang: third }],
        responsibleUnit: 'กองสาธารณสุขและสิ่งแวดล้อม',
      });
    }
    const carried = await setAssignments(ctx, p.id, { assignments });
    count += carried.length;
    for (const item of carried) {
      const plan = made.find((m) => m.id === item.localPlanId)!;
      const addition = plan.editions.find((e) => e.kind === 'addition')!;
      if (weir || (shared && item.localPlanId === yangNoeng.id)) {
        await setStatus(ctx, item.localPlanId, item.id, { status: 'integrated', editionId: addition.id, dropReason: null });
        if (!weir) await setStatus(ctx, item.localPlanId, item.id, { status: 'in_budget', editionId: null, dropReason: null });
      } else if (i === 2)
        await setStatus(ctx, item.localPlanId, item.id, {
          status: 'integrated',
          editionId: change.editions.find((e) => e.kind === 'change')!.id,
          dropReason: null,
        });
      else if (i === 3)
        await setStatus(ctx, item.localPlanId, item.id, { status: 'dropped', editionId: null, dropReason: 'ซ้ำซ้อนกับโครงการของ อบจ.เชียงใหม่ ที่ได้รับงบประมาณแล้ว' });
    }
  }
  await linkThaKwang(db, ctx, neighbour.id);
  return { plans: made.length, projects: count };
}

/** Tha Kwang is a demo tenant too: link it, and let it put the weir into its annual budget in its own space. */
async function linkThaKwang(db: Db, ctx: TenantContext, partyId: string) {
  const [thakwang] = await db
    .select({ id: tenants.id, slug: tenants.slug, nameTh: tenants.nameTh, nameEn: tenants.nameEn })
    .from(tenants)
    .where(eq(tenants.slug, 'thakwang'));
  if (!thakwang) return;
  await setTenantLink(ctx, partyId, { tenantSlug: thakwang.slug });
  const theirs: TenantContext = { ...ctx, tenant: thakwang };
  for (const copy of await listShared(theirs))
    if (copy.status === 'integrated') await setSharedStatus(theirs, copy.id, { status: 'in_budget', edition: null, dropReason: null });
}
