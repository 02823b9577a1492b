import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db';

/** Erasure (PDPA): the person's relationships stay (they count in the network map); their notes go. */
export async function clearPersonNotes(tx: Tx, tenantId: string, partyId: string): Promise<void> {
  await tx.execute(
    sql`update party_relationships set note = null where tenant_id = ${tenantId} and (from_party_id = ${partyId} or to_party_id = ${partyId}) and note is not null`,
  );
}
