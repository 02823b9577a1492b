import type { z } from 'zod';
import type { projectCreate, projectUpdate } from '../../../common/schemas/plans';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { assertParties, assertStrategyLinks, assertWorkDates, planOr404, touchPlan, WORK_FIELDS } from './checks';
import { uniq } from '../../../common/arrays';
import { withUpdates } from '../../../common/objects';
import { loadDetail } from './detail';
import * as repo from './work.repository';

/** A plan's projects: each answer carries the whole plan again. */

/** What an update may change on a project (its indicators aside). */
const PROJECT_FIELDS = [...WORK_FIELDS, 'strategyId', 'weightBy'] as const;

export async function createProject(ctx: TenantContext, planId: string, input: z.output<typeof projectCreate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await planOr404(tx, ctx, planId);
    assertWorkDates(plan, input.startDate, input.endDate);
    await assertParties(tx, ctx, input.leadPartyId, input.supportingPartyIds);
    const indicatorIds = uniq(input.indicatorIds);
    await assertStrategyLinks(tx, ctx, input.strategyId, indicatorIds);
    const next = await repo.nextProjectSort(tx, ctx.tenant.id, planId);
    const row = await repo.insertProject(tx, {
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
    });
    await repo.setProjectIndicators(tx, ctx.tenant.id, row.id, indicatorIds, false);
    await audit(tx, ctx, {
      entity: 'plan_project',
      entityId: row.id,
      entityLabel: `${plan.name}: ${row.name}`,
      action: 'create',
      after: { ...row, indicatorIds },
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
    const next = withUpdates(before, { ...input, supportingPartyIds: input.supportingPartyIds && uniq(input.supportingPartyIds) }, PROJECT_FIELDS);
    assertWorkDates(plan, next.startDate, next.endDate);
    await assertParties(tx, ctx, input.leadPartyId, input.supportingPartyIds);
    const indicatorIds = input.indicatorIds ? uniq(input.indicatorIds) : undefined;
    await assertStrategyLinks(tx, ctx, input.strategyId, indicatorIds);
    const after = await repo.updateProject(tx, ctx.tenant.id, projectId, next);
    if (indicatorIds) await repo.setProjectIndicators(tx, ctx.tenant.id, projectId, indicatorIds, true);
    await audit(tx, ctx, {
      entity: 'plan_project',
      entityId: projectId,
      entityLabel: `${plan.name}: ${after.name}`,
      action: 'update',
      before,
      after: { ...after, ...(indicatorIds ? { indicatorIds } : {}) },
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
    await repo.deleteProject(tx, ctx.tenant.id, projectId);
    await audit(tx, ctx, {
      entity: 'plan_project',
      entityId: projectId,
      entityLabel: `${plan.name}: ${before.name}`,
      action: 'delete',
      before,
    });
    await touchPlan(tx, ctx, planId);
    return { id: projectId, plan: await loadDetail(tx, ctx, planId) };
  });
}
