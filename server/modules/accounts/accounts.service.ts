import { forgetIdentities } from '../../platform/identity-cache';
import type { z } from 'zod';
import type { invitationAccept, invitationCreate, LinkInfo, OneTimeLink, PendingInvitation } from '../../../common/schemas/accounts';
import type { TenantRole, TenantType } from '../../../common/schemas/enums';
import { endSessionsOf } from '../auth/sessions.repository';
import * as usersRepo from '../users/users.repository';
import { findTenantById } from '../tenants/tenants.repository';
import { audit } from '../../platform/audit';
import type { SessionUser, TenantContext, TenantRef } from '../../platform/context';
import { enterTenant, type Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Lang } from '../../platform/messages';
import { existingPartyIds } from '../partners/partners.repository';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { assertStrongPassword } from './password-strength';
import * as links from './links.repository';

export const INVITATION_DAYS = 7;
export const RESET_HOURS = 24;

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const linkOut = (kind: links.LinkKind, token: string, expiresAt: Date): OneTimeLink => ({
  path: `/${kind === 'invitation' ? 'invite' : 'reset'}/${token}`,
  expiresAt: expiresAt.toISOString(),
});

// ---- passwords ---------------------------------------------------------------------------------

/** The logged-in person changes their own password; their other sessions end. */
export async function changePassword(db: Db, user: SessionUser, currentPassword: string, newPassword: string, keepTokenHash: string | null) {
  const account = await links.findUserByEmail(db, user.email);
  if (!account || !(await verifyPassword(account.passwordHash, currentPassword)))
    throw new AppError('validation_failed', { currentPassword: 'wrong_password' });
  if (currentPassword === newPassword) throw new AppError('validation_failed', { newPassword: 'password_unchanged' });
  assertStrongPassword(newPassword, [user.email, user.name], 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await usersRepo.setPassword(tx, user.id, passwordHash);
    await endSessionsOf(tx, user.id, keepTokenHash);
  });
  forgetIdentities(db);
}

/**
 * A tenant admin may issue a reset link only for an account that belongs to their tenant alone (resetting an
 * account that also works elsewhere would hand them that access too); the platform admin may for anyone.
 */
export async function issueResetLink(ctx: TenantContext, userId: string): Promise<OneTimeLink> {
  const member = await usersRepo.findMemberAccount(ctx.db, ctx.tenant.id, userId);
  if (!member) throw new AppError('not_found');
  if (ctx.actor.role !== 'platform_admin') {
    const elsewhere = (await links.membershipsOf(ctx.db, userId)).some((m) => m.tenantId !== ctx.tenant.id);
    if (member.isPlatformAdmin || elsewhere) throw new AppError('reset_needs_platform_admin');
  }
  const expiresAt = new Date(Date.now() + RESET_HOURS * 3_600_000);
  const token = await ctx.db.transaction(async (tx) => {
    await links.retireLinks(tx, 'password_reset', { userId });
    const t = await links.insertLink(tx, { kind: 'password_reset', email: member.email, userId, createdBy: ctx.actor.user.id, expiresAt });
    await enterTenant(tx, ctx.tenant.id);
    await audit(tx, ctx, { entity: 'user', entityId: userId, entityLabel: member.name, action: 'update', after: { passwordResetLinkIssued: true } });
    return t;
  });
  return linkOut('password_reset', token, expiresAt);
}

/** Sets a new password from a reset link; every session of the account ends. Returns the account. */
export async function completePasswordReset(db: Db, token: string, password: string): Promise<usersRepo.Account> {
  const link = await links.findUsableLink(db, token);
  if (!link || link.kind !== 'password_reset' || !link.userId) throw new AppError('link_invalid');
  const account = await usersRepo.findAccountById(db, link.userId);
  if (!account || !account.active) throw new AppError('link_invalid');
  assertStrongPassword(password, [account.email, account.name]);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    if (!(await links.claimLink(tx, token))) throw new AppError('link_invalid');
    await usersRepo.setPassword(tx, account.id, passwordHash);
    await endSessionsOf(tx, account.id);
  });
  forgetIdentities(db);
  return account;
}

// ---- invitations -------------------------------------------------------------------------------

/**
 * Invites a person into this tenant by e-mail. The answer is the same whether or not the e-mail already has
 * an account elsewhere (nobody learns what other tenants hold); whoever opens the link learns it, since they
 * then prove the account is theirs with its password.
 */
export async function invite(ctx: TenantContext, input: z.output<typeof invitationCreate>): Promise<OneTimeLink> {
  const email = input.email.trim().toLowerCase();
  const existing = await links.findUserByEmail(ctx.db, email);
  if (existing && (await links.membershipsOf(ctx.db, existing.id)).some((m) => m.tenantId === ctx.tenant.id))
    throw new AppError('validation_failed', { email: 'already_in_tenant' });
  const expiresAt = inDays(INVITATION_DAYS);
  const token = await ctx.db.transaction(async (tx) => {
    await links.retireLinks(tx, 'invitation', { email, tenantId: ctx.tenant.id });
    const t = await links.insertLink(tx, {
      kind: 'invitation',
      email,
      name: input.name,
      inviteTenantId: ctx.tenant.id,
      role: input.role,
      partyId: input.partyId ?? null,
      createdBy: ctx.actor.user.id === '00000000-0000-0000-0000-000000000000' ? null : ctx.actor.user.id,
      expiresAt,
    });
    await enterTenant(tx, ctx.tenant.id);
    if (input.partyId && !(await existingPartyIds(tx, ctx.tenant.id, [input.partyId])).has(input.partyId))
      throw new AppError('validation_failed', { partyId: 'unknown_party' });
    await audit(tx, ctx, { entity: 'invitation', entityId: null, entityLabel: input.name, action: 'create', after: { email, role: input.role } });
    return t;
  });
  return linkOut('invitation', token, expiresAt);
}

export async function listInvitations(ctx: TenantContext): Promise<PendingInvitation[]> {
  return (await links.pendingInvitations(ctx.db, ctx.tenant.id)).map((r) => ({
    id: links.publicLinkId(r),
    email: r.email,
    name: r.name,
    role: r.role as TenantRole,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  }));
}

export async function revokeInvitation(ctx: TenantContext, id: string): Promise<void> {
  if (!(await links.revokeInvitation(ctx.db, ctx.tenant.id, id))) throw new AppError('not_found');
}

/** What the holder of a link may see before using it. */
export async function linkInfo(db: Db, token: string): Promise<LinkInfo> {
  const link = await links.findUsableLink(db, token);
  if (!link) throw new AppError('link_invalid');
  const tenant = link.inviteTenantId ? await findTenantById(db, link.inviteTenantId) : null;
  const account = await links.findUserByEmail(db, link.email);
  return {
    kind: link.kind,
    email: link.email,
    name: link.kind === 'invitation' ? link.name : (account?.name ?? null),
    tenant: tenant
      ? {
          slug: tenant.slug,
          nameTh: tenant.nameTh,
          nameEn: tenant.nameEn,
          type: tenant.type as TenantType,
          province: tenant.province,
          district: tenant.district,
          subdistrict: tenant.subdistrict,
        }
      : null,
    role: (link.role as TenantRole | null) ?? null,
    accountExists: Boolean(account),
    expiresAt: link.expiresAt.toISOString(),
  };
}

/**
 * Accepts an invitation: a new account chooses its name and password; an existing one proves itself with its
 * password (or is already logged in as that account). The membership, its audit entry and the used link are one
 * transaction. Returns the account, for the route to open a session.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  input: z.output<typeof invitationAccept>,
  current: SessionUser | null,
  lang: Lang,
): Promise<usersRepo.Account> {
  const link = await links.findUsableLink(db, token);
  if (!link || link.kind !== 'invitation' || !link.inviteTenantId || !link.role) throw new AppError('link_invalid');
  const tenant = await findTenantById(db, link.inviteTenantId);
  if (!tenant) throw new AppError('link_invalid');
  let account = await links.findUserByEmail(db, link.email);
  if (account) {
    const itIsThem = current?.id === account.id || (await verifyPassword(account.passwordHash, input.password));
    if (!itIsThem) throw new AppError('validation_failed', { password: 'wrong_password' });
    if (!account.active) throw new AppError('account_disabled');
  }
  const name = (input.name ?? link.name ?? '').trim();
  let passwordHash: string | null = null;
  if (!account) {
    if (!name) throw new AppError('validation_failed', { name: 'required' });
    assertStrongPassword(input.password, [link.email, name]);
    passwordHash = await hashPassword(input.password);
  }
  const role = link.role as TenantRole;
  const joined = await db.transaction(async (tx) => {
    if (!(await links.claimLink(tx, token))) throw new AppError('link_invalid');
    if (!account) {
      account = await usersRepo.insertAccount(tx, { email: link.email, name, passwordHash: passwordHash!, passwordChangedAt: new Date() });
    }
    const user = account!;
    const ref: TenantRef = { id: tenant.id, slug: tenant.slug, nameTh: tenant.nameTh, nameEn: tenant.nameEn };
    const ctx: TenantContext = {
      db,
      tenant: ref,
      actor: { user: { id: user.id, email: user.email, name: user.name, isPlatformAdmin: user.isPlatformAdmin }, role },
      lang,
    };
    await enterTenant(tx, tenant.id);
    const partyId = link.partyId && (await existingPartyIds(tx, tenant.id, [link.partyId])).has(link.partyId) ? link.partyId : null;
    await usersRepo.upsertMembership(tx, { tenantId: tenant.id, userId: user.id, role, partyId });
    await audit(tx, ctx, {
      entity: 'user',
      entityId: user.id,
      entityLabel: user.name,
      action: 'create',
      after: { email: user.email, name: user.name, role, partyId, acceptedInvitation: true },
    });
    return user;
  });
  forgetIdentities(db);
  return joined;
}
