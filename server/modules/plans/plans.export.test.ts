import { fiscalYearOf } from '../../../common/thai/dates';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUser, login, tenantWithUser, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('plan export', () => {
  it('exports a plan as XLSX (baht, B.E. dates, Thai status, roll-up) and CSV; members may not, other tenants get 404', async () => {
    const { api, base, tenant } = await tenantWithUser(t, 'officer');
    const net = (await api.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', pillar: 'locality', issues: ['water'] })).json();
    const lead = (
      await api.post(`${base}/partners`, { kind: 'organization', name: 'กลุ่มผู้ใช้น้ำเหมืองฝายพญาคำ', sector: 'civil_society', orgType: 'community_group' })
    ).json();
    const plan = (await api.post(`${base}/plans`, { name: 'แผนน้ำ 2569', fiscalYear: 2569, networkIds: [net.id] })).json();
    const project = (
      await api.post(`${base}/plans/${plan.id}/projects`, { name: 'ซ่อมฝายพญาคำ', leadPartyId: lead.id, startDate: '2026-01-05', endDate: '2026-05-31' })
    ).json();
    const addAct = async (body: Record<string, unknown>) => (await api.post(`${base}/plans/${plan.id}/projects/${project.id}/activities`, body)).json();
    const a1 = await addAct({ name: 'ลงแขกซ่อมฝาย', budgetSatang: 30_000_50, startDate: '2025-10-01', endDate: '2026-02-15' });
    await addAct({ name: 'ขุดลอกลำเหมือง', budgetSatang: 10_000_00, status: 'delayed' });
    await api.post(`${base}/plans/${plan.id}/activities/${a1.id}/progress`, { reportedOn: '2026-02-01', text: 'ครึ่งหนึ่ง', percentage: 50 });
    const detail = (await api.get(`${base}/plans/${plan.id}`)).json();

    const res = await api.get(`${base}/plans/${plan.id}/export?format=xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(/filename="plan-2569-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'ลำดับ',
      'ประเภท',
      'ชื่อ',
      'ภาคีหลัก',
      'ภาคีสนับสนุน',
      'วันเริ่มต้น (พ.ศ.)',
      'วันสิ้นสุด (พ.ศ.)',
      'สถานะ',
      'งบประมาณ (บาท)',
      'ความก้าวหน้า (%)',
      'วัตถุประสงค์',
      'เป้าหมายผลผลิต',
      'รายงานล่าสุด (พ.ศ.)',
    ]);
    const col = (name: string) => header.indexOf(name) + 1;
    const cell = (row: number, name: string) => ws.getRow(row).getCell(col(name)).value;
    expect(ws.rowCount).toBe(5); // header, plan, project, two activities
    // the plan row: totals and the rolled-up progress
    expect(cell(2, 'ประเภท')).toBe('แผน');
    expect(cell(2, 'งบประมาณ (บาท)')).toBe(40_000.5);
    expect(cell(2, 'ความก้าวหน้า (%)')).toBe(detail.progress);
    expect(cell(2, 'วันเริ่มต้น (พ.ศ.)')).toBe('1 ต.ค. 2568');
    expect(cell(2, 'วันสิ้นสุด (พ.ศ.)')).toBe('30 ก.ย. 2569');
    expect(cell(3, 'ลำดับ')).toBe('1');
    expect(cell(3, 'ชื่อ')).toBe('ซ่อมฝายพญาคำ');
    expect(cell(3, 'ภาคีหลัก')).toBe('กลุ่มผู้ใช้น้ำเหมืองฝายพญาคำ');
    expect(cell(3, 'ความก้าวหน้า (%)')).toBe(detail.projects[0].progress);
    expect(cell(4, 'ลำดับ')).toBe('1.1');
    expect(cell(4, 'งบประมาณ (บาท)')).toBe(30_000.5);
    // the status column is derived (schedule.ts): fiscal year 2569 ended on 30 Sep 2026, so unfinished work is overdue
    const thisYear = fiscalYearOf(new Date()) === 2569;
    expect(cell(4, 'สถานะ')).toBe(thisYear ? 'กำลังดำเนินการ' : 'เลยกำหนด');
    expect(cell(4, 'ความก้าวหน้า (%)')).toBe(50);
    expect(cell(4, 'รายงานล่าสุด (พ.ศ.)')).toBe('1 ก.พ. 2569');
    expect(cell(5, 'สถานะ')).toBe(thisYear ? 'กำลังดำเนินการ' : 'เลยกำหนด');
    expect(cell(5, 'งบประมาณ (บาท)')).toBe(10_000);

    const csv = await api.get(`${base}/plans/${plan.id}/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[3]).toContain('1.1,กิจกรรม,ลงแขกซ่อมฝาย');
    expect(csv.body).toContain('30000.5');

    const bad = await api.get(`${base}/plans/${plan.id}/export?format=pdf`);
    expect(bad.statusCode).toBe(400);

    const m = await createUser(t, { tenantId: tenant.id, role: 'member' });
    expect((await (await login(t, m.email, m.password)).get(`${base}/plans/${plan.id}/export`)).statusCode).toBe(403);
    const other = await tenantWithUser(t, 'admin');
    expect((await other.api.get(`${other.base}/plans/${plan.id}/export?format=xlsx`)).statusCode).toBe(404);
  });
});
