import { sql } from 'drizzle-orm';
import type { Dashboard } from '../../../common/schemas/platform';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';

export type DashboardCounts = Pick<Dashboard, 'totals' | 'networksByPillar' | 'networksByStage' | 'networksByIssue' | 'partnersBySector'>;

/**
 * Everything the dashboard counts, in one statement (one round trip): each chart is a json array built in the
 * database. A read model over networks, partners and relationships (reads only).
 */
export async function dashboardCounts(tx: Tx, t: string): Promise<DashboardCounts> {
  const [counts] = await rows<DashboardCounts>(
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
  return counts;
}
