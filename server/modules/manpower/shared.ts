import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PartySummary } from '../../../common/schemas/partners';
import { parties, tenantUsers } from '../../db/schema';
import type { TenantContext } from '../../platform/context';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';

export interface ActivityRef {
  id: string;
  name: string;
  planId: string;
  planName: string;
  fiscalYear: number;
}

/** Activities with their plan's name and year, in the given order of ids (unknown ids left out). */
export async function activityRefs(tx: Tx, tenantId: string, ids: string[]): Promise<Map<string, ActivityRef>> {
  if (!ids.length) return new Map();
  const found = await rows<ActivityRef>(
    tx,
    sql`select a.id, a.name, p.id as "planId", p.name as "planName", p.fiscal_year as "fiscalYear"
        from plan_activities a join plans p on p.tenant_id = a.tenant_id and p.id = a.plan_id
        where a.tenant_id = ${tenantId} and a.id in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
  return new Map(found.map((a) => [a.id, a]));
}

export const partySummaryCols = {
  id: parties.id,
  kind: parties.kind,
  name: parties.name,
  sector: parties.sector,
  pillar: parties.pillar,
  orgType: parties.orgType,
  position: parties.position,
};
export type PartySummaryRow = { id: string; kind: string; name: string; sector: string; pillar: string; orgType: string | null; position: string | null };
export const asSummary = (p: PartySummaryRow): PartySummary => p as PartySummary;

/** The registry person linked to the caller's account in this tenant (member self-service), or null. */
export async function actorPartyId(tx: Tx, ctx: TenantContext): Promise<string | null> {
  if (ctx.actor.role === 'system' || ctx.actor.role === 'platform_admin') return null;
  const [row] = await tx
    .select({ partyId: tenantUsers.partyId })
    .from(tenantUsers)
    .where(and(eq(tenantUsers.tenantId, ctx.tenant.id), eq(tenantUsers.userId, ctx.actor.user.id)))
    .limit(1);
  return row?.partyId ?? null;
}

export const isOfficer = (ctx: TenantContext) => ['admin', 'officer', 'platform_admin', 'system'].includes(ctx.actor.role);
export const isEditor = (ctx: TenantContext) => isOfficer(ctx) || ctx.actor.role === 'coordinator';

/**
 * Networks whose hours the caller may confirm: every network for admins and officers; for a
 * coordinator, the networks where their linked person is a current coordinator (member role, or the
 * network's named coordinator); none for anyone else.
 */
export async function reviewableNetworks(tx: Tx, ctx: TenantContext): Promise<'all' | string[]> {
  if (isOfficer(ctx)) return 'all';
  if (ctx.actor.role !== 'coordinator') return [];
  const partyId = await actorPartyId(tx, ctx);
  if (!partyId) return [];
  const found = await rows<{ id: string }>(
    tx,
    sql`select network_id as id from network_members
        where tenant_id = ${ctx.tenant.id} and party_id = ${partyId} and role = 'coordinator'
          and (end_date is null or end_date >= current_date)
        union
        select id from networks where tenant_id = ${ctx.tenant.id} and coordinator_party_id = ${partyId}`,
  );
  return found.map((r) => r.id);
}

/** SQL: the activity (column expression) belongs to a plan of one of these networks. */
export function activityInNetworks(activityId: SQL, networks: 'all' | string[]): SQL {
  if (networks === 'all') return sql`true`;
  if (!networks.length) return sql`false`;
  return sql`exists (select 1 from plan_activities ra join plan_networks rn on rn.tenant_id = ra.tenant_id and rn.plan_id = ra.plan_id
                     where ra.tenant_id = vh.tenant_id and ra.id = ${activityId}
                       and rn.network_id in (${sql.join(
                         networks.map((id) => sql`${id}::uuid`),
                         sql`, `,
                       )}))`;
}

export async function assertPeople(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Set();
  const found = await tx
    .select({ id: parties.id, kind: parties.kind })
    .from(parties)
    .where(
      and(
        eq(parties.tenantId, tenantId),
        sql`${parties.id} in (${sql.join(
          unique.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      ),
    );
  return new Set(found.filter((p) => p.kind === 'person').map((p) => p.id));
}
