import { describe, expect, it } from 'vitest';
import { activityProgress, planProgress, projectBudget, projectProgress, weightedProgress, yearRuns } from './rollup';

const act = (status: string, budgetSatang: number, progress: number, weight: number | null = null) => ({ status, budgetSatang, progress, weight });

describe('progress roll-up arithmetic', () => {
  it('weighs activities by budget', () => {
    // 300 baht at 100%, 100 baht at 0% → 75%
    expect(
      projectProgress({ status: 'in_progress', weightBy: 'budget', weight: null, activities: [act('in_progress', 30_000, 100), act('planned', 10_000, 0)] }),
    ).toBe(75);
  });
  it('weighs activities by explicit weight (1 when missing)', () => {
    const p = { status: 'in_progress', weightBy: 'weight', weight: null, activities: [act('in_progress', 99_900, 50, 3), act('planned', 1, 10)] };
    expect(projectProgress(p)).toBe(40); // (3×50 + 1×10) / 4
  });
  it('leaves cancelled activities out of weight and budget', () => {
    const p = {
      status: 'in_progress',
      weightBy: 'budget',
      weight: null,
      activities: [act('done', 10_000, 0), act('cancelled', 90_000, 0), act('in_progress', 10_000, 50)],
    };
    expect(projectProgress(p)).toBe(75); // done counts as 100
    expect(projectBudget(p)).toBe(20_000);
    expect(activityProgress(act('cancelled', 1, 80))).toBeNull();
  });
  it('counts 0-budget activities equally when nothing has a budget, and not at all beside budgeted work', () => {
    expect(projectProgress({ status: 'planned', weightBy: 'budget', weight: null, activities: [act('in_progress', 0, 20), act('in_progress', 0, 60)] })).toBe(
      40,
    );
    expect(
      projectProgress({ status: 'planned', weightBy: 'budget', weight: null, activities: [act('in_progress', 0, 100), act('in_progress', 5_000, 10)] }),
    ).toBe(10);
  });
  it('gives null for nothing countable, and skips such projects in the plan', () => {
    const empty = { status: 'planned', weightBy: 'budget', weight: null, activities: [] };
    const allCancelled = { status: 'planned', weightBy: 'budget', weight: null, activities: [act('cancelled', 10_000, 50)] };
    const real = { status: 'in_progress', weightBy: 'budget', weight: null, activities: [act('in_progress', 10_000, 30)] };
    expect(projectProgress(empty)).toBeNull();
    expect(projectProgress(allCancelled)).toBeNull();
    expect(planProgress([empty, allCancelled, real], 'budget')).toBe(30);
    expect(planProgress([], 'budget')).toBeNull();
  });
  it('weighs projects in the plan by budget or by weight; a cancelled project leaves, a done project is 100', () => {
    const a = { status: 'in_progress', weightBy: 'budget', weight: 1, activities: [act('in_progress', 100_000, 20)] };
    const b = { status: 'in_progress', weightBy: 'budget', weight: 3, activities: [act('in_progress', 300_000, 60)] };
    const c = { status: 'cancelled', weightBy: 'budget', weight: 10, activities: [act('in_progress', 900_000, 0)] };
    const d = { status: 'done', weightBy: 'budget', weight: 0, activities: [act('planned', 0, 0)] };
    expect(planProgress([a, b, c], 'budget')).toBe(50); // (1×20 + 3×60)/4
    expect(planProgress([a, b, c], 'weight')).toBe(50);
    expect(planProgress([a, d], 'weight')).toBe(20); // d weighs 0 beside a
    expect(planProgress([d], 'budget')).toBe(100);
  });
  it('rounds to one decimal', () => {
    expect(
      weightedProgress(
        [
          { progress: 100, budget: 1, weight: null },
          { progress: 0, budget: 2, weight: null },
        ],
        'budget',
      ),
    ).toBe(33.3);
  });
  it('finds runs of consecutive fiscal years', () => {
    expect(yearRuns([2566, 2563, 2564, 2569, 2567, 2564])).toEqual([
      { from: 2563, to: 2564, length: 2 },
      { from: 2566, to: 2567, length: 2 },
      { from: 2569, to: 2569, length: 1 },
    ]);
    expect(yearRuns([])).toEqual([]);
  });
});
