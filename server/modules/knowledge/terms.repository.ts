import { sql } from 'drizzle-orm';
import { knowledgeTerms } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';

/** The tenant's spelling dictionary of title and tag terms (knowledge_terms), read by "did you mean" (search-plan.ts). */

/** pg_trgm similarity from which a term counts as a candidate for `closeTerms` (SET LOCAL: Citus passes it on to the workers, which run the comparison). */
export async function setSimilarityThreshold(tx: Tx, threshold: number): Promise<void> {
  await tx.execute(sql.raw(`set local pg_trgm.similarity_threshold = ${Number(threshold)}`));
}

/** Up to 20 dictionary terms similar to `typed` (above the threshold set), the most similar first. */
export async function closeTerms(tx: Tx, tenantId: string, typed: string): Promise<string[]> {
  const found = await rows<{ term: string }>(
    tx,
    sql`
      select term from knowledge_terms
      where tenant_id = ${tenantId} and term % ${typed}
      order by similarity(term, ${typed}) desc, term limit 20`,
  );
  return found.map((x) => x.term);
}

/** Add terms to the dictionary (those already there stay), a thousand per statement. */
export async function insertTerms(tx: Tx, tenantId: string, terms: string[]): Promise<void> {
  for (let i = 0; i < terms.length; i += 1000) {
    await tx
      .insert(knowledgeTerms)
      .values(terms.slice(i, i + 1000).map((term) => ({ tenantId, term })))
      .onConflictDoNothing();
  }
}
