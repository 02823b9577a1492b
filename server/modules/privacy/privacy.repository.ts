import { and, asc, desc, eq, gte, isNull, lt, lte, sql } from 'drizzle-orm';
import { parties, privacyAccessLog, privacyActivities, privacyConsents, privacyErasures, privacyNotices, privacyRetention } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { pageTotal } from '../../platform/page-total';
import { rows, totalOver } from '../../platform/sql';
import { DEFAULT_ACTIVITIES } from './defaults';

export type ConsentRow = typeof privacyConsents.$inferSelect;
export type ActivityRow = typeof privacyActivities.$inferSelect;
export type NoticeRow = typeof privacyNotices.$inferSelect;
export type RetentionRow = typeof privacyRetention.$inferSelect;
export type ErasureRow = typeof privacyErasures.$inferSelect;

export async function partyKindName(tx: Tx, tenantId: string, partyId: string) {
  const [row] = await tx
    .select({ id: parties.id, kind: parties.kind, name: parties.name })
    .from(parties)
    .where(and(eq(parties.tenantId, tenantId), eq(parties.id, partyId)))
    .for('update');
  return row ?? null;
}

// ------------------------------------------------------------------ consents
export const consentsOf = (tx: Tx, tenantId: string, partyId: string) =>
  tx
    .select()
    .from(privacyConsents)
    .where(and(eq(privacyConsents.tenantId, tenantId), eq(privacyConsents.partyId, partyId)))
    .orderBy(desc(privacyConsents.givenOn), desc(privacyConsents.createdAt));

export async function getConsent(tx: Tx, tenantId: string, id: string): Promise<ConsentRow | null> {
  const [row] = await tx
    .select()
    .from(privacyConsents)
    .where(and(eq(privacyConsents.tenantId, tenantId), eq(privacyConsents.id, id)))
    .for('update');
  return row ?? null;
}

export async function insertConsent(tx: Tx, values: typeof privacyConsents.$inferInsert): Promise<ConsentRow> {
  const [row] = await tx.insert(privacyConsents).values(values).returning();
  return row;
}

export async function withdrawConsent(tx: Tx, tenantId: string, id: string, on: string, by: string, note: string | null): Promise<ConsentRow> {
  const [row] = await tx
    .update(privacyConsents)
    .set({ withdrawnOn: on, withdrawnByName: by, withdrawalNote: note })
    .where(and(eq(privacyConsents.tenantId, tenantId), eq(privacyConsents.id, id)))
    .returning();
  return row;
}

// ------------------------------------------------------------------ erasures
export async function erasureOf(tx: Tx, tenantId: string, partyId: string): Promise<ErasureRow | null> {
  const [row] = await tx
    .select()
    .from(privacyErasures)
    .where(and(eq(privacyErasures.tenantId, tenantId), eq(privacyErasures.partyId, partyId)));
  return row ?? null;
}

export async function insertErasure(tx: Tx, values: typeof privacyErasures.$inferInsert): Promise<ErasureRow> {
  const [row] = await tx.insert(privacyErasures).values(values).returning();
  return row;
}

/** Erasure ends every consent still in force: the withdrawal is recorded on the row (which is never deleted). */
export async function closeConsents(tx: Tx, tenantId: string, partyId: string, on: string, by: string): Promise<number> {
  const closed = await tx
    .update(privacyConsents)
    .set({ withdrawnOn: on, withdrawnByName: by, withdrawalNote: 'ลบข้อมูลส่วนบุคคล' })
    .where(
      and(eq(privacyConsents.tenantId, tenantId), eq(privacyConsents.partyId, partyId), isNull(privacyConsents.withdrawnOn), lte(privacyConsents.givenOn, on)),
    )
    .returning({ id: privacyConsents.id });
  return closed.length;
}

/** Replace the person's values in the audit log (the one narrow exception to its append-only rule, migration 0049). */
export async function redactAudit(tx: Tx, tenantId: string, partyId: string, oldName: string, label: string): Promise<number> {
  const [r] = await rows<{ n: number }>(tx, sql`select privacy_redact_audit(${tenantId}::uuid, ${partyId}::uuid, ${oldName}, ${label}) as n`);
  return Number(r.n);
}

/**
 * People (not yet erased) with no trace of activity since `cutoff`: the latest of the record's last change, hours,
 * participation, ledger dates and consents given; a membership, committee term or water group without an end, an
 * unwithdrawn consent or a linked account counts as current. Oldest first, at most `limit`.
 */
export async function inactivePeople(tx: Tx, tenantId: string, cutoff: string, limit: number): Promise<{ id: string }[]> {
  return rows<{ id: string }>(
    tx,
    sql`
    select p.id from parties p
    where p.tenant_id = ${tenantId} and p.kind = 'person'
      and not exists (select 1 from privacy_erasures e where e.tenant_id = p.tenant_id and e.party_id = p.id)
      and p.updated_at::date < ${cutoff}::date
      and not exists (select 1 from tenant_users tu where tu.tenant_id = p.tenant_id and tu.party_id = p.id)
      and not exists (select 1 from network_members m where m.tenant_id = p.tenant_id and m.party_id = p.id and coalesce(m.end_date, 'infinity'::date) >= ${cutoff}::date)
      and not exists (select 1 from committee_members m where m.tenant_id = p.tenant_id and m.party_id = p.id and coalesce(m.end_date, 'infinity'::date) >= ${cutoff}::date)
      and not exists (select 1 from water_group_members m where m.tenant_id = p.tenant_id and m.party_id = p.id)
      and not exists (select 1 from team_members m where m.tenant_id = p.tenant_id and m.party_id = p.id)
      and not exists (select 1 from volunteer_hours h where h.tenant_id = p.tenant_id and h.party_id = p.id and h.worked_on >= ${cutoff}::date)
      and not exists (select 1 from participation_records r where r.tenant_id = p.tenant_id and r.party_id = p.id and r.occurred_on >= ${cutoff}::date)
      and not exists (select 1 from ledger_transactions x where x.tenant_id = p.tenant_id and x.party_id = p.id and (x.occurred_on >= ${cutoff}::date or x.status = 'pending'))
      and not exists (select 1 from water_incident_fines f where f.tenant_id = p.tenant_id and f.party_id = p.id and f.paid_on is null)
      and not exists (select 1 from privacy_consents c where c.tenant_id = p.tenant_id and c.party_id = p.id and (c.withdrawn_on is null or c.given_on >= ${cutoff}::date))
    order by p.updated_at, p.id
    limit ${limit}`,
  );
}

// ------------------------------------------------------------------ notice, activities, retention
export async function getNotice(tx: Tx, tenantId: string): Promise<NoticeRow | null> {
  const [row] = await tx.select().from(privacyNotices).where(eq(privacyNotices.tenantId, tenantId));
  return row ?? null;
}

export async function upsertNotice(tx: Tx, values: typeof privacyNotices.$inferInsert): Promise<NoticeRow> {
  const { tenantId: _t, ...set } = values;
  const [row] = await tx
    .insert(privacyNotices)
    .values(values)
    .onConflictDoUpdate({ target: privacyNotices.tenantId, set: { ...set, updatedAt: new Date() } })
    .returning();
  return row;
}

export const listActivities = (tx: Tx, tenantId: string) =>
  tx.select().from(privacyActivities).where(eq(privacyActivities.tenantId, tenantId)).orderBy(asc(privacyActivities.position), asc(privacyActivities.name));

/** A tenant without a ROPA gets Phakhi's defaults (once: keyed by `default_key`, so two first readers add one set). */
export async function seedDefaultActivities(tx: Tx, tenantId: string): Promise<void> {
  await tx
    .insert(privacyActivities)
    .values(DEFAULT_ACTIVITIES.map(({ key, ...a }, i) => ({ tenantId, defaultKey: key, position: (i + 1) * 10, ...a })))
    .onConflictDoNothing();
}

export async function getActivity(tx: Tx, tenantId: string, id: string): Promise<ActivityRow | null> {
  const [row] = await tx
    .select()
    .from(privacyActivities)
    .where(and(eq(privacyActivities.tenantId, tenantId), eq(privacyActivities.id, id)));
  return row ?? null;
}

export async function insertActivity(tx: Tx, values: typeof privacyActivities.$inferInsert): Promise<ActivityRow> {
  const [row] = await tx.insert(privacyActivities).values(values).returning();
  return row;
}

export async function updateActivity(tx: Tx, tenantId: string, id: string, set: Partial<typeof privacyActivities.$inferInsert>): Promise<ActivityRow> {
  const [row] = await tx
    .update(privacyActivities)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(privacyActivities.tenantId, tenantId), eq(privacyActivities.id, id)))
    .returning();
  return row;
}

export async function deleteActivity(tx: Tx, tenantId: string, id: string) {
  await tx.delete(privacyActivities).where(and(eq(privacyActivities.tenantId, tenantId), eq(privacyActivities.id, id)));
}

export async function getRetention(tx: Tx, tenantId: string): Promise<RetentionRow | null> {
  const [row] = await tx.select().from(privacyRetention).where(eq(privacyRetention.tenantId, tenantId));
  return row ?? null;
}

export async function upsertRetention(tx: Tx, values: typeof privacyRetention.$inferInsert): Promise<RetentionRow> {
  const { tenantId: _t, ...set } = values;
  const [row] = await tx
    .insert(privacyRetention)
    .values(values)
    .onConflictDoUpdate({ target: privacyRetention.tenantId, set: { ...set, updatedAt: new Date() } })
    .returning();
  return row;
}

export async function recordRun(tx: Tx, tenantId: string, people: number, accessRows: number) {
  await tx
    .update(privacyRetention)
    .set({ lastRunAt: new Date(), lastRunPeople: people, lastRunAccessRows: accessRows })
    .where(eq(privacyRetention.tenantId, tenantId));
}

// ------------------------------------------------------------------ access log
export interface AccessFilter {
  partyId?: string;
  from?: string;
  to?: string;
}

export async function listAccess(tx: Tx, tenantId: string, f: AccessFilter, limit: number, offset: number) {
  const a = privacyAccessLog;
  const conds = [eq(a.tenantId, tenantId)];
  if (f.partyId) conds.push(eq(a.partyId, f.partyId));
  if (f.from) conds.push(gte(a.viewedAt, new Date(`${f.from}T00:00:00+07:00`)));
  if (f.to) conds.push(lt(a.viewedAt, new Date(Date.parse(`${f.to}T00:00:00+07:00`) + 86_400_000)));
  const list = await tx
    .select({ r: a, partyName: parties.name, total: totalOver })
    .from(a)
    .leftJoin(parties, and(eq(parties.tenantId, a.tenantId), eq(parties.id, a.partyId)))
    .where(and(...conds))
    .orderBy(desc(a.viewedAt), desc(a.id))
    .limit(limit)
    .offset(offset);
  return { rows: list, total: await pageTotal(tx, list, offset, a, and(...conds)) };
}

export async function countAccess(tx: Tx, tenantId: string, partyId: string): Promise<number> {
  const [r] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(privacyAccessLog)
    .where(and(eq(privacyAccessLog.tenantId, tenantId), eq(privacyAccessLog.partyId, partyId)));
  return r.n;
}

/** Delete access-log rows older than `before`, oldest first, at most `limit`. */
export async function purgeAccess(tx: Tx, tenantId: string, before: Date, limit: number): Promise<number> {
  const gone = await rows<{ id: string }>(
    tx,
    sql`delete from privacy_access_log where tenant_id = ${tenantId} and id in (
          select id from privacy_access_log where tenant_id = ${tenantId} and viewed_at < ${before.toISOString()}::timestamptz
          order by viewed_at limit ${limit})
        returning id`,
  );
  return gone.length;
}

/** Record showings of contact data (in batches of 1000 rows). */
export async function insertAccessLog(tx: Tx, entries: (typeof privacyAccessLog.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) await tx.insert(privacyAccessLog).values(entries.slice(i, i + 1000));
}
