import { describe, expect, it } from 'vitest';
import * as thai from './index';
import { buddhistFiscalYearSchema, satangSchema, thaiCitizenIdSchema, thaiPostcodeSchema } from './schemas';

describe('zod schemas', () => {
  it('validates and normalises citizen IDs', () => {
    expect(thaiCitizenIdSchema.parse('1-2345-67890-12-1')).toBe('1234567890121');
    const bad = thaiCitizenIdSchema.safeParse('1-2345-67890-12-2');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('invalid_citizen_id');
  });

  it('validates postcodes', () => {
    expect(thaiPostcodeSchema.parse(' 50140 ')).toBe('50140');
    expect(thaiPostcodeSchema.parse('๕๐๑๔๐')).toBe('50140');
    expect(thaiPostcodeSchema.safeParse('0140').success).toBe(false);
    expect(thaiPostcodeSchema.safeParse('05014').error?.issues[0]?.message).toBe('invalid_postcode');
  });

  it('validates satang and fiscal years', () => {
    expect(satangSchema.parse(123450)).toBe(123450);
    expect(satangSchema.safeParse(1.5).success).toBe(false);
    expect(buddhistFiscalYearSchema.parse(2569)).toBe(2569);
    expect(buddhistFiscalYearSchema.safeParse(2026).success).toBe(false);
  });
});

describe('index', () => {
  it('exports the light helpers but not the address data functions', () => {
    expect(typeof thai.isValidThaiCitizenId).toBe('function');
    expect(typeof thai.fiscalYearOf).toBe('function');
    expect(typeof thai.formatBaht).toBe('function');
    expect('validateThaiAddress' in thai).toBe(false);
    expect('searchThaiAddress' in thai).toBe(false);
  });

  it('loads the address module lazily', async () => {
    const address = await thai.loadThaiAddress();
    expect(address.validateThaiAddress({ province: 'เชียงใหม่', district: 'สารภี', subdistrict: 'ชมภู', postcode: '50140' })).toEqual({
      ok: true,
    });
  });
});
