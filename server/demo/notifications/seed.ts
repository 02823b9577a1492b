import { sql } from 'drizzle-orm';
import type { TenantRef } from '../../platform/context';
import { withTenant, type Db } from '../../platform/db';
import { rows } from '../../platform/sql';
import { todayInThailand } from '../../platform/today';
import { meetingRows } from '../../modules/committees/meetings.repository';
import * as content from '../../modules/notifications/content';
import { deliver, invitationIcs } from '../../modules/notifications/notify';

/**
 * A few notifications for the people who can log in to the demo (the platform admins: the demo has no
 * other accounts), made from the demo's own records so that every link leads somewhere: the invitation
 * to the steering committee's coming meeting, the last meeting's minutes waiting for certification,
 * ledger transactions waiting for a second officer and the nearest action item. The oldest is read.
 * In-app only (nobody consented to e-mail). Loaded when the tenant has no notifications yet.
 */
export async function seedNotifications(db: Db, tenant: TenantRef): Promise<{ notifications: number } | null> {
  const admins = await rows<{ id: string }>(db, sql`select id from users where is_platform_admin and active`);
  const people = admins.map((r) => r.id);
  if (!people.length) return null;
  return withTenant(db, tenant.id, async (tx) => {
    const [{ n }] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from notifications where tenant_id = ${tenant.id}`);
    if (n > 0) return null;
    const today = todayInThailand();
    const messages: content.Message[] = [];

    const [draft] = await meetingRows(tx, tenant.id, { minutesStatus: 'draft', to: today }, { limit: 1 });
    if (draft) messages.push(content.minutesToCertify(tenant.slug, draft));
    const pending = await rows<{ id: string; description: string; totalSatang: number; makerName: string | null; reviewReasons: string[] }>(
      tx,
      sql`select id, description, total_satang::float8 as "totalSatang", maker_name as "makerName", review_reasons as "reviewReasons"
          from ledger_transactions where tenant_id = ${tenant.id} and status = 'pending' and review_reasons <> '{evidence}'
          order by occurred_on desc, id limit 2`,
    );
    for (const t of pending.reverse()) messages.push(content.transactionWaiting(tenant.slug, t));
    const [item] = await rows<{ id: string; title: string; dueDate: string; resolutionText: string; daysLeft: number }>(
      tx,
      sql`select ai.id, ai.title, ai.due_date::text as "dueDate", r.text as "resolutionText", (ai.due_date - ${today}::date)::int as "daysLeft"
          from resolution_action_items ai join resolutions r on r.tenant_id = ai.tenant_id and r.id = ai.resolution_id
          where ai.tenant_id = ${tenant.id} and ai.due_date >= ${today}::date order by ai.due_date, ai.id limit 1`,
    );
    if (item) messages.push(content.actionItemDue(tenant.slug, item));
    const [next] = await meetingRows(tx, tenant.id, { from: today }, { order: 'asc', limit: 1 });
    if (next) messages.push(content.meetingInvitation(tenant.slug, next, await invitationIcs(tx, tenant, next)));

    let added = 0;
    for (const m of messages) added += await deliver(tx, tenant, people, m);
    // they arrive one after another (the invitation last, on top); the oldest has been read
    for (const [i, m] of messages.entries())
      await tx.execute(
        sql`update notifications set created_at = now() - make_interval(hours => ${3 * (messages.length - i)}),
                   read_at = ${i === 0 ? sql`now() - interval '1 hour'` : sql`null`}
            where tenant_id = ${tenant.id} and dedupe_key = ${m.dedupeKey}`,
      );
    return { notifications: added };
  });
}
