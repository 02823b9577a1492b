import { inOrder } from '../../platform/in-order';
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { KnowledgePartyRole } from '../../../common/schemas/knowledge';
import { fiscalYearRange, toGregorianYear } from '../../../common/thai/dates';
import {
  knowledgeAttachments,
  knowledgeForumItems,
  knowledgeForums,
  knowledgeItemNetworks,
  knowledgeItemParties,
  knowledgeItems,
  knowledgeViews,
  networks,
  parties,
} from '../../db/schema';
import type { TenantContext } from '../../platform/context';
import type { Tx } from '../../platform/db';
import { thaiOrder, rows } from '../../platform/sql';

export type ItemRow = typeof knowledgeItems.$inferSelect;
export type AttachmentRow = typeof knowledgeAttachments.$inferSelect;

/** Admins and officers (and the platform admin, and the seeder) see every item of the tenant. */
export const seesEverything = (ctx: TenantContext) => ['admin', 'officer', 'platform_admin', 'system'].includes(ctx.actor.role);

/**
 * The visibility rule as SQL over `knowledge_items` (see KNOWLEDGE_VISIBILITIES): undefined when the caller
 * sees everything. A network item is visible to its creator, to users whose linked partner is one of its
 * authors/contributors, and to users whose linked partner is a current member of one of its networks.
 */
export function visibleTo(ctx: TenantContext): SQL | undefined {
  if (seesEverything(ctx)) return undefined;
  const me = ctx.actor.user.id;
  return sql`(${knowledgeItems.visibility} <> 'network'
    or ${knowledgeItems.createdByUserId} = ${me}
    or exists (select 1 from knowledge_item_networks kn
      join network_members nm on nm.tenant_id = kn.tenant_id and nm.network_id = kn.network_id and (nm.end_date is null or nm.end_date >= current_date)
      join tenant_users tu on tu.tenant_id = nm.tenant_id and tu.party_id = nm.party_id and tu.user_id = ${me}
      where kn.tenant_id = ${knowledgeItems.tenantId} and kn.item_id = ${knowledgeItems.id})
    or exists (select 1 from knowledge_item_parties kp
      join tenant_users tu on tu.tenant_id = kp.tenant_id and tu.party_id = kp.party_id and tu.user_id = ${me}
      where kp.tenant_id = ${knowledgeItems.tenantId} and kp.item_id = ${knowledgeItems.id}))`;
}

export interface ItemFilter {
  type?: string;
  networkId?: string;
  partyId?: string;
  tag?: string;
  year?: number;
  fiscalYear?: number;
  visibility?: string;
}

/** Tenant, visibility and the list filters. */
export function itemConditions(ctx: TenantContext, f: ItemFilter): SQL[] {
  const conds: (SQL | undefined)[] = [eq(knowledgeItems.tenantId, ctx.tenant.id), visibleTo(ctx)];
  if (f.type) conds.push(eq(knowledgeItems.type, f.type));
  if (f.visibility) conds.push(eq(knowledgeItems.visibility, f.visibility));
  if (f.tag) conds.push(sql`${knowledgeItems.tags} @> array[${f.tag}]::text[]`);
  if (f.networkId)
    conds.push(
      sql`exists (select 1 from knowledge_item_networks kn where kn.tenant_id = ${knowledgeItems.tenantId} and kn.item_id = ${knowledgeItems.id} and kn.network_id = ${f.networkId})`,
    );
  if (f.partyId)
    conds.push(
      sql`exists (select 1 from knowledge_item_parties kp where kp.tenant_id = ${knowledgeItems.tenantId} and kp.item_id = ${knowledgeItems.id} and kp.party_id = ${f.partyId})`,
    );
  if (f.year) {
    const y = toGregorianYear(f.year);
    conds.push(sql`${knowledgeItems.publishedOn} between ${`${y}-01-01`} and ${`${y}-12-31`}`);
  }
  if (f.fiscalYear) {
    const { start, end } = fiscalYearRange(f.fiscalYear);
    conds.push(sql`${knowledgeItems.publishedOn} between ${start} and ${end}`);
  }
  return conds.filter((c): c is SQL => Boolean(c));
}

/**
 * An item's reads (the outer row named in full: see relationColumns). The tenant is a constant in the subquery, not
 * the outer row's column: on Citus only a constant keeps the subquery on the tenant's shard (docs/operations/scaling.md).
 */
export const viewsOf = (tenantId: string) =>
  sql<number>`coalesce((select sum(v.count)::int from knowledge_views v where v.tenant_id = ${tenantId} and v.item_id = knowledge_items.id), 0)`;

/** Columns of a list row (no body: lists stay small). */
export const listColumns = {
  id: knowledgeItems.id,
  type: knowledgeItems.type,
  title: knowledgeItems.title,
  summary: knowledgeItems.summary,
  tags: knowledgeItems.tags,
  visibility: knowledgeItems.visibility,
  publishedOn: knowledgeItems.publishedOn,
  version: knowledgeItems.version,
  createdByName: knowledgeItems.createdByName,
  updatedByName: knowledgeItems.updatedByName,
  createdAt: knowledgeItems.createdAt,
  updatedAt: knowledgeItems.updatedAt,
};
export type ListRow = Pick<ItemRow, keyof typeof listColumns>;

export function orderFor(sort: string, tenantId: string): SQL[] {
  switch (sort) {
    case 'title':
      return [asc(thaiOrder(knowledgeItems.title)), asc(knowledgeItems.id)];
    case '-updatedAt':
      return [desc(knowledgeItems.updatedAt), asc(knowledgeItems.id)];
    case '-views':
      return [desc(viewsOf(tenantId)), desc(knowledgeItems.publishedOn), asc(knowledgeItems.id)];
    default:
      return [desc(knowledgeItems.publishedOn), desc(knowledgeItems.createdAt), asc(knowledgeItems.id)];
  }
}

type PartyJson = { id: string; kind: string; name: string; sector: string; pillar: string; orgType: string | null; position: string | null };
export interface RelationColumns {
  networks: { id: string; name: string }[];
  parties: { role: KnowledgePartyRole; party: PartyJson }[];
  attachmentCount: number;
  views: number;
}

/**
 * An item's networks, partners, attachment count and reads as columns of the item's own row (JSON arrays in
 * link order), so that a page of items with all it shows is one query. The outer row is named in full
 * (knowledge_items.id): Drizzle leaves column names unqualified in a one-table select, where a correlated
 * subquery would take them for its own.
 */
export const relationColumns = (tenantId: string) => ({
  networks: sql<RelationColumns['networks']>`(select coalesce(json_agg(json_build_object('id', n.id, 'name', n.name) order by kn.position), '[]'::json)
    from knowledge_item_networks kn join networks n on n.tenant_id = ${tenantId} and n.id = kn.network_id
    where kn.tenant_id = ${tenantId} and kn.item_id = knowledge_items.id)`,
  parties: sql<RelationColumns['parties']>`(select coalesce(json_agg(json_build_object('role', kp.role, 'party', json_build_object(
      'id', p.id, 'kind', p.kind, 'name', p.name, 'sector', p.sector, 'pillar', p.pillar, 'orgType', p.org_type, 'position', p.position)) order by kp.position), '[]'::json)
    from knowledge_item_parties kp join parties p on p.tenant_id = ${tenantId} and p.id = kp.party_id
    where kp.tenant_id = ${tenantId} and kp.item_id = knowledge_items.id)`,
  attachmentCount: sql<number>`(select count(*)::int from knowledge_attachments a where a.tenant_id = ${tenantId} and a.item_id = knowledge_items.id)`,
  views: viewsOf(tenantId),
});

/** JSON columns arrive parsed from node-postgres and PGlite alike; a string is parsed in case a driver does not. */
export function parsedRelations<T extends RelationColumns>(row: T): T {
  const json = <V>(v: V | string): V => (typeof v === 'string' ? (JSON.parse(v) as V) : v);
  return { ...row, networks: json(row.networks), parties: json(row.parties), attachmentCount: Number(row.attachmentCount), views: Number(row.views) };
}

/** The relations of one item (see relationColumns). */
export async function relationsOf(tx: Tx, tenantId: string, id: string): Promise<RelationColumns> {
  const [row] = await tx
    .select(relationColumns(tenantId))
    .from(knowledgeItems)
    .where(and(eq(knowledgeItems.tenantId, tenantId), eq(knowledgeItems.id, id)));
  return parsedRelations(row ?? { networks: [], parties: [], attachmentCount: 0, views: 0 });
}

export async function getItem(tx: Tx, ctx: TenantContext, id: string): Promise<ItemRow | null> {
  const [row] = await tx
    .select()
    .from(knowledgeItems)
    .where(and(eq(knowledgeItems.tenantId, ctx.tenant.id), eq(knowledgeItems.id, id), visibleTo(ctx)))
    .limit(1);
  return row ?? null;
}

export async function itemAttachments(tx: Tx, tenantId: string, owner: { itemId: string } | { forumId: string }) {
  const cond = 'itemId' in owner ? eq(knowledgeAttachments.itemId, owner.itemId) : eq(knowledgeAttachments.forumId, owner.forumId);
  return tx
    .select({
      id: knowledgeAttachments.id,
      itemId: knowledgeAttachments.itemId,
      forumId: knowledgeAttachments.forumId,
      filename: knowledgeAttachments.filename,
      kind: knowledgeAttachments.kind,
      mediaType: knowledgeAttachments.mediaType,
      sizeBytes: knowledgeAttachments.sizeBytes,
      sha256: knowledgeAttachments.sha256,
      caption: knowledgeAttachments.caption,
      textStatus: knowledgeAttachments.textStatus,
      textChars: sql<number>`coalesce(length(${knowledgeAttachments.textContent}), 0)::int`,
      uploadedByName: knowledgeAttachments.uploadedByName,
      createdAt: knowledgeAttachments.createdAt,
    })
    .from(knowledgeAttachments)
    .where(and(eq(knowledgeAttachments.tenantId, tenantId), cond))
    .orderBy(asc(knowledgeAttachments.createdAt), asc(knowledgeAttachments.id));
}
export type AttachmentListRow = Awaited<ReturnType<typeof itemAttachments>>[number];

export async function forumsOfItem(tx: Tx, tenantId: string, itemId: string) {
  return tx
    .select({ id: knowledgeForums.id, title: knowledgeForums.title, heldOn: knowledgeForums.heldOn })
    .from(knowledgeForumItems)
    .innerJoin(knowledgeForums, and(eq(knowledgeForums.tenantId, knowledgeForumItems.tenantId), eq(knowledgeForums.id, knowledgeForumItems.forumId)))
    .where(and(eq(knowledgeForumItems.tenantId, tenantId), eq(knowledgeForumItems.itemId, itemId)))
    .orderBy(desc(knowledgeForums.heldOn));
}

/** Which of these network ids exist in the tenant, with their names. */
export async function networkNames(tx: Tx, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx
    .select({ id: networks.id, name: networks.name })
    .from(networks)
    .where(and(eq(networks.tenantId, tenantId), inArray(networks.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function partyNames(tx: Tx, tenantId: string, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx
    .select({ id: parties.id, name: parties.name })
    .from(parties)
    .where(and(eq(parties.tenantId, tenantId), inArray(parties.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The names of the networks and partners these links name that still exist in the tenant. */
export async function linkNames(tx: Tx, tenantId: string, links: { networkIds: string[]; parties: { partyId: string }[] }) {
  const nets = await networkNames(tx, tenantId, links.networkIds);
  const people = await partyNames(
    tx,
    tenantId,
    links.parties.map((p) => p.partyId),
  );
  return { nets, people };
}

/** Replace an item's networks and partners (order kept: the first network is the home network). */
export async function setLinks(tx: Tx, tenantId: string, itemId: string, networkIds: string[], people: { partyId: string; role: string }[]) {
  await tx.delete(knowledgeItemNetworks).where(and(eq(knowledgeItemNetworks.tenantId, tenantId), eq(knowledgeItemNetworks.itemId, itemId)));
  await tx.delete(knowledgeItemParties).where(and(eq(knowledgeItemParties.tenantId, tenantId), eq(knowledgeItemParties.itemId, itemId)));
  if (networkIds.length) await tx.insert(knowledgeItemNetworks).values(networkIds.map((networkId, position) => ({ tenantId, itemId, networkId, position })));
  if (people.length)
    await tx.insert(knowledgeItemParties).values(people.map((p, position) => ({ tenantId, itemId, partyId: p.partyId, role: p.role, position })));
}

export async function currentLinks(tx: Tx, tenantId: string, itemId: string) {
  const [nets, people] = await inOrder([
    tx
      .select({ networkId: knowledgeItemNetworks.networkId })
      .from(knowledgeItemNetworks)
      .where(and(eq(knowledgeItemNetworks.tenantId, tenantId), eq(knowledgeItemNetworks.itemId, itemId)))
      .orderBy(asc(knowledgeItemNetworks.position)),
    tx
      .select({ partyId: knowledgeItemParties.partyId, role: knowledgeItemParties.role })
      .from(knowledgeItemParties)
      .where(and(eq(knowledgeItemParties.tenantId, tenantId), eq(knowledgeItemParties.itemId, itemId)))
      .orderBy(asc(knowledgeItemParties.position)),
  ]);
  return { networkIds: nets.map((n) => n.networkId), parties: people };
}

/** Recompute an item's attachment words from its attachments (after an upload or a removal). */
export async function refreshSearchFiles(tx: Tx, tenantId: string, itemId: string) {
  await tx.execute(sql`update knowledge_items set search_files = coalesce((
      select left(string_agg(a.search_text, ' ' order by a.created_at, a.id), 2000000) from knowledge_attachments a
      where a.tenant_id = ${tenantId} and a.item_id = ${itemId}), '')
    where tenant_id = ${tenantId} and id = ${itemId}`);
}

/** The calling user's linked partner in this tenant, if any. */
export async function myPartyId(tx: Tx, ctx: TenantContext): Promise<string | null> {
  if (ctx.actor.role === 'system') return null;
  const found = await rows<{ party_id: string | null }>(
    tx,
    sql`select party_id from tenant_users where tenant_id = ${ctx.tenant.id} and user_id = ${ctx.actor.user.id} limit 1`,
  );
  return found[0]?.party_id ?? null;
}

/** The names of each item's networks, in the item's order (the public pages show them). */
export async function networkNamesOf(tx: Tx, tenantId: string, itemIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!itemIds.length) return out;
  const rows = await tx
    .select({ itemId: knowledgeItemNetworks.itemId, name: networks.name })
    .from(knowledgeItemNetworks)
    .innerJoin(networks, and(eq(networks.tenantId, knowledgeItemNetworks.tenantId), eq(networks.id, knowledgeItemNetworks.networkId)))
    .where(and(eq(knowledgeItemNetworks.tenantId, tenantId), inArray(knowledgeItemNetworks.itemId, itemIds)))
    .orderBy(asc(knowledgeItemNetworks.position));
  for (const r of rows) out.set(r.itemId, [...(out.get(r.itemId) ?? []), r.name]);
  return out;
}

// ---- writes of an item (knowledge.service.ts) ----

export async function insertItem(tx: Tx, values: typeof knowledgeItems.$inferInsert): Promise<ItemRow> {
  const [row] = await tx.insert(knowledgeItems).values(values).returning();
  return row;
}

/**
 * Update the item only if it is still at `fromVersion` (a concurrent edit makes this match nothing): the
 * updated row, or null.
 */
export async function updateItemFrom(tx: Tx, tenantId: string, id: string, fromVersion: number, set: Partial<typeof knowledgeItems.$inferInsert>) {
  const [after] = await tx
    .update(knowledgeItems)
    .set(set)
    .where(and(eq(knowledgeItems.tenantId, tenantId), eq(knowledgeItems.id, id), eq(knowledgeItems.version, fromVersion)))
    .returning();
  return after ?? null;
}

export async function deleteItem(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(knowledgeItems).where(and(eq(knowledgeItems.tenantId, tenantId), eq(knowledgeItems.id, id)));
}

/** Count a read: one row per reader per day, its count raised on each further read. */
export async function recordView(tx: Tx, v: { tenantId: string; itemId: string; userId: string; viewedOn: string; viewerPartyId: string | null }) {
  await tx
    .insert(knowledgeViews)
    .values(v)
    .onConflictDoUpdate({
      target: [knowledgeViews.tenantId, knowledgeViews.itemId, knowledgeViews.userId, knowledgeViews.viewedOn],
      set: { count: sql`${knowledgeViews.count} + 1`, viewerPartyId: v.viewerPartyId },
    });
}
