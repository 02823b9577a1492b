import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Swap, swapInput } from '../../../common/schemas/water';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { actorPartyId, isOfficer } from '../manpower/shared';
import { swapRows, THAI } from './water.repository';
import { rows } from '../../platform/sql';

/**
 * Swapping two turns of a published rota between groups, with consent: a member of the group holding `turnId` asks
 * (or an officer on its behalf); the head or an officer of the group holding `withTurnId` (or an officer of the local
 * government) accepts. Accepting exchanges the two turns' groups in one statement, so each group keeps its number of
 * turns; both turns must not have started.
 */
interface TurnRow {
  id: string;
  rotaId: string;
  seq: number;
  groupId: string;
  groupName: string;
  zone: Swap['turn']['zone'];
  startsAt: string;
  endsAt: string;
  started: boolean;
  status: string;
}

async function turnsOf(tx: Tx, tenantId: string, ids: string[]) {
  return rows<TurnRow>(
    tx,
    sql`select x.id, x.rota_id as "rotaId", x.seq, x.group_id as "groupId", g.name as "groupName", g.zone,
               ${THAI(sql`x.starts_at`)} as "startsAt", ${THAI(sql`x.ends_at`)} as "endsAt", x.starts_at <= now() as started, r.status
        from water_rota_turns x
        join water_user_groups g on g.tenant_id = x.tenant_id and g.id = x.group_id
        join water_rotas r on r.tenant_id = x.tenant_id and r.id = x.rota_id
        where x.tenant_id = ${tenantId} and x.id in (${sql.join(
          ids.map((i) => sql`${i}::uuid`),
          sql`, `,
        )})
        for update of x`,
  );
}

async function roleIn(tx: Tx, tenantId: string, partyId: string | null, groupId: string): Promise<string | null> {
  if (!partyId) return null;
  const [m] = await rows<{ role: string }>(
    tx,
    sql`select role from water_group_members where tenant_id = ${tenantId} and group_id = ${groupId} and party_id = ${partyId}`,
  );
  return m?.role ?? null;
}

async function loadSwaps(tx: Tx, ctx: TenantContext, where: ReturnType<typeof sql>): Promise<Swap[]> {
  const tenantId = ctx.tenant.id;
  const found = await swapRows(tx, tenantId, where);
  if (!found.length) return [];
  const turns = new Map(
    (
      await rows<TurnRow>(
        tx,
        sql`select x.id, x.rota_id as "rotaId", x.seq, x.group_id as "groupId", g.name as "groupName", g.zone,
                   ${THAI(sql`x.starts_at`)} as "startsAt", ${THAI(sql`x.ends_at`)} as "endsAt"
            from water_rota_turns x join water_user_groups g on g.tenant_id = x.tenant_id and g.id = x.group_id
            where x.tenant_id = ${tenantId} and x.id in (${sql.join(
              found.flatMap((s) => [sql`${s.turnId}::uuid`, sql`${s.withTurnId}::uuid`]),
              sql`, `,
            )})`,
      )
    ).map((x) => [x.id, { id: x.id, seq: x.seq, groupId: x.groupId, groupName: x.groupName, zone: x.zone, startsAt: x.startsAt, endsAt: x.endsAt }]),
  );
  // the groups in which the caller may decide (head or officer); an officer of the local government decides everywhere
  const partyId = await actorPartyId(tx, ctx);
  const leads = new Set(
    partyId
      ? (
          await rows<{ groupId: string }>(
            tx,
            sql`select group_id as "groupId" from water_group_members where tenant_id = ${tenantId} and party_id = ${partyId} and role in ('head', 'officer')`,
          )
        ).map((m) => m.groupId)
      : [],
  );
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
    const [r] = await rows(tx, sql`select 1 from water_rotas where tenant_id = ${ctx.tenant.id} and id = ${rotaId}`);
    if (!r) throw new AppError('not_found');
    return loadSwaps(tx, ctx, sql`s.rota_id = ${rotaId}`);
  });

export function requestSwap(ctx: TenantContext, rotaId: string, input: z.output<typeof swapInput>): Promise<Swap> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const found = await turnsOf(tx, ctx.tenant.id, [input.turnId, input.withTurnId]);
    const mine = found.find((x) => x.id === input.turnId);
    const theirs = found.find((x) => x.id === input.withTurnId);
    if (!mine || mine.rotaId !== rotaId) throw new AppError('not_found');
    if (!theirs || theirs.rotaId !== rotaId) throw new AppError('validation_failed', { withTurnId: 'unknown_item' });
    if (mine.status !== 'published') throw new AppError('validation_failed', { turnId: 'swap_not_published' });
    if (mine.groupId === theirs.groupId) throw new AppError('validation_failed', { withTurnId: 'swap_same_group' });
    if (mine.started || theirs.started) throw new AppError('validation_failed', { [mine.started ? 'turnId' : 'withTurnId']: 'swap_past_turn' });
    const partyId = await actorPartyId(tx, ctx);
    if (!isOfficer(ctx) && !(await roleIn(tx, ctx.tenant.id, partyId, mine.groupId))) throw new AppError('forbidden', { turnId: 'swap_not_member' });
    const [row] = await rows<{ id: string }>(
      tx,
      sql`insert into water_turn_swaps (tenant_id, rota_id, turn_id, with_turn_id, requested_by_party_id)
          values (${ctx.tenant.id}, ${rotaId}, ${input.turnId}, ${input.withTurnId}, ${partyId}) returning id`,
    );
    await audit(tx, ctx, {
      entity: 'water_turn_swap',
      entityId: row.id,
      entityLabel: `${mine.groupName} ↔ ${theirs.groupName}`,
      action: 'create',
      after: input,
    });
    return (await loadSwaps(tx, ctx, sql`s.id = ${row.id}`))[0];
  });
}

export function decideSwap(ctx: TenantContext, swapId: string, decision: 'accepted' | 'declined'): Promise<Swap> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const [s] = await rows<{ id: string; status: string; turnId: string; withTurnId: string }>(
      tx,
      sql`select id, status, turn_id as "turnId", with_turn_id as "withTurnId" from water_turn_swaps
          where tenant_id = ${ctx.tenant.id} and id = ${swapId} for update`,
    );
    if (!s) throw new AppError('not_found');
    if (s.status !== 'pending') throw new AppError('conflict', { id: 'swap_decided' });
    const found = await turnsOf(tx, ctx.tenant.id, [s.turnId, s.withTurnId]);
    const mine = found.find((x) => x.id === s.turnId)!;
    const theirs = found.find((x) => x.id === s.withTurnId)!;
    const partyId = await actorPartyId(tx, ctx);
    const role = await roleIn(tx, ctx.tenant.id, partyId, theirs.groupId);
    if (!isOfficer(ctx) && role !== 'head' && role !== 'officer') throw new AppError('forbidden');
    if (decision === 'accepted') {
      if (mine.started || theirs.started) throw new AppError('validation_failed', { id: 'swap_past_turn' });
      await tx.execute(
        sql`update water_rota_turns set group_id = case when id = ${mine.id}::uuid then ${theirs.groupId}::uuid else ${mine.groupId}::uuid end
            where tenant_id = ${ctx.tenant.id} and id in (${mine.id}::uuid, ${theirs.id}::uuid)`,
      );
    }
    await tx.execute(
      sql`update water_turn_swaps set status = ${decision}, decided_by_party_id = ${partyId}, decided_at = now() where tenant_id = ${ctx.tenant.id} and id = ${swapId}`,
    );
    await audit(tx, ctx, {
      entity: 'water_turn_swap',
      entityId: swapId,
      entityLabel: `${mine.groupName} ↔ ${theirs.groupName}`,
      action: 'update',
      before: { status: 'pending' },
      after: { status: decision, turns: decision === 'accepted' ? { [mine.id]: theirs.groupId, [theirs.id]: mine.groupId } : undefined },
    });
    return (await loadSwaps(tx, ctx, sql`s.id = ${swapId}`))[0];
  });
}
