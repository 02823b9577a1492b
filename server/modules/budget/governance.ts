import type { ReviewReason } from '../../../common/schemas/budget';
import type { Tx } from '../../platform/db';
import * as repo from './governance.repository';

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
    await repo.lockFunds(tx, tenantId, paying);
    const held = await repo.postedFundSums(tx, tenantId, paying);
    out.overdrawn = paying.filter((id) => (held.get(id) ?? 0) + fund.get(id)! < 0);
  }
  if (using.length) {
    const lines = await repo.lockLines(tx, tenantId, using);
    const used = await repo.postedLineUse(tx, tenantId, using);
    out.overspent = lines.filter((r) => (used.get(r.id) ?? 0) + line.get(r.id)! > r.allocated).map((r) => r.id);
  }
  return out;
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
  const others = await repo.usesNear(tx, tenantId, { occurredOn: t.occurredOn, windowDays: SPLIT_WINDOW_DAYS, partyId: t.partyId, lineIds });
  return others > 0 && others + own >= threshold;
}

/** The exceptions a second officer can allow, by the reason the maker gave. */
export function allowed(reasons: readonly string[]): { overdraft: boolean; overAllocation: boolean } {
  return { overdraft: reasons.includes('overdraft' satisfies ReviewReason), overAllocation: reasons.includes('over_allocation' satisfies ReviewReason) };
}
