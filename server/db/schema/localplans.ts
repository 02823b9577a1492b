import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './platform';
import { parties } from './registry';
import { planProjects } from './plans';

// Migrations 0021 and 0042 (hand-written, the source of truth) and 0022/0043 (RLS). Mirrors them for typed queries.

/** A five-year local development plan (แผนพัฒนาท้องถิ่น) of the tenant itself (party null) or of a partner local government. */
export const localPlans = pgTable(
  'local_plans',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    partyId: uuid('party_id'),
    /** First plan year, B.E. (2566 for 2566–2570). */
    startYear: integer('start_year').notNull(),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'local_plans_party_fk', columns: [t.tenantId, t.partyId], foreignColumns: [parties.tenantId, parties.id] }),
    unique('local_plans_party_year_uq').on(t.tenantId, t.partyId, t.startYear).nullsNotDistinct(),
    check('local_plans_start_year_check', sql`${t.startYear} between 2500 and 2700`),
  ],
);

/** A strategy (ยุทธศาสตร์) of a local plan and the province's strategy it serves. */
export const localPlanStrategies = pgTable(
  'local_plan_strategies',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    localPlanId: uuid('local_plan_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    provinceStrategy: text('province_strategy'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'local_plan_strategies_plan_fk', columns: [t.tenantId, t.localPlanId], foreignColumns: [localPlans.tenantId, localPlans.id] }).onDelete(
      'cascade',
    ),
    index('local_plan_strategies_plan_idx').on(t.tenantId, t.localPlanId),
  ],
);

/** A programme (แผนงาน) under a strategy. */
export const localPlanProgrammes = pgTable(
  'local_plan_programmes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    strategyId: uuid('strategy_id').notNull(),
    position: integer('position').notNull(),
    name: text('name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'local_plan_programmes_strategy_fk',
      columns: [t.tenantId, t.strategyId],
      foreignColumns: [localPlanStrategies.tenantId, localPlanStrategies.id],
    }).onDelete('cascade'),
    index('local_plan_programmes_strategy_idx').on(t.tenantId, t.strategyId),
  ],
);

/** An edition: the original plan (number 0), or เพิ่มเติม / เปลี่ยนแปลง ครั้งที่ N, with its date and approving act. */
export const localPlanEditions = pgTable(
  'local_plan_editions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    localPlanId: uuid('local_plan_id').notNull(),
    kind: text('kind').notNull(),
    number: integer('number').notNull(),
    approvedOn: date('approved_on', { mode: 'string' }).notNull(),
    approvingAct: text('approving_act').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'local_plan_editions_plan_fk', columns: [t.tenantId, t.localPlanId], foreignColumns: [localPlans.tenantId, localPlans.id] }).onDelete(
      'cascade',
    ),
    unique('local_plan_editions_number_uq').on(t.tenantId, t.localPlanId, t.kind, t.number),
    check('local_plan_editions_kind_check', sql`(${t.kind} = 'original' and ${t.number} = 0) or (${t.kind} in ('addition', 'change') and ${t.number} >= 1)`),
  ],
);

/** A joint project carried by a local plan: where it sits, what it promises, and how far it got. */
export const localPlanProjects = pgTable(
  'local_plan_projects',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    localPlanId: uuid('local_plan_id').notNull(),
    projectId: uuid('project_id').notNull(),
    programmeId: uuid('programme_id').notNull(),
    objective: text('objective'),
    target: text('target'),
    kpi: text('kpi'),
    expectedResult: text('expected_result'),
    responsibleUnit: text('responsible_unit'),
    status: text('status').notNull().default('proposed'),
    editionId: uuid('edition_id'),
    dropReason: text('drop_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'local_plan_projects_plan_fk', columns: [t.tenantId, t.localPlanId], foreignColumns: [localPlans.tenantId, localPlans.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'local_plan_projects_project_fk', columns: [t.tenantId, t.projectId], foreignColumns: [planProjects.tenantId, planProjects.id] }),
    foreignKey({
      name: 'local_plan_projects_programme_fk',
      columns: [t.tenantId, t.programmeId],
      foreignColumns: [localPlanProgrammes.tenantId, localPlanProgrammes.id],
    }),
    foreignKey({
      name: 'local_plan_projects_edition_fk',
      columns: [t.tenantId, t.editionId],
      foreignColumns: [localPlanEditions.tenantId, localPlanEditions.id],
    }),
    unique('local_plan_projects_uq').on(t.tenantId, t.localPlanId, t.projectId),
    index('local_plan_projects_project_idx').on(t.tenantId, t.projectId),
    index('local_plan_projects_programme_idx').on(t.tenantId, t.programmeId),
    check('local_plan_projects_status_check', sql`${t.status} in ('proposed', 'integrated', 'in_budget', 'done', 'dropped')`),
    check('local_plan_projects_edition_check', sql`${t.status} in ('proposed', 'dropped') or ${t.editionId} is not null`),
    check('local_plan_projects_drop_check', sql`(${t.status} = 'dropped') = (${t.dropReason} is not null)`),
  ],
);

/** A local government's share of a joint project's budget in one plan year (B.E.). */
export const localPlanProjectYears = pgTable(
  'local_plan_project_years',
  {
    tenantId: uuid('tenant_id').notNull(),
    localPlanProjectId: uuid('local_plan_project_id').notNull(),
    year: integer('year').notNull(),
    budgetSatang: bigint('budget_satang', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'local_plan_project_years_pk', columns: [t.tenantId, t.localPlanProjectId, t.year] }),
    foreignKey({
      name: 'local_plan_project_years_item_fk',
      columns: [t.tenantId, t.localPlanProjectId],
      foreignColumns: [localPlanProjects.tenantId, localPlanProjects.id],
    }).onDelete('cascade'),
    check('local_plan_project_years_budget_check', sql`${t.budgetSatang} >= 0`),
  ],
);

// ---- between tenants (0042; docs/decisions/0016-cross-tenant-outbox.md) ----

/** A partner local government that is itself a Phakhi tenant (set by an admin of this tenant). */
export const localPlanTenantLinks = pgTable(
  'local_plan_tenant_links',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    partyId: uuid('party_id').notNull(),
    linkedTenantId: uuid('linked_tenant_id')
      .notNull()
      .references(() => tenants.id),
    linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'local_plan_tenant_links_pk', columns: [t.tenantId, t.partyId] }),
    foreignKey({ name: 'local_plan_tenant_links_party_fk', columns: [t.tenantId, t.partyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete(
      'cascade',
    ),
    unique('local_plan_tenant_links_tenant_uq').on(t.tenantId, t.linkedTenantId),
    check('local_plan_tenant_links_other_check', sql`${t.linkedTenantId} <> ${t.tenantId}`),
  ],
);

/** Changes for another tenant, written in the transaction of the change; the relay delivers them. */
export const localPlanOutbox = pgTable(
  'local_plan_outbox',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    eventId: uuid('event_id').notNull().defaultRandom(),
    targetTenantId: uuid('target_tenant_id')
      .notNull()
      .references(() => tenants.id),
    kind: text('kind').notNull(),
    /** Always the owner's local_plan_projects.id. */
    itemId: uuid('item_id').notNull(),
    seq: integer('seq').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
  },
  (t) => [
    primaryKey({ name: 'local_plan_outbox_pk', columns: [t.tenantId, t.eventId] }),
    unique('local_plan_outbox_seq_uq').on(t.tenantId, t.itemId, t.kind, t.seq),
    index('local_plan_outbox_pending_idx')
      .on(t.tenantId, t.createdAt)
      .where(sql`${t.deliveredAt} IS NULL`),
    check('local_plan_outbox_kind_check', sql`${t.kind} in ('assignment', 'status')`),
  ],
);

/** Events received from other tenants, once each. */
export const localPlanInbox = pgTable(
  'local_plan_inbox',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    eventId: uuid('event_id').notNull(),
    sourceTenantId: uuid('source_tenant_id').notNull(),
    kind: text('kind').notNull(),
    itemId: uuid('item_id').notNull(),
    seq: integer('seq').notNull(),
    applied: boolean('applied').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'local_plan_inbox_pk', columns: [t.tenantId, t.eventId] }),
    index('local_plan_inbox_item_idx').on(t.tenantId, t.sourceTenantId, t.kind, t.itemId, t.seq),
    check('local_plan_inbox_kind_check', sql`${t.kind} in ('assignment', 'status')`),
  ],
);

/** The receiving tenant's copy of a project another tenant assigned to it, and the status it records itself. */
export const sharedLocalPlanProjects = pgTable(
  'shared_local_plan_projects',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    sourceTenantId: uuid('source_tenant_id').notNull(),
    sourceItemId: uuid('source_item_id').notNull(),
    content: jsonb('content').notNull(),
    withdrawn: boolean('withdrawn').notNull().default(false),
    status: text('status').notNull().default('proposed'),
    edition: jsonb('edition'),
    dropReason: text('drop_reason'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'shared_local_plan_projects_pk', columns: [t.tenantId, t.id] }),
    unique('shared_local_plan_projects_source_uq').on(t.tenantId, t.sourceTenantId, t.sourceItemId),
    check('shared_local_plan_projects_status_check', sql`${t.status} in ('proposed', 'integrated', 'in_budget', 'done', 'dropped')`),
    check('shared_local_plan_projects_edition_check', sql`${t.status} in ('proposed', 'dropped') or ${t.edition} is not null`),
    check('shared_local_plan_projects_drop_check', sql`(${t.status} = 'dropped') = (${t.dropReason} is not null)`),
  ],
);
