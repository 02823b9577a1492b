import type { z } from 'zod';
import type { Swap, swapInput } from '../../../common/schemas/water';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { actorPartyId, isOfficer } from '../manpower/shared';
import * as repo from './swaps.repository';

/**
 * Swapping two turns of a published rota between groups, with consent: a member of the group holding `turnId` asks
 * (or an officer on its behalf); the head or an officer of the group holding `withTurnId` (or an officer of the local
 * government) accepts. Accepting exchanges the two turns' groups in one statement, so each group keeps its number of
 * turns; both turns must not have started.
 */
async function roleIn(tx: Tx, tenantId: string, partyId: string | null, groupId: string): Promise<string | null> {
  if (!partyId) return null;
  return (await repo.groupRole(tx, tenantId, groupId, partyId)) ?? null;
}

async function loadSwaps(tx: Tx, ctx: TenantContext, f: { id: string } | { rotaId: string }): Promise<Swap[]> {
  const tenantId = ctx.tenant.id;
  const found = await repo.swapRows(tx, tenantId, f);
  if (!found.length) return [];
  const turns = new Map(
    (
      await repo.swapTurns(
        tx,
        tenantId,
        found.flatMap((s) => [s.turnId, s.withTurnId]),
      )
    ).map((x) => [x.id, { id: x.id, seq: x.seq, groupId: x.groupId, groupName: x.groupName, zone: x.zone, startsAt: x.startsAt, endsAt: x.endsAt }]),
  );
  // the groups in which the caller may decide (head or officer); an officer of the local government decides everywhere
  const partyId = await actorPartyId(tx, ctx);
  const leads = new Set(partyId ? await repo.ledGroupIds(tx, tenantId, partyId) : []);
  return found.map((s) => ({
    id: s.id,
    rotaId: s.rotaId,
    status: s.status,
    canDecide: s.status === 'pending' && (isOfficer(ctx) || leads.has(turns.get(s.withTurnId)!.groupId)),
    turn: turns.get(s.turnId)!,
    withTurn: turns.get(s.withTurnId)!,
    requestedBy: s.requestedBy,
    decidedBy: s.decidedBy,
  }));
}

export const listSwaps = (ctx: TenantContext, rotaId: string) =>
  withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    if (!(await repo.rotaExists(tx, ctx.tenant.id, rotaId))) throw new AppError('not_found');
    return loadSwaps(tx, ctx, { rotaId });
  });

export function requestSwap(ctx: TenantContext, rotaId: string, input: z.output<typeof swapInput>): Promise<Swap> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const found = await repo.turnsForUpdate(tx, ctx.tenant.id, [input.turnId, input.withTurnId]);
    const mine = found.find((x) => x.id === input.turnId);
    const theirs = found.find((x) => x.id === input.withTurnId);
    if (!mine || mine.rotaId !== rotaId) throw new AppError('not_found');
    if (!theirs || theirs.rotaId !== rotaId) throw new AppError('validation_failed', { withTurnId: 'unknown_item' });
    if (mine.status !== 'published') throw new AppError('validation_failed', { turnId: 'swap_not_published' });
    if (mine.groupId === theirs.groupId) throw new AppError('validation_failed', { withTurnId: 'swap_same_group' });
    if (mine.started || theirs.started) throw new AppError('validation_failed', { [mine.started ? 'turnId' : 'withTurnId']: 'swap_past_turn' });
    const partyId = await actorPartyId(tx, ctx);
    if (!isOfficer(ctx) && !(await roleIn(tx, ctx.tenant.id, partyId, mine.groupId))) throw new AppError('forbidden', { turnId: 'swap_not_member' });
    const id = await repo.insertSwap(tx, ctx.tenant.id, rotaId, input.turnId, input.withTurnId, partyId);
    await audit(tx, ctx, {
      entity: 'water_turn_swap',
      entityId: id,
      entityLabel: `${mine.groupName} ↔ ${theirs.groupName}`,
      action: 'create',
      after: input,
    });
    return (await loadSwaps(tx, ctx, { id }))[0];
  });
}

export function decideSwap(ctx: TenantContext, swapId: string, decision: 'accepted' | 'declined'): Promise<Swap> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const s = await repo.swapForUpdate(tx, ctx.tenant.id, swapId);
    if (!s) throw new AppError('not_found');
    if (s.status !== 'pending') throw new AppError('conflict', { id: 'swap_decided' });
    const found = await repo.turnsForUpdate(tx, ctx.tenant.id, [s.turnId, s.withTurnId]);
    const mine = found.find((x) => x.id === s.turnId)!;
    const theirs = found.find((x) => x.id === s.withTurnId)!;
    const partyId = await actorPartyId(tx, ctx);
    const role = await roleIn(tx, ctx.tenant.id, partyId, theirs.groupId);
    if (!isOfficer(ctx) && role !== 'head' && role !== 'officer') throw new AppError('forbidden');
    if (decision === 'accepted') {
      if (mine.started || theirs.started) throw new AppError('validation_failed', { id: 'swap_past_turn' });
      await repo.exchangeTurnGroups(tx, ctx.tenant.id, mine, theirs);
    }
    await repo.decideSwapRow(tx, ctx.tenant.id, swapId, decision, partyId);
    await audit(tx, ctx, {
      entity: 'water_turn_swap',
      entityId: swapId,
      entityLabel: `${mine.groupName} ↔ ${theirs.groupName}`,
      action: 'update',
      before: { status: 'pending' },
      after: { status: decision, turns: decision === 'accepted' ? { [mine.id]: theirs.groupId, [theirs.id]: mine.groupId } : undefined },
    });
    return (await loadSwaps(tx, ctx, { id: swapId }))[0];
  });
}
