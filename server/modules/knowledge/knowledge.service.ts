import type { z } from 'zod';
import type { ListQuery, ListResult } from '../../../common/schemas/api';
import type {
  KnowledgeDetail,
  KnowledgeDiff,
  knowledgeCreate,
  KnowledgePartyRole,
  knowledgeUpdate,
  KnowledgeType,
  KnowledgeVersion,
  KnowledgeVersionSummary,
  KnowledgeVisibility,
} from '../../../common/schemas/knowledge';
import type { VersionParty } from '../../db/schema';
import { audit } from '../../platform/audit';
import { type TenantContext, actorUserId } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { isoTime } from '../../platform/sql';
import { diffLines, diffWords } from './diff';
import { deleteWithAttachments, presentAttachment } from './attachments';
import * as repo from './knowledge.repository';
import * as versions from './versions.repository';
import { presentItem } from './present';
import { bodyDerivedOffLoop, renderMarkdownOffLoop } from './text-work';
import { bodyDerived, type BodyDerived } from './text-worker';
import { segmented } from './thai-text';
import { addTitleTerms } from './search-plan';

export { todayInThailand } from '../../platform/today';
import { todayInThailand } from '../../platform/today';

const EDIT_ROLES = ['admin', 'officer', 'coordinator', 'platform_admin', 'system'];
const canEdit = (ctx: TenantContext) => EDIT_ROLES.includes(ctx.actor.role);

async function detailOf(tx: Tx, ctx: TenantContext, row: repo.ItemRow): Promise<KnowledgeDetail> {
  const rel = await repo.relationsOf(tx, ctx.tenant.id, row.id);
  const files = await repo.itemAttachments(tx, ctx.tenant.id, { itemId: row.id });
  const forums = await repo.forumsOfItem(tx, ctx.tenant.id, row.id);
  return {
    ...presentItem({ ...row, ...rel }),
    body: row.body,
    bodyHtml: row.bodyHtml,
    attachments: files.map((f) => presentAttachment(ctx, f)),
    forums,
    canEdit: canEdit(ctx),
  };
}

// ---- one item ----

export async function getItem(ctx: TenantContext, id: string, track = true): Promise<KnowledgeDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const row = await repo.getItem(tx, ctx, id);
    if (!row) throw new AppError('not_found');
    if (track && ctx.actor.role !== 'system') await recordView(tx, ctx, id);
    return detailOf(tx, ctx, row);
  });
}

/** One row per reader per day; reads are counts, not audited writes. */
async function recordView(tx: Tx, ctx: TenantContext, itemId: string) {
  const partyId = await repo.myPartyId(tx, ctx);
  await repo.recordView(tx, { tenantId: ctx.tenant.id, itemId, userId: ctx.actor.user.id, viewedOn: todayInThailand(), viewerPartyId: partyId });
}

export interface State {
  type: string;
  title: string;
  summary: string | null;
  body: string;
  tags: string[];
  visibility: string;
  publishedOn: string;
  networkIds: string[];
  parties: VersionParty[];
}
const STATE_FIELDS: (keyof State)[] = ['title', 'summary', 'body', 'type', 'tags', 'visibility', 'publishedOn', 'networkIds', 'parties'];

export function changedFields(before: State | null, after: State): string[] {
  return STATE_FIELDS.filter((f) => !before || JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/**
 * The columns derived from the content: rendered HTML, plain text and the segmented words for search.
 * The body's part is costly for long bodies, so it is taken, in this order, from `pre` (computed before the
 * transaction, off the event loop: text-work.ts), from the row when the body did not change, or computed here.
 */
export function derived(s: State, pre?: BodyDerived | null, row?: repo.ItemRow) {
  const body =
    pre && pre.body === s.body
      ? pre
      : row && row.body === s.body
        ? { bodyHtml: row.bodyHtml, bodyText: row.bodyText, searchBody: row.searchBody }
        : bodyDerived(s.body);
  return {
    bodyHtml: body.bodyHtml,
    bodyText: body.bodyText,
    searchTitle: segmented(s.title),
    searchTags: segmented(s.tags.join(' ')),
    searchSummary: segmented(s.summary),
    searchBody: body.searchBody,
  };
}

const dedupe = <T>(items: T[], key: (t: T) => string) => {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(key(i)) ? false : (seen.add(key(i)), true)));
};

/** Check links against the tenant's networks and partners; network visibility needs a network. */
async function checkState(tx: Tx, ctx: TenantContext, s: State, restoring = false) {
  const { nets, people } = await repo.linkNames(tx, ctx.tenant.id, s);
  const fields: Record<string, string> = {};
  const badNet = s.networkIds.findIndex((id) => !nets.has(id));
  if (badNet >= 0) fields[`networkIds.${badNet}`] = 'unknown_network';
  const badParty = s.parties.findIndex((p) => !people.has(p.partyId));
  if (badParty >= 0) fields[`parties.${badParty}.partyId`] = 'unknown_party';
  // a restored version whose networks are all gone stays restricted (admins, officers, creator, authors) rather than widen
  if (s.visibility === 'network' && !s.networkIds.length && !restoring) fields.networkIds = 'network_visibility_needs_network';
  refuseFields(fields);
}

const auditView = (row: { id?: string; version: number } & Omit<State, 'body'> & { body?: string }) => {
  const { body, ...rest } = row;
  return { ...rest, bodyChars: body?.length ?? 0 };
};

export interface CreateOptions {
  /** The seeder back-dates demo items. */
  createdAt?: Date;
  /** The seeder writes one audit entry for the whole demo dataset instead of one per item. */
  quiet?: boolean;
  /** The body's derived columns, computed before the transaction. */
  pre?: BodyDerived | null;
}

export async function createItem(ctx: TenantContext, input: z.output<typeof knowledgeCreate>, opts: CreateOptions = {}): Promise<KnowledgeDetail> {
  opts = { ...opts, pre: opts.pre ?? (await bodyDerivedOffLoop(input.body)) };
  return withTenant(ctx.db, ctx.tenant.id, (tx) => createItemTx(tx, ctx, input, opts).then((row) => detailOf(tx, ctx, row)));
}

export async function createItemTx(tx: Tx, ctx: TenantContext, input: z.output<typeof knowledgeCreate>, opts: CreateOptions = {}): Promise<repo.ItemRow> {
  const state: State = {
    type: input.type,
    title: input.title,
    summary: input.summary ?? null,
    body: input.body,
    tags: [...new Set(input.tags)],
    visibility: input.visibility,
    publishedOn: input.publishedOn ?? todayInThailand(),
    networkIds: [...new Set(input.networkIds)],
    parties: dedupe(input.parties, (p) => p.partyId).map((p) => ({ partyId: p.partyId, role: p.role })),
  };
  await checkState(tx, ctx, state);
  const who = { id: actorUserId(ctx), name: ctx.actor.user.name };
  const at = opts.createdAt ?? new Date();
  const row = await repo.insertItem(tx, {
    tenantId: ctx.tenant.id,
    type: state.type,
    title: state.title,
    summary: state.summary,
    body: state.body,
    tags: state.tags,
    visibility: state.visibility,
    publishedOn: state.publishedOn,
    version: 1,
    ...derived(state, opts.pre),
    createdByUserId: who.id,
    createdByName: who.name,
    updatedByUserId: who.id,
    updatedByName: who.name,
    createdAt: at,
    updatedAt: at,
  });
  await repo.setLinks(tx, ctx.tenant.id, row.id, state.networkIds, state.parties);
  await addTitleTerms(tx, ctx.tenant.id, [state]);
  await versions.insertVersion(tx, {
    tenantId: ctx.tenant.id,
    itemId: row.id,
    version: 1,
    ...state,
    changed: changedFields(null, state),
    note: input.note ?? null,
    editedByUserId: who.id,
    editedByName: who.name,
    createdAt: at,
  });
  if (!opts.quiet)
    await audit(tx, ctx, { entity: 'knowledge_item', entityId: row.id, entityLabel: row.title, action: 'create', after: auditView({ ...state, version: 1 }) });
  return row;
}

function stateOf(row: repo.ItemRow, links: { networkIds: string[]; parties: VersionParty[] }): State {
  return {
    type: row.type,
    title: row.title,
    summary: row.summary,
    body: row.body,
    tags: row.tags,
    visibility: row.visibility,
    publishedOn: row.publishedOn,
    networkIds: links.networkIds,
    parties: links.parties,
  };
}

/** Write `next` as the item's new current state and as a new version. Returns null when nothing changed. */
async function applyChange(
  tx: Tx,
  ctx: TenantContext,
  row: repo.ItemRow,
  next: State,
  meta: { note: string | null; restoredFrom: number | null } & CreateOptions,
): Promise<repo.ItemRow | null> {
  const links = await repo.currentLinks(tx, ctx.tenant.id, row.id);
  const before = stateOf(row, links);
  const changed = changedFields(before, next);
  if (!changed.length && meta.restoredFrom === null) return null;
  await checkState(tx, ctx, next, meta.restoredFrom !== null);
  const who = { id: actorUserId(ctx), name: ctx.actor.user.name };
  const version = row.version + 1;
  // the version number moves only from the one we read: a concurrent edit makes this update match nothing
  const after = await repo.updateItemFrom(tx, ctx.tenant.id, row.id, row.version, {
    type: next.type,
    title: next.title,
    summary: next.summary,
    body: next.body,
    tags: next.tags,
    visibility: next.visibility,
    publishedOn: next.publishedOn,
    version,
    ...derived(next, meta.pre, row),
    updatedByUserId: who.id,
    updatedByName: who.name,
    updatedAt: meta.createdAt ?? new Date(),
  });
  if (!after) throw new AppError('conflict', { baseVersion: 'version_conflict' });
  if (changed.includes('networkIds') || changed.includes('parties')) await repo.setLinks(tx, ctx.tenant.id, row.id, next.networkIds, next.parties);
  if (changed.includes('title') || changed.includes('tags')) await addTitleTerms(tx, ctx.tenant.id, [next]);
  await versions.insertVersion(tx, {
    tenantId: ctx.tenant.id,
    itemId: row.id,
    version,
    ...next,
    changed,
    note: meta.note,
    restoredFrom: meta.restoredFrom,
    editedByUserId: who.id,
    editedByName: who.name,
    createdAt: meta.createdAt ?? new Date(),
  });
  if (meta.quiet) return after;
  await audit(tx, ctx, {
    entity: 'knowledge_item',
    entityId: row.id,
    entityLabel: after.title,
    action: 'update',
    before: auditView({ ...before, version: row.version }),
    after: { ...auditView({ ...next, version }), ...(meta.restoredFrom ? { restoredFrom: meta.restoredFrom } : {}), ...(meta.note ? { note: meta.note } : {}) },
  });
  return after;
}

export async function updateItem(ctx: TenantContext, id: string, input: z.output<typeof knowledgeUpdate>): Promise<KnowledgeDetail> {
  const pre = input.body !== undefined ? await bodyDerivedOffLoop(input.body) : null;
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const row = await updateItemTx(tx, ctx, id, input, { pre });
    return detailOf(tx, ctx, row);
  });
}

export async function updateItemTx(
  tx: Tx,
  ctx: TenantContext,
  id: string,
  input: z.output<typeof knowledgeUpdate>,
  opts: CreateOptions = {},
): Promise<repo.ItemRow> {
  const row = await repo.getItem(tx, ctx, id);
  if (!row) throw new AppError('not_found');
  if (input.baseVersion !== undefined && input.baseVersion !== row.version) throw new AppError('conflict', { baseVersion: 'version_conflict' });
  const links = await repo.currentLinks(tx, ctx.tenant.id, id);
  const cur = stateOf(row, links);
  const next: State = {
    type: input.type ?? cur.type,
    title: input.title ?? cur.title,
    summary: input.summary !== undefined ? input.summary : cur.summary,
    body: input.body ?? cur.body,
    tags: input.tags ? [...new Set(input.tags)] : cur.tags,
    visibility: input.visibility ?? cur.visibility,
    publishedOn: input.publishedOn ?? cur.publishedOn,
    networkIds: input.networkIds ? [...new Set(input.networkIds)] : cur.networkIds,
    parties: input.parties ? dedupe(input.parties, (p) => p.partyId).map((p) => ({ partyId: p.partyId, role: p.role })) : cur.parties,
  };
  return (await applyChange(tx, ctx, row, next, { note: input.note ?? null, restoredFrom: null, ...opts })) ?? row;
}

/** An item goes with its versions and attachments; files no other attachment uses leave the store after the commit. */
export function deleteItem(ctx: TenantContext, dataDir: string, id: string): Promise<void> {
  return deleteWithAttachments(ctx, dataDir, { itemId: id }, async (tx, attachments) => {
    const row = await repo.getItem(tx, ctx, id);
    if (!row) throw new AppError('not_found');
    await repo.deleteItem(tx, ctx.tenant.id, id);
    await audit(tx, ctx, {
      entity: 'knowledge_item',
      entityId: id,
      entityLabel: row.title,
      action: 'delete',
      before: { title: row.title, type: row.type, visibility: row.visibility, version: row.version, attachments },
    });
  });
}

// ---- versions ----

const versionRows = (tx: Tx, ctx: TenantContext, itemId: string, numbers?: number[]) => versions.versionRows(tx, ctx.tenant.id, itemId, numbers);
type VersionRow = versions.VersionRow;

async function versionOf(tx: Tx, ctx: TenantContext, itemId: string, version: number): Promise<VersionRow> {
  const [v] = await versionRows(tx, ctx, itemId, [version]);
  if (!v) throw new AppError('not_found');
  return v;
}

const presentVersionSummary = (
  v: Pick<VersionRow, 'version' | 'title' | 'note' | 'restoredFrom' | 'editedByName' | 'createdAt' | 'changed'>,
): KnowledgeVersionSummary => ({
  version: v.version,
  title: v.title,
  note: v.note,
  restoredFrom: v.restoredFrom,
  editedBy: v.editedByName,
  createdAt: isoTime(v.createdAt),
  changed: v.changed,
});

export async function listVersions(ctx: TenantContext, itemId: string, q: ListQuery): Promise<ListResult<KnowledgeVersionSummary>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    if (!(await repo.getItem(tx, ctx, itemId))) throw new AppError('not_found');
    const { rows, total } = await versions.versionsPage(tx, ctx.tenant.id, itemId, q.pageSize, (q.page - 1) * q.pageSize);
    return { items: rows.map(presentVersionSummary), total, page: q.page, pageSize: q.pageSize };
  });
}

export async function getVersion(ctx: TenantContext, itemId: string, version: number): Promise<KnowledgeVersion> {
  const found = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    if (!(await repo.getItem(tx, ctx, itemId))) throw new AppError('not_found');
    const v = await versionOf(tx, ctx, itemId, version);
    const { nets, people } = await repo.linkNames(tx, ctx.tenant.id, v);
    return {
      ...presentVersionSummary(v),
      type: v.type as KnowledgeType,
      summary: v.summary,
      body: v.body,
      bodyHtml: '',
      tags: v.tags,
      visibility: v.visibility as KnowledgeVisibility,
      publishedOn: v.publishedOn,
      networks: v.networkIds.map((id) => ({ id, name: nets.get(id) ?? '—' })),
      parties: v.parties.map((p) => ({ partyId: p.partyId, name: people.get(p.partyId) ?? null, role: p.role as KnowledgePartyRole })),
    };
  });
  return { ...found, bodyHtml: await renderMarkdownOffLoop(found.body) };
}

export async function diffVersions(ctx: TenantContext, itemId: string, from: number, to: number): Promise<KnowledgeDiff> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    if (!(await repo.getItem(tx, ctx, itemId))) throw new AppError('not_found');
    const rows = await versionRows(tx, ctx, itemId, [...new Set([from, to])]);
    const a = rows.find((r) => r.version === from);
    const b = rows.find((r) => r.version === to);
    if (!a || !b) throw new AppError('not_found', { [a ? 'to' : 'from']: 'unknown_version' });
    const { nets, people } = await repo.linkNames(tx, ctx.tenant.id, {
      networkIds: [...new Set([...a.networkIds, ...b.networkIds])],
      parties: [...a.parties, ...b.parties],
    });
    const fields: KnowledgeDiff['fields'] = [];
    const text = (field: string, x: string | null, y: string | null) => {
      if ((x ?? '') !== (y ?? '')) fields.push({ field, before: x, after: y, parts: diffWords(x ?? '', y ?? '') });
    };
    const value = (field: string, x: unknown, y: unknown) => {
      if (JSON.stringify(x) !== JSON.stringify(y)) fields.push({ field, before: x, after: y, parts: null });
    };
    text('title', a.title, b.title);
    text('summary', a.summary, b.summary);
    value('type', a.type, b.type);
    value('tags', a.tags, b.tags);
    value('visibility', a.visibility, b.visibility);
    value('publishedOn', a.publishedOn, b.publishedOn);
    value(
      'networks',
      a.networkIds.map((id) => nets.get(id) ?? id),
      b.networkIds.map((id) => nets.get(id) ?? id),
    );
    const who = (v: VersionRow) => v.parties.map((p) => `${people.get(p.partyId) ?? p.partyId} (${p.role})`);
    value('parties', who(a), who(b));
    const body = diffLines(a.body, b.body);
    return { from, to, fields, body: body.lines, bodyStats: { added: body.added, removed: body.removed } };
  });
}

export async function restoreVersion(ctx: TenantContext, itemId: string, version: number, note: string | null): Promise<KnowledgeDetail> {
  // versions never change: the old body can be rendered before the writing transaction
  const oldBody = await withTenant(ctx.db, ctx.tenant.id, async (tx) => (await versionRows(tx, ctx, itemId, [version]))[0]?.body);
  const pre = oldBody !== undefined ? await bodyDerivedOffLoop(oldBody) : null;
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const row = await repo.getItem(tx, ctx, itemId);
    if (!row) throw new AppError('not_found');
    const v = await versionOf(tx, ctx, itemId, version);
    // links to networks or partners deleted since then are dropped
    const { nets, people } = await repo.linkNames(tx, ctx.tenant.id, v);
    const networkIds = v.networkIds.filter((id) => nets.has(id));
    const next: State = {
      type: v.type,
      title: v.title,
      summary: v.summary,
      body: v.body,
      tags: v.tags,
      visibility: v.visibility,
      publishedOn: v.publishedOn,
      networkIds,
      parties: v.parties.filter((p) => people.has(p.partyId)),
    };
    const after = await applyChange(tx, ctx, row, next, { note, restoredFrom: version, pre });
    return detailOf(tx, ctx, after ?? row);
  });
}

export async function previewMarkdown(body: string): Promise<{ html: string }> {
  return { html: await renderMarkdownOffLoop(body) };
}
