import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import {
  networks,
  parties,
  strategies,
  strategyFrames,
  strategyGoalNetworks,
  strategyGoalParties,
  strategyGoals,
  strategyIndicators,
  strategyIndicatorTargets,
  strategyMeasurements,
} from '../../db/schema';
import type { Tx } from '../../platform/db';
import { inOrder } from '../../platform/in-order';
import { pageOf } from '../../platform/page-total';

export type FrameRow = typeof strategyFrames.$inferSelect;
export type GoalRow = typeof strategyGoals.$inferSelect;
export type StrategyRow = typeof strategies.$inferSelect;
export type IndicatorRow = typeof strategyIndicators.$inferSelect;
export type MeasurementRow = typeof strategyMeasurements.$inferSelect;
type Target = { fiscalYear: number; target: number };

// ---- frames ----

export async function getFrame(tx: Tx, tenantId: string, networkId: string | null | undefined): Promise<FrameRow | null> {
  const [row] = await tx
    .select()
    .from(strategyFrames)
    .where(and(eq(strategyFrames.tenantId, tenantId), networkId ? eq(strategyFrames.networkId, networkId) : isNull(strategyFrames.networkId)))
    .limit(1);
  return row ?? null;
}

export async function updateFrame(tx: Tx, tenantId: string, id: string, values: { vision: string | null; missions: string[] }): Promise<FrameRow> {
  const [row] = await tx
    .update(strategyFrames)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(strategyFrames.tenantId, tenantId), eq(strategyFrames.id, id)))
    .returning();
  return row;
}

export async function insertFrame(tx: Tx, values: typeof strategyFrames.$inferInsert): Promise<FrameRow> {
  const [row] = await tx.insert(strategyFrames).values(values).returning();
  return row;
}

// ---- the tree ----

/** The goals (of a network, or all), in their order. */
export function goalsOf(tx: Tx, tenantId: string, networkId: string | undefined): Promise<GoalRow[]> {
  return tx
    .select()
    .from(strategyGoals)
    .where(
      and(
        eq(strategyGoals.tenantId, tenantId),
        networkId
          ? sql`exists (select 1 from ${strategyGoalNetworks} gn where gn.tenant_id = ${strategyGoals.tenantId} and gn.goal_id = ${strategyGoals.id} and gn.network_id = ${networkId})`
          : undefined,
      ),
    )
    .orderBy(asc(strategyGoals.sortOrder), asc(strategyGoals.code), asc(strategyGoals.createdAt));
}

/** What hangs under the goals: their networks (names) and parties (whole rows, for the summary), strategies and indicators. */
export async function goalContents(tx: Tx, tenantId: string, goalIds: string[]) {
  if (!goalIds.length) return { goalNets: [], goalParties: [], strategyRows: [], indicatorRows: [] };
  const [goalNets, goalParties, strategyRows, indicatorRows] = await inOrder([
    tx
      .select({ goalId: strategyGoalNetworks.goalId, id: networks.id, name: networks.name })
      .from(strategyGoalNetworks)
      .innerJoin(networks, and(eq(networks.tenantId, strategyGoalNetworks.tenantId), eq(networks.id, strategyGoalNetworks.networkId)))
      .where(and(eq(strategyGoalNetworks.tenantId, tenantId), inArray(strategyGoalNetworks.goalId, goalIds))),
    tx
      .select({ goalId: strategyGoalParties.goalId, party: parties })
      .from(strategyGoalParties)
      .innerJoin(parties, and(eq(parties.tenantId, strategyGoalParties.tenantId), eq(parties.id, strategyGoalParties.partyId)))
      .where(and(eq(strategyGoalParties.tenantId, tenantId), inArray(strategyGoalParties.goalId, goalIds))),
    tx
      .select()
      .from(strategies)
      .where(and(eq(strategies.tenantId, tenantId), inArray(strategies.goalId, goalIds)))
      .orderBy(asc(strategies.sortOrder), asc(strategies.code), asc(strategies.createdAt)),
    tx
      .select()
      .from(strategyIndicators)
      .where(and(eq(strategyIndicators.tenantId, tenantId), inArray(strategyIndicators.goalId, goalIds)))
      .orderBy(asc(strategyIndicators.createdAt)),
  ]);
  return { goalNets, goalParties, strategyRows, indicatorRows };
}

/** The indicators' yearly targets and each one's latest measurement. */
export async function indicatorTargetsAndLatest(tx: Tx, tenantId: string, ids: string[]) {
  const [targets, latest] = await inOrder([
    tx
      .select()
      .from(strategyIndicatorTargets)
      .where(and(eq(strategyIndicatorTargets.tenantId, tenantId), inArray(strategyIndicatorTargets.indicatorId, ids)))
      .orderBy(asc(strategyIndicatorTargets.fiscalYear)),
    tx
      .selectDistinctOn([strategyMeasurements.indicatorId])
      .from(strategyMeasurements)
      .where(and(eq(strategyMeasurements.tenantId, tenantId), inArray(strategyMeasurements.indicatorId, ids)))
      .orderBy(strategyMeasurements.indicatorId, desc(strategyMeasurements.measuredOn), desc(strategyMeasurements.createdAt)),
  ]);
  return { targets, latest };
}

export function indicatorsByIds(tx: Tx, tenantId: string, ids: string[]): Promise<IndicatorRow[]> {
  return tx
    .select()
    .from(strategyIndicators)
    .where(and(eq(strategyIndicators.tenantId, tenantId), inArray(strategyIndicators.id, ids)));
}

// ---- goals ----

export async function getGoal(tx: Tx, tenantId: string, id: string): Promise<GoalRow | null> {
  const [g] = await tx
    .select()
    .from(strategyGoals)
    .where(and(eq(strategyGoals.tenantId, tenantId), eq(strategyGoals.id, id)))
    .limit(1);
  return g ?? null;
}

export async function insertGoal(tx: Tx, values: typeof strategyGoals.$inferInsert): Promise<GoalRow> {
  const [row] = await tx.insert(strategyGoals).values(values).returning();
  return row;
}

export async function updateGoal(tx: Tx, tenantId: string, id: string, values: Pick<GoalRow, 'code' | 'name' | 'description' | 'sortOrder'>): Promise<GoalRow> {
  const [after] = await tx
    .update(strategyGoals)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(strategyGoals.tenantId, tenantId), eq(strategyGoals.id, id)))
    .returning();
  return after;
}

export async function deleteGoal(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(strategyGoals).where(and(eq(strategyGoals.tenantId, tenantId), eq(strategyGoals.id, id)));
}

/** Replace the goal's networks and/or parties (whichever is given). */
export async function setGoalLinks(tx: Tx, tenantId: string, goalId: string, networkIds?: string[], partyIds?: string[]) {
  if (networkIds) {
    await tx.delete(strategyGoalNetworks).where(and(eq(strategyGoalNetworks.tenantId, tenantId), eq(strategyGoalNetworks.goalId, goalId)));
    if (networkIds.length) await tx.insert(strategyGoalNetworks).values(networkIds.map((networkId) => ({ tenantId, goalId, networkId })));
  }
  if (partyIds) {
    await tx.delete(strategyGoalParties).where(and(eq(strategyGoalParties.tenantId, tenantId), eq(strategyGoalParties.goalId, goalId)));
    if (partyIds.length) await tx.insert(strategyGoalParties).values(partyIds.map((partyId) => ({ tenantId, goalId, partyId })));
  }
}

// ---- strategies ----

export async function getStrategy(tx: Tx, tenantId: string, id: string): Promise<StrategyRow | null> {
  const [s] = await tx
    .select()
    .from(strategies)
    .where(and(eq(strategies.tenantId, tenantId), eq(strategies.id, id)))
    .limit(1);
  return s ?? null;
}

export async function insertStrategy(tx: Tx, values: typeof strategies.$inferInsert): Promise<StrategyRow> {
  const [row] = await tx.insert(strategies).values(values).returning();
  return row;
}

export async function updateStrategy(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Pick<StrategyRow, 'code' | 'name' | 'description' | 'sortOrder'>,
): Promise<StrategyRow> {
  const [after] = await tx
    .update(strategies)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(strategies.tenantId, tenantId), eq(strategies.id, id)))
    .returning();
  return after;
}

export async function deleteStrategy(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(strategies).where(and(eq(strategies.tenantId, tenantId), eq(strategies.id, id)));
}

// ---- indicators and measurements ----

export async function getIndicator(tx: Tx, tenantId: string, id: string): Promise<IndicatorRow | null> {
  const [row] = await tx
    .select()
    .from(strategyIndicators)
    .where(and(eq(strategyIndicators.tenantId, tenantId), eq(strategyIndicators.id, id)))
    .limit(1);
  return row ?? null;
}

export async function insertIndicator(tx: Tx, values: typeof strategyIndicators.$inferInsert): Promise<IndicatorRow> {
  const [row] = await tx.insert(strategyIndicators).values(values).returning();
  return row;
}

export async function updateIndicator(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Pick<IndicatorRow, 'strategyId' | 'name' | 'unit' | 'direction' | 'baseline' | 'baselineYear'>,
): Promise<IndicatorRow> {
  const [after] = await tx
    .update(strategyIndicators)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(strategyIndicators.tenantId, tenantId), eq(strategyIndicators.id, id)))
    .returning();
  return after;
}

export async function deleteIndicator(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(strategyIndicators).where(and(eq(strategyIndicators.tenantId, tenantId), eq(strategyIndicators.id, id)));
}

export function targetsOf(tx: Tx, tenantId: string, indicatorId: string): Promise<Target[]> {
  return tx
    .select({ fiscalYear: strategyIndicatorTargets.fiscalYear, target: strategyIndicatorTargets.target })
    .from(strategyIndicatorTargets)
    .where(and(eq(strategyIndicatorTargets.tenantId, tenantId), eq(strategyIndicatorTargets.indicatorId, indicatorId)))
    .orderBy(asc(strategyIndicatorTargets.fiscalYear));
}

export async function insertTargets(tx: Tx, tenantId: string, indicatorId: string, targets: Target[]): Promise<void> {
  if (targets.length) await tx.insert(strategyIndicatorTargets).values(targets.map((t) => ({ tenantId, indicatorId, ...t })));
}

export async function deleteTargets(tx: Tx, tenantId: string, indicatorId: string): Promise<void> {
  await tx.delete(strategyIndicatorTargets).where(and(eq(strategyIndicatorTargets.tenantId, tenantId), eq(strategyIndicatorTargets.indicatorId, indicatorId)));
}

export async function insertMeasurement(tx: Tx, values: typeof strategyMeasurements.$inferInsert): Promise<MeasurementRow> {
  const [row] = await tx.insert(strategyMeasurements).values(values).returning();
  return row;
}

/** A page of the indicator's measurements, newest first, with the total. */
export async function listMeasurements(tx: Tx, tenantId: string, indicatorId: string, limit: number, offset: number) {
  const w = and(eq(strategyMeasurements.tenantId, tenantId), eq(strategyMeasurements.indicatorId, indicatorId));
  return pageOf(tx, strategyMeasurements, w, [desc(strategyMeasurements.measuredOn), desc(strategyMeasurements.createdAt)], limit, offset);
}

export async function getMeasurement(tx: Tx, tenantId: string, indicatorId: string, id: string): Promise<MeasurementRow | null> {
  const [row] = await tx
    .select()
    .from(strategyMeasurements)
    .where(and(eq(strategyMeasurements.tenantId, tenantId), eq(strategyMeasurements.indicatorId, indicatorId), eq(strategyMeasurements.id, id)))
    .limit(1);
  return row ?? null;
}

export async function deleteMeasurement(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(strategyMeasurements).where(and(eq(strategyMeasurements.tenantId, tenantId), eq(strategyMeasurements.id, id)));
}

/** For other modules (plans): which of these ids are this tenant's indicators. */
export async function existingIndicatorIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await tx
    .select({ id: strategyIndicators.id })
    .from(strategyIndicators)
    .where(and(eq(strategyIndicators.tenantId, tenantId), inArray(strategyIndicators.id, ids)));
  return new Set(found.map((r) => r.id));
}
