import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { Indicator, indicatorCreate, indicatorUpdate, Measurement, measurementCreate } from '../../../common/schemas/strategy';
import { withUpdates } from '../../../common/objects';
import { fiscalYearOf } from '../../../common/thai/dates';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { filesOfMeasurements } from '../evidence/evidence.service';
import { deleteAudited, goalOr } from './strategy.service';
import * as repo from './strategy.repository';
import { presentIndicators, presentMeasurement } from './tree';

/** Indicators of goals and strategies, their yearly targets and their measurements. */

/** What an update may change on an indicator (its goal stays; targets are replaced apart). */
const INDICATOR_FIELDS = ['strategyId', 'name', 'unit', 'direction', 'baseline', 'baselineYear'] as const;

function assertTargets(targets: { fiscalYear: number }[] | undefined) {
  const seen = new Set<number>();
  const fields: Record<string, string> = {};
  (targets ?? []).forEach((t, i) => {
    if (seen.has(t.fiscalYear)) fields[`targets.${i}.fiscalYear`] = 'duplicate_year';
    seen.add(t.fiscalYear);
  });
  refuseFields(fields);
}

async function indicatorOr404(tx: Tx, ctx: TenantContext, id: string) {
  const row = await repo.getIndicator(tx, ctx.tenant.id, id);
  if (!row) throw new AppError('not_found');
  return row;
}

async function assertStrategyOfGoal(tx: Tx, ctx: TenantContext, goalId: string, strategyId: string | null | undefined) {
  if (!strategyId) return;
  const s = await repo.getStrategy(tx, ctx.tenant.id, strategyId);
  if (!s) throw new AppError('validation_failed', { strategyId: 'unknown_strategy' });
  if (s.goalId !== goalId) throw new AppError('validation_failed', { strategyId: 'strategy_not_in_goal' });
}

export async function createIndicator(ctx: TenantContext, input: z.output<typeof indicatorCreate>): Promise<Indicator> {
  assertTargets(input.targets);
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await goalOr(tx, ctx, input.goalId, 'goalId');
    await assertStrategyOfGoal(tx, ctx, input.goalId, input.strategyId);
    const row = await repo.insertIndicator(tx, {
      tenantId: ctx.tenant.id,
      goalId: input.goalId,
      strategyId: input.strategyId ?? null,
      name: input.name,
      unit: input.unit,
      direction: input.direction,
      baseline: input.baseline ?? null,
      baselineYear: input.baselineYear ?? null,
    });
    await repo.insertTargets(tx, ctx.tenant.id, row.id, input.targets);
    await audit(tx, ctx, {
      entity: 'strategy_indicator',
      entityId: row.id,
      entityLabel: row.name,
      action: 'create',
      after: { ...row, targets: input.targets },
    });
    return (await presentIndicators(tx, ctx, [row]))[0];
  });
}

export async function updateIndicator(ctx: TenantContext, id: string, input: z.output<typeof indicatorUpdate>): Promise<Indicator> {
  assertTargets(input.targets);
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await indicatorOr404(tx, ctx, id);
    if (input.strategyId !== undefined) await assertStrategyOfGoal(tx, ctx, before.goalId, input.strategyId);
    const beforeTargets = await repo.targetsOf(tx, ctx.tenant.id, id);
    const after = await repo.updateIndicator(tx, ctx.tenant.id, id, withUpdates(before, input, INDICATOR_FIELDS));
    if (input.targets) {
      await repo.deleteTargets(tx, ctx.tenant.id, id);
      await repo.insertTargets(tx, ctx.tenant.id, id, input.targets);
    }
    await audit(tx, ctx, {
      entity: 'strategy_indicator',
      entityId: id,
      entityLabel: after.name,
      action: 'update',
      before: { ...before, targets: beforeTargets },
      after: { ...after, targets: input.targets ? [...input.targets].sort((a, b) => a.fiscalYear - b.fiscalYear) : beforeTargets },
    });
    return (await presentIndicators(tx, ctx, [after]))[0];
  });
}

export async function deleteIndicator(ctx: TenantContext, id: string) {
  await deleteAudited(ctx, id, 'strategy_indicator', indicatorOr404, repo.deleteIndicator, (i) => ({ goalId: i.goalId, name: i.name, unit: i.unit }));
}

export async function addMeasurement(ctx: TenantContext, indicatorId: string, input: z.output<typeof measurementCreate>): Promise<Measurement> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const ind = await indicatorOr404(tx, ctx, indicatorId);
    const row = await repo.insertMeasurement(tx, {
      tenantId: ctx.tenant.id,
      indicatorId,
      value: input.value,
      measuredOn: input.measuredOn,
      fiscalYear: fiscalYearOf(input.measuredOn),
      source: input.source ?? null,
      evidenceNote: input.evidenceNote ?? null,
      evidenceUrl: input.evidenceUrl ?? null,
    });
    const m = presentMeasurement(row);
    const { createdAt: _c, files: _f, ...after } = m;
    await audit(tx, ctx, { entity: 'strategy_measurement', entityId: row.id, entityLabel: `${ind.name}: ${row.value} ${ind.unit}`, action: 'create', after });
    return m;
  });
}

export async function listMeasurements(ctx: TenantContext, indicatorId: string, page: number, pageSize: number): Promise<ListResult<Measurement>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await indicatorOr404(tx, ctx, indicatorId);
    const { rows, total } = await repo.listMeasurements(tx, ctx.tenant.id, indicatorId, pageSize, (page - 1) * pageSize);
    const files = await filesOfMeasurements(tx, ctx, rows);
    return { items: rows.map((m) => presentMeasurement(m, files.get(m.id))), total, page, pageSize };
  });
}

export async function deleteMeasurement(ctx: TenantContext, indicatorId: string, id: string) {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const ind = await indicatorOr404(tx, ctx, indicatorId);
    const before = await repo.getMeasurement(tx, ctx.tenant.id, indicatorId, id);
    if (!before) throw new AppError('not_found');
    await repo.deleteMeasurement(tx, ctx.tenant.id, id);
    await audit(tx, ctx, {
      entity: 'strategy_measurement',
      entityId: id,
      entityLabel: `${ind.name}: ${before.value} ${ind.unit}`,
      action: 'delete',
      before: { value: before.value, measuredOn: before.measuredOn },
    });
  });
}
