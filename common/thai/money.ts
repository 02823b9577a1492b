/**
 * Money in Thai baht, stored and passed around as integer satang
 * (1 baht = 100 satang). Only integer arithmetic is used: no floats, no
 * rounding surprises.
 */
import { toArabicDigits } from './text';

function assertSatang(satang: number): void {
  if (!Number.isSafeInteger(satang)) {
    throw new RangeError(`satang must be a safe integer, got ${satang}`);
  }
}

function splitSatang(satang: number): { negative: boolean; baht: string; satang: string } {
  assertSatang(satang);
  const negative = satang < 0;
  const abs = Math.abs(satang);
  const rem = abs % 100; // exact for integers
  const baht = (abs - rem) / 100; // exact: abs - rem is a multiple of 100
  return { negative, baht: String(baht), satang: String(rem).padStart(2, '0') };
}

const group3 = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * Integer satang → display string with thousands separators and 2 decimals:
 *
 *   formatBaht(123450)        // "1,234.50 บาท"
 *   formatBaht(123450, 'en')  // "THB 1,234.50"
 *   formatBaht(-5)            // "-0.05 บาท"
 *
 * Throws RangeError unless `satang` is a safe integer.
 */
export function formatBaht(satang: number, locale: 'th' | 'en' = 'th'): string {
  const s = splitSatang(satang);
  const amount = `${group3(s.baht)}.${s.satang}`;
  const sign = s.negative ? '-' : '';
  return locale === 'th' ? `${sign}${amount} บาท` : `${sign}THB ${amount}`;
}

/** Integer satang → the amount as a person types it, grouped, without currency: 123450 → "1,234.50" (parseBahtToSatang reads it back). */
export function formatBahtAmount(satang: number): string {
  const s = splitSatang(satang);
  return `${s.negative ? '-' : ''}${group3(s.baht)}.${s.satang}`;
}

/** Integer satang → plain decimal string for inputs/CSV: 123450 → "1234.50", -5 → "-0.05". */
export function satangToDecimalString(satang: number): string {
  const s = splitSatang(satang);
  return `${s.negative ? '-' : ''}${s.baht}.${s.satang}`;
}

/**
 * Parses a typed baht amount into integer satang without floating point:
 * accepts "1234", "1,234.5", "1,234.50 บาท", "฿1,234.50", "THB 12", "-0.05",
 * Thai digits. Returns `null` for anything else, more than 2 decimals, or a
 * value beyond the safe-integer range.
 */
export function parseBahtToSatang(input: string): number | null {
  const s = toArabicDigits(String(input))
    .replace(/\s+/g, '')
    .replace(/^(-?)(?:฿|THB)/i, '$1')
    .replace(/(?:บาท|baht|THB)$/i, '');
  const m = /^(-)?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return null;
  const intPart = m[2]!.replace(/,/g, '');
  const frac = (m[3] ?? '').padEnd(2, '0');
  // Build the integer from digit strings; check the range before converting.
  const digits = (intPart + frac).replace(/^0+(?=\d)/, '');
  if (digits.length > 16 || Number(digits) > Number.MAX_SAFE_INTEGER) return null;
  const value = Number(digits);
  return m[1] && value !== 0 ? -value : value;
}
