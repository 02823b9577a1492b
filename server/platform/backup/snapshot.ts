import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { rows } from '../sql';

/** Row count and checksum of one table: md5 over the sorted md5 of each row's text form. */
export interface TableSum {
  rows: number;
  checksum: string;
}
export type Snapshot = Record<string, TableSum>;

/**
 * Per-table row counts and checksums of the whole database (every table of `public` and drizzle's
 * migration journal), read in one transaction with fixed output settings (UTC, ISO dates, exact floats) so
 * that the same rows give the same sums on any server. Row security is switched off: on PostgreSQL the
 * reading role must be allowed to see every row (superuser or BYPASSRLS), as pg_dump requires too — an
 * error is better than a checksum of the rows one tenant setting happens to show.
 * Used by backup (stored in the manifest, checked after a restore) and by the fuzz test (database unchanged).
 */
export function databaseSnapshot(db: Db): Promise<Snapshot> {
  return db.transaction((tx) => snapshotWithin(tx));
}

/** The same, inside a transaction the caller opened (e.g. the one whose snapshot pg_dump is given). */
export async function snapshotWithin(tx: Db | Tx): Promise<Snapshot> {
  {
    await tx.execute(sql`set local timezone = 'UTC'`);
    await tx.execute(sql`set local datestyle = 'ISO, YMD'`);
    await tx.execute(sql`set local intervalstyle = 'iso_8601'`);
    await tx.execute(sql`set local extra_float_digits = 3`);
    await tx.execute(sql`set local row_security = off`);
    const tables = await rows<{ name: string }>(
      tx,
      sql`select format('%I.%I', schemaname, tablename) as name from pg_tables
          where schemaname = 'public' or (schemaname = 'drizzle' and tablename = '__drizzle_migrations')
          order by schemaname, tablename`,
    );
    if (!tables.length) return {};
    const parts = tables.map(
      ({ name }) =>
        `select ${quote(name)} as name, count(*)::int as n, coalesce(md5(string_agg(h, '' order by h)), '') as sum
         from (select md5(t::text) as h from ${name} t) x`,
    );
    const result = await rows<{ name: string; n: number; sum: string }>(tx, sql.raw(parts.join('\nunion all\n')));
    const out: Snapshot = {};
    for (const r of result) out[r.name.replace(/^public\./, '')] = { rows: Number(r.n), checksum: r.sum };
    return out;
  }
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Tables whose count or checksum differ (both ways), e.g. `["parties: 3 rows → 4 rows"]`. */
export function snapshotDiff(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const name of [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()) {
    const a = before[name];
    const b = after[name];
    if (!a) out.push(`${name}: new table`);
    else if (!b) out.push(`${name}: missing`);
    else if (a.rows !== b.rows) out.push(`${name}: ${a.rows} rows → ${b.rows} rows`);
    else if (a.checksum !== b.checksum) out.push(`${name}: same ${a.rows} rows, different contents`);
  }
  return out;
}
