import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fiscalYearOf, fiscalYearRange } from '../../../common/thai/dates';
import { todayInThailand } from '../../platform/today';
import { buildTestApp, tenantWithUser, type TestApp } from '../../test/harness';
import { effectiveDates, scheduleState } from './schedule';

describe('schedule state (pure)', () => {
  const w = (status: string, progress: number | null, endDate = '2026-03-31') => ({ status, progress, endDate, fiscalYear: 2569 });
  it('derives not started, in progress, done and overdue from progress and dates', () => {
    expect(scheduleState(w('planned', 0), '2026-01-10')).toBe('not_started');
    expect(scheduleState(w('planned', 40), '2026-01-10')).toBe('in_progress');
    expect(scheduleState(w('planned', 100), '2026-01-10')).toBe('done');
    expect(scheduleState(w('in_progress', 40), '2026-04-01')).toBe('overdue');
    expect(scheduleState(w('done', 40), '2027-01-01')).toBe('done');
    expect(scheduleState(w('cancelled', 0), '2027-01-01')).toBe('cancelled');
    // after the fiscal year (30 Sep 2026) even with a later end date
    expect(scheduleState(w('planned', 0, '2026-12-31'), '2026-10-01')).toBe('overdue');
    expect(scheduleState(w('planned', 0, '2026-09-30'), '2026-09-30')).toBe('not_started');
  });
  it('activities without dates take the project’s or the plan’s', () => {
    const plan = { startDate: '2025-10-01', endDate: '2026-09-30', from: 'plan' as const };
    expect(effectiveDates({ startDate: null, endDate: null }, plan)).toEqual({
      effectiveStartDate: '2025-10-01',
      effectiveEndDate: '2026-09-30',
      datesFrom: 'plan',
    });
    expect(effectiveDates({ startDate: '2026-01-01', endDate: null }, plan)).toEqual({
      effectiveStartDate: '2026-01-01',
      effectiveEndDate: '2026-09-30',
      datesFrom: 'own',
    });
  });
});

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('plan status in the API and the CSV', () => {
  it('a 40 % activity is in progress, undated work shows the plan’s dates, last year’s 0 % work is overdue', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const net = (await api.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำ', pillar: 'locality' })).json();
    const fy = fiscalYearOf(todayInThailand());
    const mk = async (year: number) => {
      const plan = (await api.post(`${base}/plans`, { name: `แผน ${year}`, fiscalYear: year, networkIds: [net.id] })).json();
      const project = (await api.post(`${base}/plans/${plan.id}/projects`, { name: 'โครงการซ่อมฝาย' })).json();
      const act = (await api.post(`${base}/plans/${plan.id}/projects/${project.id}/activities`, { name: 'ลงแขกซ่อมฝาย', budgetSatang: 1_000_00 })).json();
      return { plan: plan.id as string, activity: act.id as string };
    };
    const now = await mk(fy);
    const report = await api.post(`${base}/plans/${now.plan}/activities/${now.activity}/progress`, {
      reportedOn: todayInThailand(),
      text: 'ทำไปแล้วบางส่วน',
      percentage: 40,
      status: 'planned', // the stored flag stays "planned": the status people read must still follow the progress
    });
    expect(report.statusCode, report.body).toBe(201);
    const current = (await api.get(`${base}/plans/${now.plan}`)).json();
    const a = current.projects[0].activities[0];
    expect(a).toMatchObject({
      status: 'planned',
      schedule: 'in_progress',
      startDate: null,
      datesFrom: 'plan',
      ...{ effectiveStartDate: fiscalYearRange(fy).start, effectiveEndDate: fiscalYearRange(fy).end },
    });
    expect(current.projects[0].schedule).toBe('in_progress');
    expect(current.schedule).toBe('in_progress');

    const past = await mk(fy - 1);
    const old = (await api.get(`${base}/plans/${past.plan}`)).json();
    expect(old.projects[0].activities[0].schedule).toBe('overdue');
    expect(old.schedule).toBe('overdue');
    expect((await api.get(`${base}/plans?fiscalYear=${fy - 1}`)).json().items[0].schedule).toBe('overdue');

    const csv = (await api.get(`${base}/plans/${now.plan}/export?format=csv`)).body;
    const row = csv.split('\n').find((l) => l.includes('ลงแขกซ่อมฝาย'))!;
    expect(row).toContain('กำลังดำเนินการ');
    expect(row).not.toContain('ยังไม่เริ่ม');
    expect((await api.get(`${base}/plans/${past.plan}/export?format=csv`)).body).toContain('เลยกำหนด');
  });
});
