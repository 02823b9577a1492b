import type { SQL } from 'drizzle-orm';
import type { Db, Tx } from './db';

/** Runs raw SQL and returns its rows, typed (both drivers answer `{ rows }`). */
export const rows = async <T>(db: Db | Tx, query: SQL): Promise<T[]> => ((await db.execute(query)) as unknown as { rows: T[] }).rows;
