import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { buildTestApp, createUser, login, tenantWithUser, type Client, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** A tenant with two networks and two partners; `api` acts with the given role. */
async function setup(role: 'admin' | 'officer' | 'coordinator' = 'officer') {
  const ctx = await tenantWithUser(t, role === 'coordinator' ? 'officer' : role);
  const { base } = ctx;
  let { api } = ctx;
  const net = (await api.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', pillar: 'locality', issues: ['water'] })).json();
  const net2 = (await api.post(`${base}/networks`, { name: 'เครือข่ายเกษตรกรผู้ปลูกลำไย', pillar: 'people', issues: ['agriculture'] })).json();
  const lead = (
    await api.post(`${base}/partners`, { kind: 'organization', name: 'กลุ่มผู้ใช้น้ำเหมืองฝายพญาคำ', sector: 'civil_society', orgType: 'community_group' })
  ).json();
  const lgu = (
    await api.post(`${base}/partners`, { kind: 'organization', name: 'เทศบาลตำบลชมภู', sector: 'local_government', orgType: 'local_government' })
  ).json();
  if (role === 'coordinator') {
    const u = await createUser(t, { tenantId: ctx.tenant.id, role });
    api = await login(t, u.email, u.password);
  }
  return { ...ctx, api, net, net2, lead, lgu };
}

async function mkPlan(api: Client, base: string, body: Record<string, unknown>) {
  const res = await api.post(`${base}/plans`, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('joint action plans', () => {
  it('creates a plan for several networks in fiscal year 2569 with its default dates, and lists it with fiscalYear', async () => {
    const { api, base, net, net2 } = await setup();
    const plan = await mkPlan(api, base, { name: 'แผนปฏิบัติการร่วมบริหารจัดการน้ำ ปีงบประมาณ 2569', fiscalYear: 2569, networkIds: [net.id, net2.id] });
    expect(plan).toMatchObject({ fiscalYear: 2569, startDate: '2025-10-01', endDate: '2026-09-30', projectCount: 0, budgetSatang: 0, progress: null });
    expect(plan.networks.map((n: { id: string }) => n.id).sort()).toEqual([net.id, net2.id].sort());

    await mkPlan(api, base, { name: 'แผนปฏิบัติการร่วม ปี 2568', fiscalYear: 2568, networkIds: [net.id] });
    const list = (await api.get(`${base}/plans`)).json();
    expect(list).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(list.items.map((p: { fiscalYear: number }) => p.fiscalYear)).toEqual([2569, 2568]);
    expect((await api.get(`${base}/plans?fiscalYear=2568`)).json().total).toBe(1);
    expect((await api.get(`${base}/plans?networkId=${net2.id}`)).json().items.map((p: { fiscalYear: number }) => p.fiscalYear)).toEqual([2569]);
    expect((await api.get(`${base}/plans?pageSize=1&page=2`)).json()).toMatchObject({ total: 2, items: [{ fiscalYear: 2568 }] });
  });

  it('keeps plan dates inside the fiscal year: 30 Sep belongs to the year before 1 Oct', async () => {
    const { api, base, net } = await setup();
    // FY 2569 = 2025-10-01 … 2026-09-30
    const ok = await api.post(`${base}/plans`, { name: 'แผนเต็มปี', fiscalYear: 2569, networkIds: [net.id], startDate: '2025-10-01', endDate: '2026-09-30' });
    expect(ok.statusCode).toBe(201);
    const early = await api.post(`${base}/plans`, {
      name: 'เริ่มก่อนปีงบ',
      fiscalYear: 2569,
      networkIds: [net.id],
      startDate: '2025-09-30',
      endDate: '2026-01-31',
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual({ startDate: 'วันที่ต้องอยู่ในปีงบประมาณของแผน (1 ต.ค. – 30 ก.ย.)' });
    const late = await api.post(
      `${base}/plans`,
      { name: 'จบหลังปีงบ', fiscalYear: 2569, networkIds: [net.id], startDate: '2025-10-01', endDate: '2026-10-01' },
      { 'accept-language': 'en' },
    );
    expect(late.json().error.fields).toEqual({ endDate: "The date must fall within the plan's fiscal year (1 Oct – 30 Sep)." });
    // a Gregorian year is not a fiscal year
    const ce = await api.post(`${base}/plans`, { name: 'ปี ค.ศ.', fiscalYear: 2026, networkIds: [net.id] });
    expect(ce.statusCode).toBe(400);
    expect(ce.json().error.fields.fiscalYear).toBe('ปีงบประมาณต้องเป็นปี พ.ศ. (เช่น 2569)');
    const fy2570 = await mkPlan(api, base, { name: 'แผนปีถัดไป', fiscalYear: 2570, networkIds: [net.id] });
    expect(fy2570).toMatchObject({ startDate: '2026-10-01', endDate: '2027-09-30' });
  });

  it('builds projects and activities, reports progress and rolls it up by budget, excluding cancelled work', async () => {
    const { api, base, net, lead, lgu } = await setup('coordinator');
    const plan = await mkPlan(api, base, { name: 'แผนน้ำ 2569', fiscalYear: 2569, networkIds: [net.id] });
    const p1 = (
      await api.post(`${base}/plans/${plan.id}/projects`, {
        name: 'โครงการซ่อมแซมฝายพญาคำและขุดลอกลำเหมือง',
        objectives: 'ให้น้ำไหลถึงปลายเหมืองตลอดฤดูแล้ง',
        outputTarget: 'ฝาย 1 แห่ง ลำเหมือง 4.5 กม.',
        leadPartyId: lead.id,
        supportingPartyIds: [lgu.id],
        startDate: '2026-01-05',
        endDate: '2026-05-31',
      })
    ).json();
    expect(p1.plan.projects[0]).toMatchObject({
      name: 'โครงการซ่อมแซมฝายพญาคำและขุดลอกลำเหมือง',
      lead: { id: lead.id },
      supporting: [{ id: lgu.id }],
      progress: null,
    });
    const addAct = async (body: Record<string, unknown>) => {
      const res = await api.post(`${base}/plans/${plan.id}/projects/${p1.id}/activities`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    const a1 = await addAct({ name: 'ลงแขกซ่อมฝาย', budgetSatang: 30_000_00, startDate: '2026-01-10', endDate: '2026-02-15' });
    const a2 = await addAct({ name: 'ขุดลอกลำเหมืองสาขา', budgetSatang: 10_000_00 });
    const a3 = await addAct({ name: 'จ้างเหมารถขุด', budgetSatang: 50_000_00 });
    const a4 = await addAct({ name: 'พิธีเลี้ยงผีฝาย (จิตอาสา)', budgetSatang: 0 });

    const r1 = await api.post(`${base}/plans/${plan.id}/activities/${a1.id}/progress`, { reportedOn: '2026-02-01', text: 'ซ่อมฝายแล้วครึ่งหนึ่ง', percentage: 50 });
    expect(r1.statusCode, r1.body).toBe(201);
    let detail = r1.json().plan;
    let a1Out = detail.projects[0].activities.find((a: { id: string }) => a.id === a1.id);
    expect(a1Out).toMatchObject({ status: 'in_progress', reportedProgress: 50, progress: 50, lastReportedOn: '2026-02-01' });
    // (300000×50 + 100000×0 + 500000×0 + 0) / 900000
    expect(detail.projects[0].progress).toBe(16.7);
    expect(detail.budgetSatang).toBe(90_000_00);

    // cancelling the hired digger leaves the roll-up and the budget
    detail = (await api.patch(`${base}/plans/${plan.id}/activities/${a3.id}`, { status: 'cancelled' })).json().plan;
    expect(detail.projects[0].progress).toBe(37.5); // 300000×50 / 400000
    expect(detail.budgetSatang).toBe(40_000_00);
    expect(detail.progress).toBe(37.5);

    // 100% marks the activity done; an older report does not override the latest
    await api.post(`${base}/plans/${plan.id}/activities/${a2.id}/progress`, { reportedOn: '2026-03-01', text: 'ลอกเหมืองครบทุกสาย', percentage: 100 });
    detail = (
      await api.post(`${base}/plans/${plan.id}/activities/${a2.id}/progress`, { reportedOn: '2026-02-20', text: 'รายงานย้อนหลัง', percentage: 40 })
    ).json().plan;
    expect(detail.projects[0].activities.find((a: { id: string }) => a.id === a2.id)).toMatchObject({ status: 'done', reportedProgress: 100 });
    expect(detail.projects[0].progress).toBe(62.5); // (300000×50 + 100000×100) / 400000
    const reports = (await api.get(`${base}/plans/${plan.id}/activities/${a2.id}/progress`)).json();
    expect(reports.items.map((r: { percentage: number }) => r.percentage)).toEqual([100, 40]);

    // explicit weights: the volunteer ceremony now counts
    detail = (await api.patch(`${base}/plans/${plan.id}/projects/${p1.id}`, { weightBy: 'weight' })).json().plan;
    // weights default to 1: (50 + 100 + 0[ceremony]) / 3, cancelled out
    expect(detail.projects[0].progress).toBe(50);
    await api.patch(`${base}/plans/${plan.id}/activities/${a4.id}`, { weight: 2, status: 'done' });
    detail = (await api.get(`${base}/plans/${plan.id}`)).json();
    expect(detail.projects[0].progress).toBe(87.5); // (1×50 + 1×100 + 2×100) / 4
    a1Out = detail.projects[0].activities.find((a: { id: string }) => a.id === a1.id);
    expect(a1Out.progress).toBe(50);

    // the plan's period cannot shrink past its work
    const shrink = await api.patch(`${base}/plans/${plan.id}`, { startDate: '2026-01-01', endDate: '2026-01-31' });
    expect(shrink.statusCode).toBe(400);
    expect(Object.keys(shrink.json().error.fields)).toEqual(['endDate']);
    expect((await api.patch(`${base}/plans/${plan.id}`, { startDate: '2025-11-01' })).json()).toMatchObject({ startDate: '2025-11-01', endDate: '2026-09-30' });

    // the list carries the same roll-up
    const listed = (await api.get(`${base}/plans`)).json().items[0];
    expect(listed).toMatchObject({ id: plan.id, progress: detail.progress, projectCount: 1, activityCount: 4 });

    // every write is audited
    const rows = await t.database.db.select({ entity: auditLog.entity }).from(auditLog);
    const entities = new Set(rows.map((r) => r.entity));
    for (const e of ['plan', 'plan_project', 'plan_activity', 'plan_progress']) expect(entities.has(e)).toBe(true);
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const { api, base, net } = await setup();
    const plan = await mkPlan(api, base, { name: 'แผนทดสอบ', fiscalYear: 2569, networkIds: [net.id] });
    const project = (await api.post(`${base}/plans/${plan.id}/projects`, { name: 'โครงการ' })).json();
    const actUrl = `${base}/plans/${plan.id}/projects/${project.id}/activities`;

    const endBefore = await api.post(`${base}/plans`, { name: 'x', fiscalYear: 2569, networkIds: [net.id], startDate: '2026-03-01', endDate: '2026-02-01' });
    expect(endBefore.statusCode).toBe(400);
    expect(endBefore.json().error.fields).toEqual({ endDate: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น' });
    const noNetworks = await api.post(`${base}/plans`, { name: 'x', fiscalYear: 2569, networkIds: [] });
    expect(Object.keys(noNetworks.json().error.fields)).toEqual(['networkIds']);
    const unknownNet = await api.post(`${base}/plans`, { name: 'x', fiscalYear: 2569, networkIds: [net.id, '00000000-0000-4000-8000-000000000000'] });
    expect(unknownNet.json().error.fields).toEqual({ 'networkIds.1': 'ไม่พบเครือข่ายนี้' });

    const float = await api.post(actUrl, { name: 'งบมีเศษสตางค์', budgetSatang: 1500.5 });
    expect(float.statusCode).toBe(400);
    expect(float.json().error.fields).toEqual({ budgetSatang: 'จำนวนเงินต้องเป็นจำนวนเต็มในหน่วยสตางค์ (ไม่มีทศนิยม)' });
    const negative = await api.post(actUrl, { name: 'งบติดลบ', budgetSatang: -100 });
    expect(negative.json().error.fields).toEqual({ budgetSatang: 'ต้องไม่ติดลบ' });
    const asString = await api.post(actUrl, { name: 'งบเป็นข้อความ', budgetSatang: '1000' });
    expect(asString.statusCode).toBe(400);
    const unknownParty = await api.post(actUrl, {
      name: 'x',
      leadPartyId: '00000000-0000-4000-8000-000000000000',
      supportingPartyIds: ['00000000-0000-4000-8000-000000000001'],
    });
    expect(unknownParty.json().error.fields).toEqual({ leadPartyId: 'ไม่พบภาคีนี้', 'supportingPartyIds.0': 'ไม่พบภาคีนี้' });
    const outside = await api.post(actUrl, { name: 'x', startDate: '2026-09-01', endDate: '2026-10-15' });
    expect(outside.json().error.fields).toEqual({ endDate: 'วันที่ต้องอยู่ในช่วงเวลาของแผน' });
    const actEndBefore = await api.post(actUrl, { name: 'x', startDate: '2026-05-01', endDate: '2026-04-01' });
    expect(actEndBefore.json().error.fields).toEqual({ endDate: 'วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น' });

    const act = (await api.post(actUrl, { name: 'กิจกรรม', budgetSatang: 100 })).json();
    const progUrl = `${base}/plans/${plan.id}/activities/${act.id}/progress`;
    for (const percentage of [101, -1, 50.5]) {
      const res = await api.post(progUrl, { reportedOn: '2026-01-01', text: 'x', percentage });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields).toEqual({ percentage: 'ร้อยละต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 100' });
    }
    const badStatus = await api.patch(`${base}/plans/${plan.id}/activities/${act.id}`, { status: 'paused' });
    expect(Object.keys(badStatus.json().error.fields)).toEqual(['status']);

    const detail = (await api.get(`${base}/plans/${plan.id}`)).json();
    expect(detail.projects).toHaveLength(1);
    expect(detail.projects[0].activities).toHaveLength(1);
    expect(detail.projects[0].activities[0]).toMatchObject({ reportedProgress: 0, status: 'planned', budgetSatang: 100 });
    expect((await api.get(progUrl)).json().total).toBe(0);
    expect((await api.get(`${base}/plans`)).json().total).toBe(1);
  });

  it("carries unfinished work forward once, linked to its predecessors, and shows each network's run of years", async () => {
    const { api, base, net, net2 } = await setup();
    const p68 = await mkPlan(api, base, { name: 'แผนปฏิบัติการร่วมเครือข่ายน้ำ ปีงบประมาณ 2568', fiscalYear: 2568, networkIds: [net.id] });
    const addProject = async (name: string, body: Record<string, unknown> = {}) =>
      (await api.post(`${base}/plans/${p68.id}/projects`, { name, ...body })).json().id;
    const addAct = async (projectId: string, name: string, body: Record<string, unknown> = {}) =>
      (await api.post(`${base}/plans/${p68.id}/projects/${projectId}/activities`, { name, budgetSatang: 1000_00, ...body })).json().id;
    const done = await addProject('โครงการที่เสร็จแล้ว');
    await addAct(done, 'กิจกรรมเสร็จ', { status: 'done' });
    const mixed = await addProject('โครงการที่ยังค้าง', { startDate: '2024-11-01', endDate: '2025-09-30' });
    await addAct(mixed, 'กิจกรรมเสร็จในโครงการค้าง', { status: 'done' });
    const open1 = await addAct(mixed, 'กิจกรรมค้าง', { startDate: '2025-08-01', endDate: '2025-09-15' });
    await api.post(`${base}/plans/${p68.id}/activities/${open1}/progress`, { reportedOn: '2025-09-01', text: 'ทำได้ 60%', percentage: 60 });
    await addAct(mixed, 'กิจกรรมยกเลิก', { status: 'cancelled' });
    const cancelled = await addProject('โครงการยกเลิก', { status: 'cancelled' });
    await addAct(cancelled, 'กิจกรรมของโครงการยกเลิก');
    const empty = await addProject('โครงการยังไม่มีกิจกรรม');

    const first = await api.post(`${base}/plans/${p68.id}/carry-forward`, {});
    expect(first.statusCode, first.body).toBe(200);
    const r1 = first.json();
    expect(r1).toMatchObject({ created: true, carriedProjects: 2, carriedActivities: 1 });
    expect(r1.plan).toMatchObject({
      fiscalYear: 2569,
      name: 'แผนปฏิบัติการร่วมเครือข่ายน้ำ ปีงบประมาณ 2569',
      predecessorPlanId: p68.id,
      startDate: '2025-10-01',
      endDate: '2026-09-30',
    });
    expect(r1.plan.networks.map((n: { id: string }) => n.id)).toEqual([net.id]);
    const byPred = new Map(r1.plan.projects.map((p: { predecessorProjectId: string }) => [p.predecessorProjectId, p]));
    expect([...byPred.keys()].sort()).toEqual([mixed, empty].sort());
    const carried = byPred.get(mixed) as {
      startDate: string;
      endDate: string;
      activities: { predecessorActivityId: string; progress: number; status: string; startDate: string }[];
    };
    expect(carried.activities).toHaveLength(1);
    expect(carried.activities[0]).toMatchObject({ predecessorActivityId: open1, progress: 60, status: 'in_progress', startDate: '2026-08-01' });
    expect(carried).toMatchObject({ startDate: '2025-11-01', endDate: '2026-09-30' });

    // again: same plan, nothing new
    const again = (await api.post(`${base}/plans/${p68.id}/carry-forward`, {})).json();
    expect(again).toMatchObject({ created: false, carriedProjects: 0, carriedActivities: 0 });
    expect(again.plan.id).toBe(r1.plan.id);
    expect(again.plan.projects).toHaveLength(2);
    expect((await api.get(`${base}/plans?fiscalYear=2569`)).json().total).toBe(1);
    // a new unfinished activity in an already-carried project is added, once
    await addAct(mixed, 'กิจกรรมเพิ่มทีหลัง');
    const third = (await api.post(`${base}/plans/${p68.id}/carry-forward`, {})).json();
    expect(third).toMatchObject({ created: false, carriedProjects: 0, carriedActivities: 1 });
    expect((await api.post(`${base}/plans/${p68.id}/carry-forward`, {})).json()).toMatchObject({ carriedProjects: 0, carriedActivities: 0 });
    const plan68 = (await api.get(`${base}/plans/${p68.id}`)).json();
    expect(plan68.successorPlanId).toBe(r1.plan.id);

    // continuity: 2566 (gap 2567) 2568 2569 for the water network; none for the other
    await mkPlan(api, base, { name: 'แผน 2566', fiscalYear: 2566, networkIds: [net.id] });
    const c = (await api.get(`${base}/plans/continuity`)).json();
    const water = c.items.find((x: { networkId: string }) => x.networkId === net.id);
    expect(water).toMatchObject({
      years: [2566, 2568, 2569],
      gaps: [2567],
      latestRun: { from: 2568, to: 2569, length: 2 },
      longestRun: { from: 2568, to: 2569, length: 2 },
    });
    expect(c.items.find((x: { networkId: string }) => x.networkId === net2.id)).toMatchObject({ years: [], runs: [], latestRun: null });
    expect((await api.get(`${base}/plans/continuity?networkId=${net.id}`)).json().items).toHaveLength(1);
  });

  it('answers 404 for another tenant and lets its admin change nothing', async () => {
    const a = await setup('admin');
    const b = await tenantWithUser(t, 'admin');
    const plan = await mkPlan(a.api, a.base, { name: 'แผนของ A', fiscalYear: 2569, networkIds: [a.net.id] });
    const project = (await a.api.post(`${a.base}/plans/${plan.id}/projects`, { name: 'โครงการของ A' })).json();
    const act = (await a.api.post(`${a.base}/plans/${plan.id}/projects/${project.id}/activities`, { name: 'กิจกรรมของ A', budgetSatang: 500 })).json();

    // B through its own tenant URL: nothing of A's is visible or writable
    const bp = `${b.base}/plans/${plan.id}`;
    expect((await b.api.get(`${b.base}/plans`)).json().total).toBe(0);
    for (const res of [
      await b.api.get(bp),
      await b.api.patch(bp, { name: 'ถูกแก้' }),
      await b.api.delete(bp),
      await b.api.post(`${bp}/carry-forward`, {}),
      await b.api.post(`${bp}/projects`, { name: 'แทรก' }),
      await b.api.patch(`${bp}/projects/${project.id}`, { name: 'ถูกแก้' }),
      await b.api.delete(`${bp}/projects/${project.id}`),
      await b.api.post(`${bp}/projects/${project.id}/activities`, { name: 'แทรก' }),
      await b.api.patch(`${bp}/activities/${act.id}`, { status: 'cancelled' }),
      await b.api.delete(`${bp}/activities/${act.id}`),
      await b.api.get(`${bp}/activities/${act.id}/progress`),
      await b.api.post(`${bp}/activities/${act.id}/progress`, { reportedOn: '2026-01-01', text: 'x', percentage: 100 }),
    ])
      expect(res.statusCode).toBe(404);
    // B cannot use A's network in its own plan
    expect((await b.api.post(`${b.base}/plans`, { name: 'x', fiscalYear: 2569, networkIds: [a.net.id] })).json().error.fields).toEqual({
      'networkIds.0': 'ไม่พบเครือข่ายนี้',
    });
    expect((await b.api.get(`${b.base}/plans/continuity?networkId=${a.net.id}`)).statusCode).toBe(404);
    // B on A's URL: 403
    for (const res of [
      await b.api.get(`${a.base}/plans`),
      await b.api.post(`${a.base}/plans/${plan.id}/carry-forward`, {}),
      await b.api.get(`${a.base}/plans/continuity`),
    ])
      expect(res.statusCode).toBe(403);

    const after = (await a.api.get(`${a.base}/plans/${plan.id}`)).json();
    expect(after).toMatchObject({ name: 'แผนของ A', successorPlanId: null });
    expect(after.projects[0]).toMatchObject({ name: 'โครงการของ A', activities: [{ name: 'กิจกรรมของ A', status: 'planned', reportedProgress: 0 }] });
  });

  it('lets members read plans but not write them', async () => {
    const a = await setup('admin');
    const plan = await mkPlan(a.api, a.base, { name: 'แผน', fiscalYear: 2569, networkIds: [a.net.id] });
    const m = await createUser(t, { tenantId: a.tenant.id, role: 'member' });
    const member = await login(t, m.email, m.password);
    expect((await member.get(`${a.base}/plans/${plan.id}`)).statusCode).toBe(200);
    expect((await member.post(`${a.base}/plans`, { name: 'x', fiscalYear: 2569, networkIds: [a.net.id] })).statusCode).toBe(403);
    expect((await member.post(`${a.base}/plans/${plan.id}/projects`, { name: 'x' })).statusCode).toBe(403);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of [
      '/api/v1/t/{tenant}/plans',
      '/api/v1/t/{tenant}/plans/{id}/carry-forward',
      '/api/v1/t/{tenant}/plans/continuity',
      '/api/v1/t/{tenant}/participation/matrix',
      '/api/v1/t/{tenant}/strategy/map',
    ])
      expect(doc.paths[p], p).toBeDefined();
    expect(doc.paths['/api/v1/t/{tenant}/plans'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('fiscalYear');
  });
});
