import { z } from 'zod';
import { can } from '../../../common/permissions';
import { dashboard, type Dashboard } from '../../../common/schemas/platform';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { cachedTenantPage, type CachedPage } from '../../platform/page-cache';
import { recentAudit } from '../audit/audit.repository';
import { dashboardCounts } from './dashboard.repository';

/** The counts (one statement) and, for admins and officers only, recent activity (a second). */
export async function getDashboard(ctx: TenantContext): Promise<Dashboard> {
  const t = ctx.tenant.id;
  return withTenant(ctx.db, t, async (tx) => {
    const counts = await dashboardCounts(tx, t);
    // the latest audit events (without what changed) for those who run the place
    const recentActivity = seesRecentActivity(ctx) ? await recentAudit(tx, t, 10) : [];
    return { ...counts, recentActivity };
  });
}

const seesRecentActivity = (ctx: TenantContext) => ctx.actor.role !== 'system' && can(ctx.actor.role, 'seeRecentActivity');

/**
 * The dashboard as JSON text, from the page cache while the tenant's data is unchanged (platform/page-cache.ts).
 * The answer differs by role only in whether recent activity is shown, so that is its key. Encoded with the
 * route's schema exactly as the route's serializer would.
 */
export function getDashboardJson(ctx: TenantContext): Promise<CachedPage> {
  const key = `dashboard activity=${seesRecentActivity(ctx)}`;
  return cachedTenantPage(ctx, key, async () => JSON.stringify(z.encode(dashboard, await getDashboard(ctx))));
}
