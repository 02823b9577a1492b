import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AdminTenant, OneTimeLink, tenantCreate } from '../../../common/schemas/accounts';
import type { TenantSummary } from '../../../common/schemas/platform';
import { validateThaiAddress } from '../../../common/thai/address';
import { tenants } from '../../db/schema';
import type { SessionUser, TenantContext } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { rows, thaiOrder } from '../../platform/sql';
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
  const [taken] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, input.slug)).limit(1);
  if (taken) throw new AppError('validation_failed', { slug: 'slug_taken' });
  const [sameName] = await db
    .select({ id: tenants.id })
    .from(tenants)
    .where(sql`${tenants.nameTh} = ${input.nameTh} and ${tenants.province} = ${input.province}`)
    .limit(1);
  if (sameName) throw new AppError('validation_failed', { nameTh: 'tenant_exists' });
  const [row] = await db
    .insert(tenants)
    .values({
      slug: input.slug,
      nameTh: input.nameTh,
      nameEn: input.nameEn,
      type: input.type,
      province: input.province,
      district: input.district,
      subdistrict: input.subdistrict,
    })
    .returning();
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
    await db.delete(tenants).where(eq(tenants.id, row.id)); // nothing half-made stays behind
    throw err;
  }
}

const summary = (t: typeof tenants.$inferSelect): TenantSummary => ({
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
  const found = await rows<Record<string, unknown>>(
    db,
    sql`
    -- counted per tenant once and joined (not a correlated count per tenant): one pass over each table, and a
    -- form Citus can run (a correlated subquery from a reference table into a distributed one is refused)
    with u as (select tenant_id, count(*)::int as n from tenant_users where active group by tenant_id),
         p as (select tenant_id, count(*)::int as n from parties group by tenant_id),
         n as (select tenant_id, count(*)::int as n from networks group by tenant_id),
         l as (select invite_tenant_id as tenant_id, count(*)::int as n from account_links
                where kind = 'invitation' and used_at is null and expires_at > now() group by invite_tenant_id)
    select t.id, t.slug, t.name_th, t.name_en, t.type, t.province, t.district, t.subdistrict, t.created_at,
      coalesce(u.n, 0) as users, coalesce(p.n, 0) as partners, coalesce(n.n, 0) as networks, coalesce(l.n, 0) as pending
    from tenants t left join u on u.tenant_id = t.id left join p on p.tenant_id = t.id left join n on n.tenant_id = t.id
      left join l on l.tenant_id = t.id
    order by t.created_at, t.slug limit 10000`,
  );
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
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Every local government on this server, in Thai order (the login page's list). */
export async function listTenantSummaries(db: Db): Promise<TenantSummary[]> {
  const found = await db
    .select({
      slug: tenants.slug,
      nameTh: tenants.nameTh,
      nameEn: tenants.nameEn,
      type: tenants.type,
      province: tenants.province,
      district: tenants.district,
      subdistrict: tenants.subdistrict,
    })
    .from(tenants)
    .orderBy(thaiOrder(tenants.nameTh));
  return found as TenantSummary[];
}
