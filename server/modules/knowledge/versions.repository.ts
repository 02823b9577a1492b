import { and, desc, eq, inArray } from 'drizzle-orm';
import { knowledgeVersions } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { pageTotal } from '../../platform/page-total';
import { totalOver } from '../../platform/sql';

/** Knowledge items' versions (knowledge.service.ts): every saved state of an item, newest first. */

export type VersionRow = typeof knowledgeVersions.$inferSelect;
export type VersionInsert = typeof knowledgeVersions.$inferInsert;

export async function insertVersion(tx: Tx, values: VersionInsert): Promise<void> {
  await tx.insert(knowledgeVersions).values(values);
}

/** The item's versions (all, or these numbers), newest first. */
export function versionRows(tx: Tx, tenantId: string, itemId: string, versions?: number[]): Promise<VersionRow[]> {
  return tx
    .select()
    .from(knowledgeVersions)
    .where(
      and(eq(knowledgeVersions.tenantId, tenantId), eq(knowledgeVersions.itemId, itemId), versions ? inArray(knowledgeVersions.version, versions) : undefined),
    )
    .orderBy(desc(knowledgeVersions.version));
}

/** A page of the item's versions without their content, newest first, and the total. */
export async function versionsPage(tx: Tx, tenantId: string, itemId: string, limit: number, offset: number) {
  const where = and(eq(knowledgeVersions.tenantId, tenantId), eq(knowledgeVersions.itemId, itemId));
  const rows = await tx
    .select({
      version: knowledgeVersions.version,
      title: knowledgeVersions.title,
      note: knowledgeVersions.note,
      restoredFrom: knowledgeVersions.restoredFrom,
      editedByName: knowledgeVersions.editedByName,
      createdAt: knowledgeVersions.createdAt,
      changed: knowledgeVersions.changed,
      total: totalOver,
    })
    .from(knowledgeVersions)
    .where(where)
    .orderBy(desc(knowledgeVersions.version))
    .limit(limit)
    .offset(offset);
  return { rows, total: await pageTotal(tx, rows, offset, knowledgeVersions, where) };
}
