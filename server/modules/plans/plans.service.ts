import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { ActivityOption, NetworkContinuity, PlanDetail, planCreate, planListQuery, PlanSummary, planUpdate } from '../../../common/schemas/plans';
import { fiscalYearRange } from '../../../common/thai/dates';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { assertNetworks, assertPlanDates, assertWorkInside, planOr404 } from './checks';
import { uniq } from '../../../common/arrays';
import { loadDetail, summaries } from './detail';
import * as repo from './plans.repository';
import { yearRuns } from './rollup';

/**
 * Plans: list, read, create, change, delete; the networks' runs of years; activities to pick from. Projects:
 * projects.service.ts; activities and progress: activities.service.ts; carrying a plan into the next year:
 * commands/carry-forward.ts; the rules they share: checks.ts; SQL: plans.repository.ts (plans, and the reads other modules
 * use) and work.repository.ts (projects, activities, progress reports).
 */

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
  if (await repo.planNameTaken(tx, ctx.tenant.id, fiscalYear, name, exceptId)) throw new AppError('conflict', { name: 'plan_duplicate' });
}

export async function createPlanTx(tx: Tx, ctx: TenantContext, input: z.output<typeof planCreate>, predecessorPlanId: string | null = null) {
  await assertPlanNameFree(tx, ctx, input.fiscalYear, input.name);
  const range = fiscalYearRange(input.fiscalYear);
  const startDate = input.startDate ?? range.start;
  const endDate = input.endDate ?? range.end;
  assertPlanDates(input.fiscalYear, startDate, endDate);
  const networkIds = uniq(input.networkIds);
  await assertNetworks(tx, ctx, networkIds);
  const row = await repo.insertPlan(tx, {
    tenantId: ctx.tenant.id,
    name: input.name,
    fiscalYear: input.fiscalYear,
    startDate,
    endDate,
    description: input.description ?? null,
    weightBy: input.weightBy,
    predecessorPlanId,
  });
  await repo.setPlanNetworks(tx, ctx.tenant.id, row.id, networkIds, false);
  await audit(tx, ctx, { entity: 'plan', entityId: row.id, entityLabel: row.name, action: 'create', after: { ...row, networkIds } });
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
    const beforeNets = await repo.planNetworkIds(tx, ctx.tenant.id, id);
    let networkIds = beforeNets;
    if (input.networkIds) {
      networkIds = uniq(input.networkIds);
      await assertNetworks(tx, ctx, networkIds);
      await repo.setPlanNetworks(tx, ctx.tenant.id, id, networkIds, true);
    }
    const after = await repo.updatePlan(tx, ctx.tenant.id, id, {
      name: input.name ?? before.name,
      description: input.description === undefined ? before.description : input.description,
      startDate,
      endDate,
      weightBy: input.weightBy ?? before.weightBy,
    });
    await audit(tx, ctx, {
      entity: 'plan',
      entityId: id,
      entityLabel: after.name,
      action: 'update',
      before: { ...before, networkIds: [...beforeNets].sort() },
      after: { ...after, networkIds: [...networkIds].sort() },
    });
    return loadDetail(tx, ctx, id);
  });
}

export async function deletePlan(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await planOr404(tx, ctx, id);
    await repo.deletePlan(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity: 'plan', entityId: id, entityLabel: before.name, action: 'delete', before });
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
