import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { Relationship, relationshipCreate, relationshipListQuery, relationshipUpdate } from '../../../common/schemas/partners';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, assertDateOrder, refuseFields } from '../../platform/errors';
import { presentPartySummary } from '../partners/partners.present';
import { existingPartyIds } from '../partners/partners.repository';
import * as repo from './relationships.repository';

function present(r: repo.RelationshipRow): Relationship {
  return {
    id: r.rel.id,
    type: r.rel.type as Relationship['type'],
    from: presentPartySummary(r.from),
    to: presentPartySummary(r.to),
    note: r.rel.note,
    startDate: r.rel.startDate,
    endDate: r.rel.endDate,
  };
}

export async function listRelationshipsOf(tx: Tx, tenantId: string, partyId: string): Promise<Relationship[]> {
  return (await repo.relationshipsOfParty(tx, tenantId, partyId)).map(present);
}

export async function listRelationships(ctx: TenantContext, q: z.output<typeof relationshipListQuery>): Promise<ListResult<Relationship>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { rows, total } = await repo.listRelationships(tx, ctx.tenant.id, q, q.pageSize, (q.page - 1) * q.pageSize);
    return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
  });
}

export async function createRelationship(ctx: TenantContext, input: z.output<typeof relationshipCreate>): Promise<Relationship> {
  if (input.fromPartyId === input.toPartyId) throw new AppError('validation_failed', { toPartyId: 'same_party' });
  assertDateOrder(input.startDate, input.endDate);
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const known = await existingPartyIds(tx, ctx.tenant.id, [input.fromPartyId, input.toPartyId]);
    const fields: Record<string, string> = {};
    if (!known.has(input.fromPartyId)) fields.fromPartyId = 'unknown_party';
    if (!known.has(input.toPartyId)) fields.toPartyId = 'unknown_party';
    refuseFields(fields);
    const rel = await repo.insertRelationship(tx, {
      tenantId: ctx.tenant.id,
      fromPartyId: input.fromPartyId,
      toPartyId: input.toPartyId,
      type: input.type,
      note: input.note ?? null,
      startDate: input.startDate ?? null,
      endDate: input.endDate ?? null,
    });
    const row = (await repo.getRelationship(tx, ctx.tenant.id, rel.id))!;
    await audit(tx, ctx, {
      entity: 'relationship',
      entityId: rel.id,
      entityLabel: `${row.from.name} → ${row.to.name}`,
      action: 'create',
      after: { type: rel.type, fromPartyId: rel.fromPartyId, toPartyId: rel.toPartyId, startDate: rel.startDate, endDate: rel.endDate, note: rel.note },
    });
    return present(row);
  });
}

export async function updateRelationship(ctx: TenantContext, id: string, input: z.output<typeof relationshipUpdate>): Promise<Relationship> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const existing = await repo.getRelationship(tx, ctx.tenant.id, id);
    if (!existing) throw new AppError('not_found');
    const next = {
      type: input.type ?? existing.rel.type,
      note: 'note' in input ? (input.note ?? null) : existing.rel.note,
      startDate: 'startDate' in input ? (input.startDate ?? null) : existing.rel.startDate,
      endDate: 'endDate' in input ? (input.endDate ?? null) : existing.rel.endDate,
    };
    assertDateOrder(next.startDate, next.endDate);
    await repo.updateRelationship(tx, ctx.tenant.id, id, next);
    const { type, note, startDate, endDate } = existing.rel;
    await audit(tx, ctx, {
      entity: 'relationship',
      entityId: id,
      entityLabel: `${existing.from.name} → ${existing.to.name}`,
      action: 'update',
      before: { type, note, startDate, endDate },
      after: next,
    });
    return present((await repo.getRelationship(tx, ctx.tenant.id, id))!);
  });
}

export async function deleteRelationship(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const existing = await repo.getRelationship(tx, ctx.tenant.id, id);
    if (!existing) throw new AppError('not_found');
    await repo.deleteRelationship(tx, ctx.tenant.id, id);
    const { type, fromPartyId, toPartyId, startDate, endDate, note } = existing.rel;
    await audit(tx, ctx, {
      entity: 'relationship',
      entityId: id,
      entityLabel: `${existing.from.name} → ${existing.to.name}`,
      action: 'delete',
      before: { type, fromPartyId, toPartyId, startDate, endDate, note },
    });
  });
}
