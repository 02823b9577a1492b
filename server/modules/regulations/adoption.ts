import { and, eq, sql } from 'drizzle-orm';
import { regulationVersions } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';

/**
 * A regulation version as the committees module sees it when a resolution adopts it (or a later one revokes
 * that act). Locks the version row. Written only through setRegulationVersionAdoption.
 */
export async function regulationVersionAdoption(
  tx: Tx,
  tenantId: string,
  versionId: string,
): Promise<{ id: string; name: string; status: string; resolutionId: string | null } | null> {
  const [row] = await rows<{ id: string; name: string; status: string; resolutionId: string | null }>(
    tx,
    sql`select id, title || ' (ฉบับที่ ' || number || ')' as name, status, resolution_id as "resolutionId"
        from regulation_versions where tenant_id = ${tenantId} and id = ${versionId} for update`,
  );
  return row ?? null;
}

/**
 * Adopt (resolution id and the meeting's date) or un-adopt (null: the version goes back to draft). The version
 * takes effect on its proposed date, or on the adoption date when none was proposed or it was earlier.
 */
export async function setRegulationVersionAdoption(tx: Tx, tenantId: string, versionId: string, adoption: { resolutionId: string; on: string } | null) {
  const where = and(eq(regulationVersions.tenantId, tenantId), eq(regulationVersions.id, versionId));
  if (!adoption) {
    await tx.update(regulationVersions).set({ status: 'draft', adoptionKind: null, adoptedOn: null, resolutionId: null, updatedAt: new Date() }).where(where);
    return;
  }
  await tx
    .update(regulationVersions)
    .set({
      status: 'adopted',
      adoptionKind: 'resolution',
      adoptedOn: adoption.on,
      resolutionId: adoption.resolutionId,
      effectiveFrom: sql`greatest(coalesce(${regulationVersions.effectiveFrom}, ${adoption.on}::date), ${adoption.on}::date)`,
      updatedAt: new Date(),
    })
    .where(where);
}
