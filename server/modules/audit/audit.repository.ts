import { desc, eq } from 'drizzle-orm';
import type { ActivitySummary, AuditEntry } from '../../../common/schemas/platform';
import { auditLog } from '../../db/schema';
import type { Tx } from '../../platform/db';

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
