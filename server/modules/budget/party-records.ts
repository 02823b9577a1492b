import { and, asc, eq } from 'drizzle-orm';
import { budgetFunds, ledgerTransactions } from '../../db/schema';
import type { Tx } from '../../platform/db';

/**
 * What the ledger holds about one party, read-only, for the PDPA subject export and erasure checks
 * (server/modules/privacy). The ledger names a party only by id, so erasing a person never touches it.
 */
export async function ledgerOfParty(tx: Tx, tenantId: string, partyId: string) {
  const t = ledgerTransactions;
  const transactions = await tx
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
  const funds = await tx
    .select({ id: budgetFunds.id, name: budgetFunds.name, kind: budgetFunds.kind, fiscalYear: budgetFunds.fiscalYear })
    .from(budgetFunds)
    .where(and(eq(budgetFunds.tenantId, tenantId), eq(budgetFunds.partyId, partyId)));
  return { transactions: transactions.map((x) => ({ ...x, totalSatang: Number(x.totalSatang) })), funds };
}
