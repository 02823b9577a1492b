import type { z } from 'zod';
import type { frameUpsert, goalCreate, goalUpdate, StrategyTree, strategyCreate, strategyUpdate } from '../../../common/schemas/strategy';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { existingNetworkIds } from '../networks/networks.repository';
import { existingPartyIds } from '../partners/partners.repository';
import * as repo from './strategy.repository';
import { loadTree } from './tree';
import { uniq } from '../../../common/arrays';
import { withUpdates } from '../../../common/objects';

/**
 * The strategy frame (vision, missions), goals and strategies. Reading the tree: tree.ts; the map with the
 * plans' projects: map.ts; indicators and measurements: indicators.service.ts; SQL: strategy.repository.ts.
 */

async function assertIds(tx: Tx, ctx: TenantContext, networkIds: string[] | undefined, partyIds: string[] | undefined) {
  const fields: Record<string, string> = {};
  if (networkIds?.length) {
    const known = await existingNetworkIds(tx, ctx.tenant.id, networkIds);
    networkIds.forEach((id, i) => {
      if (!known.has(id)) fields[`networkIds.${i}`] = 'unknown_network';
    });
  }
  if (partyIds?.length) {
    const known = await existingPartyIds(tx, ctx.tenant.id, partyIds);
    partyIds.forEach((id, i) => {
      if (!known.has(id)) fields[`partyIds.${i}`] = 'unknown_party';
    });
  }
  refuseFields(fields);
}

export async function goalOr(tx: Tx, ctx: TenantContext, id: string, field?: string) {
  const g = await repo.getGoal(tx, ctx.tenant.id, id);
  if (!g) throw field ? new AppError('validation_failed', { [field]: 'unknown_goal' }) : new AppError('not_found');
  return g;
}

/** The fields a goal and a strategy share (their heading); an update may change each of them. */
const NAMED_FIELDS = ['code', 'name', 'description', 'sortOrder'] as const;
type Named = { code: string | null; name: string; description: string | null; sortOrder: number };
const named = (r: Named): Named => ({ code: r.code, name: r.name, description: r.description, sortOrder: r.sortOrder });

/** The values a goal and a strategy share, from their create input (absent optional fields are null). */
const namedValues = (ctx: TenantContext, input: { code?: string | null; name: string; description?: string | null; sortOrder: number }) => ({
  tenantId: ctx.tenant.id,
  code: input.code ?? null,
  name: input.name,
  description: input.description ?? null,
  sortOrder: input.sortOrder,
});

/**
 * Delete a goal, strategy or indicator: `find` throws when the caller cannot see it, `remove` deletes it, and the
 * audit entry names it with what `kept` keeps of it.
 */
export async function deleteAudited<R extends { name: string }>(
  ctx: TenantContext,
  id: string,
  entity: 'strategy_goal' | 'strategy' | 'strategy_indicator',
  find: (tx: Tx, ctx: TenantContext, id: string) => Promise<R>,
  remove: (tx: Tx, tenantId: string, id: string) => Promise<void>,
  kept: (row: R) => Record<string, unknown>,
): Promise<void> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await find(tx, ctx, id);
    await remove(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity, entityId: id, entityLabel: before.name, action: 'delete', before: kept(before) });
  });
}

export async function upsertFrame(ctx: TenantContext, input: z.output<typeof frameUpsert>): Promise<StrategyTree> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const networkId = input.networkId ?? null;
    if (networkId && !(await existingNetworkIds(tx, ctx.tenant.id, [networkId])).has(networkId))
      throw new AppError('validation_failed', { networkId: 'unknown_network' });
    const before = await repo.getFrame(tx, ctx.tenant.id, networkId);
    const values = { vision: input.vision !== undefined ? input.vision : (before?.vision ?? null), missions: input.missions ?? before?.missions ?? [] };
    const row = before
      ? await repo.updateFrame(tx, ctx.tenant.id, before.id, values)
      : await repo.insertFrame(tx, { tenantId: ctx.tenant.id, networkId, ...values });
    await audit(tx, ctx, {
      entity: 'strategy_frame',
      entityId: row.id,
      action: before ? 'update' : 'create',
      before: before ? { networkId, vision: before.vision, missions: before.missions } : null,
      after: { networkId, ...values },
    });
    return loadTree(tx, ctx, networkId ?? undefined);
  });
}

export async function createGoal(ctx: TenantContext, input: z.output<typeof goalCreate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const networkIds = uniq(input.networkIds);
    const partyIds = uniq(input.partyIds);
    await assertIds(tx, ctx, networkIds, partyIds);
    const row = await repo.insertGoal(tx, namedValues(ctx, input));
    await repo.setGoalLinks(tx, ctx.tenant.id, row.id, networkIds, partyIds);
    await audit(tx, ctx, {
      entity: 'strategy_goal',
      entityId: row.id,
      entityLabel: row.name,
      action: 'create',
      after: { code: row.code, name: row.name, description: row.description, networkIds, partyIds },
    });
    return { id: row.id };
  });
}

export async function updateGoal(ctx: TenantContext, id: string, input: z.output<typeof goalUpdate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await goalOr(tx, ctx, id);
    const networkIds = input.networkIds ? uniq(input.networkIds) : undefined;
    const partyIds = input.partyIds ? uniq(input.partyIds) : undefined;
    await assertIds(tx, ctx, networkIds, partyIds);
    const after = await repo.updateGoal(tx, ctx.tenant.id, id, withUpdates(before, input, NAMED_FIELDS));
    await repo.setGoalLinks(tx, ctx.tenant.id, id, networkIds, partyIds);
    await audit(tx, ctx, {
      entity: 'strategy_goal',
      entityId: id,
      entityLabel: after.name,
      action: 'update',
      before: named(before),
      after: { ...named(after), ...(networkIds ? { networkIds } : {}), ...(partyIds ? { partyIds } : {}) },
    });
    return { id };
  });
}

export async function deleteGoal(ctx: TenantContext, id: string) {
  await deleteAudited(ctx, id, 'strategy_goal', goalOr, repo.deleteGoal, (g) => ({ code: g.code, name: g.name }));
}

export async function createStrategy(ctx: TenantContext, input: z.output<typeof strategyCreate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await goalOr(tx, ctx, input.goalId, 'goalId');
    const row = await repo.insertStrategy(tx, { ...namedValues(ctx, input), goalId: input.goalId });
    await audit(tx, ctx, {
      entity: 'strategy',
      entityId: row.id,
      entityLabel: row.name,
      action: 'create',
      after: { goalId: row.goalId, code: row.code, name: row.name, description: row.description },
    });
    return { id: row.id };
  });
}

async function strategyOr404(tx: Tx, ctx: TenantContext, id: string) {
  const s = await repo.getStrategy(tx, ctx.tenant.id, id);
  if (!s) throw new AppError('not_found');
  return s;
}

export async function updateStrategy(ctx: TenantContext, id: string, input: z.output<typeof strategyUpdate>) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await strategyOr404(tx, ctx, id);
    const after = await repo.updateStrategy(tx, ctx.tenant.id, id, withUpdates(before, input, NAMED_FIELDS));
    await audit(tx, ctx, { entity: 'strategy', entityId: id, entityLabel: after.name, action: 'update', before: named(before), after: named(after) });
    return { id };
  });
}

export async function deleteStrategy(ctx: TenantContext, id: string) {
  await deleteAudited(ctx, id, 'strategy', strategyOr404, repo.deleteStrategy, (s) => ({ goalId: s.goalId, name: s.name }));
}
