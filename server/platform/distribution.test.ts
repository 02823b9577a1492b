import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/harness';
import { distributionProblems, tableRoles } from './distribution';

// Read from the catalog: the schema can be sharded by tenant (Citus, docs/operations/scaling.md) — every
// tenant table's primary key starts with tenant_id, foreign keys between tenant tables pair tenant_id,
// unique indexes include it, and no global table points into a tenant table.
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

class Rollback extends Error {}

describe('the schema can be distributed by tenant_id', () => {
  it('has no table, key or index that Citus could not distribute by tenant', async () => {
    const roles = await tableRoles(t.database.db);
    expect(roles.distributed.length).toBeGreaterThan(50);
    expect(roles.reference).toEqual(expect.arrayContaining(['tenants', 'users', 'sessions']));
    // users before sessions: a reference table is created after the ones it references
    expect(roles.reference.indexOf('users')).toBeLessThan(roles.reference.indexOf('sessions'));
    expect(await distributionProblems(t.database.db)).toEqual([]);
  });

  it('names each kind of problem when a table breaks a rule', async () => {
    let found: string[] = [];
    await t.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`create table dist_bad_parent (tenant_id uuid not null, id uuid not null, code text, primary key (id))`);
        await tx.execute(sql`create unique index dist_bad_parent_code on dist_bad_parent (code)`);
        await tx.execute(sql`create table dist_good_parent (tenant_id uuid not null, id uuid not null, primary key (tenant_id, id))`);
        await tx.execute(sql`create unique index dist_good_parent_id on dist_good_parent (id)`);
        await tx.execute(
          sql`create table dist_bad_child (tenant_id uuid not null, id uuid not null, parent_id uuid, other_tenant uuid, primary key (tenant_id, id),
                foreign key (parent_id) references dist_bad_parent (id),
                foreign key (other_tenant, parent_id) references dist_good_parent (tenant_id, id))`,
        );
        await tx.execute(sql`create table dist_global (id uuid primary key, parent_id uuid references dist_good_parent (id))`);
        found = await distributionProblems(tx);
        throw new Rollback();
      })
      .catch((err) => {
        if (!(err instanceof Rollback)) throw err;
      });
    expect(found).toEqual([
      'dist_bad_parent: primary key (id) does not start with tenant_id',
      'dist_bad_child: foreign key dist_bad_child_other_tenant_parent_id_fkey to dist_good_parent does not pair tenant_id with tenant_id',
      'dist_bad_child: foreign key dist_bad_child_parent_id_fkey to dist_bad_parent does not pair tenant_id with tenant_id',
      'dist_bad_parent: unique index dist_bad_parent_code does not include tenant_id',
      'dist_bad_parent: unique index dist_bad_parent_pkey does not include tenant_id',
      'dist_good_parent: unique index dist_good_parent_id does not include tenant_id',
      'dist_global: foreign key dist_global_parent_id_fkey points into the tenant table dist_good_parent',
    ]);
  });
});
