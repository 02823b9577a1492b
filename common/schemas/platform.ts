import { z } from 'zod';
import { listQuery } from './api';
import { AUDIT_ACTIONS, TENANT_ROLES, TENANT_TYPES } from './enums';
export { AUDIT_ACTIONS } from './enums';

export const loginBody = z.strictObject({
  email: z.string().trim().max(200).min(1),
  password: z.string().max(200).min(1),
});

export const tenantSummary = z.object({
  slug: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  type: z.enum(TENANT_TYPES),
  province: z.string(),
  district: z.string(),
  subdistrict: z.string(),
});
export type TenantSummary = z.infer<typeof tenantSummary>;

export const me = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), isPlatformAdmin: z.boolean(), mustChangePassword: z.boolean() }),
  /** Tenants this user may open; the platform admin sees every tenant with role 'admin'. */
  tenants: z.array(tenantSummary.extend({ role: z.enum(TENANT_ROLES) })),
});
export type Me = z.infer<typeof me>;

export const userCreate = z.strictObject({
  email: z.email({ message: 'invalid_email' }).max(200),
  name: z.string().trim().min(1).max(200),
  role: z.enum(TENANT_ROLES),
  password: z.string().min(10, { message: 'password_too_short' }).max(200),
  partyId: z.uuid().nullish(),
});
export const userUpdate = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    role: z.enum(TENANT_ROLES),
    active: z.boolean(),
    partyId: z.uuid().nullable(),
  })
  .partial();
export const tenantUser = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(TENANT_ROLES),
  active: z.boolean(),
  partyId: z.uuid().nullable(),
  createdAt: z.string(),
});
export type TenantUser = z.infer<typeof tenantUser>;

/** What the audit log records: writes, and decisions on what others submitted (ledger approvals, volunteer hours). */

export const auditQuery = listQuery.extend({
  entity: z.string().max(50).optional(),
  entityId: z.uuid().optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
});
export const auditEntry = z.object({
  id: z.uuid(),
  actorName: z.string().nullable(),
  actorRole: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  entityLabel: z.string().nullable(),
  action: z.string(),
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  createdAt: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntry>;
/** An audit event without what changed: who did what to which record, when (the dashboard's recent activity). */
export const activitySummary = auditEntry.omit({ changes: true });
export type ActivitySummary = z.infer<typeof activitySummary>;

const countBy = z.array(z.object({ key: z.string(), count: z.number().int() }));
export const dashboard = z.object({
  totals: z.object({
    networks: z.number().int(),
    partners: z.number().int(),
    organizations: z.number().int(),
    people: z.number().int(),
    memberships: z.number().int(),
    relationships: z.number().int(),
  }),
  networksByPillar: countBy,
  networksByStage: countBy,
  networksByIssue: countBy,
  partnersBySector: countBy,
  /** Only for admins and officers (who run the place); empty for coordinators and members. */
  recentActivity: z.array(activitySummary),
});
export type Dashboard = z.infer<typeof dashboard>;

export const addressSearchQuery = z.object({ q: z.string().trim().min(1).max(100), limit: z.coerce.number().int().min(1).max(50).default(20) });
export const addressSuggestion = z.object({ subdistrict: z.string(), district: z.string(), province: z.string(), postcode: z.string() });
