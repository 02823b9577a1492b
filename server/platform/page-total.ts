import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from './db';
import { totalOver } from './sql';

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

/**
 * A page of a table's rows in `order`, with the total of all the rows `where` matches: one round trip (each row
 * carries `count(*) over ()`), a second only for a page past the end (`pageTotal`).
 */
export async function pageOf<T extends PgTable>(
  tx: Tx,
  table: T,
  where: SQL | undefined,
  order: (SQL | AnyPgColumn)[],
  limit: number,
  offset: number,
): Promise<{ rows: T['$inferSelect'][]; total: number }> {
  const found = (await tx
    .select({ row: table as PgTable, total: totalOver })
    .from(table as PgTable)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset)) as unknown as { row: T['$inferSelect']; total: number }[];
  return { rows: found.map((r) => r.row), total: await pageTotal(tx, found, offset, table, where) };
}
