import { boolean, index, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/** A local government (อปท.). Global table: the tenant list itself. */
export const tenants = pgTable('tenants', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
  type: text('type').notNull(),
  province: text('province').notNull(),
  district: text('district').notNull(),
  subdistrict: text('subdistrict').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** People who can log in. Global: one account may hold roles in several tenants. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    isPlatformAdmin: boolean('is_platform_admin').notNull().default(false),
    active: boolean('active').notNull().default(true),
    /** Set when someone else chose the password (the initial admin, an account an admin created). */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`)],
);

/** A user's role in one tenant (tenant-owned). */
export const tenantUsers = pgTable(
  'tenant_users',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role').notNull(),
    active: boolean('active').notNull().default(true),
    /** The registry person this account belongs to (member self-service). */
    partyId: uuid('party_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] }), index('tenant_users_user_idx').on(t.userId)],
);

/**
 * One random token per tenant, replaced at the commit of every transaction that wrote one of the tenant's rows
 * (a deferred trigger on every tenant table, migration 0050); the response cache serves an answer only under the
 * token it was read with (server/platform/page-cache.ts).
 */
export const tenantDataVersions = pgTable(
  'tenant_data_versions',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    version: uuid('version').notNull().defaultRandom(),
  },
  (t) => [primaryKey({ columns: [t.tenantId] })],
);

/** Login sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/**
 * One-time links: an invitation into a tenant (for a new or an existing account) or a password reset.
 * The link holds a random token; the table keeps only its SHA-256. Platform table: opened before login.
 */
export const accountLinks = pgTable(
  'account_links',
  {
    tokenHash: text('token_hash').primaryKey(),
    kind: text('kind').$type<'invitation' | 'password_reset'>().notNull(),
    email: text('email').notNull(),
    userId: uuid('user_id').references(() => users.id),
    inviteTenantId: uuid('invite_tenant_id').references(() => tenants.id),
    role: text('role'),
    partyId: uuid('party_id'),
    name: text('name'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('account_links_tenant_idx').on(t.inviteTenantId, t.createdAt), index('account_links_user_idx').on(t.userId)],
);
