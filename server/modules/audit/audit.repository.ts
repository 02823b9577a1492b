import { and, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ActivitySummary, AuditEntry, auditQuery } from '../../../common/schemas/platform';
import { auditLog } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { likePattern } from '../../platform/sql';

export function presentAudit(r: typeof auditLog.$inferSelect): AuditEntry {
  return {
    id: r.id,
    actorName: r.actorName,
    actorRole: r.actorRole,
    entity: r.entity,
    entityId: r.entityId,
    entityLabel: r.entityLabel,
    action: r.action,
    changes: r.changes ?? null,
    createdAt: new Date(r.createdAt).toISOString(),
  };
}

/** The latest events of a tenant, newest first, without what changed (the dashboard's "recent activity"). */
export async function recentAudit(tx: Tx, tenantId: string, limit: number): Promise<ActivitySummary[]> {
  const rows = await tx
    .select({
      id: auditLog.id,
      actorName: auditLog.actorName,
      actorRole: auditLog.actorRole,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      entityLabel: auditLog.entityLabel,
      action: auditLog.action,
      createdAt: auditLog.createdAt,
    })
    .from(auditLog)
    .where(eq(auditLog.tenantId, tenantId))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
}

/** One page of the audit log, newest first, with the total for the pager. */
export async function listAudit(tx: Tx, tenantId: string, q: z.output<typeof auditQuery>): Promise<{ items: AuditEntry[]; total: number }> {
  const conds: (SQL | undefined)[] = [eq(auditLog.tenantId, tenantId)];
  if (q.entity) conds.push(eq(auditLog.entity, q.entity));
  if (q.entityId) conds.push(eq(auditLog.entityId, q.entityId));
  if (q.action) conds.push(eq(auditLog.action, q.action));
  if (q.q) conds.push(ilike(auditLog.entityLabel, likePattern(q.q)));
  const w = and(...conds);
  // one after the other: a transaction is one connection, and pg refuses overlapping queries
  const found = await tx
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
  return { items: found.map(presentAudit), total };
}
