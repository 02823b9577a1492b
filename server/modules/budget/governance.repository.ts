import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { budgetFunds, budgetLines, ledgerEntries, ledgerTransactions } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';

/** The SQL of the ledger's rules of good governance (governance.ts): row locks, posted sums, the split-payment window. */

/** Lock these funds (in id order) until the caller's transaction ends. */
export async function lockFunds(tx: Tx, tenantId: string, ids: string[]): Promise<void> {
  await tx
    .select({ id: budgetFunds.id })
    .from(budgetFunds)
    .where(and(eq(budgetFunds.tenantId, tenantId), inArray(budgetFunds.id, ids)))
    .orderBy(asc(budgetFunds.id))
    .for('no key update');
}

/** Lock these budget lines (in id order) until the caller's transaction ends; their allocations. */
export async function lockLines(tx: Tx, tenantId: string, ids: string[]): Promise<{ id: string; allocated: number }[]> {
  const found = await tx
    .select({ id: budgetLines.id, allocated: budgetLines.allocatedSatang })
    .from(budgetLines)
    .where(and(eq(budgetLines.tenantId, tenantId), inArray(budgetLines.id, ids)))
    .orderBy(asc(budgetLines.id))
    .for('no key update');
  return found.map((r) => ({ id: r.id, allocated: Number(r.allocated) }));
}

/** What these funds hold: the posted sum of their fund entries. */
export const postedFundSums = (tx: Tx, tenantId: string, fundIds: string[]) =>
  postedSums(tx, tenantId, sql`${ledgerEntries.account} = 'fund' and ${inArray(ledgerEntries.fundId, fundIds)}`, ledgerEntries.fundId);

/** What these lines use: the posted sum of their commitment and expense entries. */
export const postedLineUse = (tx: Tx, tenantId: string, lineIds: string[]) =>
  postedSums(
    tx,
    tenantId,
    sql`${ledgerEntries.account} in ('commitment', 'expense') and ${inArray(ledgerEntries.budgetLineId, lineIds)}`,
    ledgerEntries.budgetLineId,
  );

async function postedSums(tx: Tx, tenantId: string, where: SQL, by: typeof ledgerEntries.fundId | typeof ledgerEntries.budgetLineId) {
  const found = await tx
    .select({ id: by, sum: sql<string>`sum(${ledgerEntries.amountSatang})` })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, and(eq(ledgerTransactions.tenantId, ledgerEntries.tenantId), eq(ledgerTransactions.id, ledgerEntries.transactionId)))
    .where(and(eq(ledgerEntries.tenantId, tenantId), eq(ledgerTransactions.status, 'posted'), where))
    .groupBy(by);
  return new Map(found.map((r) => [r.id as string, Number(r.sum)]));
}

/**
 * The commitments and expenses (pending or posted, not reversed) to the same payee — or, without one, on the
 * same budget lines — within `windowDays` of a date: what a new payment is added to when it might be split.
 */
export async function usesNear(
  tx: Tx,
  tenantId: string,
  q: { occurredOn: string; windowDays: number; partyId: string | null; lineIds: string[] },
): Promise<number> {
  const match = q.partyId
    ? sql`t.party_id = ${q.partyId}`
    : sql`e.budget_line_id in (${sql.join(
        q.lineIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;
  const [sum] = await rows<{ s: string }>(
    tx,
    sql`
    select coalesce(sum(e.amount_satang), 0)::text as s
      from ledger_entries e join ledger_transactions t on t.tenant_id = e.tenant_id and t.id = e.transaction_id
     where e.tenant_id = ${tenantId} and e.account in ('commitment', 'expense')
       and t.status in ('posted', 'pending') and t.kind in ('expense', 'commitment')
       and t.occurred_on between ${q.occurredOn}::date - ${q.windowDays}::int and ${q.occurredOn}::date + ${q.windowDays}::int
       and ${match}
       and not exists (select 1 from ledger_transactions r where r.tenant_id = t.tenant_id and r.reverses_id = t.id and r.status <> 'rejected')`,
  );
  return Number(sum?.s ?? 0);
}
