import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { networkMembers, networks, parties } from '../../db/schema';
import type { Tx } from '../../platform/db';
import type { PartyRow } from './partners.present';
import type { PartyValues } from './partners.validate';
import { pageOf } from '../../platform/page-total';
import { likePattern, thaiOrder } from '../../platform/sql';

/** A partner's summary columns (what presentPartySummary shows), for other modules' joins to parties. */
export const partySummaryColumns = {
  id: parties.id,
  kind: parties.kind,
  name: parties.name,
  sector: parties.sector,
  pillar: parties.pillar,
  orgType: parties.orgType,
  position: parties.position,
};

export interface PartyFilter {
  q?: string;
  kind?: string;
  sector?: string;
  pillar?: string;
  orgType?: string;
}

function where(tenantId: string, f: PartyFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [eq(parties.tenantId, tenantId)];
  if (f.q) {
    const p = likePattern(f.q);
    conds.push(or(ilike(parties.name, p), ilike(parties.nameEn, p), ilike(parties.position, p), ilike(parties.phone, p)));
  }
  if (f.kind) conds.push(eq(parties.kind, f.kind));
  if (f.sector) conds.push(eq(parties.sector, f.sector));
  if (f.pillar) conds.push(eq(parties.pillar, f.pillar));
  if (f.orgType) conds.push(eq(parties.orgType, f.orgType));
  return and(...conds);
}

/**
 * With a search, what the words name comes first: the exact name, then names that start with them,
 * then names that contain them (organisations before people), and only then matches on a position or a
 * phone — so "ศูนย์พัฒนาเด็กเล็ก" lists the centre before the staff whose position mentions it.
 */
function relevance(q: string | undefined): SQL[] {
  if (!q) return [];
  const text = q.trim().toLowerCase();
  const starts = `${likePattern(q).slice(1)}`; // "words%"
  return [
    desc(sql`lower(${parties.name}) = ${text}`),
    desc(sql`${parties.name} ilike ${starts}`),
    desc(sql`${parties.name} ilike ${likePattern(q)}`),
    desc(sql`${parties.kind} = 'organization'`),
  ];
}

export async function listParties(tx: Tx, tenantId: string, f: PartyFilter, sort: 'name' | '-updatedAt', limit: number, offset: number) {
  const w = where(tenantId, f);
  const order = sort === 'name' ? [...relevance(f.q), asc(thaiOrder(parties.name)), asc(parties.id)] : [desc(parties.updatedAt), asc(parties.id)];
  // one round trip: the total rides along on every row (count(*) over ()); an empty page asks separately
  return pageOf(tx, parties, w, order, limit, offset);
}

export async function getParty(tx: Tx, tenantId: string, id: string): Promise<PartyRow | null> {
  const rows = await tx
    .select()
    .from(parties)
    .where(and(eq(parties.tenantId, tenantId), eq(parties.id, id)))
    .limit(1);
  return rows[0] ?? null;
}

export async function findByCitizenHash(tx: Tx, tenantId: string, hash: string): Promise<{ id: string } | null> {
  const rows = await tx
    .select({ id: parties.id })
    .from(parties)
    .where(and(eq(parties.tenantId, tenantId), eq(parties.citizenIdHash, hash)))
    .limit(1);
  return rows[0] ?? null;
}

export async function insertParties(tx: Tx, tenantId: string, values: PartyValues[]): Promise<PartyRow[]> {
  if (!values.length) return [];
  return tx
    .insert(parties)
    .values(values.map((v) => ({ ...v, tenantId })))
    .returning();
}

export async function updateParty(tx: Tx, tenantId: string, id: string, values: PartyValues): Promise<PartyRow> {
  const [row] = await tx
    .update(parties)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(parties.tenantId, tenantId), eq(parties.id, id)))
    .returning();
  return row;
}

export async function deleteParty(tx: Tx, tenantId: string, id: string): Promise<void> {
  // its memberships and relationships go with it (FK cascade); networks clear their coordinator first
  await tx.delete(parties).where(and(eq(parties.tenantId, tenantId), eq(parties.id, id)));
}

export async function partyNetworks(tx: Tx, tenantId: string, partyId: string) {
  return tx
    .select({ networkId: networks.id, name: networks.name, role: networkMembers.role, startDate: networkMembers.startDate, endDate: networkMembers.endDate })
    .from(networkMembers)
    .innerJoin(networks, and(eq(networks.tenantId, networkMembers.tenantId), eq(networks.id, networkMembers.networkId)))
    .where(and(eq(networkMembers.tenantId, tenantId), eq(networkMembers.partyId, partyId)))
    .orderBy(asc(thaiOrder(networks.name)));
}

/** Which of these ids exist in the tenant. */
export async function existingPartyIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await tx
    .select({ id: parties.id })
    .from(parties)
    .where(and(eq(parties.tenantId, tenantId), inArray(parties.id, ids)));
  return new Set(rows.map((r) => r.id));
}

/**
 * PDPA erasure (server/modules/privacy): the row and its id stay — the ledger, memberships, hours and participation
 * refer to it and keep counting — but every field that identifies the person is replaced or cleared. Kind, sector,
 * pillar, district and province stay for the aggregates.
 */
export async function anonymiseParty(tx: Tx, tenantId: string, id: string, name: string): Promise<PartyRow> {
  const [row] = await tx
    .update(parties)
    .set({
      name,
      nameEn: null,
      position: null,
      addressLine: null,
      moo: null,
      subdistrict: null,
      postcode: null,
      phone: null,
      email: null,
      lineId: null,
      website: null,
      citizenIdMasked: null,
      citizenIdHash: null,
      consentPurpose: null,
      consentLawfulBasis: null,
      consentDate: null,
      note: null,
      updatedAt: new Date(),
    })
    .where(and(eq(parties.tenantId, tenantId), eq(parties.id, id)))
    .returning();
  return row;
}

/** Name and kind of each of these parties (other modules label their rows with them). */
export async function partyLabels(tx: Tx, tenantId: string, ids: string[]): Promise<{ id: string; name: string; kind: string }[]> {
  if (!ids.length) return [];
  return tx
    .select({ id: parties.id, name: parties.name, kind: parties.kind })
    .from(parties)
    .where(and(eq(parties.tenantId, tenantId), inArray(parties.id, ids)));
}
