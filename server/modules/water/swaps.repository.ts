import { sql } from 'drizzle-orm';
import type { Swap } from '../../../common/schemas/water';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';
import { THAI } from './water.repository';

export type SwapRow = {
  id: string;
  rotaId: string;
  status: Swap['status'];
  turnId: string;
  withTurnId: string;
  requestedBy: string | null;
  decidedBy: string | null;
};

/** Turn swaps (one, or a rota's), newest first, with the names of who asked and who decided (partners' table, read). */
export function swapRows(tx: Tx, tenantId: string, f: { id: string } | { rotaId: string }): Promise<SwapRow[]> {
  const where = 'id' in f ? sql`s.id = ${f.id}` : sql`s.rota_id = ${f.rotaId}`;
  return rows<SwapRow>(
    tx,
    sql`select s.id, s.rota_id as "rotaId", s.status, s.turn_id as "turnId", s.with_turn_id as "withTurnId", rp.name as "requestedBy", dp.name as "decidedBy"
        from water_turn_swaps s
        left join parties rp on rp.tenant_id = s.tenant_id and rp.id = s.requested_by_party_id
        left join parties dp on dp.tenant_id = s.tenant_id and dp.id = s.decided_by_party_id
        where s.tenant_id = ${tenantId} and ${where} order by s.created_at desc, s.id`,
  );
}

export interface TurnRow {
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

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((i) => sql`${i}::uuid`),
    sql`, `,
  );

/** Turns with their group, whether they started and their rota's status, locked. */
export function turnsForUpdate(tx: Tx, tenantId: string, ids: string[]) {
  return rows<TurnRow>(
    tx,
    sql`select x.id, x.rota_id as "rotaId", x.seq, x.group_id as "groupId", g.name as "groupName", g.zone,
               ${THAI(sql`x.starts_at`)} as "startsAt", ${THAI(sql`x.ends_at`)} as "endsAt", x.starts_at <= now() as started, r.status
        from water_rota_turns x
        join water_user_groups g on g.tenant_id = x.tenant_id and g.id = x.group_id
        join water_rotas r on r.tenant_id = x.tenant_id and r.id = x.rota_id
        where x.tenant_id = ${tenantId} and x.id in (${uuidList(ids)})
        for update of x`,
  );
}

/** Turns with their group, for showing a swap. */
export function swapTurns(tx: Tx, tenantId: string, ids: string[]) {
  return rows<Omit<TurnRow, 'started' | 'status'>>(
    tx,
    sql`select x.id, x.rota_id as "rotaId", x.seq, x.group_id as "groupId", g.name as "groupName", g.zone,
               ${THAI(sql`x.starts_at`)} as "startsAt", ${THAI(sql`x.ends_at`)} as "endsAt"
        from water_rota_turns x join water_user_groups g on g.tenant_id = x.tenant_id and g.id = x.group_id
        where x.tenant_id = ${tenantId} and x.id in (${uuidList(ids)})`,
  );
}

/** The person's role in the group (undefined when not a member). */
export async function groupRole(tx: Tx, tenantId: string, groupId: string, partyId: string): Promise<string | undefined> {
  const [m] = await rows<{ role: string }>(
    tx,
    sql`select role from water_group_members where tenant_id = ${tenantId} and group_id = ${groupId} and party_id = ${partyId}`,
  );
  return m?.role;
}

/** The groups the person leads (head or officer). */
export async function ledGroupIds(tx: Tx, tenantId: string, partyId: string): Promise<string[]> {
  return (
    await rows<{ groupId: string }>(
      tx,
      sql`select group_id as "groupId" from water_group_members where tenant_id = ${tenantId} and party_id = ${partyId} and role in ('head', 'officer')`,
    )
  ).map((m) => m.groupId);
}

export async function rotaExists(tx: Tx, tenantId: string, rotaId: string): Promise<boolean> {
  return (await rows(tx, sql`select 1 from water_rotas where tenant_id = ${tenantId} and id = ${rotaId}`)).length > 0;
}

export async function insertSwap(tx: Tx, tenantId: string, rotaId: string, turnId: string, withTurnId: string, requestedBy: string | null): Promise<string> {
  const [row] = await rows<{ id: string }>(
    tx,
    sql`insert into water_turn_swaps (tenant_id, rota_id, turn_id, with_turn_id, requested_by_party_id)
        values (${tenantId}, ${rotaId}, ${turnId}, ${withTurnId}, ${requestedBy}) returning id`,
  );
  return row.id;
}

export async function swapForUpdate(tx: Tx, tenantId: string, swapId: string) {
  const [s] = await rows<{ id: string; status: string; turnId: string; withTurnId: string }>(
    tx,
    sql`select id, status, turn_id as "turnId", with_turn_id as "withTurnId" from water_turn_swaps
        where tenant_id = ${tenantId} and id = ${swapId} for update`,
  );
  return s;
}

/** Exchange the two turns' groups in one statement (each group keeps its number of turns). */
export async function exchangeTurnGroups(tx: Tx, tenantId: string, a: { id: string; groupId: string }, b: { id: string; groupId: string }): Promise<void> {
  await tx.execute(
    sql`update water_rota_turns set group_id = case when id = ${a.id}::uuid then ${b.groupId}::uuid else ${a.groupId}::uuid end
        where tenant_id = ${tenantId} and id in (${a.id}::uuid, ${b.id}::uuid)`,
  );
}

export async function decideSwapRow(tx: Tx, tenantId: string, swapId: string, decision: string, decidedBy: string | null): Promise<void> {
  await tx.execute(
    sql`update water_turn_swaps set status = ${decision}, decided_by_party_id = ${decidedBy}, decided_at = now() where tenant_id = ${tenantId} and id = ${swapId}`,
  );
}
