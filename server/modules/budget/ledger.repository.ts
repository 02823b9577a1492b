import { eq } from 'drizzle-orm';
import { budgetSettings } from '../../db/schema';
import type { Tx } from '../../platform/db';

/** The ledger's SQL, so far the settings row: the approval thresholds and the head of the hash chain. */

export type SettingsRow = typeof budgetSettings.$inferSelect;

/** The tenant's settings row, created on first use; it is also the head of the hash chain. */
export async function ensureSettings(tx: Tx, tenantId: string) {
  await tx.insert(budgetSettings).values({ tenantId }).onConflictDoNothing();
}

/** Lock the chain head for this tenant until the transaction ends: posts in one tenant happen one after another. */
export async function lockHead(tx: Tx, tenantId: string): Promise<SettingsRow> {
  await ensureSettings(tx, tenantId);
  const [head] = await tx.select().from(budgetSettings).where(eq(budgetSettings.tenantId, tenantId)).for('update');
  return head;
}

export async function settingsRow(tx: Tx, tenantId: string): Promise<SettingsRow> {
  await ensureSettings(tx, tenantId);
  const [row] = await tx.select().from(budgetSettings).where(eq(budgetSettings.tenantId, tenantId));
  return row;
}

export async function updateSettings(tx: Tx, tenantId: string, set: Partial<typeof budgetSettings.$inferInsert>): Promise<SettingsRow> {
  const [after] = await tx.update(budgetSettings).set(set).where(eq(budgetSettings.tenantId, tenantId)).returning();
  return after;
}

/** Move the chain head to the transaction just posted. */
export async function moveHead(tx: Tx, tenantId: string, head: { headSeq: number; headHash: string; updatedAt: Date }): Promise<void> {
  await tx.update(budgetSettings).set(head).where(eq(budgetSettings.tenantId, tenantId));
}
