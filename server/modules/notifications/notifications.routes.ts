import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listOf, tenantParams } from '../../../common/schemas/api';
import {
  notificationList,
  notificationListQuery,
  notificationPreferences,
  notificationPreferencesUpdate,
  outboxItem,
  outboxListQuery,
  unreadCount,
} from '../../../common/schemas/notifications';
import { adminsOnly, anyTenantRole } from '../../platform/access';
import { mailConfigured } from './mail';
import { notificationSettings } from './notify';
import * as service from './notifications.service';

export async function notificationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];
  const base = '/api/v1/t/:tenant/notifications';
  // links in e-mail point at the address people use
  notificationSettings.publicUrl = app.config.publicUrl;
  const emailAvailable = mailConfigured(app.config.mail);

  r.get(
    base,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        params: tenantParams,
        querystring: notificationListQuery,
        response: { 200: notificationList },
      },
    },
    (req) => service.listNotifications(req.tenantCtx, req.query),
  );
  r.get(
    `${base}/unread-count`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'How many of my notifications are unread (the bell)', params: tenantParams, response: { 200: unreadCount } },
    },
    (req) => service.unreadCount(req.tenantCtx),
  );
  r.post(
    `${base}/:id/read`,
    { config: { access: anyTenantRole }, schema: { tags, summary: 'Mark one of my notifications read', params: idParams, response: { 200: unreadCount } } },
    (req) => service.markRead(req.tenantCtx, req.params.id),
  );
  r.post(
    `${base}/read-all`,
    { config: { access: anyTenantRole }, schema: { tags, summary: 'Mark all my notifications read', params: tenantParams, response: { 200: unreadCount } } },
    (req) => service.markAllRead(req.tenantCtx),
  );
  r.get(
    `${base}/preferences`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'My channels: in-app always, e-mail with my consent', params: tenantParams, response: { 200: notificationPreferences } },
    },
    (req) => service.getPreferences(req.tenantCtx, emailAvailable),
  );
  r.put(
    `${base}/preferences`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Choose my channels; e-mail needs consent: true (recorded with time and wording)',
        params: tenantParams,
        body: notificationPreferencesUpdate,
        response: { 200: notificationPreferences },
      },
    },
    (req) => service.updatePreferences(req.tenantCtx, req.body, emailAvailable),
  );
  r.get(
    `${base}/outbox`,
    {
      config: { access: adminsOnly },
      schema: {
        tags,
        summary: 'E-mail in the outbox by state (default: failed)',
        params: tenantParams,
        querystring: outboxListQuery,
        response: { 200: listOf(outboxItem) },
      },
    },
    (req) => service.listOutbox(req.tenantCtx, req.query),
  );
  r.post(
    `${base}/outbox/:id/retry`,
    {
      config: { access: adminsOnly },
      schema: { tags, summary: 'Queue a failed e-mail again', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await service.retryOutbox(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
