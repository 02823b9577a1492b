import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, tenantWithUser, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** The harness client has no PUT; send one with the same cookie and Origin. */
async function setup() {
  const ctx = await tenantWithUser(t, 'officer');
  const { api, base } = ctx;
  const water = (await api.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', pillar: 'locality', issues: ['water'] })).json();
  const rice = (await api.post(`${base}/networks`, { name: 'เครือข่ายเกษตรกรผู้ปลูกข้าว', pillar: 'people', issues: ['agriculture'] })).json();
  const lgu = (
    await api.post(`${base}/partners`, { kind: 'organization', name: 'เทศบาลตำบลชมภู', sector: 'local_government', orgType: 'local_government' })
  ).json();
  return { ...ctx, water, rice, lgu };
}

describe('strategy and goals', () => {
  it('keeps vision, missions, shared goals, strategies, indicators with targets and measurements, and draws the strategy map', async () => {
    const { api, base, water, rice, lgu } = await setup();
    const frame = await api.put(`${base}/strategy/frame`, {
      vision: 'ชมภูน่าอยู่ ภาคีเข้มแข็ง น้ำพอใช้ทุกฤดู',
      missions: ['บริหารจัดการน้ำร่วมกันตลอดลำเหมือง', 'ส่งเสริมการมีส่วนร่วมของภาคีทุกภาคส่วน'],
    });
    expect(frame.statusCode, frame.body).toBe(200);
    await api.put(`${base}/strategy/frame`, { networkId: water.id, vision: 'น้ำถึงปลายเหมืองทุกฤดูแล้ง', missions: [] });

    const goal = await api.post(`${base}/strategy/goals`, {
      code: 'G1',
      name: 'ทุกครัวเรือนมีน้ำใช้เพื่อการเกษตรเพียงพอ',
      networkIds: [water.id, rice.id],
      partyIds: [lgu.id],
    });
    expect(goal.statusCode, goal.body).toBe(201);
    const goalId = goal.json().id;
    const strategyId = (await api.post(`${base}/strategy/strategies`, { goalId, code: 'S1', name: 'ฟื้นฟูฝายและลำเหมืองโดยชุมชน' })).json().id;
    const ind = await api.post(`${base}/strategy/indicators`, {
      goalId,
      strategyId,
      name: 'ระยะลำเหมืองที่ขุดลอกแล้ว',
      unit: 'กิโลเมตร',
      direction: 'higher',
      baseline: 2,
      baselineYear: 2566,
      targets: [
        { fiscalYear: 2568, target: 4 },
        { fiscalYear: 2569, target: 6 },
      ],
    });
    expect(ind.statusCode, ind.body).toBe(201);
    const indicatorId = ind.json().id;
    const goalInd = (
      await api.post(`${base}/strategy/indicators`, {
        goalId,
        name: 'ข้อพิพาทเรื่องน้ำ',
        unit: 'ครั้ง/ปี',
        direction: 'lower',
        targets: [{ fiscalYear: 2569, target: 3 }],
      })
    ).json();

    await api.post(`${base}/strategy/indicators/${indicatorId}/measurements`, { value: 4.5, measuredOn: '2025-09-30', source: 'รายงานกองช่าง' });
    const latest = await api.post(`${base}/strategy/indicators/${indicatorId}/measurements`, {
      value: 6.5,
      measuredOn: '2026-04-20',
      source: 'สำรวจร่วมกับแก่เหมือง',
      evidenceNote: 'ภาพถ่ายก่อน-หลังขุดลอก',
      evidenceUrl: 'https://chomphu.go.th/water/2569-dredging',
    });
    expect(latest.json()).toMatchObject({ fiscalYear: 2569, value: 6.5 });
    await api.post(`${base}/strategy/indicators/${goalInd.id}/measurements`, { value: 5, measuredOn: '2026-03-01' });

    const plan = (await api.post(`${base}/plans`, { name: 'แผนน้ำ 2569', fiscalYear: 2569, networkIds: [water.id] })).json();
    const project = (await api.post(`${base}/plans/${plan.id}/projects`, { name: 'โครงการขุดลอกลำเหมืองสาขา', strategyId, indicatorIds: [indicatorId] })).json();
    expect(project.plan.projects[0]).toMatchObject({ strategyId, indicatorIds: [indicatorId] });
    const act = (await api.post(`${base}/plans/${plan.id}/projects/${project.id}/activities`, { name: 'ขุดลอก', budgetSatang: 100 })).json();
    await api.post(`${base}/plans/${plan.id}/activities/${act.id}/progress`, { reportedOn: '2026-04-20', text: 'คืบหน้า', percentage: 80 });

    const tree = (await api.get(`${base}/strategy`)).json();
    expect(tree).toMatchObject({ networkId: null, vision: 'ชมภูน่าอยู่ ภาคีเข้มแข็ง น้ำพอใช้ทุกฤดู', missions: { length: 2 } });
    expect(tree.goals[0]).toMatchObject({
      code: 'G1',
      parties: [{ id: lgu.id }],
      indicators: [{ name: 'ข้อพิพาทเรื่องน้ำ' }],
      strategies: [{ code: 'S1', indicators: [{ id: indicatorId, latest: { value: 6.5 } }] }],
    });
    expect(tree.goals[0].networks).toHaveLength(2);
    const waterTree = (await api.get(`${base}/strategy?networkId=${water.id}`)).json();
    expect(waterTree).toMatchObject({ vision: 'น้ำถึงปลายเหมืองทุกฤดูแล้ง', goals: [{ id: goalId }] });

    const map = (await api.get(`${base}/strategy/map?fiscalYear=2569`)).json();
    expect(map).toMatchObject({ fiscalYear: 2569, vision: 'ชมภูน่าอยู่ ภาคีเข้มแข็ง น้ำพอใช้ทุกฤดู' });
    const s = map.goals[0].strategies[0];
    expect(s.indicators[0]).toMatchObject({ target: 6, latest: { value: 6.5 }, onTarget: true });
    expect(s.projects).toEqual([
      expect.objectContaining({
        id: project.id,
        planName: 'แผนน้ำ 2569',
        fiscalYear: 2569,
        progress: 80,
        indicators: [expect.objectContaining({ id: indicatorId, onTarget: true })],
      }),
    ]);
    // lower is better: 5 disputes against a target of 3 is not on target
    expect(map.goals[0].indicators[0]).toMatchObject({ target: 3, onTarget: false });
    // another year: no project, target 4 met by the latest value
    const map68 = (await api.get(`${base}/strategy/map?fiscalYear=2568`)).json();
    expect(map68.goals[0].strategies[0]).toMatchObject({ projects: [], indicators: [{ target: 4, onTarget: true }] });

    const ms = (await api.get(`${base}/strategy/indicators/${indicatorId}/measurements`)).json();
    expect(ms).toMatchObject({ total: 2, items: [{ value: 6.5 }, { value: 4.5, fiscalYear: 2568 }] });

    // replace targets and shared networks
    const upd = await api.patch(`${base}/strategy/indicators/${indicatorId}`, { targets: [{ fiscalYear: 2569, target: 7 }] });
    expect(upd.json().targets).toEqual([{ fiscalYear: 2569, target: 7 }]);
    await api.patch(`${base}/strategy/goals/${goalId}`, { networkIds: [rice.id] });
    expect((await api.get(`${base}/strategy?networkId=${water.id}`)).json().goals).toEqual([]);
  });

  it("changes and audits a goal, a strategy and an indicator: the fields given, never the row's tenant or timestamps", async () => {
    const { api, base } = await tenantWithUser(t, 'admin');
    const goalId = (await api.post(`${base}/strategy/goals`, { code: 'ป.1', name: 'ลดน้ำท่วมขัง', description: 'ทั้งตำบล' })).json().id;
    const sId = (await api.post(`${base}/strategy/strategies`, { goalId, name: 'ขุดลอกลำเหมือง' })).json().id;
    const ind = (
      await api.post(`${base}/strategy/indicators`, { goalId, name: 'จุดน้ำท่วม', unit: 'จุด', direction: 'lower', targets: [{ fiscalYear: 2569, target: 3 }] })
    ).json();
    expect((await api.patch(`${base}/strategy/goals/${goalId}`, { description: null, sortOrder: 2 })).statusCode).toBe(200);
    expect((await api.patch(`${base}/strategy/strategies/${sId}`, { code: 'ย.1' })).statusCode).toBe(200);
    await api.patch(`${base}/strategy/indicators/${ind.id}`, { unit: 'แห่ง', targets: [{ fiscalYear: 2569, target: 2 }] });
    await api.patch(`${base}/strategy/indicators/${ind.id}`, { name: 'จุดน้ำท่วม' });

    const [goal] = (await api.get(`${base}/strategy`)).json().goals;
    expect(goal).toMatchObject({ code: 'ป.1', name: 'ลดน้ำท่วมขัง', description: null, sortOrder: 2 });
    expect(goal.strategies[0]).toMatchObject({ code: 'ย.1', name: 'ขุดลอกลำเหมือง', description: null, sortOrder: 0 });
    type Entry = { action: string; changes: Record<string, unknown> };
    const audited = async (entity: string) => (await api.get(`${base}/audit?entity=${entity}`)).json().items as Entry[];
    expect((await audited('strategy_goal'))[0].changes).toEqual({ description: { before: 'ทั้งตำบล', after: null }, sortOrder: { before: 0, after: 2 } });
    expect((await audited('strategy'))[0].changes).toEqual({ code: { before: null, after: 'ย.1' } });
    const entries = await audited('strategy_indicator');
    expect(entries.map((e) => e.action)).toEqual(['update', 'create']);
    expect(entries[0].changes).toEqual({
      unit: { before: 'จุด', after: 'แห่ง' },
      targets: { before: [{ fiscalYear: 2569, target: 3 }], after: [{ fiscalYear: 2569, target: 2 }] },
    });
    expect(Object.keys(entries[1].changes).sort()).toEqual(['direction', 'goalId', 'id', 'name', 'targets', 'unit']);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const { api, base } = await setup();
    const g = await api.post(`${base}/strategy/goals`, { name: '', networkIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(Object.keys(g.json().error.fields)).toEqual(['name']);
    const g2 = await api.post(`${base}/strategy/goals`, {
      name: 'เป้า',
      networkIds: ['00000000-0000-4000-8000-000000000000'],
      partyIds: ['00000000-0000-4000-8000-000000000001'],
    });
    expect(g2.json().error.fields).toEqual({ 'networkIds.0': 'ไม่พบเครือข่ายนี้', 'partyIds.0': 'ไม่พบภาคีนี้' });
    const goalId = (await api.post(`${base}/strategy/goals`, { name: 'เป้า' })).json().id;
    const other = (await api.post(`${base}/strategy/goals`, { name: 'อีกเป้า' })).json().id;
    const sOther = (await api.post(`${base}/strategy/strategies`, { goalId: other, name: 'ยุทธ์' })).json().id;
    const badInd = await api.post(`${base}/strategy/indicators`, { goalId, strategyId: sOther, name: 'x', unit: 'ครั้ง', direction: 'higher' });
    expect(badInd.json().error.fields).toEqual({ strategyId: 'ยุทธศาสตร์นี้ไม่ได้อยู่ภายใต้เป้าประสงค์ที่เลือก' });
    const badDir = await api.post(`${base}/strategy/indicators`, {
      goalId,
      name: 'x',
      unit: 'ครั้ง',
      direction: 'up',
      targets: [
        { fiscalYear: 2569, target: 1 },
        { fiscalYear: 69, target: 2 },
      ],
    });
    expect(Object.keys(badDir.json().error.fields).sort()).toEqual(['direction', 'targets.1.fiscalYear']);
    const dup = await api.post(`${base}/strategy/indicators`, {
      goalId,
      name: 'x',
      unit: 'ครั้ง',
      direction: 'higher',
      targets: [
        { fiscalYear: 2569, target: 1 },
        { fiscalYear: 2569, target: 2 },
      ],
    });
    expect(dup.json().error.fields).toEqual({ 'targets.1.fiscalYear': 'ปีงบประมาณนี้ซ้ำกับรายการก่อนหน้า' });
    const ind = (await api.post(`${base}/strategy/indicators`, { goalId, name: 'ตัวชี้วัด', unit: 'ครั้ง', direction: 'higher' })).json();
    const badM = await api.post(`${base}/strategy/indicators/${ind.id}/measurements`, { value: 'มาก', measuredOn: '2026-13-01', evidenceUrl: 'not a url' });
    expect(Object.keys(badM.json().error.fields).sort()).toEqual(['evidenceUrl', 'measuredOn', 'value']);
    expect((await api.get(`${base}/strategy/indicators/${ind.id}/measurements`)).json().total).toBe(0);
    const tree = (await api.get(`${base}/strategy`)).json();
    expect(tree.goals.map((x: { name: string }) => x.name).sort()).toEqual(['อีกเป้า', 'เป้า']);
    expect(tree.goals.flatMap((x: { indicators: unknown[] }) => x.indicators)).toHaveLength(1);
  });

  it("keeps tenants apart: tenant B's admin sees and changes nothing of A's", async () => {
    const a = await setup();
    const b = await tenantWithUser(t, 'admin');
    const goalId = (await a.api.post(`${a.base}/strategy/goals`, { name: 'เป้าของ A' })).json().id;
    const sId = (await a.api.post(`${a.base}/strategy/strategies`, { goalId, name: 'ยุทธ์ของ A' })).json().id;
    const ind = (await a.api.post(`${a.base}/strategy/indicators`, { goalId, name: 'ตัวชี้วัดของ A', unit: 'ครั้ง', direction: 'higher' })).json();
    const m = (await a.api.post(`${a.base}/strategy/indicators/${ind.id}/measurements`, { value: 1, measuredOn: '2026-01-01' })).json();
    for (const res of [
      await b.api.patch(`${b.base}/strategy/goals/${goalId}`, { name: 'x' }),
      await b.api.delete(`${b.base}/strategy/goals/${goalId}`),
      await b.api.patch(`${b.base}/strategy/strategies/${sId}`, { name: 'x' }),
      await b.api.delete(`${b.base}/strategy/strategies/${sId}`),
      await b.api.patch(`${b.base}/strategy/indicators/${ind.id}`, { name: 'x' }),
      await b.api.delete(`${b.base}/strategy/indicators/${ind.id}`),
      await b.api.get(`${b.base}/strategy/indicators/${ind.id}/measurements`),
      await b.api.post(`${b.base}/strategy/indicators/${ind.id}/measurements`, { value: 9, measuredOn: '2026-01-01' }),
      await b.api.delete(`${b.base}/strategy/indicators/${ind.id}/measurements/${m.id}`),
      await b.api.get(`${b.base}/strategy?networkId=${a.water.id}`),
    ])
      expect(res.statusCode).toBe(404);
    expect((await b.api.post(`${b.base}/strategy/strategies`, { goalId, name: 'x' })).json().error.fields).toEqual({ goalId: 'ไม่พบเป้าประสงค์นี้' });
    expect((await b.api.put(`${b.base}/strategy/frame`, { networkId: a.water.id, vision: 'x' })).json().error.fields).toEqual({ networkId: 'ไม่พบเครือข่ายนี้' });
    expect((await b.api.get(`${b.base}/strategy`)).json().goals).toEqual([]);
    for (const res of [
      await b.api.get(`${a.base}/strategy`),
      await b.api.get(`${a.base}/strategy/map`),
      await b.api.put(`${a.base}/strategy/frame`, { vision: 'x' }),
    ])
      expect(res.statusCode).toBe(403);
    const tree = (await a.api.get(`${a.base}/strategy`)).json();
    expect(tree).toMatchObject({
      vision: null,
      goals: [{ name: 'เป้าของ A', strategies: [{ name: 'ยุทธ์ของ A' }], indicators: [{ name: 'ตัวชี้วัดของ A', latest: { value: 1 } }] }],
    });
  });
});
