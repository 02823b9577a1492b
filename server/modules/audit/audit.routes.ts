import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { listOf, tenantParams } from '../../../common/schemas/api';
import { auditEntry, auditQuery } from '../../../common/schemas/platform';
import { listAudit } from './audit.repository';
import { adminsOnly } from '../../platform/access';
import { withTenant } from '../../platform/db';

export async function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/t/:tenant/audit',
    {
      config: { access: adminsOnly },
      schema: {
        tags: ['audit'],
        summary: 'Browse the audit log (newest first)',
        params: tenantParams,
        querystring: auditQuery,
        response: { 200: listOf(auditEntry) },
      },
    },
    async (req) => {
      const { tenant, db } = req.tenantCtx;
      const { items, total } = await withTenant(db, tenant.id, (tx) => listAudit(tx, tenant.id, req.query));
      return { items, total, page: req.query.page, pageSize: req.query.pageSize };
    },
  );
}
