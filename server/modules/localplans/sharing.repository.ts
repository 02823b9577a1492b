import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { SharedContent } from '../../../common/schemas/localplans';
import { localPlanInbox, localPlanOutbox, localPlanTenantLinks, sharedLocalPlanProjects } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { rows } from '../../platform/sql';

/** The SQL of the outbox between tenants (sharing.ts): the sender's outbox, the receiver's inbox and its shared copies. */

/** A transaction-scoped advisory lock on a key of the tenant's outbox/inbox. */
export const lockKey = (tx: Tx, tenantId: string, key: string) =>
  tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`lp-outbox:${tenantId}:${key}`}, 0))`);

/** The next sequence number of an item's events of one kind. */
export async function nextSeq(tx: Tx, tenantId: string, itemId: string, kind: string): Promise<number> {
  const [{ seq }] = await rows<{ seq: number }>(
    tx,
    sql`select coalesce(max(seq), 0)::int + 1 as seq from local_plan_outbox where tenant_id = ${tenantId} and item_id = ${itemId} and kind = ${kind}`,
  );
  return seq;
}

export async function insertOutboxEvent(tx: Tx, values: typeof localPlanOutbox.$inferInsert): Promise<void> {
  await tx.insert(localPlanOutbox).values(values);
}

/** The tenant each of these local plans' local government is linked to (only linked ones). */
export function linkedTargetRows(tx: Tx, tenantId: string, localPlanIds: string[]) {
  return rows<{ localPlanId: string; target: string }>(
    tx,
    sql`select lp.id as "localPlanId", l.linked_tenant_id as target from local_plans lp
        join local_plan_tenant_links l on l.tenant_id = lp.tenant_id and l.party_id = lp.party_id
        where lp.tenant_id = ${tenantId} and lp.id in (${sql.join(
          localPlanIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
  );
}

/** A sender's undelivered events, oldest first. */
export function pendingEvents(tx: Tx, senderId: string, limit: number) {
  return tx
    .select()
    .from(localPlanOutbox)
    .where(and(eq(localPlanOutbox.tenantId, senderId), isNull(localPlanOutbox.deliveredAt)))
    .orderBy(asc(localPlanOutbox.createdAt), asc(localPlanOutbox.itemId), asc(localPlanOutbox.seq))
    .limit(limit);
}

/** One more attempt on an event, with its outcome. */
export async function markAttempt(tx: Tx, senderId: string, eventId: string, set: { deliveredAt?: Date; lastError: string | null }): Promise<void> {
  await tx
    .update(localPlanOutbox)
    .set({ ...set, attempts: sql`${localPlanOutbox.attempts} + 1` })
    .where(and(eq(localPlanOutbox.tenantId, senderId), eq(localPlanOutbox.eventId, eventId)));
}

/** Record an event in the inbox once; false when it was there already. */
export async function recordInbox(tx: Tx, values: typeof localPlanInbox.$inferInsert): Promise<boolean> {
  const fresh = await tx.insert(localPlanInbox).values(values).onConflictDoNothing().returning({ eventId: localPlanInbox.eventId });
  return fresh.length > 0;
}

/** The highest sequence number applied for the sender's item and kind (null: none). */
export async function newestApplied(tx: Tx, tenantId: string, sourceTenantId: string, kind: string, itemId: string): Promise<number | null> {
  const [{ newest }] = await rows<{ newest: number | null }>(
    tx,
    sql`select max(seq)::int as newest from local_plan_inbox where tenant_id = ${tenantId} and source_tenant_id = ${sourceTenantId}
        and kind = ${kind} and item_id = ${itemId} and applied`,
  );
  return newest;
}

export async function markApplied(tx: Tx, tenantId: string, eventId: string): Promise<void> {
  await tx
    .update(localPlanInbox)
    .set({ applied: true })
    .where(and(eq(localPlanInbox.tenantId, tenantId), eq(localPlanInbox.eventId, eventId)));
}

const copyOf = (tenantId: string, sourceTenantId: string, sourceItemId: string) =>
  and(
    eq(sharedLocalPlanProjects.tenantId, tenantId),
    eq(sharedLocalPlanProjects.sourceTenantId, sourceTenantId),
    eq(sharedLocalPlanProjects.sourceItemId, sourceItemId),
  );

/** The neighbour's copy of the sender's item, locked. */
export async function sharedCopyForUpdate(tx: Tx, tenantId: string, sourceTenantId: string, sourceItemId: string) {
  const [before] = await tx
    .select()
    .from(sharedLocalPlanProjects)
    .where(copyOf(tenantId, sourceTenantId, sourceItemId))
    .for('update');
  return before;
}

export async function withdrawSharedCopy(tx: Tx, tenantId: string, sourceTenantId: string, sourceItemId: string): Promise<void> {
  await tx
    .update(sharedLocalPlanProjects)
    .set({ withdrawn: true, updatedAt: new Date() })
    .where(copyOf(tenantId, sourceTenantId, sourceItemId));
}

/** Create the copy (with its initial status when given), or refresh its content and un-withdraw it. */
export async function upsertSharedCopy(
  tx: Tx,
  tenantId: string,
  sourceTenantId: string,
  sourceItemId: string,
  content: SharedContent,
  initial: Pick<typeof sharedLocalPlanProjects.$inferInsert, 'status' | 'edition' | 'dropReason'> | null,
): Promise<string> {
  const [row] = await tx
    .insert(sharedLocalPlanProjects)
    .values({ tenantId, sourceTenantId, sourceItemId, content, ...(initial ?? {}) })
    .onConflictDoUpdate({
      target: [sharedLocalPlanProjects.tenantId, sharedLocalPlanProjects.sourceTenantId, sharedLocalPlanProjects.sourceItemId],
      set: { content, withdrawn: false, updatedAt: new Date() },
    })
    .returning({ id: sharedLocalPlanProjects.id });
  return row.id;
}

// ---- the neighbour's copies and the tenant links (sharing.service.ts) ----

export type SharedCopyRow = typeof sharedLocalPlanProjects.$inferSelect;

/** The tenant's copies: current ones first, most recently changed first. */
export function sharedCopies(tx: Tx, tenantId: string): Promise<SharedCopyRow[]> {
  return tx
    .select()
    .from(sharedLocalPlanProjects)
    .where(eq(sharedLocalPlanProjects.tenantId, tenantId))
    .orderBy(sharedLocalPlanProjects.withdrawn, desc(sharedLocalPlanProjects.updatedAt), sharedLocalPlanProjects.id);
}

/** One copy by id (`forUpdate` locks it). */
export async function sharedCopy(tx: Tx, tenantId: string, id: string, forUpdate = false): Promise<SharedCopyRow | undefined> {
  const q = tx
    .select()
    .from(sharedLocalPlanProjects)
    .where(and(eq(sharedLocalPlanProjects.tenantId, tenantId), eq(sharedLocalPlanProjects.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

export async function setSharedCopyStatus(
  tx: Tx,
  tenantId: string,
  id: string,
  set: Pick<typeof sharedLocalPlanProjects.$inferInsert, 'status' | 'edition' | 'dropReason'>,
): Promise<void> {
  await tx
    .update(sharedLocalPlanProjects)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(sharedLocalPlanProjects.tenantId, tenantId), eq(sharedLocalPlanProjects.id, id)));
}

/** The tenant a partner local government is linked to, locked. */
export async function tenantLinkForUpdate(tx: Tx, tenantId: string, partyId: string) {
  const [before] = await tx
    .select()
    .from(localPlanTenantLinks)
    .where(and(eq(localPlanTenantLinks.tenantId, tenantId), eq(localPlanTenantLinks.partyId, partyId)))
    .for('update');
  return before;
}

/** The link (if any) that already points at that tenant. */
export async function linkTo(tx: Tx, tenantId: string, linkedTenantId: string) {
  const [taken] = await tx
    .select()
    .from(localPlanTenantLinks)
    .where(and(eq(localPlanTenantLinks.tenantId, tenantId), eq(localPlanTenantLinks.linkedTenantId, linkedTenantId)));
  return taken;
}

/** Replace the local government's link (null: unlinked). */
export async function setTenantLinkRow(tx: Tx, tenantId: string, partyId: string, linkedTenantId: string | null): Promise<void> {
  await tx.delete(localPlanTenantLinks).where(and(eq(localPlanTenantLinks.tenantId, tenantId), eq(localPlanTenantLinks.partyId, partyId)));
  if (linkedTenantId) await tx.insert(localPlanTenantLinks).values({ tenantId, partyId, linkedTenantId });
}
