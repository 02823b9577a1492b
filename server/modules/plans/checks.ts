import { fiscalYearOf } from '../../../common/thai/dates';
import type { TenantContext } from '../../platform/context';
import type { Tx } from '../../platform/db';
import { AppError, assertDateOrder, refuseFields } from '../../platform/errors';
import { existingNetworkIds } from '../networks/networks.repository';
import { existingPartyIds } from '../partners/partners.repository';
import { existingIndicatorIds, getStrategy } from '../strategy/strategy.repository';
import * as repo from './plans.repository';
import { uniq } from '../../../common/arrays';

/** The rules a plan, project or activity must keep, shared by the plans' services and commands. */

export async function assertNetworks(tx: Tx, ctx: TenantContext, ids: string[]) {
  if (!ids.length) return;
  const known = await existingNetworkIds(tx, ctx.tenant.id, ids);
  const fields: Record<string, string> = {};
  ids.forEach((id, i) => {
    if (!known.has(id)) fields[`networkIds.${i}`] = 'unknown_network';
  });
  refuseFields(fields);
}

export async function assertParties(tx: Tx, ctx: TenantContext, lead: string | null | undefined, supporting: string[] | undefined) {
  const ids = uniq([...(lead ? [lead] : []), ...(supporting ?? [])]);
  const known = await existingPartyIds(tx, ctx.tenant.id, ids);
  const fields: Record<string, string> = {};
  if (lead && !known.has(lead)) fields.leadPartyId = 'unknown_party';
  (supporting ?? []).forEach((id, i) => {
    if (!known.has(id)) fields[`supportingPartyIds.${i}`] = 'unknown_party';
  });
  refuseFields(fields);
}

export async function assertStrategyLinks(tx: Tx, ctx: TenantContext, strategyId: string | null | undefined, indicatorIds: string[] | undefined) {
  const fields: Record<string, string> = {};
  if (strategyId) {
    if (!(await getStrategy(tx, ctx.tenant.id, strategyId))) fields.strategyId = 'unknown_strategy';
  }
  if (indicatorIds?.length) {
    const known = await existingIndicatorIds(tx, ctx.tenant.id, indicatorIds);
    indicatorIds.forEach((id, i) => {
      if (!known.has(id)) fields[`indicatorIds.${i}`] = 'unknown_indicator';
    });
  }
  refuseFields(fields);
}

/** A plan's dates lie inside its fiscal year (1 Oct – 30 Sep); the end is not before the start. */
export function assertPlanDates(fiscalYear: number, start: string, end: string) {
  const fields: Record<string, string> = {};
  if (fiscalYearOf(start) !== fiscalYear) fields.startDate = 'outside_fiscal_year';
  if (fiscalYearOf(end) !== fiscalYear) fields.endDate = 'outside_fiscal_year';
  refuseFields(fields);
  assertDateOrder(start, end);
}

/** Work dates lie inside the plan's period. */
export function assertWorkDates(plan: { startDate: string; endDate: string }, start: string | null | undefined, end: string | null | undefined) {
  const fields: Record<string, string> = {};
  if (start && (start < plan.startDate || start > plan.endDate)) fields.startDate = 'outside_plan_period';
  if (end && (end < plan.startDate || end > plan.endDate)) fields.endDate = 'outside_plan_period';
  refuseFields(fields);
  assertDateOrder(start, end);
}

/** Shrinking a plan's period must not leave its projects or activities outside it. */
export async function assertWorkInside(tx: Tx, ctx: TenantContext, planId: string, start: string, end: string) {
  const { early, late } = await repo.workOutsidePeriod(tx, ctx.tenant.id, planId, start, end);
  const fields: Record<string, string> = {};
  if (early) fields.startDate = 'work_outside_period';
  if (late) fields.endDate = 'work_outside_period';
  refuseFields(fields);
}

export function touchPlan(tx: Tx, ctx: TenantContext, planId: string) {
  return repo.touchPlan(tx, ctx.tenant.id, planId);
}

export async function planOr404(tx: Tx, ctx: TenantContext, id: string) {
  const plan = await repo.getPlan(tx, ctx.tenant.id, id);
  if (!plan) throw new AppError('not_found');
  return plan;
}

/** What an update may change on a project and on an activity alike (the work fields of common/schemas/plans.ts). */
export const WORK_FIELDS = [
  'name',
  'objectives',
  'outputTarget',
  'indicatorText',
  'leadPartyId',
  'supportingPartyIds',
  'startDate',
  'endDate',
  'status',
  'weight',
] as const;
