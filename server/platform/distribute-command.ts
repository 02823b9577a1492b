import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { Db } from './db';
import { distributionProblems, tableRoles } from './distribution';

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** ON DELETE SET NULL done by a trigger: null `column` of `table` where it names the deleted row (same tenant). */
const SET_NULL_FUNCTION = `
CREATE OR REPLACE FUNCTION phakhi_set_null_references() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
  EXECUTE format('UPDATE %I SET %I = NULL WHERE tenant_id = $1 AND %I = $2', TG_ARGV[0], TG_ARGV[1], TG_ARGV[1])
    USING OLD.tenant_id, (to_jsonb(OLD) ->> TG_ARGV[2])::uuid;
  RETURN OLD;
END $fn$`;

/**
 * `npm run cli -- distribute`: shard a Phakhi database whose server has the citus extension
 * (docs/operations/scaling.md). Tables without tenant_id become reference tables (copied to every
 * worker), every tenant table is distributed by tenant_id, all colocated with one another. Idempotent:
 * tables already distributed are left as they are, so it can run again after a migration adds a table.
 *
 * Foreign keys between tenant tables are dropped while the tables are distributed and added back after
 * (Citus accepts a foreign key only to a table that is already distributed, and the schema has cycles:
 * plans ↔ resolutions ↔ budget_lines). The ledger's triggers are kept: they read only the same tenant's
 * rows of colocated tables, so they run on the worker that holds the row (citus.enable_unsafe_triggers
 * lets Citus accept them; see the scaling note for why that is safe here). Exit 0 done, 1 refused.
 */
export async function distributeCommand(databaseUrl: string | undefined, print: (s: string) => void = console.log): Promise<number> {
  if (!databaseUrl) {
    print('distribute needs DATABASE_URL pointing at a Citus coordinator (PGlite cannot be distributed).');
    return 1;
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const q = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => (await client.query<T>(text, values)).rows;
    if (!(await q(`select 1 from pg_extension where extname = 'citus'`)).length) {
      print(
        'The citus extension is not installed in this database: CREATE EXTENSION citus (on a server with shared_preload_libraries = citus), then add the workers.',
      );
      return 1;
    }
    const workers = await q<{ nodename: string; nodeport: number }>(
      `select nodename, nodeport from pg_dist_node where noderole = 'primary' and groupid > 0 order by nodeport`,
    );
    const db = drizzle(client) as unknown as Db;
    const problems = await distributionProblems(db);
    if (problems.length) {
      print(`The schema cannot be distributed by tenant_id:\n  ${problems.join('\n  ')}`);
      return 1;
    }
    const { distributed, reference } = await tableRoles(db);
    const done = new Map(
      (await q<{ name: string; method: string }>(`select logicalrelid::regclass::text as name, partmethod as method from pg_dist_partition`)).map((r) => [
        r.name,
        r.method,
      ]),
    );

    const todo = distributed.filter((t) => !done.has(t));
    // the foreign keys that touch a table still to distribute, between tenant tables: dropped, then restored
    const fks = await q<{ tbl: string; name: string; def: string; setNull: string | null; refCol: string; refType: string }>(
      `select cl.relname as tbl, c.conname as name, pg_get_constraintdef(c.oid) as def,
              case when c.confdeltype in ('n', 'd') then
                (select string_agg(a.attname::text, ',') from unnest(coalesce(c.confdelsetcols, c.conkey)) k(att)
                   join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.att where a.attname <> 'tenant_id') end as "setNull",
              (select string_agg(a.attname::text, ',') from unnest(c.confkey) k(att) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.att where a.attname <> 'tenant_id') as "refCol",
              (select string_agg(format_type(a.atttypid, a.atttypmod), ',') from unnest(c.confkey) k(att) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.att where a.attname <> 'tenant_id') as "refType"
         from pg_constraint c join pg_class cl on cl.oid = c.conrelid join pg_class cr on cr.oid = c.confrelid
        where c.contype = 'f' and cl.relname = any($1) and cr.relname = any($1) and (cl.relname = any($2) or cr.relname = any($2))
          and cl.relnamespace = 'public'::regnamespace
        order by 1, 2`,
      [distributed, todo],
    );
    // Citus refuses ON DELETE SET NULL on a foreign key that includes the distribution column: such a key
    // becomes NO ACTION and a BEFORE DELETE trigger on the referenced table nulls the references first
    const setNull = fks.filter((f) => f.setNull);
    const unsupported = setNull.filter(
      (f) => f.setNull!.includes(',') || f.refCol.includes(',') || f.refType !== 'uuid' || / ON UPDATE (SET|CASCADE)/.test(f.def),
    );
    if (unsupported.length) {
      print(
        `Cannot convert these ON DELETE SET NULL keys (one uuid column each is supported):\n  ${unsupported.map((f) => `${f.tbl}.${f.name}`).join('\n  ')}`,
      );
      return 1;
    }
    const referencedOf = new Map(
      (
        await q<{ name: string; ref: string }>(
          `select conname as name, confrelid::regclass::text as ref from pg_constraint where contype = 'f' and conname = any($1)`,
          [setNull.map((f) => f.name)],
        )
      ).map((r) => [r.name, r.ref]),
    );

    await client.query('begin');
    try {
      // distributing inside one transaction: a failure leaves the database as it was
      await client.query(`set local citus.multi_shard_modify_mode to 'sequential'`);
      await client.query(`set local citus.enable_unsafe_triggers = on`);
      for (const t of reference) if (!done.has(t)) await client.query(`select create_reference_table($1)`, [t]);
      for (const f of fks) await client.query(`alter table ${ident(f.tbl)} drop constraint ${ident(f.name)}`);
      await client.query(SET_NULL_FUNCTION);
      for (const f of setNull) {
        const ref = referencedOf.get(f.name)!;
        await client.query(
          `create trigger ${ident(`${f.name.slice(0, 50)}_null`)} before delete on ${ident(ref)} for each row execute function phakhi_set_null_references(${lit(f.tbl)}, ${lit(f.setNull!)}, ${lit(f.refCol)})`,
        );
      }
      const anchor = distributed.find((t) => done.get(t) === 'h') ?? todo[0];
      for (const t of todo) {
        if (t === anchor && !done.has(t)) await client.query(`select create_distributed_table($1, 'tenant_id')`, [t]);
        else await client.query(`select create_distributed_table($1, 'tenant_id', colocate_with => $2)`, [t, anchor]);
      }
      for (const f of fks)
        await client.query(
          `alter table ${ident(f.tbl)} add constraint ${ident(f.name)} ${f.setNull ? f.def.replace(/ ON DELETE SET (NULL|DEFAULT)( \([^)]*\))?/, '') : f.def}`,
        );
      await client.query('commit');
    } catch (err) {
      await client.query('rollback');
      throw err;
    }
    const madeReference = reference.filter((t) => !done.has(t)).length;
    // Citus opens its connections to the workers as the current user, which inside a request is the app
    // role (SET LOCAL ROLE phakhi_app): it must be allowed to log in there (ALTER ROLE is passed on to every
    // node; give it a password in pg_dist_authinfo or a pg_hba rule for the coordinator's address)
    await client.query(`alter role phakhi_app login`);
    // the tenant and role of a request are SET LOCAL (server/platform/db.ts): pass them on to the workers
    const dbName = (await q<{ name: string }>(`select current_database() as name`))[0].name;
    // (on the coordinator only: the workers need not pass anything on)
    await client.query(`set citus.enable_ddl_propagation = off`);
    await client.query(`alter database ${ident(dbName)} set citus.propagate_set_commands = 'local'`);
    // Row-level security is enforced where the rows are: on the workers' shards, whose policies stay (and stay
    // forced). On the coordinator's empty shell tables it only hurt: the planner combined a query's
    // `tenant_id = $1` with the policy's `tenant_id = current_setting(…)` into a pseudo-constant qual, and
    // Citus on PostgreSQL 15/16 refuses every outer join in a query that has one and is not sent to a single
    // shard ("Distributed queries with outer joins and pseudoconstant quals are not supported"): a left join
    // with a correlated count, as most lists have. So the shells' RLS is turned off, on the coordinator only.
    for (const t of distributed) await client.query(`alter table ${ident(t)} no force row level security, disable row level security`);
    await client.query(`reset citus.enable_ddl_propagation`);
    // the workers plan and run the shard queries under row-level security: they need the same LEAKPROOF
    // marks as migrations 0003 and 0007 gave the coordinator, or text search cannot use its indexes there
    const leakproof = await q<{ sig: string }>(
      `select p.oid::regprocedure::text as sig from pg_proc p where p.proleakproof and p.proname in ('ts_match_vq', 'word_similarity_commutator_op', 'similarity_op')`,
    );
    for (const f of leakproof) await client.query(`select run_command_on_workers($1)`, [`alter function ${f.sig} leakproof`]);
    const groups = await q<{ n: number }>(`select count(distinct colocationid)::int as n from pg_dist_partition where partmethod = 'h'`);
    const placements = await q<{ node: string; shards: number }>(
      `select nodename || ':' || nodeport as node, count(*)::int as shards from pg_dist_shard_placement p join pg_dist_shard s using (shardid)
        join pg_dist_partition d using (logicalrelid) where d.partmethod = 'h' group by 1 order by 1`,
    );
    print(
      `Distributed: ${todo.length} tenant tables now (${distributed.length} in all, ${groups[0].n} colocation group${groups[0].n === 1 ? '' : 's'}), ` +
        `${madeReference} reference tables now (${reference.length} in all), ${fks.length} foreign keys restored (${setNull.length} ON DELETE SET NULL of them now done by triggers).\n` +
        `The app role may log in to the workers; SET LOCAL is passed on to them; ${leakproof.length} LEAKPROOF marks copied to the workers; row-level security enforced on the workers' shards (the coordinator's shell tables hold no rows).\n` +
        `Workers: ${workers.map((w) => `${w.nodename}:${w.nodeport}`).join(', ') || 'none (the coordinator holds every shard)'}; shards per node: ${placements.map((p) => `${p.node} ${p.shards}`).join(', ')}.`,
    );
    return 0;
  } finally {
    await client.end();
  }
}
