import { inOrder } from '../../platform/in-order';
import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { KnowledgeMetrics, KnowledgeType, metricsQuery } from '../../../common/schemas/knowledge';
import { fiscalYearOf, fiscalYearRange } from '../../../common/thai/dates';
import { knowledgeItems } from '../../db/schema';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { visibleTo } from './knowledge.repository';

type Rows<T> = { rows: T[] };

/**
 * Sharing metrics. The database groups by day (and network); days are folded into Thai fiscal years here
 * with fiscalYearOf, so the rule for fiscal years lives in one place (common/thai).
 * - items per network: `itemsProduced` when it is the item's home (first) network, `itemsLinked` for any link;
 * - forums: hosted by the network, or joined (the network is listed among the participants), and head counts;
 * - reuse: items linked to networks beyond their home network, or read by users whose partner belongs to
 *   some network but to none of the item's networks (current memberships);
 * - most read: reads (one per reader per day, repeated opens counted) and distinct readers.
 * Only items the caller may see are counted.
 */
export async function knowledgeMetrics(ctx: TenantContext, q: z.output<typeof metricsQuery>): Promise<KnowledgeMetrics> {
  const t = ctx.tenant.id;
  const range = q.fiscalYear ? fiscalYearRange(q.fiscalYear) : null;
  const inRange = (col: SQL) => (range ? sql`and ${col} between ${range.start} and ${range.end}` : sql``);
  const visible = visibleTo(ctx);
  const itemVisible = visible ? sql`and ${visible}` : sql``;
  const netFilter = (col: SQL) => (q.networkId ? sql`and ${col} = ${q.networkId}` : sql``);

  return withTenant(ctx.db, t, async (tx) => {
    // lazy: each query starts only when inOrder awaits it (one connection, no overlapping queries)
    const run = <T>(query: SQL): PromiseLike<T[]> => ({
      then: (ok, fail) =>
        tx
          .execute(query)
          .then((r) => (r as unknown as Rows<T>).rows)
          .then(ok, fail),
    });
    const [itemDays, hostDays, joinDays, totalItemDays, forumDays, viewDays, reused, mostRead] = await inOrder([
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

    const years = new Set<number>();
    const fy = (day: string) => {
      const y = fiscalYearOf(day);
      years.add(y);
      return y;
    };
    type NetRow = KnowledgeMetrics['byNetwork'][number];
    const byNet = new Map<string, NetRow>();
    const net = (id: string, name: string, year: number) => {
      const key = `${id}|${year}`;
      let r = byNet.get(key);
      if (!r)
        byNet.set(
          key,
          (r = { networkId: id, networkName: name, fiscalYear: year, itemsProduced: 0, itemsLinked: 0, forumsHosted: 0, forumsJoined: 0, attendance: 0 }),
        );
      return r;
    };
    for (const r of itemDays) {
      const n = net(r.network_id, r.name, fy(r.day));
      n.itemsProduced += r.produced;
      n.itemsLinked += r.linked;
    }
    for (const r of hostDays) {
      const n = net(r.network_id, r.name, fy(r.day));
      n.forumsHosted += r.forums;
      n.attendance += r.attendance;
    }
    for (const r of joinDays) {
      const n = net(r.network_id, r.name, fy(r.day));
      n.forumsJoined += r.forums;
      n.attendance += r.attendance;
    }
    const totals = new Map<number, KnowledgeMetrics['totals'][number]>();
    const total = (year: number) => totals.get(year) ?? totals.set(year, { fiscalYear: year, items: 0, forums: 0, attendance: 0, views: 0 }).get(year)!;
    for (const r of totalItemDays) total(fy(r.day)).items += r.items;
    for (const r of forumDays) {
      const x = total(fy(r.day));
      x.forums += r.forums;
      x.attendance += r.attendance;
    }
    for (const r of viewDays) total(fy(r.day)).views += r.views;

    return {
      fiscalYears: [...years].sort((a, b) => a - b),
      totals: [...totals.values()].sort((a, b) => a.fiscalYear - b.fiscalYear),
      byNetwork: [...byNet.values()].sort(
        (a, b) =>
          a.fiscalYear - b.fiscalYear ||
          b.itemsProduced + b.forumsHosted - (a.itemsProduced + a.forumsHosted) ||
          a.networkName.localeCompare(b.networkName, 'th'),
      ),
      reused: reused.map((r) => ({
        id: r.id,
        title: r.title,
        homeNetwork: r.home_id && r.home_name ? { id: r.home_id, name: r.home_name } : null,
        otherNetworksLinked: r.other_linked,
        otherNetworkReaders: r.other_readers,
      })),
      mostRead: mostRead.map((r) => ({ id: r.id, title: r.title, type: r.type as KnowledgeType, views: r.views, readers: r.readers })),
    };
  });
}
