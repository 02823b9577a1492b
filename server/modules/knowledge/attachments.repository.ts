import { and, eq, inArray } from 'drizzle-orm';
import { knowledgeAttachments, knowledgeForums } from '../../db/schema';
import type { Tx } from '../../platform/db';

/** Attachments' SQL (attachments.ts): the files of an item or a forum, their rows and which hashes are still in use. */

export type Owner = { itemId: string } | { forumId: string };
export type AttachmentInsert = typeof knowledgeAttachments.$inferInsert;

/** The forum's title, or null when the tenant has no such forum. */
export async function forumTitle(tx: Tx, tenantId: string, forumId: string): Promise<string | null> {
  const [forum] = await tx
    .select({ title: knowledgeForums.title })
    .from(knowledgeForums)
    .where(and(eq(knowledgeForums.tenantId, tenantId), eq(knowledgeForums.id, forumId)))
    .limit(1);
  return forum?.title ?? null;
}

/** Of these hashes, the ones some attachment of the tenant still refers to. */
export async function hashesInUse(tx: Tx, tenantId: string, hashes: string[]): Promise<Set<string>> {
  const used = await tx
    .selectDistinct({ sha256: knowledgeAttachments.sha256 })
    .from(knowledgeAttachments)
    .where(and(eq(knowledgeAttachments.tenantId, tenantId), inArray(knowledgeAttachments.sha256, hashes)));
  return new Set(used.map((u) => u.sha256));
}

export async function insertAttachment(tx: Tx, values: AttachmentInsert) {
  const [row] = await tx.insert(knowledgeAttachments).values(values).returning();
  return row;
}

const ownedBy = (owner: Owner) => ('itemId' in owner ? eq(knowledgeAttachments.itemId, owner.itemId) : eq(knowledgeAttachments.forumId, owner.forumId));

/** The owner's attachment with this id, or null. */
export async function findAttachment(tx: Tx, tenantId: string, owner: Owner, id: string) {
  const [row] = await tx
    .select()
    .from(knowledgeAttachments)
    .where(and(eq(knowledgeAttachments.tenantId, tenantId), eq(knowledgeAttachments.id, id), ownedBy(owner)))
    .limit(1);
  return row ?? null;
}

/** The hashes of the owner's attachments, one per attachment (read before the owner is deleted, for collectBlobs). */
export async function ownerFileHashes(tx: Tx, tenantId: string, owner: Owner): Promise<string[]> {
  const files = await tx
    .select({ sha256: knowledgeAttachments.sha256 })
    .from(knowledgeAttachments)
    .where(and(eq(knowledgeAttachments.tenantId, tenantId), ownedBy(owner)));
  return files.map((f) => f.sha256);
}

export async function deleteAttachment(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(knowledgeAttachments).where(and(eq(knowledgeAttachments.tenantId, tenantId), eq(knowledgeAttachments.id, id)));
}
