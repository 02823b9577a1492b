import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { budgetSettings, ledgerEntries, ledgerTransactions } from '../../db/schema';
import type { Tx } from '../../platform/db';

/** The ledger's SQL, so far the settings row (the approval thresholds and the head of the hash chain) and the chain's walk. */

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

export type TxRow = typeof ledgerTransactions.$inferSelect;
export type EntryRow = typeof ledgerEntries.$inferSelect;

/** The entries of these transactions, in order. */
export async function entriesOf(tx: Tx, tenantId: string, ids: string[]): Promise<EntryRow[]> {
  if (!ids.length) return [];
  return tx
    .select()
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.tenantId, tenantId), inArray(ledgerEntries.transactionId, ids)))
    .orderBy(asc(ledgerEntries.transactionId), asc(ledgerEntries.lineNo));
}

/** Up to `limit` posted transactions from sequence number `fromSeq` on, in chain order. */
export function postedFrom(tx: Tx, tenantId: string, fromSeq: number, limit: number): Promise<TxRow[]> {
  return tx
    .select()
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.tenantId, tenantId), eq(ledgerTransactions.status, 'posted'), sql`${ledgerTransactions.seq} >= ${fromSeq}`))
    .orderBy(asc(ledgerTransactions.seq))
    .limit(limit);
}

/** The hash of the posted transaction at this place in the chain, if any. */
export async function postedHashAt(tx: Tx, tenantId: string, seq: number): Promise<string | null | undefined> {
  const [t] = await tx
    .select({ hash: ledgerTransactions.hash })
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.tenantId, tenantId), eq(ledgerTransactions.status, 'posted'), eq(ledgerTransactions.seq, seq)))
    .limit(1);
  return t?.hash;
}
