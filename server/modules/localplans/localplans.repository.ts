import { and, eq, sql } from 'drizzle-orm';
import {
  localPlanEditions,
  localPlanProgrammes,
  localPlanProjects,
  localPlanProjectYears,
  localPlans,
  localPlanStrategies,
  planProjects,
  plans,
} from '../../db/schema';
import type { Tx } from '../../platform/db';
import { rows, thaiOrder } from '../../platform/sql';

export interface LocalPlanRow {
  id: string;
  name: string;
  partyId: string | null;
  lgName: string;
  startYear: number;
  editionCount: number;
  projectCount: number;
  budget: string;
  linkedSlug: string | null;
  linkedName: string | null;
}

/** Which local plans: one by id, or the one of a local government (null: the tenant itself) starting in a year; none given, all. */
export interface LocalPlanFilter {
  id?: string;
  partyId?: string | null;
  startYear?: number;
}

/**
 * Local plans with their local government's name (the tenant's own when party_id is null) and counts. The per-plan
 * subqueries name the tenant as a constant, not the outer row's column: on Citus only a constant keeps a subquery on
 * the tenant's shard (docs/operations/scaling.md).
 */
export function localPlanRows(tx: Tx, tenantId: string, tenantName: string, f: LocalPlanFilter = {}) {
  const where = [sql`lp.tenant_id = ${tenantId}`];
  if (f.id !== undefined) where.push(sql`lp.id = ${f.id}`);
  if (f.partyId !== undefined) where.push(sql`lp.party_id is not distinct from ${f.partyId}::uuid`);
  if (f.startYear !== undefined) where.push(sql`lp.start_year = ${f.startYear}`);
  return rows<LocalPlanRow>(
    tx,
    sql`select lp.id, lp.name, lp.party_id as "partyId", coalesce(p.name, ${tenantName}) as "lgName", lp.start_year as "startYear",
               (select count(*)::int from local_plan_editions e where e.tenant_id = ${tenantId} and e.local_plan_id = lp.id) as "editionCount",
               (select count(*)::int from local_plan_projects i where i.tenant_id = ${tenantId} and i.local_plan_id = lp.id and i.status <> 'dropped') as "projectCount",
               (select coalesce(sum(y.budget_satang), 0)::text from local_plan_project_years y
                  join local_plan_projects i on i.tenant_id = ${tenantId} and i.id = y.local_plan_project_id
                 where y.tenant_id = ${tenantId} and i.local_plan_id = lp.id and i.status <> 'dropped') as budget,
               lt.slug as "linkedSlug", lt.name_th as "linkedName"
        from local_plans lp left join parties p on p.tenant_id = lp.tenant_id and p.id = lp.party_id
        left join local_plan_tenant_links l on l.tenant_id = lp.tenant_id and l.party_id = lp.party_id
        left join tenants lt on lt.id = l.linked_tenant_id
        where ${sql.join(where, sql` and `)}
        order by lp.party_id is not null, ${thaiOrder(sql`coalesce(p.name, ${tenantName})`)}, lp.start_year desc, lp.id`,
  );
}

export interface StrategyRow {
  id: string;
  localPlanId: string;
  position: number;
  name: string;
  provinceStrategy: string | null;
  programmes: { id: string; position: number; name: string }[];
}

export function strategyRows(tx: Tx, tenantId: string, localPlanId: string) {
  return rows<StrategyRow>(
    tx,
    sql`select s.id, s.local_plan_id as "localPlanId", s.position, s.name, s.province_strategy as "provinceStrategy",
               coalesce((select json_agg(json_build_object('id', g.id, 'position', g.position, 'name', g.name) order by g.position, g.id)
                         from local_plan_programmes g where g.tenant_id = ${tenantId} and g.strategy_id = s.id), '[]') as programmes
        from local_plan_strategies s
        where s.tenant_id = ${tenantId} and s.local_plan_id = ${localPlanId}
        order by s.position, s.id`,
  );
}

export interface EditionRow {
  id: string;
  localPlanId: string;
  kind: 'original' | 'addition' | 'change';
  number: number;
  approvedOn: string;
  approvingAct: string;
}

const EDITION_COLS = sql`e.id, e.local_plan_id as "localPlanId", e.kind, e.number, e.approved_on::text as "approvedOn", e.approving_act as "approvingAct"`;

/** A local plan's editions (or the one with that id). */
export function editionRows(tx: Tx, tenantId: string, localPlanId: string, id?: string) {
  return rows<EditionRow>(
    tx,
    sql`select ${EDITION_COLS} from local_plan_editions e
        where e.tenant_id = ${tenantId} and e.local_plan_id = ${localPlanId}${id === undefined ? sql`` : sql` and e.id = ${id}`}
        order by e.approved_on, array_position(array['original','addition','change'], e.kind), e.number, e.id`,
  );
}

export interface ItemRow {
  id: string;
  localPlanId: string;
  partyId: string | null;
  lgName: string;
  projectId: string;
  projectName: string;
  planId: string;
  planName: string;
  fiscalYear: number;
  networks: { id: string; name: string }[];
  strategyId: string;
  programmeId: string;
  objective: string | null;
  target: string | null;
  kpi: string | null;
  expectedResult: string | null;
  responsibleUnit: string | null;
  status: 'proposed' | 'integrated' | 'in_budget' | 'done' | 'dropped';
  edition: EditionRow | null;
  dropReason: string | null;
  shares: { year: number; budgetSatang: string | number }[];
}

/** Which integrated projects: any combination of the item, its local plan, its local government, its joint project and plan. */
export interface ItemFilter {
  id?: string;
  localPlanId?: string;
  partyId?: string;
  projectId?: string;
  planId?: string;
}

/**
 * Integrated projects with where they came from (joint plan, networks) and their yearly shares. The per-item
 * subqueries name the tenant as a constant (see localPlanRows).
 */
export function itemRows(tx: Tx, tenantId: string, tenantName: string, f: ItemFilter) {
  const where = [sql`i.tenant_id = ${tenantId}`];
  if (f.id !== undefined) where.push(sql`i.id = ${f.id}`);
  if (f.localPlanId !== undefined) where.push(sql`i.local_plan_id = ${f.localPlanId}`);
  if (f.partyId !== undefined) where.push(sql`lp.party_id = ${f.partyId}`);
  if (f.projectId !== undefined) where.push(sql`i.project_id = ${f.projectId}`);
  if (f.planId !== undefined) where.push(sql`pl.id = ${f.planId}`);
  return rows<ItemRow>(
    tx,
    sql`select i.id, i.local_plan_id as "localPlanId", lp.party_id as "partyId", coalesce(pa.name, ${tenantName}) as "lgName",
               pr.id as "projectId", pr.name as "projectName", pl.id as "planId", pl.name as "planName", pl.fiscal_year as "fiscalYear",
               coalesce((select json_agg(json_build_object('id', n.id, 'name', n.name) order by ${thaiOrder(sql`n.name`)})
                         from plan_networks pn join networks n on n.tenant_id = ${tenantId} and n.id = pn.network_id
                         where pn.tenant_id = ${tenantId} and pn.plan_id = pl.id), '[]') as networks,
               g.strategy_id as "strategyId", i.programme_id as "programmeId", i.objective, i.target, i.kpi,
               i.expected_result as "expectedResult", i.responsible_unit as "responsibleUnit", i.status, i.drop_reason as "dropReason",
               (select json_build_object('id', e.id, 'localPlanId', e.local_plan_id, 'kind', e.kind, 'number', e.number,
                                         'approvedOn', e.approved_on::text, 'approvingAct', e.approving_act)
                  from local_plan_editions e where e.tenant_id = ${tenantId} and e.id = i.edition_id) as edition,
               coalesce((select json_agg(json_build_object('year', y.year, 'budgetSatang', y.budget_satang::text) order by y.year)
                         from local_plan_project_years y where y.tenant_id = ${tenantId} and y.local_plan_project_id = i.id), '[]') as shares
        from local_plan_projects i
        join local_plans lp on lp.tenant_id = i.tenant_id and lp.id = i.local_plan_id
        left join parties pa on pa.tenant_id = lp.tenant_id and pa.id = lp.party_id
        join local_plan_programmes g on g.tenant_id = i.tenant_id and g.id = i.programme_id
        join local_plan_strategies s on s.tenant_id = g.tenant_id and s.id = g.strategy_id
        join plan_projects pr on pr.tenant_id = i.tenant_id and pr.id = i.project_id
        join plans pl on pl.tenant_id = pr.tenant_id and pl.id = pr.plan_id
        where ${sql.join(where, sql` and `)}
        order by s.position, g.position, pl.fiscal_year, pr.sort_order, ${thaiOrder(sql`pr.name`)}, i.id`,
  );
}

/** A local government in this tenant: the tenant itself or a partner organisation whose org type is local government. */
export async function isLocalGovernmentParty(tx: Tx, tenantId: string, partyId: string) {
  const found = await rows<{ id: string }>(
    tx,
    sql`select id from parties where tenant_id = ${tenantId} and id = ${partyId} and kind = 'organization' and org_type = 'local_government'`,
  );
  return found.length > 0;
}

/** Partner local governments, with the tenant each one is linked to (tenants is a global table: names only). */
export function localGovernmentParties(tx: Tx, tenantId: string) {
  return rows<{ id: string; name: string; linkedSlug: string | null; linkedName: string | null }>(
    tx,
    sql`select p.id, p.name, t.slug as "linkedSlug", t.name_th as "linkedName" from parties p
        left join local_plan_tenant_links l on l.tenant_id = p.tenant_id and l.party_id = p.id
        left join tenants t on t.id = l.linked_tenant_id
        where p.tenant_id = ${tenantId} and p.kind = 'organization' and p.org_type = 'local_government'
        order by ${thaiOrder(sql`p.name`)}, p.id`,
  );
}

// ---- the joint plan's side (plans' tables, read) ----

/** A joint plan's project, locked while its assignments change. */
export async function planProjectForUpdate(tx: Tx, tenantId: string, projectId: string) {
  const [project] = await tx
    .select()
    .from(planProjects)
    .where(and(eq(planProjects.tenantId, tenantId), eq(planProjects.id, projectId)))
    .for('update');
  return project;
}

export async function jointPlan(tx: Tx, tenantId: string, planId: string) {
  const [plan] = await tx
    .select()
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)));
  return plan;
}

/** A joint plan's projects in the plan's order. */
export function jointPlanProjects(tx: Tx, tenantId: string, planId: string) {
  return tx
    .select({ id: planProjects.id, name: planProjects.name })
    .from(planProjects)
    .where(and(eq(planProjects.tenantId, tenantId), eq(planProjects.planId, planId)))
    .orderBy(planProjects.sortOrder, planProjects.name);
}

// ---- sharing: a neighbour's status onto the owner's record ----

/** The owner's record of an assignment whose local government is linked to the sending tenant, locked (undefined otherwise). */
export async function linkedItemForUpdate(tx: Tx, tenantId: string, senderTenantId: string, itemId: string) {
  const [item] = await rows<{ id: string; localPlanId: string; status: string; editionId: string | null; dropReason: string | null; name: string }>(
    tx,
    sql`select i.id, i.local_plan_id as "localPlanId", i.status, i.edition_id as "editionId", i.drop_reason as "dropReason", pr.name
        from local_plan_projects i
        join local_plans lp on lp.tenant_id = i.tenant_id and lp.id = i.local_plan_id
        join local_plan_tenant_links l on l.tenant_id = lp.tenant_id and l.party_id = lp.party_id and l.linked_tenant_id = ${senderTenantId}
        join plan_projects pr on pr.tenant_id = i.tenant_id and pr.id = i.project_id
        where i.tenant_id = ${tenantId} and i.id = ${itemId}
        for update of i`,
  );
  return item;
}

/** The local plan's edition of that kind and number, recorded as given when it is not there yet. */
export async function editionIdOrInsert(
  tx: Tx,
  tenantId: string,
  localPlanId: string,
  e: { kind: string; number: number; approvedOn: string; approvingAct: string },
): Promise<string> {
  const [found] = await tx
    .select({ id: localPlanEditions.id })
    .from(localPlanEditions)
    .where(
      and(
        eq(localPlanEditions.tenantId, tenantId),
        eq(localPlanEditions.localPlanId, localPlanId),
        eq(localPlanEditions.kind, e.kind),
        eq(localPlanEditions.number, e.number),
      ),
    );
  return (
    found?.id ??
    (
      await tx
        .insert(localPlanEditions)
        .values({ tenantId, localPlanId, kind: e.kind, number: e.number, approvedOn: e.approvedOn, approvingAct: e.approvingAct })
        .returning({ id: localPlanEditions.id })
    )[0].id
  );
}

export async function setItemStatus(
  tx: Tx,
  tenantId: string,
  itemId: string,
  after: { status: string; editionId: string | null; dropReason: string | null },
): Promise<void> {
  await tx
    .update(localPlanProjects)
    .set({ ...after, updatedAt: new Date() })
    .where(and(eq(localPlanProjects.tenantId, tenantId), eq(localPlanProjects.id, itemId)));
}

// ---- writes of the local plan's own tables ----

export async function insertLocalPlan(tx: Tx, values: typeof localPlans.$inferInsert) {
  const [row] = await tx.insert(localPlans).values(values).returning();
  return row;
}

/** A local plan, locked (undefined when unknown). */
export async function localPlanForUpdate(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select()
    .from(localPlans)
    .where(and(eq(localPlans.tenantId, tenantId), eq(localPlans.id, id)))
    .for('update');
  return row;
}

export async function localPlanById(tx: Tx, tenantId: string, id: string) {
  const [plan] = await tx
    .select()
    .from(localPlans)
    .where(and(eq(localPlans.tenantId, tenantId), eq(localPlans.id, id)));
  return plan;
}

export async function renameLocalPlan(tx: Tx, tenantId: string, id: string, name: string): Promise<void> {
  await tx
    .update(localPlans)
    .set({ name, updatedAt: new Date() })
    .where(and(eq(localPlans.tenantId, tenantId), eq(localPlans.id, id)));
}

/** A strategy with its programmes (numbered in the given order). */
export async function insertStrategyWithProgrammes(
  tx: Tx,
  tenantId: string,
  localPlanId: string,
  position: number,
  s: { name: string; provinceStrategy: string | null; programmes: { name: string }[] },
) {
  const [row] = await tx
    .insert(localPlanStrategies)
    .values({ tenantId, localPlanId, position, name: s.name, provinceStrategy: s.provinceStrategy })
    .returning();
  if (s.programmes.length)
    await tx.insert(localPlanProgrammes).values(s.programmes.map((g, i) => ({ tenantId, strategyId: row.id, position: i + 1, name: g.name })));
  return row;
}

export async function strategyOfPlan(tx: Tx, tenantId: string, localPlanId: string, strategyId: string) {
  const [row] = await tx
    .select()
    .from(localPlanStrategies)
    .where(and(eq(localPlanStrategies.tenantId, tenantId), eq(localPlanStrategies.localPlanId, localPlanId), eq(localPlanStrategies.id, strategyId)));
  return row;
}

export async function updateStrategyRow(tx: Tx, tenantId: string, strategyId: string, set: { name: string; provinceStrategy: string | null }): Promise<void> {
  await tx
    .update(localPlanStrategies)
    .set(set)
    .where(and(eq(localPlanStrategies.tenantId, tenantId), eq(localPlanStrategies.id, strategyId)));
}

export async function insertProgramme(tx: Tx, tenantId: string, strategyId: string, position: number, name: string) {
  const [row] = await tx.insert(localPlanProgrammes).values({ tenantId, strategyId, position, name }).returning();
  return row;
}

export async function renameProgramme(tx: Tx, tenantId: string, programmeId: string, name: string): Promise<void> {
  await tx
    .update(localPlanProgrammes)
    .set({ name })
    .where(and(eq(localPlanProgrammes.tenantId, tenantId), eq(localPlanProgrammes.id, programmeId)));
}

export async function insertEdition(tx: Tx, values: typeof localPlanEditions.$inferInsert) {
  const [row] = await tx.insert(localPlanEditions).values(values).returning();
  return row;
}

export async function deleteItem(tx: Tx, tenantId: string, itemId: string): Promise<void> {
  await tx.delete(localPlanProjects).where(and(eq(localPlanProjects.tenantId, tenantId), eq(localPlanProjects.id, itemId)));
}

export type ItemTexts = Pick<typeof localPlanProjects.$inferInsert, 'programmeId' | 'objective' | 'target' | 'kpi' | 'expectedResult' | 'responsibleUnit'>;

/** A project's assignment to a local plan (created, or its texts replaced) with its yearly shares replaced. */
export async function upsertAssignment(
  tx: Tx,
  tenantId: string,
  localPlanId: string,
  projectId: string,
  texts: ItemTexts,
  shares: { year: number; budgetSatang: number }[],
): Promise<void> {
  const [row] = await tx
    .insert(localPlanProjects)
    .values({ tenantId, localPlanId, projectId, ...texts })
    .onConflictDoUpdate({
      target: [localPlanProjects.tenantId, localPlanProjects.localPlanId, localPlanProjects.projectId],
      set: { ...texts, updatedAt: new Date() },
    })
    .returning({ id: localPlanProjects.id });
  await tx.delete(localPlanProjectYears).where(and(eq(localPlanProjectYears.tenantId, tenantId), eq(localPlanProjectYears.localPlanProjectId, row.id)));
  await tx.insert(localPlanProjectYears).values(shares.map((s) => ({ tenantId, localPlanProjectId: row.id, year: s.year, budgetSatang: s.budgetSatang })));
}

export async function updateItem(tx: Tx, tenantId: string, itemId: string, set: Partial<typeof localPlanProjects.$inferInsert>): Promise<void> {
  await tx
    .update(localPlanProjects)
    .set(set)
    .where(and(eq(localPlanProjects.tenantId, tenantId), eq(localPlanProjects.id, itemId)));
}
