import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './platform';
import { parties } from './registry';
import { networks } from './networks';
import { strategies, strategyIndicators } from './strategy';

const STATUS_CHECK = (col: unknown) => sql`${col} in ('planned', 'in_progress', 'done', 'delayed', 'cancelled')`;

/** A joint action plan (แผนปฏิบัติการร่วม) of one or several networks for one fiscal year (B.E.). */
export const plans = pgTable(
  'plans',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }).notNull(),
    description: text('description'),
    /** How projects weigh in the plan's progress: by budget or by their explicit weight. */
    weightBy: text('weight_by').notNull().default('budget'),
    /** The plan this one was carried forward from (last fiscal year). */
    predecessorPlanId: uuid('predecessor_plan_id'),
    /** The committee resolution that adopted the plan (FK in migration 0017; only a new resolution clears it). */
    adoptedByResolutionId: uuid('adopted_by_resolution_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.predecessorPlanId], foreignColumns: [t.tenantId, t.id] }).onDelete('set null'),
    // one successor per plan: carrying forward twice finds the same plan
    unique('plans_predecessor_uq').on(t.tenantId, t.predecessorPlanId),
    index('plans_tenant_year_idx').on(t.tenantId, t.fiscalYear),
    // one plan of a name per fiscal year (0015)
    uniqueIndex('plans_name_year_uq').on(t.tenantId, t.fiscalYear, sql`lower(${t.name})`),
    check('plans_weight_by_check', sql`${t.weightBy} in ('budget', 'weight')`),
    check('plans_dates_check', sql`${t.endDate} >= ${t.startDate}`),
  ],
);

export const planNetworks = pgTable(
  'plan_networks',
  {
    tenantId: uuid('tenant_id').notNull(),
    planId: uuid('plan_id').notNull(),
    networkId: uuid('network_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.planId, t.networkId] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.networkId], foreignColumns: [networks.tenantId, networks.id] }).onDelete('cascade'),
    index('plan_networks_network_idx').on(t.tenantId, t.networkId),
  ],
);

/** A project (โครงการ) of a plan. */
export const planProjects = pgTable(
  'plan_projects',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    name: text('name').notNull(),
    objectives: text('objectives'),
    outputTarget: text('output_target'),
    indicatorText: text('indicator_text'),
    strategyId: uuid('strategy_id'),
    leadPartyId: uuid('lead_party_id'),
    supportingPartyIds: uuid('supporting_party_ids').array().notNull().default([]),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    status: text('status').notNull().default('planned'),
    /** How activities weigh in this project's progress: by budget or by their explicit weight. */
    weightBy: text('weight_by').notNull().default('budget'),
    /** Used when the plan weighs projects by weight. */
    weight: integer('weight'),
    sortOrder: integer('sort_order').notNull().default(0),
    predecessorProjectId: uuid('predecessor_project_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.strategyId], foreignColumns: [strategies.tenantId, strategies.id] }).onDelete('set null'),
    foreignKey({ columns: [t.tenantId, t.leadPartyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('set null'),
    foreignKey({ columns: [t.tenantId, t.predecessorProjectId], foreignColumns: [t.tenantId, t.id] }).onDelete('set null'),
    // a project is carried into a given plan at most once
    unique('plan_projects_predecessor_uq').on(t.tenantId, t.planId, t.predecessorProjectId),
    index('plan_projects_plan_idx').on(t.tenantId, t.planId),
    index('plan_projects_strategy_idx').on(t.tenantId, t.strategyId),
    check('plan_projects_status_check', STATUS_CHECK(t.status)),
    check('plan_projects_weight_by_check', sql`${t.weightBy} in ('budget', 'weight')`),
    check('plan_projects_weight_check', sql`${t.weight} is null or ${t.weight} >= 0`),
  ],
);

/** Indicators of the strategy that a project serves (strategy map: project → indicator). */
export const planProjectIndicators = pgTable(
  'plan_project_indicators',
  {
    tenantId: uuid('tenant_id').notNull(),
    projectId: uuid('project_id').notNull(),
    indicatorId: uuid('indicator_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.projectId, t.indicatorId] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [planProjects.tenantId, planProjects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.indicatorId], foreignColumns: [strategyIndicators.tenantId, strategyIndicators.id] }).onDelete('cascade'),
  ],
);

/** An activity (กิจกรรม) of a project. Budget in integer satang. */
export const planActivities = pgTable(
  'plan_activities',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    planId: uuid('plan_id').notNull(),
    projectId: uuid('project_id').notNull(),
    name: text('name').notNull(),
    objectives: text('objectives'),
    outputTarget: text('output_target'),
    indicatorText: text('indicator_text'),
    budgetSatang: bigint('budget_satang', { mode: 'number' }).notNull().default(0),
    weight: integer('weight'),
    leadPartyId: uuid('lead_party_id'),
    supportingPartyIds: uuid('supporting_party_ids').array().notNull().default([]),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    status: text('status').notNull().default('planned'),
    /** The percentage of the latest progress report (0 until one is made). */
    progress: integer('progress').notNull().default(0),
    sortOrder: integer('sort_order').notNull().default(0),
    predecessorActivityId: uuid('predecessor_activity_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [planProjects.tenantId, planProjects.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.leadPartyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('set null'),
    foreignKey({ columns: [t.tenantId, t.predecessorActivityId], foreignColumns: [t.tenantId, t.id] }).onDelete('set null'),
    unique('plan_activities_predecessor_uq').on(t.tenantId, t.planId, t.predecessorActivityId),
    index('plan_activities_project_idx').on(t.tenantId, t.projectId),
    index('plan_activities_plan_idx').on(t.tenantId, t.planId),
    check('plan_activities_status_check', STATUS_CHECK(t.status)),
    check('plan_activities_budget_check', sql`${t.budgetSatang} >= 0`),
    check('plan_activities_weight_check', sql`${t.weight} is null or ${t.weight} >= 0`),
    check('plan_activities_progress_check', sql`${t.progress} between 0 and 100`),
  ],
);

/** A progress report on an activity: date, text, percentage, optional photo links. */
export const planProgressReports = pgTable(
  'plan_progress_reports',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    activityId: uuid('activity_id').notNull(),
    reportedOn: date('reported_on', { mode: 'string' }).notNull(),
    text: text('text').notNull(),
    percentage: integer('percentage').notNull(),
    photoUrls: text('photo_urls').array().notNull().default([]),
    reportedByUserId: uuid('reported_by_user_id'),
    reportedByName: text('reported_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.activityId], foreignColumns: [planActivities.tenantId, planActivities.id] }).onDelete('cascade'),
    index('plan_progress_reports_activity_idx').on(t.tenantId, t.activityId, t.reportedOn),
    check('plan_progress_reports_percentage_check', sql`${t.percentage} between 0 and 100`),
  ],
);
