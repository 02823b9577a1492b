import { sql } from 'drizzle-orm';
import type { Tx } from '../../platform/db';

/** Erasure (PDPA): the person's profile goes, their hours keep counting without the free-text note. */
export async function clearPersonTraces(tx: Tx, tenantId: string, partyId: string): Promise<void> {
  await tx.execute(sql`delete from person_profiles where tenant_id = ${tenantId} and party_id = ${partyId}`);
  await tx.execute(sql`update volunteer_hours set note = null where tenant_id = ${tenantId} and party_id = ${partyId} and note is not null`);
}
