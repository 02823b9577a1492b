import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { Party, PartyDetail, partyCreate, partyListQuery, partyUpdate } from '../../../common/schemas/partners';
import { audit } from '../../platform/audit';
import { canAct, type TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { clearCoordinator } from '../networks/networks.repository';
import { listRelationshipsOf } from '../relationships/relationships.service';
import { logSensitiveAccess, maskParty } from '../privacy/sensitive';
import { auditableParty, presentParty } from './partners.present';
import * as repo from './partners.repository';
import { citizenIdHasher, toPartyValues, type PartyValues } from './partners.validate';

let secret = '';
/** Set once at start-up from the configuration (keyed hash of citizen IDs). */
export function setCitizenIdSecret(value: string) {
  secret = value;
}
export const hasherFor = (ctx: TenantContext) => citizenIdHasher(secret, ctx.tenant.id);

/**
 * The list masks people's contact fields (PDPA: a directory needs none); the export (`unmaskedFor`, editors) shows
 * them and logs each person shown in the privacy access log, in the same transaction.
 */
export async function listParties(ctx: TenantContext, query: z.output<typeof partyListQuery>, unmaskedFor?: string): Promise<ListResult<Party>> {
  const { page, pageSize, sort, ...filter } = query;
  const items = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { rows, total } = await repo.listParties(tx, ctx.tenant.id, filter, sort, pageSize, (page - 1) * pageSize);
    const parties = rows.map(presentParty);
    if (!unmaskedFor) return { parties: parties.map(maskParty), total };
    await logSensitiveAccess(tx, ctx, parties, unmaskedFor);
    return { parties, total };
  });
  return { items: items.parties, total: items.total, page, pageSize };
}

export async function getPartyDetail(ctx: TenantContext, id: string): Promise<PartyDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const row = await repo.getParty(tx, ctx.tenant.id, id);
    if (!row) throw new AppError('not_found');
    const networks = await repo.partyNetworks(tx, ctx.tenant.id, id);
    const relationships = await listRelationshipsOf(tx, ctx.tenant.id, id);
    // a person's contacts: unmasked for the roles that keep the registry (logged), masked for members
    const party = presentParty(row);
    const unmasked = canAct(ctx.actor, ['admin', 'officer', 'coordinator']);
    if (unmasked) await logSensitiveAccess(tx, ctx, [party], 'GET /partners/:id');
    return { ...(unmasked ? party : maskParty(party)), networks, relationships };
  });
}

async function assertUniqueCitizenId(tx: Tx, ctx: TenantContext, values: PartyValues, selfId?: string) {
  if (!values.citizenIdHash) return;
  const dup = await repo.findByCitizenHash(tx, ctx.tenant.id, values.citizenIdHash);
  if (dup && dup.id !== selfId) throw new AppError('conflict', { citizenId: 'conflict' });
}

export async function createParty(ctx: TenantContext, input: z.output<typeof partyCreate>): Promise<Party> {
  const { values, errors } = toPartyValues(input, null, hasherFor(ctx));
  if (Object.keys(errors).length) throw new AppError('validation_failed', errors);
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await assertUniqueCitizenId(tx, ctx, values);
    const [row] = await repo.insertParties(tx, ctx.tenant.id, [values]);
    await audit(tx, ctx, { entity: 'party', entityId: row.id, entityLabel: row.name, action: 'create', after: auditableParty(row) });
    return presentParty(row);
  });
}

export async function updateParty(ctx: TenantContext, id: string, input: z.output<typeof partyUpdate>): Promise<Party> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const existing = await repo.getParty(tx, ctx.tenant.id, id);
    if (!existing) throw new AppError('not_found');
    const { values, errors } = toPartyValues(input, existing, hasherFor(ctx));
    if (Object.keys(errors).length) throw new AppError('validation_failed', errors);
    await assertUniqueCitizenId(tx, ctx, values, id);
    const row = await repo.updateParty(tx, ctx.tenant.id, id, values);
    await audit(tx, ctx, {
      entity: 'party',
      entityId: id,
      entityLabel: row.name,
      action: 'update',
      before: auditableParty(existing),
      after: auditableParty(row),
    });
    return presentParty(row);
  });
}

export async function deleteParty(ctx: TenantContext, id: string): Promise<void> {
  if (!canAct(ctx.actor, ['admin', 'officer'])) throw new AppError('forbidden');
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const existing = await repo.getParty(tx, ctx.tenant.id, id);
    if (!existing) throw new AppError('not_found');
    await clearCoordinator(tx, ctx.tenant.id, id);
    await repo.deleteParty(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity: 'party', entityId: id, entityLabel: existing.name, action: 'delete', before: auditableParty(existing) });
  });
}
