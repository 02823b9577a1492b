import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginBody, me, type Me } from '../../../common/schemas/platform';
import { AUTHENTICATED, PUBLIC } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { findUserByEmail, meFor } from './auth.repository';
import { timingSafeDummyHash, verifyPassword } from './passwords';
import { createSession, deleteSession, SESSION_COOKIE } from './sessions.repository';

export async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];

  r.post(
    '/api/v1/auth/login',
    {
      config: {
        access: PUBLIC,
        rateLimit: {
          max: app.config.loginRateLimit,
          timeWindow: '1 minute',
          hook: 'preHandler',
          keyGenerator: (req) => `${req.ip}|${String((req.body as { email?: string } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
      schema: {
        tags,
        summary: 'Log in with email and password; sets the session cookie (rate-limited per IP and email)',
        body: loginBody,
        response: { 200: me },
      },
    },
    async (req, reply) => {
      const user = await findUserByEmail(app.db, req.body.email);
      const ok = user
        ? await verifyPassword(user.passwordHash, req.body.password)
        : (await verifyPassword(await timingSafeDummyHash(), req.body.password), false);
      if (!user || !ok) throw new AppError('invalid_credentials');
      if (!user.active) throw new AppError('account_disabled');
      // rotation: whatever session the browser had is dropped, a fresh token is issued
      return startSession(app, req, reply, user);
    },
  );

  r.post(
    '/api/v1/auth/logout',
    { config: { access: PUBLIC, passwordChangePending: true }, schema: { tags, summary: 'End the session', response: { 204: z.null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSession(app.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/api/v1/auth/me',
    {
      config: { access: AUTHENTICATED, passwordChangePending: true },
      schema: { tags, summary: 'The logged-in user and the tenants they may open', response: { 200: me } },
    },
    (req) => meFor(app.db, req.user!),
  );
}

/** Opens a fresh session for the account (dropping whatever session the browser had) and answers `Me`. */
export async function startSession(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  user: { id: string; email: string; name: string; isPlatformAdmin: boolean; mustChangePassword: boolean },
): Promise<Me> {
  const previous = req.cookies[SESSION_COOKIE];
  if (previous) await deleteSession(app.db, previous);
  const { token, expiresAt } = await createSession(app.db, user.id, app.config.sessionTtlHours);
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: app.config.secureCookies, expires: expiresAt });
  const { id, email, name, isPlatformAdmin, mustChangePassword } = user;
  return meFor(app.db, { id, email, name, isPlatformAdmin, mustChangePassword });
}
