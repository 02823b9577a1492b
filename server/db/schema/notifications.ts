import { boolean, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Migrations 0040 (hand-written, the source of truth: FKs, checks, partial indexes) and 0041 (RLS). Mirrors them for typed queries.

export const notifications = pgTable(
  'notifications',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    kind: text('kind').notNull(),
    titleTh: text('title_th').notNull(),
    titleEn: text('title_en').notNull(),
    bodyTh: text('body_th').notNull(),
    bodyEn: text('body_en').notNull(),
    /** A path inside the web app, e.g. /t/chomphu/meetings/… */
    link: text('link').notNull(),
    entityId: uuid('entity_id'),
    /** One notification per person and event: unique (tenant_id, user_id, dedupe_key). */
    dedupeKey: text('dedupe_key'),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** A person's channels in one tenant: in-app always; e-mail only with a recorded consent. */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    tenantId: uuid('tenant_id').notNull(),
    userId: uuid('user_id').notNull(),
    emailEnabled: boolean('email_enabled').notNull().default(false),
    language: text('language').notNull().default('th'),
    emailConsentedAt: timestamp('email_consented_at', { withTimezone: true }),
    emailConsentMethod: text('email_consent_method'),
    emailConsentText: text('email_consent_text'),
    emailWithdrawnAt: timestamp('email_withdrawn_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);

export interface OutboxAttachment {
  filename: string;
  contentType: string;
  /** UTF-8 text (an .ics file). */
  content: string;
}

/** Messages waiting for (or done with) a channel; the dispatcher sends them. */
export const notificationOutbox = pgTable(
  'notification_outbox',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    notificationId: uuid('notification_id').notNull(),
    channel: text('channel').notNull().default('email'),
    recipient: text('recipient').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    bodyHtml: text('body_html').notNull(),
    attachments: jsonb('attachments').$type<OutboxAttachment[]>().notNull().default([]),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
