import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { networks, parties, participationRecords, planActivities, planNetworks, plans } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { pageOf } from '../../platform/page-total';
import { likePattern, thaiOrder } from '../../platform/sql';

export type RecordRow = typeof participationRecords.$inferSelect;
export type RecordValues = typeof participationRecords.$inferInsert;

// ---- the event's links (plans and networks are read here, for a check and a default) ----

/** The plan an activity belongs to (undefined for an unknown activity). */
export async function activityPlanId(tx: Tx, tenantId: string, activityId: string): Promise<string | undefined> {
  const [a] = await tx
    .select({ planId: planActivities.planId })
    .from(planActivities)
    .where(and(eq(planActivities.tenantId, tenantId), eq(planActivities.id, activityId)))
    .limit(1);
  return a?.planId;
}

export async function planExists(tx: Tx, tenantId: string, planId: string): Promise<boolean> {
  const [p] = await tx
    .select({ id: plans.id })
    .from(plans)
    .where(and(eq(plans.tenantId, tenantId), eq(plans.id, planId)))
    .limit(1);
  return !!p;
}

/** The networks a plan is linked to. */
export async function planNetworkIds(tx: Tx, tenantId: string, planId: string): Promise<string[]> {
  const nets = await tx
    .select({ id: planNetworks.networkId })
    .from(planNetworks)
    .where(and(eq(planNetworks.tenantId, tenantId), eq(planNetworks.planId, planId)));
  return nets.map((n) => n.id);
}

export async function networkExists(tx: Tx, tenantId: string, networkId: string): Promise<boolean> {
  const [n] = await tx
    .select({ id: networks.id })
    .from(networks)
    .where(and(eq(networks.tenantId, tenantId), eq(networks.id, networkId)))
    .limit(1);
  return !!n;
}

/** The participants' pillar and sector (the defaults of a record), for those that exist. */
export function partyKinds(tx: Tx, tenantId: string, ids: string[]) {
  return tx
    .select({ id: parties.id, pillar: parties.pillar, sector: parties.sector })
    .from(parties)
    .where(and(eq(parties.tenantId, tenantId), inArray(parties.id, ids)));
}

/** Whole party rows (for the summary a record shows). */
export function partiesByIds(tx: Tx, tenantId: string, ids: string[]) {
  return tx
    .select()
    .from(parties)
    .where(and(eq(parties.tenantId, tenantId), inArray(parties.id, ids)));
}

export function networkNames(tx: Tx, tenantId: string, ids: string[]) {
  return tx
    .select({ id: networks.id, name: networks.name })
    .from(networks)
    .where(and(eq(networks.tenantId, tenantId), inArray(networks.id, ids)));
}

// ---- records ----

export function insertRecords(tx: Tx, values: RecordValues[]): Promise<RecordRow[]> {
  return tx.insert(participationRecords).values(values).returning();
}

export async function getRecord(tx: Tx, tenantId: string, id: string): Promise<RecordRow | undefined> {
  const [r] = await tx
    .select()
    .from(participationRecords)
    .where(and(eq(participationRecords.tenantId, tenantId), eq(participationRecords.id, id)))
    .limit(1);
  return r;
}

export async function deleteRecordRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(participationRecords).where(and(eq(participationRecords.tenantId, tenantId), eq(participationRecords.id, id)));
}

export interface RecordFilter {
  fiscalYear?: number;
  level?: string;
  /** 'none': records without a network */
  networkId?: string;
  /** 'unknown': records without a pillar */
  pillar?: string;
  /** 'unknown': records without a sector */
  sector?: string;
  partyId?: string;
  planId?: string;
  activityId?: string;
  q?: string;
}

/** A page of records matching the filter, newest first, with the total. */
export async function recordPage(tx: Tx, tenantId: string, f: RecordFilter, limit: number, offset: number) {
  const t = participationRecords;
  const conds: (SQL | undefined)[] = [eq(t.tenantId, tenantId)];
  if (f.fiscalYear) conds.push(eq(t.fiscalYear, f.fiscalYear));
  if (f.level) conds.push(eq(t.level, f.level));
  if (f.networkId) conds.push(f.networkId === 'none' ? isNull(t.networkId) : eq(t.networkId, f.networkId));
  if (f.pillar) conds.push(f.pillar === 'unknown' ? isNull(t.pillar) : eq(t.pillar, f.pillar));
  if (f.sector) conds.push(f.sector === 'unknown' ? isNull(t.sector) : eq(t.sector, f.sector));
  if (f.partyId) conds.push(eq(t.partyId, f.partyId));
  if (f.planId) conds.push(eq(t.planId, f.planId));
  if (f.activityId) conds.push(eq(t.activityId, f.activityId));
  if (f.q) {
    const p = likePattern(f.q);
    conds.push(sql`(${t.title} ilike ${p} or ${t.groupName} ilike ${p})`);
  }
  return pageOf(tx, t, and(...conds), [desc(t.occurredOn), asc(thaiOrder(t.title)), asc(t.id)], limit, offset);
}

// ---- the matrix ----

/**
 * One occasion = one event on one day: a forum recorded with one partner and two groups is three
 * records but one occasion. Records of the same date, level, subject and title (and plan/activity)
 * are the same occasion.
 */
const occasionKey = (t: typeof participationRecords) =>
  sql`concat_ws('|', ${t.occurredOn}::text, ${t.subjectKind}, ${t.title}, coalesce(${t.planId}::text, '-'), coalesce(${t.activityId}::text, '-'))`;

/** Occasions, records and people per level, for one fiscal year: by network (with its name), pillar, sector and overall. */
export async function matrixCounts(tx: Tx, tenantId: string, fiscalYear: number) {
  const t = participationRecords;
  const agg = {
    level: t.level,
    occasions: sql<number>`count(distinct ${occasionKey(t)})::int`,
    records: sql<number>`count(*)::int`,
    people: sql<number>`coalesce(sum(${t.headCount}), 0)::int`,
  };
  const w = and(eq(t.tenantId, tenantId), eq(t.fiscalYear, fiscalYear));
  const byNetwork = await tx
    .select({ key: t.networkId, name: networks.name, ...agg })
    .from(t)
    .leftJoin(networks, and(eq(networks.tenantId, t.tenantId), eq(networks.id, t.networkId)))
    .where(w)
    .groupBy(t.networkId, networks.name, t.level);
  const byPillar = await tx
    .select({ key: t.pillar, ...agg })
    .from(t)
    .where(w)
    .groupBy(t.pillar, t.level);
  const bySector = await tx
    .select({ key: t.sector, ...agg })
    .from(t)
    .where(w)
    .groupBy(t.sector, t.level);
  const whole = await tx.select(agg).from(t).where(w).groupBy(t.level);
  return { byNetwork, byPillar, bySector, whole };
}

// ---- erasure ----

/** Erasure (PDPA): participation keeps counting; the free-text notes about the person go. */
export async function clearPersonNotes(tx: Tx, tenantId: string, partyId: string): Promise<void> {
  await tx.execute(sql`update participation_records set note = null where tenant_id = ${tenantId} and party_id = ${partyId} and note is not null`);
}
