import type { TenantRole } from '../../common/schemas/enums';
import { ROLE_GROUPS } from '../../common/permissions';

/**
 * Who may call a route. Every route must declare one in `config.access`; registration fails
 * otherwise (see app.ts), so no route is open by accident.
 */
export type Access = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'platform_admin' } | { kind: 'tenant'; roles: readonly TenantRole[] };

export const PUBLIC: Access = { kind: 'public' };
export const AUTHENTICATED: Access = { kind: 'authenticated' };
/** Platform routes (setting up local governments): the platform admin only. */
export const PLATFORM_ADMIN: Access = { kind: 'platform_admin' };
// The role groups are shared with the web (common/permissions.ts), which hides what a role may not use.
export const anyTenantRole: Access = { kind: 'tenant', roles: ROLE_GROUPS.everyone };
export const editors: Access = { kind: 'tenant', roles: ROLE_GROUPS.editors };
export const officers: Access = { kind: 'tenant', roles: ROLE_GROUPS.officers };
export const adminsOnly: Access = { kind: 'tenant', roles: ROLE_GROUPS.admins };
/** A tenant route only the platform admin may call (no tenant role is enough). */
export const platformAdminInTenant: Access = { kind: 'tenant', roles: [] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Still open to an account that must change its password first (me, logout, the change itself). */
    passwordChangePending?: boolean;
  }
}
