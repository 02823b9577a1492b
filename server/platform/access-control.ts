import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './errors';
import { findSessionUser, SESSION_COOKIE } from '../modules/auth/sessions.repository';
import { findTenantRole } from './tenancy';
import type { Actor, SessionUser, TenantContext } from './context';
import { langOf } from './messages';

declare module 'fastify' {
  interface FastifyRequest {
    user: SessionUser | null;
    /** Set on tenant routes once access is granted. */
    tenantCtx: TenantContext;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Browsers send Origin on unsafe requests; refuse those from other sites (CSRF defence on top of SameSite). */
function originAllowed(request: FastifyRequest, allowed: string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return request.headers['sec-fetch-site'] !== 'cross-site';
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export function installAccessControl(app: FastifyInstance): void {
  app.decorateRequest('user', null);
  app.decorateRequest('tenantCtx', null as unknown as TenantContext);

  // Every API route must say who may call it.
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api') || route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) throw new Error(`Route ${route.method} ${route.url} does not declare config.access`);
  });

  app.addHook('onRequest', async (request) => {
    if (UNSAFE.has(request.method) && !originAllowed(request, app.config.allowedOrigins)) throw new AppError('bad_origin');
  });

  // preValidation: callers who may not use a route learn nothing about its input rules.
  app.addHook('preValidation', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || access.kind === 'public') return;
    const token = request.cookies[SESSION_COOKIE];
    const user = token ? await findSessionUser(app.db, token) : null;
    if (!user) throw new AppError('unauthenticated');
    request.user = user;
    if (user.mustChangePassword && !request.routeOptions.config?.passwordChangePending) throw new AppError('password_change_required');
    if (access.kind === 'authenticated') return;
    if (access.kind === 'platform_admin') {
      if (!user.isPlatformAdmin) throw new AppError('forbidden');
      return;
    }

    const slug = (request.params as { tenant?: string }).tenant ?? '';
    const tenant = await app.tenantDirectory.get(slug);
    const role: Actor['role'] | null = user.isPlatformAdmin ? 'platform_admin' : await findTenantRole(app.db, tenant.id, user.id);
    if (!role) throw new AppError('forbidden');
    if (role !== 'platform_admin' && !access.roles.includes(role)) throw new AppError('forbidden');
    request.tenantCtx = { db: app.db, tenant, actor: { user, role }, lang: langOf(request.headers['accept-language']) };
  });
}
