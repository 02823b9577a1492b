import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { Team, TeamSummary, teamInput, teamListQuery, teamPatch } from '../../../common/schemas/manpower';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { isoTime } from '../../platform/sql';
import { activityRefs } from './manpower.repository';
import { asSummary, assertPeople } from './shared';
import * as repo from './teams.repository';

type NetworkRef = { id: string; name: string; pillar: TeamSummary['networks'][number]['pillar'] };

const distinctNetworks = (list: NetworkRef[]) => [...new Map(list.map((n) => [n.id, { id: n.id, name: n.name, pillar: n.pillar }])).values()];

/** A team as lists show it: its members' networks, each once. */
const presentSummary = (
  t: Pick<repo.TeamRow, 'id' | 'name' | 'purpose' | 'lead' | 'updatedAt'>,
  memberCount: number,
  memberNetworks: NetworkRef[],
): TeamSummary => ({
  id: t.id,
  name: t.name,
  purpose: t.purpose,
  lead: t.lead ? asSummary(t.lead) : null,
  memberCount,
  networks: distinctNetworks(memberNetworks),
  updatedAt: isoTime(t.updatedAt),
});

export async function listTeams(ctx: TenantContext, q: z.output<typeof teamListQuery>): Promise<ListResult<TeamSummary>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const found = await repo.teamPage(tx, tenantId, { q: q.q, partyId: q.partyId, networkId: q.networkId }, q.pageSize, (q.page - 1) * q.pageSize);
    const members = await repo.membersOfTeams(
      tx,
      tenantId,
      found.map((t) => t.id),
    );
    const nets = await repo.memberNetworks(tx, tenantId, [...new Set(members.map((m) => m.partyId))]);
    const items = found.map((t) => {
      const ids = new Set(members.filter((m) => m.teamId === t.id).map((m) => m.partyId));
      return presentSummary(
        t,
        t.memberCount,
        nets.filter((n) => ids.has(n.partyId)),
      );
    });
    return { items, total: found[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

async function loadTeam(tx: Tx, ctx: TenantContext, id: string): Promise<Team> {
  const tenantId = ctx.tenant.id;
  const t = await repo.teamRow(tx, tenantId, id);
  if (!t) throw new AppError('not_found');
  const people = await repo.teamPeople(tx, tenantId, id);
  const nets = await repo.memberNetworks(
    tx,
    tenantId,
    people.map((p) => p.id),
  );
  const refs = await activityRefs(tx, tenantId, await repo.teamActivityIds(tx, tenantId, id));
  const minutes = await repo.teamConfirmedMinutes(tx, tenantId, id);
  const pillars: Record<string, number> = {};
  for (const p of people) pillars[p.pillar] = (pillars[p.pillar] ?? 0) + 1;
  return {
    ...presentSummary(t, people.length, nets),
    members: people.map((p) => ({
      ...asSummary(p),
      networks: nets.filter((n) => n.partyId === p.id).map((n) => ({ id: n.id, name: n.name, pillar: n.pillar, role: n.role })),
    })),
    activities: [...refs.values()].sort((a, b) => b.fiscalYear - a.fiscalYear || a.name.localeCompare(b.name, 'th')),
    pillars,
    confirmedMinutes: minutes,
  };
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
  refuseFields(fields);
}

async function replaceLinks(tx: Tx, tenantId: string, teamId: string, memberIds: string[] | undefined, activityIds: string[] | undefined) {
  if (memberIds) await repo.replaceMembers(tx, tenantId, teamId, [...new Set(memberIds)]);
  if (activityIds) await repo.replaceActivities(tx, tenantId, teamId, [...new Set(activityIds)]);
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
    const id = await repo.insertTeam(tx, { tenantId: ctx.tenant.id, name: input.name, purpose: input.purpose ?? null, leadPartyId: input.leadPartyId ?? null });
    await replaceLinks(tx, ctx.tenant.id, id, memberIds, input.activityIds);
    const team = await loadTeam(tx, ctx, id);
    await audit(tx, ctx, { entity: 'team', entityId: id, entityLabel: team.name, action: 'create', after: auditView(team) });
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
    const set: Partial<repo.TeamValues> = { updatedAt: new Date() };
    if (input.name !== undefined) set.name = input.name;
    if (input.purpose !== undefined) set.purpose = input.purpose;
    if (input.leadPartyId !== undefined) set.leadPartyId = input.leadPartyId;
    await repo.updateTeamRow(tx, ctx.tenant.id, id, set);
    await replaceLinks(tx, ctx.tenant.id, id, memberIds, input.activityIds);
    const after = await loadTeam(tx, ctx, id);
    await audit(tx, ctx, { entity: 'team', entityId: id, entityLabel: after.name, action: 'update', before: auditView(before), after: auditView(after) });
    return after;
  });
}

export function deleteTeam(ctx: TenantContext, id: string): Promise<void> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await loadTeam(tx, ctx, id);
    await repo.deleteTeamRow(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity: 'team', entityId: id, entityLabel: before.name, action: 'delete', before: auditView(before) });
  });
}
