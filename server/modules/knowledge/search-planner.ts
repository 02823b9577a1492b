import type { z } from 'zod';
import type { KnowledgeHit, KnowledgeSearchResult, knowledgeListQuery } from '../../../common/schemas/knowledge';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { presentItem } from './present';
import * as repo from './knowledge.repository';
import type { ItemFilter } from './knowledge.repository';
import { BROAD_MATCHES, correctSpelling, estimateMatches } from './search-plan';
import * as search from './search.repository';
import { parseQuery, snippet, toTsQuery, type ParsedQuery } from './thai-text';

/**
 * The knowledge search: how to answer a query (narrow: rank every match; broad: newest first with an estimated
 * total, inside a window of recent items when that is cheaper), the page, "did you mean" and the snippets.
 * The estimates come from search-plan.ts, the SQL from search.repository.ts.
 */

/**
 * What a search matches: the query's index terms on the GIN index (exact, no re-check of rows), as to_tsquery
 * text; null when the query has no words, and then it matches nothing. Ranking: see search.repository.ts
 * (items that match only in the body or attachments rank 0 and come newest first).
 */
export function searchWords(parsed: ParsedQuery): string | null {
  return toTsQuery(parsed);
}

type ListInput = z.output<typeof knowledgeListQuery>;

export interface SearchPlan {
  /** The words to match (see searchWords). */
  tsq: string | null;
  /** The groups to mark in snippets. */
  parsed: ParsedQuery;
  /** More matches expected than are worth ranking: newest first, estimated total. */
  broad: boolean;
  estimate: number;
  /** The planner's upper bound on the matches and the number of visible items (see MatchEstimate). */
  upper: number;
  listed: number;
}

/** How to answer a search (see search-plan.ts): the match, its ranking, broad or narrow. */
export async function planSearch(tx: Tx, listed: search.ItemScope, parsed: ParsedQuery): Promise<SearchPlan> {
  const tsq = searchWords(parsed);
  if (!tsq) return { tsq: null, parsed, broad: false, estimate: 0, upper: 0, listed: 0 };
  const e = await estimateMatches(tx, listed, parsed);
  return { tsq, parsed, broad: e.estimate > BROAD_MATCHES, estimate: e.estimate, upper: e.upper, listed: e.listed };
}

/**
 * A search the planner thought narrow that matched more than BROAD_MATCHES after all (words of one topic
 * occur together more often than the estimate's independence assumes): broad, with an estimate between what
 * is known — more than BROAD_MATCHES, at most the rarest group's estimate (their geometric mean).
 */
export function broadAfterAll(plan: SearchPlan): SearchPlan {
  const lower = BROAD_MATCHES + 1;
  return { ...plan, broad: true, estimate: Math.round(Math.sqrt(lower * Math.max(lower, plan.upper))) };
}

/**
 * A broad search that matches a few percent of the items: walking the date index would read (and de-TOAST the
 * vector of) dozens of rows per hit, so it is limited to the newest items that should hold the first pages
 * three times over, which the GIN and date indexes answer together (bitmap AND). Words in a tenth or more of
 * the items are quickest found by the walk itself. Undefined when no limit is worth it.
 */
export function recentWindowSize(share: number, needed: number): number | undefined {
  if (share >= 0.1 || share <= 0) return undefined;
  return Math.ceil((needed / share) * 3);
}

/** The first publication day of that window (see recentWindowSize), if it is worth one. */
async function recentWindow(tx: Tx, listed: search.ItemScope, share: number, needed: number): Promise<string | undefined> {
  const window = recentWindowSize(share, needed);
  return window === undefined ? undefined : search.publishedSince(tx, listed, window);
}

/**
 * The total a broad search shows: exact when the page was not full, else the estimate (but always more than
 * what has been seen, so the pager offers the next page).
 */
export function broadTotal(read: number, pageSize: number, offset: number, estimate: number): number {
  return read < pageSize ? offset + read : Math.max(estimate, offset + read + 1);
}

/**
 * One page of the items matching `conds` (and the search plan) with their relations (and, for a search, the
 * text to cut snippets from), and the total: exact, or estimated for a broad search.
 *
 * A narrow search ranks every match, reading at most BROAD_MATCHES + 1 of them: the rank is computed in that
 * inner read, so only (id, date, rank) rows reach the count and the sort (computed above them, the planner
 * carried each row's whole search_head through the window aggregate, which spilled to disk). Reading the
 * limit means the estimate was low: the search is answered as a broad one.
 */
async function pageOf(tx: Tx, listed: search.ItemScope, plan: SearchPlan | null, sort: ListInput['sort'], page: number, pageSize: number) {
  const relevance = (sort ?? 'relevance') === 'relevance';
  const listOrder = sort && !relevance ? sort : '-publishedOn';
  const offset = (page - 1) * pageSize;
  const shape = { tenantId: listed.ctx.tenant.id, withBody: !!plan, pageSize, offset };
  const where: search.ItemScope = plan ? { ...listed, tsq: plan.tsq } : listed;
  const exactTotal = (rows: search.PageRow[]) => search.scopeTotal(tx, where, rows, offset);

  // words of one topic: the estimate (their product) may be low while the commonest allows many; counting up to
  // the limit without ranking (no search_head to read) settles it for a third of the ranked read's cost
  if (plan && !plan.broad && relevance && plan.upper > BROAD_MATCHES && (await search.matchesMoreThan(tx, where, BROAD_MATCHES))) plan = broadAfterAll(plan);
  if (plan && !plan.broad && relevance) {
    const rows = await search.rankedPage(tx, shape, where, BROAD_MATCHES + 1);
    const total = await exactTotal(rows);
    if (total <= BROAD_MATCHES) return { rows, total, estimated: false, plan };
    plan = broadAfterAll(plan);
  }
  if (!plan?.broad) {
    const rows = await search.listedPage(tx, shape, where, listOrder, true);
    return { rows, total: await exactTotal(rows), estimated: false, plan };
  }
  // a broad search is not counted: the planner's estimate stands in
  const read = (w: search.ItemScope) => search.listedPage(tx, shape, w, listOrder, false);
  const since = relevance ? await recentWindow(tx, listed, plan.estimate / Math.max(plan.estimate, plan.listed), page * pageSize) : undefined;
  let rows: search.PageRow[];
  if (since !== undefined) {
    // bitmap only: with an index scan allowed the planner walks the date index again, de-TOASTing as it goes
    rows = await search.withoutIndexScan(tx, () => read({ ...where, since }));
    // the window held fewer than the page (the estimate was high): read without it
    if (rows.length < pageSize) rows = await read(where);
  } else rows = await read(where);
  const total = broadTotal(rows.length, pageSize, offset, plan.estimate);
  return { rows, total, estimated: rows.length >= pageSize, plan };
}

/** Search (with `q`) or list (without) the items the caller may see, a page at a time, with snippets for a search. */
export async function listItems(ctx: TenantContext, q: ListInput): Promise<KnowledgeSearchResult> {
  const { page, pageSize, sort, q: text, ...filter } = q;
  const listed: search.ItemScope = { ctx, filter: filter satisfies ItemFilter };
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    // a search reads knowledge_items through an index: a sequential scan would de-TOAST every row's vector
    if (text) await search.withoutSeqScan(tx);
    const plan = text ? await planSearch(tx, listed, parseQuery(text)) : null;
    let result = await pageOf(tx, listed, plan, sort, page, pageSize);
    let correctedQuery: string | null = null;
    if (text && result.total === 0) {
      // nothing as typed: the closest spelling from the title dictionary ("did you mean"), offered only when it
      // finds something this caller may see, so the dictionary never reveals words of hidden titles
      const corrected = await correctSpelling(tx, ctx.tenant.id, text);
      if (corrected) {
        const altPlan = await planSearch(tx, listed, parseQuery(corrected));
        const alt = await pageOf(tx, listed, altPlan, sort, page, pageSize);
        if (alt.total > 0) [result, correctedQuery] = [alt, corrected];
      }
    }
    const rows = result.rows.map(repo.parsedRelations);
    const snippets = result.plan ? await snippetsFor(tx, ctx.tenant.id, rows, result.plan.parsed) : new Map<string, Hit>();
    return {
      items: rows.map((r) => {
        const s = snippets.get(r.id);
        return { ...presentItem(r), snippet: s?.html ?? null, snippetSource: s?.source ?? null, snippetFile: s?.file ?? null, rank: Number(r.rank) || 0 };
      }),
      total: result.total,
      page,
      pageSize,
      totalIsEstimate: result.estimated,
      correctedQuery,
    };
  });
}

type Hit = { html: string; source: KnowledgeHit['snippetSource']; file: string | null };

/**
 * Snippets from the original text: the body first, then the summary, the attachments, the title and the tags.
 * The body text comes with the page; one query reads the attachment texts of the items whose body and summary did not match.
 */
async function snippetsFor(
  tx: Tx,
  tenantId: string,
  rows: { id: string; title: string; summary: string | null; tags: string[]; bodyText: string | null }[],
  parsed: ParsedQuery,
): Promise<Map<string, Hit>> {
  const out = new Map<string, Hit>();
  const pending: typeof rows = [];
  for (const r of rows) {
    const s = snippet(r.bodyText ?? '', parsed) ?? null;
    const sum = s ? null : snippet(r.summary ?? '', parsed);
    if (s) out.set(r.id, { html: s.html, source: 'body', file: null });
    else if (sum) out.set(r.id, { html: sum.html, source: 'summary', file: null });
    else pending.push(r);
  }
  if (pending.length) {
    const files = await search.attachmentTexts(
      tx,
      tenantId,
      pending.map((r) => r.id),
    );
    for (const r of pending) {
      for (const f of files.filter((x) => x.itemId === r.id)) {
        const s = snippet(f.text, parsed);
        if (s) {
          out.set(r.id, { html: s.html, source: 'attachment', file: f.filename });
          break;
        }
      }
      if (out.has(r.id)) continue;
      const t = snippet(r.title, parsed) ?? null;
      const tg = t ? null : snippet(r.tags.join(' · '), parsed);
      if (t) out.set(r.id, { html: t.html, source: 'title', file: null });
      else if (tg) out.set(r.id, { html: tg.html, source: 'tags', file: null });
    }
  }
  return out;
}

export async function tagCounts(ctx: TenantContext): Promise<{ items: { tag: string; count: number }[] }> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    return { items: await search.tagCounts(tx, ctx) };
  });
}
