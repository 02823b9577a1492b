import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { IGNORED_FIELDS } from '../../platform/audit';
import { AUDIT_ACTIONS } from '../../../common/schemas/platform';
import th from '../../../web/src/i18n/th.json';
import en from '../../../web/src/i18n/en.json';

/** Every entity the server writes to the audit log, found in the source as `entity: '…'` (actions are typed: AUDIT_ACTIONS). */
function audited(kind: 'entity'): string[] {
  const out = execSync(`grep -rhoE "${kind}: '[a-z_]+'" server --include=*.ts --exclude=*.test.ts || true`, { encoding: 'utf8' });
  return [
    ...new Set(
      out
        .split('\n')
        .filter(Boolean)
        .map((l) => l.split("'")[1]),
    ),
  ].sort();
}

describe('audit log names', () => {
  it('has a Thai and an English name for every audited entity and action', () => {
    const entities = audited('entity');
    expect(entities).toContain('ledger_transaction');
    for (const e of entities) {
      expect((th.audit.entity as Record<string, string>)[e], `th entity ${e}`).toBeTruthy();
      expect((en.audit.entity as Record<string, string>)[e], `en entity ${e}`).toBeTruthy();
    }
    for (const a of AUDIT_ACTIONS) {
      expect((th.audit.action as Record<string, string>)[a], `th action ${a}`).toBeTruthy();
      expect((en.audit.action as Record<string, string>)[a], `en action ${a}`).toBeTruthy();
    }
  });

  /**
   * The audit page lists the changed fields of an event by their `field.*` label. A changed field is a
   * column of the audited entity's table (rows go to the log whole or spread into a literal) or a key an
   * audit call writes itself (`before: { networkIds, … }`); each needs a Thai and an English label, or
   * the page would show `approvalThresholdSatang`.
   */
  it('has a Thai and an English label for every field an audited write can change', () => {
    const tables = new Map<string, PgTable>();
    for (const v of Object.values(schema)) if (is(v, PgTable)) tables.set(getTableName(v), v);
    const tableOf: Record<string, string> = {
      invitation: 'account_links',
      local_plan_assignment: 'local_plan_projects',
      meeting_minutes: 'meetings',
      participation: 'participation_records',
      plan_progress: 'plan_progress_reports',
      relationship: 'party_relationships',
    };
    const fields = new Set<string>();
    for (const entity of audited('entity')) {
      const table = tables.get(tableOf[entity] ?? entity) ?? tables.get(`${entity}s`) ?? tables.get(`${entity}es`) ?? tables.get(entity.replace(/y$/, 'ies'));
      expect(table, `the table of audited entity ${entity} (add it to tableOf)`).toBeTruthy();
      for (const k of Object.keys(getTableColumns(table!))) fields.add(k);
    }
    for (const key of literalAuditKeys()) fields.add(key);
    const missing = (labels: Record<string, string>) => [...fields].filter((f) => !IGNORED_FIELDS.has(f) && f !== 'id' && !labels[f]).sort();
    expect(missing(th.field as Record<string, string>), 'th field labels (web/src/i18n/th.json "field")').toEqual([]);
    expect(missing(en.field as Record<string, string>), 'en field labels (web/src/i18n/en.json "field")').toEqual([]);
  });
});

/** Keys written by audit calls as object literals: `before: { role, startDate }`, `after: { ...r, networkIds }`. */
function literalAuditKeys(): string[] {
  const keys = new Set<string>();
  const files = execSync('grep -rlE "audit(Many)?\\(" server --include=*.ts --exclude=*.test.ts || true', { encoding: 'utf8' }).split('\n').filter(Boolean);
  for (const file of files) {
    const src = fs.readFileSync(path.resolve(file), 'utf8');
    for (const m of src.matchAll(/(?:before|after):\s*\{([^{}]*)\}/g)) {
      for (const part of m[1].split(',')) {
        const k = /^\s*(\w+)\s*(?::|$)/.exec(part);
        if (k && !part.trim().startsWith('...')) keys.add(k[1]);
      }
    }
  }
  expect(keys.size).toBeGreaterThan(50);
  return [...keys];
}
