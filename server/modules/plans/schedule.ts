import type { ScheduleState } from '../../../common/schemas/plans';
import { fiscalYearRange } from '../../../common/thai/dates';

/** Dates of a project or activity: its own where set, else its parent's (project, then plan). */
export function effectiveDates(
  own: { startDate: string | null; endDate: string | null },
  parent: { startDate: string; endDate: string; from: 'project' | 'plan' },
): { effectiveStartDate: string; effectiveEndDate: string; datesFrom: 'own' | 'project' | 'plan' } {
  const datesFrom = own.startDate || own.endDate ? 'own' : parent.from;
  return { effectiveStartDate: own.startDate ?? parent.startDate, effectiveEndDate: own.endDate ?? parent.endDate, datesFrom };
}

/**
 * Where work stands on `today` (yyyy-mm-dd): cancelled and done as flagged (100 % is done); not done
 * after its end date — or after its fiscal year, whatever the dates say — is overdue; started
 * (progress above 0, or flagged in progress / delayed) is in progress; otherwise not started.
 */
export function scheduleState(w: { status: string; progress: number | null; endDate: string; fiscalYear: number }, today: string): ScheduleState {
  if (w.status === 'cancelled') return 'cancelled';
  const progress = w.progress ?? 0;
  if (w.status === 'done' || progress >= 100) return 'done';
  const yearEnd = fiscalYearRange(w.fiscalYear).end;
  if (today > w.endDate || today > yearEnd) return 'overdue';
  if (progress > 0 || w.status === 'in_progress' || w.status === 'delayed') return 'in_progress';
  return 'not_started';
}
