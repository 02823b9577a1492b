import { sql } from 'drizzle-orm';
import { check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './platform';
import { parties } from './registry';
import { networks } from './networks';
import { plans } from './plans';
import { budgetLines } from './budget';
import { tasks } from './manpower';

// Migrations 0017 (hand-written, the source of truth) and 0018 (RLS). Mirrors them for typed queries.

/** A steering committee (คณะกรรมการขับเคลื่อน) or a working group, appointed by an order (คำสั่ง). */
export const committees = pgTable(
  'committees',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull().default('steering'),
    purpose: text('purpose'),
    orderNumber: text('order_number'),
    orderDate: date('order_date', { mode: 'string' }),
    /** Quorum as a share of members in office; null = more than half. */
    quorumPercent: integer('quorum_percent'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    check('committees_kind_check', sql`${t.kind} in ('steering', 'working_group')`),
    check('committees_quorum_check', sql`${t.quorumPercent} is null or (${t.quorumPercent} between 1 and 100)`),
  ],
);

export const committeeNetworks = pgTable(
  'committee_networks',
  {
    tenantId: uuid('tenant_id').notNull(),
    committeeId: uuid('committee_id').notNull(),
    networkId: uuid('network_id').notNull(),
  },
  (t) => [
    primaryKey({ name: 'committee_networks_pk', columns: [t.tenantId, t.committeeId, t.networkId] }),
    foreignKey({
      name: 'committee_networks_committee_fk',
      columns: [t.tenantId, t.committeeId],
      foreignColumns: [committees.tenantId, committees.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'committee_networks_network_fk', columns: [t.tenantId, t.networkId], foreignColumns: [networks.tenantId, networks.id] }).onDelete(
      'cascade',
    ),
    index('committee_networks_network_idx').on(t.tenantId, t.networkId),
  ],
);

/** One term of a member: a partner or person in a position, from the start date to the end date (open = in office). */
export const committeeMembers = pgTable(
  'committee_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    partyId: uuid('party_id').notNull(),
    position: text('position').notNull(),
    startDate: date('start_date', { mode: 'string' }).notNull(),
    endDate: date('end_date', { mode: 'string' }),
    orderNumber: text('order_number'),
    orderDate: date('order_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'committee_members_committee_fk', columns: [t.tenantId, t.committeeId], foreignColumns: [committees.tenantId, committees.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'committee_members_party_fk', columns: [t.tenantId, t.partyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('cascade'),
    index('committee_members_committee_idx').on(t.tenantId, t.committeeId),
    index('committee_members_party_idx').on(t.tenantId, t.partyId),
    check('committee_members_position_check', sql`${t.position} in ('chair', 'vice_chair', 'member', 'member_secretary', 'assistant_secretary')`),
    check('committee_members_dates_check', sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/** A meeting. Its number (ครั้งที่ N/ปี) is computed on read from the committee's meetings of that B.E. year. */
export const meetings = pgTable(
  'meetings',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    committeeId: uuid('committee_id').notNull(),
    meetingDate: date('meeting_date', { mode: 'string' }).notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time'),
    place: text('place').notNull(),
    note: text('note'),
    minutesStatus: text('minutes_status').notNull().default('none'),
    minutesRecorder: text('minutes_recorder'),
    minutesChecker: text('minutes_checker'),
    /** The later meeting that certified these minutes (agenda 2). */
    certifiedByMeetingId: uuid('certified_by_meeting_id'),
    certificationCorrections: text('certification_corrections'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'meetings_committee_fk', columns: [t.tenantId, t.committeeId], foreignColumns: [committees.tenantId, committees.id] }),
    foreignKey({ name: 'meetings_certified_by_fk', columns: [t.tenantId, t.certifiedByMeetingId], foreignColumns: [t.tenantId, t.id] }),
    index('meetings_committee_date_idx').on(t.tenantId, t.committeeId, t.meetingDate),
  ],
);

/** An agenda item under one of the five standard sections (ระเบียบวาระที่ 1–5); `discussion` is its part of the minutes. */
export const meetingAgendaItems = pgTable(
  'meeting_agenda_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    section: integer('section').notNull(),
    position: integer('position').notNull().default(0),
    title: text('title').notNull(),
    details: text('details'),
    discussion: text('discussion'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'meeting_agenda_items_meeting_fk', columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }).onDelete(
      'cascade',
    ),
    index('meeting_agenda_items_meeting_idx').on(t.tenantId, t.meetingId),
  ],
);

export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    tenantId: uuid('tenant_id').notNull(),
    meetingId: uuid('meeting_id').notNull(),
    memberId: uuid('member_id').notNull(),
    status: text('status').notNull(),
    /** Who attended in the member's place (ผู้แทน). */
    substituteName: text('substitute_name'),
    note: text('note'),
  },
  (t) => [
    primaryKey({ name: 'meeting_attendance_pk', columns: [t.tenantId, t.meetingId, t.memberId] }),
    foreignKey({ name: 'meeting_attendance_meeting_fk', columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }).onDelete(
      'cascade',
    ),
    foreignKey({
      name: 'meeting_attendance_member_fk',
      columns: [t.tenantId, t.memberId],
      foreignColumns: [committeeMembers.tenantId, committeeMembers.id],
    }).onDelete('cascade'),
  ],
);

/** A resolution (มติ) with its votes; it may act: adopt a plan, approve a budget line, or revoke an earlier act. */
export const resolutions = pgTable(
  'resolutions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    agendaItemId: uuid('agenda_item_id'),
    text: text('text').notNull(),
    votesFor: integer('votes_for').notNull(),
    votesAgainst: integer('votes_against').notNull().default(0),
    votesAbstain: integer('votes_abstain').notNull().default(0),
    action: text('action').notNull().default('none'),
    planId: uuid('plan_id'),
    budgetLineId: uuid('budget_line_id'),
    revokesResolutionId: uuid('revokes_resolution_id'),
    /** A regulation version this resolution adopted (migration 0030). */
    regulationVersionId: uuid('regulation_version_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ name: 'resolutions_meeting_fk', columns: [t.tenantId, t.meetingId], foreignColumns: [meetings.tenantId, meetings.id] }),
    foreignKey({
      name: 'resolutions_agenda_item_fk',
      columns: [t.tenantId, t.agendaItemId],
      foreignColumns: [meetingAgendaItems.tenantId, meetingAgendaItems.id],
    }).onDelete('set null'),
    foreignKey({ name: 'resolutions_plan_fk', columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }),
    foreignKey({ name: 'resolutions_budget_line_fk', columns: [t.tenantId, t.budgetLineId], foreignColumns: [budgetLines.tenantId, budgetLines.id] }),
    foreignKey({ name: 'resolutions_revokes_fk', columns: [t.tenantId, t.revokesResolutionId], foreignColumns: [t.tenantId, t.id] }),
    unique('resolutions_revokes_uq').on(t.tenantId, t.revokesResolutionId),
    index('resolutions_meeting_idx').on(t.tenantId, t.meetingId),
    index('resolutions_plan_idx').on(t.tenantId, t.planId),
    index('resolutions_budget_line_idx').on(t.tenantId, t.budgetLineId),
  ],
);

/** Something a resolution asks someone to do by a date; it lives on as a task in the manpower module. */
export const resolutionActionItems = pgTable(
  'resolution_action_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    resolutionId: uuid('resolution_id').notNull(),
    title: text('title').notNull(),
    ownerPartyId: uuid('owner_party_id').notNull(),
    dueDate: date('due_date', { mode: 'string' }).notNull(),
    taskId: uuid('task_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({
      name: 'resolution_action_items_resolution_fk',
      columns: [t.tenantId, t.resolutionId],
      foreignColumns: [resolutions.tenantId, resolutions.id],
    }).onDelete('cascade'),
    foreignKey({ name: 'resolution_action_items_owner_fk', columns: [t.tenantId, t.ownerPartyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ name: 'resolution_action_items_task_fk', columns: [t.tenantId, t.taskId], foreignColumns: [tasks.tenantId, tasks.id] }).onDelete('set null'),
    index('resolution_action_items_resolution_idx').on(t.tenantId, t.resolutionId),
    index('resolution_action_items_task_idx').on(t.tenantId, t.taskId),
  ],
);
