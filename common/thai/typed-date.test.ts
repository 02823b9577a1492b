import { describe, expect, it } from 'vitest';
import { formatTypedDate, parseTypedDate } from './typed-date';

describe('typed dates', () => {
  it('reads B.E. and C.E. dates as officers type them', () => {
    expect(parseTypedDate('15/03/2570')).toBe('2027-03-15');
    expect(parseTypedDate('1/10/2569')).toBe('2026-10-01'); // 1 ต.ค. 2569 (calendar B.E.) starts fiscal year 2570
    expect(parseTypedDate('15-3-70')).toBe('2027-03-15');
    expect(parseTypedDate('15.03.2027')).toBe('2027-03-15');
    expect(parseTypedDate('๑๕/๐๓/๒๕๗๐')).toBe('2027-03-15');
    expect(parseTypedDate('15 มี.ค. 2570')).toBe('2027-03-15');
    expect(parseTypedDate('15 มีนาคม 2570')).toBe('2027-03-15');
    expect(parseTypedDate('2027-03-15')).toBe('2027-03-15');
    expect(parseTypedDate('29/02/2571')).toBe('2028-02-29');
  });
  it('refuses what is not a real date', () => {
    for (const bad of ['', '31/02/2570', '15/13/2570', 'พรุ่งนี้', '15 ธันวา 2570x', '15/03']) expect(parseTypedDate(bad), bad).toBeNull();
  });
  it('writes back the typed form', () => {
    expect(formatTypedDate('2027-03-15')).toBe('15/03/2570');
    expect(parseTypedDate(formatTypedDate('2025-10-01'))).toBe('2025-10-01');
  });
});
