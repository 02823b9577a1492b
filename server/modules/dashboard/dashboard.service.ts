import { can } from '../../../common/permissions';
import type { Dashboard } from '../../../common/schemas/platform';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { recentAudit } from '../audit/audit.repository';
import { dashboardCounts } from './dashboard.repository';

/** The counts (one statement) and, for admins and officers only, recent activity (a second). */
export async function getDashboard(ctx: TenantContext): Promise<Dashboard> {
  const t = ctx.tenant.id;
  return withTenant(ctx.db, t, async (tx) => {
    const counts = await dashboardCounts(tx, t);
    // the latest audit events (without what changed) for those who run the place
    const recentActivity = ctx.actor.role !== 'system' && can(ctx.actor.role, 'seeRecentActivity') ? await recentAudit(tx, t, 10) : [];
    return { ...counts, recentActivity };
  });
}
