import { sql } from 'drizzle-orm';
import { can } from '../../../common/permissions';
import type { Dashboard } from '../../../common/schemas/platform';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { rows } from '../../platform/sql';
import { recentAudit } from '../audit/audit.repository';

type Counts = Pick<Dashboard, 'totals' | 'networksByPillar' | 'networksByStage' | 'networksByIssue' | 'partnersBySector'>;

/**
 * Everything the dashboard counts, in one statement (one round trip): each chart is a json array built
 * in the database. Recent activity is a second statement, for admins and officers only.
 */
export async function getDashboard(ctx: TenantContext): Promise<Dashboard> {
  const t = ctx.tenant.id;
  return withTenant(ctx.db, t, async (tx) => {
    const [counts] = await rows<Counts>(
      tx,
      sql`with n as (select pillar, stage, issues from networks where tenant_id = ${t}),
        p as (select kind, sector from parties where tenant_id = ${t})
      select
        json_build_object(
          'networks', (select count(*) from n),
          'partners', (select count(*) from p),
          'organizations', (select count(*) from p where kind = 'organization'),
          'people', (select count(*) from p where kind = 'person'),
          'memberships', (select count(*) from network_members where tenant_id = ${t}),
          'relationships', (select count(*) from party_relationships where tenant_id = ${t})
        ) as "totals",
        (select coalesce(json_agg(json_build_object('key', pillar, 'count', c) order by array_position(array['local','locality','people'], pillar)), '[]')
           from (select pillar, count(*)::int as c from n group by pillar) x) as "networksByPillar",
        (select coalesce(json_agg(json_build_object('key', stage, 'count', c) order by array_position(array['seek','develop','build','sustain'], stage)), '[]')
           from (select stage, count(*)::int as c from n group by stage) x) as "networksByStage",
        (select coalesce(json_agg(json_build_object('key', issue, 'count', c) order by c desc, issue), '[]')
           from (select issue, count(*)::int as c from n, unnest(n.issues) as issue group by issue) x) as "networksByIssue",
        (select coalesce(json_agg(json_build_object('key', sector, 'count', c) order by c desc, sector), '[]')
           from (select sector, count(*)::int as c from p group by sector) x) as "partnersBySector"`,
    );
    // the latest audit events (without what changed) for those who run the place
    const recentActivity = ctx.actor.role !== 'system' && can(ctx.actor.role, 'seeRecentActivity') ? await recentAudit(tx, t, 10) : [];
    return { ...counts, recentActivity };
  });
}
