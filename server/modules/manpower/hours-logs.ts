import { hoursOf, type HourLog, type HourStatus } from '../../../common/schemas/manpower';
import { audit, type AuditEvent } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import type { Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { isoTime } from '../../platform/sql';
import { selectLogs, updateLog, type LogRow, type LogValues, type Viewer } from './hours.repository';
import { actorPartyId, isEditor, reviewableNetworks } from './shared';

/** What logging and reviewing hours share: who is looking, one log as the API shows it, what the audit records of it, and a change to it. */

export const presentLog = (r: LogRow): HourLog => ({
  id: r.id,
  person: { id: r.partyId, name: r.personName },
  activity: r.activity,
  task: r.task,
  date: r.date,
  fiscalYear: r.fiscalYear,
  minutes: r.minutes,
  hours: hoursOf(r.minutes),
  note: r.note,
  status: r.status as HourStatus,
  returnReason: r.returnReason,
  reviewedBy: r.reviewedBy,
  reviewedAt: r.reviewedAt ? isoTime(r.reviewedAt) : null,
  canReview: r.canReview,
  createdAt: isoTime(r.createdAt),
});

export async function viewerOf(tx: Tx, ctx: TenantContext): Promise<Viewer> {
  return { partyId: await actorPartyId(tx, ctx), networks: await reviewableNetworks(tx, ctx) };
}

/** One log; a member sees only their own (anyone else's is "not found"). */
export async function loadLog(tx: Tx, ctx: TenantContext, v: Viewer, id: string): Promise<HourLog> {
  const [row] = await selectLogs(tx, ctx.tenant.id, v, { id }, 1);
  if (!row) throw new AppError('not_found');
  if (!isEditor(ctx) && row.partyId !== v.partyId) throw new AppError('not_found');
  return presentLog(row);
}

export const auditView = (l: HourLog) => ({
  personId: l.person.id,
  activityId: l.activity.id,
  taskId: l.task?.id ?? null,
  date: l.date,
  minutes: l.minutes,
  note: l.note,
  status: l.status,
  returnReason: l.returnReason,
});

/** Change one log, read it back as the viewer sees it and audit the change (`action`: update, approve, return). */
export async function changeLog(
  tx: Tx,
  ctx: TenantContext,
  v: Viewer,
  before: HourLog,
  set: Partial<LogValues>,
  action: AuditEvent['action'],
): Promise<HourLog> {
  await updateLog(tx, ctx.tenant.id, before.id, set);
  const after = await loadLog(tx, ctx, v, before.id);
  await audit(tx, ctx, {
    entity: 'volunteer_hours',
    entityId: before.id,
    entityLabel: after.person.name,
    action,
    before: auditView(before),
    after: auditView(after),
  });
  return after;
}
