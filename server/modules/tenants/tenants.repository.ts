import { eq, sql } from 'drizzle-orm';
import type { TenantSummary } from '../../../common/schemas/platform';
import { tenants } from '../../db/schema';
import type { Db, Tx } from '../../platform/db';
import { rows, thaiOrder } from '../../platform/sql';

/** All SQL on `tenants`, and the platform admin's cross-tenant counts (a read across modules, one statement). */

export type TenantRow = typeof tenants.$inferSelect;
type Queryable = Db | Tx;

export async function findTenantById(q: Queryable, tenantId: string): Promise<TenantRow | null> {
  const [t] = await q.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  return t ?? null;
}

export async function slugTaken(q: Queryable, slug: string): Promise<boolean> {
  return (await q.select({ id: tenants.id }).from(tenants).where(eq(tenants.slug, slug)).limit(1)).length > 0;
}

export async function sameNameInProvince(q: Queryable, nameTh: string, province: string): Promise<boolean> {
  const found = await q
    .select({ id: tenants.id })
    .from(tenants)
    .where(sql`${tenants.nameTh} = ${nameTh} and ${tenants.province} = ${province}`)
    .limit(1);
  return found.length > 0;
}

export async function insertTenant(q: Queryable, values: typeof tenants.$inferInsert): Promise<TenantRow> {
  const [row] = await q.insert(tenants).values(values).returning();
  return row;
}

export async function deleteTenant(q: Queryable, tenantId: string) {
  await q.delete(tenants).where(eq(tenants.id, tenantId));
}

export type TenantCountsRow = Record<'id' | 'slug' | 'name_th' | 'name_en' | 'type' | 'province' | 'district' | 'subdistrict', string> & {
  created_at: string | Date;
  users: number;
  partners: number;
  networks: number;
  pending: number;
};

/** Every tenant with a few counts (read as the owner, across tenants). */
export function tenantsWithCounts(db: Db) {
  return rows<TenantCountsRow>(
    db,
    sql`
    select t.id, t.slug, t.name_th, t.name_en, t.type, t.province, t.district, t.subdistrict, t.created_at,
      (select count(*)::int from tenant_users u where u.tenant_id = t.id and u.active) as users,
      (select count(*)::int from parties p where p.tenant_id = t.id) as partners,
      (select count(*)::int from networks n where n.tenant_id = t.id) as networks,
      (select count(*)::int from account_links l
        where l.invite_tenant_id = t.id and l.kind = 'invitation' and l.used_at is null and l.expires_at > now()) as pending
    from tenants t order by t.created_at, t.slug limit 10000`,
  );
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

export async function tenantSummaries(db: Db): Promise<TenantSummary[]> {
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

export type TenantRefRow = { id: string; slug: string; nameTh: string; nameEn: string };

/** Tenants' identities for jobs and links: all of them (ordered by slug), or the one with this slug or id. */
export async function tenantRefs(q: Queryable, only: { slug?: string; id?: string } = {}): Promise<TenantRefRow[]> {
  const where = only.slug !== undefined ? eq(tenants.slug, only.slug) : only.id !== undefined ? eq(tenants.id, only.id) : undefined;
  return q.select({ id: tenants.id, slug: tenants.slug, nameTh: tenants.nameTh, nameEn: tenants.nameEn }).from(tenants).where(where).orderBy(tenants.slug);
}
