import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, tenantWithUser, type TestApp } from '../../test/harness';
import { expectNoRowsWithoutTenant, expectTenantIsolation, rowCounts } from '../../test/tenant-isolation';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const TABLES = [
  'strategy_frames',
  'strategy_goals',
  'strategy_goal_networks',
  'strategy_goal_parties',
  'strategies',
  'strategy_indicators',
  'strategy_indicator_targets',
  'strategy_measurements',
  'plans',
  'plan_networks',
  'plan_projects',
  'plan_project_indicators',
  'plan_activities',
  'plan_progress_reports',
  'participation_records',
];

describe('row-level security on the strategy, plan and participation tables', () => {
  it('is enabled and forced with the tenant policy on every table, and confines the app role to its tenant', async () => {
    await expectTenantIsolation(t, TABLES);

    // data in tenant A: a goal shared by a network, a strategy, an indicator with a target and a measurement, a plan with work, a participation record
    const a = await tenantWithUser(t, 'admin');
    const net = (await a.api.post(`${a.base}/networks`, { name: 'เครือข่าย', pillar: 'people' })).json();
    const party = (await a.api.post(`${a.base}/partners`, { kind: 'organization', name: 'วัดชมภู', sector: 'religious' })).json();
    await t.app.inject({
      method: 'PUT',
      url: `${a.base}/strategy/frame`,
      payload: { vision: 'วิสัยทัศน์' },
      headers: { cookie: a.api.cookie, origin: 'http://localhost', host: 'localhost' },
    });
    const goalId = (await a.api.post(`${a.base}/strategy/goals`, { name: 'เป้า', networkIds: [net.id], partyIds: [party.id] })).json().id;
    const strategyId = (await a.api.post(`${a.base}/strategy/strategies`, { goalId, name: 'ยุทธศาสตร์' })).json().id;
    const ind = (
      await a.api.post(`${a.base}/strategy/indicators`, {
        goalId,
        strategyId,
        name: 'ตัวชี้วัด',
        unit: 'ครั้ง',
        direction: 'higher',
        targets: [{ fiscalYear: 2569, target: 1 }],
      })
    ).json();
    await a.api.post(`${a.base}/strategy/indicators/${ind.id}/measurements`, { value: 1, measuredOn: '2026-01-01' });
    const plan = (await a.api.post(`${a.base}/plans`, { name: 'แผน', fiscalYear: 2569, networkIds: [net.id] })).json();
    const project = (await a.api.post(`${a.base}/plans/${plan.id}/projects`, { name: 'โครงการ', strategyId, indicatorIds: [ind.id] })).json();
    const act = (await a.api.post(`${a.base}/plans/${plan.id}/projects/${project.id}/activities`, { name: 'กิจกรรม' })).json();
    await a.api.post(`${a.base}/plans/${plan.id}/activities/${act.id}/progress`, { reportedOn: '2026-01-02', text: 'x', percentage: 10 });
    await a.api.post(`${a.base}/participation`, {
      occurredOn: '2026-01-02',
      level: 'operation',
      subjectKind: 'activity',
      title: 'x',
      activityId: act.id,
      partyId: party.id,
    });

    const asOwner = await t.database.db.transaction((tx) => rowCounts(tx, TABLES));
    for (const x of TABLES) expect(asOwner[x], x).toBeGreaterThan(0);
    await expectNoRowsWithoutTenant(t, TABLES);
    // with tenant A set the app role cannot write a row into another tenant
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.tenant_id', ${a.tenant.id}, true), set_config('role', 'phakhi_app', true)`);
        await tx.execute(
          sql`insert into plans (tenant_id, name, fiscal_year, start_date, end_date) values (gen_random_uuid(), 'x', 2569, '2025-10-01', '2026-09-30')`,
        );
      }),
    ).rejects.toThrow();
  });
});
