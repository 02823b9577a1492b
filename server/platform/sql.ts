import { and, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db, Tx } from './db';

/** Runs raw SQL and returns its rows, typed (both drivers answer `{ rows }`). */
export const rows = async <T>(db: Db | Tx, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;

/** A timestamp from either driver (Date from pg, string from raw rows) as an ISO string for the API. */
export const isoTime = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** Escape LIKE wildcards so a search for "50%" means the text "50%". */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The number of rows the query would return without LIMIT/OFFSET. */
export const totalOver = sql<number>`(count(*) over ())::int`;

/** Thai dictionary order (ICU), whatever the database's default collation. */
export const thaiOrder = (column: SQL | AnyColumn) => sql`${column} collate "und-x-icu"`;

/** A tenant-owned table: its rows are keyed by (tenant_id, id). */
type TenantTable = PgTable & { tenantId: AnyPgColumn; id: AnyPgColumn };

/** Insert one row and return it as stored. */
export async function insertRow<T extends PgTable>(db: Db | Tx, table: T, values: T['$inferInsert']): Promise<T['$inferSelect']> {
  const [row] = (await db.insert(table).values(values).returning()) as T['$inferSelect'][];
  return row;
}

/** The tenant's row of this table with this id, or null. */
export async function rowById<T extends TenantTable>(db: Db | Tx, table: T, tenantId: string, id: string): Promise<T['$inferSelect'] | null> {
  const [row] = (await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.tenantId, tenantId), eq(table.id, id)))
    .limit(1)) as T['$inferSelect'][];
  return row ?? null;
}
