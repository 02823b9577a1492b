import { and, asc, desc, eq, ilike, or } from 'drizzle-orm';
import { knowledgeAttachments, knowledgeItems } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { likePattern, totalOver } from '../../platform/sql';

/** The public knowledge pages' SQL (public.service.ts): only items marked public, whatever else the tenant holds. */

const isPublic = eq(knowledgeItems.visibility, 'public');

/** A page of the tenant's public items, newest first, each row with the total; `q` matches title or summary. */
export function publicItemsPage(tx: Tx, tenantId: string, q: string | undefined, limit: number, offset: number) {
  const k = knowledgeItems;
  const text = q ? or(ilike(k.title, likePattern(q)), ilike(k.summary, likePattern(q))) : undefined;
  return tx
    .select({ id: k.id, type: k.type, title: k.title, summary: k.summary, tags: k.tags, publishedOn: k.publishedOn, total: totalOver })
    .from(k)
    .where(and(eq(k.tenantId, tenantId), isPublic, text))
    .orderBy(desc(k.publishedOn), asc(k.title), asc(k.id))
    .limit(limit)
    .offset(offset);
}

/** One public item (with its rendered body), or null when it does not exist or is not public. */
export async function publicItem(tx: Tx, tenantId: string, id: string) {
  const k = knowledgeItems;
  const [row] = await tx
    .select({ id: k.id, type: k.type, title: k.title, summary: k.summary, tags: k.tags, publishedOn: k.publishedOn, bodyHtml: k.bodyHtml })
    .from(k)
    .where(and(eq(k.tenantId, tenantId), eq(k.id, id), isPublic));
  return row ?? null;
}

/** The files of an item, oldest first (call only for a public item). */
export function publicItemFiles(tx: Tx, tenantId: string, itemId: string) {
  const a = knowledgeAttachments;
  return tx
    .select({ id: a.id, filename: a.filename, kind: a.kind, sizeBytes: a.sizeBytes, caption: a.caption })
    .from(a)
    .where(and(eq(a.tenantId, tenantId), eq(a.itemId, itemId)))
    .orderBy(asc(a.createdAt), asc(a.id));
}

export async function isPublicItem(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const found = await tx
    .select({ id: knowledgeItems.id })
    .from(knowledgeItems)
    .where(and(eq(knowledgeItems.tenantId, tenantId), eq(knowledgeItems.id, id), isPublic));
  return found.length > 0;
}
