import type { Tx } from '../../platform/db';
import { fundsOfParty } from './budget.repository';
import { transactionsOfParty } from './ledger.repository';

/**
 * What the ledger holds about one party, read-only, for the PDPA subject export and erasure checks
 * (server/modules/privacy). The ledger names a party only by id, so erasing a person never touches it.
 */
export async function ledgerOfParty(tx: Tx, tenantId: string, partyId: string) {
  const transactions = await transactionsOfParty(tx, tenantId, partyId);
  const funds = await fundsOfParty(tx, tenantId, partyId);
  return { transactions: transactions.map((x) => ({ ...x, totalSatang: Number(x.totalSatang) })), funds };
}
