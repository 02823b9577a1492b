import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { addressSearchQuery, addressSuggestion, tenantSummary } from '../../../common/schemas/platform';
import { searchThaiAddress } from '../../../common/thai/address';
import { PLATFORM_ADMIN, PUBLIC } from '../../platform/access';
import { langOf } from '../../platform/messages';
import { adminTenant, tenantCreate, tenantCreated } from '../../../common/schemas/accounts';
import * as service from './tenants.service';

export async function platformRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/health',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and database check; whether the demo data is still being loaded',
        description:
          '`status: starting` with `seeding: true` while `npm start` loads the demo tenants behind the ready server ' +
          '(requests for a demo tenant and logins wait until it is done); then `status: ok`. `demo`: off (no demo), ' +
          'seeding, ready, or failed (see the server log).',
        response: {
          200: z.object({
            status: z.enum(['ok', 'starting']),
            db: z.enum(['pglite', 'postgres']),
            seeding: z.boolean(),
            demo: z.enum(['off', 'seeding', 'ready', 'failed']),
          }),
        },
      },
    },
    async () => {
      const demo = app.demoSeeding.state;
      // while the seed runs it holds the embedded database's only connection for seconds at a time: its own
      // progress is the database check then
      if (demo === 'seeding') return { status: 'starting' as const, db: app.database.kind, seeding: true, demo };
      await service.pingDatabase(app.db);
      return { status: 'ok' as const, db: app.database.kind, seeding: false, demo };
    },
  );

  r.get(
    '/api/v1/tenants',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['platform'],
        summary: 'Local governments on this server (for the login page)',
        response: { 200: z.object({ items: z.array(tenantSummary) }) },
      },
    },
    async () => ({ items: await service.listTenantSummaries(app.db) }),
  );

  r.get(
    '/api/v1/reference/addresses',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['platform'],
        summary: 'Thai address suggestions: subdistrict, district, province, postcode',
        querystring: addressSearchQuery,
        response: { 200: z.object({ items: z.array(addressSuggestion) }) },
      },
    },
    async (req) => ({
      items: searchThaiAddress(req.query.q, req.query.limit),
    }),
  );

  r.get(
    '/api/v1/admin/tenants',
    {
      config: { access: PLATFORM_ADMIN },
      schema: {
        tags: ['platform'],
        summary: 'Every local government with its users, partners, networks and open invitations (platform admin)',
        response: { 200: z.object({ items: z.array(adminTenant) }) },
      },
    },
    async () => ({ items: await service.listTenantsForAdmin(app.db) }),
  );

  r.post(
    '/api/v1/admin/tenants',
    {
      config: { access: PLATFORM_ADMIN },
      schema: {
        tags: ['platform'],
        summary: 'Set up a local government and invite its first admin by a one-time link (platform admin)',
        body: tenantCreate,
        response: { 201: tenantCreated },
      },
    },
    async (req, reply) => {
      const created = await service.createTenant(app.db, req.user!, req.body, langOf(req.headers['accept-language']));
      await app.tenantDirectory.reload();
      return reply.code(201).send(created);
    },
  );
}
