import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { Team, TeamSummary, teamInput, teamListQuery, teamPatch } from '../../../common/schemas/manpower';
import { teamActivities, teamMembers, teams } from '../../db/schema';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { likePattern, isoTime, rows } from '../../platform/sql';
import { activityRefs, asSummary, assertPeople, type PartySummaryRow } from './shared';

type NetworkRef = { id: string; name: string; pillar: TeamSummary['networks'][number]['pillar'] };
type MemberNetworkRow = NetworkRef & { partyId: string; role: string };

/** The networks people currently belong to (member rows without an end date in the past). */
async function memberNetworks(tx: Tx, tenantId: string, partyIds: string[]): Promise<MemberNetworkRow[]> {
  if (!partyIds.length) return [];
  return rows<MemberNetworkRow>(
    tx,
    sql`select m.party_id as "partyId", n.id, n.name, n.pillar, m.role
        from network_members m join networks n on n.tenant_id = m.tenant_id and n.id = m.network_id
        where m.tenant_id = ${tenantId} and (m.end_date is null or m.end_date >= current_date)
          and m.party_id in (${sql.join(
            partyIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})
        order by n.name collate "und-x-icu"`,
  );
}

const distinctNetworks = (list: NetworkRef[]) => [...new Map(list.map((n) => [n.id, { id: n.id, name: n.name, pillar: n.pillar }])).values()];

type TeamRow = { id: string; name: string; purpose: string | null; updatedAt: Date | string; total: number; memberCount: number; lead: PartySummaryRow | null };

export async function listTeams(ctx: TenantContext, q: z.output<typeof teamListQuery>): Promise<ListResult<TeamSummary>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const filters = [sql`t.tenant_id = ${tenantId}`];
    if (q.q) filters.push(sql`t.name ilike ${likePattern(q.q)}`);
    if (q.partyId)
      filters.push(sql`exists (select 1 from team_members tm where tm.tenant_id = t.tenant_id and tm.team_id = t.id and tm.party_id = ${q.partyId})`);
    if (q.networkId)
      filters.push(sql`exists (select 1 from team_members tm join network_members nm on nm.tenant_id = tm.tenant_id and nm.party_id = tm.party_id
                               where tm.tenant_id = t.tenant_id and tm.team_id = t.id and nm.network_id = ${q.networkId})`);
    const found = await rows<TeamRow>(
      tx,
      sql`select t.id, t.name, t.purpose, t.updated_at as "updatedAt", (count(*) over ())::int as total,
                 (select count(*)::int from team_members tm where tm.tenant_id = t.tenant_id and tm.team_id = t.id) as "memberCount",
                 case when p.id is null then null else json_build_object('id', p.id, 'kind', p.kind, 'name', p.name, 'sector', p.sector,
                   'pillar', p.pillar, 'orgType', p.org_type, 'position', p.position) end as lead
          from teams t left join parties p on p.tenant_id = t.tenant_id and p.id = t.lead_party_id
          where ${sql.join(filters, sql` and `)}
          order by t.name collate "und-x-icu", t.id
          limit ${q.pageSize} offset ${(q.page - 1) * q.pageSize}`,
    );
    const members = found.length
      ? await rows<{ teamId: string; partyId: string }>(
          tx,
          sql`select team_id as "teamId", party_id as "partyId" from team_members where tenant_id = ${tenantId} and team_id in (${sql.join(
            found.map((t) => sql`${t.id}::uuid`),
            sql`, `,
          )})`,
        )
      : [];
    const nets = await memberNetworks(tx, tenantId, [...new Set(members.map((m) => m.partyId))]);
    const items = found.map((t) => {
      const ids = new Set(members.filter((m) => m.teamId === t.id).map((m) => m.partyId));
      return {
        id: t.id,
        name: t.name,
        purpose: t.purpose,
        lead: t.lead ? asSummary(t.lead) : null,
        memberCount: t.memberCount,
        networks: distinctNetworks(nets.filter((n) => ids.has(n.partyId))),
        updatedAt: isoTime(t.updatedAt),
      };
    });
    return { items, total: found[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

async function loadTeam(tx: Tx, ctx: TenantContext, id: string): Promise<Team> {
  const tenantId = ctx.tenant.id;
  const [t] = await rows<Omit<TeamRow, 'total' | 'memberCount'>>(
    tx,
    sql`select t.id, t.name, t.purpose, t.updated_at as "updatedAt",
               case when p.id is null then null else json_build_object('id', p.id, 'kind', p.kind, 'name', p.name, 'sector', p.sector,
                 'pillar', p.pillar, 'orgType', p.org_type, 'position', p.position) end as lead
        from teams t left join parties p on p.tenant_id = t.tenant_id and p.id = t.lead_party_id
        where t.tenant_id = ${tenantId} and t.id = ${id}`,
  );
  if (!t) throw new AppError('not_found');
  const people = await rows<PartySummaryRow>(
    tx,
    sql`select p.id, p.kind, p.name, p.sector, p.pillar, p.org_type as "orgType", p.position
        from team_members tm join parties p on p.tenant_id = tm.tenant_id and p.id = tm.party_id
        where tm.tenant_id = ${tenantId} and tm.team_id = ${id}
        order by p.name collate "und-x-icu", p.id`,
  );
  const nets = await memberNetworks(
    tx,
    tenantId,
    people.map((p) => p.id),
  );
  const activityIds = (
    await tx
      .select({ id: teamActivities.activityId })
      .from(teamActivities)
      .where(and(eq(teamActivities.tenantId, tenantId), eq(teamActivities.teamId, id)))
  ).map((a) => a.id);
  const refs = await activityRefs(tx, tenantId, activityIds);
  const [{ minutes }] = await rows<{ minutes: number }>(
    tx,
    sql`select coalesce(sum(vh.minutes), 0)::int as minutes from volunteer_hours vh where ${teamHoursFilter(tenantId, id)}`,
  );
  const pillars: Record<string, number> = {};
  for (const p of people) pillars[p.pillar] = (pillars[p.pillar] ?? 0) + 1;
  return {
    id: t.id,
    name: t.name,
    purpose: t.purpose,
    lead: t.lead ? asSummary(t.lead) : null,
    memberCount: people.length,
    networks: distinctNetworks(nets),
    updatedAt: isoTime(t.updatedAt),
    members: people.map((p) => ({
      ...asSummary(p),
      networks: nets.filter((n) => n.partyId === p.id).map((n) => ({ id: n.id, name: n.name, pillar: n.pillar, role: n.role })),
    })),
    activities: [...refs.values()].sort((a, b) => b.fiscalYear - a.fiscalYear || a.name.localeCompare(b.name, 'th')),
    pillars,
    confirmedMinutes: minutes,
  };
}

/**
 * A team's hours: confirmed logs on the team's tasks, or by its members on its linked activities.
 * Uses the alias `vh` for volunteer_hours.
 */
export function teamHoursFilter(tenantId: string, teamId: string) {
  return sql`vh.tenant_id = ${tenantId} and vh.status = 'confirmed' and (
    exists (select 1 from tasks tk where tk.tenant_id = vh.tenant_id and tk.id = vh.task_id and tk.team_id = ${teamId})
    or (exists (select 1 from team_activities ta where ta.tenant_id = vh.tenant_id and ta.team_id = ${teamId} and ta.activity_id = vh.activity_id)
        and exists (select 1 from team_members tm where tm.tenant_id = vh.tenant_id and tm.team_id = ${teamId} and tm.party_id = vh.party_id)))`;
}

export function getTeam(ctx: TenantContext, id: string): Promise<Team> {
  return withTenant(ctx.db, ctx.tenant.id, (tx) => loadTeam(tx, ctx, id));
}

async function checkLinks(tx: Tx, ctx: TenantContext, input: { leadPartyId?: string | null; memberIds?: string[]; activityIds?: string[] }) {
  const fields: Record<string, string> = {};
  const people = await assertPeople(tx, ctx.tenant.id, [...(input.memberIds ?? []), ...(input.leadPartyId ? [input.leadPartyId] : [])]);
  input.memberIds?.forEach((id, i) => {
    if (!people.has(id)) fields[`memberIds.${i}`] = 'unknown_person';
  });
  if (input.leadPartyId && !people.has(input.leadPartyId)) fields.leadPartyId = 'unknown_person';
  if (input.activityIds?.length) {
    const refs = await activityRefs(tx, ctx.tenant.id, input.activityIds);
    input.activityIds.forEach((id, i) => {
      if (!refs.has(id)) fields[`activityIds.${i}`] = 'unknown_activity';
    });
  }
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
}

async function replaceLinks(tx: Tx, tenantId: string, teamId: string, memberIds: string[] | undefined, activityIds: string[] | undefined) {
  if (memberIds) {
    await tx.delete(teamMembers).where(and(eq(teamMembers.tenantId, tenantId), eq(teamMembers.teamId, teamId)));
    const unique = [...new Set(memberIds)];
    if (unique.length) await tx.insert(teamMembers).values(unique.map((partyId) => ({ tenantId, teamId, partyId })));
  }
  if (activityIds) {
    await tx.delete(teamActivities).where(and(eq(teamActivities.tenantId, tenantId), eq(teamActivities.teamId, teamId)));
    const unique = [...new Set(activityIds)];
    if (unique.length) await tx.insert(teamActivities).values(unique.map((activityId) => ({ tenantId, teamId, activityId })));
  }
}

const auditView = (t: Team) => ({
  name: t.name,
  purpose: t.purpose,
  leadPartyId: t.lead?.id ?? null,
  memberIds: t.members.map((m) => m.id),
  activityIds: t.activities.map((a) => a.id),
});

export function createTeam(ctx: TenantContext, input: z.output<typeof teamInput>): Promise<Team> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    // the lead is a member too
    const memberIds = input.leadPartyId && !input.memberIds.includes(input.leadPartyId) ? [input.leadPartyId, ...input.memberIds] : input.memberIds;
    await checkLinks(tx, ctx, { ...input, memberIds });
    const [row] = await tx
      .insert(teams)
      .values({ tenantId: ctx.tenant.id, name: input.name, purpose: input.purpose ?? null, leadPartyId: input.leadPartyId ?? null })
      .returning({ id: teams.id });
    await replaceLinks(tx, ctx.tenant.id, row.id, memberIds, input.activityIds);
    const team = await loadTeam(tx, ctx, row.id);
    await audit(tx, ctx, { entity: 'team', entityId: row.id, entityLabel: team.name, action: 'create', after: auditView(team) });
    return team;
  });
}

export function updateTeam(ctx: TenantContext, id: string, input: z.output<typeof teamPatch>): Promise<Team> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await loadTeam(tx, ctx, id);
    const leadPartyId = input.leadPartyId === undefined ? (before.lead?.id ?? null) : input.leadPartyId;
    let memberIds = input.memberIds;
    if (leadPartyId && (memberIds ?? before.members.map((m) => m.id)).indexOf(leadPartyId) < 0)
      memberIds = [leadPartyId, ...(memberIds ?? before.members.map((m) => m.id))];
    await checkLinks(tx, ctx, { leadPartyId, memberIds, activityIds: input.activityIds });
    const set: Partial<typeof teams.$inferInsert> = { updatedAt: new Date() };
    if (input.name !== undefined) set.name = input.name;
    if (input.purpose !== undefined) set.purpose = input.purpose;
    if (input.leadPartyId !== undefined) set.leadPartyId = input.leadPartyId;
    await tx
      .update(teams)
      .set(set)
      .where(and(eq(teams.tenantId, ctx.tenant.id), eq(teams.id, id)));
    await replaceLinks(tx, ctx.tenant.id, id, memberIds, input.activityIds);
    const after = await loadTeam(tx, ctx, id);
    await audit(tx, ctx, { entity: 'team', entityId: id, entityLabel: after.name, action: 'update', before: auditView(before), after: auditView(after) });
    return after;
  });
}

export function deleteTeam(ctx: TenantContext, id: string): Promise<void> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await loadTeam(tx, ctx, id);
    await tx.delete(teams).where(and(eq(teams.tenantId, ctx.tenant.id), eq(teams.id, id)));
    await audit(tx, ctx, { entity: 'team', entityId: id, entityLabel: before.name, action: 'delete', before: auditView(before) });
  });
}
