import { sql } from 'drizzle-orm';
import type { Db, Tx } from './db';
import { rows } from './sql';

/**
 * Sharding by tenant (Citus, docs/operations/scaling.md). Every table with a `tenant_id` column is
 * distributed by it and all of them are colocated, so one tenant's rows of every table live on one worker
 * and a tenant's query, join, foreign key, trigger and transaction stay on that worker. Tables without
 * `tenant_id` (tenants, users, sessions, account_links) are reference tables, copied to every worker.
 *
 * That works only if the schema keeps four rules, checked here from the catalog (a unit test runs the
 * check on PGlite and PostgreSQL; `distribute` refuses a schema that breaks them):
 *   1. a tenant table's primary key starts with tenant_id;
 *   2. a foreign key between two tenant tables pairs tenant_id with tenant_id (Citus requires foreign keys
 *      between distributed tables to include the distribution column — and the pairing keeps a row from
 *      pointing into another tenant);
 *   3. a unique index of a tenant table includes tenant_id (Citus enforces uniqueness per shard only);
 *   4. no table without tenant_id references a tenant table (a reference table cannot point into a
 *      distributed one).
 */
export async function distributionProblems(db: Db | Tx): Promise<string[]> {
  const problems: string[] = [];
  const tenantTable = (alias: string) =>
    sql.raw(`exists (select 1 from pg_attribute ta where ta.attrelid = ${alias} and ta.attname = 'tenant_id' and not ta.attisdropped)`);

  const pks = await rows<{ name: string; pk: string | null }>(
    db,
    sql`select c.relname as name,
               (select string_agg(a.attname::text, ',' order by k.ord) from pg_constraint p
                  cross join lateral unnest(p.conkey) with ordinality as k(att, ord)
                  join pg_attribute a on a.attrelid = p.conrelid and a.attnum = k.att
                 where p.conrelid = c.oid and p.contype = 'p') as pk
          from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
         where c.relkind in ('r', 'p') and ${tenantTable('c.oid')}
         order by 1`,
  );
  for (const t of pks) if (!t.pk?.startsWith('tenant_id')) problems.push(`${t.name}: primary key (${t.pk ?? 'none'}) does not start with tenant_id`);

  const fks = await rows<{ name: string; tbl: string; ref: string; paired: boolean }>(
    db,
    sql`select c.conname as name, cl.relname as tbl, cr.relname as ref,
               exists (select 1 from unnest(c.conkey, c.confkey) as k(l, r)
                         join pg_attribute la on la.attrelid = c.conrelid and la.attnum = k.l
                         join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = k.r
                        where la.attname = 'tenant_id' and ra.attname = 'tenant_id') as paired
          from pg_constraint c
          join pg_class cl on cl.oid = c.conrelid
          join pg_class cr on cr.oid = c.confrelid
          join pg_namespace n on n.oid = c.connamespace and n.nspname = 'public'
         where c.contype = 'f' and ${tenantTable('c.conrelid')} and ${tenantTable('c.confrelid')}
         order by 2, 1`,
  );
  for (const f of fks) if (!f.paired) problems.push(`${f.tbl}: foreign key ${f.name} to ${f.ref} does not pair tenant_id with tenant_id`);

  const uniques = await rows<{ tbl: string; idx: string }>(
    db,
    sql`select c.relname as tbl, ic.relname as idx
          from pg_index i
          join pg_class c on c.oid = i.indrelid
          join pg_class ic on ic.oid = i.indexrelid
          join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
         where i.indisunique and ${tenantTable('i.indrelid')}
           and not exists (select 1 from unnest(i.indkey::int2[]) as k(att)
                             join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.att
                            where a.attname = 'tenant_id')
         order by 1, 2`,
  );
  for (const u of uniques) problems.push(`${u.tbl}: unique index ${u.idx} does not include tenant_id`);

  const inward = await rows<{ name: string; tbl: string; ref: string }>(
    db,
    sql`select c.conname as name, cl.relname as tbl, cr.relname as ref
          from pg_constraint c
          join pg_class cl on cl.oid = c.conrelid
          join pg_class cr on cr.oid = c.confrelid
          join pg_namespace n on n.oid = c.connamespace and n.nspname = 'public'
         where c.contype = 'f' and not ${tenantTable('c.conrelid')} and ${tenantTable('c.confrelid')}
         order by 2, 1`,
  );
  for (const f of inward) problems.push(`${f.tbl}: foreign key ${f.name} points into the tenant table ${f.ref}`);
  return problems;
}

/** Public tables split into those with tenant_id (distributed) and those without (reference), the latter in foreign-key order. */
export async function tableRoles(db: Db | Tx): Promise<{ distributed: string[]; reference: string[] }> {
  const all = await rows<{ name: string; tenant: boolean }>(
    db,
    sql`select c.relname as name, exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped) as tenant
          from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
         where c.relkind in ('r', 'p') and not c.relispartition
         order by 1`,
  );
  const refs = await rows<{ tbl: string; ref: string }>(
    db,
    sql`select cl.relname as tbl, cr.relname as ref from pg_constraint c
          join pg_class cl on cl.oid = c.conrelid join pg_class cr on cr.oid = c.confrelid
          join pg_namespace n on n.oid = c.connamespace and n.nspname = 'public'
         where c.contype = 'f' and c.conrelid <> c.confrelid`,
  );
  const reference = all.filter((t) => !t.tenant).map((t) => t.name);
  // referenced reference tables first (sessions after users), so each one's foreign keys point at a table already replicated
  const ordered: string[] = [];
  const visit = (t: string, seen: Set<string>) => {
    if (ordered.includes(t) || seen.has(t)) return;
    seen.add(t);
    for (const r of refs) if (r.tbl === t && reference.includes(r.ref)) visit(r.ref, seen);
    ordered.push(t);
  };
  for (const t of reference) visit(t, new Set());
  return { distributed: all.filter((t) => t.tenant).map((t) => t.name), reference: ordered };
}
