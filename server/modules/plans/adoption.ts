import { and, eq } from 'drizzle-orm';
import { plans } from '../../db/schema';
import type { Tx } from '../../platform/db';

/**
 * The committee resolution that adopted a plan (issue 13). Written only by the committees module when a
 * resolution adopts the plan or a later resolution revokes that act; locks the plan row.
 */
export async function planAdoption(
  tx: Tx,
  tenantId: string,
  planId: string,
): Promise<{ id: string; name: string; adoptedByResolutionId: string | null } | null> {
  const [row] = await tx
    .select({ id: plans.id, name: plans.name, adoptedByResolutionId: plans.adoptedByResolutionId })
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)))
    .for('update');
  return row ?? null;
}

export async function setPlanAdoption(tx: Tx, tenantId: string, planId: string, resolutionId: string | null): Promise<void> {
  await tx
    .update(plans)
    .set({ adoptedByResolutionId: resolutionId })
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)));
}
