import { bigint, date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Migrations 0030 (hand-written, the source of truth: FKs, checks, unique keys) and 0031 (RLS). Mirrors them for typed queries.

/** A community regulation (กฎระเบียบ); its text lives in versions. */
export const regulations = pgTable(
  'regulations',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    subject: text('subject').notNull(),
    networkId: uuid('network_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

/** A version: a draft, or adopted by a committee resolution or a recorded community vote, in force from its effective date. */
export const regulationVersions = pgTable(
  'regulation_versions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    regulationId: uuid('regulation_id').notNull(),
    number: integer('number').notNull(),
    status: text('status').notNull().default('draft'),
    title: text('title').notNull(),
    preamble: text('preamble'),
    effectiveFrom: date('effective_from'),
    changeNote: text('change_note'),
    adoptionKind: text('adoption_kind'),
    adoptedOn: date('adopted_on'),
    resolutionId: uuid('resolution_id'),
    votesFor: integer('votes_for'),
    votesAgainst: integer('votes_against'),
    votesAbstain: integer('votes_abstain'),
    voteNote: text('vote_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const regulationChapters = pgTable(
  'regulation_chapters',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    versionId: uuid('version_id').notNull(),
    number: integer('number').notNull(),
    title: text('title').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const regulationClauses = pgTable(
  'regulation_clauses',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    versionId: uuid('version_id').notNull(),
    chapterId: uuid('chapter_id').notNull(),
    position: integer('position').notNull(),
    number: text('number').notNull(),
    text: text('text').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const regulationFines = pgTable(
  'regulation_fines',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    versionId: uuid('version_id').notNull(),
    clauseId: uuid('clause_id').notNull(),
    position: integer('position').notNull(),
    offence: text('offence').notNull(),
    amountSatang: bigint('amount_satang', { mode: 'number' }).notNull(),
    repeatAmountSatang: bigint('repeat_amount_satang', { mode: 'number' }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

// Migration 0044: comment periods on a draft version and comments on its clauses (by clause number).
export const regulationCommentPeriods = pgTable(
  'regulation_comment_periods',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    versionId: uuid('version_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    note: text('note'),
    openedByName: text('opened_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const regulationComments = pgTable(
  'regulation_comments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    periodId: uuid('period_id').notNull(),
    clauseNumber: text('clause_number').notNull(),
    body: text('body').notNull(),
    channel: text('channel').notNull(),
    authorUserId: uuid('author_user_id'),
    authorName: text('author_name'),
    reply: text('reply'),
    answeredByName: text('answered_by_name'),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
