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
}

export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}

/** What the login page and /me show of a local government. */
export const summaryColumns = {
  slug: tenants.slug,
  nameTh: tenants.nameTh,
  nameEn: tenants.nameEn,
  type: tenants.type,
  province: tenants.province,
  district: tenants.district,
  subdistrict: tenants.subdistrict,
};

export async function tenantSummaries(db: Db): Promise<TenantSummary[]> {
  const found = await db.select(summaryColumns).from(tenants).orderBy(thaiOrder(tenants.nameTh));
  return found as TenantSummary[];
}

export type TenantRefRow = { id: string; slug: string; nameTh: string; nameEn: string };

/** Tenants' identities for jobs and links: all of them (ordered by slug), or the one with this slug or id. */
export async function tenantRefs(q: Queryable, only: { slug?: string; id?: string } = {}): Promise<TenantRefRow[]> {
  const where = only.slug !== undefined ? eq(tenants.slug, only.slug) : only.id !== undefined ? eq(tenants.id, only.id) : undefined;
  return q.select({ id: tenants.id, slug: tenants.slug, nameTh: tenants.nameTh, nameEn: tenants.nameEn }).from(tenants).where(where).orderBy(tenants.slug);
}
