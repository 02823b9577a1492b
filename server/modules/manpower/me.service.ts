import type { MyManpower } from '../../../common/schemas/manpower';
import { fiscalYearOf } from '../../../common/thai/dates';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { todayInThailand } from '../../platform/today';
import { presentLog } from './hours-logs';
import { selectLogs } from './hours.repository';
import * as repo from './manpower.repository';
import { presentProfile } from './profiles.service';
import { actorPartyId, asSummary, reviewableNetworks } from './shared';
import { presentTask } from './tasks.service';
import { selectTasks } from './tasks.repository';

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
    const person = await repo.partySummary(tx, tenantId, partyId);
    if (!person) return empty;
    const profile = await repo.profileRow(tx, tenantId, partyId);
    const networks = await repo.currentNetworksOf(tx, tenantId, partyId);
    const teams = await repo.teamsOf(tx, tenantId, partyId);
    const tasks = await selectTasks(tx, tenantId, { ofPerson: partyId, openOnly: true }, 50);
    const sums = await repo.yearMinutes(tx, tenantId, partyId, fiscalYear);
    const viewer = { partyId, networks: await reviewableNetworks(tx, ctx) };
    const recent = await selectLogs(tx, tenantId, viewer, { onlyParty: partyId }, 20);
    const activities = await repo.loggableActivities(tx, tenantId, partyId, fiscalYear);
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
