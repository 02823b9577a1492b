/**
 * Thai dates: Buddhist Era (พ.ศ. = ค.ศ. + 543), the government fiscal year
 * (ปีงบประมาณ, 1 October – 30 September, named by the B.E. year in which it
 * ends) and display formatting.
 *
 * Calendar dates: a plain 'YYYY-MM-DD' string is taken as that calendar date
 * as is. A Date or a date-time string is an instant and is converted to the
 * calendar date in Thailand (Asia/Bangkok, UTC+7, no daylight saving), so
 * 2025-09-30T18:00:00Z (= 1 Oct 01:00 in Bangkok) is in fiscal year 2569.
 */
export { formatBaht } from './money';

export const BUDDHIST_ERA_OFFSET = 543;
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

export type ThaiLocale = 'th' | 'en';

function assertYear(year: number, what: string): void {
  if (!Number.isInteger(year)) throw new RangeError(`${what} must be an integer, got ${year}`);
}

/** 2025 → 2568. */
export function toBuddhistYear(gregorianYear: number): number {
  assertYear(gregorianYear, 'gregorianYear');
  return gregorianYear + BUDDHIST_ERA_OFFSET;
}

/** 2568 → 2025. */
export function toGregorianYear(buddhistYear: number): number {
  assertYear(buddhistYear, 'buddhistYear');
  return buddhistYear - BUDDHIST_ERA_OFFSET;
}

export interface CalendarDate {
  year: number; // Gregorian
  month: number; // 1–12
  day: number; // 1–31
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The calendar date of `input`: a 'YYYY-MM-DD' string as written (must be a
 * real date), anything else as an instant seen from Asia/Bangkok.
 * Throws RangeError for unparseable input.
 */
export function toThaiCalendarDate(input: Date | string): CalendarDate {
  if (typeof input === 'string') {
    const m = DATE_ONLY.exec(input.trim());
    if (m) {
      const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const probe = new Date(Date.UTC(year, month - 1, day));
      if (probe.getUTCFullYear() !== year || probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
        throw new RangeError(`invalid date: ${input}`);
      }
      return { year, month, day };
    }
  }
  const t = typeof input === 'string' ? Date.parse(input) : input instanceof Date ? input.getTime() : NaN;
  if (Number.isNaN(t)) throw new RangeError(`invalid date: ${String(input)}`);
  const bkk = new Date(t + BANGKOK_OFFSET_MS);
  return { year: bkk.getUTCFullYear(), month: bkk.getUTCMonth() + 1, day: bkk.getUTCDate() };
}

/**
 * The B.E. fiscal year containing `date`: 1 Oct (G−1) … 30 Sep G is fiscal
 * year G + 543. E.g. 2025-09-30 → 2568, 2025-10-01 → 2569.
 */
export function fiscalYearOf(date: Date | string): number {
  const { year, month } = toThaiCalendarDate(date);
  return (month >= 10 ? year + 1 : year) + BUDDHIST_ERA_OFFSET;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** First and last day (inclusive, ISO 'YYYY-MM-DD', Gregorian) of a B.E. fiscal year: 2569 → 2025-10-01 … 2026-09-30. */
export function fiscalYearRange(buddhistYear: number): { start: string; end: string } {
  const endYear = toGregorianYear(buddhistYear);
  return { start: `${pad(endYear - 1, 4)}-10-01`, end: `${pad(endYear, 4)}-09-30` };
}

/** "ปีงบประมาณ พ.ศ. 2569" / "FY 2569 B.E." */
export function formatFiscalYear(buddhistYear: number, locale: ThaiLocale = 'th'): string {
  assertYear(buddhistYear, 'buddhistYear');
  return locale === 'th' ? `ปีงบประมาณ พ.ศ. ${buddhistYear}` : `FY ${buddhistYear} B.E.`;
}

export interface FormatThaiDateOptions {
  /** 'short' → "26 พ.ย. 2569" / "26 Nov 2569 BE"; 'long' → "26 พฤศจิกายน 2569" / "26 November 2569 BE". Default 'short'. */
  style?: 'short' | 'long';
  /** Default 'th'. */
  locale?: ThaiLocale;
  /**
   * Default 'buddhist' for both locales (Thai government documents count in
   * B.E.; English output then carries the "BE" era marker). Use 'gregory'
   * for ordinary English dates: "26 Nov 2026".
   */
  calendar?: 'buddhist' | 'gregory';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function getFormatter(locale: ThaiLocale, style: 'short' | 'long', calendar: 'buddhist' | 'gregory') {
  const tag = `${locale === 'th' ? 'th-TH' : 'en-GB'}-u-ca-${calendar}`;
  const cacheKey = `${tag}|${style}`;
  let f = formatters.get(cacheKey);
  if (!f) {
    f = new Intl.DateTimeFormat(tag, {
      day: 'numeric',
      month: style,
      year: 'numeric',
      timeZone: 'UTC', // the calendar date is computed already; format it without shifting
      numberingSystem: 'latn',
    });
    formatters.set(cacheKey, f);
  }
  return f;
}

/**
 * Formats a date for display: `formatThaiDate('2026-11-26')` → "26 พ.ย. 2569".
 * Uses `Intl.DateTimeFormat('th-TH-u-ca-buddhist', …)` (or 'en-GB-u-ca-…' for
 * English). If the runtime's Intl lacks the Buddhist calendar, the year is
 * computed by hand (Gregorian + 543) so the output stays correct.
 * Throws RangeError for an invalid date.
 */
export function formatThaiDate(iso: string | Date, options: FormatThaiDateOptions = {}): string {
  const { style = 'short', locale = 'th', calendar = 'buddhist' } = options;
  const { year, month, day } = toThaiCalendarDate(iso);
  const utc = new Date(Date.UTC(year, month - 1, day));
  utc.setUTCFullYear(year); // Date.UTC maps years 0–99 to 1900–1999
  const f = getFormatter(locale, style, calendar);
  if (calendar === 'gregory' || f.resolvedOptions().calendar === calendar) return f.format(utc);
  // Fallback: no Buddhist calendar support — patch the year ourselves.
  const parts = f.formatToParts(utc).map((p) => (p.type === 'year' ? String(year + BUDDHIST_ERA_OFFSET) : p.type === 'era' ? '' : p.value));
  const text = parts.join('').trim();
  return locale === 'en' ? `${text} BE` : text;
}
