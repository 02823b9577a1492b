import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListResult, ListQuery } from '../../../common/schemas/api';
import type { TenantUser, userCreate, userUpdate } from '../../../common/schemas/platform';
import { tenantUsers, users } from '../../db/schema';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { forgetIdentities } from '../../platform/identity-cache';
import { hashPassword } from '../auth/passwords';
import { assertStrongPassword } from '../accounts/password-strength';
import { existingPartyIds } from '../partners/partners.repository';
import { likePattern } from '../../platform/sql';
import { logSensitiveFields } from '../privacy/sensitive';

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: tenantUsers.role,
  active: tenantUsers.active,
  partyId: tenantUsers.partyId,
  createdAt: tenantUsers.createdAt,
};
type Row = { id: string; email: string; name: string; role: string; active: boolean; partyId: string | null; createdAt: Date };
const present = (r: Row): TenantUser => ({ ...r, role: r.role as TenantUser['role'], createdAt: new Date(r.createdAt).toISOString() });

function selectUsers(tx: Tx, tenantId: string, extra?: SQL) {
  return tx
    .select(columns)
    .from(tenantUsers)
    .innerJoin(users, eq(users.id, tenantUsers.userId))
    .where(and(eq(tenantUsers.tenantId, tenantId), extra));
}

export async function listUsers(ctx: TenantContext, q: ListQuery): Promise<ListResult<TenantUser>> {
  const filter = q.q ? or(ilike(users.name, likePattern(q.q)), ilike(users.email, likePattern(q.q))) : undefined;
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    // one after the other: a transaction is one connection, and pg refuses overlapping queries
    const rows = await selectUsers(tx, ctx.tenant.id, filter)
      .orderBy(asc(users.name), asc(users.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize);
    const [{ total }] = await tx
      .select({ total: sql<number>`count(*)::int` })
      .from(tenantUsers)
      .innerJoin(users, eq(users.id, tenantUsers.userId))
      .where(and(eq(tenantUsers.tenantId, ctx.tenant.id), filter));
    // admins only (users.routes.ts): the e-mail of an account linked to a person is that person's contact,
    // shown unmasked to manage the account, so each showing goes to the PDPA access log (privacy/sensitive.ts)
    const linked = rows.filter((r) => r.partyId).map((r) => ({ partyId: r.partyId!, fields: ['email' as const] }));
    await logSensitiveFields(tx, ctx, linked, 'GET /users');
    return { items: rows.map(present), total, page: q.page, pageSize: q.pageSize };
  });
}

async function assertPartyExists(tx: Tx, ctx: TenantContext, partyId: string | null | undefined) {
  if (partyId && !(await existingPartyIds(tx, ctx.tenant.id, [partyId])).has(partyId)) throw new AppError('validation_failed', { partyId: 'unknown_party' });
}

export async function createUser(ctx: TenantContext, input: z.output<typeof userCreate>): Promise<TenantUser> {
  const email = input.email.trim().toLowerCase();
  // Accounts are global: an existing email cannot be claimed (or its password reset) from a tenant.
  const taken = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`)
    .limit(1);
  if (taken.length) throw new AppError('email_taken', { email: 'email_taken' });
  assertStrongPassword(input.password, [email, input.name]);
  const passwordHash = await hashPassword(input.password);
  const [user] = await ctx.db.insert(users).values({ email, name: input.name, passwordHash, mustChangePassword: true }).returning({ id: users.id });
  try {
    return await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
      await assertPartyExists(tx, ctx, input.partyId);
      await tx.insert(tenantUsers).values({ tenantId: ctx.tenant.id, userId: user.id, role: input.role, partyId: input.partyId ?? null });
      await audit(tx, ctx, {
        entity: 'user',
        entityId: user.id,
        entityLabel: input.name,
        action: 'create',
        after: { email, name: input.name, role: input.role, partyId: input.partyId ?? null },
      });
      const [row] = await selectUsers(tx, ctx.tenant.id, eq(users.id, user.id));
      return present(row);
    });
  } catch (err) {
    await ctx.db.delete(users).where(eq(users.id, user.id)); // nothing half-made stays behind
    throw err;
  }
}

export async function updateUser(ctx: TenantContext, userId: string, input: z.output<typeof userUpdate>): Promise<TenantUser> {
  if (userId === ctx.actor.user.id && (input.active === false || (input.role && input.role !== 'admin')))
    throw new AppError('validation_failed', { active: 'cannot_remove_self' });
  const updated = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const [before] = await selectUsers(tx, ctx.tenant.id, eq(users.id, userId));
    if (!before) throw new AppError('not_found');
    await assertPartyExists(tx, ctx, input.partyId);
    const membership: Partial<typeof tenantUsers.$inferInsert> = {};
    if (input.role) membership.role = input.role;
    if (input.active !== undefined) membership.active = input.active;
    if (input.partyId !== undefined) membership.partyId = input.partyId;
    if (Object.keys(membership).length)
      await tx
        .update(tenantUsers)
        .set(membership)
        .where(and(eq(tenantUsers.tenantId, ctx.tenant.id), eq(tenantUsers.userId, userId)));
    if (input.name) await tx.update(users).set({ name: input.name, updatedAt: new Date() }).where(eq(users.id, userId));
    const [after] = await selectUsers(tx, ctx.tenant.id, eq(users.id, userId));
    const view = ({ email, name, role, active, partyId }: Row) => ({ email, name: input.name ?? name, role, active, partyId });
    await audit(tx, ctx, {
      entity: 'user',
      entityId: userId,
      entityLabel: after.name,
      action: 'update',
      before: { ...view(before), name: before.name },
      after: view(after),
    });
    return present({ ...after, name: input.name ?? after.name });
  });
  forgetIdentities(ctx.db); // a role or deactivation applies to the very next request
  return updated;
}
