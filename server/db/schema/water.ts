import { bigint, boolean, date, doublePrecision, integer, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Migrations 0032 (hand-written, the source of truth: FKs, checks, unique keys) and 0033 (RLS). Mirrors them for typed queries.

export const waterSources = pgTable(
  'water_sources',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    parentId: uuid('parent_id'),
    chainageM: integer('chainage_m').notNull().default(0),
    lengthM: integer('length_m'),
    zone: text('zone').notNull(),
    localGovernmentPartyId: uuid('local_government_party_id'),
    lat: doublePrecision('lat'),
    lon: doublePrecision('lon'),
    condition: text('condition').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const waterUserGroups = pgTable(
  'water_user_groups',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    sourceId: uuid('source_id').notNull(),
    zone: text('zone').notNull(),
    networkId: uuid('network_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    // migration 0045: the rule of duty days (วันลงแขก) owed per season
    dutyBasis: text('duty_basis').notNull().default('per_member'),
    dutyDays: integer('duty_days').notNull().default(2),
    dutyRai: numeric('duty_rai', { precision: 9, scale: 2 }),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const waterGroupMembers = pgTable(
  'water_group_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    groupId: uuid('group_id').notNull(),
    partyId: uuid('party_id').notNull(),
    role: text('role').notNull().default('member'),
    plot: text('plot'),
    irrigatedRai: numeric('irrigated_rai', { precision: 9, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.groupId, t.partyId] })],
);

export const waterRotas = pgTable(
  'water_rotas',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    sourceId: uuid('source_id').notNull(),
    season: text('season').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    turnHours: integer('turn_hours').notNull(),
    rule: text('rule').notNull(),
    orderRule: text('order_rule').notNull(),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const waterRotaTurns = pgTable(
  'water_rota_turns',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    rotaId: uuid('rota_id').notNull(),
    groupId: uuid('group_id').notNull(),
    seq: integer('seq').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

// Migration 0036: a swap of two turns between groups, asked by one group's member, decided by the other's head or an officer.
export const waterTurnSwaps = pgTable(
  'water_turn_swaps',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    rotaId: uuid('rota_id').notNull(),
    turnId: uuid('turn_id').notNull(),
    withTurnId: uuid('with_turn_id').notNull(),
    requestedByPartyId: uuid('requested_by_party_id'),
    status: text('status').notNull().default('pending'),
    decidedByPartyId: uuid('decided_by_party_id'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const waterIncidents = pgTable(
  'water_incidents',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    occurredOn: date('occurred_on').notNull(),
    kind: text('kind').notNull(),
    sourceId: uuid('source_id'),
    groupId: uuid('group_id'),
    reporterPartyId: uuid('reporter_party_id'),
    place: text('place').notNull(),
    description: text('description').notNull(),
    evidenceNote: text('evidence_note'),
    resolution: text('resolution'),
    status: text('status').notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const waterIncidentFines = pgTable(
  'water_incident_fines',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    incidentId: uuid('incident_id').notNull(),
    regulationFineId: uuid('regulation_fine_id').notNull(),
    partyId: uuid('party_id').notNull(),
    repeat: boolean('repeat').notNull().default(false),
    amountSatang: bigint('amount_satang', { mode: 'number' }).notNull(),
    paidOn: date('paid_on'),
    ledgerTransactionId: uuid('ledger_transaction_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

// Migration 0045: annual repair and dredging, and each member's labour and materials (links to volunteer hours and the ledger).
export const waterMaintenanceWorks = pgTable(
  'water_maintenance_works',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    season: text('season').notNull(),
    sourceId: uuid('source_id').notNull(),
    groupId: uuid('group_id'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    activityId: uuid('activity_id').notNull(),
    fundId: uuid('fund_id'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);

export const waterMaintenanceContributions = pgTable(
  'water_maintenance_contributions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    workId: uuid('work_id').notNull(),
    partyId: uuid('party_id').notNull(),
    kind: text('kind').notNull(),
    givenOn: date('given_on').notNull(),
    minutes: integer('minutes'),
    description: text('description'),
    valueSatang: bigint('value_satang', { mode: 'number' }),
    volunteerHoursId: uuid('volunteer_hours_id'),
    ledgerTransactionId: uuid('ledger_transaction_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] })],
);
