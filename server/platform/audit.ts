import { auditLog } from '../db/schema';
import type { Tx } from './db';
import { type TenantContext, actorUserId } from './context';
import type { AUDIT_ACTIONS } from '../../common/schemas/platform';

type AuditAction = (typeof AUDIT_ACTIONS)[number];

type Row = Record<string, unknown>;

/** Fields whose values never go into the audit log. */
export const SECRET_FIELDS = new Set(['passwordHash', 'citizenIdHash', 'password']);
export const IGNORED_FIELDS = new Set(['updatedAt', 'createdAt', 'tenantId']);

export function diff(before: Row | null, after: Row | null): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED_FIELDS.has(key)) continue;
    const a = before?.[key] ?? null;
    const b = after?.[key] ?? null;
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    changes[key] = SECRET_FIELDS.has(key) ? { before: a === null ? null : '***', after: b === null ? null : '***' } : { before: a, after: b };
  }
  return changes;
}

export interface AuditEvent {
  entity: string;
  entityId: string | null;
  entityLabel?: string | null;
  action: AuditAction;
  /** A row may be given whole: its tenant and timestamps are never recorded (IGNORED_FIELDS), its secrets masked. */
  before?: Row | null;
  after?: Row | null;
}

/** Record a write in the tenant's audit log, inside the same transaction as the write. */
export function audit(tx: Tx, ctx: TenantContext, event: AuditEvent): Promise<void> {
  return auditMany(tx, ctx, [event]);
}

export async function auditMany(tx: Tx, ctx: TenantContext, events: AuditEvent[]): Promise<void> {
  const rows = events.flatMap((event) => {
    const changes = diff(event.before ?? null, event.after ?? null);
    if (event.action === 'update' && Object.keys(changes).length === 0) return [];
    return [row(ctx, event, changes)];
  });
  for (let i = 0; i < rows.length; i += 500) await tx.insert(auditLog).values(rows.slice(i, i + 500));
}

function row(ctx: TenantContext, event: AuditEvent, changes: Record<string, { before: unknown; after: unknown }>) {
  return {
    tenantId: ctx.tenant.id,
    actorUserId: actorUserId(ctx),
    actorName: ctx.actor.user.name,
    actorRole: ctx.actor.role,
    entity: event.entity,
    entityId: event.entityId,
    entityLabel: event.entityLabel ?? null,
    action: event.action,
    changes,
  };
}
