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
import { fiscalYearOf } from '../../../common/thai/dates';
import { audit } from '../../platform/audit';
import { type TenantContext, actorUserId } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { isoTime } from '../../platform/sql';
import { presentPartySummary } from '../partners/partners.present';
import { deleteWithAttachments, presentAttachment } from './attachments';
import * as forums from './forums.repository';
import * as repo from './knowledge.repository';

type ForumRow = forums.ForumRow;

function present(r: Omit<forums.Joined, 'total'>): Forum {
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
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { rows, total } = await forums.listForums(tx, ctx.tenant.id, q, q.pageSize, (q.page - 1) * q.pageSize);
    return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
  });
}

async function detailTx(tx: Tx, ctx: TenantContext, id: string): Promise<ForumDetail> {
  const row = await forums.getForumJoined(tx, ctx.tenant.id, id);
  if (!row) throw new AppError('not_found');
  const { people, items } = await forums.participantsAndItems(tx, ctx.tenant.id, id, ctx);
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
  const known = await forums.visibleItemIds(tx, ctx.tenant.id, f.itemIds ?? [], ctx);
  if (f.hostNetworkId && !nets.has(f.hostNetworkId)) fields.hostNetworkId = 'unknown_network';
  const seen = new Set<string>();
  (f.participants ?? []).forEach((p, i) => {
    const key = p.networkId ? `n:${p.networkId}` : `p:${p.partyId}`;
    if (p.networkId && !nets.has(p.networkId)) fields[`participants.${i}.networkId`] ??= 'unknown_network';
    if (p.partyId && !people.has(p.partyId)) fields[`participants.${i}.partyId`] ??= 'unknown_party';
    if (seen.has(key)) fields[`participants.${i}`] ??= 'duplicate_participant';
    seen.add(key);
  });
  const bad = (f.itemIds ?? []).findIndex((id) => !known.has(id));
  if (bad >= 0) fields[`itemIds.${bad}`] = 'unknown_item';
  if (f.heldOn && f.endOn && f.endOn < f.heldOn) fields.endOn = 'end_before_start';
  refuseFields(fields);
}

async function setParticipants(tx: Tx, ctx: TenantContext, forumId: string, list: Participants) {
  await forums.setParticipants(
    tx,
    ctx.tenant.id,
    forumId,
    list.map((p, position) => ({
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
  await forums.setItems(tx, ctx.tenant.id, forumId, itemIds, ctx);
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
  const row = await forums.insertForum(tx, {
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
  });
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
    const before = await forums.getForum(tx, ctx.tenant.id, id);
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
    const after = await forums.updateForum(tx, ctx.tenant.id, id, set);
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

/** A forum goes with its photos; files no other attachment uses leave the store after the commit. */
export function deleteForum(ctx: TenantContext, dataDir: string, id: string): Promise<void> {
  return deleteWithAttachments(ctx, dataDir, { forumId: id }, async (tx, attachments) => {
    const before = await forums.getForum(tx, ctx.tenant.id, id);
    if (!before) throw new AppError('not_found');
    await forums.deleteForum(tx, ctx.tenant.id, id);
    await audit(tx, ctx, {
      entity: 'knowledge_forum',
      entityId: id,
      entityLabel: before.title,
      action: 'delete',
      before: auditable(before, { attachments }),
    });
  });
}
