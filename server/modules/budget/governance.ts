import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { ReviewReason } from '../../../common/schemas/budget';
import { budgetFunds, budgetLines, ledgerEntries, ledgerTransactions } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';

/**
 * The ledger's rules of good governance (docs/decisions/0004-ledger-governance.md): a fund may not pay
 * out more than it holds, a line may not use more than its allocation, and a payment may not be split
 * to stay under the approval threshold — unless a second officer approves the exception.
 */

/** An entry as stored: signed satang, debit positive. */
export interface Entry {
  account: string;
  fundId: string;
  budgetLineId: string | null;
  amountSatang: number;
}

/** The days either side of a payment in which payments to the same payee (or line) are added up. */
export const SPLIT_WINDOW_DAYS = 7;

const uses = (e: Entry) => e.account === 'commitment' || e.account === 'expense';

/** What the entries do to each fund's holdings and to each line's use (committed + spent). */
function effects(entries: Entry[]) {
  const fund = new Map<string, number>();
  const line = new Map<string, number>();
  for (const e of entries) {
    if (e.account === 'fund') fund.set(e.fundId, (fund.get(e.fundId) ?? 0) + e.amountSatang);
    if (uses(e) && e.budgetLineId) line.set(e.budgetLineId, (line.get(e.budgetLineId) ?? 0) + e.amountSatang);
  }
  return { fund, line };
}

export interface Shortfalls {
  /** Funds that would hold less than nothing. */
  overdrawn: string[];
  /** Lines that would use more than their allocation. */
  overspent: string[];
}

/**
 * Lock the funds the entries take money from and the lines they use more of (in id order, so two posts
 * never wait on each other crosswise), then say which would be overdrawn or overspent once the entries
 * are posted. The locks hold to the end of the caller's transaction: two payments from the same fund
 * are checked one after the other, never both against the same balance. Call it before inserting
 * entries (their foreign keys take a share lock on the same rows).
 */
export async function shortfalls(tx: Tx, tenantId: string, entries: Entry[]): Promise<Shortfalls> {
  const { fund, line } = effects(entries);
  const paying = [...fund]
    .filter(([, v]) => v < 0)
    .map(([id]) => id)
    .sort();
  const using = [...line]
    .filter(([, v]) => v > 0)
    .map(([id]) => id)
    .sort();
  const out: Shortfalls = { overdrawn: [], overspent: [] };
  if (paying.length) {
    await tx
      .select({ id: budgetFunds.id })
      .from(budgetFunds)
      .where(and(eq(budgetFunds.tenantId, tenantId), inArray(budgetFunds.id, paying)))
      .orderBy(asc(budgetFunds.id))
      .for('no key update');
    const held = await postedSums(tx, tenantId, sql`${ledgerEntries.account} = 'fund' and ${inArray(ledgerEntries.fundId, paying)}`, ledgerEntries.fundId);
    out.overdrawn = paying.filter((id) => (held.get(id) ?? 0) + fund.get(id)! < 0);
  }
  if (using.length) {
    const rows = await tx
      .select({ id: budgetLines.id, allocated: budgetLines.allocatedSatang })
      .from(budgetLines)
      .where(and(eq(budgetLines.tenantId, tenantId), inArray(budgetLines.id, using)))
      .orderBy(asc(budgetLines.id))
      .for('no key update');
    const used = await postedSums(
      tx,
      tenantId,
      sql`${ledgerEntries.account} in ('commitment', 'expense') and ${inArray(ledgerEntries.budgetLineId, using)}`,
      ledgerEntries.budgetLineId,
    );
    out.overspent = rows.filter((r) => (used.get(r.id) ?? 0) + line.get(r.id)! > Number(r.allocated)).map((r) => r.id);
  }
  return out;
}

async function postedSums(tx: Tx, tenantId: string, where: ReturnType<typeof sql>, by: typeof ledgerEntries.fundId | typeof ledgerEntries.budgetLineId) {
  const rows = await tx
    .select({ id: by, sum: sql<string>`sum(${ledgerEntries.amountSatang})` })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, and(eq(ledgerTransactions.tenantId, ledgerEntries.tenantId), eq(ledgerTransactions.id, ledgerEntries.transactionId)))
    .where(and(eq(ledgerEntries.tenantId, tenantId), eq(ledgerTransactions.status, 'posted'), where))
    .groupBy(by);
  return new Map(rows.map((r) => [r.id as string, Number(r.sum)]));
}

/**
 * Whether a payment under the threshold, added to the other payments and commitments to the same payee
 * (or, without a payee, on the same budget lines) within SPLIT_WINDOW_DAYS of its date, reaches the
 * threshold: then it looks split to stay under it. Pending and posted transactions count; rejected and
 * reversed ones do not. Paying out a commitment (expense debit, commitment credit) adds nothing new.
 */
export async function looksSplit(
  tx: Tx,
  tenantId: string,
  t: { kind: string; occurredOn: string; partyId: string | null },
  entries: Entry[],
  threshold: number,
): Promise<boolean> {
  if (t.kind !== 'expense' && t.kind !== 'commitment') return false;
  const own = entries.filter(uses).reduce((s, e) => s + e.amountSatang, 0);
  if (own <= 0) return false;
  const lineIds = [...new Set(entries.filter(uses).map((e) => e.budgetLineId!))];
  const match = t.partyId
    ? sql`t.party_id = ${t.partyId}`
    : sql`e.budget_line_id in (${sql.join(
        lineIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;
  const [sum] = await rows<{ s: string }>(
    tx,
    sql`
    select coalesce(sum(e.amount_satang), 0)::text as s
      from ledger_entries e join ledger_transactions t on t.tenant_id = e.tenant_id and t.id = e.transaction_id
     where e.tenant_id = ${tenantId} and e.account in ('commitment', 'expense')
       and t.status in ('posted', 'pending') and t.kind in ('expense', 'commitment')
       and t.occurred_on between ${t.occurredOn}::date - ${SPLIT_WINDOW_DAYS}::int and ${t.occurredOn}::date + ${SPLIT_WINDOW_DAYS}::int
       and ${match}
       and not exists (select 1 from ledger_transactions r where r.tenant_id = t.tenant_id and r.reverses_id = t.id and r.status <> 'rejected')`,
  );
  const others = Number(sum?.s ?? 0);
  return others > 0 && others + own >= threshold;
}

/** The exceptions a second officer can allow, by the reason the maker gave. */
export function allowed(reasons: readonly string[]): { overdraft: boolean; overAllocation: boolean } {
  return { overdraft: reasons.includes('overdraft' satisfies ReviewReason), overAllocation: reasons.includes('over_allocation' satisfies ReviewReason) };
}
