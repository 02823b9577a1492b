import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, createUser, login, type TestApp } from '../test/harness';
import { addYears, demoClock } from './clock';
import { seedDemo } from './seed';
import { rows } from '../platform/sql';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('demo clock', () => {
  it('moves the dated demo by whole years so that it ends on today, never after', () => {
    expect(demoClock('2025-12-31')).toMatchObject({ years: 0, asOf: '2025-12-31' });
    expect(demoClock('2026-12-02')).toMatchObject({ years: 1, asOf: '2026-12-02' });
    expect(demoClock('2027-03-15')).toMatchObject({ years: 1, asOf: '2026-12-31' });
    expect(demoClock('2026-12-02').fy(2569)).toBe(2570);
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('seeded on 2 December 2026 (FY 2570), the current fiscal year is live everywhere and nothing is dated after today', async () => {
    const today = '2026-12-02';
    await seedDemo(t.database.db, () => {}, { dataDir: t.config.dataDir, today });
    await t.app.tenantDirectory.reload();
    const admin = await createUser(t, { platformAdmin: true });
    const api = await login(t, admin.email, admin.password);
    const base = '/api/v1/t/chomphu';

    const plans = (await api.get(`${base}/plans?fiscalYear=2570&pageSize=50`)).json();
    expect(plans.total).toBeGreaterThanOrEqual(10);
    const matrix = (await api.get(`${base}/participation/matrix?fiscalYear=2570`)).json();
    for (const level of ['issue', 'plan', 'operation']) expect(matrix.counts[level], level).toBeGreaterThan(0);
    const hours = (await api.get(`${base}/volunteer-hours/totals?by=fiscalYear`)).json();
    expect(hours.items.map((x: { key: string }) => x.key)).toEqual(['2570', '2569']);
    expect((await api.get(`/api/v1/public/chomphu/volunteers?fiscalYear=2570`)).json().items.length).toBeGreaterThan(0);
    const budget = (await t.app.inject({ method: 'GET', url: '/api/v1/public/chomphu/budget?fiscalYear=2570' })).json();
    expect(budget.totals.allocatedSatang).toBeGreaterThan(0);
    expect((await api.get(`${base}/ledger/verify`)).json().valid).toBe(true);

    const latest = await rows<{ latest: string }>(
      t.database.db,
      sql`
      select greatest(
        (select max(occurred_on) from participation_records),
        (select max(worked_on) from volunteer_hours),
        (select max(occurred_on) from ledger_transactions),
        (select max(reported_on) from plan_progress_reports),
        (select max(measured_on) from strategy_measurements))::text as latest`,
    );
    expect(latest[0].latest <= today).toBe(true);
  }, 180_000);
});
