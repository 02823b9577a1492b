import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  THAI_ADDRESS_DATA_SOURCE,
  listDistricts,
  listProvinces,
  listSubdistricts,
  resolveThaiAddress,
  searchThaiAddress,
  validateThaiAddress,
} from './address';

const CHOMPHU = { province: 'เชียงใหม่', district: 'สารภี', subdistrict: 'ชมภู', postcode: '50140' };

describe('validateThaiAddress', () => {
  it('accepts ชมภู / สารภี / เชียงใหม่ / 50140', () => {
    expect(validateThaiAddress(CHOMPHU)).toEqual({ ok: true });
  });

  it('accepts prefixes, spacing, English names, numeric and Thai-digit postcodes', () => {
    const variants = [
      { province: 'จังหวัดเชียงใหม่', district: 'อำเภอสารภี', subdistrict: 'ตำบลชมภู', postcode: '50140' },
      { province: 'จ.เชียงใหม่', district: 'อ.สารภี', subdistrict: 'ต.ชมภู', postcode: '50140' },
      { province: ' จ. เชียงใหม่ ', district: '  อ. สารภี', subdistrict: 'ต. ชมภู  ', postcode: ' 50140 ' },
      { province: 'จังหวัด เชียงใหม่', district: 'อำเภอ สารภี', subdistrict: 'ตำบล ชมภู', postcode: 50140 },
      { province: 'Chiang Mai', district: 'Saraphi', subdistrict: 'Chomphu', postcode: '50140' },
      { province: 'chiang mai province', district: 'Amphoe Saraphi', subdistrict: 'Tambon Chomphu', postcode: '50140' },
      { province: 'เชียงใหม่', district: 'สารภี', subdistrict: 'ชมภู', postcode: '๕๐๑๔๐' },
    ];
    for (const v of variants) expect(validateThaiAddress(v), JSON.stringify(v)).toEqual({ ok: true });
  });

  it('rejects ชมภู under district สันทราย (same province, wrong district)', () => {
    expect(validateThaiAddress({ province: 'เชียงใหม่', district: 'สันทราย', subdistrict: 'ชมภู' })).toEqual({
      ok: false,
      errors: [{ field: 'subdistrict', code: 'unknown_subdistrict' }],
    });
    // With its postcode, the postcode is not one of สันทราย's either.
    expect(validateThaiAddress({ ...CHOMPHU, district: 'อ.สันทราย' })).toEqual({
      ok: false,
      errors: [
        { field: 'subdistrict', code: 'unknown_subdistrict' },
        { field: 'postcode', code: 'postcode_mismatch' },
      ],
    });
  });

  it('rejects a district from another province', () => {
    expect(validateThaiAddress({ province: 'เชียงราย', district: 'สารภี' })).toEqual({
      ok: false,
      errors: [{ field: 'district', code: 'unknown_district' }],
    });
  });

  it('rejects unknown names', () => {
    expect(validateThaiAddress({ province: 'แอตแลนติส' })).toEqual({
      ok: false,
      errors: [{ field: 'province', code: 'unknown_province' }],
    });
    expect(validateThaiAddress({ district: 'ไม่มีอำเภอนี้' })).toEqual({
      ok: false,
      errors: [{ field: 'district', code: 'unknown_district' }],
    });
    expect(validateThaiAddress({ subdistrict: 'ไม่มีตำบลนี้' })).toEqual({
      ok: false,
      errors: [{ field: 'subdistrict', code: 'unknown_subdistrict' }],
    });
  });

  it('reports an unknown field once, without cascading to consistent lower fields', () => {
    // Province is wrong, but district/subdistrict/postcode agree with each other.
    expect(validateThaiAddress({ ...CHOMPHU, province: 'แอตแลนติส' })).toEqual({
      ok: false,
      errors: [{ field: 'province', code: 'unknown_province' }],
    });
  });

  it('checks the postcode against the narrowest matched level', () => {
    const mismatch = { ok: false, errors: [{ field: 'postcode', code: 'postcode_mismatch' }] };
    expect(validateThaiAddress({ ...CHOMPHU, postcode: '50210' })).toEqual(mismatch); // สันทราย's postcode
    expect(validateThaiAddress({ ...CHOMPHU, postcode: '5014' })).toEqual(mismatch);
    expect(validateThaiAddress({ ...CHOMPHU, postcode: '501400' })).toEqual(mismatch);
    expect(validateThaiAddress({ ...CHOMPHU, postcode: 'abcde' })).toEqual(mismatch);
    expect(validateThaiAddress({ province: 'เชียงใหม่', postcode: '10110' })).toEqual(mismatch);
    expect(validateThaiAddress({ province: 'เชียงใหม่', postcode: '50140' })).toEqual({ ok: true });
    expect(validateThaiAddress({ district: 'สารภี', postcode: '50140' })).toEqual({ ok: true });
    expect(validateThaiAddress({ postcode: '50140' })).toEqual({ ok: true });
    expect(validateThaiAddress({ postcode: '00000' })).toEqual(mismatch);
  });

  it('treats missing and blank fields as not given', () => {
    expect(validateThaiAddress({})).toEqual({ ok: true });
    expect(validateThaiAddress({ province: '', district: '  ', subdistrict: null, postcode: undefined })).toEqual({
      ok: true,
    });
    expect(validateThaiAddress({ subdistrict: 'ชมภู' })).toEqual({ ok: true });
    expect(validateThaiAddress({ subdistrict: 'ชมภู', postcode: '50140' })).toEqual({ ok: true });
  });

  it('handles Bangkok (เขต/แขวง prefixes and aliases)', () => {
    const silom = { province: 'กรุงเทพมหานคร', district: 'เขตบางรัก', subdistrict: 'แขวงสีลม', postcode: '10500' };
    expect(validateThaiAddress(silom)).toEqual({ ok: true });
    expect(validateThaiAddress({ ...silom, province: 'กทม.' })).toEqual({ ok: true });
    expect(validateThaiAddress({ ...silom, province: 'กรุงเทพฯ' })).toEqual({ ok: true });
    expect(validateThaiAddress({ ...silom, province: 'Bangkok', district: 'Khet Bang Rak' })).toEqual({ ok: true });
    expect(validateThaiAddress({ ...silom, district: 'เขตปทุมวัน' }).ok).toBe(false);
  });

  it('accepts a subdistrict under each of its postcodes', () => {
    const wangMai = { province: 'กรุงเทพมหานคร', district: 'ปทุมวัน', subdistrict: 'วังใหม่' };
    expect(validateThaiAddress({ ...wangMai, postcode: '10330' })).toEqual({ ok: true });
    expect(validateThaiAddress({ ...wangMai, postcode: '10110' })).toEqual({ ok: true });
    expect(validateThaiAddress({ ...wangMai, postcode: '10900' }).ok).toBe(false);
  });

  it('understands อ.เมือง for the capital district of the given province', () => {
    const sriPhum = { province: 'เชียงใหม่', subdistrict: 'ศรีภูมิ', postcode: '50200' };
    expect(validateThaiAddress({ ...sriPhum, district: 'อ.เมือง' })).toEqual({ ok: true });
    expect(validateThaiAddress({ ...sriPhum, district: 'อำเภอเมืองเชียงใหม่' })).toEqual({ ok: true });
    expect(validateThaiAddress({ ...sriPhum, district: 'Mueang Chiang Mai' })).toEqual({ ok: true });
    expect(validateThaiAddress({ province: 'พระนครศรีอยุธยา', district: 'อ.เมือง' })).toEqual({ ok: true });
    // "เมือง" must not match other districts that merely start with เมือง (e.g. เมืองปาน, ลำปาง).
    expect(validateThaiAddress({ province: 'ลำปาง', district: 'เมือง', subdistrict: 'แจ้ซ้อน' }).ok).toBe(false);
    expect(validateThaiAddress({ province: 'ลำปาง', district: 'เมืองปาน', subdistrict: 'แจ้ซ้อน' })).toEqual({ ok: true });
  });

  it('accepts district names shared by several provinces only where they exist', () => {
    expect(validateThaiAddress({ district: 'เฉลิมพระเกียรติ' })).toEqual({ ok: true });
    expect(validateThaiAddress({ province: 'นครราชสีมา', district: 'เฉลิมพระเกียรติ' })).toEqual({ ok: true });
    expect(validateThaiAddress({ province: 'เชียงใหม่', district: 'เฉลิมพระเกียรติ' }).ok).toBe(false);
    expect(validateThaiAddress({ province: 'กรุงเทพมหานคร', district: 'จอมทอง' })).toEqual({ ok: true });
    expect(validateThaiAddress({ province: 'เชียงใหม่', district: 'จอมทอง' })).toEqual({ ok: true });
  });
});

describe('resolveThaiAddress', () => {
  it('returns canonical names without prefixes', () => {
    expect(resolveThaiAddress({ province: 'จ.เชียงใหม่', district: 'อ.สารภี', subdistrict: 'ต.ชมภู', postcode: 50140 })).toEqual(CHOMPHU);
    expect(resolveThaiAddress({ province: 'Chiang Mai', district: 'Saraphi', subdistrict: 'Chomphu' })).toEqual(CHOMPHU);
  });

  it('fills in unambiguous parents and postcode', () => {
    expect(resolveThaiAddress({ subdistrict: 'ชมภู', postcode: '50140' })).toEqual(CHOMPHU);
    expect(resolveThaiAddress({ district: 'สารภี', subdistrict: 'ชมภู' })).toEqual(CHOMPHU);
    expect(resolveThaiAddress({ district: 'อ.เมือง', province: 'กทม' })).toBeNull();
    expect(resolveThaiAddress({})).toEqual({});
  });

  it('returns null for invalid input', () => {
    expect(resolveThaiAddress({ province: 'เชียงใหม่', district: 'สันทราย', subdistrict: 'ชมภู' })).toBeNull();
  });
});

describe('list functions', () => {
  it('lists 77 provinces in Thai order with English names', () => {
    const provinces = listProvinces();
    expect(provinces).toHaveLength(77);
    expect(provinces[0]).toEqual({ name: 'กระบี่', nameEn: 'Krabi' });
    expect(provinces).toContainEqual({ name: 'เชียงใหม่', nameEn: 'Chiang Mai' });
    expect(provinces).toContainEqual({ name: 'กรุงเทพมหานคร', nameEn: 'Bangkok' });
    expect(provinces).toContainEqual({ name: 'บึงกาฬ', nameEn: 'Bueng Kan' });
    expect(new Set(provinces.map((p) => p.name)).size).toBe(77);
  });

  it('lists districts of a province (name with or without prefix)', () => {
    const districts = listDistricts('เชียงใหม่');
    expect(districts).toHaveLength(25);
    expect(districts).toContainEqual({ name: 'สารภี', nameEn: 'Saraphi' });
    expect(listDistricts('จังหวัดเชียงใหม่')).toEqual(districts);
    expect(listDistricts('Chiang Mai')).toEqual(districts);
    expect(listDistricts('กรุงเทพมหานคร')).toHaveLength(50);
    expect(listDistricts('ไม่มี')).toEqual([]);
    expect(listDistricts('')).toEqual([]);
  });

  it('lists subdistricts with postcodes', () => {
    const subs = listSubdistricts('เชียงใหม่', 'สารภี');
    expect(subs).toHaveLength(12);
    expect(subs).toContainEqual({ name: 'ชมภู', nameEn: 'Chomphu', postcodes: ['50140'] });
    expect(listSubdistricts('จ.เชียงใหม่', 'อ.สารภี')).toEqual(subs);
    expect(listSubdistricts('เชียงใหม่', 'สันทราย').map((s) => s.name)).not.toContain('ชมภู');
    expect(listSubdistricts('เชียงใหม่', 'ไม่มี')).toEqual([]);
    expect(listSubdistricts('เชียงราย', 'สารภี')).toEqual([]);
    const wangMai = listSubdistricts('กรุงเทพมหานคร', 'ปทุมวัน').find((s) => s.name === 'วังใหม่');
    expect(wangMai?.postcodes).toEqual(['10110', '10120', '10330', '10400', '10500']);
  });

  it('returns copies (callers cannot corrupt the dataset)', () => {
    const subs = listSubdistricts('เชียงใหม่', 'สารภี');
    subs[0]!.postcodes.push('99999');
    subs[0]!.name = 'x';
    expect(listSubdistricts('เชียงใหม่', 'สารภี')[0]!.postcodes).not.toContain('99999');
    expect(listSubdistricts('เชียงใหม่', 'สารภี')[0]!.name).not.toBe('x');
  });
});

describe('searchThaiAddress', () => {
  it('finds ชมภู first, and every result contains the query', () => {
    const results = searchThaiAddress('ชมภู');
    expect(results[0]).toEqual({
      subdistrict: 'ชมภู',
      district: 'สารภี',
      province: 'เชียงใหม่',
      postcode: '50140',
      subdistrictEn: 'Chomphu',
      districtEn: 'Saraphi',
      provinceEn: 'Chiang Mai',
    });
    expect(results.length).toBeGreaterThan(1);
    for (const r of results) expect(`${r.subdistrict}|${r.district}|${r.province}`).toContain('ชมภู');
  });

  it('matches district and province names too', () => {
    const results = searchThaiAddress('สารภี', 50);
    expect(results.map((r) => r.subdistrict)).toContain('ชมภู');
    expect(searchThaiAddress('แม่ฮ่องสอน', 200).every((r) => r.province === 'แม่ฮ่องสอน')).toBe(true);
  });

  it('requires every token to match; prefixes are ignored', () => {
    expect(searchThaiAddress('ต.ชมภู อ.สารภี')).toEqual([searchThaiAddress('ชมภู')[0]]);
    expect(searchThaiAddress('ตำบล ชมภู อำเภอ สารภี จังหวัด เชียงใหม่ 50140')).toHaveLength(1);
    expect(searchThaiAddress('ชมภู 50140')).toHaveLength(1);
    expect(searchThaiAddress('ชมภู สันทราย')).toEqual([]);
  });

  it('matches postcode prefixes', () => {
    const exact = searchThaiAddress('50140', 100);
    expect(exact.length).toBeGreaterThan(1);
    expect(exact.every((r) => r.postcode === '50140')).toBe(true);
    expect(exact.map((r) => r.subdistrict)).toContain('ชมภู');
    const prefix = searchThaiAddress('501', 100);
    expect(prefix.length).toBeGreaterThan(exact.length);
    expect(prefix.every((r) => r.postcode.startsWith('501'))).toBe(true);
    expect(searchThaiAddress('๕๐๑๔๐', 100)).toEqual(exact);
    expect(searchThaiAddress('99999')).toEqual([]);
  });

  it('matches romanised names case-insensitively', () => {
    expect(searchThaiAddress('chomphu saraphi')[0]?.subdistrict).toBe('ชมภู');
    expect(searchThaiAddress('CHOMPHU')[0]?.subdistrict).toBe('ชมภู');
  });

  it('respects the limit', () => {
    expect(searchThaiAddress('บ้าน')).toHaveLength(20);
    expect(searchThaiAddress('บ้าน', 3)).toHaveLength(3);
    expect(searchThaiAddress('บ้าน', 0)).toEqual([]);
    expect(searchThaiAddress('บ้าน', -5)).toEqual([]);
  });

  it('returns nothing for empty or unmatched queries', () => {
    expect(searchThaiAddress('')).toEqual([]);
    expect(searchThaiAddress('   ')).toEqual([]);
    expect(searchThaiAddress('ต.')).toEqual([]);
    expect(searchThaiAddress('qqqqzzzz')).toEqual([]);
  });

  it('only returns combinations that validate', () => {
    for (const q of ['ชมภู', 'บาง', '10', 'เมือง', 'Nong']) {
      for (const r of searchThaiAddress(q, 50)) expect(validateThaiAddress(r), JSON.stringify(r)).toEqual({ ok: true });
    }
  });
});

describe('vendored dataset', () => {
  const file = fileURLToPath(new URL('./address-data.json', import.meta.url));

  it('is compact and records its source', () => {
    expect(statSync(file).size).toBeLessThan(1.5 * 1024 * 1024);
    expect(THAI_ADDRESS_DATA_SOURCE).toEqual({ source: 'thai-address-universal', version: '2.2.0', license: 'ISC' });
  });

  it('is internally consistent: every entry validates, names unique per parent', () => {
    const data = JSON.parse(readFileSync(file, 'utf8')) as {
      provinces: [string, string, [string, string, [string, string, number | number[]][]][]][];
    };
    let subdistricts = 0;
    expect(new Set(data.provinces.map((p) => p[0])).size).toBe(data.provinces.length);
    for (const [province, , districts] of data.provinces) {
      expect(new Set(districts.map((d) => d[0])).size).toBe(districts.length);
      for (const [district, , subs] of districts) {
        expect(new Set(subs.map((s) => s[0])).size).toBe(subs.length);
        for (const [subdistrict, en, pcs] of subs) {
          subdistricts++;
          expect(en.length).toBeGreaterThan(0);
          for (const pc of [pcs].flat()) {
            expect(String(pc)).toMatch(/^[1-9]\d{4}$/);
            expect(validateThaiAddress({ province, district, subdistrict, postcode: String(pc) }).ok).toBe(true);
          }
        }
      }
    }
    expect(data.provinces).toHaveLength(77);
    expect(data.provinces.reduce((n, p) => n + p[2].length, 0)).toBe(928);
    expect(subdistricts).toBeGreaterThan(7400);
  });
});
