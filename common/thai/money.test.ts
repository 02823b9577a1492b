import { describe, expect, it } from 'vitest';
import { formatBaht, formatBahtAmount, parseBahtToSatang, satangToDecimalString } from './money';

describe('formatBaht', () => {
  it('formats Thai', () => {
    expect(formatBaht(0)).toBe('0.00 บาท');
    expect(formatBaht(1)).toBe('0.01 บาท');
    expect(formatBaht(100)).toBe('1.00 บาท');
    expect(formatBaht(123450)).toBe('1,234.50 บาท');
    expect(formatBaht(123456789)).toBe('1,234,567.89 บาท');
    expect(formatBaht(100000000)).toBe('1,000,000.00 บาท');
  });

  it('formats English', () => {
    expect(formatBaht(0, 'en')).toBe('THB 0.00');
    expect(formatBaht(1, 'en')).toBe('THB 0.01');
    expect(formatBaht(100, 'en')).toBe('THB 1.00');
    expect(formatBaht(123456789, 'en')).toBe('THB 1,234,567.89');
  });

  it('formats negatives', () => {
    expect(formatBaht(-1)).toBe('-0.01 บาท');
    expect(formatBaht(-100)).toBe('-1.00 บาท');
    expect(formatBaht(-123456789)).toBe('-1,234,567.89 บาท');
    expect(formatBaht(-123456789, 'en')).toBe('-THB 1,234,567.89');
    expect(formatBaht(-0)).toBe('0.00 บาท');
  });

  it('is exact where float arithmetic is not', () => {
    // 0.1 + 0.2 style problems: 29 satang, 1.005 baht, 4.35 baht
    expect(formatBaht(29)).toBe('0.29 บาท');
    expect(formatBaht(435)).toBe('4.35 บาท');
    expect(formatBaht(100500)).toBe('1,005.00 บาท');
    expect(formatBaht(Number.MAX_SAFE_INTEGER)).toBe('90,071,992,547,409.91 บาท');
    expect(formatBaht(-Number.MAX_SAFE_INTEGER)).toBe('-90,071,992,547,409.91 บาท');
  });

  it('rejects non-integers', () => {
    expect(() => formatBaht(1.5)).toThrow(RangeError);
    expect(() => formatBaht(NaN)).toThrow(RangeError);
    expect(() => formatBaht(Infinity)).toThrow(RangeError);
    expect(() => formatBaht(2 ** 53)).toThrow(RangeError);
  });
});

describe('satangToDecimalString / parseBahtToSatang', () => {
  it('round-trips', () => {
    for (const v of [0, 1, 99, 100, 123456789, -5, -123456]) {
      expect(parseBahtToSatang(satangToDecimalString(v))).toBe(v);
      expect(parseBahtToSatang(formatBaht(v))).toBe(v);
      expect(parseBahtToSatang(formatBaht(v, 'en'))).toBe(v);
      expect(parseBahtToSatang(formatBahtAmount(v))).toBe(v);
    }
    expect(formatBahtAmount(4_000_000)).toBe('40,000.00');
    expect(formatBahtAmount(-5)).toBe('-0.05');
  });

  it('parses common inputs without floats', () => {
    expect(satangToDecimalString(123450)).toBe('1234.50');
    expect(parseBahtToSatang('1,234.5')).toBe(123450);
    expect(parseBahtToSatang('4.35')).toBe(435);
    expect(parseBahtToSatang('1.005')).toBeNull();
    expect(parseBahtToSatang('฿12')).toBe(1200);
    expect(parseBahtToSatang('๑,๐๐๐.๒๕ บาท')).toBe(100025);
    expect(parseBahtToSatang('-0.00')).toBe(0);
    expect(Object.is(parseBahtToSatang('-0.00'), -0)).toBe(false);
    expect(parseBahtToSatang('12,34.00')).toBeNull();
    expect(parseBahtToSatang('abc')).toBeNull();
    expect(parseBahtToSatang('')).toBeNull();
    expect(parseBahtToSatang('1e3')).toBeNull();
    expect(parseBahtToSatang('99999999999999999')).toBeNull();
  });
});
