import { sql, type SQL } from 'drizzle-orm';
import { knowledgeItems } from '../../db/schema';
import type { TenantContext } from '../../platform/context';
import type { Tx } from '../../platform/db';
import { inOrder } from '../../platform/in-order';
import { rows } from '../../platform/sql';
import { visibleTo } from './knowledge.repository';

/**
 * The rows the sharing metrics fold into fiscal years (metrics.ts): per day (and network) items, forums hosted
 * and joined, totals, reads; the reused and most-read items. `viewer` limits items to what the caller may see,
 * `range` the days (inclusive), `networkId` to one network.
 */
export async function metricsRows(
  tx: Tx,
  t: string,
  viewer: TenantContext,
  range: { start: string; end: string } | null,
  q: { networkId?: string; top: number },
) {
  const inRange = (col: SQL) => (range ? sql`and ${col} between ${range.start} and ${range.end}` : sql``);
  const visible = visibleTo(viewer);
  const itemVisible = visible ? sql`and ${visible}` : sql``;
  const netFilter = (col: SQL) => (q.networkId ? sql`and ${col} = ${q.networkId}` : sql``);
  // lazy: each query starts only when inOrder awaits it (one connection, no overlapping queries)
  const run = <T>(query: SQL): PromiseLike<T[]> => ({
    then: (ok, fail) => rows<T>(tx, query).then(ok, fail),
  });
  return inOrder([
    run<{ network_id: string; name: string; day: string; produced: number; linked: number }>(sql`
      select kn.network_id, n.name, ${knowledgeItems.publishedOn}::text as day,
        count(*) filter (where kn.position = 0)::int as produced, count(*)::int as linked
      from knowledge_item_networks kn
      join ${knowledgeItems} on ${knowledgeItems.tenantId} = kn.tenant_id and ${knowledgeItems.id} = kn.item_id
      join networks n on n.tenant_id = kn.tenant_id and n.id = kn.network_id
      where kn.tenant_id = ${t} ${itemVisible} ${inRange(sql`${knowledgeItems.publishedOn}`)} ${netFilter(sql`kn.network_id`)}
      group by 1, 2, 3`),
    run<{ network_id: string; name: string; day: string; forums: number; attendance: number }>(sql`
      select f.host_network_id as network_id, n.name, f.held_on::text as day, count(*)::int as forums,
        sum(f.other_head_count + coalesce((select sum(p.head_count) from knowledge_forum_participants p where p.tenant_id = f.tenant_id and p.forum_id = f.id), 0))::int as attendance
      from knowledge_forums f join networks n on n.tenant_id = f.tenant_id and n.id = f.host_network_id
      where f.tenant_id = ${t} ${inRange(sql`f.held_on`)} ${netFilter(sql`f.host_network_id`)}
      group by 1, 2, 3`),
    run<{ network_id: string; name: string; day: string; forums: number; attendance: number }>(sql`
      select p.network_id, n.name, f.held_on::text as day, count(distinct f.id)::int as forums, sum(p.head_count)::int as attendance
      from knowledge_forum_participants p
      join knowledge_forums f on f.tenant_id = p.tenant_id and f.id = p.forum_id
      join networks n on n.tenant_id = p.tenant_id and n.id = p.network_id
      where p.tenant_id = ${t} and (f.host_network_id is null or f.host_network_id <> p.network_id) ${inRange(sql`f.held_on`)} ${netFilter(sql`p.network_id`)}
      group by 1, 2, 3`),
    run<{ day: string; items: number }>(sql`
      select ${knowledgeItems.publishedOn}::text as day, count(*)::int as items from ${knowledgeItems}
      where ${knowledgeItems.tenantId} = ${t} ${itemVisible} ${inRange(sql`${knowledgeItems.publishedOn}`)}
        ${q.networkId ? sql`and exists (select 1 from knowledge_item_networks kn where kn.tenant_id = ${knowledgeItems.tenantId} and kn.item_id = ${knowledgeItems.id} and kn.network_id = ${q.networkId})` : sql``}
      group by 1`),
    run<{ day: string; forums: number; attendance: number }>(sql`
      select f.held_on::text as day, count(*)::int as forums,
        sum(f.other_head_count + coalesce((select sum(p.head_count) from knowledge_forum_participants p where p.tenant_id = f.tenant_id and p.forum_id = f.id), 0))::int as attendance
      from knowledge_forums f
      where f.tenant_id = ${t} ${inRange(sql`f.held_on`)}
        ${q.networkId ? sql`and (f.host_network_id = ${q.networkId} or exists (select 1 from knowledge_forum_participants p where p.tenant_id = f.tenant_id and p.forum_id = f.id and p.network_id = ${q.networkId}))` : sql``}
      group by 1`),
    run<{ day: string; views: number }>(sql`
      select v.viewed_on::text as day, sum(v.count)::int as views
      from knowledge_views v join ${knowledgeItems} on ${knowledgeItems.tenantId} = v.tenant_id and ${knowledgeItems.id} = v.item_id
      where v.tenant_id = ${t} ${itemVisible} ${inRange(sql`v.viewed_on`)}
        ${q.networkId ? sql`and exists (select 1 from knowledge_item_networks kn where kn.tenant_id = v.tenant_id and kn.item_id = v.item_id and kn.network_id = ${q.networkId})` : sql``}
      group by 1`),
    run<{ id: string; title: string; home_id: string | null; home_name: string | null; other_linked: number; other_readers: number }>(sql`
      select * from (
        select ${knowledgeItems.id} as id, ${knowledgeItems.title} as title, home.id as home_id, home.name as home_name,
          greatest((select count(*) from knowledge_item_networks kn where kn.tenant_id = ${knowledgeItems.tenantId} and kn.item_id = ${knowledgeItems.id}) - 1, 0)::int as other_linked,
          (select count(distinct v.user_id) from knowledge_views v
            where v.tenant_id = ${knowledgeItems.tenantId} and v.item_id = ${knowledgeItems.id} and v.viewer_party_id is not null ${inRange(sql`v.viewed_on`)}
              and exists (select 1 from network_members nm where nm.tenant_id = v.tenant_id and nm.party_id = v.viewer_party_id)
              and not exists (select 1 from network_members nm join knowledge_item_networks kn on kn.tenant_id = nm.tenant_id and kn.network_id = nm.network_id
                where nm.tenant_id = v.tenant_id and nm.party_id = v.viewer_party_id and kn.item_id = v.item_id))::int as other_readers
        from ${knowledgeItems}
        left join lateral (select n.id, n.name from knowledge_item_networks kn join networks n on n.tenant_id = kn.tenant_id and n.id = kn.network_id
          where kn.tenant_id = ${knowledgeItems.tenantId} and kn.item_id = ${knowledgeItems.id} order by kn.position limit 1) home on true
        where ${knowledgeItems.tenantId} = ${t} ${itemVisible}
          ${q.networkId ? sql`and home.id = ${q.networkId}` : sql``}
      ) r where other_linked > 0 or other_readers > 0
      order by other_linked + other_readers desc, title limit ${q.top}`),
    run<{ id: string; title: string; type: string; views: number; readers: number }>(sql`
      select ${knowledgeItems.id} as id, ${knowledgeItems.title} as title, ${knowledgeItems.type} as type, sum(v.count)::int as views, count(distinct v.user_id)::int as readers
      from knowledge_views v join ${knowledgeItems} on ${knowledgeItems.tenantId} = v.tenant_id and ${knowledgeItems.id} = v.item_id
      where v.tenant_id = ${t} ${itemVisible} ${inRange(sql`v.viewed_on`)}
        ${q.networkId ? sql`and exists (select 1 from knowledge_item_networks kn where kn.tenant_id = v.tenant_id and kn.item_id = v.item_id and kn.network_id = ${q.networkId})` : sql``}
      group by 1, 2, 3 order by views desc, readers desc, title limit ${q.top}`),
  ]);
}
