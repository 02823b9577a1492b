import { and, desc, eq, ilike, type SQL } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { listOf, tenantParams } from '../../../common/schemas/api';
import { auditEntry, auditQuery } from '../../../common/schemas/platform';
import { presentAudit } from './audit.repository';
import { auditLog } from '../../db/schema';
import { adminsOnly } from '../../platform/access';
import { withTenant } from '../../platform/db';
import { likePattern } from '../../platform/sql';

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
      const { tenant } = req.tenantCtx;
      const q = req.query;
      const conds: (SQL | undefined)[] = [eq(auditLog.tenantId, tenant.id)];
      if (q.entity) conds.push(eq(auditLog.entity, q.entity));
      if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
      if (q.action) conds.push(eq(auditLog.action, q.action));
      if (q.q) conds.push(ilike(auditLog.entityLabel, likePattern(q.q)));
      const w = and(...conds);
      return withTenant(req.tenantCtx.db, tenant.id, async (tx) => {
        // one after the other: a transaction is one connection, and pg refuses overlapping queries
        const rows = await tx
          .select()
          .from(auditLog)
          .where(w)
          .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
          .limit(q.pageSize)
          .offset((q.page - 1) * q.pageSize);
        const [{ total }] = await tx
          .select({ total: sql<number>`count(*)::int` })
          .from(auditLog)
          .where(w);
        return { items: rows.map(presentAudit), total, page: q.page, pageSize: q.pageSize };
      });
    },
  );
}
