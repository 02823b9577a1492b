import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { OutboxItem } from '../../../common/schemas/notifications';
import { notificationOutbox, notificationPreferences, notifications, type OutboxAttachment } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { rows, totalOver } from '../../platform/sql';

/** What a notification says, in Thai and English, and where it leads. */
interface NotificationText {
  kind: string;
  titleTh: string;
  titleEn: string;
  bodyTh: string;
  bodyEn: string;
  /** A path inside the web app. */
  link: string;
}

export interface NotificationRow extends NotificationText {
  id: string;
  createdAt: string;
  readAt: string | null;
  email: 'pending' | 'sent' | 'failed' | null;
  total: number;
}

/** One person's notifications, newest first, with the state of their e-mail copy. */
export function listFor(tx: Tx, tenantId: string, userId: string, opts: { unreadOnly: boolean; limit: number; offset: number }) {
  return rows<NotificationRow>(
    tx,
    sql`select n.id, n.kind, n.title_th as "titleTh", n.title_en as "titleEn", n.body_th as "bodyTh", n.body_en as "bodyEn", n.link,
               n.created_at as "createdAt", n.read_at as "readAt",
               (select o.status from notification_outbox o where o.tenant_id = n.tenant_id and o.notification_id = n.id
                 order by o.created_at desc limit 1) as email,
               ${totalOver} as total
        from notifications n
        where n.tenant_id = ${tenantId} and n.user_id = ${userId} ${opts.unreadOnly ? sql`and n.read_at is null` : sql``}
        order by n.created_at desc, n.id
        limit ${opts.limit} offset ${opts.offset}`,
  );
}

export async function unreadOf(tx: Tx, tenantId: string, userId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(
    tx,
    sql`select count(*)::int as n from notifications where tenant_id = ${tenantId} and user_id = ${userId} and read_at is null`,
  );
  return r.n;
}

async function userIds(tx: Tx, query: SQL) {
  return (await rows<{ id: string }>(tx, query)).map((r) => r.id);
}

/** Accounts (active, in this tenant) of the committee's members in office on the day. */
export function committeeUsers(tx: Tx, tenantId: string, committeeId: string, day: string) {
  return userIds(
    tx,
    sql`select distinct tu.user_id as id
        from committee_members cm
        join tenant_users tu on tu.tenant_id = cm.tenant_id and tu.party_id = cm.party_id and tu.active
        join users u on u.id = tu.user_id and u.active
        where cm.tenant_id = ${tenantId} and cm.committee_id = ${committeeId}
          and cm.start_date <= ${day}::date and (cm.end_date is null or cm.end_date >= ${day}::date)`,
  );
}

/** Admins and officers (the maker-checker's checkers), never the maker. */
export function checkers(tx: Tx, tenantId: string, exceptUserId: string | null) {
  return userIds(
    tx,
    sql`select tu.user_id as id from tenant_users tu join users u on u.id = tu.user_id and u.active
        where tu.tenant_id = ${tenantId} and tu.active and tu.role in ('admin', 'officer')
          and (${exceptUserId}::uuid is null or tu.user_id <> ${exceptUserId}::uuid)`,
  );
}

/** Accounts linked to a registry person. */
export function partyUsers(tx: Tx, tenantId: string, partyId: string) {
  return userIds(
    tx,
    sql`select tu.user_id as id from tenant_users tu join users u on u.id = tu.user_id and u.active
        where tu.tenant_id = ${tenantId} and tu.active and tu.party_id = ${partyId}`,
  );
}

/** A meeting's agenda titles by section, in order (for the invitation's .ics). */
export function agendaTitles(tx: Tx, tenantId: string, meetingId: string) {
  return rows<{ section: number; title: string }>(
    tx,
    sql`select section, title from meeting_agenda_items where tenant_id = ${tenantId} and meeting_id = ${meetingId} order by section, position, created_at, id`,
  );
}

export interface NewNotification extends NotificationText {
  entityId: string | null;
  /** One notification per person and key (null: no such rule). */
  dedupeKey: string | null;
}

/** One notification per user (once per dedupe key); returns the ones that were new. */
export function insertNotifications(tx: Tx, tenantId: string, userIdList: string[], m: NewNotification) {
  return tx
    .insert(notifications)
    .values(
      userIdList.map((userId) => ({
        tenantId,
        userId,
        kind: m.kind,
        titleTh: m.titleTh,
        titleEn: m.titleEn,
        bodyTh: m.bodyTh,
        bodyEn: m.bodyEn,
        link: m.link,
        entityId: m.entityId,
        dedupeKey: m.dedupeKey,
      })),
    )
    .onConflictDoNothing()
    .returning({ id: notifications.id, userId: notifications.userId });
}

/** Of these users, the active ones who consented to e-mail, with their address and language. */
export function emailConsenting(tx: Tx, tenantId: string, userIdList: string[]) {
  return rows<{ id: string; email: string; language: 'th' | 'en' }>(
    tx,
    sql`select u.id, u.email, p.language from notification_preferences p join users u on u.id = p.user_id
        where p.tenant_id = ${tenantId} and p.email_enabled and u.active
          and p.user_id in (${sql.join(
            userIdList.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
  );
}

export type NewOutboxRow = typeof notificationOutbox.$inferInsert;

export async function insertOutbox(tx: Tx, values: NewOutboxRow[]): Promise<void> {
  await tx.insert(notificationOutbox).values(values);
}

export interface DueActionItem {
  id: string;
  title: string;
  dueDate: string;
  ownerPartyId: string;
  resolutionText: string;
  daysLeft: number;
}

/** Action items (and their tasks, when not done) due from `today` to `withinDays` days ahead. */
export function dueActionItems(tx: Tx, tenantId: string, today: string, withinDays: number) {
  return rows<DueActionItem>(
    tx,
    sql`select ai.id, ai.title, d.due::text as "dueDate", ai.owner_party_id as "ownerPartyId", r.text as "resolutionText",
               (d.due - ${today}::date)::int as "daysLeft"
        from resolution_action_items ai
        join resolutions r on r.tenant_id = ai.tenant_id and r.id = ai.resolution_id
        left join tasks t on t.tenant_id = ai.tenant_id and t.id = ai.task_id
        cross join lateral (select coalesce(t.due_date, ai.due_date) as due) d
        where ai.tenant_id = ${tenantId} and (t.id is null or t.status not in ('done', 'cancelled'))
          and d.due between ${today}::date and ${today}::date + ${withinDays}::int
        order by d.due, ai.id`,
  );
}

export interface ClaimedMail {
  id: string;
  recipient: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  attachments: OutboxAttachment[];
  attempts: number;
}

/**
 * Claim up to `limit` pending messages due at `now`. SKIP LOCKED: a second process claims other rows; the lease
 * (next_attempt_at moved to `leaseUntil`) keeps a row out of the next rounds while it is being sent, outside any
 * database transaction.
 */
export function claimOutbox(tx: Tx, tenantId: string, now: Date, leaseUntil: Date, limit: number) {
  return rows<ClaimedMail>(
    tx,
    sql`with due as (
          select id from notification_outbox
          where tenant_id = ${tenantId} and status = 'pending' and next_attempt_at <= ${now.toISOString()}::timestamptz
          order by next_attempt_at, id limit ${limit} for update skip locked)
        update notification_outbox o set attempts = o.attempts + 1, next_attempt_at = ${leaseUntil.toISOString()}::timestamptz
        from due where o.tenant_id = ${tenantId} and o.id = due.id
        returning o.id, o.recipient, o.subject, o.body_text as "bodyText", o.body_html as "bodyHtml", o.attachments, o.attempts`,
  );
}

export async function markSent(tx: Tx, tenantId: string, id: string, at: Date): Promise<void> {
  await tx.execute(
    sql`update notification_outbox set status = 'sent', sent_at = ${at.toISOString()}::timestamptz, last_error = null
        where tenant_id = ${tenantId} and id = ${id}`,
  );
}

/** A failed attempt: back to pending until `nextAttemptAt`, or failed for good. */
export async function markAttemptFailed(tx: Tx, tenantId: string, id: string, failed: boolean, error: string, nextAttemptAt: Date): Promise<void> {
  await tx.execute(
    sql`update notification_outbox set status = ${failed ? 'failed' : 'pending'}, last_error = ${error},
          next_attempt_at = ${nextAttemptAt.toISOString()}::timestamptz
        where tenant_id = ${tenantId} and id = ${id}`,
  );
}

/** One of the user's notifications (undefined when it is not theirs). */
export async function ownNotification(tx: Tx, tenantId: string, userId: string, id: string) {
  const [found] = await tx
    .select({ id: notifications.id, readAt: notifications.readAt })
    .from(notifications)
    .where(and(eq(notifications.tenantId, tenantId), eq(notifications.id, id), eq(notifications.userId, userId)));
  return found;
}

export async function setRead(tx: Tx, tenantId: string, id: string, at: Date): Promise<void> {
  await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.tenantId, tenantId), eq(notifications.id, id)));
}

export async function setAllRead(tx: Tx, tenantId: string, userId: string, at: Date): Promise<void> {
  await tx
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.tenantId, tenantId), eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** The user's channel preferences (undefined before they saved any); `forUpdate` locks the row. */
export async function preferencesRow(tx: Tx, tenantId: string, userId: string, forUpdate = false) {
  const q = tx
    .select()
    .from(notificationPreferences)
    .where(and(eq(notificationPreferences.tenantId, tenantId), eq(notificationPreferences.userId, userId)));
  const [p] = forUpdate ? await q.for('update') : await q;
  return p;
}

export type PreferencesValues = Omit<typeof notificationPreferences.$inferInsert, 'tenantId' | 'userId'>;

export async function upsertPreferences(tx: Tx, tenantId: string, userId: string, values: PreferencesValues): Promise<void> {
  await tx
    .insert(notificationPreferences)
    .values({ tenantId, userId, ...values })
    .onConflictDoUpdate({ target: [notificationPreferences.tenantId, notificationPreferences.userId], set: values });
}

export function outboxPage(tx: Tx, tenantId: string, status: string, limit: number, offset: number) {
  return rows<OutboxItem & { total: number }>(
    tx,
    sql`select id, recipient, subject, status, attempts, next_attempt_at as "nextAttemptAt", last_error as "lastError", sent_at as "sentAt",
               created_at as "createdAt", ${totalOver} as total
        from notification_outbox where tenant_id = ${tenantId} and status = ${status}
        order by created_at desc, id limit ${limit} offset ${offset}`,
  );
}

/** An outbox row, locked. */
export async function outboxRowForUpdate(tx: Tx, tenantId: string, id: string) {
  const [row] = await tx
    .select({ status: notificationOutbox.status, subject: notificationOutbox.subject, recipient: notificationOutbox.recipient })
    .from(notificationOutbox)
    .where(and(eq(notificationOutbox.tenantId, tenantId), eq(notificationOutbox.id, id)))
    .for('update');
  return row;
}

/** Back to the queue with a fresh count of attempts. */
export async function requeue(tx: Tx, tenantId: string, id: string, at: Date): Promise<void> {
  await tx
    .update(notificationOutbox)
    .set({ status: 'pending', attempts: 0, nextAttemptAt: at })
    .where(and(eq(notificationOutbox.tenantId, tenantId), eq(notificationOutbox.id, id)));
}
