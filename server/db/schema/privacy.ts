import { boolean, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Migrations 0048 (hand-written, the source of truth: FKs, checks, the consent trigger) and 0049 (RLS, the audit
// redaction function). Mirrors them for typed queries. PDPA: docs/decisions/0017-pdpa.md.

/** A person's consent or other lawful basis for one purpose; withdrawal is added once, the row is never deleted. */
export const privacyConsents = pgTable(
  'privacy_consents',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    partyId: uuid('party_id').notNull(),
    purpose: text('purpose').notNull(),
    lawfulBasis: text('lawful_basis').notNull(),
    givenOn: date('given_on', { mode: 'string' }).notNull(),
    method: text('method').notNull(),
    recordedByUserId: uuid('recorded_by_user_id'),
    recordedByName: text('recorded_by_name').notNull(),
    note: text('note'),
    withdrawnOn: date('withdrawn_on', { mode: 'string' }),
    withdrawnByName: text('withdrawn_by_name'),
    withdrawalNote: text('withdrawal_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** The tenant's privacy notice: who the controller and the DPO are, and words of its own; the rest is derived. */
export const privacyNotices = pgTable('privacy_notices', {
  tenantId: uuid('tenant_id').primaryKey(),
  controllerName: text('controller_name').notNull(),
  controllerAddress: text('controller_address'),
  controllerContact: text('controller_contact'),
  dpoName: text('dpo_name'),
  dpoContact: text('dpo_contact'),
  intro: text('intro'),
  extra: text('extra'),
  updatedByName: text('updated_by_name').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Record of processing activities (PDPA section 39). `defaultKey` marks the rows made from Phakhi's defaults. */
export const privacyActivities = pgTable(
  'privacy_activities',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    defaultKey: text('default_key'),
    position: integer('position').notNull().default(0),
    name: text('name').notNull(),
    purpose: text('purpose').notNull(),
    lawfulBasis: text('lawful_basis').notNull(),
    dataSubjects: text('data_subjects').notNull(),
    dataCategories: text('data_categories').array().notNull().default([]),
    sensitiveData: boolean('sensitive_data').notNull().default(false),
    source: text('source'),
    recipients: text('recipients'),
    retention: text('retention').notNull(),
    securityMeasures: text('security_measures'),
    crossBorder: text('cross_border'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** Who saw which sensitive fields of whom, unmasked, and when. */
export const privacyAccessLog = pgTable(
  'privacy_access_log',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    viewerUserId: uuid('viewer_user_id'),
    viewerName: text('viewer_name').notNull(),
    viewerRole: text('viewer_role').notNull(),
    partyId: uuid('party_id').notNull(),
    fields: text('fields').array().notNull(),
    route: text('route').notNull(),
    viewedAt: timestamp('viewed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** Retention per kind of data (null = kept); the retention job applies it. */
export const privacyRetention = pgTable('privacy_retention', {
  tenantId: uuid('tenant_id').primaryKey(),
  inactivePeopleYears: integer('inactive_people_years'),
  accessLogMonths: integer('access_log_months'),
  updatedByName: text('updated_by_name').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  lastRunAt: timestamp('last_run_at', { withTimezone: true }),
  lastRunPeople: integer('last_run_people'),
  lastRunAccessRows: integer('last_run_access_rows'),
});

/** People whose personal data was erased (anonymised in place), on request or by retention. */
export const privacyErasures = pgTable(
  'privacy_erasures',
  {
    tenantId: uuid('tenant_id').notNull(),
    partyId: uuid('party_id').notNull(),
    reason: text('reason').notNull(),
    note: text('note'),
    erasedByName: text('erased_by_name').notNull(),
    erasedAt: timestamp('erased_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.partyId] })],
);
