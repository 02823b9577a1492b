import type { z } from 'zod';
import type { KnowledgeMetrics, KnowledgeType, metricsQuery } from '../../../common/schemas/knowledge';
import { fiscalYearOf, fiscalYearRange } from '../../../common/thai/dates';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { metricsRows } from './metrics.repository';

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

  return withTenant(ctx.db, t, async (tx) => {
    const [itemDays, hostDays, joinDays, totalItemDays, forumDays, viewDays, reused, mostRead] = await metricsRows(tx, t, ctx, range, q);

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
