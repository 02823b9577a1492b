import { and, asc, desc, eq, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import { networkMembers, networks, networkStageChanges, parties, users } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { likePattern, rows, thaiOrder, totalOver } from '../../platform/sql';
import { pageTotal } from '../../platform/page-total';
import { partySummaryColumns } from '../partners/partners.repository';

export type NetworkRow = typeof networks.$inferSelect;

export interface NetworkFilter {
  q?: string;
  pillar?: string;
  stage?: string;
  issue?: string;
}

/**
 * A network's member count. The tenant is named as a constant, not as `networks.tenant_id`: Citus then sends
 * the whole query to the tenant's one shard; correlated through the column it ran on all 32 (docs/operations/scaling.md).
 */
const memberCount = (tenantId: string) =>
  sql<number>`(select count(*)::int from ${networkMembers} m where m.tenant_id = ${tenantId} and m.network_id = ${networks.id})`;

function where(tenantId: string, f: NetworkFilter): SQL | undefined {
  const conds: (SQL | undefined)[] = [eq(networks.tenantId, tenantId)];
  if (f.q) {
    const p = likePattern(f.q);
    conds.push(or(ilike(networks.name, p), ilike(networks.nameEn, p), ilike(networks.description, p), sql`array_to_string(${networks.tags}, ' ') ilike ${p}`));
  }
  if (f.pillar) conds.push(eq(networks.pillar, f.pillar));
  if (f.stage) conds.push(eq(networks.stage, f.stage));
  if (f.issue) conds.push(sql`${f.issue} = any(${networks.issues})`);
  return and(...conds);
}

const coordinatorCols = partySummaryColumns;

function selectNetworks(tx: Tx, tenantId: string) {
  return tx
    .select({ network: networks, coordinator: coordinatorCols, memberCount: memberCount(tenantId), total: totalOver })
    .from(networks)
    .leftJoin(parties, and(eq(parties.tenantId, networks.tenantId), eq(parties.id, networks.coordinatorPartyId)));
}
export type NetworkJoined = Awaited<ReturnType<ReturnType<typeof selectNetworks>['execute']>>[number];

export async function listNetworks(tx: Tx, tenantId: string, f: NetworkFilter, sort: 'name' | '-updatedAt' | '-members', limit: number, offset: number) {
  const w = where(tenantId, f);
  const order =
    sort === 'name'
      ? [asc(thaiOrder(networks.name)), asc(networks.id)]
      : sort === '-members'
        ? [desc(memberCount(tenantId)), asc(networks.id)]
        : [desc(networks.updatedAt), asc(networks.id)];
  const rows = await selectNetworks(tx, tenantId)
    .where(w)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const total = await pageTotal(tx, rows, offset, networks, w);
  return { rows, total };
}

/**
 * The list page's JSON, built by PostgreSQL: `items` is the page's `networkListItem`s as one JSON array text,
 * in the page's order. Selecting only the list's columns and building the JSON in one statement saves the
 * row parsing, drizzle's row mapping and zod's response check that dominated the list's CPU profile
 * (docs/performance.md); `networks.test.ts` checks the text against the schema.
 */
export async function listNetworkItemsJson(
  tx: Tx,
  tenantId: string,
  f: NetworkFilter,
  sort: 'name' | '-updatedAt' | '-members',
  limit: number,
  offset: number,
): Promise<{ items: string; total: number }> {
  const w = where(tenantId, f);
  const order =
    sort === 'name'
      ? sql`${thaiOrder(networks.name)}, ${networks.id}`
      : sort === '-members'
        ? sql`${memberCount(tenantId)} desc, ${networks.id}`
        : sql`${networks.updatedAt} desc, ${networks.id}`;
  const iso = (c: SQL) => sql`to_char(${c} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const [page] = await rows<{ items: string | null; total: number | null }>(
    tx,
    // row_to_json of a row with the API's names writes compact JSON (json_build_object and json_agg add spaces)
    sql`select '[' || string_agg(row_to_json(item)::text, ',' order by page.n) || ']' as items, max(page.total)::int as total
        from (select ${networks.id} as id, ${networks.name} as name, ${networks.nameEn} as "nameEn", ${networks.issues} as issues,
                     ${networks.tags} as tags, ${networks.pillar} as pillar, ${networks.stage} as stage, ${networks.foundedOn} as "foundedOn",
                     (select row_to_json(c) from (select ${parties.id} as id, ${parties.kind} as kind, ${parties.name} as name, ${parties.sector} as sector,
                                                         ${parties.pillar} as pillar, ${parties.orgType} as "orgType", ${parties.position} as position) c
                       where ${parties.id} is not null) as coordinator,
                     ${memberCount(tenantId)} as "memberCount", ${iso(sql`${networks.createdAt}`)} as "createdAt", ${iso(sql`${networks.updatedAt}`)} as "updatedAt",
                     row_number() over (order by ${order}) as n, ${totalOver} as total
                from ${networks}
                left join ${parties} on ${parties.tenantId} = ${networks.tenantId} and ${parties.id} = ${networks.coordinatorPartyId}
               where ${w}
               order by ${order}
               limit ${limit} offset ${offset}) page
        cross join lateral (select page.id, page.name, page."nameEn", page.issues, page.tags, page.pillar, page.stage, page."foundedOn",
                                   page.coordinator, page."memberCount", page."createdAt", page."updatedAt") item`,
  );
  if (page?.items) return { items: page.items, total: page.total ?? 0 };
  // a page past the end has no row to carry the total
  return { items: '[]', total: offset > 0 ? await pageTotal(tx, [], offset, networks, w) : 0 };
}

export async function getNetwork(tx: Tx, tenantId: string, id: string): Promise<NetworkJoined | null> {
  const [row] = await selectNetworks(tx, tenantId)
    .where(and(eq(networks.tenantId, tenantId), eq(networks.id, id)))
    .limit(1);
  return row ?? null;
}

export async function stageHistory(tx: Tx, tenantId: string, networkId: string) {
  return tx
    .select({ change: networkStageChanges, changedBy: users.name })
    .from(networkStageChanges)
    .leftJoin(users, eq(users.id, networkStageChanges.changedByUserId))
    .where(and(eq(networkStageChanges.tenantId, tenantId), eq(networkStageChanges.networkId, networkId)))
    .orderBy(asc(networkStageChanges.changedOn), asc(networkStageChanges.createdAt));
}

export async function listMembers(tx: Tx, tenantId: string, networkId: string, f: { q?: string; role?: string }, limit: number, offset: number) {
  const conds: (SQL | undefined)[] = [eq(networkMembers.tenantId, tenantId), eq(networkMembers.networkId, networkId)];
  if (f.role) conds.push(eq(networkMembers.role, f.role));
  if (f.q) conds.push(ilike(parties.name, likePattern(f.q)));
  const w = and(...conds);
  const join = and(eq(parties.tenantId, networkMembers.tenantId), eq(parties.id, networkMembers.partyId));
  const roleOrder = sql`array_position(array['coordinator','committee','advisor','member'], ${networkMembers.role})`;
  // one after the other: a transaction is one connection, and pg refuses overlapping queries
  const rows = await tx
    .select({ member: networkMembers, party: coordinatorCols })
    .from(networkMembers)
    .innerJoin(parties, join)
    .where(w)
    .orderBy(asc(roleOrder), asc(thaiOrder(parties.name)), asc(networkMembers.id))
    .limit(limit)
    .offset(offset);
  const [{ total }] = await tx
    .select({ total: sql<number>`count(*)::int` })
    .from(networkMembers)
    .innerJoin(parties, join)
    .where(w);
  return { rows, total };
}

export async function getMember(tx: Tx, tenantId: string, networkId: string, memberId: string) {
  const [row] = await tx
    .select({ member: networkMembers, party: coordinatorCols })
    .from(networkMembers)
    .innerJoin(parties, and(eq(parties.tenantId, networkMembers.tenantId), eq(parties.id, networkMembers.partyId)))
    .where(and(eq(networkMembers.tenantId, tenantId), eq(networkMembers.networkId, networkId), eq(networkMembers.id, memberId)))
    .limit(1);
  return row ?? null;
}

/** A partner who is deleted stops being any network's coordinator. */
export async function clearCoordinator(tx: Tx, tenantId: string, partyId: string): Promise<void> {
  await tx
    .update(networks)
    .set({ coordinatorPartyId: null })
    .where(and(eq(networks.tenantId, tenantId), eq(networks.coordinatorPartyId, partyId)));
}

/** Which of these ids are this tenant's networks (other modules check a reference before storing it). */
export async function existingNetworkIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await tx
    .select({ id: networks.id })
    .from(networks)
    .where(
      and(
        eq(networks.tenantId, tenantId),
        sql`${networks.id} in (${sql.join(
          ids.map((x) => sql`${x}::uuid`),
          sql`, `,
        )})`,
      ),
    );
  return new Set(found.map((n) => n.id));
}

// ---- writes (networks.service.ts: rules, transactions and audit) ----

export type NetworkFields = Omit<typeof networks.$inferInsert, 'tenantId' | 'id' | 'createdAt' | 'updatedAt'>;

export async function insertNetwork(tx: Tx, tenantId: string, fields: NetworkFields): Promise<NetworkRow> {
  const [row] = await tx
    .insert(networks)
    .values({ ...fields, tenantId })
    .returning();
  return row;
}

/** Sets the fields and `updatedAt` (with no fields: only `updatedAt`, when a member joins). */
export async function updateNetwork(tx: Tx, tenantId: string, id: string, set: Partial<NetworkFields> = {}): Promise<NetworkRow> {
  const [row] = await tx
    .update(networks)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(networks.tenantId, tenantId), eq(networks.id, id)))
    .returning();
  return row;
}

export async function deleteNetwork(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(networks).where(and(eq(networks.tenantId, tenantId), eq(networks.id, id)));
}

/** The network's id and name, when it is this tenant's. */
export async function networkName(tx: Tx, tenantId: string, id: string): Promise<{ id: string; name: string } | null> {
  const [n] = await tx
    .select({ id: networks.id, name: networks.name })
    .from(networks)
    .where(and(eq(networks.tenantId, tenantId), eq(networks.id, id)))
    .limit(1);
  return n ?? null;
}

export async function insertStageChange(tx: Tx, values: typeof networkStageChanges.$inferInsert): Promise<void> {
  await tx.insert(networkStageChanges).values(values);
}

export type MemberRow = typeof networkMembers.$inferSelect;

/** Whether the party is a member of the network now (a membership with no end date). */
export async function hasOpenMembership(tx: Tx, tenantId: string, networkId: string, partyId: string): Promise<boolean> {
  const found = await tx
    .select({ id: networkMembers.id })
    .from(networkMembers)
    .where(
      and(eq(networkMembers.tenantId, tenantId), eq(networkMembers.networkId, networkId), eq(networkMembers.partyId, partyId), isNull(networkMembers.endDate)),
    )
    .limit(1);
  return found.length > 0;
}

export async function insertMember(tx: Tx, tenantId: string, fields: Omit<typeof networkMembers.$inferInsert, 'tenantId' | 'id'>): Promise<MemberRow> {
  const [m] = await tx
    .insert(networkMembers)
    .values({ ...fields, tenantId })
    .returning();
  return m;
}

export async function updateMember(tx: Tx, tenantId: string, id: string, set: Pick<MemberRow, 'role' | 'startDate' | 'endDate'>): Promise<void> {
  await tx
    .update(networkMembers)
    .set(set)
    .where(and(eq(networkMembers.tenantId, tenantId), eq(networkMembers.id, id)));
}

export async function deleteMember(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(networkMembers).where(and(eq(networkMembers.tenantId, tenantId), eq(networkMembers.id, id)));
}
