import { sql } from 'drizzle-orm';
import { boolean, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './platform';
import { parties } from './registry';
import { planActivities } from './plans';

/**
 * A person's capacities (one row per registry person): skills from the taxonomy, free-text skills,
 * when they can help, their village, and whether they agreed to appear on the public list of
 * volunteers. That agreement is its own purpose (PDPA): registry consent does not imply it.
 */
export const personProfiles = pgTable(
  'person_profiles',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    partyId: uuid('party_id').notNull(),
    skills: text('skills').array().notNull().default([]),
    freeSkills: text('free_skills').array().notNull().default([]),
    availability: text('availability').array().notNull().default([]),
    village: text('village'),
    publicListConsent: boolean('public_list_consent').notNull().default(false),
    publicListConsentDate: date('public_list_consent_date', { mode: 'string' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.partyId] }),
    foreignKey({ columns: [t.tenantId, t.partyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('cascade'),
    index('person_profiles_skills_idx').using('gin', t.skills),
  ],
);

/** A team that cuts across networks: members from several networks, a lead and a purpose. */
export const teams = pgTable(
  'teams',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    purpose: text('purpose'),
    leadPartyId: uuid('lead_party_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.leadPartyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('set null'),
  ],
);

export const teamMembers = pgTable(
  'team_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    teamId: uuid('team_id').notNull(),
    partyId: uuid('party_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.teamId, t.partyId] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.partyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('cascade'),
    index('team_members_party_idx').on(t.tenantId, t.partyId),
  ],
);

export const teamActivities = pgTable(
  'team_activities',
  {
    tenantId: uuid('tenant_id').notNull(),
    teamId: uuid('team_id').notNull(),
    activityId: uuid('activity_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.teamId, t.activityId] }),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.activityId], foreignColumns: [planActivities.tenantId, planActivities.id] }).onDelete('cascade'),
    index('team_activities_activity_idx').on(t.tenantId, t.activityId),
  ],
);

/** A task of a plan activity, assigned to a team and/or a person. */
export const tasks = pgTable(
  'tasks',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    activityId: uuid('activity_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    teamId: uuid('team_id'),
    assigneePartyId: uuid('assignee_party_id'),
    dueDate: date('due_date', { mode: 'string' }),
    status: text('status').notNull().default('open'),
    /** What "who can help?" looks for. */
    neededSkills: text('needed_skills').array().notNull().default([]),
    village: text('village'),
    when: text('when'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.activityId], foreignColumns: [planActivities.tenantId, planActivities.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.teamId], foreignColumns: [teams.tenantId, teams.id] }).onDelete('set null'),
    foreignKey({ columns: [t.tenantId, t.assigneePartyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('set null'),
    index('tasks_activity_idx').on(t.tenantId, t.activityId),
    index('tasks_team_idx').on(t.tenantId, t.teamId),
    index('tasks_assignee_idx').on(t.tenantId, t.assigneePartyId),
    check('tasks_status_check', sql`${t.status} in ('open', 'in_progress', 'done', 'cancelled')`),
  ],
);

/**
 * Volunteer hours (ชั่วโมงจิตอาสา) in whole minutes: no float drift in totals. Always against an
 * activity (a task's activity is copied in), so the confirming network is known.
 */
export const volunteerHours = pgTable(
  'volunteer_hours',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    partyId: uuid('party_id').notNull(),
    activityId: uuid('activity_id').notNull(),
    taskId: uuid('task_id'),
    workedOn: date('worked_on', { mode: 'string' }).notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    minutes: integer('minutes').notNull(),
    note: text('note'),
    status: text('status').notNull().default('pending'),
    returnReason: text('return_reason'),
    loggedByUserId: uuid('logged_by_user_id'),
    reviewedByUserId: uuid('reviewed_by_user_id'),
    reviewedByName: text('reviewed_by_name'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.partyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.activityId], foreignColumns: [planActivities.tenantId, planActivities.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.taskId], foreignColumns: [tasks.tenantId, tasks.id] }).onDelete('set null'),
    index('volunteer_hours_party_day_idx').on(t.tenantId, t.partyId, t.workedOn),
    index('volunteer_hours_year_status_idx').on(t.tenantId, t.fiscalYear, t.status),
    index('volunteer_hours_activity_idx').on(t.tenantId, t.activityId),
    index('volunteer_hours_task_idx').on(t.tenantId, t.taskId),
    check('volunteer_hours_minutes_check', sql`${t.minutes} > 0 and ${t.minutes} <= 1440`),
    check('volunteer_hours_status_check', sql`${t.status} in ('pending', 'confirmed', 'returned')`),
    check('volunteer_hours_reason_check', sql`${t.status} <> 'returned' or ${t.returnReason} is not null`),
  ],
);
