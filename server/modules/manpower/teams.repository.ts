import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { TeamSummary } from '../../../common/schemas/manpower';
import { teamActivities, teamMembers, teams } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { likePattern, rows, thaiOrder, totalOver } from '../../platform/sql';
import { teamHoursFilter } from './hours.repository';
import type { PartySummaryRow } from './manpower.repository';

type NetworkRef = { id: string; name: string; pillar: TeamSummary['networks'][number]['pillar'] };
export type MemberNetworkRow = NetworkRef & { partyId: string; role: string };

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** The networks people currently belong to (member rows without an end date in the past). */
export async function memberNetworks(tx: Tx, tenantId: string, partyIds: string[]): Promise<MemberNetworkRow[]> {
  if (!partyIds.length) return [];
  return rows<MemberNetworkRow>(
    tx,
    sql`select m.party_id as "partyId", n.id, n.name, n.pillar, m.role
        from network_members m join networks n on n.tenant_id = m.tenant_id and n.id = m.network_id
        where m.tenant_id = ${tenantId} and (m.end_date is null or m.end_date >= current_date)
          and m.party_id in (${uuidList(partyIds)})
        order by ${thaiOrder(sql`n.name`)}`,
  );
}

export type TeamRow = {
  id: string;
  name: string;
  purpose: string | null;
  updatedAt: Date | string;
  total: number;
  memberCount: number;
  lead: PartySummaryRow | null;
};

const leadJson = sql`case when p.id is null then null else json_build_object('id', p.id, 'kind', p.kind, 'name', p.name, 'sector', p.sector,
                   'pillar', p.pillar, 'orgType', p.org_type, 'position', p.position) end`;

export interface TeamFilter {
  q?: string;
  /** teams this person belongs to */
  partyId?: string;
  /** teams with a member in this network */
  networkId?: string;
}

/** A page of teams by name, with their lead, member count and the total. */
export function teamPage(tx: Tx, tenantId: string, f: TeamFilter, limit: number, offset: number) {
  const filters: SQL[] = [sql`t.tenant_id = ${tenantId}`];
  if (f.q) filters.push(sql`t.name ilike ${likePattern(f.q)}`);
  if (f.partyId)
    filters.push(sql`exists (select 1 from team_members tm where tm.tenant_id = t.tenant_id and tm.team_id = t.id and tm.party_id = ${f.partyId})`);
  if (f.networkId)
    filters.push(sql`exists (select 1 from team_members tm join network_members nm on nm.tenant_id = tm.tenant_id and nm.party_id = tm.party_id
                             where tm.tenant_id = t.tenant_id and tm.team_id = t.id and nm.network_id = ${f.networkId})`);
  return rows<TeamRow>(
    tx,
    sql`select t.id, t.name, t.purpose, t.updated_at as "updatedAt", ${totalOver} as total,
               (select count(*)::int from team_members tm where tm.tenant_id = t.tenant_id and tm.team_id = t.id) as "memberCount",
               ${leadJson} as lead
        from teams t left join parties p on p.tenant_id = t.tenant_id and p.id = t.lead_party_id
        where ${sql.join(filters, sql` and `)}
        order by ${thaiOrder(sql`t.name`)}, t.id
        limit ${limit} offset ${offset}`,
  );
}

/** Who belongs to which of these teams. */
export function membersOfTeams(tx: Tx, tenantId: string, teamIds: string[]) {
  if (!teamIds.length) return Promise.resolve([]);
  return rows<{ teamId: string; partyId: string }>(
    tx,
    sql`select team_id as "teamId", party_id as "partyId" from team_members where tenant_id = ${tenantId} and team_id in (${uuidList(teamIds)})`,
  );
}

export async function teamRow(tx: Tx, tenantId: string, id: string): Promise<Omit<TeamRow, 'total' | 'memberCount'> | undefined> {
  const [t] = await rows<Omit<TeamRow, 'total' | 'memberCount'>>(
    tx,
    sql`select t.id, t.name, t.purpose, t.updated_at as "updatedAt", ${leadJson} as lead
        from teams t left join parties p on p.tenant_id = t.tenant_id and p.id = t.lead_party_id
        where t.tenant_id = ${tenantId} and t.id = ${id}`,
  );
  return t;
}

/** The team's members, by name. */
export function teamPeople(tx: Tx, tenantId: string, teamId: string) {
  return rows<PartySummaryRow>(
    tx,
    sql`select p.id, p.kind, p.name, p.sector, p.pillar, p.org_type as "orgType", p.position
        from team_members tm join parties p on p.tenant_id = tm.tenant_id and p.id = tm.party_id
        where tm.tenant_id = ${tenantId} and tm.team_id = ${teamId}
        order by ${thaiOrder(sql`p.name`)}, p.id`,
  );
}

export async function teamActivityIds(tx: Tx, tenantId: string, teamId: string): Promise<string[]> {
  return (
    await tx
      .select({ id: teamActivities.activityId })
      .from(teamActivities)
      .where(and(eq(teamActivities.tenantId, tenantId), eq(teamActivities.teamId, teamId)))
  ).map((a) => a.id);
}

/** The team's confirmed minutes (see teamHoursFilter). */
export async function teamConfirmedMinutes(tx: Tx, tenantId: string, teamId: string): Promise<number> {
  const [{ minutes }] = await rows<{ minutes: number }>(
    tx,
    sql`select coalesce(sum(vh.minutes), 0)::int as minutes from volunteer_hours vh where ${teamHoursFilter(tenantId, teamId)}`,
  );
  return minutes;
}

export async function replaceMembers(tx: Tx, tenantId: string, teamId: string, partyIds: string[]): Promise<void> {
  await tx.delete(teamMembers).where(and(eq(teamMembers.tenantId, tenantId), eq(teamMembers.teamId, teamId)));
  if (partyIds.length) await tx.insert(teamMembers).values(partyIds.map((partyId) => ({ tenantId, teamId, partyId })));
}

export async function replaceActivities(tx: Tx, tenantId: string, teamId: string, activityIds: string[]): Promise<void> {
  await tx.delete(teamActivities).where(and(eq(teamActivities.tenantId, tenantId), eq(teamActivities.teamId, teamId)));
  if (activityIds.length) await tx.insert(teamActivities).values(activityIds.map((activityId) => ({ tenantId, teamId, activityId })));
}

export type TeamValues = typeof teams.$inferInsert;

export async function insertTeam(tx: Tx, values: TeamValues): Promise<string> {
  const [row] = await tx.insert(teams).values(values).returning({ id: teams.id });
  return row.id;
}

export async function updateTeamRow(tx: Tx, tenantId: string, id: string, set: Partial<TeamValues>): Promise<void> {
  await tx
    .update(teams)
    .set(set)
    .where(and(eq(teams.tenantId, tenantId), eq(teams.id, id)));
}

export async function deleteTeamRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(teams).where(and(eq(teams.tenantId, tenantId), eq(teams.id, id)));
}
