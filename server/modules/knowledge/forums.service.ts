import { inOrder } from '../../platform/in-order';
import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type {
  Forum,
  ForumDetail,
  forumCreate,
  forumListQuery,
  ForumParticipantRole,
  forumUpdate,
  KnowledgeType,
  KnowledgeVisibility,
} from '../../../common/schemas/knowledge';
import type { PartySummary } from '../../../common/schemas/partners';
import { fiscalYearOf, fiscalYearRange, toGregorianYear } from '../../../common/thai/dates';
import { knowledgeAttachments, knowledgeForumItems, knowledgeForumParticipants, knowledgeForums, knowledgeItems, networks, parties } from '../../db/schema';
import { audit } from '../../platform/audit';
import { type TenantContext, actorUserId } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { likePattern, thaiOrder, totalOver, isoTime } from '../../platform/sql';
import { presentPartySummary } from '../partners/partners.present';
import { presentAttachment } from './attachments';
import * as repo from './knowledge.repository';
import { pageTotal } from '../../platform/page-total';

type ForumRow = typeof knowledgeForums.$inferSelect;

const headCount = sql<number>`(${knowledgeForums.otherHeadCount} + coalesce((select sum(p.head_count)::int from knowledge_forum_participants p where p.tenant_id = ${knowledgeForums.tenantId} and p.forum_id = ${knowledgeForums.id}), 0))::int`;
const participantCount = sql<number>`(select count(*)::int from knowledge_forum_participants p where p.tenant_id = ${knowledgeForums.tenantId} and p.forum_id = ${knowledgeForums.id})`;
const itemCount = sql<number>`(select count(*)::int from knowledge_forum_items fi where fi.tenant_id = ${knowledgeForums.tenantId} and fi.forum_id = ${knowledgeForums.id})`;
const photoCount = sql<number>`(select count(*)::int from knowledge_attachments a where a.tenant_id = ${knowledgeForums.tenantId} and a.forum_id = ${knowledgeForums.id})`;

function selectForums(tx: Tx) {
  return tx
    .select({ forum: knowledgeForums, hostName: networks.name, headCount, participantCount, itemCount, photoCount, total: totalOver })
    .from(knowledgeForums)
    .leftJoin(networks, and(eq(networks.tenantId, knowledgeForums.tenantId), eq(networks.id, knowledgeForums.hostNetworkId)));
}
type Joined = Awaited<ReturnType<ReturnType<typeof selectForums>['execute']>>[number];

function present(r: Omit<Joined, 'total'>): Forum {
  const f = r.forum;
  return {
    id: f.id,
    title: f.title,
    description: f.description,
    heldOn: f.heldOn,
    endOn: f.endOn,
    fiscalYear: fiscalYearOf(f.heldOn),
    place: f.place,
    hostNetwork: f.hostNetworkId && r.hostName ? { id: f.hostNetworkId, name: r.hostName } : null,
    topics: f.topics,
    otherHeadCount: f.otherHeadCount,
    totalHeadCount: r.headCount,
    participantCount: r.participantCount,
    itemCount: r.itemCount,
    photoCount: r.photoCount,
    createdAt: isoTime(f.createdAt),
    updatedAt: isoTime(f.updatedAt),
  };
}

export async function listForums(ctx: TenantContext, q: z.output<typeof forumListQuery>): Promise<ListResult<Forum>> {
  const conds: (SQL | undefined)[] = [eq(knowledgeForums.tenantId, ctx.tenant.id)];
  if (q.q) {
    const p = likePattern(q.q);
    conds.push(
      or(
        ilike(knowledgeForums.title, p),
        ilike(knowledgeForums.place, p),
        ilike(knowledgeForums.description, p),
        sql`array_to_string(${knowledgeForums.topics}, ' ') ilike ${p}`,
      ),
    );
  }
  if (q.networkId)
    conds.push(
      or(
        eq(knowledgeForums.hostNetworkId, q.networkId),
        sql`exists (select 1 from knowledge_forum_participants p where p.tenant_id = ${knowledgeForums.tenantId} and p.forum_id = ${knowledgeForums.id} and p.network_id = ${q.networkId})`,
      ),
    );
  if (q.year) {
    const y = toGregorianYear(q.year);
    conds.push(sql`${knowledgeForums.heldOn} between ${`${y}-01-01`} and ${`${y}-12-31`}`);
  }
  if (q.fiscalYear) {
    const { start, end } = fiscalYearRange(q.fiscalYear);
    conds.push(sql`${knowledgeForums.heldOn} between ${start} and ${end}`);
  }
  const where = and(...conds);
  const order =
    q.sort === 'title'
      ? [asc(thaiOrder(knowledgeForums.title as never)), asc(knowledgeForums.id)]
      : q.sort === 'heldOn'
        ? [asc(knowledgeForums.heldOn), asc(knowledgeForums.id)]
        : [desc(knowledgeForums.heldOn), asc(knowledgeForums.id)];
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const rows = await selectForums(tx)
      .where(where)
      .orderBy(...order)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const total = await pageTotal(tx, rows, (q.page - 1) * q.pageSize, knowledgeForums, where);
    return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
  });
}

async function detailTx(tx: Tx, ctx: TenantContext, id: string): Promise<ForumDetail> {
  const [row] = await selectForums(tx)
    .where(and(eq(knowledgeForums.tenantId, ctx.tenant.id), eq(knowledgeForums.id, id)))
    .limit(1);
  if (!row) throw new AppError('not_found');
  const [people, items] = await inOrder([
    tx
      .select({
        p: knowledgeForumParticipants,
        networkName: networks.name,
        party: {
          id: parties.id,
          kind: parties.kind,
          name: parties.name,
          sector: parties.sector,
          pillar: parties.pillar,
          orgType: parties.orgType,
          position: parties.position,
        },
      })
      .from(knowledgeForumParticipants)
      .leftJoin(networks, and(eq(networks.tenantId, knowledgeForumParticipants.tenantId), eq(networks.id, knowledgeForumParticipants.networkId)))
      .leftJoin(parties, and(eq(parties.tenantId, knowledgeForumParticipants.tenantId), eq(parties.id, knowledgeForumParticipants.partyId)))
      .where(and(eq(knowledgeForumParticipants.tenantId, ctx.tenant.id), eq(knowledgeForumParticipants.forumId, id)))
      .orderBy(asc(knowledgeForumParticipants.position)),
    tx
      .select({
        id: knowledgeItems.id,
        type: knowledgeItems.type,
        title: knowledgeItems.title,
        summary: knowledgeItems.summary,
        publishedOn: knowledgeItems.publishedOn,
        visibility: knowledgeItems.visibility,
      })
      .from(knowledgeForumItems)
      .innerJoin(knowledgeItems, and(eq(knowledgeItems.tenantId, knowledgeForumItems.tenantId), eq(knowledgeItems.id, knowledgeForumItems.itemId)))
      .where(and(eq(knowledgeForumItems.tenantId, ctx.tenant.id), eq(knowledgeForumItems.forumId, id), repo.visibleTo(ctx)))
      .orderBy(desc(knowledgeItems.publishedOn)),
  ]);
  const files = await repo.itemAttachments(tx, ctx.tenant.id, { forumId: id });
  return {
    ...present(row),
    participants: people.map((x) => ({
      id: x.p.id,
      network: x.p.networkId && x.networkName ? { id: x.p.networkId, name: x.networkName } : null,
      party: x.p.partyId && x.party?.id ? presentPartySummary(x.party as PartySummary) : null,
      role: x.p.role as ForumParticipantRole,
      headCount: x.p.headCount,
      note: x.p.note,
    })),
    items: items.map((i) => ({ ...i, type: i.type as KnowledgeType, visibility: i.visibility as KnowledgeVisibility })),
    attachments: files.map((f) => presentAttachment(ctx, f)),
  };
}

export async function getForum(ctx: TenantContext, id: string): Promise<ForumDetail> {
  return withTenant(ctx.db, ctx.tenant.id, (tx) => detailTx(tx, ctx, id));
}

type Participants = z.output<typeof forumCreate>['participants'];

/** Networks, partners and produced items must exist in the tenant (items: and be visible to the caller). */
async function checkLinks(
  tx: Tx,
  ctx: TenantContext,
  f: { hostNetworkId?: string | null; participants?: Participants; itemIds?: string[]; heldOn?: string; endOn?: string | null },
) {
  const fields: Record<string, string> = {};
  const netIds = [...new Set([f.hostNetworkId, ...(f.participants ?? []).map((p) => p.networkId)].filter((x): x is string => Boolean(x)))];
  const partyIds = [...new Set((f.participants ?? []).map((p) => p.partyId).filter((x): x is string => Boolean(x)))];
  const nets = await repo.networkNames(tx, ctx.tenant.id, netIds);
  const people = await repo.partyNames(tx, ctx.tenant.id, partyIds);
  const items = f.itemIds?.length
    ? await tx
        .select({ id: knowledgeItems.id })
        .from(knowledgeItems)
        .where(and(eq(knowledgeItems.tenantId, ctx.tenant.id), inArray(knowledgeItems.id, f.itemIds), repo.visibleTo(ctx)))
    : [];
  if (f.hostNetworkId && !nets.has(f.hostNetworkId)) fields.hostNetworkId = 'unknown_network';
  const seen = new Set<string>();
  (f.participants ?? []).forEach((p, i) => {
    const key = p.networkId ? `n:${p.networkId}` : `p:${p.partyId}`;
    if (p.networkId && !nets.has(p.networkId)) fields[`participants.${i}.networkId`] ??= 'unknown_network';
    if (p.partyId && !people.has(p.partyId)) fields[`participants.${i}.partyId`] ??= 'unknown_party';
    if (seen.has(key)) fields[`participants.${i}`] ??= 'duplicate_participant';
    seen.add(key);
  });
  const known = new Set(items.map((i) => i.id));
  const bad = (f.itemIds ?? []).findIndex((id) => !known.has(id));
  if (bad >= 0) fields[`itemIds.${bad}`] = 'unknown_item';
  if (f.heldOn && f.endOn && f.endOn < f.heldOn) fields.endOn = 'end_before_start';
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
}

async function setParticipants(tx: Tx, ctx: TenantContext, forumId: string, list: Participants) {
  await tx
    .delete(knowledgeForumParticipants)
    .where(and(eq(knowledgeForumParticipants.tenantId, ctx.tenant.id), eq(knowledgeForumParticipants.forumId, forumId)));
  if (list.length)
    await tx.insert(knowledgeForumParticipants).values(
      list.map((p, position) => ({
        tenantId: ctx.tenant.id,
        forumId,
        networkId: p.networkId ?? null,
        partyId: p.partyId ?? null,
        role: p.role,
        headCount: p.headCount,
        note: p.note ?? null,
        position,
      })),
    );
}

async function setItems(tx: Tx, ctx: TenantContext, forumId: string, itemIds: string[]) {
  // items the caller cannot see stay linked: an edit by a coordinator must not drop another network's items
  const hidden = repo.visibleTo(ctx);
  await tx
    .delete(knowledgeForumItems)
    .where(
      and(
        eq(knowledgeForumItems.tenantId, ctx.tenant.id),
        eq(knowledgeForumItems.forumId, forumId),
        hidden
          ? sql`exists (select 1 from ${knowledgeItems} where ${knowledgeItems.tenantId} = ${knowledgeForumItems.tenantId} and ${knowledgeItems.id} = ${knowledgeForumItems.itemId} and ${hidden})`
          : undefined,
      ),
    );
  if (itemIds.length)
    await tx
      .insert(knowledgeForumItems)
      .values(itemIds.map((itemId) => ({ tenantId: ctx.tenant.id, forumId, itemId })))
      .onConflictDoNothing();
}

const auditable = (f: ForumRow, extra: Record<string, unknown> = {}) => {
  const { tenantId: _t, createdAt: _c, updatedAt: _u, createdByUserId: _b, ...rest } = f;
  return { ...rest, ...extra };
};

export async function createForum(ctx: TenantContext, input: z.output<typeof forumCreate>, opts: { createdAt?: Date } = {}): Promise<ForumDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const id = await createForumTx(tx, ctx, input, opts);
    return detailTx(tx, ctx, id);
  });
}

export async function createForumTx(
  tx: Tx,
  ctx: TenantContext,
  input: z.output<typeof forumCreate>,
  opts: { createdAt?: Date; quiet?: boolean } = {},
): Promise<string> {
  const itemIds = [...new Set(input.itemIds)];
  await checkLinks(tx, ctx, { ...input, itemIds });
  const at = opts.createdAt ?? new Date();
  const [row] = await tx
    .insert(knowledgeForums)
    .values({
      tenantId: ctx.tenant.id,
      title: input.title,
      description: input.description ?? null,
      heldOn: input.heldOn,
      endOn: input.endOn ?? null,
      place: input.place ?? null,
      hostNetworkId: input.hostNetworkId ?? null,
      topics: [...new Set(input.topics)],
      otherHeadCount: input.otherHeadCount,
      createdByUserId: actorUserId(ctx),
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  await setParticipants(tx, ctx, row.id, input.participants);
  await setItems(tx, ctx, row.id, itemIds);
  if (!opts.quiet)
    await audit(tx, ctx, {
      entity: 'knowledge_forum',
      entityId: row.id,
      entityLabel: row.title,
      action: 'create',
      after: auditable(row, { participants: input.participants, itemIds }),
    });
  return row.id;
}

export async function updateForum(ctx: TenantContext, id: string, input: z.output<typeof forumUpdate>): Promise<ForumDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const [before] = await tx
      .select()
      .from(knowledgeForums)
      .where(and(eq(knowledgeForums.tenantId, ctx.tenant.id), eq(knowledgeForums.id, id)))
      .limit(1);
    if (!before) throw new AppError('not_found');
    const itemIds = input.itemIds ? [...new Set(input.itemIds)] : undefined;
    await checkLinks(tx, ctx, {
      hostNetworkId: input.hostNetworkId,
      participants: input.participants,
      itemIds,
      heldOn: input.heldOn ?? before.heldOn,
      endOn: 'endOn' in input ? input.endOn : before.endOn,
    });
    const { participants, itemIds: _i, ...fields } = input;
    const set: Partial<ForumRow> = {};
    for (const [k, v] of Object.entries(fields)) if (v !== undefined) (set as Record<string, unknown>)[k] = Array.isArray(v) ? [...new Set(v)] : v;
    const [after] = await tx
      .update(knowledgeForums)
      .set({ ...set, updatedAt: new Date() })
      .where(and(eq(knowledgeForums.tenantId, ctx.tenant.id), eq(knowledgeForums.id, id)))
      .returning();
    if (participants) await setParticipants(tx, ctx, id, participants);
    if (itemIds) await setItems(tx, ctx, id, itemIds);
    await audit(tx, ctx, {
      entity: 'knowledge_forum',
      entityId: id,
      entityLabel: after.title,
      action: 'update',
      before: auditable(before),
      after: auditable(after, { ...(participants ? { participants } : {}), ...(itemIds ? { itemIds } : {}) }),
    });
    return detailTx(tx, ctx, id);
  });
}

export async function deleteForum(ctx: TenantContext, id: string): Promise<{ sha256: string[] }> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const [before] = await tx
      .select()
      .from(knowledgeForums)
      .where(and(eq(knowledgeForums.tenantId, ctx.tenant.id), eq(knowledgeForums.id, id)))
      .limit(1);
    if (!before) throw new AppError('not_found');
    const files = await tx
      .select({ sha256: knowledgeAttachments.sha256 })
      .from(knowledgeAttachments)
      .where(and(eq(knowledgeAttachments.tenantId, ctx.tenant.id), eq(knowledgeAttachments.forumId, id)));
    await tx.delete(knowledgeForums).where(and(eq(knowledgeForums.tenantId, ctx.tenant.id), eq(knowledgeForums.id, id)));
    await audit(tx, ctx, {
      entity: 'knowledge_forum',
      entityId: id,
      entityLabel: before.title,
      action: 'delete',
      before: auditable(before, { attachments: files.length }),
    });
    return { sha256: [...new Set(files.map((f) => f.sha256))] };
  });
}
