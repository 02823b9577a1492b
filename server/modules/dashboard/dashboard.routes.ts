import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tenantParams } from '../../../common/schemas/api';
import { dashboard } from '../../../common/schemas/platform';
import { anyTenantRole } from '../../platform/access';
import { sendCachedPage } from '../../platform/page-cache';
import { getDashboardJson } from './dashboard.service';

export async function dashboardRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/t/:tenant/dashboard',
    {
      config: { access: anyTenantRole },
      schema: {
        tags: ['dashboard'],
        summary: 'Counts for the dashboard charts; recent activity (who did what, not what changed) for admins and officers',
        params: tenantParams,
        response: { 200: dashboard },
      },
    },
    async (req, reply) => sendCachedPage(reply, await getDashboardJson(req.tenantCtx)),
  );
}
