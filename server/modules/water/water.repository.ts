import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { MyTurns } from '../../../common/schemas/water';
import { waterGroupMembers, waterRotas, waterRotaTurns, waterSources, waterUserGroups } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { rows, thaiOrder } from '../../platform/sql';

export interface SourceRow {
  id: string;
  kind: string;
  name: string;
  parentId: string | null;
  chainageM: number;
  lengthM: number | null;
  zone: string;
  lgPartyId: string | null;
  lgName: string;
  lat: number | null;
  lon: number | null;
  condition: string;
  note: string | null;
}

/** Sources (all, or the one with that id) with the name of the local government whose area they lie in (the tenant's own when null). */
export function sourceRows(tx: Tx, tenantId: string, tenantName: string, id?: string) {
  return rows<SourceRow>(
    tx,
    sql`select s.id, s.kind, s.name, s.parent_id as "parentId", s.chainage_m as "chainageM", s.length_m as "lengthM", s.zone,
               s.local_government_party_id as "lgPartyId", coalesce(p.name, ${tenantName}) as "lgName", s.lat, s.lon, s.condition, s.note
        from water_sources s left join parties p on p.tenant_id = s.tenant_id and p.id = s.local_government_party_id
        where s.tenant_id = ${tenantId}${id === undefined ? sql`` : sql` and s.id = ${id}`}
        order by array_position(array['weir','main_canal'], s.kind) nulls last, s.chainage_m, ${thaiOrder(sql`s.name`)}, s.id`,
  );
}

/** The source and every source below it (side canals of side canals …). */
export async function sourceTree(tx: Tx, tenantId: string, rootId: string): Promise<string[]> {
  return (
    await rows<{ id: string }>(
      tx,
      sql`with recursive tree(id) as (
            select id from water_sources where tenant_id = ${tenantId} and id = ${rootId}
            union select s.id from water_sources s join tree on s.parent_id = tree.id where s.tenant_id = ${tenantId})
          select id from tree`,
    )
  ).map((r) => r.id);
}

export interface GroupRow {
  id: string;
  name: string;
  sourceId: string;
  sourceName: string;
  sourceKind: string;
  zone: string;
  networkId: string | null;
  headPartyId: string | null;
  headName: string | null;
  memberCount: number;
  irrigatedRai: string;
}

/**
 * Water user groups (all, or the one with that id) with their head, member count and area. The per-group subqueries
 * name the tenant as a constant: on Citus only a constant keeps a subquery on the tenant's shard (docs/operations/scaling.md).
 */
export function groupRows(tx: Tx, tenantId: string, id?: string) {
  return rows<GroupRow>(
    tx,
    sql`select g.id, g.name, g.source_id as "sourceId", s.name as "sourceName", s.kind as "sourceKind", g.zone, g.network_id as "networkId",
               h.party_id as "headPartyId", hp.name as "headName",
               (select count(*)::int from water_group_members m where m.tenant_id = ${tenantId} and m.group_id = g.id) as "memberCount",
               (select coalesce(sum(m.irrigated_rai), 0)::text from water_group_members m where m.tenant_id = ${tenantId} and m.group_id = g.id) as "irrigatedRai"
        from water_user_groups g
        join water_sources s on s.tenant_id = g.tenant_id and s.id = g.source_id
        left join water_group_members h on h.tenant_id = g.tenant_id and h.group_id = g.id and h.role = 'head'
        left join parties hp on hp.tenant_id = h.tenant_id and hp.id = h.party_id
        where g.tenant_id = ${tenantId}${id === undefined ? sql`` : sql` and g.id = ${id}`}
        order by array_position(array['upstream','midstream','downstream'], g.zone), ${thaiOrder(sql`g.name`)}, g.id`,
  );
}

export function memberRows(tx: Tx, tenantId: string, groupId: string) {
  return rows<{ partyId: string; name: string; role: string; plot: string | null; irrigatedRai: string; phone: string | null }>(
    tx,
    sql`select m.party_id as "partyId", p.name, m.role, m.plot, m.irrigated_rai::text as "irrigatedRai", p.phone
        from water_group_members m join parties p on p.tenant_id = m.tenant_id and p.id = m.party_id
        where m.tenant_id = ${tenantId} and m.group_id = ${groupId}
        order by array_position(array['head','officer','member'], m.role), ${thaiOrder(sql`p.name`)}`,
  );
}

export interface RotaRow {
  id: string;
  sourceId: string;
  sourceName: string;
  season: string;
  startsOn: string;
  endsOn: string;
  turnHours: number;
  rule: string;
  order: string;
  status: string;
  publishedAt: string | null;
  turnCount: number;
}

/** Rotas: all, the one with that id, or only published ones (the public pages); the turn count names the tenant as a constant. */
export function rotaRows(tx: Tx, tenantId: string, f: { id?: string; publishedOnly?: boolean } = {}) {
  const where = [sql`r.tenant_id = ${tenantId}`];
  if (f.id !== undefined) where.push(sql`r.id = ${f.id}`);
  if (f.publishedOnly) where.push(sql`r.status = 'published'`);
  return rows<RotaRow>(
    tx,
    sql`select r.id, r.source_id as "sourceId", s.name as "sourceName", r.season, r.starts_on::text as "startsOn", r.ends_on::text as "endsOn",
               r.turn_hours as "turnHours", r.rule, r.order_rule as "order", r.status,
               case when r.published_at is null then null else to_char(r.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') end as "publishedAt",
               (select count(*)::int from water_rota_turns x where x.tenant_id = ${tenantId} and x.rota_id = r.id) as "turnCount"
        from water_rotas r join water_sources s on s.tenant_id = r.tenant_id and s.id = r.source_id
        where ${sql.join(where, sql` and `)}
        order by r.starts_on desc, r.created_at desc, r.id`,
  );
}

/** A timestamptz column as Thai time, ISO with its offset (2027-02-01T06:00:00+07:00); Thailand keeps no daylight saving. */
export const THAI = (col: SQL) => sql`to_char((${col} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD"T"HH24:MI:SS') || '+07:00'`;

/** A rota's turns with their group. */
export function turnRows(tx: Tx, tenantId: string, rotaId: string) {
  return rows<{ id: string; rotaId: string; seq: number; groupId: string; groupName: string; zone: string; startsAt: string; endsAt: string }>(
    tx,
    sql`select x.id, x.rota_id as "rotaId", x.seq, x.group_id as "groupId", g.name as "groupName", g.zone,
               ${THAI(sql`x.starts_at`)} as "startsAt", ${THAI(sql`x.ends_at`)} as "endsAt"
        from water_rota_turns x join water_user_groups g on g.tenant_id = x.tenant_id and g.id = x.group_id
        where x.tenant_id = ${tenantId} and x.rota_id = ${rotaId}
        order by x.starts_at, x.seq`,
  );
}

/** Erasure (PDPA): a member keeps their area and zone (the rota's shares); the plot that locates them goes. */
export async function clearMemberPlots(tx: Tx, tenantId: string, partyId: string): Promise<void> {
  await tx.execute(sql`update water_group_members set plot = null where tenant_id = ${tenantId} and party_id = ${partyId} and plot is not null`);
}

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((x) => sql`${x}::uuid`),
    sql`, `,
  );

// ---- sources ----

/** The kind of a source (undefined for an unknown one). */
export async function sourceKind(tx: Tx, tenantId: string, id: string): Promise<string | undefined> {
  const [p] = await rows<{ kind: string }>(tx, sql`select kind from water_sources where tenant_id = ${tenantId} and id = ${id}`);
  return p?.kind;
}

/** The name of a source (undefined for an unknown one). */
export async function sourceName(tx: Tx, tenantId: string, id: string): Promise<string | undefined> {
  const [src] = await rows<{ name: string }>(tx, sql`select name from water_sources where tenant_id = ${tenantId} and id = ${id}`);
  return src?.name;
}

export async function insertSource(tx: Tx, values: typeof waterSources.$inferInsert): Promise<string> {
  const [row] = await tx.insert(waterSources).values(values).returning({ id: waterSources.id });
  return row.id;
}

export async function sourceForUpdate(tx: Tx, tenantId: string, id: string) {
  const [before] = await tx
    .select()
    .from(waterSources)
    .where(and(eq(waterSources.tenantId, tenantId), eq(waterSources.id, id)))
    .for('update');
  return before;
}

export async function updateSourceRow(tx: Tx, tenantId: string, id: string, set: Partial<typeof waterSources.$inferInsert>): Promise<void> {
  await tx
    .update(waterSources)
    .set(set)
    .where(and(eq(waterSources.tenantId, tenantId), eq(waterSources.id, id)));
}

// ---- groups ----

export async function groupNameTaken(tx: Tx, tenantId: string, name: string): Promise<boolean> {
  return (await rows(tx, sql`select 1 from water_user_groups where tenant_id = ${tenantId} and name = ${name}`)).length > 0;
}

export async function insertGroup(tx: Tx, values: typeof waterUserGroups.$inferInsert): Promise<string> {
  const [row] = await tx.insert(waterUserGroups).values(values).returning({ id: waterUserGroups.id });
  return row.id;
}

export async function groupForUpdate(tx: Tx, tenantId: string, id: string) {
  const [g] = await tx
    .select()
    .from(waterUserGroups)
    .where(and(eq(waterUserGroups.tenantId, tenantId), eq(waterUserGroups.id, id)))
    .for('update');
  return g;
}

export async function replaceMembers(
  tx: Tx,
  tenantId: string,
  groupId: string,
  members: { partyId: string; role: string; plot: string | null; irrigatedRai: string }[],
): Promise<void> {
  await tx.delete(waterGroupMembers).where(and(eq(waterGroupMembers.tenantId, tenantId), eq(waterGroupMembers.groupId, groupId)));
  if (members.length) await tx.insert(waterGroupMembers).values(members.map((m) => ({ tenantId, groupId, ...m })));
}

/** The groups on these sources, with their irrigated area in hundredths of a rai. */
export function groupsOnSources(tx: Tx, tenantId: string, sourceIds: string[]) {
  return rows<{ id: string; name: string; zone: 'upstream' | 'midstream' | 'downstream'; centi: number }>(
    tx,
    sql`select g.id, g.name, g.zone,
               (select coalesce(sum(m.irrigated_rai * 100), 0)::int from water_group_members m where m.tenant_id = ${tenantId} and m.group_id = g.id) as centi
        from water_user_groups g where g.tenant_id = ${tenantId} and g.source_id in (${uuidList(sourceIds)})`,
  );
}

// ---- rotas ----

/** A rota with its turns (inserted 1000 at a time). */
export async function insertRota(
  tx: Tx,
  values: typeof waterRotas.$inferInsert,
  turns: { groupId: string; seq: number; startsAt: Date; endsAt: Date }[],
): Promise<string> {
  const [row] = await tx.insert(waterRotas).values(values).returning({ id: waterRotas.id });
  for (let i = 0; i < turns.length; i += 1000)
    await tx.insert(waterRotaTurns).values(turns.slice(i, i + 1000).map((x) => ({ tenantId: values.tenantId, rotaId: row.id, ...x })));
  return row.id;
}

export async function rotaForUpdate(tx: Tx, tenantId: string, id: string) {
  const [r] = await tx
    .select()
    .from(waterRotas)
    .where(and(eq(waterRotas.tenantId, tenantId), eq(waterRotas.id, id)))
    .for('update');
  return r;
}

export async function markRotaPublished(tx: Tx, tenantId: string, id: string, at: Date): Promise<void> {
  await tx
    .update(waterRotas)
    .set({ status: 'published', publishedAt: at })
    .where(and(eq(waterRotas.tenantId, tenantId), eq(waterRotas.id, id)));
}

export async function turnOfRota(tx: Tx, tenantId: string, rotaId: string, turnId: string) {
  const [x] = await tx
    .select()
    .from(waterRotaTurns)
    .where(and(eq(waterRotaTurns.tenantId, tenantId), eq(waterRotaTurns.rotaId, rotaId), eq(waterRotaTurns.id, turnId)));
  return x;
}

/** Whether another turn of the rota overlaps [startsAt, endsAt). */
export async function turnOverlaps(tx: Tx, tenantId: string, rotaId: string, turnId: string, startsAt: Date, endsAt: Date): Promise<boolean> {
  const [clash] = await rows(
    tx,
    sql`select 1 from water_rota_turns where tenant_id = ${tenantId} and rota_id = ${rotaId} and id <> ${turnId}
          and starts_at < ${endsAt.toISOString()}::timestamptz and ends_at > ${startsAt.toISOString()}::timestamptz`,
  );
  return !!clash;
}

export async function moveTurnRow(tx: Tx, tenantId: string, turnId: string, startsAt: Date, endsAt: Date): Promise<void> {
  await tx
    .update(waterRotaTurns)
    .set({ startsAt, endsAt })
    .where(and(eq(waterRotaTurns.tenantId, tenantId), eq(waterRotaTurns.id, turnId)));
}

// ---- a member's own groups and turns ----

export function groupsOfPerson(tx: Tx, tenantId: string, partyId: string) {
  return rows<{ id: string; name: string; zone: MyTurns['groups'][number]['zone']; role: MyTurns['groups'][number]['role'] }>(
    tx,
    sql`select g.id, g.name, g.zone, m.role from water_group_members m join water_user_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
        where m.tenant_id = ${tenantId} and m.party_id = ${partyId} order by ${thaiOrder(sql`g.name`)}`,
  );
}

/** The next five turns of these groups in published rotas that have not ended at `now` (the one running now first). */
export function nextTurnsOfGroups(tx: Tx, tenantId: string, groupIds: string[], now: Date) {
  return rows<Awaited<ReturnType<typeof turnRows>>[number] & { season: string; sourceName: string; current: boolean }>(
    tx,
    sql`select x.id, x.rota_id as "rotaId", x.seq, x.group_id as "groupId", g.name as "groupName", g.zone,
               ${THAI(sql`x.starts_at`)} as "startsAt", ${THAI(sql`x.ends_at`)} as "endsAt",
               r.season, s.name as "sourceName", x.starts_at <= ${now.toISOString()}::timestamptz as current
        from water_rota_turns x
        join water_rotas r on r.tenant_id = x.tenant_id and r.id = x.rota_id and r.status = 'published'
        join water_sources s on s.tenant_id = r.tenant_id and s.id = r.source_id
        join water_user_groups g on g.tenant_id = x.tenant_id and g.id = x.group_id
        where x.tenant_id = ${tenantId} and x.ends_at > ${now.toISOString()}::timestamptz
          and x.group_id in (${uuidList(groupIds)})
        order by x.starts_at limit 5`,
  );
}
