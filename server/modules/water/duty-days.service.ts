import type { z } from 'zod';
import type { DutyRule, dutyRuleInput, DutyTable } from '../../../common/schemas/water';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { AppError } from '../../platform/errors';
import * as repo from './maintenance.repository';

/**
 * Duty days (วันลงแขก): a member gives one day for each date with labour in a maintenance work of the season for their
 * group (or for the whole system); owes what the group's rule says.
 */

/** Hundredths of a rai, exactly (numeric(9,2) arrives as a string). */
const hundredths = (v: string | number) => Math.round(Number(v) * 100);

/**
 * Days a member owes in a season under the group's rule: `days` each, or `days` for every `rai` rai irrigated, rounded
 * up (7.5 rai at 1 day per 5 rai owes 2). Whole-number arithmetic on hundredths of a rai.
 */
export function dutyOwed(rule: DutyRule, irrigatedRai: number): number {
  if (rule.basis === 'per_member') return rule.days;
  const per = hundredths(rule.rai ?? 0);
  if (per <= 0) return 0;
  return Math.ceil((hundredths(irrigatedRai) * rule.days) / per);
}

export function setDutyRule(ctx: TenantContext, groupId: string, input: z.output<typeof dutyRuleInput>): Promise<DutyRule> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const g = await repo.groupDuty(tx, ctx.tenant.id, groupId, true);
    if (!g) throw new AppError('not_found');
    await repo.setGroupDuty(tx, ctx.tenant.id, groupId, input);
    await audit(tx, ctx, {
      entity: 'water_user_group',
      entityId: groupId,
      entityLabel: g.name,
      action: 'update',
      before: { dutyBasis: g.basis, dutyDays: g.days, dutyRai: g.rai === null ? null : Number(g.rai) },
      after: { dutyBasis: input.basis, dutyDays: input.days, dutyRai: input.rai },
    });
    return { basis: input.basis, days: input.days, rai: input.rai };
  });
}

/** Each member's duty days owed and given in a season (default: the latest season with a work). */
export function dutyTable(ctx: TenantContext, groupId: string, season?: string): Promise<DutyTable> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tid = ctx.tenant.id;
    const g = await repo.groupDuty(tx, tid, groupId);
    if (!g) throw new AppError('not_found');
    const rule: DutyRule = { basis: g.basis, days: g.days, rai: g.rai === null ? null : Number(g.rai) };
    // the works that count for this group: its own and the whole system's
    const seasons = await repo.dutySeasons(tx, tid, groupId);
    const chosen = season ?? seasons[0] ?? '';
    const members = await repo.dutyMembers(tx, tid, groupId, chosen);
    const out = members.map((m) => {
      const rai = Number(m.irrigatedRai);
      const owed = dutyOwed(rule, rai);
      return { partyId: m.partyId, name: m.name, role: m.role, irrigatedRai: rai, owed, given: m.given, balance: m.given - owed };
    });
    return {
      group: { id: g.id, name: g.name },
      season: chosen,
      rule,
      seasons,
      members: out,
      totals: { owed: out.reduce((s, m) => s + m.owed, 0), given: out.reduce((s, m) => s + m.given, 0) },
    };
  });
}
