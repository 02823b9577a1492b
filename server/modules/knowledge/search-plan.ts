import type { Tx } from '../../platform/db';
import { plannedRows, type ItemScope } from './search.repository';
import { closeTerms, insertTerms, setSimilarityThreshold } from './terms.repository';
import { normalizeText, queryTerms, titleTerms, toTsQuery, words, type ParsedQuery } from './thai-text';

/**
 * How a knowledge search runs at scale (see docs/ARCHITECTURE.md, "Knowledge search"):
 * - a query the planner expects to match more than BROAD_MATCHES items is answered newest first, walking
 *   the published-date index and stopping after the page, with the planner's estimate as the total
 *   (`totalIsEstimate`); ranking tens of thousands of matches exactly costs hundreds of milliseconds and
 *   tells the reader little;
 * - a narrower query is ranked exactly over all its matches, read through the GIN index;
 * - a query whose words find nothing is searched with its closest spelling from the title dictionary
 *   instead (knowledge_terms: pg_trgm similarity finds candidates, the fewest edits wins) and says so in
 *   `correctedQuery`.
 */
export const BROAD_MATCHES = 1000;
/** pg_trgm similarity from which a dictionary term counts as the same word misspelt (one wrong letter in a short Thai word scores about 0.54). */
const SPELLING_SIMILARITY = 0.5;

export interface MatchEstimate {
  /** About how many visible items match. */
  estimate: number;
  /** At most this many: the rarest group's estimate (a phrase's rarest term's). */
  upper: number;
  /** The visible items the search runs over. */
  listed: number;
}

/**
 * About how many visible items match, from the planner's statistics (tsvector statistics are close for
 * single terms, see migration 0012). The planner multiplies terms as if independent, which badly undercounts
 * a phrase (its adjacent pairs nearly always occur together): each group (phrase) takes its rarest term's
 * estimate, and groups, which are independent words, multiply as shares of the listed items. Words of one
 * topic are not independent, so that product is low for them (ต้นน้ำ ปลายน้ำ: 512 for 4,681); the ranked
 * read checks it (see `pageOf`).
 */
export async function estimateMatches(tx: Tx, scope: ItemScope, parsed: ParsedQuery): Promise<MatchEstimate> {
  const groupTerms = parsed.groups.map((g) => queryTerms({ groups: [g] }));
  const listed = Math.max(1, await plannedRows(tx, scope));
  let share = 1;
  let upper = listed;
  for (const terms of groupTerms) {
    let least = Infinity;
    for (const t of terms) least = Math.min(least, await plannedRows(tx, { ...scope, tsq: toTsQuery({ groups: [[t]] }) }));
    share *= Math.min(1, least / listed);
    upper = Math.min(upper, least);
  }
  return { estimate: Math.round(listed * share), upper: Math.round(upper), listed };
}

/**
 * The query with each space-separated part replaced by its closest title-dictionary term when that part
 * is not itself a term; null when nothing changed. Parts in double quotes are kept as typed.
 */
export async function correctSpelling(tx: Tx, tenantId: string, text: string): Promise<string | null> {
  const parts = normalizeText(text).match(/"[^"]*"?|\S+/g) ?? [];
  await setSimilarityThreshold(tx, SPELLING_SIMILARITY);
  let changed = false;
  const out: string[] = [];
  for (const part of parts) {
    const typed = part.startsWith('"') ? '' : words(part, 16).join('');
    if (typed.length < 3) {
      out.push(part);
      continue;
    }
    const terms = await closeTerms(tx, tenantId, typed);
    // trigram similarity finds the candidates; the fewest edits chooses (ธนาคารชยะ → ธนาคารขยะ, not the shorter ธนาคาร)
    const ranked = terms.map((term) => ({ term, edits: editDistance(typed, term) })).filter((x) => x.edits <= Math.max(1, Math.floor(typed.length / 4)));
    ranked.sort((a, b) => a.edits - b.edits);
    const best = ranked[0]?.term;
    if (best && best !== typed) {
      out.push(best);
      changed = true;
    } else out.push(part);
  }
  return changed ? out.join(' ') : null;
}

/** Adds the title's and tags' terms to the tenant's spelling dictionary. */
export async function addTitleTerms(tx: Tx, tenantId: string, items: { title: string; tags: string[] }[]) {
  await insertTerms(tx, tenantId, [...new Set(items.flatMap((i) => titleTerms(i.title, i.tags)))]);
}

/** Levenshtein distance between two short strings (UTF-16 units: Thai letters and marks are one unit each). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
