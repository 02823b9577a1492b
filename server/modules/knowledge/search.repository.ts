import { and, asc, desc, eq, inArray, sql, type SQL, type Subquery } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { knowledgeAttachments, knowledgeItems } from '../../db/schema';
import type { TenantContext } from '../../platform/context';
import type { Tx } from '../../platform/db';
import { pageTotal } from '../../platform/page-total';
import { likePattern, rows, thaiOrder, totalOver } from '../../platform/sql';
import { itemConditions, listColumns, orderFor, relationColumns, type ItemFilter, type ListRow, type RelationColumns } from './knowledge.repository';

/**
 * Thai has no spaces, so pg_trgm pads whole runs of text: a one-letter typo in a word inside a longer name
 * scores about 0.55 word similarity, under the default threshold of 0.6. Names are matched from 0.5.
 */
async function useTypoThreshold(tx: Tx) {
  await tx.execute(sql`set local pg_trgm.word_similarity_threshold = 0.5`);
}

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

/**
 * The items a search reads: those the caller may see under the list filters; with `tsq` (to_tsquery text, see
 * toTsQuery) only those matching it, and null for a search without words, which matches nothing; with `since`
 * only those published on or after that day.
 */
export interface ItemScope {
  ctx: TenantContext;
  filter: ItemFilter;
  tsq?: string | null;
  since?: string;
}

const tsQuery = (tsq: string) => sql`to_tsquery('simple', ${tsq})`;

function whereOf(s: ItemScope): SQL | undefined {
  return and(
    ...itemConditions(s.ctx, s.filter),
    s.tsq === undefined ? undefined : s.tsq === null ? sql`false` : sql`${knowledgeItems.searchVector} @@ ${tsQuery(s.tsq)}`,
    s.since === undefined ? undefined : sql`${knowledgeItems.publishedOn} >= ${s.since}`,
  );
}

/**
 * What a search ranks by: ts_rank_cd over the small title/tags/summary vector (weights A, A, B); items that
 * match only in the body or attachments rank 0.
 */
const rankOf = (tsq: string | null | undefined) => (tsq ? sql`ts_rank_cd(${knowledgeItems.searchHead}, ${tsQuery(tsq)}, 1)` : sql`0`);

/** The planner's estimate of how many items the scope holds (EXPLAIN, nothing is read). */
export async function plannedRows(tx: Tx, scope: ItemScope): Promise<number> {
  const [explained] = await rows<{ 'QUERY PLAN': unknown }>(tx, sql`explain (format json) select 1 from knowledge_items where ${whereOf(scope) ?? sql`true`}`);
  const raw = explained?.['QUERY PLAN'];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: { 'Plan Rows': number } }[];
  return plan[0]?.Plan['Plan Rows'] ?? 0;
}

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

/** The publication date of the `window`-th newest item of the scope, if there is one. */
export async function publishedSince(tx: Tx, scope: ItemScope, window: number): Promise<string | undefined> {
  const [edge] = await tx
    .select({ on: knowledgeItems.publishedOn })
    .from(knowledgeItems)
    .where(whereOf(scope))
    .orderBy(desc(knowledgeItems.publishedOn))
    .offset(window)
    .limit(1);
  return edge?.on;
}

export async function matchesMoreThan(tx: Tx, scope: ItemScope, n: number): Promise<boolean> {
  const found = tx
    .select({ one: sql`1`.as('one') })
    .from(knowledgeItems)
    .where(whereOf(scope))
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

/** A page's ids with their rank and total, as `rankedPage` and `listedPage` read them. */
type PageIds = Subquery & { id: AnyPgColumn; rank: SQL.Aliased<number>; total: SQL.Aliased<number> };

/** The item columns joined to a page's ids, in `order`. */
function pageItems(tx: Tx, shape: PageShape, ids: PageIds, order: SQL[]): Promise<PageRow[]> {
  return tx
    .select({ ...pageColumns(shape.tenantId, shape.withBody), rank: ids.rank, total: ids.total })
    .from(ids)
    .innerJoin(knowledgeItems, and(eq(knowledgeItems.tenantId, shape.tenantId), eq(knowledgeItems.id, ids.id)))
    .orderBy(...order) as unknown as Promise<PageRow[]>;
}

/**
 * A page of matches by rank, reading at most `readLimit` of them: the rank is computed in that inner read, so
 * only (id, date, rank) rows reach the count and the sort; the item columns are joined to the page only.
 */
export function rankedPage(tx: Tx, shape: PageShape, scope: ItemScope, readLimit: number): Promise<PageRow[]> {
  const candidates = tx
    .select({ id: knowledgeItems.id, publishedOn: knowledgeItems.publishedOn, rank: sql<number>`${rankOf(scope.tsq)}`.as('rank') })
    .from(knowledgeItems)
    .where(whereOf(scope))
    .limit(readLimit)
    .as('candidates');
  const ids = tx
    .select({ id: candidates.id, publishedOn: candidates.publishedOn, rank: candidates.rank, total: sql<number>`${totalOver}`.as('total') })
    .from(candidates)
    .orderBy(desc(candidates.rank), desc(candidates.publishedOn), asc(candidates.id))
    .limit(shape.pageSize)
    .offset(shape.offset)
    .as('page_ids');
  return pageItems(tx, shape, ids, [desc(ids.rank), desc(ids.publishedOn), asc(ids.id)]);
}

/** A page of matches in list order (rank 0); with the total over all matches when `counted`. */
export function listedPage(tx: Tx, shape: PageShape, scope: ItemScope, listOrder: string, counted: boolean): Promise<PageRow[]> {
  const ids = tx
    .select({
      id: knowledgeItems.id,
      rank: sql<number>`0`.as('rank'),
      publishedOn: knowledgeItems.publishedOn,
      total: (counted ? sql<number>`${totalOver}` : sql<number>`0`).as('total'),
    })
    .from(knowledgeItems)
    .where(whereOf(scope))
    .orderBy(...orderFor(listOrder, shape.tenantId))
    .limit(shape.pageSize)
    .offset(shape.offset)
    .as('page_ids');
  return pageItems(tx, shape, ids, orderFor(listOrder, shape.tenantId));
}

/** The total over the scope of a page read with its total (see pageTotal): counted only for a page past the end. */
export function scopeTotal(tx: Tx, scope: ItemScope, page: readonly { total: number }[], offset: number): Promise<number> {
  return pageTotal(tx, page, offset, knowledgeItems, whereOf(scope));
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

/** The tags of the items the caller may see, with their counts, commonest first (300 at most). */
export function tagCounts(tx: Tx, ctx: TenantContext) {
  return tx
    .select({ tag: sql<string>`t.tag`, count: sql<number>`count(*)::int` })
    .from(sql`${knowledgeItems}, unnest(${knowledgeItems.tags}) as t(tag)`)
    .where(and(...itemConditions(ctx, {})))
    .groupBy(sql`t.tag`)
    .orderBy(sql`count(*) desc`, sql`t.tag`)
    .limit(300);
}

/** The ids of every item of the scope (the search benchmark compares a search's matches with ILIKE's). */
export async function scopeIds(tx: Tx, scope: ItemScope): Promise<string[]> {
  const found = await tx.select({ id: knowledgeItems.id }).from(knowledgeItems).where(whereOf(scope));
  return found.map((r) => r.id);
}
