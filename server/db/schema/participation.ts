import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './platform';
import { parties } from './registry';
import { networks } from './networks';
import { planActivities, plans } from './plans';

/**
 * Who took part (a partner, or a head count from a village/group), when, in what, and at which
 * level: issue (raising problems), plan (co-planning, joint decisions) or operation (doing the
 * work, contributing labour, money or materials). Pillar and sector are copied from the partner
 * when the record is made, so the matrix is one aggregate over this table.
 */
export const participationRecords = pgTable(
  'participation_records',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    level: text('level').notNull(),
    subjectKind: text('subject_kind').notNull(),
    title: text('title').notNull(),
    networkId: uuid('network_id'),
    planId: uuid('plan_id'),
    activityId: uuid('activity_id'),
    partyId: uuid('party_id'),
    groupName: text('group_name'),
    headCount: integer('head_count').notNull().default(1),
    pillar: text('pillar'),
    sector: text('sector'),
    contribution: text('contribution').notNull(),
    amountSatang: bigint('amount_satang', { mode: 'number' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.networkId], foreignColumns: [networks.tenantId, networks.id] }).onDelete('set null'),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('set null'),
    foreignKey({ columns: [t.tenantId, t.activityId], foreignColumns: [planActivities.tenantId, planActivities.id] }).onDelete('set null'),
    foreignKey({ columns: [t.tenantId, t.partyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('cascade'),
    index('participation_year_level_idx').on(t.tenantId, t.fiscalYear, t.level),
    index('participation_network_idx').on(t.tenantId, t.networkId),
    index('participation_party_idx').on(t.tenantId, t.partyId),
    index('participation_activity_idx').on(t.tenantId, t.activityId),
    check('participation_level_check', sql`${t.level} in ('issue', 'plan', 'operation')`),
    check('participation_head_count_check', sql`${t.headCount} >= 1`),
    check('participation_amount_check', sql`${t.amountSatang} is null or ${t.amountSatang} >= 0`),
    check('participation_who_check', sql`${t.partyId} is not null or ${t.groupName} is not null`),
  ],
);
