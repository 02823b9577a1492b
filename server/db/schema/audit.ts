import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every write: who, where, what changed (before/after), when. */
export const auditLog = pgTable(
  'audit_log',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    /** The role the actor acted with: a tenant role, 'platform_admin' or 'system'. */
    actorRole: text('actor_role').notNull(),
    entity: text('entity').notNull(),
    entityId: uuid('entity_id'),
    entityLabel: text('entity_label'),
    action: text('action').notNull(),
    changes: jsonb('changes').$type<Record<string, { before: unknown; after: unknown }>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.id] }), index('audit_log_tenant_time_idx').on(t.tenantId, t.createdAt)],
);
