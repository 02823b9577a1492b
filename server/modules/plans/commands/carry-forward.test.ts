import { describe, expect, it } from 'vitest';
import { nextName, nextYearDate, toCarry } from './carry-forward';

// The rules of carrying a plan into the next fiscal year, without a database (the HTTP path: plans.test.ts).
const fy70 = { start: '2026-10-01', end: '2027-09-30' };

describe('carry-forward', () => {
  it('moves a date one calendar year on, 29 Feb to 28 Feb, and clamps it into the new plan', () => {
    expect(nextYearDate('2026-03-15', fy70)).toBe('2027-03-15');
    expect(nextYearDate('2028-02-29', { start: '2028-10-01', end: '2029-09-30' })).toBe('2029-02-28');
    expect(nextYearDate('2025-09-01', fy70)).toBe('2026-10-01'); // before the new year's start
    expect(nextYearDate('2026-12-31', fy70)).toBe('2027-09-30'); // past its end
    expect(nextYearDate(null, fy70)).toBeNull();
  });

  it('names the successor by replacing the year, or by saying it continues', () => {
    expect(nextName('แผนปฏิบัติการร่วม ปีงบประมาณ 2569', 2569)).toBe('แผนปฏิบัติการร่วม ปีงบประมาณ 2570');
    expect(nextName('แผนบริหารจัดการน้ำ', 2569)).toBe('แผนบริหารจัดการน้ำ (ต่อเนื่อง ปีงบประมาณ 2570)');
  });

  it('takes unfinished projects with their unfinished activities not carried before', () => {
    const projects = [
      { id: 'open', status: 'in_progress' },
      { id: 'empty', status: 'planned' },
      { id: 'done', status: 'done' },
      { id: 'cancelled', status: 'cancelled' },
      { id: 'all-finished', status: 'in_progress' },
      { id: 'again', status: 'in_progress' },
    ];
    const acts = (...xs: [string, string][]) => xs.map(([id, status]) => ({ id, status }));
    const activitiesBy = new Map([
      ['open', acts(['a1', 'planned'], ['a2', 'done'], ['a3', 'in_progress'], ['a4', 'cancelled'])],
      ['done', acts(['d1', 'planned'])],
      ['cancelled', acts(['c1', 'in_progress'])],
      ['all-finished', acts(['f1', 'done'], ['f2', 'cancelled'])],
      ['again', acts(['g1', 'planned'], ['g2', 'in_progress'])],
    ]);
    const picked = toCarry(projects, activitiesBy, new Set(['g1']));
    expect(picked.map((p) => [p.project.id, p.open.map((a) => a.id)])).toEqual([
      ['open', ['a1', 'a3']],
      ['empty', []],
      ['again', ['g2']],
    ]);
  });

  it('still returns a project whose open activities were all carried (a second run adds nothing to it)', () => {
    const picked = toCarry([{ id: 'p', status: 'planned' }], new Map([['p', [{ id: 'x', status: 'planned' }]]]), new Set(['x']));
    expect(picked).toEqual([{ project: { id: 'p', status: 'planned' }, open: [] }]);
  });
});
