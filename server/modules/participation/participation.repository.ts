import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db';

/** Erasure (PDPA): participation keeps counting; the free-text notes about the person go. */
export async function clearPersonNotes(tx: Tx, tenantId: string, partyId: string): Promise<void> {
  await tx.execute(sql`update participation_records set note = null where tenant_id = ${tenantId} and party_id = ${partyId} and note is not null`);
}
