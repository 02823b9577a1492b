import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { knowledgeAttachments, knowledgeItems } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { likePattern, rows, thaiOrder, totalOver } from '../../platform/sql';
import { listColumns, orderFor, relationColumns, type ListRow, type RelationColumns } from './knowledge.repository';
import { useTypoThreshold } from './search-plan';

/**
 * The global search box's matches outside knowledge: networks, partners and forums by name (substring, ILIKE
 * on trigram indexes, or a close spelling, pg_trgm word similarity), `limit` each, every row with its total.
 */
export async function globalMatches(tx: Tx, t: string, raw: string, limit: number) {
  const p = likePattern(raw);
  await useTypoThreshold(tx);
  const networks = await rows<{ id: string; name: string; name_en: string | null; description: string | null; total: number }>(
    tx,
    sql`
      select id, name, name_en, description, ${totalOver} as total from networks
      where tenant_id = ${t} and (name ilike ${p} or name_en ilike ${p} or description ilike ${p} or array_to_string(tags, ' ') ilike ${p} or ${raw} <% name)
      order by (name ilike ${p}) desc, word_similarity(${raw}, name) desc, ${thaiOrder(sql`name`)}, id limit ${limit}`,
  );
  const partners = await rows<{ id: string; name: string; position: string | null; sector: string; org_type: string | null; total: number }>(
    tx,
    sql`
      select id, name, position, sector, org_type, ${totalOver} as total from parties
      where tenant_id = ${t} and (name ilike ${p} or name_en ilike ${p} or position ilike ${p} or ${raw} <% name)
      order by (name ilike ${p}) desc, word_similarity(${raw}, name) desc, ${thaiOrder(sql`name`)}, id limit ${limit}`,
  );
  const forums = await rows<{ id: string; title: string; held_on: string; place: string | null; description: string | null; total: number }>(
    tx,
    sql`
      select id, title, held_on::text, place, description, ${totalOver} as total from knowledge_forums
      where tenant_id = ${t} and (title ilike ${p} or place ilike ${p} or description ilike ${p} or array_to_string(topics, ' ') ilike ${p} or ${raw} <% title)
      order by (title ilike ${p}) desc, word_similarity(${raw}, title) desc, held_on desc, id limit ${limit}`,
  );
  return { networks, partners, forums };
}

// ---- the knowledge search (search-planner.ts) ----

export type PageRow = ListRow & RelationColumns & { rank: number; total: number; bodyText: string | null };
/** What a page read needs: the tenant, whether to bring the body text (for snippets), the page. */
export interface PageShape {
  tenantId: string;
  withBody: boolean;
  pageSize: number;
  offset: number;
}

/** A search reads knowledge_items through an index: a sequential scan would de-TOAST every row's vector. */
export async function withoutSeqScan(tx: Tx): Promise<void> {
  await tx.execute(sql`set local enable_seqscan = off`);
}

/** Bitmap scans only for `read`: with an index scan allowed the planner walks the date index, de-TOASTing as it goes. */
export async function withoutIndexScan<T>(tx: Tx, read: () => Promise<T>): Promise<T> {
  await tx.execute(sql`set local enable_indexscan = off`);
  const out = await read();
  await tx.execute(sql`set local enable_indexscan = on`);
  return out;
}

/** The condition "published on or after the date of the `window`-th newest item matching `conds`", if there is one. */
export async function publishedSince(tx: Tx, conds: SQL[], window: number): Promise<SQL | undefined> {
  const [edge] = await tx
    .select({ on: knowledgeItems.publishedOn })
    .from(knowledgeItems)
    .where(and(...conds))
    .orderBy(desc(knowledgeItems.publishedOn))
    .offset(window)
    .limit(1);
  if (!edge) return undefined;
  return sql`${knowledgeItems.publishedOn} >= ${edge.on}`;
}

export async function matchesMoreThan(tx: Tx, where: SQL | undefined, n: number): Promise<boolean> {
  const found = tx
    .select({ one: sql`1`.as('one') })
    .from(knowledgeItems)
    .where(where)
    .limit(n + 1)
    .as('found');
  const [row] = await tx.select({ n: sql<number>`count(*)::int` }).from(found);
  return row.n > n;
}

const pageColumns = (tenantId: string, withBody: boolean) => ({
  ...listColumns,
  ...relationColumns(tenantId),
  bodyText: withBody ? sql<string>`left(${knowledgeItems.bodyText}, 300000)` : sql<null>`null`,
});

/**
 * A page of matches by rank, reading at most `readLimit` of them: the rank is computed in that inner read, so
 * only (id, date, rank) rows reach the count and the sort; the item columns are joined to the page only.
 */
export function rankedPage(tx: Tx, shape: PageShape, where: SQL | undefined, rank: SQL, readLimit: number): Promise<PageRow[]> {
  const candidates = tx
    .select({ id: knowledgeItems.id, publishedOn: knowledgeItems.publishedOn, rank: sql<number>`${rank}`.as('rank') })
    .from(knowledgeItems)
    .where(where)
    .limit(readLimit)
    .as('candidates');
  const ids = tx
    .select({ id: candidates.id, publishedOn: candidates.publishedOn, rank: candidates.rank, total: sql<number>`${totalOver}`.as('total') })
    .from(candidates)
    .orderBy(desc(candidates.rank), desc(candidates.publishedOn), asc(candidates.id))
    .limit(shape.pageSize)
    .offset(shape.offset)
    .as('page_ids');
  return tx
    .select({ ...pageColumns(shape.tenantId, shape.withBody), rank: ids.rank, total: ids.total })
    .from(ids)
    .innerJoin(knowledgeItems, and(eq(knowledgeItems.tenantId, shape.tenantId), eq(knowledgeItems.id, ids.id)))
    .orderBy(desc(ids.rank), desc(ids.publishedOn), asc(ids.id)) as unknown as Promise<PageRow[]>;
}

/** A page of matches in list order (rank 0); with the total over all matches when `counted`. */
export function listedPage(tx: Tx, shape: PageShape, where: SQL | undefined, listOrder: string, counted: boolean): Promise<PageRow[]> {
  const ids = tx
    .select({
      id: knowledgeItems.id,
      rank: sql<number>`0`.as('rank'),
      publishedOn: knowledgeItems.publishedOn,
      total: (counted ? sql<number>`${totalOver}` : sql<number>`0`).as('total'),
    })
    .from(knowledgeItems)
    .where(where)
    .orderBy(...orderFor(listOrder, shape.tenantId))
    .limit(shape.pageSize)
    .offset(shape.offset)
    .as('page_ids');
  return tx
    .select({ ...pageColumns(shape.tenantId, shape.withBody), rank: ids.rank, total: ids.total })
    .from(ids)
    .innerJoin(knowledgeItems, and(eq(knowledgeItems.tenantId, shape.tenantId), eq(knowledgeItems.id, ids.id)))
    .orderBy(...orderFor(listOrder, shape.tenantId)) as unknown as Promise<PageRow[]>;
}

/** The extracted texts of these items' attachments (for snippets), oldest file first. */
export function attachmentTexts(tx: Tx, tenantId: string, itemIds: string[]) {
  return tx
    .select({
      itemId: knowledgeAttachments.itemId,
      filename: knowledgeAttachments.filename,
      text: sql<string>`left(${knowledgeAttachments.textContent}, 300000)`,
    })
    .from(knowledgeAttachments)
    .where(
      and(eq(knowledgeAttachments.tenantId, tenantId), inArray(knowledgeAttachments.itemId, itemIds), sql`${knowledgeAttachments.textContent} is not null`),
    )
    .orderBy(knowledgeAttachments.createdAt);
}

/** The tags of the items matching `conds` with their counts, commonest first (300 at most). */
export function tagCounts(tx: Tx, conds: SQL[]) {
  return tx
    .select({ tag: sql<string>`t.tag`, count: sql<number>`count(*)::int` })
    .from(sql`${knowledgeItems}, unnest(${knowledgeItems.tags}) as t(tag)`)
    .where(and(...conds))
    .groupBy(sql`t.tag`)
    .orderBy(sql`count(*) desc`, sql`t.tag`)
    .limit(300);
}
