import { sql, type SQL } from 'drizzle-orm';
import type { Swap } from '../../../common/schemas/water';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';

export interface SourceRow {
  id: string;
  kind: string;
  name: string;
  parentId: string | null;
  chainageM: number;
  lengthM: number | null;
  zone: string;
  lgPartyId: string | null;
  lgName: string;
  lat: number | null;
  lon: number | null;
  condition: string;
  note: string | null;
}

/** Sources with the name of the local government whose area they lie in (the tenant's own when null); `where` on alias s. */
export function sourceRows(tx: Tx, tenantId: string, tenantName: string, where: SQL = sql`true`) {
  return rows<SourceRow>(
    tx,
    sql`select s.id, s.kind, s.name, s.parent_id as "parentId", s.chainage_m as "chainageM", s.length_m as "lengthM", s.zone,
               s.local_government_party_id as "lgPartyId", coalesce(p.name, ${tenantName}) as "lgName", s.lat, s.lon, s.condition, s.note
        from water_sources s left join parties p on p.tenant_id = s.tenant_id and p.id = s.local_government_party_id
        where s.tenant_id = ${tenantId} and ${where}
        order by array_position(array['weir','main_canal'], s.kind) nulls last, s.chainage_m, s.name collate "und-x-icu", s.id`,
  );
}

/** The source and every source below it (side canals of side canals …). */
export async function sourceTree(tx: Tx, tenantId: string, rootId: string): Promise<string[]> {
  return (
    await rows<{ id: string }>(
      tx,
      sql`with recursive tree(id) as (
            select id from water_sources where tenant_id = ${tenantId} and id = ${rootId}
            union select s.id from water_sources s join tree on s.parent_id = tree.id where s.tenant_id = ${tenantId})
          select id from tree`,
    )
  ).map((r) => r.id);
}

export interface GroupRow {
  id: string;
  name: string;
  sourceId: string;
  sourceName: string;
  sourceKind: string;
  zone: string;
  networkId: string | null;
  headPartyId: string | null;
  headName: string | null;
  memberCount: number;
  irrigatedRai: string;
}

export function groupRows(tx: Tx, tenantId: string, where: SQL = sql`true`) {
  return rows<GroupRow>(
    tx,
    sql`select g.id, g.name, g.source_id as "sourceId", s.name as "sourceName", s.kind as "sourceKind", g.zone, g.network_id as "networkId",
               h.party_id as "headPartyId", hp.name as "headName",
               (select count(*)::int from water_group_members m where m.tenant_id = g.tenant_id and m.group_id = g.id) as "memberCount",
               (select coalesce(sum(m.irrigated_rai), 0)::text from water_group_members m where m.tenant_id = g.tenant_id and m.group_id = g.id) as "irrigatedRai"
        from water_user_groups g
        join water_sources s on s.tenant_id = g.tenant_id and s.id = g.source_id
        left join water_group_members h on h.tenant_id = g.tenant_id and h.group_id = g.id and h.role = 'head'
        left join parties hp on hp.tenant_id = h.tenant_id and hp.id = h.party_id
        where g.tenant_id = ${tenantId} and ${where}
        order by array_position(array['upstream','midstream','downstream'], g.zone), g.name collate "und-x-icu", g.id`,
  );
}

export function memberRows(tx: Tx, tenantId: string, groupId: string) {
  return rows<{ partyId: string; name: string; role: string; plot: string | null; irrigatedRai: string; phone: string | null }>(
    tx,
    sql`select m.party_id as "partyId", p.name, m.role, m.plot, m.irrigated_rai::text as "irrigatedRai", p.phone
        from water_group_members m join parties p on p.tenant_id = m.tenant_id and p.id = m.party_id
        where m.tenant_id = ${tenantId} and m.group_id = ${groupId}
        order by array_position(array['head','officer','member'], m.role), p.name collate "und-x-icu"`,
  );
}

export interface RotaRow {
  id: string;
  sourceId: string;
  sourceName: string;
  season: string;
  startsOn: string;
  endsOn: string;
  turnHours: number;
  rule: string;
  order: string;
  status: string;
  publishedAt: string | null;
  turnCount: number;
}

export function rotaRows(tx: Tx, tenantId: string, where: SQL = sql`true`) {
  return rows<RotaRow>(
    tx,
    sql`select r.id, r.source_id as "sourceId", s.name as "sourceName", r.season, r.starts_on::text as "startsOn", r.ends_on::text as "endsOn",
               r.turn_hours as "turnHours", r.rule, r.order_rule as "order", r.status,
               case when r.published_at is null then null else to_char(r.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') end as "publishedAt",
               (select count(*)::int from water_rota_turns x where x.tenant_id = r.tenant_id and x.rota_id = r.id) as "turnCount"
        from water_rotas r join water_sources s on s.tenant_id = r.tenant_id and s.id = r.source_id
        where r.tenant_id = ${tenantId} and ${where}
        order by r.starts_on desc, r.created_at desc, r.id`,
  );
}

/** A timestamptz column as Thai time, ISO with its offset (2027-02-01T06:00:00+07:00); Thailand keeps no daylight saving. */
export const THAI = (col: SQL) => sql`to_char((${col} at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD"T"HH24:MI:SS') || '+07:00'`;

/** Turns with their group; `where` on alias x (turn) and g (group). */
export function turnRows(tx: Tx, tenantId: string, where: SQL) {
  return rows<{ id: string; rotaId: string; seq: number; groupId: string; groupName: string; zone: string; startsAt: string; endsAt: string }>(
    tx,
    sql`select x.id, x.rota_id as "rotaId", x.seq, x.group_id as "groupId", g.name as "groupName", g.zone,
               ${THAI(sql`x.starts_at`)} as "startsAt", ${THAI(sql`x.ends_at`)} as "endsAt"
        from water_rota_turns x join water_user_groups g on g.tenant_id = x.tenant_id and g.id = x.group_id
        where x.tenant_id = ${tenantId} and ${where}
        order by x.starts_at, x.seq`,
  );
}

/** Erasure (PDPA): a member keeps their area and zone (the rota's shares); the plot that locates them goes. */
export async function clearMemberPlots(tx: Tx, tenantId: string, partyId: string): Promise<void> {
  await tx.execute(sql`update water_group_members set plot = null where tenant_id = ${tenantId} and party_id = ${partyId} and plot is not null`);
}

export type SwapRow = {
  id: string;
  rotaId: string;
  status: Swap['status'];
  turnId: string;
  withTurnId: string;
  requestedBy: string | null;
  decidedBy: string | null;
};

/** Turn swaps matching `where`, newest first, with the names of who asked and who decided (partners' table, read). */
export function swapRows(tx: Tx, tenantId: string, where: SQL): Promise<SwapRow[]> {
  return rows<SwapRow>(
    tx,
    sql`select s.id, s.rota_id as "rotaId", s.status, s.turn_id as "turnId", s.with_turn_id as "withTurnId", rp.name as "requestedBy", dp.name as "decidedBy"
        from water_turn_swaps s
        left join parties rp on rp.tenant_id = s.tenant_id and rp.id = s.requested_by_party_id
        left join parties dp on dp.tenant_id = s.tenant_id and dp.id = s.decided_by_party_id
        where s.tenant_id = ${tenantId} and ${where} order by s.created_at desc, s.id`,
  );
}
