import { describe, expect, it } from 'vitest';
import { normalizeThaiText, placeKey, stripAdminPrefix, toArabicDigits } from './text';

describe('text helpers', () => {
  it('converts Thai digits', () => {
    expect(toArabicDigits('๐๑๒๓๔๕๖๗๘๙ บาท')).toBe('0123456789 บาท');
  });

  it('normalises whitespace, zero-width characters and SARA AM', () => {
    expect(normalizeThaiText('  ชม\u200Bภู \u00A0 ')).toBe('ชมภู');
    expect(normalizeThaiText('ลำพูน')).toBe(normalizeThaiText('ล\u0E4D\u0E32พูน'));
  });

  it('strips administrative prefixes', () => {
    expect(stripAdminPrefix('จังหวัดเชียงใหม่')).toBe('เชียงใหม่');
    expect(stripAdminPrefix('จ. เชียงใหม่', 'province')).toBe('เชียงใหม่');
    expect(stripAdminPrefix('อ.สารภี', 'district')).toBe('สารภี');
    expect(stripAdminPrefix('เขตบางรัก', 'district')).toBe('บางรัก');
    expect(stripAdminPrefix('กิ่งอำเภอเวียงหนองล่อง')).toBe('เวียงหนองล่อง');
    expect(stripAdminPrefix('แขวง สีลม', 'subdistrict')).toBe('สีลม');
    expect(stripAdminPrefix('ตำบลชมภู')).toBe('ชมภู');
    expect(stripAdminPrefix('Tambon Chomphu')).toBe('Chomphu');
    expect(stripAdminPrefix('Chiang Mai Province')).toBe('Chiang Mai');
    // only the given level's prefixes
    expect(stripAdminPrefix('ตำบลชมภู', 'district')).toBe('ตำบลชมภู');
    // romanised prefixes must be whole words; names are not mangled
    expect(stripAdminPrefix('Khethong')).toBe('Khethong');
    expect(stripAdminPrefix('ตลิ่งชัน')).toBe('ตลิ่งชัน');
    expect(stripAdminPrefix('ต.')).toBe('');
  });

  it('builds lenient comparison keys', () => {
    expect(placeKey('Yi-ngo')).toBe(placeKey('yi ngo'));
    expect(placeKey(' Chiang Mai ')).toBe('chiangmai');
  });
});
