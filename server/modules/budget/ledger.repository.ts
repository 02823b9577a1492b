import { and, asc, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { budgetSettings, ledgerCheckpoints, ledgerEntries, ledgerEvidence, ledgerTransactions } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { pageOf } from '../../platform/page-total';
import { likePattern } from '../../platform/sql';

/**
 * The ledger's SQL: the settings row (the approval thresholds and the head of the hash chain), transactions and
 * their entries, receipts and signed checkpoints. Every statement names the tenant_id (Citus routes by it); rows are
 * never updated except a pending transaction's decision and the chain head (the tables' triggers refuse the rest).
 */

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

// ---- transactions ----

export async function findTransaction(tx: Tx, tenantId: string, id: string): Promise<TxRow | null> {
  const [row] = await tx
    .select()
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.tenantId, tenantId), eq(ledgerTransactions.id, id)))
    .limit(1);
  return row ?? null;
}

export type NewTransaction = Omit<typeof ledgerTransactions.$inferInsert, 'status'>;
export type NewEntry = Omit<EntryRow, 'tenantId' | 'transactionId'>;

/** A new transaction, pending, with its entries. */
export async function insertPending(tx: Tx, values: NewTransaction, entries: NewEntry[]): Promise<TxRow> {
  const [pending] = await tx
    .insert(ledgerTransactions)
    .values({ ...values, status: 'pending' })
    .returning();
  await tx.insert(ledgerEntries).values(entries.map((e) => ({ ...e, tenantId: values.tenantId, transactionId: pending.id })));
  return pending;
}

type Decision = Pick<TxRow, 'approverUserId' | 'approverName' | 'decidedAt'>;

/** Post a transaction that is still pending (null when it no longer is): its place and hash in the chain. */
export async function markPosted(
  tx: Tx,
  tenantId: string,
  id: string,
  set: Decision & { seq: number; postedAt: Date; prevHash: string; hash: string },
): Promise<TxRow | null> {
  const [row] = await tx
    .update(ledgerTransactions)
    .set({ status: 'posted', ...set })
    .where(and(eq(ledgerTransactions.tenantId, tenantId), eq(ledgerTransactions.id, id), eq(ledgerTransactions.status, 'pending')))
    .returning();
  return row ?? null;
}

/** Reject a transaction that is still pending (null when it no longer is). */
export async function markRejected(tx: Tx, tenantId: string, id: string, set: Decision & { rejectionReason: string }): Promise<TxRow | null> {
  const [row] = await tx
    .update(ledgerTransactions)
    .set({ status: 'rejected', ...set })
    .where(and(eq(ledgerTransactions.tenantId, tenantId), eq(ledgerTransactions.id, id), eq(ledgerTransactions.status, 'pending')))
    .returning();
  return row ?? null;
}

/** The reversals (pending or posted, not rejected) of these transactions. */
export async function reversalsOf(tx: Tx, tenantId: string, ids: string[]): Promise<{ id: string; reversesId: string | null }[]> {
  if (!ids.length) return [];
  return tx
    .select({ id: ledgerTransactions.id, reversesId: ledgerTransactions.reversesId })
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.tenantId, tenantId), inArray(ledgerTransactions.reversesId, ids), ne(ledgerTransactions.status, 'rejected')));
}

/** Whether a reversal of this transaction is pending or posted. */
export async function isReversed(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const [already] = await tx
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.tenantId, tenantId), eq(ledgerTransactions.reversesId, id), ne(ledgerTransactions.status, 'rejected')))
    .limit(1);
  return !!already;
}

export interface TransactionFilter {
  fiscalYear?: number;
  status?: string;
  kind?: string;
  fundId?: string;
  budgetLineId?: string;
  q?: string;
}

/** A page of transactions, pending first (they wait for someone), then the newest; with the total. */
export async function listTransactions(tx: Tx, tenantId: string, f: TransactionFilter, limit: number, offset: number) {
  const t = ledgerTransactions;
  const conds: (SQL | undefined)[] = [eq(t.tenantId, tenantId)];
  if (f.fiscalYear) conds.push(eq(t.fiscalYear, f.fiscalYear));
  if (f.status) conds.push(eq(t.status, f.status));
  if (f.kind) conds.push(eq(t.kind, f.kind));
  if (f.fundId)
    conds.push(
      sql`exists (select 1 from ledger_entries e where e.tenant_id = ledger_transactions.tenant_id and e.transaction_id = ledger_transactions.id and e.fund_id = ${f.fundId})`,
    );
  if (f.budgetLineId)
    conds.push(
      sql`exists (select 1 from ledger_entries e where e.tenant_id = ledger_transactions.tenant_id and e.transaction_id = ledger_transactions.id and e.budget_line_id = ${f.budgetLineId})`,
    );
  if (f.q) conds.push(sql`${t.description} ilike ${likePattern(f.q)}`);
  const order = [sql`case when ${t.status} = 'pending' then 0 else 1 end`, desc(t.occurredOn), desc(t.seq), desc(t.createdAt)];
  return pageOf(tx, t, and(...conds), order, limit, offset);
}

/** A page of the posted ledger (of a year, or all), the newest first; with the total. */
export async function postedPage(tx: Tx, tenantId: string, fiscalYear: number | undefined, limit: number, offset: number) {
  const t = ledgerTransactions;
  return pageOf(
    tx,
    t,
    and(eq(t.tenantId, tenantId), eq(t.status, 'posted'), fiscalYear ? eq(t.fiscalYear, fiscalYear) : undefined),
    [desc(t.seq)],
    limit,
    offset,
  );
}

/** The posted transactions of a fiscal year, in chain order. */
export function postedOfYear(tx: Tx, tenantId: string, fiscalYear: number): Promise<TxRow[]> {
  return tx
    .select()
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.tenantId, tenantId), eq(ledgerTransactions.fiscalYear, fiscalYear), eq(ledgerTransactions.status, 'posted')))
    .orderBy(asc(ledgerTransactions.seq));
}

/** The place in the chain of these transactions. */
export async function seqsOf(tx: Tx, tenantId: string, ids: string[]): Promise<{ id: string; seq: number | null }[]> {
  if (!ids.length) return [];
  return tx
    .select({ id: ledgerTransactions.id, seq: ledgerTransactions.seq })
    .from(ledgerTransactions)
    .where(and(eq(ledgerTransactions.tenantId, tenantId), inArray(ledgerTransactions.id, ids)));
}

/** What the ledger holds about one party (for the PDPA subject export): its transactions by date. */
export function transactionsOfParty(tx: Tx, tenantId: string, partyId: string) {
  const t = ledgerTransactions;
  return tx
    .select({
      id: t.id,
      seq: t.seq,
      kind: t.kind,
      status: t.status,
      occurredOn: t.occurredOn,
      fiscalYear: t.fiscalYear,
      description: t.description,
      totalSatang: t.totalSatang,
      postedAt: t.postedAt,
    })
    .from(t)
    .where(and(eq(t.tenantId, tenantId), eq(t.partyId, partyId)))
    .orderBy(asc(t.occurredOn), asc(t.seq));
}

// ---- receipts (evidence) ----

export type EvidenceRow = typeof ledgerEvidence.$inferSelect;

export async function insertEvidence(tx: Tx, values: typeof ledgerEvidence.$inferInsert): Promise<EvidenceRow> {
  const [row] = await tx.insert(ledgerEvidence).values(values).returning();
  return row;
}

export async function findEvidence(tx: Tx, tenantId: string, transactionId: string, id: string): Promise<EvidenceRow | null> {
  const [row] = await tx
    .select()
    .from(ledgerEvidence)
    .where(and(eq(ledgerEvidence.tenantId, tenantId), eq(ledgerEvidence.transactionId, transactionId), eq(ledgerEvidence.id, id)))
    .limit(1);
  return row ?? null;
}

/** The receipts of these transactions, oldest first. */
export async function evidenceOf(tx: Tx, tenantId: string, ids: string[]): Promise<EvidenceRow[]> {
  if (!ids.length) return [];
  return tx
    .select()
    .from(ledgerEvidence)
    .where(and(eq(ledgerEvidence.tenantId, tenantId), inArray(ledgerEvidence.transactionId, ids)))
    .orderBy(asc(ledgerEvidence.createdAt));
}

export async function hasEvidence(tx: Tx, tenantId: string, transactionId: string): Promise<boolean> {
  const found = await tx
    .select({ id: ledgerEvidence.id })
    .from(ledgerEvidence)
    .where(and(eq(ledgerEvidence.tenantId, tenantId), eq(ledgerEvidence.transactionId, transactionId)))
    .limit(1);
  return found.length > 0;
}

// ---- signed checkpoints ----

export type CheckpointRow = typeof ledgerCheckpoints.$inferSelect;

export async function insertCheckpoint(tx: Tx, values: typeof ledgerCheckpoints.$inferInsert): Promise<void> {
  await tx.insert(ledgerCheckpoints).values(values);
}

export async function latestCheckpoint(tx: Tx, tenantId: string): Promise<CheckpointRow | null> {
  const [row] = await tx.select().from(ledgerCheckpoints).where(eq(ledgerCheckpoints.tenantId, tenantId)).orderBy(desc(ledgerCheckpoints.seq)).limit(1);
  return row ?? null;
}

export function checkpointsOf(tx: Tx, tenantId: string): Promise<CheckpointRow[]> {
  return tx.select().from(ledgerCheckpoints).where(eq(ledgerCheckpoints.tenantId, tenantId));
}
