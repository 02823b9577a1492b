import { fiscalYearOf, toThaiCalendarDate } from '../../common/thai/dates';

/** The demo's plans, hours and ledger were written as of this day (fiscal year 2569, three months in). */
export const BASE_AS_OF = '2025-12-31';
export const BASE_FISCAL_YEAR = 2569;

/**
 * Moves the dated demo (plans, participation, strategy measurements, tasks, volunteer hours, ledger) by
 * whole years, so its last fiscal year is today's and a newcomer never lands on an empty year. Whole years
 * keep every date inside its fiscal year (1 Oct–30 Sep). Nothing is dated after `asOf` (today at the latest).
 */
export interface DemoClock {
  /** Years added to every demo date and fiscal year. */
  years: number;
  /** The demo's "today": the base day moved, but never later than the real today. */
  asOf: string;
  fy(base: number): number;
  date(baseIso: string): string;
}

function isoToday(now: Date): string {
  const d = toThaiCalendarDate(now);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export function addYears(iso: string, years: number): string {
  if (!years) return iso;
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  // 29 February of a leap year becomes the 28th when the target year has none.
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${y}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** `today` = 'yyyy-mm-dd', or PHAKHI_DEMO_TODAY, or the real day in Thailand. */
export function demoClock(today?: string): DemoClock {
  const day = today ?? process.env.PHAKHI_DEMO_TODAY ?? isoToday(new Date());
  const years = Math.max(0, fiscalYearOf(day) - BASE_FISCAL_YEAR);
  const moved = addYears(BASE_AS_OF, years);
  const asOf = moved < day ? moved : day;
  return { years, asOf, fy: (base) => base + years, date: (iso) => addYears(iso, years) };
}
