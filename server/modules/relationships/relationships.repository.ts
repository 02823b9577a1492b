import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { parties, partyRelationships } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { likePattern, thaiOrder } from '../../platform/sql';

/** All SQL on party_relationships; the two parties' summaries are joined in (a read of partners' table). */

const fromParty = alias(parties, 'from_party');
const toParty = alias(parties, 'to_party');
const summaryOf = (p: typeof fromParty | typeof toParty) => ({
  id: p.id,
  kind: p.kind,
  name: p.name,
  sector: p.sector,
  pillar: p.pillar,
  orgType: p.orgType,
  position: p.position,
});

function baseQuery(tx: Tx) {
  return tx
    .select({ rel: partyRelationships, from: summaryOf(fromParty), to: summaryOf(toParty) })
    .from(partyRelationships)
    .innerJoin(fromParty, and(eq(fromParty.tenantId, partyRelationships.tenantId), eq(fromParty.id, partyRelationships.fromPartyId)))
    .innerJoin(toParty, and(eq(toParty.tenantId, partyRelationships.tenantId), eq(toParty.id, partyRelationships.toPartyId)));
}

export type RelationshipRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];
export type RelationshipValues = Pick<typeof partyRelationships.$inferInsert, 'type' | 'note' | 'startDate' | 'endDate'>;

export function relationshipsOfParty(tx: Tx, tenantId: string, partyId: string): Promise<RelationshipRow[]> {
  return baseQuery(tx)
    .where(and(eq(partyRelationships.tenantId, tenantId), or(eq(partyRelationships.fromPartyId, partyId), eq(partyRelationships.toPartyId, partyId))))
    .orderBy(asc(partyRelationships.startDate))
    .limit(500);
}

export async function listRelationships(
  tx: Tx,
  tenantId: string,
  f: { partyId?: string; type?: string; q?: string },
  limit: number,
  offset: number,
): Promise<{ rows: RelationshipRow[]; total: number }> {
  const conds: (SQL | undefined)[] = [eq(partyRelationships.tenantId, tenantId)];
  if (f.partyId) conds.push(or(eq(partyRelationships.fromPartyId, f.partyId), eq(partyRelationships.toPartyId, f.partyId)));
  if (f.type) conds.push(eq(partyRelationships.type, f.type));
  if (f.q) conds.push(sql`(${fromParty.name} ilike ${likePattern(f.q)} or ${toParty.name} ilike ${likePattern(f.q)})`);
  const w = and(...conds);
  // one after the other: a transaction is one connection, and pg refuses overlapping queries
  const rows = await baseQuery(tx).where(w).orderBy(thaiOrder(fromParty.name), asc(partyRelationships.id)).limit(limit).offset(offset);
  const [{ total }] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(partyRelationships)
    .innerJoin(fromParty, and(eq(fromParty.tenantId, partyRelationships.tenantId), eq(fromParty.id, partyRelationships.fromPartyId)))
    .innerJoin(toParty, and(eq(toParty.tenantId, partyRelationships.tenantId), eq(toParty.id, partyRelationships.toPartyId)))
    .where(w);
  return { rows, total };
}

export async function getRelationship(tx: Tx, tenantId: string, id: string): Promise<RelationshipRow | null> {
  const [row] = await baseQuery(tx)
    .where(and(eq(partyRelationships.tenantId, tenantId), eq(partyRelationships.id, id)))
    .limit(1);
  return row ?? null;
}

export async function insertRelationship(tx: Tx, values: typeof partyRelationships.$inferInsert) {
  const [rel] = await tx.insert(partyRelationships).values(values).returning();
  return rel;
}

export async function updateRelationship(tx: Tx, tenantId: string, id: string, values: RelationshipValues) {
  await tx
    .update(partyRelationships)
    .set(values)
    .where(and(eq(partyRelationships.tenantId, tenantId), eq(partyRelationships.id, id)));
}

export async function deleteRelationship(tx: Tx, tenantId: string, id: string) {
  await tx.delete(partyRelationships).where(and(eq(partyRelationships.tenantId, tenantId), eq(partyRelationships.id, id)));
}

/** Erasure (PDPA): the person's relationships stay (they count in the network map); their notes go. */
export async function clearPersonNotes(tx: Tx, tenantId: string, partyId: string): Promise<void> {
  await tx.execute(
    sql`update party_relationships set note = null where tenant_id = ${tenantId} and (from_party_id = ${partyId} or to_party_id = ${partyId}) and note is not null`,
  );
}
