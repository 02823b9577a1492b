import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema';
import { copyTemplate, ensureTemplate, isEmptyFolder } from './pglite-template';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; the same API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../db/migrations');

export interface OpenOptions {
  /** PostgreSQL connection string; when absent, PGlite in `dataDir` (or in memory for `memory://`). */
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /**
   * PGlite: a new data folder starts as a copy of a migrated, empty database made once per checkout
   * (server/platform/pglite-template.ts) instead of running initdb and every migration. `npm start` sets it.
   */
  fromTemplate?: boolean;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts.dataDir ?? 'memory://', opts.fromTemplate ?? false);
}

/** The PostgreSQL extensions Phakhi's migrations create on PGlite (pg_trgm: name search); every PGlite opened on Phakhi's data loads them. */
export async function pgliteExtensions() {
  const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
  return { pg_trgm };
}

/** The migrated, empty PGlite database new data folders start from (made when missing; `npm run build`). */
export async function ensurePgliteTemplate(): Promise<string> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  return ensureTemplate(async (into) => {
    const fresh = await PGlite.create(into, { extensions: await pgliteExtensions() });
    await migrate(drizzle(fresh, { schema }) as never, { migrationsFolder: MIGRATIONS_FOLDER });
    await fresh.close();
  });
}

async function openPglite(dataDir: string, fromTemplate: boolean): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const dir = dataDir === 'memory://' ? undefined : path.join(dataDir, 'pglite');
  if (dir && fromTemplate && isEmptyFolder(dir)) copyTemplate(await ensurePgliteTemplate(), dir);
  const client = await PGlite.create(dir, { extensions: await pgliteExtensions() });
  const db = drizzle(client, { schema }) as unknown as Db;
  versionReaders.set(db, async (tenantId) => (await client.query<{ v: string }>(DATA_VERSION_SQL, [tenantId])).rows[0]?.v ?? '');
  return {
    kind: 'pglite',
    db,
    migrate: () => migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => client.close(),
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pg = (await import('pg')).default;
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  // Dates stay strings (yyyy-mm-dd): no timezone shifts.
  pg.types.setTypeParser(1082, (v: string) => v);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server closes (a restart, pg_terminate_backend) is reported on the pool; without
  // a listener that event would end the process. The pool drops the connection and opens a new one when needed.
  let closing = false;
  pool.on('error', (err) => {
    if (!closing) console.error(`PostgreSQL closed an idle connection (${err.message}); it will be replaced when needed.`);
  });
  const db = drizzle(pool, { schema }) as unknown as Db;
  tenantTransactions.set(db, await pgTenantTransaction(pool, db));
  // a named prepared statement: parsed and planned once per connection (PgBouncer in transaction mode keeps
  // protocol-level prepared statements working from 1.21 on, with max_prepared_statements > 0)
  versionReaders.set(
    db,
    async (tenantId) => (await pool.query<{ v: string }>({ name: 'phakhi_data_version', text: DATA_VERSION_SQL, values: [tenantId] })).rows[0]?.v ?? '',
  );
  return {
    kind: 'postgres',
    db,
    migrate: () => migrate(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => {
      closing = true;
      return pool.end();
    },
  };
}

const DATA_VERSION_SQL = 'select version::text as v from tenant_data_versions where tenant_id = $1';
const versionReaders = new WeakMap<Db, (tenantId: string) => Promise<string>>();

/**
 * The tenant's data version (migration 0050): a token replaced by every transaction that writes one of the
 * tenant's rows; '' when the tenant has no row yet (none written since the migration). One statement,
 * one round trip, read as the owner outside any transaction (the table's RLS is not forced, like tenant_users).
 */
export function readDataVersion(db: Db, tenantId: string): Promise<string> {
  const read = versionReaders.get(db);
  if (!read) throw new Error('readDataVersion: not a database opened by openDatabase');
  return read(tenantId);
}

type TenantTransaction = <T>(tenantId: string, fn: (tx: Tx) => Promise<T>) => Promise<T>;
const tenantTransactions = new WeakMap<Db, TenantTransaction>();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The statements that make the rest of a transaction run as the app role inside one tenant. `SET LOCAL`
 * rather than `set_config(…, true)` (the same effect on one server): Citus passes `SET LOCAL` on to the
 * workers' connections of the transaction when `citus.propagate_set_commands = 'local'` (which
 * `npm run cli -- distribute` sets for the database), while a `set_config` call stays on the coordinator
 * and the workers' row-level security would then see no tenant (docs/operations/scaling.md).
 */
export function tenantSettings(tenantId: string): string {
  if (!UUID.test(tenantId)) throw new Error(`not a tenant id: ${tenantId}`);
  return `set local app.tenant_id = '${tenantId}'; set local role phakhi_app`;
}

/** Runs the rest of a transaction as the app role inside one tenant (as withTenant does for a whole one). */
export async function enterTenant(tx: Tx, tenantId: string) {
  // one statement per call: PGlite's extended protocol takes no multi-statement text
  for (const statement of tenantSettings(tenantId).split('; ')) await tx.execute(sql.raw(statement));
}

/**
 * Run `fn` in a transaction as the restricted application role with the tenant set, so that
 * row-level security confines every statement to that tenant.
 */
export function withTenant<T>(db: Db, tenantId: string, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const fast = tenantTransactions.get(db);
  if (fast) return fast(tenantId, fn);
  return db.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    return fn(tx);
  });
}

/**
 * On PostgreSQL every statement is a round trip and a socket write: `begin` and the tenant settings go
 * in one message (one simple-protocol query; the tenant id is checked to be a UUID before it is written
 * into the text), then `fn`'s statements, then `commit` — one round trip fewer than drizzle's
 * `db.transaction` followed by `set_config` (docs/performance.md). The transaction object is drizzle's own.
 */
async function pgTenantTransaction(pool: import('pg').Pool, db: Db): Promise<TenantTransaction> {
  const { NodePgSession, NodePgTransaction } = await import('drizzle-orm/node-postgres');
  const root = db as unknown as {
    dialect: ConstructorParameters<typeof NodePgSession>[1];
    session: { schema: ConstructorParameters<typeof NodePgSession>[2]; options: ConstructorParameters<typeof NodePgSession>[3] };
  };
  return async (tenantId, fn) => {
    const settings = tenantSettings(tenantId);
    const client = await pool.connect();
    let broken: unknown;
    try {
      await client.query(`begin; ${settings}`);
      const session = new NodePgSession(client, root.dialect, root.session.schema, root.session.options);
      const tx = new NodePgTransaction(root.dialect, session, root.session.schema) as unknown as Tx;
      try {
        const result = await fn(tx);
        await client.query('commit');
        return result;
      } catch (err) {
        await client.query('rollback').catch((e: unknown) => (broken = e));
        throw err;
      }
    } finally {
      // a connection that failed mid-transaction is closed rather than handed to the next request
      client.release(broken instanceof Error ? broken : undefined);
    }
  };
}
