import { sql } from 'drizzle-orm';
import type { MyManpower } from '../../../common/schemas/manpower';
import { fiscalYearOf } from '../../../common/thai/dates';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { presentLog, selectLogs, todayInThailand } from './hours.service';
import { loadProfile, presentProfile } from './profiles.service';
import { actorPartyId, asSummary, reviewableNetworks, type ActivityRef, type PartySummaryRow } from './shared';
import { presentTask, selectTasks, tasksOfPerson } from './tasks.service';
import { rows } from '../../platform/sql';

type NetworkRow = MyManpower['networks'][number];

/** "My networks, my teams, my tasks, my hours" for the account's linked registry person. */
export function myManpower(ctx: TenantContext): Promise<MyManpower> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const fiscalYear = fiscalYearOf(todayInThailand());
    const partyId = await actorPartyId(tx, ctx);
    const empty: MyManpower = {
      person: null,
      profile: null,
      networks: [],
      teams: [],
      tasks: [],
      fiscalYear,
      confirmedMinutes: 0,
      pendingMinutes: 0,
      recentHours: [],
      activities: [],
    };
    if (!partyId) return empty;
    const [person] = await rows<PartySummaryRow>(
      tx,
      sql`select id, kind, name, sector, pillar, org_type as "orgType", position from parties where tenant_id = ${tenantId} and id = ${partyId}`,
    );
    if (!person) return empty;
    const profile = await loadProfile(tx, tenantId, partyId);
    const networks = await rows<NetworkRow>(
      tx,
      sql`select distinct on (n.name, n.id) n.id, n.name, n.pillar, m.role
          from network_members m join networks n on n.tenant_id = m.tenant_id and n.id = m.network_id
          where m.tenant_id = ${tenantId} and m.party_id = ${partyId} and (m.end_date is null or m.end_date >= current_date)
          order by n.name, n.id, array_position(array['coordinator','committee','advisor','member'], m.role)`,
    );
    const teams = await rows<MyManpower['teams'][number]>(
      tx,
      sql`select t.id, t.name, t.purpose from teams t join team_members tm on tm.tenant_id = t.tenant_id and tm.team_id = t.id
          where t.tenant_id = ${tenantId} and tm.party_id = ${partyId} order by t.name collate "und-x-icu"`,
    );
    const tasks = await selectTasks(tx, tenantId, sql`${tasksOfPerson(partyId)} and tk.status in ('open', 'in_progress')`, 50);
    const [sums] = await rows<{ confirmed: number; pending: number }>(
      tx,
      sql`select coalesce(sum(minutes) filter (where status = 'confirmed'), 0)::int as confirmed,
                 coalesce(sum(minutes) filter (where status = 'pending'), 0)::int as pending
          from volunteer_hours where tenant_id = ${tenantId} and party_id = ${partyId} and fiscal_year = ${fiscalYear}`,
    );
    const viewer = { partyId, networks: await reviewableNetworks(tx, ctx) };
    const recent = await selectLogs(tx, tenantId, viewer, sql`vh.party_id = ${partyId}`, 20);
    // what they can log against: their teams' activities, then this and last year's plans of their networks
    const activities = await rows<ActivityRef>(
      tx,
      sql`select a.id, a.name, pl.id as "planId", pl.name as "planName", pl.fiscal_year as "fiscalYear"
          from plan_activities a join plans pl on pl.tenant_id = a.tenant_id and pl.id = a.plan_id
          where a.tenant_id = ${tenantId} and (
            exists (select 1 from team_activities ta join team_members tm on tm.tenant_id = ta.tenant_id and tm.team_id = ta.team_id
                    where ta.tenant_id = a.tenant_id and ta.activity_id = a.id and tm.party_id = ${partyId})
            or (pl.fiscal_year >= ${fiscalYear - 1} and exists (
                    select 1 from plan_networks pn join network_members m on m.tenant_id = pn.tenant_id and m.network_id = pn.network_id
                    where pn.tenant_id = a.tenant_id and pn.plan_id = pl.id and m.party_id = ${partyId})))
          order by pl.fiscal_year desc, a.name collate "und-x-icu"
          limit 200`,
    );
    return {
      person: asSummary(person),
      profile: profile ? presentProfile(profile) : null,
      networks,
      teams,
      tasks: tasks.map(presentTask),
      fiscalYear,
      confirmedMinutes: sums.confirmed,
      pendingMinutes: sums.pending,
      recentHours: recent.map(presentLog),
      activities,
    };
  });
}
