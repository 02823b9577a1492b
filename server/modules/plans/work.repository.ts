import { and, desc, eq, sql } from 'drizzle-orm';
import { planActivities, planProgressReports, planProjectIndicators, planProjects } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { insertRow } from '../../platform/sql';
import { pageOf } from '../../platform/page-total';
import type { ActivityRow, ProjectRow } from './plans.repository';

/** A plan's work: its projects, their activities and the activities' progress reports (projects and activities services, carry-forward). */

export type ReportRow = typeof planProgressReports.$inferSelect;

export async function getProject(tx: Tx, tenantId: string, planId: string, id: string): Promise<ProjectRow | null> {
  const [row] = await tx
    .select()
    .from(planProjects)
    .where(and(eq(planProjects.tenantId, tenantId), eq(planProjects.planId, planId), eq(planProjects.id, id)))
    .limit(1);
  return row ?? null;
}

export async function getActivity(tx: Tx, tenantId: string, planId: string, id: string): Promise<ActivityRow | null> {
  const [row] = await tx
    .select()
    .from(planActivities)
    .where(and(eq(planActivities.tenantId, tenantId), eq(planActivities.planId, planId), eq(planActivities.id, id)))
    .limit(1);
  return row ?? null;
}

export async function listReports(tx: Tx, tenantId: string, activityId: string, limit: number, offset: number) {
  const w = and(eq(planProgressReports.tenantId, tenantId), eq(planProgressReports.activityId, activityId));
  return pageOf(tx, planProgressReports, w, [desc(planProgressReports.reportedOn), desc(planProgressReports.createdAt)], limit, offset);
}

/** The latest report's percentage (by report date, then entry time), or 0 without reports. */
export async function latestPercentage(tx: Tx, tenantId: string, activityId: string): Promise<number> {
  const [row] = await tx
    .select({ percentage: planProgressReports.percentage })
    .from(planProgressReports)
    .where(and(eq(planProgressReports.tenantId, tenantId), eq(planProgressReports.activityId, activityId)))
    .orderBy(desc(planProgressReports.reportedOn), desc(planProgressReports.createdAt))
    .limit(1);
  return row?.percentage ?? 0;
}

export async function nextProjectSort(tx: Tx, tenantId: string, planId: string): Promise<number> {
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${planProjects.sortOrder}) + 1, 0)::int` })
    .from(planProjects)
    .where(and(eq(planProjects.tenantId, tenantId), eq(planProjects.planId, planId)));
  return next;
}

export async function insertProject(tx: Tx, values: typeof planProjects.$inferInsert): Promise<ProjectRow> {
  const [row] = await tx.insert(planProjects).values(values).returning();
  return row;
}

export async function updateProject(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Partial<Omit<typeof planProjects.$inferInsert, 'tenantId' | 'id'>>,
): Promise<ProjectRow> {
  const [after] = await tx
    .update(planProjects)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(planProjects.tenantId, tenantId), eq(planProjects.id, id)))
    .returning();
  return after;
}

export async function deleteProject(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(planProjects).where(and(eq(planProjects.tenantId, tenantId), eq(planProjects.id, id)));
}

/** Link the project to these indicators (replacing its links when `replace`). */
export async function setProjectIndicators(tx: Tx, tenantId: string, projectId: string, indicatorIds: string[], replace: boolean): Promise<void> {
  if (replace) await tx.delete(planProjectIndicators).where(and(eq(planProjectIndicators.tenantId, tenantId), eq(planProjectIndicators.projectId, projectId)));
  if (indicatorIds.length) await tx.insert(planProjectIndicators).values(indicatorIds.map((indicatorId) => ({ tenantId, projectId, indicatorId })));
}

export async function nextActivitySort(tx: Tx, tenantId: string, projectId: string): Promise<number> {
  const [{ next }] = await tx
    .select({ next: sql<number>`coalesce(max(${planActivities.sortOrder}) + 1, 0)::int` })
    .from(planActivities)
    .where(and(eq(planActivities.tenantId, tenantId), eq(planActivities.projectId, projectId)));
  return next;
}

export async function insertActivity(tx: Tx, values: typeof planActivities.$inferInsert): Promise<ActivityRow> {
  const [row] = await tx.insert(planActivities).values(values).returning();
  return row;
}

/** Insert activities, skipping any that conflicts with one already there (a carried activity is carried once). */
export function insertActivitiesOnce(tx: Tx, values: (typeof planActivities.$inferInsert)[]): Promise<ActivityRow[]> {
  return tx.insert(planActivities).values(values).onConflictDoNothing().returning();
}

export async function updateActivity(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Partial<Omit<typeof planActivities.$inferInsert, 'tenantId' | 'id'>>,
): Promise<ActivityRow> {
  const [after] = await tx
    .update(planActivities)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(planActivities.tenantId, tenantId), eq(planActivities.id, id)))
    .returning();
  return after;
}

export async function deleteActivity(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(planActivities).where(and(eq(planActivities.tenantId, tenantId), eq(planActivities.id, id)));
}

export const insertReport = (tx: Tx, values: typeof planProgressReports.$inferInsert): Promise<ReportRow> => insertRow(tx, planProgressReports, values);
