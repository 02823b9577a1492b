import type { HourLog } from '../../../common/schemas/manpower';
import { actorUserId, type TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { changeLog, loadLog, viewerOf } from './hours-logs';

/** Confirm, or return with a reason: only a coordinator of the activity's network (or an admin/officer), never one's own hours. */
export function reviewHours(ctx: TenantContext, id: string, decision: { status: 'confirmed' } | { status: 'returned'; reason: string }): Promise<HourLog> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const v = await viewerOf(tx, ctx);
    const before = await loadLog(tx, ctx, v, id);
    if (!before.canReview) throw new AppError('forbidden');
    if (before.status !== 'pending') throw new AppError('conflict', { status: 'not_pending' });
    return changeLog(
      tx,
      ctx,
      v,
      before,
      {
        status: decision.status,
        returnReason: decision.status === 'returned' ? decision.reason : null,
        reviewedByUserId: actorUserId(ctx),
        reviewedByName: ctx.actor.user.name,
        reviewedAt: new Date(),
        updatedAt: new Date(),
      },
      decision.status === 'confirmed' ? 'approve' : 'return',
    );
  });
}
