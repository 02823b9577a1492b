import ExcelJS from 'exceljs';
import type { LocalPlanDetail as Plan } from '../../../common/schemas/localplans';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUser, login, tenantWithUser, type TestApp } from '../../test/harness';
import { expectNoRowsWithoutTenant, expectTenantIsolation } from '../../test/tenant-isolation';
import { fieldsOf, ok } from '../water/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const STRATEGIES = [
  {
    name: 'การพัฒนาโครงสร้างพื้นฐาน',
    provinceStrategy: 'ยุทธศาสตร์ที่ 2 การบริหารจัดการทรัพยากรน้ำอย่างยั่งยืน',
    programmes: [{ name: 'เคหะและชุมชน' }, { name: 'แผนงานการเกษตร' }],
  },
  { name: 'การพัฒนาคุณภาพชีวิต', provinceStrategy: 'ยุทธศาสตร์ที่ 4 สังคมคุณภาพ', programmes: [{ name: 'สาธารณสุข' }] },
];

/** Chomphu (the tenant) and one neighbour, each with a 2566–2570 plan; a joint plan with two projects (90 000 and 20 000 baht). */
async function setup() {
  const ctx = await tenantWithUser(t, 'officer');
  const { api, base } = ctx;
  const neighbour = await ok<{ id: string; name: string }>(
    api.post(`${base}/partners`, { kind: 'organization', name: 'เทศบาลตำบลท่ากว้าง', sector: 'local_government', orgType: 'local_government' }),
    201,
  );
  const net = await ok<{ id: string }>(api.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', pillar: 'locality' }), 201);
  const joint = await ok<{ id: string; name: string }>(
    api.post(`${base}/plans`, { name: 'แผนปฏิบัติการร่วมฝายพญาคำ', fiscalYear: 2569, networkIds: [net.id] }),
    201,
  );
  const project = async (name: string, budgets: number[], extra: Record<string, unknown> = {}) => {
    const p = await ok<{ id: string; name: string }>(api.post(`${base}/plans/${joint.id}/projects`, { name, ...extra }), 201);
    for (const [i, b] of budgets.entries())
      await ok(api.post(`${base}/plans/${joint.id}/projects/${p.id}/activities`, { name: `กิจกรรม ${i + 1}`, budgetSatang: b }), 201);
    return p;
  };
  const weir = await project('ซ่อมแซมฝายพญาคำ', [60_000_00, 30_000_00], {
    objectives: 'เพื่อให้มีน้ำใช้ในการเกษตรตลอดปี',
    outputTarget: 'ฝาย 1 แห่ง ยาว 40 เมตร',
    indicatorText: 'พื้นที่เกษตรได้รับน้ำเพิ่มขึ้นร้อยละ 20',
  });
  const health = await project('คัดกรองสุขภาพผู้ใช้น้ำ', [20_000_00]);
  const own = await ok<Plan>(api.post(`${base}/local-plans`, { startYear: 2566, strategies: STRATEGIES }), 201);
  const theirs = await ok<Plan>(api.post(`${base}/local-plans`, { partyId: neighbour.id, startYear: 2566, strategies: STRATEGIES.slice(0, 1) }), 201);
  return { ...ctx, neighbour, net, joint, weir, health, own, theirs };
}

describe('local development plans', () => {
  it('keeps plans per local government with strategies, programmes and numbered editions', async () => {
    const s = await setup();
    expect(s.own).toMatchObject({ name: 'แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)', startYear: 2566, endYear: 2570, localGovernment: { partyId: null } });
    expect(s.theirs.localGovernment).toEqual({ partyId: s.neighbour.id, name: 'เทศบาลตำบลท่ากว้าง' });
    expect(s.own.strategies.map((x) => x.programmes.map((g) => g.name))).toEqual([['เคหะและชุมชน', 'แผนงานการเกษตร'], ['สาธารณสุข']]);

    const lgs = await ok<{ partyId: string | null; name: string }[]>(
      s.api.get(`${s.base}/local-governments`.replace('/local-governments', '/local-plans/local-governments')),
    );
    expect(lgs.map((x) => x.partyId)).toEqual([null, s.neighbour.id]);
    // a community group is not a local government; one plan per local government and start year
    const group = await ok<{ id: string }>(
      s.api.post(`${s.base}/partners`, { kind: 'organization', name: 'กลุ่มผู้ใช้น้ำ', sector: 'civil_society', orgType: 'community_group' }),
      201,
    );
    expect(fieldsOf(await s.api.post(`${s.base}/local-plans`, { partyId: group.id, startYear: 2566 }))).toEqual({ partyId: 'not_local_government' });
    const again = await s.api.post(`${s.base}/local-plans`, { startYear: 2566 });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual({ startYear: 'local_plan_exists' });

    const url = `${s.base}/local-plans/${s.own.id}/editions`;
    expect(fieldsOf(await s.api.post(url, { kind: 'addition', approvedOn: '2023-01-10', approvingAct: 'x' }))).toEqual({ kind: 'original_first' });
    await ok(s.api.post(url, { kind: 'original', approvedOn: '2021-10-20', approvingAct: 'ประกาศใช้โดยนายกเทศมนตรีตำบลชมภู ลงวันที่ 20 ตุลาคม 2564' }), 201);
    expect((await s.api.post(url, { kind: 'original', approvedOn: '2021-11-20', approvingAct: 'x' })).statusCode).toBe(409);
    await ok(s.api.post(url, { kind: 'addition', approvedOn: '2022-06-01', approvingAct: 'ประกาศ ลงวันที่ 1 มิถุนายน 2565' }), 201);
    await ok(s.api.post(url, { kind: 'change', approvedOn: '2022-08-01', approvingAct: 'ประกาศ ลงวันที่ 1 สิงหาคม 2565' }), 201);
    const detail = await ok<Plan>(s.api.post(url, { kind: 'addition', approvedOn: '2023-06-01', approvingAct: 'ประกาศ ลงวันที่ 1 มิถุนายน 2566' }), 201);
    expect(detail.editions.map((e) => [e.kind, e.number])).toEqual([
      ['original', 0],
      ['addition', 1],
      ['change', 1],
      ['addition', 2],
    ]);
    // members read, only officers write
    const u = await createUser(t, { tenantId: s.tenant.id, role: 'member' });
    const member = await login(t, u.email, u.password);
    expect((await member.get(`${s.base}/local-plans/${s.own.id}`)).statusCode).toBe(200);
    expect((await member.post(`${s.base}/local-plans`, { startYear: 2571 })).statusCode).toBe(403);
  });

  it("assigns a joint project to several local governments only when their yearly shares make the project's budget", async () => {
    const s = await setup();
    const url = `${s.base}/local-plans/assignments/${s.weir.id}`;
    const assignment = (plan: Plan, shares: { year: number; budgetSatang: number }[], strategy = 0, programme = 0) => ({
      localPlanId: plan.id,
      programmeId: plan.strategies[strategy].programmes[programme].id,
      shares,
      responsibleUnit: 'กองช่าง',
    });
    const short = await s.api.put(url, {
      assignments: [assignment(s.own, [{ year: 2569, budgetSatang: 50_000_00 }]), assignment(s.theirs, [{ year: 2569, budgetSatang: 30_000_00 }])],
    });
    expect(short.statusCode).toBe(400);
    expect(fieldsOf(short)).toEqual({ assignments: 'shares_must_add_up' });
    const outside = await s.api.put(url, { assignments: [assignment(s.own, [{ year: 2571, budgetSatang: 90_000_00 }])] });
    expect(fieldsOf(outside)).toEqual({ 'assignments.0.shares.0.year': 'year_outside_plan' });
    const wrongProgramme = await s.api.put(url, {
      assignments: [{ ...assignment(s.own, [{ year: 2569, budgetSatang: 90_000_00 }]), programmeId: s.theirs.strategies[0].programmes[0].id }],
    });
    expect(fieldsOf(wrongProgramme)).toEqual({ 'assignments.0.programmeId': 'unknown_programme' });
    // nothing was written by the refused requests
    expect((await ok<Plan>(s.api.get(`${s.base}/local-plans/${s.own.id}`))).projects).toEqual([]);

    const carried = await ok<{ localPlanId: string; objective: string; kpi: string; totalSatang: number }[]>(
      s.api.put(url, {
        assignments: [
          assignment(s.own, [
            { year: 2569, budgetSatang: 40_000_00 },
            { year: 2570, budgetSatang: 20_000_00 },
          ]),
          assignment(s.theirs, [{ year: 2569, budgetSatang: 30_000_00 }], 0, 1),
        ],
      }),
    );
    expect(carried.map((c) => c.totalSatang).sort()).toEqual([30_000_00, 60_000_00]);
    // texts default from the joint project
    expect(carried[0]).toMatchObject({ objective: 'เพื่อให้มีน้ำใช้ในการเกษตรตลอดปี', kpi: 'พื้นที่เกษตรได้รับน้ำเพิ่มขึ้นร้อยละ 20' });

    const own = await ok<Plan>(s.api.get(`${s.base}/local-plans/${s.own.id}`));
    expect(own.projects).toHaveLength(1);
    expect(own.projects[0]).toMatchObject({
      project: { name: 'ซ่อมแซมฝายพญาคำ' },
      jointPlan: { id: s.joint.id, name: 'แผนปฏิบัติการร่วมฝายพญาคำ' },
      status: 'proposed',
    });
    expect(own.projects[0].networks.map((n) => n.name)).toEqual(['เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ']);
    expect(own).toMatchObject({ projectCount: 1, budgetSatang: 60_000_00 });
    // a joint project that local plans carry cannot be deleted from under them (plans' delete answers 400, nothing goes)
    expect((await s.api.delete(`${s.base}/plans/${s.joint.id}/projects/${s.weir.id}`)).statusCode).toBe(400);
    expect((await ok<Plan>(s.api.get(`${s.base}/local-plans/${s.own.id}`))).projects).toHaveLength(1);

    const board = await ok<{
      projects: { id: string; budgetSatang: number; assignments: { localPlanId: string; status: string }[] }[];
      carried: { localPlanId: string; projectCount: number; budgetSatang: number }[];
    }>(s.api.get(`${s.base}/local-plans/board?planId=${s.joint.id}`));
    expect(board.projects.map((p) => [p.id, p.budgetSatang, p.assignments.length])).toEqual([
      [s.weir.id, 90_000_00, 2],
      [s.health.id, 20_000_00, 0],
    ]);
    expect(board.carried).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ localPlanId: s.own.id, projectCount: 1, budgetSatang: 60_000_00 }),
        expect.objectContaining({ localPlanId: s.theirs.id, projectCount: 1, budgetSatang: 30_000_00 }),
      ]),
    );
  });

  it('moves an integrated project one step at a time into an edition, the annual budget and done, or drops it with a reason', async () => {
    const s = await setup();
    const original = await ok<Plan>(
      s.api.post(`${s.base}/local-plans/${s.own.id}/editions`, { kind: 'original', approvedOn: '2021-10-20', approvingAct: 'ประกาศ' }),
      201,
    );
    const [item] = await ok<{ id: string }[]>(
      s.api.put(`${s.base}/local-plans/assignments/${s.health.id}`, {
        assignments: [{ localPlanId: s.own.id, programmeId: s.own.strategies[1].programmes[0].id, shares: [{ year: 2569, budgetSatang: 20_000_00 }] }],
      }),
    );
    const url = `${s.base}/local-plans/${s.own.id}/projects/${item.id}`;
    expect(fieldsOf(await s.api.patch(url, { status: 'in_budget' }))).toEqual({ status: 'status_order' });
    expect(fieldsOf(await s.api.patch(url, { status: 'integrated' }))).toEqual({ editionId: 'edition_required' });
    expect(fieldsOf(await s.api.patch(url, { status: 'integrated', editionId: s.theirs.id }))).toEqual({ editionId: 'unknown_edition' });
    const integrated = await ok<{ status: string; edition: { kind: string } }>(s.api.patch(url, { status: 'integrated', editionId: original.editions[0].id }));
    expect(integrated).toMatchObject({ status: 'integrated', edition: { kind: 'original' } });
    // once integrated the local government cannot simply be taken off the project
    const off = await s.api.put(`${s.base}/local-plans/assignments/${s.health.id}`, { assignments: [] });
    expect(fieldsOf(off)).toEqual({ assignments: 'assignment_in_progress' });
    await ok(s.api.patch(url, { status: 'in_budget' }));
    expect(fieldsOf(await s.api.patch(url, { status: 'dropped' }))).toEqual({ dropReason: 'reason_required' });
    const dropped = await ok<{ status: string; dropReason: string }>(s.api.patch(url, { status: 'dropped', dropReason: 'ได้งบอุดหนุนจากจังหวัดแทน' }));
    expect(dropped).toMatchObject({ status: 'dropped', dropReason: 'ได้งบอุดหนุนจากจังหวัดแทน' });
    expect(fieldsOf(await s.api.patch(url, { status: 'done' }))).toEqual({ status: 'status_order' });
    expect((await ok<Plan>(s.api.get(`${s.base}/local-plans/${s.own.id}`))).projectCount).toBe(0);
  });
});

const cellsOf = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);
const text = (ws: ExcelJS.Worksheet) => {
  const out: string[] = [];
  ws.eachRow((row) => out.push(String(row.getCell(1).value ?? '')));
  return out;
};

describe('ผ.01 and ผ.02 exports', () => {
  it('write the government layout: header lines, grouped rows with their joint project, totals per programme and strategy, Thai font', async () => {
    const s = await setup();
    const withOriginal = await ok<Plan>(
      s.api.post(`${s.base}/local-plans/${s.own.id}/editions`, { kind: 'original', approvedOn: '2021-10-20', approvingAct: 'ประกาศ' }),
      201,
    );
    const addition = await ok<Plan>(
      s.api.post(`${s.base}/local-plans/${s.own.id}/editions`, { kind: 'addition', approvedOn: '2025-11-01', approvingAct: 'ประกาศ' }),
      201,
    );
    const [weirItem] = await ok<{ id: string }[]>(
      s.api.put(`${s.base}/local-plans/assignments/${s.weir.id}`, {
        assignments: [
          {
            localPlanId: s.own.id,
            programmeId: s.own.strategies[0].programmes[0].id,
            shares: [
              { year: 2569, budgetSatang: 60_000_00 },
              { year: 2570, budgetSatang: 30_000_00 },
            ],
            expectedResult: 'เกษตรกรมีน้ำใช้เพียงพอ',
            responsibleUnit: 'กองช่าง',
          },
        ],
      }),
    );
    await ok(
      s.api.put(`${s.base}/local-plans/assignments/${s.health.id}`, {
        assignments: [
          {
            localPlanId: s.own.id,
            programmeId: s.own.strategies[1].programmes[0].id,
            shares: [{ year: 2569, budgetSatang: 20_000_00 }],
            responsibleUnit: 'กองสาธารณสุขฯ',
          },
        ],
      }),
    );
    await ok(s.api.patch(`${s.base}/local-plans/${s.own.id}/projects/${weirItem.id}`, { status: 'integrated', editionId: addition.editions[1].id }));

    // ผ.02 of every row not dropped
    const res = await s.api.get(`${s.base}/local-plans/${s.own.id}/p02.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('ผ.02')!;
    expect([1, 2, 3].map((n) => ws.getRow(n).getCell(1).value)).toEqual(['รายละเอียดโครงการพัฒนา', 'แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)', s.tenant.nameTh]);
    expect(cellsOf(ws, 5)).toEqual([
      'ที่',
      'โครงการ',
      'วัตถุประสงค์',
      'เป้าหมาย (ผลผลิตของโครงการ)',
      'งบประมาณ',
      'งบประมาณ',
      'งบประมาณ',
      'งบประมาณ',
      'งบประมาณ',
      'ตัวชี้วัด (KPI)',
      'ผลที่คาดว่าจะได้รับ',
      'หน่วยงานรับผิดชอบหลัก',
      'ที่มา (แผนปฏิบัติการร่วม)',
    ]);
    expect(cellsOf(ws, 6).slice(4, 9)).toEqual(['2566 (บาท)', '2567 (บาท)', '2568 (บาท)', '2569 (บาท)', '2570 (บาท)']);
    expect(text(ws).slice(5)).toEqual([
      'ก. ยุทธศาสตร์จังหวัด ยุทธศาสตร์ที่ 2 การบริหารจัดการทรัพยากรน้ำอย่างยั่งยืน',
      'ข. 1. ยุทธศาสตร์การพัฒนาโครงสร้างพื้นฐาน',
      '1.1 แผนงานเคหะและชุมชน',
      '1',
      'รวม แผนงานเคหะและชุมชน',
      'รวม ยุทธศาสตร์ที่ 1',
      'ก. ยุทธศาสตร์จังหวัด ยุทธศาสตร์ที่ 4 สังคมคุณภาพ',
      'ข. 2. ยุทธศาสตร์การพัฒนาคุณภาพชีวิต',
      '2.1 แผนงานสาธารณสุข',
      '1',
      'รวม แผนงานสาธารณสุข',
      'รวม ยุทธศาสตร์ที่ 2',
      'รวมทั้งสิ้น',
    ]);
    expect(cellsOf(ws, 10)).toEqual([
      1,
      'ซ่อมแซมฝายพญาคำ',
      'เพื่อให้มีน้ำใช้ในการเกษตรตลอดปี',
      'ฝาย 1 แห่ง ยาว 40 เมตร',
      '-',
      '-',
      '-',
      60000,
      30000,
      'พื้นที่เกษตรได้รับน้ำเพิ่มขึ้นร้อยละ 20',
      'เกษตรกรมีน้ำใช้เพียงพอ',
      'กองช่าง',
      'แผนปฏิบัติการร่วมฝายพญาคำ ปีงบประมาณ 2569 (เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ)',
    ]);
    expect(cellsOf(ws, 11)).toEqual(['รวม แผนงานเคหะและชุมชน', '1 โครงการ', undefined, undefined, 0, 0, 0, 60000, 30000]);
    expect(cellsOf(ws, 19)).toEqual(['รวมทั้งสิ้น', '2 โครงการ', undefined, undefined, 0, 0, 0, 80000, 30000]);
    expect(ws.getRow(10).getCell(8).numFmt).toBe('#,##0.00');
    for (const [r, c] of [
      [1, 1],
      [5, 2],
      [10, 2],
      [19, 1],
    ])
      expect(ws.getRow(r).getCell(c).font?.name, `${r},${c}`).toBe('TH Sarabun New');

    // ผ.02 of the addition holds only the project integrated into it, and says which edition it is
    const res2 = await s.api.get(`${s.base}/local-plans/${s.own.id}/p02.xlsx?edition=${addition.editions[1].id}`);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(res2.rawPayload as unknown as ArrayBuffer);
    const ws2 = wb2.getWorksheet('ผ.02')!;
    expect(ws2.getRow(2).getCell(1).value).toBe('แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570) เพิ่มเติม ครั้งที่ 1');
    expect(
      text(ws2)
        .slice(5)
        .filter((x) => x.startsWith('รวมทั้งสิ้น')),
    ).toHaveLength(1);
    expect(cellsOf(ws2, ws2.rowCount)).toEqual(['รวมทั้งสิ้น', '1 โครงการ', undefined, undefined, 0, 0, 0, 60000, 30000]);
    expect(withOriginal.editions).toHaveLength(1);
    const bad = await s.api.get(`${s.base}/local-plans/${s.own.id}/p02.xlsx?edition=${s.theirs.id}`);
    expect(fieldsOf(bad)).toEqual({ edition: 'unknown_edition' });

    // ผ.01: projects and budget per strategy (and programme) per year
    const res3 = await s.api.get(`${s.base}/local-plans/${s.own.id}/p01.xlsx`);
    const wb3 = new ExcelJS.Workbook();
    await wb3.xlsx.load(res3.rawPayload as unknown as ArrayBuffer);
    const p01 = wb3.getWorksheet('ผ.01')!;
    expect([1, 2, 3].map((n) => p01.getRow(n).getCell(1).value)).toEqual(['บัญชีสรุปโครงการพัฒนา', 'แผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570)', s.tenant.nameTh]);
    expect(cellsOf(p01, 5).filter((_, i) => i % 2 === 1 || i === 0)).toEqual(['ยุทธศาสตร์', 'ปี 2566', 'ปี 2567', 'ปี 2568', 'ปี 2569', 'ปี 2570', 'รวม 5 ปี']);
    expect(cellsOf(p01, 6).slice(1, 3)).toEqual(['จำนวนโครงการ', 'งบประมาณ (บาท)']);
    const byLabel = Object.fromEntries(Array.from({ length: p01.rowCount - 6 }, (_, i) => cellsOf(p01, i + 7)).map((r) => [r[0] as string, r.slice(1)]));
    expect(Object.keys(byLabel)).toEqual([
      '1. ยุทธศาสตร์การพัฒนาโครงสร้างพื้นฐาน',
      '1.1 แผนงานเคหะและชุมชน',
      '1.2 แผนงานการเกษตร',
      'รวม ยุทธศาสตร์ที่ 1',
      '2. ยุทธศาสตร์การพัฒนาคุณภาพชีวิต',
      '2.1 แผนงานสาธารณสุข',
      'รวม ยุทธศาสตร์ที่ 2',
      'รวมทั้งสิ้น',
    ]);
    expect(byLabel['รวม ยุทธศาสตร์ที่ 1']).toEqual([0, 0, 0, 0, 0, 0, 1, 60000, 1, 30000, 1, 90000]);
    expect(byLabel['1.2 แผนงานการเกษตร']).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(byLabel['รวมทั้งสิ้น']).toEqual([0, 0, 0, 0, 0, 0, 2, 80000, 1, 30000, 2, 110000]);
    expect(p01.getRow(14).getCell(1).font?.name).toBe('TH Sarabun New');
  });
});

describe('isolation', () => {
  const TABLES = ['local_plans', 'local_plan_strategies', 'local_plan_programmes', 'local_plan_editions', 'local_plan_projects', 'local_plan_project_years'];

  it('has RLS forced on every local plan table, and another tenant sees nothing', async () => {
    await expectTenantIsolation(t, TABLES);

    const s = await setup();
    await ok(
      s.api.put(`${s.base}/local-plans/assignments/${s.health.id}`, {
        assignments: [{ localPlanId: s.own.id, programmeId: s.own.strategies[1].programmes[0].id, shares: [{ year: 2569, budgetSatang: 20_000_00 }] }],
      }),
    );
    const b = await tenantWithUser(t, 'admin');
    expect(await ok(b.api.get(`${b.base}/local-plans`))).toEqual([]);
    for (const url of [
      `/local-plans/${s.own.id}`,
      `/local-plans/${s.own.id}/p02.xlsx`,
      `/local-plans/${s.own.id}/p01.xlsx`,
      `/local-plans/board?planId=${s.joint.id}`,
    ])
      expect((await b.api.get(`${b.base}${url}`)).statusCode, url).toBe(404);
    expect((await b.api.put(`${b.base}/local-plans/assignments/${s.health.id}`, { assignments: [] })).statusCode).toBe(404);
    expect(fieldsOf(await b.api.post(`${b.base}/local-plans`, { partyId: s.neighbour.id, startYear: 2566 }))).toEqual({ partyId: 'not_local_government' });
    await expectNoRowsWithoutTenant(t, TABLES);
  });
});
