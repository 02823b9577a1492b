import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../db/schema';
import { rows } from '../platform/sql';
import { buildTestApp, type TestApp } from './harness';

// The migrations make the database; the Drizzle schema is how the code reads it. They are written by hand
// side by side, so this compares them: every table and column the code knows exists with the same
// nullability, and every table and column the migrations make is known to the code.

/** Tables only raw SQL touches, on purpose (none today: add one here with the reason). */
const SQL_ONLY_TABLES = new Set<string>(['__drizzle_migrations']);

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Col = { table: string; column: string; nullable: boolean };

function columnsOfSchema(): Col[] {
  const out: Col[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    for (const c of config.columns) out.push({ table: config.name, column: c.name, nullable: !c.notNull });
  }
  return out;
}

describe('the Drizzle schema and the migrations', () => {
  it('agree on every table, column and nullability', async () => {
    const db = await rows<{ table: string; column: string; nullable: string }>(
      t.database.db,
      sql`select c.table_name as "table", c.column_name as "column", c.is_nullable as nullable
            from information_schema.columns c
            join information_schema.tables tb on tb.table_schema = c.table_schema and tb.table_name = c.table_name and tb.table_type = 'BASE TABLE'
           where c.table_schema = 'public'`,
    );
    const inDb = new Map(db.filter((c) => !SQL_ONLY_TABLES.has(c.table)).map((c) => [`${c.table}.${c.column}`, c.nullable === 'YES']));
    const inSchema = new Map(columnsOfSchema().map((c) => [`${c.table}.${c.column}`, c.nullable]));
    expect(inSchema.size).toBeGreaterThan(100);

    const missingInDb = [...inSchema.keys()].filter((k) => !inDb.has(k));
    const missingInSchema = [...inDb.keys()].filter((k) => !inSchema.has(k));
    const nullability = [...inSchema]
      .filter(([k, nullable]) => inDb.has(k) && inDb.get(k) !== nullable)
      .map(([k, nullable]) => `${k} (schema ${nullable ? 'null' : 'not null'})`);
    expect(missingInDb, 'columns the code reads that no migration makes').toEqual([]);
    expect(missingInSchema, 'columns the migrations make that the Drizzle schema does not know').toEqual([]);
    expect(nullability, 'nullability differs').toEqual([]);
  });
});
