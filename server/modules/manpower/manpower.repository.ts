import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { MyManpower } from '../../../common/schemas/manpower';
import { parties, personProfiles, tenantUsers } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { rows, thaiOrder } from '../../platform/sql';

// ---- people, activities and networks, as manpower reads them ----

export interface ActivityRef {
  id: string;
  name: string;
  planId: string;
  planName: string;
  fiscalYear: number;
}

export type PartySummaryRow = { id: string; kind: string; name: string; sector: string; pillar: string; orgType: string | null; position: string | null };

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** Activities with their plan's name and year (unknown ids left out). */
export async function activityRefs(tx: Tx, tenantId: string, ids: string[]): Promise<Map<string, ActivityRef>> {
  if (!ids.length) return new Map();
  const found = await rows<ActivityRef>(
    tx,
    sql`select a.id, a.name, p.id as "planId", p.name as "planName", p.fiscal_year as "fiscalYear"
        from plan_activities a join plans p on p.tenant_id = a.tenant_id and p.id = a.plan_id
        where a.tenant_id = ${tenantId} and a.id in (${uuidList(ids)})`,
  );
  return new Map(found.map((a) => [a.id, a]));
}

export async function activityExists(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const [a] = await rows<{ id: string }>(tx, sql`select id from plan_activities where tenant_id = ${tenantId} and id = ${id}`);
  return !!a;
}

/** The registry person linked to the user's account in this tenant, or null. */
export async function linkedPartyId(tx: Tx, tenantId: string, userId: string): Promise<string | null> {
  const [row] = await tx
    .select({ partyId: tenantUsers.partyId })
    .from(tenantUsers)
    .where(and(eq(tenantUsers.tenantId, tenantId), eq(tenantUsers.userId, userId)))
    .limit(1);
  return row?.partyId ?? null;
}

/** Networks where the person is a current coordinator (member role, or the network's named coordinator). */
export async function coordinatedNetworkIds(tx: Tx, tenantId: string, partyId: string): Promise<string[]> {
  const found = await rows<{ id: string }>(
    tx,
    sql`select network_id as id from network_members
        where tenant_id = ${tenantId} and party_id = ${partyId} and role = 'coordinator'
          and (end_date is null or end_date >= current_date)
        union
        select id from networks where tenant_id = ${tenantId} and coordinator_party_id = ${partyId}`,
  );
  return found.map((r) => r.id);
}

/** SQL: the activity (column expression; the outer query's volunteer_hours alias is `vh`) belongs to a plan of one of these networks. */
export function activityInNetworks(activityId: SQL, networks: 'all' | string[]): SQL {
  if (networks === 'all') return sql`true`;
  if (!networks.length) return sql`false`;
  return sql`exists (select 1 from plan_activities ra join plan_networks rn on rn.tenant_id = ra.tenant_id and rn.plan_id = ra.plan_id
                     where ra.tenant_id = vh.tenant_id and ra.id = ${activityId}
                       and rn.network_id in (${uuidList(networks)}))`;
}

/** Of these ids, the ones that are persons of the tenant's registry. */
export async function personIds(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const found = await tx
    .select({ id: parties.id, kind: parties.kind })
    .from(parties)
    .where(and(eq(parties.tenantId, tenantId), sql`${parties.id} in (${uuidList(ids)})`));
  return new Set(found.filter((p) => p.kind === 'person').map((p) => p.id));
}

export async function partySummary(tx: Tx, tenantId: string, partyId: string): Promise<PartySummaryRow | undefined> {
  const [person] = await rows<PartySummaryRow>(
    tx,
    sql`select id, kind, name, sector, pillar, org_type as "orgType", position from parties where tenant_id = ${tenantId} and id = ${partyId}`,
  );
  return person;
}

// ---- capacity profiles ----

export type ProfileRow = typeof personProfiles.$inferSelect;

export async function profileRow(tx: Tx, tenantId: string, partyId: string): Promise<ProfileRow | null> {
  const [row] = await tx
    .select()
    .from(personProfiles)
    .where(and(eq(personProfiles.tenantId, tenantId), eq(personProfiles.partyId, partyId)))
    .limit(1);
  return row ?? null;
}

export async function upsertProfile(tx: Tx, values: typeof personProfiles.$inferInsert): Promise<ProfileRow> {
  const [after] = await tx
    .insert(personProfiles)
    .values(values)
    .onConflictDoUpdate({ target: [personProfiles.tenantId, personProfiles.partyId], set: { ...values } })
    .returning();
  return after;
}

export type HelperRow = PartySummaryRow & { village: string | null; skills: string[]; freeSkills: string[]; availability: string[]; score: number };

/** People with a profile scored by matching skills (3 each), same village (2) and availability (1); only scores above 0. */
export function helperRows(tx: Tx, tenantId: string, q: { skills: string[]; village: string | null; when: string | null; limit: number }) {
  const skillArr = sql`${`{${q.skills.join(',')}}`}::text[]`;
  return rows<HelperRow>(
    tx,
    sql`select * from (select p.id, p.kind, p.name, p.sector, p.pillar, p.org_type as "orgType", p.position,
               pp.village, pp.skills, pp.free_skills as "freeSkills", pp.availability,
               (3 * cardinality(array(select unnest(pp.skills) intersect select unnest(${skillArr})))
                + case when ${q.village}::text is not null and pp.village = ${q.village}::text then 2 else 0 end
                + case when ${q.when}::text is not null and ${q.when}::text = any(pp.availability) then 1 else 0 end)::int as score
        from person_profiles pp join parties p on p.tenant_id = pp.tenant_id and p.id = pp.party_id
        where pp.tenant_id = ${tenantId}) s
        where score > 0
        order by score desc, ${thaiOrder(sql`name`)}, id
        limit ${q.limit}`,
  );
}

// ---- "my manpower" ----

/** The networks the person currently belongs to, with their strongest role. */
export function currentNetworksOf(tx: Tx, tenantId: string, partyId: string) {
  return rows<MyManpower['networks'][number]>(
    tx,
    sql`select distinct on (n.name, n.id) n.id, n.name, n.pillar, m.role
        from network_members m join networks n on n.tenant_id = m.tenant_id and n.id = m.network_id
        where m.tenant_id = ${tenantId} and m.party_id = ${partyId} and (m.end_date is null or m.end_date >= current_date)
        order by n.name, n.id, array_position(array['coordinator','committee','advisor','member'], m.role)`,
  );
}

export function teamsOf(tx: Tx, tenantId: string, partyId: string) {
  return rows<MyManpower['teams'][number]>(
    tx,
    sql`select t.id, t.name, t.purpose from teams t join team_members tm on tm.tenant_id = t.tenant_id and tm.team_id = t.id
        where t.tenant_id = ${tenantId} and tm.party_id = ${partyId} order by ${thaiOrder(sql`t.name`)}`,
  );
}

/** The person's confirmed and pending minutes in a fiscal year. */
export async function yearMinutes(tx: Tx, tenantId: string, partyId: string, fiscalYear: number) {
  const [sums] = await rows<{ confirmed: number; pending: number }>(
    tx,
    sql`select coalesce(sum(minutes) filter (where status = 'confirmed'), 0)::int as confirmed,
               coalesce(sum(minutes) filter (where status = 'pending'), 0)::int as pending
        from volunteer_hours where tenant_id = ${tenantId} and party_id = ${partyId} and fiscal_year = ${fiscalYear}`,
  );
  return sums;
}

/** What a person can log hours against: their teams' activities, then this and last year's plans of their networks. */
export function loggableActivities(tx: Tx, tenantId: string, partyId: string, fiscalYear: number) {
  return rows<ActivityRef>(
    tx,
    sql`select a.id, a.name, pl.id as "planId", pl.name as "planName", pl.fiscal_year as "fiscalYear"
        from plan_activities a join plans pl on pl.tenant_id = a.tenant_id and pl.id = a.plan_id
        where a.tenant_id = ${tenantId} and (
          exists (select 1 from team_activities ta join team_members tm on tm.tenant_id = ta.tenant_id and tm.team_id = ta.team_id
                  where ta.tenant_id = a.tenant_id and ta.activity_id = a.id and tm.party_id = ${partyId})
          or (pl.fiscal_year >= ${fiscalYear - 1} and exists (
                  select 1 from plan_networks pn join network_members m on m.tenant_id = pn.tenant_id and m.network_id = pn.network_id
                  where pn.tenant_id = a.tenant_id and pn.plan_id = pl.id and m.party_id = ${partyId})))
        order by pl.fiscal_year desc, ${thaiOrder(sql`a.name`)}
        limit 200`,
  );
}

// ---- erasure ----

/** Erasure (PDPA): the person's profile goes, their hours keep counting without the free-text note. */
export async function clearPersonTraces(tx: Tx, tenantId: string, partyId: string): Promise<void> {
  await tx.execute(sql`delete from person_profiles where tenant_id = ${tenantId} and party_id = ${partyId}`);
  await tx.execute(sql`update volunteer_hours set note = null where tenant_id = ${tenantId} and party_id = ${partyId} and note is not null`);
}
