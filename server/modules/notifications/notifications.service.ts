import type { z } from 'zod';
import type {
  NotificationItem,
  NotificationList,
  NotificationPreferences,
  notificationListQuery,
  notificationPreferencesUpdate,
  OutboxItem,
  outboxListQuery,
} from '../../../common/schemas/notifications';
import type { ListResult } from '../../../common/schemas/api';
import { emailOf } from '../users/users.repository';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { consentRecord } from './messages';
import * as repo from './notifications.repository';

/** Every read and write here is the caller's own: a notification of someone else is "not found". */
const me = (ctx: TenantContext) => ctx.actor.user.id;
const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

function present(ctx: TenantContext, r: repo.NotificationRow): NotificationItem {
  const en = ctx.lang === 'en';
  return {
    id: r.id,
    kind: r.kind as NotificationItem['kind'],
    title: en ? r.titleEn : r.titleTh,
    body: en ? r.bodyEn : r.bodyTh,
    link: r.link,
    createdAt: iso(r.createdAt)!,
    readAt: iso(r.readAt),
    email: r.email,
  };
}

export function listNotifications(ctx: TenantContext, q: z.output<typeof notificationListQuery>): Promise<NotificationList> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const found = await repo.listFor(tx, ctx.tenant.id, me(ctx), { unreadOnly: q.unread === 'true', limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return {
      items: found.map((r) => present(ctx, r)),
      total: found[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
      unread: await repo.unreadOf(tx, ctx.tenant.id, me(ctx)),
    };
  });
}

export const unreadCount = (ctx: TenantContext) =>
  withTenant(ctx.db, ctx.tenant.id, async (tx) => ({ unread: await repo.unreadOf(tx, ctx.tenant.id, me(ctx)) }));

export function markRead(ctx: TenantContext, id: string): Promise<{ unread: number }> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const found = await repo.ownNotification(tx, ctx.tenant.id, me(ctx), id);
    if (!found) throw new AppError('not_found');
    if (!found.readAt) await repo.setRead(tx, ctx.tenant.id, id, new Date());
    return { unread: await repo.unreadOf(tx, ctx.tenant.id, me(ctx)) };
  });
}

export function markAllRead(ctx: TenantContext): Promise<{ unread: number }> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await repo.setAllRead(tx, ctx.tenant.id, me(ctx), new Date());
    return { unread: 0 };
  });
}

// ---- channels ----

async function preferencesOf(tx: Tx, ctx: TenantContext, emailAvailable: boolean): Promise<NotificationPreferences> {
  const p = await repo.preferencesRow(tx, ctx.tenant.id, me(ctx));
  const u = { email: await emailOf(tx, me(ctx)) };
  return {
    inApp: true,
    email: p?.emailEnabled ?? false,
    emailAddress: u?.email ?? '',
    language: (p?.language as 'th' | 'en') ?? 'th',
    emailConsentedAt: iso(p?.emailConsentedAt ?? null),
    emailConsentMethod: p?.emailConsentMethod ?? null,
    emailWithdrawnAt: iso(p?.emailWithdrawnAt ?? null),
    emailAvailable,
  };
}

export const getPreferences = (ctx: TenantContext, emailAvailable: boolean) =>
  withTenant(ctx.db, ctx.tenant.id, (tx) => preferencesOf(tx, ctx, emailAvailable));

/**
 * In-app is always on. E-mail goes on only with the consent ticked; the time, the way (this settings
 * form) and the wording shown are recorded, and kept when e-mail is turned off again (with the time of
 * withdrawal), so the record shows what a person agreed to and when. Audited.
 */
export function updatePreferences(
  ctx: TenantContext,
  input: z.output<typeof notificationPreferencesUpdate>,
  emailAvailable: boolean,
): Promise<NotificationPreferences> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await repo.preferencesRow(tx, ctx.tenant.id, me(ctx), true);
    const now = new Date();
    const turningOn = input.email && !before?.emailEnabled;
    const turningOff = !input.email && !!before?.emailEnabled;
    const values = {
      emailEnabled: input.email,
      language: input.language ?? before?.language ?? 'th',
      emailConsentedAt: turningOn ? now : (before?.emailConsentedAt ?? null),
      emailConsentMethod: turningOn ? 'web_settings_checkbox' : (before?.emailConsentMethod ?? null),
      emailConsentText: turningOn ? consentRecord(ctx.lang) : (before?.emailConsentText ?? null),
      emailWithdrawnAt: turningOn ? null : turningOff ? now : (before?.emailWithdrawnAt ?? null),
      updatedAt: now,
    };
    await repo.upsertPreferences(tx, ctx.tenant.id, me(ctx), values);
    const view = (p: { emailEnabled: boolean; language: string; emailConsentedAt: Date | null; emailWithdrawnAt: Date | null } | undefined) =>
      p ? { emailEnabled: p.emailEnabled, language: p.language, emailConsentedAt: iso(p.emailConsentedAt), emailWithdrawnAt: iso(p.emailWithdrawnAt) } : null;
    await audit(tx, ctx, {
      entity: 'notification_preference',
      entityId: me(ctx),
      entityLabel: ctx.actor.user.name,
      action: before ? 'update' : 'create',
      before: view(before),
      after: view(values),
    });
    return preferencesOf(tx, ctx, emailAvailable);
  });
}

// ---- the outbox, for admins: what failed, and sending it again ----

export function listOutbox(ctx: TenantContext, q: z.output<typeof outboxListQuery>): Promise<ListResult<OutboxItem>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const found = await repo.outboxPage(tx, ctx.tenant.id, q.status, q.pageSize, (q.page - 1) * q.pageSize);
    return {
      items: found.map(({ total: _t, ...o }) => ({
        ...o,
        nextAttemptAt: iso(o.nextAttemptAt)!,
        sentAt: iso(o.sentAt),
        createdAt: iso(o.createdAt)!,
      })),
      total: found[0]?.total ?? 0,
      page: q.page,
      pageSize: q.pageSize,
    };
  });
}

/** A failed e-mail goes back to the queue with a fresh count of attempts. */
export function retryOutbox(ctx: TenantContext, id: string): Promise<void> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const row = await repo.outboxRowForUpdate(tx, ctx.tenant.id, id);
    if (!row) throw new AppError('not_found');
    if (row.status !== 'failed') throw new AppError('conflict', { status: 'outbox_not_failed' });
    await repo.requeue(tx, ctx.tenant.id, id, new Date());
    await audit(tx, ctx, {
      entity: 'notification_outbox',
      entityId: id,
      entityLabel: row.subject,
      action: 'update',
      before: { status: 'failed' },
      after: { status: 'pending' },
    });
  });
}
