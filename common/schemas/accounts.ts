import { z } from 'zod';
import { TENANT_ROLES, TENANT_TYPES } from './enums';
import { tenantSummary } from './platform';

/** Passwords: length here; strength (a maintained estimator) is checked by the server, which knows the name and e-mail. */
export const newPassword = z.string().min(10, { message: 'password_too_short' }).max(200);

export const passwordChange = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword,
});

export const passwordCheck = z.strictObject({
  password: z.string().max(200),
  email: z.string().max(200).optional(),
  name: z.string().max(200).optional(),
});
export const passwordStrength = z.object({
  /** 0 (guessed at once) … 4 (very hard); 3 or more is accepted. */
  score: z.number().int().min(0).max(4),
  acceptable: z.boolean(),
  /** What makes it weak, as message keys the web words in the reader's language. */
  warnings: z.array(z.string()),
});
export type PasswordStrength = z.infer<typeof passwordStrength>;

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9-]{2,39}$/, { message: 'invalid_slug' })
  .refine((s) => !s.endsWith('-') && !s.includes('--'), { message: 'invalid_slug' });

export const tenantCreate = z.strictObject({
  slug,
  nameTh: z.string().trim().min(3).max(200),
  nameEn: z.string().trim().min(3).max(200),
  type: z.enum(TENANT_TYPES),
  province: z.string().trim().min(1).max(100),
  district: z.string().trim().min(1).max(100),
  subdistrict: z.string().trim().min(1).max(100),
  /** The local government's first admin, invited by a one-time link. */
  firstAdmin: z.strictObject({
    email: z.email({ message: 'invalid_email' }).max(200),
    name: z.string().trim().min(1).max(200),
  }),
});
export type TenantCreateInput = z.input<typeof tenantCreate>;

export const invitationCreate = z.strictObject({
  email: z.email({ message: 'invalid_email' }).max(200),
  name: z.string().trim().min(1).max(200),
  role: z.enum(TENANT_ROLES),
  partyId: z.uuid().nullish(),
});
export type InvitationCreateInput = z.input<typeof invitationCreate>;

/** A one-time link as its creator sees it once: the path holds the token, which is not stored. */
export const oneTimeLink = z.object({
  path: z.string(),
  expiresAt: z.string(),
});
export type OneTimeLink = z.infer<typeof oneTimeLink>;

export const pendingInvitation = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string().nullable(),
  role: z.enum(TENANT_ROLES),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type PendingInvitation = z.infer<typeof pendingInvitation>;

export const tenantCreated = z.object({
  tenant: tenantSummary,
  invitation: oneTimeLink,
});

export const adminTenant = tenantSummary.extend({
  id: z.uuid(),
  createdAt: z.string(),
  users: z.number().int(),
  partners: z.number().int(),
  networks: z.number().int(),
  pendingInvitations: z.number().int(),
});
export type AdminTenant = z.infer<typeof adminTenant>;

/** What the person who opened a link sees before acting on it. */
export const linkInfo = z.object({
  kind: z.enum(['invitation', 'password_reset']),
  email: z.string(),
  name: z.string().nullable(),
  /** Invitations: the tenant and the role offered. */
  tenant: tenantSummary.nullable(),
  role: z.enum(TENANT_ROLES).nullable(),
  /** An invitation for an e-mail that already has an account: accept with that account's password. */
  accountExists: z.boolean(),
  expiresAt: z.string(),
});
export type LinkInfo = z.infer<typeof linkInfo>;

export const tokenParams = z.object({
  token: z
    .string()
    .min(20)
    .max(100)
    .regex(/^[A-Za-z0-9_-]+$/),
});

export const invitationAccept = z.strictObject({
  /** For a new account: the person's name as they want it shown. */
  name: z.string().trim().min(1).max(200).optional(),
  /** A new account's password, or the existing account's password to prove it is theirs. */
  password: z.string().min(1).max(200),
});

export const passwordResetComplete = z.strictObject({ password: newPassword });
