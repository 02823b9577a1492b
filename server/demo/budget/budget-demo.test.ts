import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed';
import { BASE_AS_OF } from '../clock';
import { buildTestApp, createUser, login, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('budget demo (chomphu)', () => {
  it('has five fiscal years of a valid chained ledger with in-kind help for the Phaya Kham weir, reversals and pending items', async () => {
    const started = Date.now();
    await seedDemo(t.database.db, () => {}, { dataDir: t.config.dataDir, today: BASE_AS_OF });
    const seconds = (Date.now() - started) / 1000;
    await t.app.tenantDirectory.reload();
    const admin = await createUser(t, { platformAdmin: true });
    const api = await login(t, admin.email, admin.password);
    const base = '/api/v1/t/chomphu';

    const verify = (await api.get(`${base}/ledger/verify`)).json();
    expect(verify.valid).toBe(true);
    expect(verify.checked).toBeGreaterThan(100);

    const view = (await api.get(`${base}/budget/transparency`)).json();
    expect(view.fiscalYears).toEqual(expect.arrayContaining([2565, 2566, 2567, 2568, 2569]));
    expect(view.leverage.perBaht).toBeGreaterThan(0);
    const weirHelpers = ['ห้างหุ้นส่วนจำกัด ชมภูการโยธา', 'ร้านเจริญชัยวัสดุก่อสร้าง', 'กลุ่มผู้ใช้น้ำเหมืองฝายพญาคำ'];
    for (const name of weirHelpers) expect(view.contributors.find((c: { name: string }) => c.name === name)?.inKindSatang, name).toBeGreaterThan(0);

    for (const fy of [2565, 2566, 2567, 2568, 2569]) {
      const y = (await api.get(`${base}/budget/transparency?fiscalYear=${fy}`)).json();
      expect(y.totals.allocatedSatang, String(fy)).toBeGreaterThan(0);
      expect(y.totals.spentSatang + y.totals.committedSatang, String(fy)).toBeGreaterThan(0);
    }
    expect((await api.get(`${base}/ledger/transactions?kind=reversal`)).json().total).toBeGreaterThanOrEqual(3);
    expect((await api.get(`${base}/ledger/transactions?status=pending`)).json().total).toBeGreaterThanOrEqual(1);
    expect((await api.get(`${base}/ledger/transactions?status=rejected`)).json().total).toBeGreaterThanOrEqual(1);
    // the public page answers for the demo too
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/chomphu/budget?fiscalYear=2568' })).statusCode).toBe(200);
    // loading again adds nothing
    const before = (await api.get(`${base}/ledger/transactions?pageSize=1`)).json().total;
    await seedDemo(t.database.db, () => {}, { dataDir: t.config.dataDir, today: BASE_AS_OF });
    expect((await api.get(`${base}/ledger/transactions?pageSize=1`)).json().total).toBe(before);
    console.log(`demo seed (all modules) took ${seconds.toFixed(1)} s; ${before} ledger transactions, ${verify.checked} posted`);
  }, 120_000);
});
