import type { PartySummary } from '../../../common/schemas/partners';
import type { TenantContext } from '../../platform/context';
import type { Tx } from '../../platform/db';
import { coordinatedNetworkIds, linkedPartyId, personIds, type PartySummaryRow } from './manpower.repository';

export type { ActivityRef, PartySummaryRow } from './manpower.repository';

export const asSummary = (p: PartySummaryRow): PartySummary => p as PartySummary;

/** The registry person linked to the caller's account in this tenant (member self-service), or null. */
export async function actorPartyId(tx: Tx, ctx: TenantContext): Promise<string | null> {
  if (ctx.actor.role === 'system' || ctx.actor.role === 'platform_admin') return null;
  return linkedPartyId(tx, ctx.tenant.id, ctx.actor.user.id);
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
  return coordinatedNetworkIds(tx, ctx.tenant.id, partyId);
}

/** Of these ids, the ones that are persons of this tenant's registry. */
export function assertPeople(tx: Tx, tenantId: string, ids: string[]): Promise<Set<string>> {
  return personIds(tx, tenantId, [...new Set(ids)]);
}
