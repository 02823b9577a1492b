import { sql } from 'drizzle-orm';
import { check, date, doublePrecision, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './platform';
import { parties } from './registry';
import { networks } from './networks';

/** Vision and missions of the tenant (network_id null) or of one network: one row per scope. */
export const strategyFrames = pgTable(
  'strategy_frames',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    networkId: uuid('network_id'),
    vision: text('vision'),
    missions: text('missions').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.networkId], foreignColumns: [networks.tenantId, networks.id] }).onDelete('cascade'),
    unique('strategy_frames_scope_uq').on(t.tenantId, t.networkId).nullsNotDistinct(),
  ],
);

/** The heading a goal and a strategy share (strategy.service.ts updates and audits them alike). */
const namedColumns = () => ({
  code: text('code'),
  name: text('name').notNull(),
  description: text('description'),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** A goal (เป้าประสงค์); shared by the networks and partners linked to it. */
export const strategyGoals = pgTable(
  'strategy_goals',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    ...namedColumns(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const strategyGoalNetworks = pgTable(
  'strategy_goal_networks',
  {
    tenantId: uuid('tenant_id').notNull(),
    goalId: uuid('goal_id').notNull(),
    networkId: uuid('network_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.goalId, t.networkId] }),
    foreignKey({ columns: [t.tenantId, t.goalId], foreignColumns: [strategyGoals.tenantId, strategyGoals.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.networkId], foreignColumns: [networks.tenantId, networks.id] }).onDelete('cascade'),
    index('strategy_goal_networks_network_idx').on(t.tenantId, t.networkId),
  ],
);

export const strategyGoalParties = pgTable(
  'strategy_goal_parties',
  {
    tenantId: uuid('tenant_id').notNull(),
    goalId: uuid('goal_id').notNull(),
    partyId: uuid('party_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.goalId, t.partyId] }),
    foreignKey({ columns: [t.tenantId, t.goalId], foreignColumns: [strategyGoals.tenantId, strategyGoals.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.partyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('cascade'),
  ],
);

/** A strategy (ยุทธศาสตร์) serving one goal. */
export const strategies = pgTable(
  'strategies',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    goalId: uuid('goal_id').notNull(),
    ...namedColumns(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.goalId], foreignColumns: [strategyGoals.tenantId, strategyGoals.id] }).onDelete('cascade'),
    index('strategies_goal_idx').on(t.tenantId, t.goalId),
  ],
);

/** An indicator (ตัวชี้วัด) of a goal or of a strategy. */
export const strategyIndicators = pgTable(
  'strategy_indicators',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    goalId: uuid('goal_id').notNull(),
    strategyId: uuid('strategy_id'),
    name: text('name').notNull(),
    unit: text('unit').notNull(),
    direction: text('direction').notNull(),
    baseline: doublePrecision('baseline'),
    baselineYear: integer('baseline_year'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.goalId], foreignColumns: [strategyGoals.tenantId, strategyGoals.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.strategyId], foreignColumns: [strategies.tenantId, strategies.id] }).onDelete('cascade'),
    index('strategy_indicators_goal_idx').on(t.tenantId, t.goalId),
    check('strategy_indicators_direction_check', sql`${t.direction} in ('higher', 'lower')`),
  ],
);

/** The target of an indicator in one fiscal year (B.E.). */
export const strategyIndicatorTargets = pgTable(
  'strategy_indicator_targets',
  {
    tenantId: uuid('tenant_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    target: doublePrecision('target').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.indicatorId, t.fiscalYear] }),
    foreignKey({ columns: [t.tenantId, t.indicatorId], foreignColumns: [strategyIndicators.tenantId, strategyIndicators.id] }).onDelete('cascade'),
  ],
);

/** A measured value of an indicator; evidence is a note and/or a link. */
export const strategyMeasurements = pgTable(
  'strategy_measurements',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    indicatorId: uuid('indicator_id').notNull(),
    value: doublePrecision('value').notNull(),
    measuredOn: date('measured_on', { mode: 'string' }).notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    source: text('source'),
    evidenceNote: text('evidence_note'),
    evidenceUrl: text('evidence_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.indicatorId], foreignColumns: [strategyIndicators.tenantId, strategyIndicators.id] }).onDelete('cascade'),
    index('strategy_measurements_indicator_idx').on(t.tenantId, t.indicatorId, t.measuredOn),
  ],
);
