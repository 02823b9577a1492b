import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './typed-date';

describe('parseTypedDate', () => {
  it('reads Buddhist-era dates the way Thai officers type them', () => {
    expect(parseTypedDate('15/1/2569')).toBe('2026-01-15');
    expect(parseTypedDate('15-01-69')).toBe('2026-01-15');
    expect(parseTypedDate('1.10.2568')).toBe('2025-10-01');
    expect(parseTypedDate('15 ม.ค. 2569')).toBe('2026-01-15');
    expect(parseTypedDate('15 มค 2569')).toBe('2026-01-15');
    expect(parseTypedDate('วันที่ 29 กุมภาพันธ์ พ.ศ. 2567')).toBe('2024-02-29');
    expect(parseTypedDate('๑๕/๑/๒๕๖๙')).toBe('2026-01-15');
    expect(parseTypedDate('2026-01-15')).toBe('2026-01-15');
    expect(parseTypedDate('15/1/2026')).toBe('2026-01-15');
  });
  it('refuses what is not a real date', () => {
    for (const s of ['', 'พรุ่งนี้', '31/2/2569', '29 ก.พ. 2569', '15/13/2569', '15 ม.ค.', '0/1/2569', '15 มกรา 2569']) expect(parseTypedDate(s), s).toBeNull();
  });
});
