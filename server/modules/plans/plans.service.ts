import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { EvidenceFile } from '../../../common/schemas/evidence';
import type { PartySummary } from '../../../common/schemas/partners';
import type {
  activityCreate,
  activityUpdate,
  carryForwardBody,
  carryForwardResult,
  NetworkContinuity,
  PlanDetail,
  planCreate,
  planListQuery,
  PlanSummary,
  planUpdate,
  progressCreate,
  ProgressReport,
  projectCreate,
  projectUpdate,
  WeightBy,
  WorkStatus,
} from '../../../common/schemas/plans';
import { fiscalYearOf, fiscalYearRange } from '../../../common/thai/dates';
import {
  networks,
  planActivities,
  planNetworks,
  planProgressReports,
  planProjectIndicators,
  planProjects,
  plans,
  strategies,
  strategyIndicators,
} from '../../db/schema';
import { audit, auditMany, type AuditEvent } from '../../platform/audit';
import { type TenantContext, actorUserId } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, assertDateOrder } from '../../platform/errors';
import { presentPartySummary } from '../partners/partners.present';
import { existingPartyIds } from '../partners/partners.repository';
import { filesOfReports } from '../evidence/evidence.service';
import * as repo from './plans.repository';
import { planProgress, projectBudget, projectProgress, activityProgress, yearRuns } from './rollup';
import { effectiveDates, scheduleState } from './schedule';
import { todayInThailand } from '../../platform/today';
import { isoTime } from '../../platform/sql';
import type { ActivityOption } from '../../../common/schemas/plans';

const uniq = <T>(xs: T[]) => [...new Set(xs)];

// ---- presentation ----

type Loaded = Awaited<ReturnType<typeof repo.loadForPlans>>;

function summaries(rows: repo.PlanRow[], loaded: Loaded, today = todayInThailand()): PlanSummary[] {
  const netsBy = groupBy(loaded.nets, (n) => n.planId);
  const projectsBy = groupBy(loaded.projects, (p) => p.planId);
  const activitiesBy = groupBy(loaded.activities, (a) => a.projectId);
  const successor = new Map(loaded.successors.map((s) => [s.predecessorPlanId, s.id]));
  return rows.map((p) => {
    const projects = (projectsBy.get(p.id) ?? []).map((pr) => ({ ...pr, activities: activitiesBy.get(pr.id) ?? [] }));
    const progress = planProgress(projects, p.weightBy);
    return {
      id: p.id,
      name: p.name,
      fiscalYear: p.fiscalYear,
      startDate: p.startDate,
      endDate: p.endDate,
      description: p.description,
      weightBy: p.weightBy as WeightBy,
      networks: (netsBy.get(p.id) ?? []).map((n) => ({ id: n.id, name: n.name })),
      predecessorPlanId: p.predecessorPlanId,
      successorPlanId: successor.get(p.id) ?? null,
      projectCount: projects.length,
      activityCount: projects.reduce((s, pr) => s + pr.activities.length, 0),
      budgetSatang: projects.reduce((s, pr) => s + (pr.status === 'cancelled' ? 0 : projectBudget(pr)), 0),
      progress,
      schedule: scheduleState({ status: 'planned', progress, endDate: p.endDate, fiscalYear: p.fiscalYear }, today),
      createdAt: isoTime(p.createdAt),
      updatedAt: isoTime(p.updatedAt),
    };
  });
}

function groupBy<T, K>(xs: T[], key: (x: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

async function loadDetail(tx: Tx, ctx: TenantContext, id: string): Promise<PlanDetail> {
  const plan = await repo.getPlan(tx, ctx.tenant.id, id);
  if (!plan) throw new AppError('not_found');
  const loaded = await repo.loadForPlans(tx, ctx.tenant.id, [id]);
  const partyIds = uniq([...loaded.projects, ...loaded.activities].flatMap((w) => [w.leadPartyId, ...w.supportingPartyIds]).filter((x): x is string => !!x));
  const people = await repo.partySummaries(tx, ctx.tenant.id, partyIds);
  const links = await repo.projectIndicatorLinks(
    tx,
    ctx.tenant.id,
    loaded.projects.map((p) => p.id),
  );
  const reports = await repo.lastReports(
    tx,
    ctx.tenant.id,
    loaded.activities.map((a) => a.id),
  );
  const party = new Map(people.map((p) => [p.id, presentPartySummary(p)]));
  const lead = (id: string | null) => (id ? (party.get(id) ?? null) : null);
  const supporting = (ids: string[]) => ids.map((x) => party.get(x)).filter((x): x is PartySummary => !!x);
  const indicatorsBy = groupBy(links, (l) => l.projectId);
  const lastReported = new Map(reports.map((r) => [r.activityId, r.lastReportedOn]));
  const activitiesBy = groupBy(loaded.activities, (a) => a.projectId);
  const today = todayInThailand();
  const [summary] = summaries([plan], loaded, today);
  const when = (w: { status: string; progress: number | null }, dates: ReturnType<typeof effectiveDates>) => ({
    schedule: scheduleState({ status: w.status, progress: w.progress, endDate: dates.effectiveEndDate, fiscalYear: plan.fiscalYear }, today),
    ...dates,
  });
  return {
    ...summary,
    projects: loaded.projects.map((p) => {
      const acts = activitiesBy.get(p.id) ?? [];
      const projectDates = effectiveDates(p, { startDate: plan.startDate, endDate: plan.endDate, from: 'plan' });
      const projectProgressValue = projectProgress({ ...p, activities: acts });
      // an activity without dates takes its project's own dates, or else the plan's
      const parentOfActivity = {
        startDate: projectDates.effectiveStartDate,
        endDate: projectDates.effectiveEndDate,
        from: projectDates.datesFrom === 'own' ? ('project' as const) : ('plan' as const),
      };
      return {
        id: p.id,
        name: p.name,
        objectives: p.objectives,
        outputTarget: p.outputTarget,
        indicatorText: p.indicatorText,
        lead: lead(p.leadPartyId),
        supporting: supporting(p.supportingPartyIds),
        startDate: p.startDate,
        endDate: p.endDate,
        status: p.status as WorkStatus,
        weight: p.weight,
        weightBy: p.weightBy as WeightBy,
        budgetSatang: projectBudget({ activities: acts }),
        progress: projectProgressValue,
        ...when({ status: p.status, progress: projectProgressValue }, projectDates),
        strategyId: p.strategyId,
        indicatorIds: (indicatorsBy.get(p.id) ?? []).map((l) => l.indicatorId),
        predecessorProjectId: p.predecessorProjectId,
        activities: acts.map((a) => ({
          id: a.id,
          projectId: a.projectId,
          name: a.name,
          objectives: a.objectives,
          outputTarget: a.outputTarget,
          indicatorText: a.indicatorText,
          lead: lead(a.leadPartyId),
          supporting: supporting(a.supportingPartyIds),
          startDate: a.startDate,
          endDate: a.endDate,
          status: a.status as WorkStatus,
          weight: a.weight,
          budgetSatang: a.budgetSatang,
          progress: activityProgress(a),
          ...when({ status: a.status, progress: activityProgress(a) }, effectiveDates(a, parentOfActivity)),
          reportedProgress: a.progress,
          lastReportedOn: lastReported.get(a.id) ?? null,
          predecessorActivityId: a.predecessorActivityId,
        })),
      };
    }),
  };
}

// ---- checks ----

async function assertNetworks(tx: Tx, ctx: TenantContext, ids: string[]) {
  if (!ids.length) return;
  const rows = await tx
    .select({ id: networks.id })
    .from(networks)
    .where(and(eq(networks.tenantId, ctx.tenant.id), inArray(networks.id, ids)));
  const known = new Set(rows.map((r) => r.id));
  const fields: Record<string, string> = {};
  ids.forEach((id, i) => {
    if (!known.has(id)) fields[`networkIds.${i}`] = 'unknown_network';
  });
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
}

async function assertParties(tx: Tx, ctx: TenantContext, lead: string | null | undefined, supporting: string[] | undefined) {
  const ids = uniq([...(lead ? [lead] : []), ...(supporting ?? [])]);
  const known = await existingPartyIds(tx, ctx.tenant.id, ids);
  const fields: Record<string, string> = {};
  if (lead && !known.has(lead)) fields.leadPartyId = 'unknown_party';
  (supporting ?? []).forEach((id, i) => {
    if (!known.has(id)) fields[`supportingPartyIds.${i}`] = 'unknown_party';
  });
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
}

async function assertStrategyLinks(tx: Tx, ctx: TenantContext, strategyId: string | null | undefined, indicatorIds: string[] | undefined) {
  const fields: Record<string, string> = {};
  if (strategyId) {
    const [s] = await tx
      .select({ id: strategies.id })
      .from(strategies)
      .where(and(eq(strategies.tenantId, ctx.tenant.id), eq(strategies.id, strategyId)))
      .limit(1);
    if (!s) fields.strategyId = 'unknown_strategy';
  }
  if (indicatorIds?.length) {
    const rows = await tx
      .select({ id: strategyIndicators.id })
      .from(strategyIndicators)
      .where(and(eq(strategyIndicators.tenantId, ctx.tenant.id), inArray(strategyIndicators.id, indicatorIds)));
    const known = new Set(rows.map((r) => r.id));
    indicatorIds.forEach((id, i) => {
      if (!known.has(id)) fields[`indicatorIds.${i}`] = 'unknown_indicator';
    });
  }
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
}

/** A plan's dates lie inside its fiscal year (1 Oct – 30 Sep); the end is not before the start. */
function assertPlanDates(fiscalYear: number, start: string, end: string) {
  const fields: Record<string, string> = {};
  if (fiscalYearOf(start) !== fiscalYear) fields.startDate = 'outside_fiscal_year';
  if (fiscalYearOf(end) !== fiscalYear) fields.endDate = 'outside_fiscal_year';
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
  assertDateOrder(start, end);
}

/** Work dates lie inside the plan's period. */
function assertWorkDates(plan: { startDate: string; endDate: string }, start: string | null | undefined, end: string | null | undefined) {
  const fields: Record<string, string> = {};
  if (start && (start < plan.startDate || start > plan.endDate)) fields.startDate = 'outside_plan_period';
  if (end && (end < plan.startDate || end > plan.endDate)) fields.endDate = 'outside_plan_period';
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
  assertDateOrder(start, end);
}

/** Shrinking a plan's period must not leave its projects or activities outside it. */
async function assertWorkInside(tx: Tx, ctx: TenantContext, planId: string, start: string, end: string) {
  const outside = (t: typeof planProjects | typeof planActivities) =>
    tx
      .select({
        early: sql<boolean>`bool_or(${t.startDate} < ${start} or ${t.endDate} < ${start})`,
        late: sql<boolean>`bool_or(${t.endDate} > ${end} or ${t.startDate} > ${end})`,
      })
      .from(t)
      .where(and(eq(t.tenantId, ctx.tenant.id), eq(t.planId, planId)));
  const [p] = await outside(planProjects);
  const [a] = await outside(planActivities);
  const fields: Record<string, string> = {};
  if (p?.early || a?.early) fields.startDate = 'work_outside_period';
  if (p?.late || a?.late) fields.endDate = 'work_outside_period';
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
}

async function touchPlan(tx: Tx, ctx: TenantContext, planId: string) {
  await tx
    .update(plans)
    .set({ updatedAt: new Date() })
    .where(and(eq(plans.tenantId, ctx.tenant.id), eq(plans.id, planId)));
}

async function planOr404(tx: Tx, ctx: TenantContext, id: string) {
  const plan = await repo.getPlan(tx, ctx.tenant.id, id);
  if (!plan) throw new AppError('not_found');
  return plan;
}

const auditable = <T extends { tenantId: string; createdAt: Date; updatedAt?: Date }>(r: T) => {
  const { tenantId: _t, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
};

// ---- plans ----

export async function listPlans(ctx: TenantContext, q: z.output<typeof planListQuery>): Promise<ListResult<PlanSummary>> {
  const { page, pageSize, sort, ...filter } = q;
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { rows, total } = await repo.listPlans(tx, ctx.tenant.id, filter, sort, pageSize, (page - 1) * pageSize);
    const loaded = await repo.loadForPlans(
      tx,
      ctx.tenant.id,
      rows.map((r) => r.id),
    );
    return { items: summaries(rows, loaded), total, page, pageSize };
  });
}

export function getPlan(ctx: TenantContext, id: string): Promise<PlanDetail> {
  return withTenant(ctx.db, ctx.tenant.id, (tx) => loadDetail(tx, ctx, id));
}

/** One plan of a name per fiscal year (case-insensitive; the unique index plans_name_year_uq backs it under races). */
async function assertPlanNameFree(tx: Tx, ctx: TenantContext, fiscalYear: number, name: string, exceptId?: string) {
  const [dup] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(
      and(
        eq(plans.tenantId, ctx.tenant.id),
        eq(plans.fiscalYear, fiscalYear),
        sql`lower(${plans.name}) = lower(${name})`,
        exceptId ? sql`${plans.id} <> ${exceptId}` : undefined,
      ),
    )
    .limit(1);
  if (dup) throw new AppError('conflict', { name: 'plan_duplicate' });
}

export async function createPlanTx(tx: Tx, ctx: TenantContext, input: z.output<typeof planCreate>, predecessorPlanId: string | null = null) {
  await assertPlanNameFree(tx, ctx, input.fiscalYear, input.name);
  const range = fiscalYearRange(input.fiscalYear);
  const startDate = input.startDate ?? range.start;
  const endDate = input.endDate ?? range.end;
  assertPlanDates(input.fiscalYear, startDate, endDate);
  const networkIds = uniq(input.networkIds);
  await assertNetworks(tx, ctx, networkIds);
  const [row] = await tx
    .insert(plans)
    .values({
      tenantId: ctx.tenant.id,
      name: input.name,
      fiscalYear: input.fiscalYear,
      startDate,
      endDate,
      description: input.description ?? null,
      weightBy: input.weightBy,
      predecessorPlanId,
    })
    .returning();
  await tx.insert(planNetworks).values(networkIds.map((networkId) => ({ tenantId: ctx.tenant.id, planId: row.id, networkId })));
  await audit(tx, ctx, { entity: 'plan', entityId: row.id, entityLabel: row.name, action: 'create', after: { ...auditable(row), networkIds } });
  return row;
}

export async function createPlan(ctx: TenantContext, input: z.output<typeof planCreate>): Promise<PlanDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const row = await createPlanTx(tx, ctx, input);
    return loadDetail(tx, ctx, row.id);
  });
}

export async function updatePlan(ctx: TenantContext, id: string, input: z.output<typeof planUpdate>): Promise<PlanDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await planOr404(tx, ctx, id);
    if (input.name && input.name !== before.name) await assertPlanNameFree(tx, ctx, before.fiscalYear, input.name, id);
    const startDate = input.startDate ?? before.startDate;
    const endDate = input.endDate ?? before.endDate;
    assertPlanDates(before.fiscalYear, startDate, endDate);
    if (startDate !== before.startDate || endDate !== before.endDate) await assertWorkInside(tx, ctx, id, startDate, endDate);
    const beforeNets = (
      await tx
        .select({ id: planNetworks.networkId })
        .from(planNetworks)
        .where(and(eq(planNetworks.tenantId, ctx.tenant.id), eq(planNetworks.planId, id)))
    ).map((r) => r.id);
    let networkIds = beforeNets;
    if (input.networkIds) {
      networkIds = uniq(input.networkIds);
      await assertNetworks(tx, ctx, networkIds);
      await tx.delete(planNetworks).where(and(eq(planNetworks.tenantId, ctx.tenant.id), eq(planNetworks.planId, id)));
      await tx.insert(planNetworks).values(networkIds.map((networkId) => ({ tenantId: ctx.tenant.id, planId: id, networkId })));
    }
    const [after] = await tx
      .update(plans)
      .set({
        name: input.name ?? before.name,
        description: input.description === undefined ? before.description : input.description,
        startDate,
        endDate,
        weightBy: input.weightBy ?? before.weightBy,
        updatedAt: new Date(),
      })
      .where(and(eq(plans.tenantId, ctx.tenant.id), eq(plans.id, id)))
      .returning();
    await audit(tx, ctx, {
      entity: 'plan',
      entityId: id,
      entityLabel: after.name,
      action: 'update',
      before: { ...auditable(before), networkIds: [...beforeNets].sort() },
      after: { ...auditable(after), networkIds: [...networkIds].sort() },
    });
    return loadDetail(tx, ctx, id);
  });
}

export async function deletePlan(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await planOr404(tx, ctx, id);
    await tx.delete(plans).where(and(eq(plans.tenantId, ctx.tenant.id), eq(plans.id, id)));
    await audit(tx, ctx, { entity: 'plan', entityId: id, entityLabel: before.name, action: 'delete', before: auditable(before) });
  });
}

// ---- projects ----

export async function createProject(ctx: TenantContext, planId: string, input: z.output<typeof projectCreate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await planOr404(tx, ctx, planId);
    assertWorkDates(plan, input.startDate, input.endDate);
    await assertParties(tx, ctx, input.leadPartyId, input.supportingPartyIds);
    const indicatorIds = uniq(input.indicatorIds);
    await assertStrategyLinks(tx, ctx, input.strategyId, indicatorIds);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${planProjects.sortOrder}) + 1, 0)::int` })
      .from(planProjects)
      .where(and(eq(planProjects.tenantId, ctx.tenant.id), eq(planProjects.planId, planId)));
    const [row] = await tx
      .insert(planProjects)
      .values({
        tenantId: ctx.tenant.id,
        planId,
        name: input.name,
        objectives: input.objectives ?? null,
        outputTarget: input.outputTarget ?? null,
        indicatorText: input.indicatorText ?? null,
        strategyId: input.strategyId ?? null,
        leadPartyId: input.leadPartyId ?? null,
        supportingPartyIds: uniq(input.supportingPartyIds),
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        status: input.status,
        weightBy: input.weightBy,
        weight: input.weight ?? null,
        sortOrder: next,
      })
      .returning();
    if (indicatorIds.length)
      await tx.insert(planProjectIndicators).values(indicatorIds.map((indicatorId) => ({ tenantId: ctx.tenant.id, projectId: row.id, indicatorId })));
    await audit(tx, ctx, {
      entity: 'plan_project',
      entityId: row.id,
      entityLabel: `${plan.name}: ${row.name}`,
      action: 'create',
      after: { ...auditable(row), indicatorIds },
    });
    await touchPlan(tx, ctx, planId);
    return { id: row.id, plan: await loadDetail(tx, ctx, planId) };
  });
}

export async function updateProject(ctx: TenantContext, planId: string, projectId: string, input: z.output<typeof projectUpdate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await planOr404(tx, ctx, planId);
    const before = await repo.getProject(tx, ctx.tenant.id, planId, projectId);
    if (!before) throw new AppError('not_found');
    const next = {
      name: input.name ?? before.name,
      objectives: input.objectives === undefined ? before.objectives : input.objectives,
      outputTarget: input.outputTarget === undefined ? before.outputTarget : input.outputTarget,
      indicatorText: input.indicatorText === undefined ? before.indicatorText : input.indicatorText,
      strategyId: input.strategyId === undefined ? before.strategyId : input.strategyId,
      leadPartyId: input.leadPartyId === undefined ? before.leadPartyId : input.leadPartyId,
      supportingPartyIds: input.supportingPartyIds ? uniq(input.supportingPartyIds) : before.supportingPartyIds,
      startDate: input.startDate === undefined ? before.startDate : input.startDate,
      endDate: input.endDate === undefined ? before.endDate : input.endDate,
      status: input.status ?? before.status,
      weightBy: input.weightBy ?? before.weightBy,
      weight: input.weight === undefined ? before.weight : input.weight,
    };
    assertWorkDates(plan, next.startDate, next.endDate);
    await assertParties(tx, ctx, input.leadPartyId, input.supportingPartyIds);
    const indicatorIds = input.indicatorIds ? uniq(input.indicatorIds) : undefined;
    await assertStrategyLinks(tx, ctx, input.strategyId, indicatorIds);
    const [after] = await tx
      .update(planProjects)
      .set({ ...next, strategyId: next.strategyId ?? null, leadPartyId: next.leadPartyId ?? null, updatedAt: new Date() })
      .where(and(eq(planProjects.tenantId, ctx.tenant.id), eq(planProjects.id, projectId)))
      .returning();
    if (indicatorIds) {
      await tx.delete(planProjectIndicators).where(and(eq(planProjectIndicators.tenantId, ctx.tenant.id), eq(planProjectIndicators.projectId, projectId)));
      if (indicatorIds.length)
        await tx.insert(planProjectIndicators).values(indicatorIds.map((indicatorId) => ({ tenantId: ctx.tenant.id, projectId, indicatorId })));
    }
    await audit(tx, ctx, {
      entity: 'plan_project',
      entityId: projectId,
      entityLabel: `${plan.name}: ${after.name}`,
      action: 'update',
      before: auditable(before),
      after: { ...auditable(after), ...(indicatorIds ? { indicatorIds } : {}) },
    });
    await touchPlan(tx, ctx, planId);
    return { id: projectId, plan: await loadDetail(tx, ctx, planId) };
  });
}

export async function deleteProject(ctx: TenantContext, planId: string, projectId: string) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await planOr404(tx, ctx, planId);
    const before = await repo.getProject(tx, ctx.tenant.id, planId, projectId);
    if (!before) throw new AppError('not_found');
    await tx.delete(planProjects).where(and(eq(planProjects.tenantId, ctx.tenant.id), eq(planProjects.id, projectId)));
    await audit(tx, ctx, {
      entity: 'plan_project',
      entityId: projectId,
      entityLabel: `${plan.name}: ${before.name}`,
      action: 'delete',
      before: auditable(before),
    });
    await touchPlan(tx, ctx, planId);
    return { id: projectId, plan: await loadDetail(tx, ctx, planId) };
  });
}

// ---- activities ----

export async function createActivity(ctx: TenantContext, planId: string, projectId: string, input: z.output<typeof activityCreate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await planOr404(tx, ctx, planId);
    const project = await repo.getProject(tx, ctx.tenant.id, planId, projectId);
    if (!project) throw new AppError('not_found');
    assertWorkDates(plan, input.startDate, input.endDate);
    await assertParties(tx, ctx, input.leadPartyId, input.supportingPartyIds);
    const [{ next }] = await tx
      .select({ next: sql<number>`coalesce(max(${planActivities.sortOrder}) + 1, 0)::int` })
      .from(planActivities)
      .where(and(eq(planActivities.tenantId, ctx.tenant.id), eq(planActivities.projectId, projectId)));
    const [row] = await tx
      .insert(planActivities)
      .values({
        tenantId: ctx.tenant.id,
        planId,
        projectId,
        name: input.name,
        objectives: input.objectives ?? null,
        outputTarget: input.outputTarget ?? null,
        indicatorText: input.indicatorText ?? null,
        budgetSatang: input.budgetSatang,
        weight: input.weight ?? null,
        leadPartyId: input.leadPartyId ?? null,
        supportingPartyIds: uniq(input.supportingPartyIds),
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
        status: input.status,
        sortOrder: next,
      })
      .returning();
    await audit(tx, ctx, { entity: 'plan_activity', entityId: row.id, entityLabel: `${project.name}: ${row.name}`, action: 'create', after: auditable(row) });
    await touchPlan(tx, ctx, planId);
    return { id: row.id, plan: await loadDetail(tx, ctx, planId) };
  });
}

export async function updateActivity(ctx: TenantContext, planId: string, activityId: string, input: z.output<typeof activityUpdate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await planOr404(tx, ctx, planId);
    const before = await repo.getActivity(tx, ctx.tenant.id, planId, activityId);
    if (!before) throw new AppError('not_found');
    const next = {
      name: input.name ?? before.name,
      objectives: input.objectives === undefined ? before.objectives : input.objectives,
      outputTarget: input.outputTarget === undefined ? before.outputTarget : input.outputTarget,
      indicatorText: input.indicatorText === undefined ? before.indicatorText : input.indicatorText,
      budgetSatang: input.budgetSatang ?? before.budgetSatang,
      weight: input.weight === undefined ? before.weight : input.weight,
      leadPartyId: input.leadPartyId === undefined ? before.leadPartyId : input.leadPartyId,
      supportingPartyIds: input.supportingPartyIds ? uniq(input.supportingPartyIds) : before.supportingPartyIds,
      startDate: input.startDate === undefined ? before.startDate : input.startDate,
      endDate: input.endDate === undefined ? before.endDate : input.endDate,
      status: input.status ?? before.status,
    };
    assertWorkDates(plan, next.startDate, next.endDate);
    await assertParties(tx, ctx, input.leadPartyId, input.supportingPartyIds);
    const [after] = await tx
      .update(planActivities)
      .set({ ...next, leadPartyId: next.leadPartyId ?? null, weight: next.weight ?? null, updatedAt: new Date() })
      .where(and(eq(planActivities.tenantId, ctx.tenant.id), eq(planActivities.id, activityId)))
      .returning();
    await audit(tx, ctx, {
      entity: 'plan_activity',
      entityId: activityId,
      entityLabel: after.name,
      action: 'update',
      before: auditable(before),
      after: auditable(after),
    });
    await touchPlan(tx, ctx, planId);
    return { id: activityId, plan: await loadDetail(tx, ctx, planId) };
  });
}

export async function deleteActivity(ctx: TenantContext, planId: string, activityId: string) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await planOr404(tx, ctx, planId);
    const before = await repo.getActivity(tx, ctx.tenant.id, planId, activityId);
    if (!before) throw new AppError('not_found');
    await tx.delete(planActivities).where(and(eq(planActivities.tenantId, ctx.tenant.id), eq(planActivities.id, activityId)));
    await audit(tx, ctx, { entity: 'plan_activity', entityId: activityId, entityLabel: before.name, action: 'delete', before: auditable(before) });
    await touchPlan(tx, ctx, planId);
    return { id: activityId, plan: await loadDetail(tx, ctx, planId) };
  });
}

// ---- progress reports ----

function presentReport(r: typeof planProgressReports.$inferSelect, files: EvidenceFile[] = []): ProgressReport {
  return {
    id: r.id,
    activityId: r.activityId,
    reportedOn: r.reportedOn,
    text: r.text,
    percentage: r.percentage,
    photoUrls: r.photoUrls,
    files,
    reportedBy: r.reportedByName,
    createdAt: isoTime(r.createdAt),
  };
}

/**
 * Record progress. The activity's progress becomes the latest report's percentage (a report dated
 * before an existing one does not override it). Without an explicit status, a first report above 0
 * moves a planned activity to in progress, and 100% marks it done.
 */
export async function reportProgress(ctx: TenantContext, planId: string, activityId: string, input: z.output<typeof progressCreate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await planOr404(tx, ctx, planId);
    const before = await repo.getActivity(tx, ctx.tenant.id, planId, activityId);
    if (!before) throw new AppError('not_found');
    if (input.reportedOn < plan.startDate) throw new AppError('validation_failed', { reportedOn: 'before_plan_start' });
    const [row] = await tx
      .insert(planProgressReports)
      .values({
        tenantId: ctx.tenant.id,
        activityId,
        reportedOn: input.reportedOn,
        text: input.text,
        percentage: input.percentage,
        photoUrls: input.photoUrls,
        reportedByUserId: actorUserId(ctx),
        reportedByName: ctx.actor.user.name,
      })
      .returning();
    const progress = await repo.latestPercentage(tx, ctx.tenant.id, activityId);
    let status = input.status ?? before.status;
    if (!input.status && before.status !== 'cancelled') {
      if (progress === 100) status = 'done';
      else if (progress > 0 && (before.status === 'planned' || before.status === 'done')) status = 'in_progress';
    }
    await tx
      .update(planActivities)
      .set({ progress, status, updatedAt: new Date() })
      .where(and(eq(planActivities.tenantId, ctx.tenant.id), eq(planActivities.id, activityId)));
    await auditMany(tx, ctx, [
      {
        entity: 'plan_progress',
        entityId: row.id,
        entityLabel: before.name,
        action: 'create',
        after: { activityId, reportedOn: row.reportedOn, percentage: row.percentage, text: row.text, photoUrls: row.photoUrls },
      },
      {
        entity: 'plan_activity',
        entityId: activityId,
        entityLabel: before.name,
        action: 'update',
        before: { progress: before.progress, status: before.status },
        after: { progress, status },
      },
    ]);
    await touchPlan(tx, ctx, planId);
    return { id: row.id, plan: await loadDetail(tx, ctx, planId) };
  });
}

export async function listProgress(
  ctx: TenantContext,
  planId: string,
  activityId: string,
  page: number,
  pageSize: number,
): Promise<ListResult<ProgressReport>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await planOr404(tx, ctx, planId);
    if (!(await repo.getActivity(tx, ctx.tenant.id, planId, activityId))) throw new AppError('not_found');
    const { rows, total } = await repo.listReports(tx, ctx.tenant.id, activityId, pageSize, (page - 1) * pageSize);
    const files = await filesOfReports(tx, ctx, planId, rows);
    return { items: rows.map((r) => presentReport(r, files.get(r.id))), total, page, pageSize };
  });
}

// ---- continuity ----

const UNFINISHED = (s: string) => s !== 'done' && s !== 'cancelled';

/** The same calendar day one year later, clamped into [start, end] (29 Feb → 28 Feb). */
function nextYearDate(d: string | null, range: { start: string; end: string }): string | null {
  if (!d) return null;
  const [y, m, day] = d.split('-').map(Number);
  const shifted = m === 2 && day === 29 ? `${y + 1}-02-28` : `${String(y + 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return shifted < range.start ? range.start : shifted > range.end ? range.end : shifted;
}

function nextName(name: string, fiscalYear: number): string {
  return name.includes(String(fiscalYear)) ? name.replaceAll(String(fiscalYear), String(fiscalYear + 1)) : `${name} (ต่อเนื่อง ปีงบประมาณ ${fiscalYear + 1})`;
}

/**
 * Carry a plan forward into the next fiscal year: the successor plan (made once, linked by
 * `predecessorPlanId`) receives every unfinished project (not done, not cancelled, with unfinished
 * activities or none yet) and its unfinished activities, each linked to its predecessor. Running it
 * again adds only what is not there yet, so nothing is duplicated.
 */
export async function carryForward(ctx: TenantContext, planId: string, input: z.output<typeof carryForwardBody>): Promise<z.infer<typeof carryForwardResult>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await planOr404(tx, ctx, planId);
    const tenantId = ctx.tenant.id;
    const [existing] = await tx
      .select()
      .from(plans)
      .where(and(eq(plans.tenantId, tenantId), eq(plans.predecessorPlanId, planId)))
      .limit(1);
    let target = existing;
    if (!target) {
      const nets = await tx
        .select({ id: planNetworks.networkId })
        .from(planNetworks)
        .where(and(eq(planNetworks.tenantId, tenantId), eq(planNetworks.planId, planId)));
      target = await createPlanTx(
        tx,
        ctx,
        {
          name: input.name ?? nextName(plan.name, plan.fiscalYear),
          fiscalYear: plan.fiscalYear + 1,
          networkIds: nets.map((n) => n.id),
          description: plan.description,
          weightBy: plan.weightBy as WeightBy,
        },
        planId,
      );
    }
    const range = { start: target.startDate, end: target.endDate };
    const loaded = await repo.loadForPlans(tx, tenantId, [planId, target.id]);
    const activitiesBy = groupBy(loaded.activities, (a) => a.projectId);
    const carriedProject = new Map(loaded.projects.filter((p) => p.planId === target.id && p.predecessorProjectId).map((p) => [p.predecessorProjectId!, p.id]));
    const carriedActivity = new Set(loaded.activities.filter((a) => a.planId === target.id && a.predecessorActivityId).map((a) => a.predecessorActivityId!));
    const links = await repo.projectIndicatorLinks(
      tx,
      tenantId,
      loaded.projects.map((p) => p.id),
    );
    const linksBy = groupBy(links, (l) => l.projectId);
    const events: AuditEvent[] = [];
    let carriedProjects = 0;
    let carriedActivities = 0;
    let sort = loaded.projects.filter((p) => p.planId === target.id).length;

    for (const p of loaded.projects.filter((x) => x.planId === planId)) {
      const acts = activitiesBy.get(p.id) ?? [];
      const open = acts.filter((a) => UNFINISHED(a.status) && !carriedActivity.has(a.id));
      if (!UNFINISHED(p.status) || (acts.length > 0 && !acts.some((a) => UNFINISHED(a.status)))) continue;
      let newProjectId = carriedProject.get(p.id);
      if (!newProjectId) {
        const [np] = await tx
          .insert(planProjects)
          .values({
            tenantId,
            planId: target.id,
            name: p.name,
            objectives: p.objectives,
            outputTarget: p.outputTarget,
            indicatorText: p.indicatorText,
            strategyId: p.strategyId,
            leadPartyId: p.leadPartyId,
            supportingPartyIds: p.supportingPartyIds,
            startDate: nextYearDate(p.startDate, range),
            endDate: nextYearDate(p.endDate, range),
            status: 'planned',
            weightBy: p.weightBy,
            weight: p.weight,
            sortOrder: sort++,
            predecessorProjectId: p.id,
          })
          .returning();
        newProjectId = np.id;
        const ind = linksBy.get(p.id) ?? [];
        if (ind.length) await tx.insert(planProjectIndicators).values(ind.map((l) => ({ tenantId, projectId: np.id, indicatorId: l.indicatorId })));
        events.push({
          entity: 'plan_project',
          entityId: np.id,
          entityLabel: `${target.name}: ${np.name}`,
          action: 'create',
          after: { ...auditable(np), carriedFrom: p.id },
        });
        carriedProjects++;
      }
      if (open.length) {
        const rows = await tx
          .insert(planActivities)
          .values(
            open.map((a) => ({
              tenantId,
              planId: target.id,
              projectId: newProjectId!,
              name: a.name,
              objectives: a.objectives,
              outputTarget: a.outputTarget,
              indicatorText: a.indicatorText,
              budgetSatang: a.budgetSatang,
              weight: a.weight,
              leadPartyId: a.leadPartyId,
              supportingPartyIds: a.supportingPartyIds,
              startDate: nextYearDate(a.startDate, range),
              endDate: nextYearDate(a.endDate, range),
              // the work already done stays done: progress continues from the last report
              status: a.progress > 0 ? 'in_progress' : 'planned',
              progress: a.progress,
              sortOrder: a.sortOrder,
              predecessorActivityId: a.id,
            })),
          )
          .onConflictDoNothing()
          .returning();
        for (const r of rows)
          events.push({
            entity: 'plan_activity',
            entityId: r.id,
            entityLabel: r.name,
            action: 'create',
            after: { ...auditable(r), carriedFrom: r.predecessorActivityId },
          });
        carriedActivities += rows.length;
      }
    }
    if (events.length) {
      await auditMany(tx, ctx, events);
      await touchPlan(tx, ctx, target.id);
    }
    return { created: !existing, carriedProjects, carriedActivities, plan: await loadDetail(tx, ctx, target.id) };
  });
}

export async function continuity(ctx: TenantContext, networkId?: string): Promise<{ items: NetworkContinuity[] }> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const rows = await repo.networkPlanYears(tx, ctx.tenant.id, networkId);
    if (networkId && !rows.length) throw new AppError('not_found');
    const by = new Map<string, { name: string; years: number[] }>();
    for (const r of rows) {
      const e = by.get(r.networkId) ?? { name: r.name, years: [] };
      if (r.fiscalYear !== null) e.years.push(r.fiscalYear);
      by.set(r.networkId, e);
    }
    const items = [...by.entries()].map(([id, e]) => {
      const years = [...new Set(e.years)].sort((a, b) => a - b);
      const runs = yearRuns(years);
      const longestRun = runs.reduce<(typeof runs)[number] | null>((best, r) => (!best || r.length > best.length ? r : best), null);
      const gaps: number[] = [];
      for (let y = years[0]; years.length && y <= years[years.length - 1]; y++) if (!years.includes(y)) gaps.push(y);
      return { networkId: id, name: e.name, years, runs, longestRun, latestRun: runs[runs.length - 1] ?? null, gaps };
    });
    items.sort((a, b) => (b.latestRun?.length ?? 0) - (a.latestRun?.length ?? 0) || a.name.localeCompare(b.name, 'th'));
    return { items };
  });
}

/** Activities of any plan to pick from, for other modules' forms. */
export function activityOptions(ctx: TenantContext, f: { q?: string; fiscalYear?: number; limit: number }): Promise<ActivityOption[]> {
  return withTenant(ctx.db, ctx.tenant.id, (tx) => repo.activityOptions(tx, ctx.tenant.id, f));
}
