import type { TenantRole } from '../../common/schemas/enums';

/**
 * Who may call a route. Every route must declare one in `config.access`; registration fails
 * otherwise (see app.ts), so no route is open by accident.
 */
export type Access = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'tenant'; roles: readonly TenantRole[] };

export const PUBLIC: Access = { kind: 'public' };
export const AUTHENTICATED: Access = { kind: 'authenticated' };
export const anyTenantRole: Access = { kind: 'tenant', roles: ['admin', 'officer', 'coordinator', 'member'] };
export const editors: Access = { kind: 'tenant', roles: ['admin', 'officer', 'coordinator'] };
export const officers: Access = { kind: 'tenant', roles: ['admin', 'officer'] };
export const adminsOnly: Access = { kind: 'tenant', roles: ['admin'] };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}
