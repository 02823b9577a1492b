import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tenantParams } from '../../../common/schemas/api';
import { dashboard, type Dashboard } from '../../../common/schemas/platform';
import { anyTenantRole } from '../../platform/access';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { recentAudit } from '../audit/audit.routes';

type Count = { key: string; count: number };

/** Everything the dashboard shows, counted in the database (one query per chart). */
export async function getDashboard(ctx: TenantContext): Promise<Dashboard> {
  const t = ctx.tenant.id;
  return withTenant(ctx.db, t, async (tx) => {
    const rows = async (q: ReturnType<typeof sql>) => ((await tx.execute(q)) as unknown as { rows: Count[] }).rows;
    const [totals] = (
      (await tx.execute(sql`select
        (select count(*)::int from networks where tenant_id = ${t}) as networks,
        (select count(*)::int from parties where tenant_id = ${t}) as partners,
        (select count(*)::int from parties where tenant_id = ${t} and kind = 'organization') as organizations,
        (select count(*)::int from parties where tenant_id = ${t} and kind = 'person') as people,
        (select count(*)::int from network_members where tenant_id = ${t}) as memberships,
        (select count(*)::int from party_relationships where tenant_id = ${t}) as relationships`)) as unknown as { rows: Dashboard['totals'][] }
    ).rows;
    const [byPillar, byStage, byIssue, bySector, recent] = [
      await rows(
        sql`select pillar as key, count(*)::int as count from networks where tenant_id = ${t} group by pillar order by array_position(array['local','locality','people'], pillar)`,
      ),
      await rows(
        sql`select stage as key, count(*)::int as count from networks where tenant_id = ${t} group by stage order by array_position(array['seek','develop','build','sustain'], stage)`,
      ),
      await rows(
        sql`select issue as key, count(*)::int as count from networks, unnest(issues) as issue where tenant_id = ${t} group by issue order by count(*) desc, issue`,
      ),
      await rows(sql`select sector as key, count(*)::int as count from parties where tenant_id = ${t} group by sector order by count(*) desc, sector`),
      await recentAudit(tx, t, 10),
    ];
    return { totals, networksByPillar: byPillar, networksByStage: byStage, networksByIssue: byIssue, partnersBySector: bySector, recentActivity: recent };
  });
}

export async function dashboardRoutes(app: FastifyInstance) {
  app
    .withTypeProvider<ZodTypeProvider>()
    .get(
      '/api/v1/t/:tenant/dashboard',
      {
        config: { access: anyTenantRole },
        schema: { tags: ['dashboard'], summary: 'Counts for the dashboard charts and recent activity', params: tenantParams, response: { 200: dashboard } },
      },
      (req) => getDashboard(req.tenantCtx),
    );
}
