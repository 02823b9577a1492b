import type { TenantRole } from '../../common/schemas/enums';
import type { Db, Tx } from './db';
import type { Lang } from './messages';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isPlatformAdmin: boolean;
  /** Someone else chose the password: every route but the password change answers 403 until it is changed. */
  mustChangePassword?: boolean;
}

export interface TenantRef {
  id: string;
  slug: string;
  nameTh: string;
  nameEn: string;
}

/** The caller inside a tenant: who they are and with which role they act. */
export interface Actor {
  user: SessionUser;
  /** 'platform_admin' when a platform admin acts in a tenant without a role of their own there. */
  role: TenantRole | 'platform_admin' | 'system';
}

/** What every tenant service function receives. */
export interface TenantContext {
  db: Db;
  tenant: TenantRef;
  actor: Actor;
  lang: Lang;
}

export const SYSTEM_USER: SessionUser = { id: '00000000-0000-0000-0000-000000000000', email: 'system', name: 'ระบบ', isPlatformAdmin: true };

/** The user to record as the one who did it: none for system work (demo seed, jobs). */
export const actorUserId = (ctx: { actor: Actor }): string | null => (ctx.actor.role === 'system' ? null : ctx.actor.user.id);

export function canAct(actor: Actor, roles: readonly TenantRole[]): boolean {
  return actor.role === 'platform_admin' || actor.role === 'system' || roles.includes(actor.role);
}

/**
 * The same caller inside an open transaction: another module's service called with it joins the transaction
 * (its own `withTenant` runs as a savepoint) instead of opening a second one that could not see this one's rows.
 */
export const inTransaction = (ctx: TenantContext, tx: Tx): TenantContext => ({ ...ctx, db: tx as unknown as Db });
