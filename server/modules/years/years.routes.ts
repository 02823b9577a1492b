import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { tenantParams } from '../../../common/schemas/api';
import { fiscalYears as fiscalYearsSchema } from '../../../common/schemas/years';
import { anyTenantRole, PUBLIC } from '../../platform/access';
import { fiscalYears } from './years.service';

export async function yearRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/t/:tenant/fiscal-years',
    {
      config: { access: anyTenantRole },
      schema: {
        tags: ['platform'],
        summary: 'Fiscal years with data and the default year every page opens on (the latest with data, not in the future)',
        params: tenantParams,
        response: { 200: fiscalYearsSchema },
      },
    },
    (req) => fiscalYears(app.db, req.tenantCtx.tenant.id),
  );
  r.get(
    '/api/v1/public/:tenant/fiscal-years',
    {
      config: { access: PUBLIC },
      schema: { tags: ['public'], summary: 'The same for the public pages (no login)', params: tenantParams, response: { 200: fiscalYearsSchema } },
    },
    async (req) => fiscalYears(app.db, (await app.tenantDirectory.get(req.params.tenant)).id),
  );
}
