import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { fiscalYearRange, toGregorianYear } from '../../../common/thai/dates';
import { knowledgeForumItems, knowledgeForumParticipants, knowledgeForums, knowledgeItems, networks, parties } from '../../db/schema';
import type { TenantContext } from '../../platform/context';
import type { Tx } from '../../platform/db';
import { inOrder } from '../../platform/in-order';
import { pageTotal } from '../../platform/page-total';
import { insertRow, likePattern, rowById, thaiOrder, totalOver } from '../../platform/sql';
import { partySummaryColumns } from '../partners/partners.repository';
import { visibleTo } from './knowledge.repository';

/** Knowledge forums' SQL (forums.service.ts): the forums with their host's name and counts, participants, produced items. */

export type ForumRow = typeof knowledgeForums.$inferSelect;

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
export type Joined = Awaited<ReturnType<ReturnType<typeof selectForums>['execute']>>[number];

export interface ForumFilter {
  q?: string;
  networkId?: string;
  year?: number;
  fiscalYear?: number;
  sort?: string;
}

/** A page of the tenant's forums matching the filter, with the total. */
export async function listForums(tx: Tx, tenantId: string, q: ForumFilter, limit: number, offset: number) {
  const conds: (SQL | undefined)[] = [eq(knowledgeForums.tenantId, tenantId)];
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
      ? [asc(thaiOrder(knowledgeForums.title)), asc(knowledgeForums.id)]
      : q.sort === 'heldOn'
        ? [asc(knowledgeForums.heldOn), asc(knowledgeForums.id)]
        : [desc(knowledgeForums.heldOn), asc(knowledgeForums.id)];
  const rows = await selectForums(tx)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const total = await pageTotal(tx, rows, offset, knowledgeForums, where);
  return { rows, total };
}

export async function getForumJoined(tx: Tx, tenantId: string, id: string): Promise<Joined | null> {
  const [row] = await selectForums(tx)
    .where(and(eq(knowledgeForums.tenantId, tenantId), eq(knowledgeForums.id, id)))
    .limit(1);
  return row ?? null;
}

/** The forum's participants (with their network's name and partner) and the produced items the viewer may see. */
export async function participantsAndItems(tx: Tx, tenantId: string, id: string, viewer: TenantContext) {
  const visible = visibleTo(viewer);
  const [people, items] = await inOrder([
    tx
      .select({
        p: knowledgeForumParticipants,
        networkName: networks.name,
        party: partySummaryColumns,
      })
      .from(knowledgeForumParticipants)
      .leftJoin(networks, and(eq(networks.tenantId, knowledgeForumParticipants.tenantId), eq(networks.id, knowledgeForumParticipants.networkId)))
      .leftJoin(parties, and(eq(parties.tenantId, knowledgeForumParticipants.tenantId), eq(parties.id, knowledgeForumParticipants.partyId)))
      .where(and(eq(knowledgeForumParticipants.tenantId, tenantId), eq(knowledgeForumParticipants.forumId, id)))
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
      .where(and(eq(knowledgeForumItems.tenantId, tenantId), eq(knowledgeForumItems.forumId, id), visible))
      .orderBy(desc(knowledgeItems.publishedOn)),
  ]);
  return { people, items };
}

/** Of these items, the ids that exist in the tenant and the viewer may see. */
export async function visibleItemIds(tx: Tx, tenantId: string, ids: string[], viewer: TenantContext): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const visible = visibleTo(viewer);
  const found = await tx
    .select({ id: knowledgeItems.id })
    .from(knowledgeItems)
    .where(and(eq(knowledgeItems.tenantId, tenantId), inArray(knowledgeItems.id, ids), visible));
  return new Set(found.map((i) => i.id));
}

export async function setParticipants(
  tx: Tx,
  tenantId: string,
  forumId: string,
  values: Omit<typeof knowledgeForumParticipants.$inferInsert, 'tenantId' | 'forumId'>[],
) {
  await tx.delete(knowledgeForumParticipants).where(and(eq(knowledgeForumParticipants.tenantId, tenantId), eq(knowledgeForumParticipants.forumId, forumId)));
  if (values.length) await tx.insert(knowledgeForumParticipants).values(values.map((v) => ({ tenantId, forumId, ...v })));
}

/** Replace the forum's produced items; links to items the viewer may not see stay. */
export async function setItems(tx: Tx, tenantId: string, forumId: string, itemIds: string[], viewer: TenantContext) {
  const visible = visibleTo(viewer);
  await tx
    .delete(knowledgeForumItems)
    .where(
      and(
        eq(knowledgeForumItems.tenantId, tenantId),
        eq(knowledgeForumItems.forumId, forumId),
        visible
          ? sql`exists (select 1 from ${knowledgeItems} where ${knowledgeItems.tenantId} = ${knowledgeForumItems.tenantId} and ${knowledgeItems.id} = ${knowledgeForumItems.itemId} and ${visible})`
          : undefined,
      ),
    );
  if (itemIds.length)
    await tx
      .insert(knowledgeForumItems)
      .values(itemIds.map((itemId) => ({ tenantId, forumId, itemId })))
      .onConflictDoNothing();
}

export const insertForum = (tx: Tx, values: typeof knowledgeForums.$inferInsert): Promise<ForumRow> => insertRow(tx, knowledgeForums, values);

export const getForum = (tx: Tx, tenantId: string, id: string): Promise<ForumRow | null> => rowById(tx, knowledgeForums, tenantId, id);

export async function updateForum(tx: Tx, tenantId: string, id: string, set: Partial<ForumRow>): Promise<ForumRow> {
  const [after] = await tx
    .update(knowledgeForums)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(knowledgeForums.tenantId, tenantId), eq(knowledgeForums.id, id)))
    .returning();
  return after;
}

export async function deleteForum(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(knowledgeForums).where(and(eq(knowledgeForums.tenantId, tenantId), eq(knowledgeForums.id, id)));
}
