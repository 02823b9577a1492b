import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Tx } from '../platform/db';
import { rows } from '../platform/sql';
import type { TestApp } from './harness';

/**
 * A module's tables keep tenants apart: each has row-level security enabled and forced with the
 * `tenant_isolation` policy (read from the catalog; a table missing from it fails too).
 */
export async function expectTenantIsolation(t: TestApp, tables: readonly string[]): Promise<void> {
  const flags = await rows<{ name: string; rls: boolean; forced: boolean; policy: boolean }>(
    t.database.db,
    sql`select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
               exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polname = 'tenant_isolation') as policy
        from pg_class c where c.relkind = 'r' and c.relname in (${sql.join(
          tables.map((x) => sql`${x}`),
          sql`, `,
        )})`,
  );
  expect(flags.length).toBe(tables.length);
  for (const f of flags) expect(f, f.name).toMatchObject({ rls: true, forced: true, policy: true });
}

/** How many rows of each table the transaction sees. */
export async function rowCounts(tx: Tx, tables: readonly string[]): Promise<Record<string, number>> {
  const [counts] = await rows<Record<string, number>>(tx, sql.raw(`select ${tables.map((x) => `(select count(*)::int from ${x}) as "${x}"`).join(', ')}`));
  return counts;
}

/** The app role with no tenant set sees no row of these tables (give them rows first, or this proves nothing). */
export async function expectNoRowsWithoutTenant(t: TestApp, tables: readonly string[]): Promise<void> {
  const noTenant = await t.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local role phakhi_app`);
    return rowCounts(tx, tables);
  });
  for (const x of tables) expect(noTenant[x], x).toBe(0);
}
