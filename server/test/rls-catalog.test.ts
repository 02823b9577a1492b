import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../platform/sql';
import { buildTestApp, type TestApp } from './harness';

// Read from the catalog, not from a list someone keeps: every table with a tenant_id column has row-level
// security enabled and forced with the tenant policy, so a table added later cannot forget it.
// Not FORCEd on purpose (the app role is still confined): the owner reads a user's tenants at login (0001), and
// the owner reads and replaces a tenant's data version from outside any tenant transaction (0050, page-cache.ts).
const OWNER_READS_ACROSS_TENANTS = new Set(['tenant_users', 'tenant_data_versions']);

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('row-level security, from the catalog', () => {
  it('is enabled, forced and has the tenant policy on every table that has a tenant_id column', async () => {
    const tables = await rows<{ name: string; rls: boolean; forced: boolean; policy: string | null }>(
      t.database.db,
      sql`select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
                 (select pg_get_expr(p.polqual, p.polrelid) from pg_policy p
                   where p.polrelid = c.oid and p.polname = 'tenant_isolation') as policy
          from pg_class c
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
          where c.relkind in ('r', 'p')
            and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
          order by c.relname`,
    );
    // the modules that exist today have well over fifty such tables; fewer means the query lost them
    expect(tables.length).toBeGreaterThan(50);
    const missing = tables.filter(
      (x) => !x.rls || (!x.forced && !OWNER_READS_ACROSS_TENANTS.has(x.name)) || !x.policy?.includes("current_setting('app.tenant_id'"),
    );
    expect(missing.map((x) => x.name)).toEqual([]);
  });

  it('the app role holds no grant on a tenant table without that policy (so nothing reads around it)', async () => {
    const exposed = await rows<{ name: string }>(
      t.database.db,
      sql`select c.relname as name from pg_class c
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
          where c.relkind = 'r' and has_table_privilege('phakhi_app', c.oid, 'select')
            and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
            and not exists (select 1 from pg_policy p where p.polrelid = c.oid)`,
    );
    expect(exposed).toEqual([]);
  });
});
