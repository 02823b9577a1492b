import type { WeightBy, WorkStatus } from '../../../common/schemas/plans';

/**
 * Progress roll-up: activities → project → plan. Pure arithmetic, used on every read, so the
 * numbers always follow the latest change (nothing cached to go stale).
 *
 * - An activity's progress is its latest reported percentage; `done` counts as 100; `cancelled`
 *   leaves the roll-up (neither its weight nor its budget counts).
 * - A parent weighs its children by budget (satang) or by explicit weight (`weightBy`); a child
 *   without an explicit weight weighs 1 in weight mode.
 * - When every counted child weighs 0 (e.g. all activities are unpaid volunteer work), the
 *   children count equally instead of dividing by zero. In a mix, a 0-budget child weighs 0 in
 *   budget mode; give the project `weightBy: 'weight'` to count such work.
 * - A project with nothing countable under it (no activities, or all cancelled) has progress null
 *   and leaves the plan's roll-up; a cancelled project likewise; a done project counts as 100.
 * - Results are rounded to one decimal.
 */
export interface RollupActivity {
  status: WorkStatus | string;
  budgetSatang: number;
  weight: number | null;
  progress: number;
}
export interface RollupProject {
  status: WorkStatus | string;
  weightBy: WeightBy | string;
  weight: number | null;
  activities: RollupActivity[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

export function activityProgress(a: RollupActivity): number | null {
  if (a.status === 'cancelled') return null;
  if (a.status === 'done') return 100;
  return a.progress;
}

interface Weighted {
  progress: number | null;
  budget: number;
  weight: number | null;
}

export function weightedProgress(children: Weighted[], by: WeightBy | string): number | null {
  const counted = children.filter((c) => c.progress !== null);
  if (!counted.length) return null;
  const w = (c: Weighted) => (by === 'weight' ? (c.weight ?? 1) : c.budget);
  const total = counted.reduce((s, c) => s + w(c), 0);
  if (total === 0) return round1(counted.reduce((s, c) => s + (c.progress as number), 0) / counted.length);
  return round1(counted.reduce((s, c) => s + w(c) * (c.progress as number), 0) / total);
}

/** Budget of the work that still counts: cancelled activities excluded. */
export function projectBudget(p: Pick<RollupProject, 'activities'>): number {
  return p.activities.reduce((s, a) => s + (a.status === 'cancelled' ? 0 : a.budgetSatang), 0);
}

export function projectProgress(p: RollupProject): number | null {
  if (p.status === 'cancelled') return null;
  if (p.status === 'done') return 100;
  return weightedProgress(
    p.activities.map((a) => ({ progress: activityProgress(a), budget: a.budgetSatang, weight: a.weight })),
    p.weightBy,
  );
}

export function planProgress(projects: RollupProject[], by: WeightBy | string): number | null {
  return weightedProgress(
    projects.map((p) => ({ progress: projectProgress(p), budget: p.status === 'cancelled' ? 0 : projectBudget(p), weight: p.weight })),
    by,
  );
}

/** Consecutive runs of fiscal years, e.g. [2563, 2564, 2566] → 2563–2564, 2566–2566. */
export function yearRuns(years: number[]): { from: number; to: number; length: number }[] {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: { from: number; to: number; length: number }[] = [];
  for (const y of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.to === y - 1) {
      last.to = y;
      last.length++;
    } else runs.push({ from: y, to: y, length: 1 });
  }
  return runs;
}
