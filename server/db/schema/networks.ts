import { date, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './platform';
import { parties } from './registry';

export const networks = pgTable(
  'networks',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    description: text('description'),
    issues: text('issues').array().notNull().default([]),
    tags: text('tags').array().notNull().default([]),
    pillar: text('pillar').notNull(),
    stage: text('stage').notNull(),
    foundedOn: date('founded_on', { mode: 'string' }),
    coordinatorPartyId: uuid('coordinator_party_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.coordinatorPartyId], foreignColumns: [parties.tenantId, parties.id] }),
    index('networks_tenant_stage_idx').on(t.tenantId, t.stage),
  ],
);

export const networkStageChanges = pgTable(
  'network_stage_changes',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    networkId: uuid('network_id').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    changedOn: date('changed_on', { mode: 'string' }).notNull(),
    note: text('note'),
    changedByUserId: uuid('changed_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.networkId], foreignColumns: [networks.tenantId, networks.id] }).onDelete('cascade'),
    index('network_stage_changes_network_idx').on(t.tenantId, t.networkId),
  ],
);

export const networkMembers = pgTable(
  'network_members',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    networkId: uuid('network_id').notNull(),
    partyId: uuid('party_id').notNull(),
    role: text('role').notNull(),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.networkId], foreignColumns: [networks.tenantId, networks.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.partyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('cascade'),
    index('network_members_network_idx').on(t.tenantId, t.networkId),
    index('network_members_party_idx').on(t.tenantId, t.partyId),
  ],
);
