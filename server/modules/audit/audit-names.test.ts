import { execSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
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
});
