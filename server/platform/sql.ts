import { sql, type AnyColumn, type SQL } from 'drizzle-orm';
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
