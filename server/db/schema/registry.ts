import { date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenants } from './platform';

/** Partners: organisations and people (ภาคี). */
export const parties = pgTable(
  'parties',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    sector: text('sector').notNull(),
    pillar: text('pillar').notNull(),
    orgType: text('org_type'),
    position: text('position'),
    addressLine: text('address_line'),
    moo: integer('moo'),
    subdistrict: text('subdistrict'),
    district: text('district'),
    province: text('province'),
    postcode: text('postcode'),
    phone: text('phone'),
    email: text('email'),
    lineId: text('line_id'),
    website: text('website'),
    /** Only the masked form and a keyed hash (for duplicate checks) are stored; never the ID itself. */
    citizenIdMasked: text('citizen_id_masked'),
    citizenIdHash: text('citizen_id_hash'),
    consentPurpose: text('consent_purpose'),
    consentLawfulBasis: text('consent_lawful_basis'),
    consentDate: date('consent_date', { mode: 'string' }),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('parties_tenant_sector_idx').on(t.tenantId, t.sector),
    index('parties_tenant_pillar_idx').on(t.tenantId, t.pillar),
  ],
);

/** Typed, dated relationships between two parties. */
export const partyRelationships = pgTable(
  'party_relationships',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fromPartyId: uuid('from_party_id').notNull(),
    toPartyId: uuid('to_party_id').notNull(),
    type: text('type').notNull(),
    note: text('note'),
    startDate: date('start_date', { mode: 'string' }),
    endDate: date('end_date', { mode: 'string' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.fromPartyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.toPartyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('cascade'),
    index('party_rel_from_idx').on(t.tenantId, t.fromPartyId),
    index('party_rel_to_idx').on(t.tenantId, t.toPartyId),
  ],
);
