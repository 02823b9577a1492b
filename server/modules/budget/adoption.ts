import { and, eq, sql } from 'drizzle-orm';
import { budgetLines } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';

/**
 * The committee resolution that approved a budget line (issue 13). Written only by the committees module
 * when a resolution approves the line or a later resolution revokes that act; locks the line row.
 * Leaves the ledger alone: approval is a record of the decision, not a posting.
 */
export async function budgetLineApproval(
  tx: Tx,
  tenantId: string,
  lineId: string,
): Promise<{ id: string; name: string; approvedByResolutionId: string | null } | null> {
  const [row] = await tx
    .select({ id: budgetLines.id, name: budgetLines.name, approvedByResolutionId: budgetLines.approvedByResolutionId })
    .from(budgetLines)
    .where(and(eq(budgetLines.tenantId, tenantId), eq(budgetLines.id, lineId)))
    .for('update');
  return row ?? null;
}

export async function setBudgetLineApproval(tx: Tx, tenantId: string, lineId: string, resolutionId: string | null): Promise<void> {
  await tx
    .update(budgetLines)
    .set({ approvedByResolutionId: resolutionId })
    .where(and(eq(budgetLines.tenantId, tenantId), eq(budgetLines.id, lineId)));
}

/** For the committees module: the resolution that approved the line (undefined when there is no such line); no lock. */
export async function budgetLineApprovedBy(tx: Tx, tenantId: string, lineId: string): Promise<{ current: string | null } | undefined> {
  const [found] = await rows<{ current: string | null }>(
    tx,
    sql`select approved_by_resolution_id as current from budget_lines where tenant_id = ${tenantId} and id = ${lineId}`,
  );
  return found;
}
