import { z } from 'zod';
import { listQuery } from './api';

/** Issue 13 item 8: a person's notifications, their channels, and the e-mail outbox. */

export const NOTIFICATION_KINDS = ['meeting_invitation', 'minutes_to_certify', 'action_item_due', 'approval_waiting'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const OUTBOX_STATUSES = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export const NOTIFICATION_LANGUAGES = ['th', 'en'] as const;

/**
 * The wording a person agrees to when they turn e-mail on; the server records it (with the time and
 * the way it was given) and the settings page shows the same text from its i18n files (a test compares them).
 */
export const EMAIL_CONSENT_VERSION = '2026-12';

export const notificationListQuery = listQuery.omit({ q: true }).extend({
  unread: z.enum(['true', 'false']).optional(),
});

export const notificationItem = z.object({
  id: z.uuid(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** A path inside the web app. */
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  /** The e-mail copy: null when none was queued (no consent), else its state. */
  email: z.enum(OUTBOX_STATUSES).nullable(),
});
export type NotificationItem = z.infer<typeof notificationItem>;

export const notificationList = z.object({
  items: z.array(notificationItem),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationList>;

export const unreadCount = z.object({ unread: z.number().int() });

export const notificationPreferences = z.object({
  inApp: z.literal(true),
  email: z.boolean(),
  /** Where e-mail goes: the account's address. */
  emailAddress: z.string(),
  language: z.enum(NOTIFICATION_LANGUAGES),
  emailConsentedAt: z.string().nullable(),
  emailConsentMethod: z.string().nullable(),
  emailWithdrawnAt: z.string().nullable(),
  /** Whether this server can send e-mail at all (PHAKHI_SMTP_… set). */
  emailAvailable: z.boolean(),
});
export type NotificationPreferences = z.infer<typeof notificationPreferences>;

export const notificationPreferencesUpdate = z
  .strictObject({
    email: z.boolean(),
    /** Required (true) to turn e-mail on: the person ticked the consent wording. */
    consent: z.boolean().optional(),
    language: z.enum(NOTIFICATION_LANGUAGES).optional(),
  })
  .refine((v) => !v.email || v.consent === true, { message: 'email_consent_required', path: ['consent'] });

export const outboxListQuery = listQuery.omit({ q: true }).extend({ status: z.enum(OUTBOX_STATUSES).default('failed') });
export const outboxItem = z.object({
  id: z.uuid(),
  recipient: z.string(),
  subject: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  nextAttemptAt: z.string(),
  lastError: z.string().nullable(),
  sentAt: z.string().nullable(),
  createdAt: z.string(),
});
export type OutboxItem = z.infer<typeof outboxItem>;
