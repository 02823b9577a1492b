import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { evidenceFiles, planActivities, planProgressReports, strategyIndicators, strategyMeasurements, waterIncidents } from '../../db/schema';
import type { Tx } from '../../platform/db';

export type EvidenceRow = typeof evidenceFiles.$inferSelect;
export type NewEvidenceRow = typeof evidenceFiles.$inferInsert;

/** Which owner column an evidence row hangs on. */
export type OwnerKey = { reportId: string } | { measurementId: string } | { incidentId: string };

const ownerCond = (owner: OwnerKey): SQL =>
  'reportId' in owner
    ? eq(evidenceFiles.progressReportId, owner.reportId)
    : 'incidentId' in owner
      ? eq(evidenceFiles.incidentId, owner.incidentId)
      : eq(evidenceFiles.measurementId, owner.measurementId);

// The owners' labels: one read each of the owning module's rows, joined along the owner's whole path
// (plan → activity → report, indicator → measurement) so a file can only hang where its URL says.

export async function incidentLabel(tx: Tx, tenantId: string, incidentId: string) {
  const [i] = await tx
    .select({ place: waterIncidents.place, occurredOn: waterIncidents.occurredOn })
    .from(waterIncidents)
    .where(and(eq(waterIncidents.tenantId, tenantId), eq(waterIncidents.id, incidentId)))
    .limit(1);
  return i ?? null;
}

export async function reportLabel(tx: Tx, tenantId: string, owner: { planId: string; activityId: string; reportId: string }) {
  const [r] = await tx
    .select({ name: planActivities.name, reportedOn: planProgressReports.reportedOn })
    .from(planProgressReports)
    .innerJoin(planActivities, and(eq(planActivities.tenantId, planProgressReports.tenantId), eq(planActivities.id, planProgressReports.activityId)))
    .where(
      and(
        eq(planProgressReports.tenantId, tenantId),
        eq(planProgressReports.id, owner.reportId),
        eq(planActivities.id, owner.activityId),
        eq(planActivities.planId, owner.planId),
      ),
    )
    .limit(1);
  return r ?? null;
}

export async function measurementLabel(tx: Tx, tenantId: string, owner: { indicatorId: string; measurementId: string }) {
  const [m] = await tx
    .select({ name: strategyIndicators.name, unit: strategyIndicators.unit, value: strategyMeasurements.value, measuredOn: strategyMeasurements.measuredOn })
    .from(strategyMeasurements)
    .innerJoin(
      strategyIndicators,
      and(eq(strategyIndicators.tenantId, strategyMeasurements.tenantId), eq(strategyIndicators.id, strategyMeasurements.indicatorId)),
    )
    .where(
      and(
        eq(strategyMeasurements.tenantId, tenantId),
        eq(strategyMeasurements.id, owner.measurementId),
        eq(strategyMeasurements.indicatorId, owner.indicatorId),
      ),
    )
    .limit(1);
  return m ?? null;
}

export async function countFiles(tx: Tx, tenantId: string, owner: OwnerKey): Promise<number> {
  const [{ n }] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.tenantId, tenantId), ownerCond(owner)));
  return n;
}

export async function insertFile(tx: Tx, values: NewEvidenceRow): Promise<EvidenceRow> {
  const [row] = await tx.insert(evidenceFiles).values(values).returning();
  return row;
}

export async function findFile(tx: Tx, tenantId: string, owner: OwnerKey, id: string): Promise<EvidenceRow | null> {
  const [row] = await tx
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.tenantId, tenantId), eq(evidenceFiles.id, id), ownerCond(owner)))
    .limit(1);
  return row ?? null;
}

export async function deleteFile(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(evidenceFiles).where(and(eq(evidenceFiles.tenantId, tenantId), eq(evidenceFiles.id, id)));
}

/** The hashes the tenant's evidence rows still refer to (of these, or all of them). */
export async function usedHashes(tx: Tx, tenantId: string, hashes?: string[]): Promise<Set<string>> {
  const used = await tx
    .selectDistinct({ sha256: evidenceFiles.sha256 })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.tenantId, tenantId), hashes ? inArray(evidenceFiles.sha256, hashes) : undefined));
  return new Set(used.map((u) => u.sha256));
}

/** The files hanging on these owners (reports, measurements or incidents), oldest first. */
export function filesOf(tx: Tx, tenantId: string, column: 'progressReportId' | 'measurementId' | 'incidentId', ids: string[]): Promise<EvidenceRow[]> {
  return tx
    .select()
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.tenantId, tenantId), inArray(evidenceFiles[column], ids)))
    .orderBy(evidenceFiles.createdAt, evidenceFiles.id);
}
