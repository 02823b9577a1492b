import { describe, expect, it } from 'vitest';
import {
  MASKED_CITIZEN_ID_PLACEHOLDER,
  citizenIdCheckDigit,
  formatCitizenId,
  generateThaiCitizenId,
  isValidThaiCitizenId,
  maskCitizenId,
  normalizeCitizenId,
} from './citizen-id';

// Check digits computed independently (Python) for these fixtures.
const VALID = [
  '1234567890121',
  '1101700230708',
  '3100600445881',
  '8999999999996',
  '3700100123455',
  '1000000000050', // sum % 11 == 1 → check digit (11 - 1) % 10 == 0
  '5000000000001', // sum % 11 == 0 → check digit (11 - 0) % 10 == 1
];

/** Deterministic PRNG (mulberry32) so generator tests are reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('isValidThaiCitizenId', () => {
  it.each(VALID)('accepts %s', (id) => {
    expect(isValidThaiCitizenId(id)).toBe(true);
  });

  it('accepts dashes and spaces in any grouping, and Thai digits', () => {
    expect(isValidThaiCitizenId('1-2345-67890-12-1')).toBe(true);
    expect(isValidThaiCitizenId(' 1 2345 67890 12 1 ')).toBe(true);
    expect(isValidThaiCitizenId('1234-5678-90121')).toBe(true);
    expect(isValidThaiCitizenId('1–2345–67890–12–1')).toBe(true); // en dashes
    expect(isValidThaiCitizenId('๑๒๓๔๕๖๗๘๙๐๑๒๑')).toBe(true);
  });

  it('rejects a wrong check digit (every wrong value)', () => {
    for (const id of VALID) {
      const good = Number(id[12]);
      for (let d = 0; d <= 9; d++) {
        if (d === good) continue;
        expect(isValidThaiCitizenId(id.slice(0, 12) + d), `${id.slice(0, 12)}${d}`).toBe(false);
      }
    }
  });

  it('rejects any single body digit changed by one (except the weight-11 third digit)', () => {
    // Fixture with sum % 11 == 3, away from the 0/10 remainders that share check digit 1.
    const id = '1101700230708';
    for (let pos = 0; pos < 12; pos++) {
      if (pos === 2) continue;
      const d = Number(id[pos]);
      for (const delta of [1, 9]) {
        const changed = id.slice(0, pos) + ((d + delta) % 10) + id.slice(pos + 1);
        expect(isValidThaiCitizenId(changed), changed).toBe(false);
      }
    }
  });

  it('documents the algorithm blind spot: the 3rd digit has weight 11 ≡ 0 (mod 11)', () => {
    // Not a bug in our code: the official checksum cannot detect a change there.
    expect(isValidThaiCitizenId('1191700230708')).toBe(true);
  });

  it('rejects swapped adjacent digits', () => {
    expect(isValidThaiCitizenId('2134567890121')).toBe(false);
  });

  it('rejects wrong lengths', () => {
    expect(isValidThaiCitizenId('')).toBe(false);
    expect(isValidThaiCitizenId('123456789012')).toBe(false); // 12
    expect(isValidThaiCitizenId('12345678901210')).toBe(false); // 14
    expect(isValidThaiCitizenId('1-2345-67890-12')).toBe(false);
  });

  it('rejects letters and other characters', () => {
    expect(isValidThaiCitizenId('123456789012a')).toBe(false);
    expect(isValidThaiCitizenId('a234567890121')).toBe(false);
    expect(isValidThaiCitizenId('1234567890l21')).toBe(false); // lower-case L for 1
    expect(isValidThaiCitizenId('1.2345.67890.12.1')).toBe(false);
    expect(isValidThaiCitizenId('1234567890121x')).toBe(false);
    expect(isValidThaiCitizenId('+1234567890121')).toBe(false);
  });

  it('rejects non-strings', () => {
    expect(isValidThaiCitizenId(1234567890121)).toBe(false);
    expect(isValidThaiCitizenId(null)).toBe(false);
    expect(isValidThaiCitizenId(undefined)).toBe(false);
  });
});

describe('normalizeCitizenId / formatCitizenId / citizenIdCheckDigit', () => {
  it('normalises separators and Thai digits, without checking the checksum', () => {
    expect(normalizeCitizenId('1-2345-67890-12-1')).toBe('1234567890121');
    expect(normalizeCitizenId('๑ ๒๓๔๕ ๖๗๘๙๐ ๑๒ ๑')).toBe('1234567890121');
    expect(normalizeCitizenId('1234567890120')).toBe('1234567890120'); // bad checksum, still 13 digits
    expect(normalizeCitizenId('12345')).toBeNull();
    expect(normalizeCitizenId('1234567890abc')).toBeNull();
  });

  it('formats as 1-4-5-2-1', () => {
    expect(formatCitizenId('1234567890121')).toBe('1-2345-67890-12-1');
    expect(formatCitizenId('nope')).toBeNull();
  });

  it('computes check digits', () => {
    expect(citizenIdCheckDigit('123456789012')).toBe(1);
    expect(citizenIdCheckDigit('100000000005')).toBe(0);
    expect(() => citizenIdCheckDigit('12345')).toThrow(RangeError);
  });
});

describe('maskCitizenId', () => {
  it('shows only the first digit and the last 3 digits', () => {
    expect(maskCitizenId('1234567890121')).toBe('1-xxxx-xxxxx-12-1');
    expect(maskCitizenId('1-2345-67890-12-1')).toBe('1-xxxx-xxxxx-12-1');
    expect(maskCitizenId('3100600445881')).toBe('3-xxxx-xxxxx-88-1');
  });

  it('never reveals the middle digits (positions 2–10)', () => {
    const rand = mulberry32(42);
    for (let i = 0; i < 200; i++) {
      const id = generateThaiCitizenId(rand);
      const masked = maskCitizenId(id);
      expect(masked).toMatch(/^\d-xxxx-xxxxx-\d{2}-\d$/);
      const visible = masked.replace(/\D/g, '');
      expect(visible).toBe(id[0]! + id.slice(10));
      // The middle 9 digits must not appear in the output in any form.
      expect(masked.slice(2, 13)).toBe('xxxx-xxxxx-');
    }
  });

  it('reveals nothing for malformed input', () => {
    expect(maskCitizenId('123456789012')).toBe(MASKED_CITIZEN_ID_PLACEHOLDER);
    expect(maskCitizenId('12345678901234')).toBe(MASKED_CITIZEN_ID_PLACEHOLDER);
    expect(maskCitizenId('hello world')).toBe(MASKED_CITIZEN_ID_PLACEHOLDER);
    expect(maskCitizenId('')).toBe(MASKED_CITIZEN_ID_PLACEHOLDER);
    expect(MASKED_CITIZEN_ID_PLACEHOLDER).not.toMatch(/\d/);
  });
});

describe('generateThaiCitizenId', () => {
  it('produces valid, well-formed IDs', () => {
    const rand = mulberry32(7);
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const id = generateThaiCitizenId(rand);
      expect(id).toMatch(/^[1-8]\d{12}$/);
      expect(isValidThaiCitizenId(id)).toBe(true);
      seen.add(id);
    }
    expect(seen.size).toBe(1000);
  });

  it('is deterministic for a seeded rand', () => {
    expect(generateThaiCitizenId(mulberry32(1))).toBe(generateThaiCitizenId(mulberry32(1)));
  });

  it('copes with a degenerate rand (0 or values ≥ 1)', () => {
    expect(isValidThaiCitizenId(generateThaiCitizenId(() => 0))).toBe(true);
    expect(generateThaiCitizenId(() => 0).startsWith('1')).toBe(true);
    const top = generateThaiCitizenId(() => 1);
    expect(top).toMatch(/^89{11}\d$/);
    expect(isValidThaiCitizenId(top)).toBe(true);
  });

  it('defaults to Math.random', () => {
    expect(isValidThaiCitizenId(generateThaiCitizenId())).toBe(true);
  });
});
