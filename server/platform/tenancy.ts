import { and, eq } from 'drizzle-orm';
import type { Db } from './db';
import { tenants, tenantUsers } from '../db/schema';
import type { TenantRef } from './context';
import { AppError } from './errors';
import { identityCache } from './identity-cache';
import type { TenantRole } from '../../common/schemas/enums';

/** Tenants change rarely: keep slug → tenant in memory, refreshed on a miss or after a minute. */
export class TenantDirectory {
  private bySlug = new Map<string, TenantRef>();
  private loadedAt = 0;

  constructor(private readonly db: Db) {}

  async find(slug: string): Promise<TenantRef | null> {
    if (Date.now() - this.loadedAt > 60_000 || !this.bySlug.has(slug)) await this.reload();
    return this.bySlug.get(slug) ?? null;
  }

  /** The tenant of this slug, or the answer tenant_not_found (404). */
  async get(slug: string): Promise<TenantRef> {
    const tenant = await this.find(slug);
    if (!tenant) throw new AppError('tenant_not_found');
    return tenant;
  }

  async reload(): Promise<void> {
    const rows = await this.db.select({ id: tenants.id, slug: tenants.slug, nameTh: tenants.nameTh, nameEn: tenants.nameEn }).from(tenants);
    this.bySlug = new Map(rows.map((r) => [r.slug, r]));
    this.loadedAt = Date.now();
  }
}

/** The user's active role in a tenant, or null. Runs as the owner: tenant_users is read across tenants. */
export async function findTenantRole(db: Db, tenantId: string, userId: string): Promise<TenantRole | null> {
  const cache = identityCache(db);
  const known = cache.tenantRole(tenantId, userId);
  if (known !== undefined) return known;
  const generation = cache.begin();
  const rows = await db
    .select({ role: tenantUsers.role })
    .from(tenantUsers)
    .where(and(eq(tenantUsers.tenantId, tenantId), eq(tenantUsers.userId, userId), eq(tenantUsers.active, true)))
    .limit(1);
  const role = (rows[0]?.role as TenantRole) ?? null;
  cache.putTenantRole(generation, tenantId, userId, role);
  return role;
}
