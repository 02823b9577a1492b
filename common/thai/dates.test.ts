import { describe, expect, it } from 'vitest';
import {
  fiscalYearOf,
  fiscalYearRange,
  formatBaht as formatBahtFromDates,
  formatFiscalYear,
  formatThaiDate,
  toBuddhistYear,
  toGregorianYear,
  toThaiCalendarDate,
} from './dates';
import { formatBaht } from './money';

describe('Buddhist Era years', () => {
  it('converts both ways', () => {
    expect(toBuddhistYear(2025)).toBe(2568);
    expect(toBuddhistYear(2026)).toBe(2569);
    expect(toGregorianYear(2569)).toBe(2026);
    expect(() => toBuddhistYear(2025.5)).toThrow(RangeError);
  });
});

describe('fiscalYearOf', () => {
  it('switches on 1 October (named by the B.E. year in which it ends)', () => {
    expect(fiscalYearOf('2025-09-30')).toBe(2568);
    expect(fiscalYearOf('2025-10-01')).toBe(2569);
    expect(fiscalYearOf('2024-10-01')).toBe(2568);
    expect(fiscalYearOf('2026-09-30')).toBe(2569);
    expect(fiscalYearOf('2026-01-01')).toBe(2569);
    expect(fiscalYearOf('2025-12-31')).toBe(2569);
  });

  it('uses the date in Thailand (UTC+7) for Date objects and date-time strings', () => {
    // 30 Sep 2025 23:59 in Bangkok = 16:59 UTC
    expect(fiscalYearOf(new Date('2025-09-30T16:59:59Z'))).toBe(2568);
    // 1 Oct 2025 00:00 in Bangkok = 30 Sep 17:00 UTC
    expect(fiscalYearOf(new Date('2025-09-30T17:00:00Z'))).toBe(2569);
    expect(fiscalYearOf('2025-09-30T17:00:00Z')).toBe(2569);
    expect(fiscalYearOf('2025-10-01T00:00:00+07:00')).toBe(2569);
    expect(fiscalYearOf('2025-09-30T23:59:59+07:00')).toBe(2568);
  });

  it('rejects invalid dates', () => {
    expect(() => fiscalYearOf('2025-02-30')).toThrow(RangeError);
    expect(() => fiscalYearOf('not a date')).toThrow(RangeError);
    expect(() => fiscalYearOf(new Date(NaN))).toThrow(RangeError);
  });

  it('is consistent with fiscalYearRange at both ends', () => {
    for (const be of [2560, 2568, 2569, 2570]) {
      const { start, end } = fiscalYearRange(be);
      expect(fiscalYearOf(start)).toBe(be);
      expect(fiscalYearOf(end)).toBe(be);
      const dayBefore = new Date(`${start}T00:00:00Z`);
      dayBefore.setUTCDate(dayBefore.getUTCDate() - 1);
      expect(fiscalYearOf(dayBefore.toISOString().slice(0, 10))).toBe(be - 1);
      const dayAfter = new Date(`${end}T00:00:00Z`);
      dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
      expect(fiscalYearOf(dayAfter.toISOString().slice(0, 10))).toBe(be + 1);
    }
  });
});

describe('fiscalYearRange / formatFiscalYear', () => {
  it('returns inclusive ISO Gregorian bounds', () => {
    expect(fiscalYearRange(2569)).toEqual({ start: '2025-10-01', end: '2026-09-30' });
    expect(fiscalYearRange(2568)).toEqual({ start: '2024-10-01', end: '2025-09-30' });
  });

  it('labels fiscal years in B.E.', () => {
    expect(formatFiscalYear(2569)).toBe('ปีงบประมาณ พ.ศ. 2569');
    expect(formatFiscalYear(2569, 'en')).toBe('FY 2569 B.E.');
  });
});

describe('toThaiCalendarDate', () => {
  it('keeps plain dates as written and converts instants to Bangkok time', () => {
    expect(toThaiCalendarDate('2026-11-26')).toEqual({ year: 2026, month: 11, day: 26 });
    expect(toThaiCalendarDate('2026-11-25T18:30:00Z')).toEqual({ year: 2026, month: 11, day: 26 });
    expect(toThaiCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(() => toThaiCalendarDate('2025-02-29')).toThrow(RangeError);
  });
});

describe('formatThaiDate', () => {
  it('formats Thai short and long with the Buddhist year', () => {
    expect(formatThaiDate('2026-11-26')).toBe('26 พ.ย. 2569');
    expect(formatThaiDate('2026-11-26', { style: 'short', locale: 'th' })).toBe('26 พ.ย. 2569');
    expect(formatThaiDate('2026-11-26', { style: 'long', locale: 'th' })).toBe('26 พฤศจิกายน 2569');
    expect(formatThaiDate('2025-10-01', { style: 'long' })).toBe('1 ตุลาคม 2568');
  });

  it('formats English with B.E. by default and Gregorian on request', () => {
    expect(formatThaiDate('2026-11-26', { locale: 'en' })).toBe('26 Nov 2569 BE');
    expect(formatThaiDate('2026-11-26', { locale: 'en', style: 'long' })).toBe('26 November 2569 BE');
    expect(formatThaiDate('2026-11-26', { locale: 'en', calendar: 'gregory' })).toBe('26 Nov 2026');
  });

  it('does not shift plain dates by the runtime time zone', () => {
    expect(formatThaiDate('2026-01-01')).toBe('1 ม.ค. 2569');
    expect(formatThaiDate('2025-12-31')).toBe('31 ธ.ค. 2568');
  });

  it('formats instants in Bangkok time', () => {
    expect(formatThaiDate(new Date('2026-11-25T18:30:00Z'))).toBe('26 พ.ย. 2569');
    expect(formatThaiDate('2026-11-25T16:59:00Z')).toBe('25 พ.ย. 2569');
  });

  it('throws on invalid input', () => {
    expect(() => formatThaiDate('2026-13-01')).toThrow(RangeError);
    expect(() => formatThaiDate('')).toThrow(RangeError);
  });

  it('re-exports formatBaht', () => {
    expect(formatBahtFromDates).toBe(formatBaht);
  });
});
