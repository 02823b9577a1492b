import { toThaiCalendarDate } from '../../common/thai/dates';

/** Today's calendar date in Thailand (yyyy-mm-dd). */
export function todayInThailand(now: Date = new Date()): string {
  const { year, month, day } = toThaiCalendarDate(now);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
