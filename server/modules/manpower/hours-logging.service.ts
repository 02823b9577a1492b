import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { HourLog, hoursInput, hoursListQuery, hoursPatch } from '../../../common/schemas/manpower';
import { fiscalYearOf } from '../../../common/thai/dates';
import { audit } from '../../platform/audit';
import { actorUserId, type TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { todayInThailand } from '../../platform/today';
import { auditView, changeLog, loadLog, presentLog, viewerOf } from './hours-logs';
import * as repo from './hours.repository';
import type { Viewer } from './hours.repository';
import { activityExists } from './manpower.repository';
import { assertPeople, isEditor, isOfficer } from './shared';

const DAY_MINUTES = 24 * 60;

export async function listHours(ctx: TenantContext, q: z.output<typeof hoursListQuery>): Promise<ListResult<HourLog>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const v = await viewerOf(tx, ctx);
    const found = await repo.selectLogs(
      tx,
      ctx.tenant.id,
      v,
      {
        // members see their own hours only
        onlyParty: isEditor(ctx) ? undefined : v.partyId,
        personId: q.personId,
        status: q.status,
        fiscalYear: q.fiscalYear,
        activityId: q.activityId,
        taskId: q.taskId,
        networkId: q.networkId,
        teamId: q.teamId,
        q: q.q,
        reviewable: q.reviewable,
      },
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    return { items: found.map(presentLog), total: found[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

export function getHours(ctx: TenantContext, id: string) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => loadLog(tx, ctx, await viewerOf(tx, ctx), id));
}

/** Which activity (and task) the hours are for; both must be this tenant's. */
async function resolveTarget(tx: Tx, tenantId: string, activityId: string | undefined, taskId: string | undefined) {
  if (!activityId && !taskId) throw new AppError('validation_failed', { activityId: 'activity_or_task' });
  if (taskId) {
    const taskActivity = await repo.taskActivityId(tx, tenantId, taskId);
    if (!taskActivity) throw new AppError('validation_failed', { taskId: 'unknown_task' });
    if (activityId && activityId !== taskActivity) throw new AppError('validation_failed', { taskId: 'task_not_in_activity' });
    return { activityId: taskActivity, taskId };
  }
  if (!(await activityExists(tx, tenantId, activityId!))) throw new AppError('validation_failed', { activityId: 'unknown_activity' });
  return { activityId: activityId!, taskId: null };
}

/**
 * One person's hours on one day stay within 24 h across all their logs (returned logs do not
 * count: they are not hours until corrected). An advisory lock on (tenant, person, day) makes
 * two simultaneous logs wait for each other instead of both passing the check.
 */
export async function assertDayWithin24h(tx: Tx, tenantId: string, partyId: string, date: string, minutes: number, exceptId: string | null) {
  const used = await repo.lockedDayMinutes(tx, tenantId, partyId, date, exceptId);
  if (used + minutes > DAY_MINUTES) throw new AppError('validation_failed', { hours: 'day_over_24h' });
}

function assertDate(date: string) {
  if (date > todayInThailand()) throw new AppError('validation_failed', { date: 'date_in_future' });
}

const toMinutes = (hours: number) => Math.round(hours * 60);

export function createHours(ctx: TenantContext, input: z.output<typeof hoursInput>): Promise<HourLog> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const v = await viewerOf(tx, ctx);
    let partyId = input.personId ?? v.partyId;
    if (!isEditor(ctx)) {
      // a member logs their own hours only
      if (!v.partyId) throw new AppError('validation_failed', { personId: 'no_linked_person' });
      if (input.personId && input.personId !== v.partyId) throw new AppError('forbidden');
      partyId = v.partyId;
    }
    if (!partyId) throw new AppError('validation_failed', { personId: 'required' });
    if (!(await assertPeople(tx, tenantId, [partyId])).has(partyId)) throw new AppError('validation_failed', { personId: 'unknown_person' });
    assertDate(input.date);
    const target = await resolveTarget(tx, tenantId, input.activityId, input.taskId);
    const minutes = toMinutes(input.hours);
    await assertDayWithin24h(tx, tenantId, partyId, input.date, minutes, null);
    const id = await repo.insertLog(tx, {
      tenantId,
      partyId,
      activityId: target.activityId,
      taskId: target.taskId,
      workedOn: input.date,
      fiscalYear: fiscalYearOf(input.date),
      minutes,
      note: input.note ?? null,
      loggedByUserId: actorUserId(ctx),
    });
    const log = await loadLog(tx, ctx, v, id);
    await audit(tx, ctx, { entity: 'volunteer_hours', entityId: id, entityLabel: log.person.name, action: 'create', after: auditView(log) });
    return log;
  });
}

/** The person themselves, or an editor, may change or withdraw hours until they are confirmed. */
function assertMayChange(ctx: TenantContext, v: Viewer, log: HourLog) {
  if (log.status === 'confirmed' && !isOfficer(ctx)) throw new AppError('conflict', { status: 'already_confirmed' });
  if (!isEditor(ctx) && log.person.id !== v.partyId) throw new AppError('forbidden');
}

export function updateHours(ctx: TenantContext, id: string, input: z.output<typeof hoursPatch>): Promise<HourLog> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const v = await viewerOf(tx, ctx);
    const before = await loadLog(tx, ctx, v, id);
    assertMayChange(ctx, v, before);
    const date = input.date ?? before.date;
    assertDate(date);
    const target =
      input.activityId !== undefined || input.taskId !== undefined
        ? await resolveTarget(tx, tenantId, input.activityId ?? (input.taskId ? undefined : before.activity.id), input.taskId)
        : { activityId: before.activity.id, taskId: before.task?.id ?? null };
    const minutes = input.hours !== undefined ? toMinutes(input.hours) : before.minutes;
    await assertDayWithin24h(tx, tenantId, before.person.id, date, minutes, id);
    // a changed log goes back to the coordinator
    return changeLog(
      tx,
      ctx,
      v,
      before,
      {
        activityId: target.activityId,
        taskId: target.taskId,
        workedOn: date,
        fiscalYear: fiscalYearOf(date),
        minutes,
        note: input.note !== undefined ? input.note : before.note,
        status: 'pending',
        returnReason: null,
        reviewedByUserId: null,
        reviewedByName: null,
        reviewedAt: null,
        updatedAt: new Date(),
      },
      'update',
    );
  });
}

export function deleteHours(ctx: TenantContext, id: string): Promise<void> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const v = await viewerOf(tx, ctx);
    const before = await loadLog(tx, ctx, v, id);
    assertMayChange(ctx, v, before);
    await repo.deleteLog(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity: 'volunteer_hours', entityId: id, entityLabel: before.person.name, action: 'delete', before: auditView(before) });
  });
}
