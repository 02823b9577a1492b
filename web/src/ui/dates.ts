/**
 * Buddhist-era (พ.ศ.) date formatting for display, e.g. "26 พ.ย. 2569".
 * Dates (yyyy-mm-dd) are calendar dates and never shift a day; timestamps are shown in Thai time.
 */
import { formatThaiDate } from '../../../common/thai/dates';
import type { Lang } from '../i18n';

type Style = 'short' | 'long';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(key: string, locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    cache.set(key, f);
  }
  return f;
}

function localeOf(lang: Lang): string {
  return lang === 'en' ? 'en-GB-u-ca-buddhist' : 'th-TH-u-ca-buddhist';
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parse `yyyy-mm-dd` (or a full ISO timestamp's date part) as a UTC calendar date. */
export function parseIsoDate(iso: string): Date | null {
  const m = ISO_DATE.exec(iso.slice(0, 10));
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * "26 พ.ย. 2569" (short) or "26 พฤศจิกายน 2569" (long); English: "26 Nov 2569 BE".
 * Delegates to the shared helper in common/thai (same output as the server's exports).
 * A timestamp is shown as its calendar date in Thailand.
 */
export function formatDate(iso: string | null | undefined, lang: Lang, style: Style = 'short'): string {
  if (!iso) return '';
  try {
    return formatThaiDate(iso, { style, locale: lang });
  } catch {
    return iso;
  }
}

/** Timestamp with time of day, Thai time: "26 พ.ย. 2569 14:05". */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return fmt(`dt:${lang}`, localeOf(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    // Thai local government business happens in Thai time, whatever the reader's device says.
    timeZone: 'Asia/Bangkok',
  }).format(d);
}

/** Month and year in B.E. for calendar headers: "พฤศจิกายน 2569". */
export function formatMonthYear(iso: string, lang: Lang): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return fmt(`my:${lang}`, localeOf(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}

/** Month name only (calendar year view). */
export function formatMonthName(iso: string, lang: Lang): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return fmt(`m:${lang}`, lang === 'en' ? 'en-GB' : 'th-TH', { month: 'short', timeZone: 'UTC' }).format(d);
}

/** Buddhist-era year number of an ISO date (Gregorian + 543). */
export function buddhistYear(iso: string): number | null {
  const d = parseIsoDate(iso);
  return d ? d.getUTCFullYear() + 543 : null;
}

/** Today as yyyy-mm-dd in the reader's time zone. */
export function todayIso(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
