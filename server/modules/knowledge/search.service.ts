import { sql } from 'drizzle-orm';
import type { GlobalHit, GlobalSearchResult } from '../../../common/schemas/knowledge';
import { ORG_TYPE_TH, SECTOR_TH } from '../../../common/schemas/labels';
import type { OrgType, Sector } from '../../../common/schemas/enums';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { formatThaiDate } from '../../../common/thai/dates';
import { likePattern } from '../../platform/sql';
import { listItems } from './knowledge.service';
import { useTypoThreshold } from './search-plan';
import { normalizeText, parseQuery, snippet } from './thai-text';

type Rows<T> = { rows: (T & { total: number })[] };

/**
 * The global search box: knowledge through the Thai full-text index (snippets included), and networks,
 * partners and forums by name (substring, ILIKE on trigram indexes, or a close spelling, pg_trgm word similarity).
 */
export async function globalSearch(ctx: TenantContext, q: string, limit: number): Promise<GlobalSearchResult> {
  const knowledge = await listItems(ctx, { q, page: 1, pageSize: limit });
  const raw = normalizeText(q).trim();
  const p = likePattern(raw);
  const parsed = parseQuery(raw);
  const t = ctx.tenant.id;
  const { networks, partners, forums } = await withTenant(ctx.db, t, async (tx) => {
    const run = async <T>(query: ReturnType<typeof sql>) => ((await tx.execute(query)) as unknown as Rows<T>).rows;
    await useTypoThreshold(tx);
    const networks = await run<{ id: string; name: string; name_en: string | null; description: string | null }>(sql`
        select id, name, name_en, description, (count(*) over ())::int as total from networks
        where tenant_id = ${t} and (name ilike ${p} or name_en ilike ${p} or description ilike ${p} or array_to_string(tags, ' ') ilike ${p} or ${raw} <% name)
        order by (name ilike ${p}) desc, word_similarity(${raw}, name) desc, name collate "und-x-icu", id limit ${limit}`);
    const partners = await run<{ id: string; name: string; position: string | null; sector: string; org_type: string | null }>(sql`
        select id, name, position, sector, org_type, (count(*) over ())::int as total from parties
        where tenant_id = ${t} and (name ilike ${p} or name_en ilike ${p} or position ilike ${p} or ${raw} <% name)
        order by (name ilike ${p}) desc, word_similarity(${raw}, name) desc, name collate "und-x-icu", id limit ${limit}`);
    const forums = await run<{ id: string; title: string; held_on: string; place: string | null; description: string | null }>(sql`
        select id, title, held_on::text, place, description, (count(*) over ())::int as total from knowledge_forums
        where tenant_id = ${t} and (title ilike ${p} or place ilike ${p} or description ilike ${p} or array_to_string(topics, ' ') ilike ${p} or ${raw} <% title)
        order by (title ilike ${p}) desc, word_similarity(${raw}, title) desc, held_on desc, id limit ${limit}`);
    return { networks, partners, forums };
  });
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
