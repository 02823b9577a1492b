import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { Relationship, relationshipCreate, relationshipListQuery, relationshipUpdate } from '../../../common/schemas/partners';
import { parties, partyRelationships } from '../../db/schema';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, assertDateOrder } from '../../platform/errors';
import { presentPartySummary } from '../partners/partners.present';
import { existingPartyIds } from '../partners/partners.repository';
import { likePattern } from '../../platform/sql';

const fromParty = alias(parties, 'from_party');
const toParty = alias(parties, 'to_party');
const summaryOf = (p: typeof fromParty | typeof toParty) => ({
  id: p.id,
  kind: p.kind,
  name: p.name,
  sector: p.sector,
  pillar: p.pillar,
  orgType: p.orgType,
  position: p.position,
});

function baseQuery(tx: Tx) {
  return tx
    .select({ rel: partyRelationships, from: summaryOf(fromParty), to: summaryOf(toParty) })
    .from(partyRelationships)
    .innerJoin(fromParty, and(eq(fromParty.tenantId, partyRelationships.tenantId), eq(fromParty.id, partyRelationships.fromPartyId)))
    .innerJoin(toParty, and(eq(toParty.tenantId, partyRelationships.tenantId), eq(toParty.id, partyRelationships.toPartyId)));
}

type JoinedRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];
function present(r: JoinedRow): Relationship {
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
  const rows = await baseQuery(tx)
    .where(and(eq(partyRelationships.tenantId, tenantId), or(eq(partyRelationships.fromPartyId, partyId), eq(partyRelationships.toPartyId, partyId))))
    .orderBy(asc(partyRelationships.startDate))
    .limit(500);
  return rows.map(present);
}

export async function listRelationships(ctx: TenantContext, q: z.output<typeof relationshipListQuery>): Promise<ListResult<Relationship>> {
  const conds: (SQL | undefined)[] = [eq(partyRelationships.tenantId, ctx.tenant.id)];
  if (q.partyId) conds.push(or(eq(partyRelationships.fromPartyId, q.partyId), eq(partyRelationships.toPartyId, q.partyId)));
  if (q.type) conds.push(eq(partyRelationships.type, q.type));
  if (q.q) conds.push(sql`(${fromParty.name} ilike ${likePattern(q.q)} or ${toParty.name} ilike ${likePattern(q.q)})`);
  const w = and(...conds);
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    // one after the other: a transaction is one connection, and pg refuses overlapping queries
    const rows = await baseQuery(tx)
      .where(w)
      .orderBy(asc(sql`${fromParty.name} collate "und-x-icu"`), asc(partyRelationships.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [{ total }] = await tx
      .select({ total: sql<number>`count(*)::int` })
      .from(partyRelationships)
      .innerJoin(fromParty, and(eq(fromParty.tenantId, partyRelationships.tenantId), eq(fromParty.id, partyRelationships.fromPartyId)))
      .innerJoin(toParty, and(eq(toParty.tenantId, partyRelationships.tenantId), eq(toParty.id, partyRelationships.toPartyId)))
      .where(w);
    return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
  });
}

async function getOne(tx: Tx, tenantId: string, id: string) {
  const [row] = await baseQuery(tx)
    .where(and(eq(partyRelationships.tenantId, tenantId), eq(partyRelationships.id, id)))
    .limit(1);
  return row ?? null;
}

export async function createRelationship(ctx: TenantContext, input: z.output<typeof relationshipCreate>): Promise<Relationship> {
  if (input.fromPartyId === input.toPartyId) throw new AppError('validation_failed', { toPartyId: 'same_party' });
  assertDateOrder(input.startDate, input.endDate);
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const known = await existingPartyIds(tx, ctx.tenant.id, [input.fromPartyId, input.toPartyId]);
    const fields: Record<string, string> = {};
    if (!known.has(input.fromPartyId)) fields.fromPartyId = 'unknown_party';
    if (!known.has(input.toPartyId)) fields.toPartyId = 'unknown_party';
    if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
    const [rel] = await tx
      .insert(partyRelationships)
      .values({
        tenantId: ctx.tenant.id,
        fromPartyId: input.fromPartyId,
        toPartyId: input.toPartyId,
        type: input.type,
        note: input.note ?? null,
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
      })
      .returning();
    const row = (await getOne(tx, ctx.tenant.id, rel.id))!;
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
    const existing = await getOne(tx, ctx.tenant.id, id);
    if (!existing) throw new AppError('not_found');
    const next = {
      type: input.type ?? existing.rel.type,
      note: 'note' in input ? (input.note ?? null) : existing.rel.note,
      startDate: 'startDate' in input ? (input.startDate ?? null) : existing.rel.startDate,
      endDate: 'endDate' in input ? (input.endDate ?? null) : existing.rel.endDate,
    };
    assertDateOrder(next.startDate, next.endDate);
    await tx
      .update(partyRelationships)
      .set(next)
      .where(and(eq(partyRelationships.tenantId, ctx.tenant.id), eq(partyRelationships.id, id)));
    const { type, note, startDate, endDate } = existing.rel;
    await audit(tx, ctx, {
      entity: 'relationship',
      entityId: id,
      entityLabel: `${existing.from.name} → ${existing.to.name}`,
      action: 'update',
      before: { type, note, startDate, endDate },
      after: next,
    });
    return present((await getOne(tx, ctx.tenant.id, id))!);
  });
}

export async function deleteRelationship(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const existing = await getOne(tx, ctx.tenant.id, id);
    if (!existing) throw new AppError('not_found');
    await tx.delete(partyRelationships).where(and(eq(partyRelationships.tenantId, ctx.tenant.id), eq(partyRelationships.id, id)));
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
