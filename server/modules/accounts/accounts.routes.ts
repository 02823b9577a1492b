import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  invitationAccept,
  invitationCreate,
  linkInfo,
  oneTimeLink,
  passwordChange,
  passwordCheck,
  passwordResetComplete,
  passwordStrength,
  pendingInvitation,
  tokenParams,
} from '../../../common/schemas/accounts';
import { idParams, tenantParams } from '../../../common/schemas/api';
import { me } from '../../../common/schemas/platform';
import { adminsOnly, AUTHENTICATED, PUBLIC } from '../../platform/access';
import { langOf } from '../../platform/messages';
import { startSession } from '../auth/auth.routes';
import { findSessionUser, SESSION_COOKIE, sessionTokenHash } from '../auth/sessions.repository';
import * as service from './accounts.service';
import { estimatePassword } from './password-strength';

export async function accountRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['accounts'];
  // links and password checks are open to anyone holding a link: limited like the login
  const limited = { max: app.config.loginRateLimit * 3, timeWindow: '1 minute' };

  r.post(
    '/api/v1/auth/password',
    {
      config: { access: AUTHENTICATED, passwordChangePending: true },
      schema: { tags, summary: 'Change my password (my other sessions end)', body: passwordChange, response: { 204: z.null() } },
    },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      await service.changePassword(app.db, req.user!, req.body.currentPassword, req.body.newPassword, token ? sessionTokenHash(token) : null);
      // the printed first password has done its job
      if (req.user!.isPlatformAdmin) fs.rmSync(path.join(app.config.dataDir, 'initial-admin.txt'), { force: true });
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/auth/password-strength',
    {
      config: { access: PUBLIC, passwordChangePending: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'How guessable a password is (zxcvbn-ts); 3 or more is accepted. Nothing is stored or logged.',
        body: passwordCheck,
        response: { 200: passwordStrength },
      },
    },
    async (req) => estimatePassword(req.body.password, [req.body.email ?? '', req.body.name ?? '']),
  );

  r.get(
    '/api/v1/links/:token',
    {
      config: { access: PUBLIC, rateLimit: limited },
      schema: {
        tags,
        summary: 'What an invitation or reset link is for (410 when used, expired or withdrawn)',
        params: tokenParams,
        response: { 200: linkInfo },
      },
    },
    (req) => service.linkInfo(app.db, req.params.token),
  );

  r.post(
    '/api/v1/invitations/:token/accept',
    {
      config: { access: PUBLIC, rateLimit: limited },
      schema: {
        tags,
        summary: 'Accept an invitation: a new account chooses name and password, an existing one gives its password; logs in',
        params: tokenParams,
        body: invitationAccept,
        response: { 200: me },
      },
    },
    async (req, reply) => {
      const current = await currentUser(app, req.cookies[SESSION_COOKIE]);
      const user = await service.acceptInvitation(app.db, req.params.token, req.body, current, langOf(req.headers['accept-language']));
      return startSession(app, req, reply, user);
    },
  );

  r.post(
    '/api/v1/password-reset/:token',
    {
      config: { access: PUBLIC, rateLimit: limited },
      schema: {
        tags,
        summary: 'Set a new password from a reset link; every other session ends; logs in',
        params: tokenParams,
        body: passwordResetComplete,
        response: { 200: me },
      },
    },
    async (req, reply) => startSession(app, req, reply, await service.completePasswordReset(app.db, req.params.token, req.body.password)),
  );

  r.get(
    '/api/v1/t/:tenant/invitations',
    {
      config: { access: adminsOnly },
      schema: { tags, summary: 'Invitations not yet accepted', params: tenantParams, response: { 200: z.object({ items: z.array(pendingInvitation) }) } },
    },
    async (req) => ({ items: await service.listInvitations(req.tenantCtx) }),
  );

  r.post(
    '/api/v1/t/:tenant/invitations',
    {
      config: { access: adminsOnly },
      schema: {
        tags,
        summary: 'Invite a person (new or existing account) with a role; answers the one-time link to pass on (valid 7 days)',
        params: tenantParams,
        body: invitationCreate,
        response: { 201: oneTimeLink },
      },
    },
    async (req, reply) => reply.code(201).send(await service.invite(req.tenantCtx, req.body)),
  );

  r.delete(
    '/api/v1/t/:tenant/invitations/:id',
    {
      config: { access: adminsOnly },
      schema: {
        tags,
        summary: 'Withdraw an invitation',
        params: tenantParams.extend({ id: z.string().regex(/^[0-9a-f]{16}$/) }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await service.revokeInvitation(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/api/v1/t/:tenant/users/:id/reset-link',
    {
      config: { access: adminsOnly },
      schema: {
        tags,
        summary: 'A one-time link (24 hours) to set a new password for a user of this tenant only (others: the platform admin)',
        params: idParams,
        response: { 201: oneTimeLink },
      },
    },
    async (req, reply) => reply.code(201).send(await service.issueResetLink(req.tenantCtx, req.params.id)),
  );
}

async function currentUser(app: FastifyInstance, token: string | undefined) {
  if (!token) return null;
  return findSessionUser(app.db, token);
}
