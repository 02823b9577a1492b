import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import { networks, parties, planActivities, planNetworks, planProgressReports, planProjectIndicators, planProjects, plans } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { partySummaryColumns } from '../partners/partners.repository';
import { likePattern, rowById, thaiOrder, rows } from '../../platform/sql';
import { inOrder } from '../../platform/in-order';
import { pageOf } from '../../platform/page-total';
import type { ActivityOption } from '../../../common/schemas/plans';

export type PlanRow = typeof plans.$inferSelect;
export type ProjectRow = typeof planProjects.$inferSelect;
export type ActivityRow = typeof planActivities.$inferSelect;

export interface PlanFilter {
  q?: string;
  fiscalYear?: number;
  networkId?: string;
}

function where(tenantId: string, f: PlanFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [eq(plans.tenantId, tenantId)];
  if (f.q) conds.push(ilike(plans.name, likePattern(f.q)));
  if (f.fiscalYear) conds.push(eq(plans.fiscalYear, f.fiscalYear));
  if (f.networkId)
    conds.push(
      sql`exists (select 1 from ${planNetworks} pn where pn.tenant_id = ${plans.tenantId} and pn.plan_id = ${plans.id} and pn.network_id = ${f.networkId})`,
    );
  return and(...conds);
}

export async function listPlans(tx: Tx, tenantId: string, f: PlanFilter, sort: '-fiscalYear' | 'name', limit: number, offset: number) {
  const w = where(tenantId, f);
  const order = sort === 'name' ? [asc(thaiOrder(plans.name)), asc(plans.id)] : [desc(plans.fiscalYear), asc(thaiOrder(plans.name)), asc(plans.id)];
  return pageOf(tx, plans, w, order, limit, offset);
}

export async function getPlan(tx: Tx, tenantId: string, id: string): Promise<PlanRow | null> {
  const [row] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, id)))
    .limit(1);
  return row ?? null;
}

/** Everything the plan summaries need, for many plans at once (no N+1). */
export async function loadForPlans(tx: Tx, tenantId: string, planIds: string[]) {
  if (!planIds.length) return { nets: [], projects: [], activities: [], successors: [] };
  const [nets, projects, activities, successors] = await inOrder([
    tx
      .select({ planId: planNetworks.planId, id: networks.id, name: networks.name })
      .from(planNetworks)
      .innerJoin(networks, and(eq(networks.tenantId, planNetworks.tenantId), eq(networks.id, planNetworks.networkId)))
      .where(and(eq(planNetworks.tenantId, tenantId), inArray(planNetworks.planId, planIds)))
      .orderBy(asc(thaiOrder(networks.name))),
    tx
      .select()
      .from(planProjects)
      .where(and(eq(planProjects.tenantId, tenantId), inArray(planProjects.planId, planIds)))
      .orderBy(asc(planProjects.sortOrder), asc(planProjects.createdAt), asc(planProjects.id)),
    tx
      .select()
      .from(planActivities)
      .where(and(eq(planActivities.tenantId, tenantId), inArray(planActivities.planId, planIds)))
      .orderBy(asc(planActivities.sortOrder), asc(planActivities.startDate), asc(planActivities.createdAt), asc(planActivities.id)),
    tx
      .select({ id: plans.id, predecessorPlanId: plans.predecessorPlanId })
      .from(plans)
      .where(and(eq(plans.tenantId, tenantId), inArray(plans.predecessorPlanId, planIds))),
  ]);
  return { nets, projects, activities, successors };
}

export async function partySummaries(tx: Tx, tenantId: string, ids: string[]) {
  if (!ids.length) return [];
  return tx
    .select(partySummaryColumns)
    .from(parties)
    .where(and(eq(parties.tenantId, tenantId), inArray(parties.id, ids)));
}

export async function projectIndicatorLinks(tx: Tx, tenantId: string, projectIds: string[]) {
  if (!projectIds.length) return [];
  return tx
    .select()
    .from(planProjectIndicators)
    .where(and(eq(planProjectIndicators.tenantId, tenantId), inArray(planProjectIndicators.projectId, projectIds)));
}

export async function lastReports(tx: Tx, tenantId: string, activityIds: string[]) {
  if (!activityIds.length) return [];
  return tx
    .select({ activityId: planProgressReports.activityId, lastReportedOn: sql<string>`max(${planProgressReports.reportedOn})::text` })
    .from(planProgressReports)
    .where(and(eq(planProgressReports.tenantId, tenantId), inArray(planProgressReports.activityId, activityIds)))
    .groupBy(planProgressReports.activityId);
}

/** Fiscal years with a joint plan, per network (all networks of the tenant, or one). */
export async function networkPlanYears(tx: Tx, tenantId: string, networkId?: string) {
  const conds: (SQL | undefined)[] = [eq(networks.tenantId, tenantId)];
  if (networkId) conds.push(eq(networks.id, networkId));
  return tx
    .selectDistinct({ networkId: networks.id, name: networks.name, fiscalYear: plans.fiscalYear })
    .from(networks)
    .leftJoin(planNetworks, and(eq(planNetworks.tenantId, networks.tenantId), eq(planNetworks.networkId, networks.id)))
    .leftJoin(plans, and(eq(plans.tenantId, planNetworks.tenantId), eq(plans.id, planNetworks.planId)))
    .where(and(...conds));
}

/** Read-only, for other modules: each project's budget (its activities' budgets, cancelled ones excluded, as projectBudget does). */
export async function projectBudgets(tx: Tx, tenantId: string, projectIds: string[]): Promise<Map<string, number>> {
  if (!projectIds.length) return new Map();
  const found = await rows<{ id: string; budget: string }>(
    tx,
    sql`select pr.id, coalesce(sum(a.budget_satang) filter (where a.status <> 'cancelled'), 0)::text as budget
        from plan_projects pr left join plan_activities a on a.tenant_id = pr.tenant_id and a.project_id = pr.id
        where pr.tenant_id = ${tenantId} and pr.id in (${sql.join(
          projectIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        group by pr.id`,
  );
  return new Map(found.map((r) => [r.id, Number(r.budget)]));
}

/** Activities to pick from (volunteer hours, maintenance works): newest fiscal year first, matching the activity or plan name. */
export function activityOptions(tx: Tx, tenantId: string, f: { q?: string; fiscalYear?: number; limit: number }): Promise<ActivityOption[]> {
  const like = f.q ? likePattern(f.q) : null;
  return rows<ActivityOption>(
    tx,
    sql`select a.id, a.name, pl.id as "planId", pl.name as "planName", pl.fiscal_year as "fiscalYear"
        from plan_activities a join plans pl on pl.tenant_id = a.tenant_id and pl.id = a.plan_id
        where a.tenant_id = ${tenantId}
          and (${like}::text is null or a.name ilike ${like}::text or pl.name ilike ${like}::text)
          and (${f.fiscalYear ?? null}::int is null or pl.fiscal_year = ${f.fiscalYear ?? null}::int)
        order by pl.fiscal_year desc, ${thaiOrder(sql`a.name`)}, a.id
        limit ${f.limit}`,
  );
}

/** For other modules: whether the activity exists in the tenant (committees' action items hang tasks on one). */
export async function activityExists(tx: Tx, tenantId: string, activityId: string): Promise<boolean> {
  const [found] = await rows(tx, sql`select 1 from plan_activities where tenant_id = ${tenantId} and id = ${activityId}`);
  return !!found;
}

/** For the committees module: the resolution that adopted the plan (undefined when there is no such plan); no lock. */
export async function planAdoptedBy(tx: Tx, tenantId: string, planId: string): Promise<{ current: string | null } | undefined> {
  const [found] = await rows<{ current: string | null }>(
    tx,
    sql`select adopted_by_resolution_id as current from plans where tenant_id = ${tenantId} and id = ${planId}`,
  );
  return found;
}

/**
 * The committee resolution that adopted a plan (issue 13), with the plan row locked: written only by the committees
 * module when a resolution adopts the plan or a later resolution revokes that act.
 */
export async function planAdoption(
  tx: Tx,
  tenantId: string,
  planId: string,
): Promise<{ id: string; name: string; adoptedByResolutionId: string | null } | null> {
  const [row] = await tx
    .select({ id: plans.id, name: plans.name, adoptedByResolutionId: plans.adoptedByResolutionId })
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)))
    .for('update');
  return row ?? null;
}

export async function setPlanAdoption(tx: Tx, tenantId: string, planId: string, resolutionId: string | null): Promise<void> {
  await tx
    .update(plans)
    .set({ adoptedByResolutionId: resolutionId })
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)));
}

/** For the strategy map: the projects serving these strategies in plans of the fiscal year, with their plan's name and year. */
export async function projectsOfStrategies(tx: Tx, tenantId: string, strategyIds: string[], fiscalYear: number) {
  if (!strategyIds.length) return [];
  return tx
    .select({ project: planProjects, planName: plans.name, fiscalYear: plans.fiscalYear })
    .from(planProjects)
    .innerJoin(plans, and(eq(plans.tenantId, planProjects.tenantId), eq(plans.id, planProjects.planId)))
    .where(and(eq(planProjects.tenantId, tenantId), inArray(planProjects.strategyId, strategyIds), eq(plans.fiscalYear, fiscalYear)));
}

/** For the strategy map: the activities of these projects (their progress rolls up). */
export async function activitiesOfProjects(tx: Tx, tenantId: string, projectIds: string[]): Promise<ActivityRow[]> {
  if (!projectIds.length) return [];
  return tx
    .select()
    .from(planActivities)
    .where(and(eq(planActivities.tenantId, tenantId), inArray(planActivities.projectId, projectIds)));
}

// ---- writes (plans.service, projects.service, activities.service, commands/carry-forward) ----

/** Whether another plan of the year has this name (case-insensitive). */
export async function planNameTaken(tx: Tx, tenantId: string, fiscalYear: number, name: string, exceptId?: string): Promise<boolean> {
  const [dup] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(
      and(
        eq(plans.tenantId, tenantId),
        eq(plans.fiscalYear, fiscalYear),
        sql`lower(${plans.name}) = lower(${name})`,
        exceptId ? sql`${plans.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  return !!dup;
}

export async function insertPlan(tx: Tx, values: typeof plans.$inferInsert): Promise<PlanRow> {
  const [row] = await tx.insert(plans).values(values).returning();
  return row;
}

export async function updatePlan(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Pick<PlanRow, 'name' | 'description' | 'startDate' | 'endDate' | 'weightBy'>,
): Promise<PlanRow> {
  const [after] = await tx
    .update(plans)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, id)))
    .returning();
  return after;
}

export async function deletePlan(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(plans).where(and(eq(plans.tenantId, tenantId), eq(plans.id, id)));
}

export async function touchPlan(tx: Tx, tenantId: string, planId: string): Promise<void> {
  await tx
    .update(plans)
    .set({ updatedAt: new Date() })
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)));
}

/** The plan carried forward from this one, if any. */
export async function successorPlan(tx: Tx, tenantId: string, planId: string): Promise<PlanRow | null> {
  const [row] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.predecessorPlanId, planId)))
    .limit(1);
  return row ?? null;
}

export async function planNetworkIds(tx: Tx, tenantId: string, planId: string): Promise<string[]> {
  const found = await tx
    .select({ id: planNetworks.networkId })
    .from(planNetworks)
    .where(and(eq(planNetworks.tenantId, tenantId), eq(planNetworks.planId, planId)));
  return found.map((r) => r.id);
}

/** Link the plan to these networks (replacing its links when `replace`). */
export async function setPlanNetworks(tx: Tx, tenantId: string, planId: string, networkIds: string[], replace: boolean): Promise<void> {
  if (replace) await tx.delete(planNetworks).where(and(eq(planNetworks.tenantId, tenantId), eq(planNetworks.planId, planId)));
  await tx.insert(planNetworks).values(networkIds.map((networkId) => ({ tenantId, planId, networkId })));
}

/** Whether the plan's projects or activities start or end before `start` / after `end`. */
export async function workOutsidePeriod(tx: Tx, tenantId: string, planId: string, start: string, end: string) {
  const outside = (t: typeof planProjects | typeof planActivities) =>
    tx
      .select({
        early: sql<boolean>`bool_or(${t.startDate} < ${start} or ${t.endDate} < ${start})`,
        late: sql<boolean>`bool_or(${t.endDate} > ${end} or ${t.startDate} > ${end})`,
      })
      .from(t)
      .where(and(eq(t.tenantId, tenantId), eq(t.planId, planId)));
  const [p] = await outside(planProjects);
  const [a] = await outside(planActivities);
  return { early: !!(p?.early || a?.early), late: !!(p?.late || a?.late) };
}

// ---- read-only, for the budget module ----

/** An activity by id alone (budget lines check it belongs to their plan). */
export const findActivity = (tx: Tx, tenantId: string, id: string): Promise<ActivityRow | null> => rowById(tx, planActivities, tenantId, id);

/** A project by id alone (budget lines check it belongs to their plan). */
export async function findProject(tx: Tx, tenantId: string, id: string): Promise<ProjectRow | null> {
  const [p] = await tx
    .select()
    .from(planProjects)
    .where(and(eq(planProjects.tenantId, tenantId), eq(planProjects.id, id)))
    .limit(1);
  return p ?? null;
}

/** The sum of the activities' budgets of a project or of a plan (cancelled ones included). */
export async function activityBudgetSum(tx: Tx, tenantId: string, of: { projectId: string } | { planId: string }): Promise<number> {
  const [s] = await tx
    .select({ s: sql<string>`coalesce(sum(${planActivities.budgetSatang}), 0)` })
    .from(planActivities)
    .where(and(eq(planActivities.tenantId, tenantId), 'projectId' in of ? eq(planActivities.projectId, of.projectId) : eq(planActivities.planId, of.planId)));
  return Number(s.s);
}

/** The projects (id, name) and activities (with their budget) of these plans. */
export async function workOfPlans(tx: Tx, tenantId: string, planIds: string[]) {
  if (!planIds.length) return { projects: [], activities: [] };
  const projects = await tx
    .select({ id: planProjects.id, name: planProjects.name })
    .from(planProjects)
    .where(and(eq(planProjects.tenantId, tenantId), inArray(planProjects.planId, planIds)));
  const activities = await tx
    .select({
      id: planActivities.id,
      name: planActivities.name,
      projectId: planActivities.projectId,
      planId: planActivities.planId,
      budget: planActivities.budgetSatang,
    })
    .from(planActivities)
    .where(and(eq(planActivities.tenantId, tenantId), inArray(planActivities.planId, planIds)));
  return { projects, activities };
}

/** The plans a network takes part in. */
export async function planIdsOfNetwork(tx: Tx, tenantId: string, networkId: string): Promise<Set<string>> {
  const pn = await tx
    .select({ planId: planNetworks.planId })
    .from(planNetworks)
    .where(and(eq(planNetworks.tenantId, tenantId), eq(planNetworks.networkId, networkId)));
  return new Set(pn.map((p) => p.planId));
}

/** The (plan, network) links of these plans. */
export async function networksOfPlans(tx: Tx, tenantId: string, planIds: string[]) {
  if (!planIds.length) return [];
  return tx
    .select()
    .from(planNetworks)
    .where(and(eq(planNetworks.tenantId, tenantId), inArray(planNetworks.planId, planIds)));
}

/** The plans of a fiscal year (or all): id, name, year. */
export function plansOfYear(tx: Tx, tenantId: string, fiscalYear?: number) {
  return tx
    .select({ id: plans.id, name: plans.name, fiscalYear: plans.fiscalYear })
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), fiscalYear ? eq(plans.fiscalYear, fiscalYear) : undefined));
}

/** The projects of these plans (id, name, plan) and their planned budgets: their activities' budgets, cancelled ones excluded. */
export async function plannedProjects(tx: Tx, tenantId: string, planIds: string[]) {
  if (!planIds.length) return [];
  const projectList = await tx
    .select({ id: planProjects.id, name: planProjects.name, planId: planProjects.planId })
    .from(planProjects)
    .where(and(eq(planProjects.tenantId, tenantId), inArray(planProjects.planId, planIds)));
  const plannedActs = await tx
    .select({ projectId: planActivities.projectId, budget: planActivities.budgetSatang })
    .from(planActivities)
    .where(and(eq(planActivities.tenantId, tenantId), inArray(planActivities.planId, planIds), sql`${planActivities.status} <> 'cancelled'`));
  const plannedOf = new Map<string, number>();
  for (const a of plannedActs) plannedOf.set(a.projectId, (plannedOf.get(a.projectId) ?? 0) + Number(a.budget));
  return projectList.map((p) => ({ ...p, planned: plannedOf.get(p.id) ?? 0 }));
}
