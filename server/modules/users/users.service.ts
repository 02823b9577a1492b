import type { z } from 'zod';
import type { ListResult, ListQuery } from '../../../common/schemas/api';
import type { TenantUser, userCreate, userUpdate } from '../../../common/schemas/platform';
import * as repo from './users.repository';
import type { MemberRow } from './users.repository';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { forgetIdentities } from '../../platform/identity-cache';
import { hashPassword } from '../auth/passwords';
import { assertStrongPassword } from '../accounts/password-strength';
import { existingPartyIds } from '../partners/partners.repository';
import { logSensitiveFields } from '../privacy/sensitive';

const present = (r: MemberRow): TenantUser => ({ ...r, role: r.role as TenantUser['role'], createdAt: new Date(r.createdAt).toISOString() });

export async function listUsers(ctx: TenantContext, q: ListQuery): Promise<ListResult<TenantUser>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { rows, total } = await repo.listMembers(tx, ctx.tenant.id, q.q, q.page, q.pageSize);
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
  if (await repo.emailTaken(ctx.db, email)) throw new AppError('email_taken', { email: 'email_taken' });
  assertStrongPassword(input.password, [email, input.name]);
  const passwordHash = await hashPassword(input.password);
  const user = await repo.insertAccount(ctx.db, { email, name: input.name, passwordHash, mustChangePassword: true });
  try {
    return await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
      await assertPartyExists(tx, ctx, input.partyId);
      await repo.insertMembership(tx, { tenantId: ctx.tenant.id, userId: user.id, role: input.role, partyId: input.partyId ?? null });
      await audit(tx, ctx, {
        entity: 'user',
        entityId: user.id,
        entityLabel: input.name,
        action: 'create',
        after: { email, name: input.name, role: input.role, partyId: input.partyId ?? null },
      });
      return present((await repo.findMember(tx, ctx.tenant.id, user.id))!);
    });
  } catch (err) {
    await repo.deleteAccount(ctx.db, user.id); // nothing half-made stays behind
    throw err;
  }
}

export async function updateUser(ctx: TenantContext, userId: string, input: z.output<typeof userUpdate>): Promise<TenantUser> {
  if (userId === ctx.actor.user.id && (input.active === false || (input.role && input.role !== 'admin')))
    throw new AppError('validation_failed', { active: 'cannot_remove_self' });
  const updated = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await repo.findMember(tx, ctx.tenant.id, userId);
    if (!before) throw new AppError('not_found');
    await assertPartyExists(tx, ctx, input.partyId);
    const membership: Parameters<typeof repo.updateMembership>[3] = {};
    if (input.role) membership.role = input.role;
    if (input.active !== undefined) membership.active = input.active;
    if (input.partyId !== undefined) membership.partyId = input.partyId;
    await repo.updateMembership(tx, ctx.tenant.id, userId, membership);
    if (input.name) await repo.renameAccount(tx, userId, input.name);
    const after = (await repo.findMember(tx, ctx.tenant.id, userId))!;
    const view = ({ email, name, role, active, partyId }: MemberRow) => ({ email, name: input.name ?? name, role, active, partyId });
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
