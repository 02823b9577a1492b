import type { Party } from '../../../common/schemas/partners';
import type { SensitiveField } from '../../../common/schemas/privacy';
import { actorUserId, type TenantContext } from '../../platform/context';
import type { Tx } from '../../platform/db';
import { insertAccessLog } from './privacy.repository';

/**
 * A person's contact data (phone, e-mail, LINE, house address) is shown unmasked only where a role needs it, and
 * every such showing is written to `privacy_access_log` in the same transaction as the read. Organisations' contacts
 * are not personal data and are never masked. Citizen IDs are never stored unmasked (partners.validate.ts).
 */

/** 081-234-5678 → xxx-xxx-5678: the last four digits stay, enough to tell two numbers apart. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length <= 4 ? 'xxx' : `xxx-xxx-${digits.slice(-4)}`;
}

/** somchai.k@example.org → so***@example.org */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return 'xxx';
  return `${email.slice(0, Math.min(2, at))}***${email.slice(at)}`;
}

/** Free text (LINE ID, house number and street): the first character only. */
export const maskText = (s: string) => (s.length <= 1 ? 'x' : `${[...s][0]}***`);

/** The sensitive fields this party carries with a value (none for an organisation). */
export function sensitiveFieldsOf(p: Party): SensitiveField[] {
  if (p.kind !== 'person') return [];
  const out: SensitiveField[] = [];
  if (p.phone) out.push('phone');
  if (p.email) out.push('email');
  if (p.lineId) out.push('lineId');
  if (p.address.line) out.push('address');
  return out;
}

/** A person's contact fields masked; an organisation as it is. */
export function maskParty<T extends Party>(p: T): T {
  if (p.kind !== 'person') return p;
  return {
    ...p,
    phone: p.phone && maskPhone(p.phone),
    email: p.email && maskEmail(p.email),
    lineId: p.lineId && maskText(p.lineId),
    address: { ...p.address, line: p.address.line && maskText(p.address.line) },
  };
}

/**
 * Record that the caller is being shown these parties' sensitive fields unmasked (one row per person), in the
 * transaction that reads them: if the log cannot be written, nothing is shown. Parties without any are skipped.
 */
export async function logSensitiveAccess(tx: Tx, ctx: TenantContext, shown: Party[], route: string): Promise<number> {
  return logSensitiveFields(
    tx,
    ctx,
    shown.map((p) => ({ partyId: p.id, fields: sensitiveFieldsOf(p) })),
    route,
  );
}

/**
 * The same for lists that show a person's contact fields outside the registry (e.g. the e-mail of the account
 * linked to a person): one row per person with the fields shown; entries without fields are skipped.
 */
export async function logSensitiveFields(tx: Tx, ctx: TenantContext, shown: { partyId: string; fields: SensitiveField[] }[], route: string): Promise<number> {
  const rows = shown
    .filter((r) => r.fields.length > 0)
    .map((r) => ({
      tenantId: ctx.tenant.id,
      viewerUserId: actorUserId(ctx),
      viewerName: ctx.actor.user.name,
      viewerRole: ctx.actor.role,
      partyId: r.partyId,
      fields: r.fields,
      route,
    }));
  await insertAccessLog(tx, rows);
  return rows.length;
}
