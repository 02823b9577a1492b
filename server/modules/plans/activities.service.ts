import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { EvidenceFile } from '../../../common/schemas/evidence';
import type { activityCreate, activityUpdate, progressCreate, ProgressReport } from '../../../common/schemas/plans';
import { audit, auditMany } from '../../platform/audit';
import { type TenantContext, actorUserId } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { isoTime } from '../../platform/sql';
import { filesOfReports } from '../evidence/evidence.service';
import { assertParties, assertWorkDates, planOr404, touchPlan, WORK_FIELDS } from './checks';
import { uniq } from '../../../common/arrays';
import { withUpdates } from '../../../common/objects';
import { loadDetail } from './detail';
import * as repo from './work.repository';

/** A project's activities and their progress reports. */

/** What an update may change on an activity. */
const ACTIVITY_FIELDS = [...WORK_FIELDS, 'budgetSatang'] as const;

export async function createActivity(ctx: TenantContext, planId: string, projectId: string, input: z.output<typeof activityCreate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await planOr404(tx, ctx, planId);
    const project = await repo.getProject(tx, ctx.tenant.id, planId, projectId);
    if (!project) throw new AppError('not_found');
    assertWorkDates(plan, input.startDate, input.endDate);
    await assertParties(tx, ctx, input.leadPartyId, input.supportingPartyIds);
    const next = await repo.nextActivitySort(tx, ctx.tenant.id, projectId);
    const row = await repo.insertActivity(tx, {
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
    });
    await audit(tx, ctx, { entity: 'plan_activity', entityId: row.id, entityLabel: `${project.name}: ${row.name}`, action: 'create', after: row });
    await touchPlan(tx, ctx, planId);
    return { id: row.id, plan: await loadDetail(tx, ctx, planId) };
  });
}

export async function updateActivity(ctx: TenantContext, planId: string, activityId: string, input: z.output<typeof activityUpdate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const plan = await planOr404(tx, ctx, planId);
    const before = await repo.getActivity(tx, ctx.tenant.id, planId, activityId);
    if (!before) throw new AppError('not_found');
    const next = withUpdates(before, { ...input, supportingPartyIds: input.supportingPartyIds && uniq(input.supportingPartyIds) }, ACTIVITY_FIELDS);
    assertWorkDates(plan, next.startDate, next.endDate);
    await assertParties(tx, ctx, input.leadPartyId, input.supportingPartyIds);
    const after = await repo.updateActivity(tx, ctx.tenant.id, activityId, next);
    await audit(tx, ctx, {
      entity: 'plan_activity',
      entityId: activityId,
      entityLabel: after.name,
      action: 'update',
      before,
      after,
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
    await repo.deleteActivity(tx, ctx.tenant.id, activityId);
    await audit(tx, ctx, { entity: 'plan_activity', entityId: activityId, entityLabel: before.name, action: 'delete', before });
    await touchPlan(tx, ctx, planId);
    return { id: activityId, plan: await loadDetail(tx, ctx, planId) };
  });
}

function presentReport(r: repo.ReportRow, files: EvidenceFile[] = []): ProgressReport {
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
    const row = await repo.insertReport(tx, {
      tenantId: ctx.tenant.id,
      activityId,
      reportedOn: input.reportedOn,
      text: input.text,
      percentage: input.percentage,
      photoUrls: input.photoUrls,
      reportedByUserId: actorUserId(ctx),
      reportedByName: ctx.actor.user.name,
    });
    const progress = await repo.latestPercentage(tx, ctx.tenant.id, activityId);
    let status = input.status ?? before.status;
    if (!input.status && before.status !== 'cancelled') {
      if (progress === 100) status = 'done';
      else if (progress > 0 && (before.status === 'planned' || before.status === 'done')) status = 'in_progress';
    }
    await repo.updateActivity(tx, ctx.tenant.id, activityId, { progress, status });
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
