import { sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './db';

/**
 * The total of a page whose rows each carry `count(*) over ()` (`totalOver`): one round trip. A page past
 * the end has no row to carry it, so only then are the matching rows counted.
 */
export async function pageTotal(tx: Tx, rows: readonly { total: number }[], offset: number, table: PgTable, where: SQL | undefined): Promise<number> {
  if (rows.length) return rows[0].total;
  if (offset <= 0) return 0;
  const [counted] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(where);
  return counted.n;
}
