import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type {
  frameUpsert,
  goalCreate,
  goalUpdate,
  Indicator,
  indicatorCreate,
  indicatorUpdate,
  Measurement,
  measurementCreate,
  StrategyMap,
  StrategyTree,
  strategyCreate,
  strategyUpdate,
} from '../../../common/schemas/strategy';
import type { EvidenceFile } from '../../../common/schemas/evidence';
import type { WorkStatus } from '../../../common/schemas/plans';
import { fiscalYearOf } from '../../../common/thai/dates';
import {
  networks,
  parties,
  planActivities,
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
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { presentPartySummary } from '../partners/partners.present';
import { existingPartyIds } from '../partners/partners.repository';
import { totalOver, isoTime } from '../../platform/sql';
import { projectProgress } from '../plans/rollup';
import { filesOfMeasurements } from '../evidence/evidence.service';
import { inOrder } from '../../platform/in-order';
import { pageTotal } from '../../platform/page-total';
import { fiscalYears } from '../years/years.service';

const uniq = <T>(xs: T[]) => [...new Set(xs)];
type MeasurementRow = typeof strategyMeasurements.$inferSelect;

function presentMeasurement(m: MeasurementRow, files: EvidenceFile[] = []): Measurement {
  return {
    id: m.id,
    indicatorId: m.indicatorId,
    value: m.value,
    measuredOn: m.measuredOn,
    fiscalYear: m.fiscalYear,
    source: m.source,
    evidenceNote: m.evidenceNote,
    evidenceUrl: m.evidenceUrl,
    files,
    createdAt: isoTime(m.createdAt),
  };
}

async function assertIds(tx: Tx, ctx: TenantContext, networkIds: string[] | undefined, partyIds: string[] | undefined) {
  const fields: Record<string, string> = {};
  if (networkIds?.length) {
    const rows = await tx
      .select({ id: networks.id })
      .from(networks)
      .where(and(eq(networks.tenantId, ctx.tenant.id), inArray(networks.id, networkIds)));
    const known = new Set(rows.map((r) => r.id));
    networkIds.forEach((id, i) => {
      if (!known.has(id)) fields[`networkIds.${i}`] = 'unknown_network';
    });
  }
  if (partyIds?.length) {
    const known = await existingPartyIds(tx, ctx.tenant.id, partyIds);
    partyIds.forEach((id, i) => {
      if (!known.has(id)) fields[`partyIds.${i}`] = 'unknown_party';
    });
  }
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
}

async function goalOr(tx: Tx, ctx: TenantContext, id: string, field?: string) {
  const [g] = await tx
    .select()
    .from(strategyGoals)
    .where(and(eq(strategyGoals.tenantId, ctx.tenant.id), eq(strategyGoals.id, id)))
    .limit(1);
  if (!g) throw field ? new AppError('validation_failed', { [field]: 'unknown_goal' }) : new AppError('not_found');
  return g;
}

// ---- reading: the tree (batch loads: one query per table) ----

async function loadTree(tx: Tx, ctx: TenantContext, networkId: string | undefined): Promise<StrategyTree> {
  const tenantId = ctx.tenant.id;
  if (networkId) {
    const [n] = await tx
      .select({ id: networks.id })
      .from(networks)
      .where(and(eq(networks.tenantId, tenantId), eq(networks.id, networkId)))
      .limit(1);
    if (!n) throw new AppError('not_found');
  }
  const [frameRow] = await tx
    .select()
    .from(strategyFrames)
    .where(and(eq(strategyFrames.tenantId, tenantId), networkId ? eq(strategyFrames.networkId, networkId) : isNull(strategyFrames.networkId)))
    .limit(1);
  const goalRows = await tx
    .select()
    .from(strategyGoals)
    .where(
      and(
        eq(strategyGoals.tenantId, tenantId),
        networkId
          ? sql`exists (select 1 from ${strategyGoalNetworks} gn where gn.tenant_id = ${strategyGoals.tenantId} and gn.goal_id = ${strategyGoals.id} and gn.network_id = ${networkId})`
          : undefined,
      ),
    )
    .orderBy(asc(strategyGoals.sortOrder), asc(strategyGoals.code), asc(strategyGoals.createdAt));
  const goalIds = goalRows.map((g) => g.id);
  const none = goalIds.length === 0;
  const [goalNets, goalParties, strategyRows, indicatorRows] = none
    ? [[], [], [], []]
    : await inOrder([
        tx
          .select({ goalId: strategyGoalNetworks.goalId, id: networks.id, name: networks.name })
          .from(strategyGoalNetworks)
          .innerJoin(networks, and(eq(networks.tenantId, strategyGoalNetworks.tenantId), eq(networks.id, strategyGoalNetworks.networkId)))
          .where(and(eq(strategyGoalNetworks.tenantId, tenantId), inArray(strategyGoalNetworks.goalId, goalIds))),
        tx
          .select({ goalId: strategyGoalParties.goalId, party: parties })
          .from(strategyGoalParties)
          .innerJoin(parties, and(eq(parties.tenantId, strategyGoalParties.tenantId), eq(parties.id, strategyGoalParties.partyId)))
          .where(and(eq(strategyGoalParties.tenantId, tenantId), inArray(strategyGoalParties.goalId, goalIds))),
        tx
          .select()
          .from(strategies)
          .where(and(eq(strategies.tenantId, tenantId), inArray(strategies.goalId, goalIds)))
          .orderBy(asc(strategies.sortOrder), asc(strategies.code), asc(strategies.createdAt)),
        tx
          .select()
          .from(strategyIndicators)
          .where(and(eq(strategyIndicators.tenantId, tenantId), inArray(strategyIndicators.goalId, goalIds)))
          .orderBy(asc(strategyIndicators.createdAt)),
      ]);
  const indicators = await presentIndicators(tx, ctx, indicatorRows);
  return {
    networkId: networkId ?? null,
    vision: frameRow?.vision ?? null,
    missions: frameRow?.missions ?? [],
    goals: goalRows.map((g) => ({
      id: g.id,
      code: g.code,
      name: g.name,
      description: g.description,
      sortOrder: g.sortOrder,
      networks: goalNets.filter((n) => n.goalId === g.id).map(({ id, name }) => ({ id, name })),
      parties: goalParties.filter((p) => p.goalId === g.id).map((p) => presentPartySummary(p.party)),
      indicators: indicators.filter((i) => i.goalId === g.id && !i.strategyId),
      strategies: strategyRows
        .filter((s) => s.goalId === g.id)
        .map((s) => ({
          id: s.id,
          goalId: s.goalId,
          code: s.code,
          name: s.name,
          description: s.description,
          sortOrder: s.sortOrder,
          indicators: indicators.filter((i) => i.strategyId === s.id),
        })),
    })),
  };
}

async function presentIndicators(tx: Tx, ctx: TenantContext, rows: (typeof strategyIndicators.$inferSelect)[]): Promise<Indicator[]> {
  if (!rows.length) return [];
  const tenantId = ctx.tenant.id;
  const ids = rows.map((r) => r.id);
  const [targets, latest] = await inOrder([
    tx
      .select()
      .from(strategyIndicatorTargets)
      .where(and(eq(strategyIndicatorTargets.tenantId, tenantId), inArray(strategyIndicatorTargets.indicatorId, ids)))
      .orderBy(asc(strategyIndicatorTargets.fiscalYear)),
    tx
      .selectDistinctOn([strategyMeasurements.indicatorId])
      .from(strategyMeasurements)
      .where(and(eq(strategyMeasurements.tenantId, tenantId), inArray(strategyMeasurements.indicatorId, ids)))
      .orderBy(strategyMeasurements.indicatorId, desc(strategyMeasurements.measuredOn), desc(strategyMeasurements.createdAt)),
  ]);
  const latestBy = new Map(latest.map((m) => [m.indicatorId, m]));
  const files = await filesOfMeasurements(tx, ctx, latest);
  return rows.map((r) => ({
    id: r.id,
    goalId: r.goalId,
    strategyId: r.strategyId,
    name: r.name,
    unit: r.unit,
    direction: r.direction as Indicator['direction'],
    baseline: r.baseline,
    baselineYear: r.baselineYear,
    targets: targets.filter((t) => t.indicatorId === r.id).map((t) => ({ fiscalYear: t.fiscalYear, target: t.target })),
    latest: latestBy.has(r.id) ? presentMeasurement(latestBy.get(r.id)!, files.get(latestBy.get(r.id)!.id)) : null,
  }));
}

export function getStrategy(ctx: TenantContext, networkId?: string): Promise<StrategyTree> {
  return withTenant(ctx.db, ctx.tenant.id, (tx) => loadTree(tx, ctx, networkId));
}

/** The strategy map for a fiscal year (default: the tenant's default year, `fiscalYears`). */
export async function getMap(ctx: TenantContext, networkId: string | undefined, fiscalYear: number | undefined): Promise<StrategyMap> {
  const year = fiscalYear ?? (await fiscalYears(ctx.db, ctx.tenant.id)).default;
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tree = await loadTree(tx, ctx, networkId);
    const strategyIds = tree.goals.flatMap((g) => g.strategies.map((s) => s.id));
    const projects = strategyIds.length
      ? await tx
          .select({ project: planProjects, planName: plans.name, fiscalYear: plans.fiscalYear })
          .from(planProjects)
          .innerJoin(plans, and(eq(plans.tenantId, planProjects.tenantId), eq(plans.id, planProjects.planId)))
          .where(and(eq(planProjects.tenantId, ctx.tenant.id), inArray(planProjects.strategyId, strategyIds), eq(plans.fiscalYear, year)))
      : [];
    const projectIds = projects.map((p) => p.project.id);
    const [acts, links] = projectIds.length
      ? await inOrder([
          tx
            .select()
            .from(planActivities)
            .where(and(eq(planActivities.tenantId, ctx.tenant.id), inArray(planActivities.projectId, projectIds))),
          tx
            .select()
            .from(planProjectIndicators)
            .where(and(eq(planProjectIndicators.tenantId, ctx.tenant.id), inArray(planProjectIndicators.projectId, projectIds))),
        ])
      : [[], []];
    const allIndicators = new Map(tree.goals.flatMap((g) => [...g.indicators, ...g.strategies.flatMap((s) => s.indicators)]).map((i) => [i.id, i]));
    // a project may point at an indicator outside the shown goals: load those too
    const missing = uniq(links.map((l) => l.indicatorId)).filter((id) => !allIndicators.has(id));
    if (missing.length) {
      const rows = await tx
        .select()
        .from(strategyIndicators)
        .where(and(eq(strategyIndicators.tenantId, ctx.tenant.id), inArray(strategyIndicators.id, missing)));
      for (const i of await presentIndicators(tx, ctx, rows)) allIndicators.set(i.id, i);
    }
    const onMap = (i: Indicator) => {
      const target = i.targets.find((t) => t.fiscalYear === year)?.target ?? null;
      const value = i.latest?.value;
      const onTarget = target === null || value === undefined ? null : i.direction === 'higher' ? value >= target : value <= target;
      return { ...i, target, onTarget };
    };
    return {
      networkId: tree.networkId,
      vision: tree.vision,
      missions: tree.missions,
      fiscalYear: year,
      goals: tree.goals.map((g) => ({
        ...g,
        indicators: g.indicators.map(onMap),
        strategies: g.strategies.map((s) => ({
          ...s,
          indicators: s.indicators.map(onMap),
          projects: projects
            .filter((p) => p.project.strategyId === s.id)
            .map(({ project, planName, fiscalYear: fy }) => ({
              id: project.id,
              name: project.name,
              planId: project.planId,
              planName,
              fiscalYear: fy,
              status: project.status as WorkStatus,
              progress: projectProgress({ ...project, activities: acts.filter((a) => a.projectId === project.id) }),
              indicators: links
                .filter((l) => l.projectId === project.id)
                .map((l) => allIndicators.get(l.indicatorId))
                .filter((i): i is Indicator => !!i)
                .map(onMap),
            })),
        })),
      })),
    };
  });
}

// ---- writing ----

export async function upsertFrame(ctx: TenantContext, input: z.output<typeof frameUpsert>): Promise<StrategyTree> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const networkId = input.networkId ?? null;
    if (networkId) {
      const [n] = await tx
        .select({ id: networks.id })
        .from(networks)
        .where(and(eq(networks.tenantId, ctx.tenant.id), eq(networks.id, networkId)))
        .limit(1);
      if (!n) throw new AppError('validation_failed', { networkId: 'unknown_network' });
    }
    const [before] = await tx
      .select()
      .from(strategyFrames)
      .where(and(eq(strategyFrames.tenantId, ctx.tenant.id), networkId ? eq(strategyFrames.networkId, networkId) : isNull(strategyFrames.networkId)))
      .limit(1);
    const values = { vision: input.vision !== undefined ? input.vision : (before?.vision ?? null), missions: input.missions ?? before?.missions ?? [] };
    const [row] = before
      ? await tx
          .update(strategyFrames)
          .set({ ...values, updatedAt: new Date() })
          .where(and(eq(strategyFrames.tenantId, ctx.tenant.id), eq(strategyFrames.id, before.id)))
          .returning()
      : await tx
          .insert(strategyFrames)
          .values({ tenantId: ctx.tenant.id, networkId, ...values })
          .returning();
    await audit(tx, ctx, {
      entity: 'strategy_frame',
      entityId: row.id,
      action: before ? 'update' : 'create',
      before: before ? { networkId, vision: before.vision, missions: before.missions } : null,
      after: { networkId, ...values },
    });
    return loadTree(tx, ctx, networkId ?? undefined);
  });
}

async function setGoalLinks(tx: Tx, ctx: TenantContext, goalId: string, networkIds?: string[], partyIds?: string[]) {
  const tenantId = ctx.tenant.id;
  if (networkIds) {
    await tx.delete(strategyGoalNetworks).where(and(eq(strategyGoalNetworks.tenantId, tenantId), eq(strategyGoalNetworks.goalId, goalId)));
    if (networkIds.length) await tx.insert(strategyGoalNetworks).values(networkIds.map((networkId) => ({ tenantId, goalId, networkId })));
  }
  if (partyIds) {
    await tx.delete(strategyGoalParties).where(and(eq(strategyGoalParties.tenantId, tenantId), eq(strategyGoalParties.goalId, goalId)));
    if (partyIds.length) await tx.insert(strategyGoalParties).values(partyIds.map((partyId) => ({ tenantId, goalId, partyId })));
  }
}

export async function createGoal(ctx: TenantContext, input: z.output<typeof goalCreate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const networkIds = uniq(input.networkIds);
    const partyIds = uniq(input.partyIds);
    await assertIds(tx, ctx, networkIds, partyIds);
    const [row] = await tx
      .insert(strategyGoals)
      .values({ tenantId: ctx.tenant.id, code: input.code ?? null, name: input.name, description: input.description ?? null, sortOrder: input.sortOrder })
      .returning();
    await setGoalLinks(tx, ctx, row.id, networkIds, partyIds);
    await audit(tx, ctx, {
      entity: 'strategy_goal',
      entityId: row.id,
      entityLabel: row.name,
      action: 'create',
      after: { code: row.code, name: row.name, description: row.description, networkIds, partyIds },
    });
    return { id: row.id };
  });
}

export async function updateGoal(ctx: TenantContext, id: string, input: z.output<typeof goalUpdate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await goalOr(tx, ctx, id);
    const networkIds = input.networkIds ? uniq(input.networkIds) : undefined;
    const partyIds = input.partyIds ? uniq(input.partyIds) : undefined;
    await assertIds(tx, ctx, networkIds, partyIds);
    const [after] = await tx
      .update(strategyGoals)
      .set({
        code: input.code === undefined ? before.code : input.code,
        name: input.name ?? before.name,
        description: input.description === undefined ? before.description : input.description,
        sortOrder: input.sortOrder ?? before.sortOrder,
        updatedAt: new Date(),
      })
      .where(and(eq(strategyGoals.tenantId, ctx.tenant.id), eq(strategyGoals.id, id)))
      .returning();
    await setGoalLinks(tx, ctx, id, networkIds, partyIds);
    await audit(tx, ctx, {
      entity: 'strategy_goal',
      entityId: id,
      entityLabel: after.name,
      action: 'update',
      before: { code: before.code, name: before.name, description: before.description, sortOrder: before.sortOrder },
      after: {
        code: after.code,
        name: after.name,
        description: after.description,
        sortOrder: after.sortOrder,
        ...(networkIds ? { networkIds } : {}),
        ...(partyIds ? { partyIds } : {}),
      },
    });
    return { id };
  });
}

export async function deleteGoal(ctx: TenantContext, id: string) {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await goalOr(tx, ctx, id);
    await tx.delete(strategyGoals).where(and(eq(strategyGoals.tenantId, ctx.tenant.id), eq(strategyGoals.id, id)));
    await audit(tx, ctx, {
      entity: 'strategy_goal',
      entityId: id,
      entityLabel: before.name,
      action: 'delete',
      before: { code: before.code, name: before.name },
    });
  });
}

export async function createStrategy(ctx: TenantContext, input: z.output<typeof strategyCreate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await goalOr(tx, ctx, input.goalId, 'goalId');
    const [row] = await tx
      .insert(strategies)
      .values({
        tenantId: ctx.tenant.id,
        goalId: input.goalId,
        code: input.code ?? null,
        name: input.name,
        description: input.description ?? null,
        sortOrder: input.sortOrder,
      })
      .returning();
    await audit(tx, ctx, {
      entity: 'strategy',
      entityId: row.id,
      entityLabel: row.name,
      action: 'create',
      after: { goalId: row.goalId, code: row.code, name: row.name, description: row.description },
    });
    return { id: row.id };
  });
}

async function strategyOr404(tx: Tx, ctx: TenantContext, id: string) {
  const [s] = await tx
    .select()
    .from(strategies)
    .where(and(eq(strategies.tenantId, ctx.tenant.id), eq(strategies.id, id)))
    .limit(1);
  if (!s) throw new AppError('not_found');
  return s;
}

export async function updateStrategy(ctx: TenantContext, id: string, input: z.output<typeof strategyUpdate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await strategyOr404(tx, ctx, id);
    const [after] = await tx
      .update(strategies)
      .set({
        code: input.code === undefined ? before.code : input.code,
        name: input.name ?? before.name,
        description: input.description === undefined ? before.description : input.description,
        sortOrder: input.sortOrder ?? before.sortOrder,
        updatedAt: new Date(),
      })
      .where(and(eq(strategies.tenantId, ctx.tenant.id), eq(strategies.id, id)))
      .returning();
    const pick = (s: typeof before) => ({ code: s.code, name: s.name, description: s.description, sortOrder: s.sortOrder });
    await audit(tx, ctx, { entity: 'strategy', entityId: id, entityLabel: after.name, action: 'update', before: pick(before), after: pick(after) });
    return { id };
  });
}

export async function deleteStrategy(ctx: TenantContext, id: string) {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await strategyOr404(tx, ctx, id);
    await tx.delete(strategies).where(and(eq(strategies.tenantId, ctx.tenant.id), eq(strategies.id, id)));
    await audit(tx, ctx, {
      entity: 'strategy',
      entityId: id,
      entityLabel: before.name,
      action: 'delete',
      before: { goalId: before.goalId, name: before.name },
    });
  });
}

function assertTargets(targets: { fiscalYear: number }[] | undefined) {
  const seen = new Set<number>();
  const fields: Record<string, string> = {};
  (targets ?? []).forEach((t, i) => {
    if (seen.has(t.fiscalYear)) fields[`targets.${i}.fiscalYear`] = 'duplicate_year';
    seen.add(t.fiscalYear);
  });
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
}

async function indicatorOr404(tx: Tx, ctx: TenantContext, id: string) {
  const [row] = await tx
    .select()
    .from(strategyIndicators)
    .where(and(eq(strategyIndicators.tenantId, ctx.tenant.id), eq(strategyIndicators.id, id)))
    .limit(1);
  if (!row) throw new AppError('not_found');
  return row;
}

async function assertStrategyOfGoal(tx: Tx, ctx: TenantContext, goalId: string, strategyId: string | null | undefined) {
  if (!strategyId) return;
  const [s] = await tx
    .select({ goalId: strategies.goalId })
    .from(strategies)
    .where(and(eq(strategies.tenantId, ctx.tenant.id), eq(strategies.id, strategyId)))
    .limit(1);
  if (!s) throw new AppError('validation_failed', { strategyId: 'unknown_strategy' });
  if (s.goalId !== goalId) throw new AppError('validation_failed', { strategyId: 'strategy_not_in_goal' });
}

export async function createIndicator(ctx: TenantContext, input: z.output<typeof indicatorCreate>): Promise<Indicator> {
  assertTargets(input.targets);
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await goalOr(tx, ctx, input.goalId, 'goalId');
    await assertStrategyOfGoal(tx, ctx, input.goalId, input.strategyId);
    const [row] = await tx
      .insert(strategyIndicators)
      .values({
        tenantId: ctx.tenant.id,
        goalId: input.goalId,
        strategyId: input.strategyId ?? null,
        name: input.name,
        unit: input.unit,
        direction: input.direction,
        baseline: input.baseline ?? null,
        baselineYear: input.baselineYear ?? null,
      })
      .returning();
    if (input.targets.length)
      await tx.insert(strategyIndicatorTargets).values(input.targets.map((t) => ({ tenantId: ctx.tenant.id, indicatorId: row.id, ...t })));
    const { tenantId: _t, createdAt: _c, updatedAt: _u, ...after } = row;
    await audit(tx, ctx, {
      entity: 'strategy_indicator',
      entityId: row.id,
      entityLabel: row.name,
      action: 'create',
      after: { ...after, targets: input.targets },
    });
    return (await presentIndicators(tx, ctx, [row]))[0];
  });
}

export async function updateIndicator(ctx: TenantContext, id: string, input: z.output<typeof indicatorUpdate>): Promise<Indicator> {
  assertTargets(input.targets);
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await indicatorOr404(tx, ctx, id);
    if (input.strategyId !== undefined) await assertStrategyOfGoal(tx, ctx, before.goalId, input.strategyId);
    const beforeTargets = await tx
      .select({ fiscalYear: strategyIndicatorTargets.fiscalYear, target: strategyIndicatorTargets.target })
      .from(strategyIndicatorTargets)
      .where(and(eq(strategyIndicatorTargets.tenantId, ctx.tenant.id), eq(strategyIndicatorTargets.indicatorId, id)))
      .orderBy(asc(strategyIndicatorTargets.fiscalYear));
    const [after] = await tx
      .update(strategyIndicators)
      .set({
        strategyId: input.strategyId === undefined ? before.strategyId : input.strategyId,
        name: input.name ?? before.name,
        unit: input.unit ?? before.unit,
        direction: input.direction ?? before.direction,
        baseline: input.baseline === undefined ? before.baseline : input.baseline,
        baselineYear: input.baselineYear === undefined ? before.baselineYear : input.baselineYear,
        updatedAt: new Date(),
      })
      .where(and(eq(strategyIndicators.tenantId, ctx.tenant.id), eq(strategyIndicators.id, id)))
      .returning();
    if (input.targets) {
      await tx.delete(strategyIndicatorTargets).where(and(eq(strategyIndicatorTargets.tenantId, ctx.tenant.id), eq(strategyIndicatorTargets.indicatorId, id)));
      if (input.targets.length)
        await tx.insert(strategyIndicatorTargets).values(input.targets.map((t) => ({ tenantId: ctx.tenant.id, indicatorId: id, ...t })));
    }
    const strip = (r: typeof before) => {
      const { tenantId: _t, createdAt: _c, updatedAt: _u, ...rest } = r;
      return rest;
    };
    await audit(tx, ctx, {
      entity: 'strategy_indicator',
      entityId: id,
      entityLabel: after.name,
      action: 'update',
      before: { ...strip(before), targets: beforeTargets },
      after: { ...strip(after), targets: input.targets ? [...input.targets].sort((a, b) => a.fiscalYear - b.fiscalYear) : beforeTargets },
    });
    return (await presentIndicators(tx, ctx, [after]))[0];
  });
}

export async function deleteIndicator(ctx: TenantContext, id: string) {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await indicatorOr404(tx, ctx, id);
    await tx.delete(strategyIndicators).where(and(eq(strategyIndicators.tenantId, ctx.tenant.id), eq(strategyIndicators.id, id)));
    await audit(tx, ctx, {
      entity: 'strategy_indicator',
      entityId: id,
      entityLabel: before.name,
      action: 'delete',
      before: { goalId: before.goalId, name: before.name, unit: before.unit },
    });
  });
}

export async function addMeasurement(ctx: TenantContext, indicatorId: string, input: z.output<typeof measurementCreate>): Promise<Measurement> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const ind = await indicatorOr404(tx, ctx, indicatorId);
    const [row] = await tx
      .insert(strategyMeasurements)
      .values({
        tenantId: ctx.tenant.id,
        indicatorId,
        value: input.value,
        measuredOn: input.measuredOn,
        fiscalYear: fiscalYearOf(input.measuredOn),
        source: input.source ?? null,
        evidenceNote: input.evidenceNote ?? null,
        evidenceUrl: input.evidenceUrl ?? null,
      })
      .returning();
    const m = presentMeasurement(row);
    const { createdAt: _c, files: _f, ...after } = m;
    await audit(tx, ctx, { entity: 'strategy_measurement', entityId: row.id, entityLabel: `${ind.name}: ${row.value} ${ind.unit}`, action: 'create', after });
    return m;
  });
}

export async function listMeasurements(ctx: TenantContext, indicatorId: string, page: number, pageSize: number): Promise<ListResult<Measurement>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await indicatorOr404(tx, ctx, indicatorId);
    const w = and(eq(strategyMeasurements.tenantId, ctx.tenant.id), eq(strategyMeasurements.indicatorId, indicatorId));
    const rows = await tx
      .select({ m: strategyMeasurements, total: totalOver })
      .from(strategyMeasurements)
      .where(w)
      .orderBy(desc(strategyMeasurements.measuredOn), desc(strategyMeasurements.createdAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize);
    const total = await pageTotal(tx, rows, (page - 1) * pageSize, strategyMeasurements, w);
    const files = await filesOfMeasurements(
      tx,
      ctx,
      rows.map((r) => r.m),
    );
    return { items: rows.map((r) => presentMeasurement(r.m, files.get(r.m.id))), total, page, pageSize };
  });
}

export async function deleteMeasurement(ctx: TenantContext, indicatorId: string, id: string) {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const ind = await indicatorOr404(tx, ctx, indicatorId);
    const [before] = await tx
      .select()
      .from(strategyMeasurements)
      .where(and(eq(strategyMeasurements.tenantId, ctx.tenant.id), eq(strategyMeasurements.indicatorId, indicatorId), eq(strategyMeasurements.id, id)))
      .limit(1);
    if (!before) throw new AppError('not_found');
    await tx.delete(strategyMeasurements).where(and(eq(strategyMeasurements.tenantId, ctx.tenant.id), eq(strategyMeasurements.id, id)));
    await audit(tx, ctx, {
      entity: 'strategy_measurement',
      entityId: id,
      entityLabel: `${ind.name}: ${before.value} ${ind.unit}`,
      action: 'delete',
      before: { value: before.value, measuredOn: before.measuredOn },
    });
  });
}
