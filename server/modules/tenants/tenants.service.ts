import type { z } from 'zod';
import type { AdminTenant, OneTimeLink, tenantCreate } from '../../../common/schemas/accounts';
import type { TenantSummary } from '../../../common/schemas/platform';
import { validateThaiAddress } from '../../../common/thai/address';
import * as repo from './tenants.repository';
import type { SessionUser, TenantContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Lang } from '../../platform/messages';
import { invite } from '../accounts/accounts.service';

/**
 * The platform admin sets up a local government: its names, kind and place (checked against the Thai address
 * dataset), its slug, and a one-time link for its first admin. Nothing else is created: the first admin starts
 * from an empty tenant and its first-steps checklist.
 */
export async function createTenant(
  db: Db,
  actor: SessionUser,
  input: z.output<typeof tenantCreate>,
  lang: Lang,
): Promise<{ tenant: TenantSummary; invitation: OneTimeLink }> {
  const place = validateThaiAddress({ province: input.province, district: input.district, subdistrict: input.subdistrict });
  if (!place.ok) throw new AppError('validation_failed', Object.fromEntries(place.errors.map((e) => [e.field, e.code])));
  if (await repo.slugTaken(db, input.slug)) throw new AppError('validation_failed', { slug: 'slug_taken' });
  if (await repo.sameNameInProvince(db, input.nameTh, input.province)) throw new AppError('validation_failed', { nameTh: 'tenant_exists' });
  const row = await repo.insertTenant(db, {
    slug: input.slug,
    nameTh: input.nameTh,
    nameEn: input.nameEn,
    type: input.type,
    province: input.province,
    district: input.district,
    subdistrict: input.subdistrict,
  });
  const ctx: TenantContext = {
    db,
    tenant: { id: row.id, slug: row.slug, nameTh: row.nameTh, nameEn: row.nameEn },
    actor: { user: actor, role: 'platform_admin' },
    lang,
  };
  try {
    const invitation = await invite(ctx, { email: input.firstAdmin.email, name: input.firstAdmin.name, role: 'admin' });
    return { tenant: summary(row), invitation };
  } catch (err) {
    await repo.deleteTenant(db, row.id); // nothing half-made stays behind
    throw err;
  }
}

const summary = (t: repo.TenantRow): TenantSummary => ({
  slug: t.slug,
  nameTh: t.nameTh,
  nameEn: t.nameEn,
  type: t.type as TenantSummary['type'],
  province: t.province,
  district: t.district,
  subdistrict: t.subdistrict,
});

/** Every tenant with a few counts, for the platform admin's list (read as the owner, across tenants). */
export async function listTenantsForAdmin(db: Db): Promise<AdminTenant[]> {
  const found = await repo.tenantsWithCounts(db);
  return found.map((r) => ({
    id: String(r.id),
    slug: String(r.slug),
    nameTh: String(r.name_th),
    nameEn: String(r.name_en),
    type: r.type as TenantSummary['type'],
    province: String(r.province),
    district: String(r.district),
    subdistrict: String(r.subdistrict),
    createdAt: new Date(r.created_at as string).toISOString(),
    users: Number(r.users),
    partners: Number(r.partners),
    networks: Number(r.networks),
    pendingInvitations: Number(r.pending),
  }));
}

/** The health check's database probe. */
export const pingDatabase = repo.pingDatabase;

/** Every local government on this server, in Thai order (the login page's list). */
export const listTenantSummaries = repo.tenantSummaries;
