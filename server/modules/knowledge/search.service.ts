import type { GlobalHit, GlobalSearchResult } from '../../../common/schemas/knowledge';
import { ORG_TYPE_TH, SECTOR_TH } from '../../../common/schemas/labels';
import type { OrgType, Sector } from '../../../common/schemas/enums';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { formatThaiDate } from '../../../common/thai/dates';
import { listItems } from './search-planner';
import { globalMatches } from './search.repository';
import { normalizeText, parseQuery, snippet } from './thai-text';

/**
 * The global search box: knowledge through the Thai full-text index (snippets included), and networks,
 * partners and forums by name (substring, ILIKE on trigram indexes, or a close spelling, pg_trgm word similarity).
 */
export async function globalSearch(ctx: TenantContext, q: string, limit: number): Promise<GlobalSearchResult> {
  const knowledge = await listItems(ctx, { q, page: 1, pageSize: limit });
  const raw = normalizeText(q).trim();
  const parsed = parseQuery(raw);
  const { networks, partners, forums } = await withTenant(ctx.db, ctx.tenant.id, (tx) => globalMatches(tx, ctx.tenant.id, raw, limit));
  const mark = (text: string | null) => (text ? (snippet(text, parsed)?.html ?? null) : null);
  const items: GlobalHit[] = [
    ...knowledge.items.map((k): GlobalHit => ({ kind: 'knowledge', id: k.id, title: k.title, subtitle: k.networks[0]?.name ?? null, snippet: k.snippet })),
    ...networks.map((n): GlobalHit => ({ kind: 'network', id: n.id, title: n.name, subtitle: n.name_en, snippet: mark(n.description) })),
    ...partners.map((r): GlobalHit => ({
      kind: 'partner',
      id: r.id,
      title: r.name,
      subtitle: r.position ?? (r.org_type ? ORG_TYPE_TH[r.org_type as OrgType] : null) ?? SECTOR_TH[r.sector as Sector] ?? null,
      snippet: null,
    })),
    ...forums.map((f): GlobalHit => ({
      kind: 'forum',
      id: f.id,
      title: f.title,
      subtitle: [formatThaiDate(f.held_on, { locale: ctx.lang }), f.place].filter(Boolean).join(' · '),
      snippet: mark(f.description),
    })),
  ];
  return {
    q,
    items,
    totals: { knowledge: knowledge.total, network: networks[0]?.total ?? 0, partner: partners[0]?.total ?? 0, forum: forums[0]?.total ?? 0 },
  };
}
