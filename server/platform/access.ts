import type { TenantRole } from '../../common/schemas/enums';

/**
 * Who may call a route. Every route must declare one in `config.access`; registration fails
 * otherwise (see app.ts), so no route is open by accident.
 */
export type Access = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'platform_admin' } | { kind: 'tenant'; roles: readonly TenantRole[] };

export const PUBLIC: Access = { kind: 'public' };
export const AUTHENTICATED: Access = { kind: 'authenticated' };
/** Platform routes (setting up local governments): the platform admin only. */
export const PLATFORM_ADMIN: Access = { kind: 'platform_admin' };
export const anyTenantRole: Access = { kind: 'tenant', roles: ['admin', 'officer', 'coordinator', 'member'] };
export const editors: Access = { kind: 'tenant', roles: ['admin', 'officer', 'coordinator'] };
export const officers: Access = { kind: 'tenant', roles: ['admin', 'officer'] };
export const adminsOnly: Access = { kind: 'tenant', roles: ['admin'] };
/** A tenant route only the platform admin may call (no tenant role is enough). */
export const platformAdminInTenant: Access = { kind: 'tenant', roles: [] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Still open to an account that must change its password first (me, logout, the change itself). */
    passwordChangePending?: boolean;
  }
}
