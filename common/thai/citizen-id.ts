/**
 * Thai national (citizen) ID numbers — เลขประจำตัวประชาชน, 13 digits.
 *
 * Checksum: with digits d1..d13, sum = Σ d_i × (14 − i) for i = 1..12;
 * d13 must equal (11 − sum mod 11) mod 10.
 *
 * Display format is 1-4-5-2-1 digits: "1-2345-67890-12-1".
 */
import { toArabicDigits } from './text';

// ASCII hyphen-minus, hyphen, non-breaking hyphen, figure dash, en/em dash,
// horizontal bar, minus sign; plus any whitespace.
const SEPARATORS = /[\s\-\u2010-\u2015\u2212]/g;

/**
 * Removes spaces and dashes, converts Thai digits (๐–๙), and returns the
 * 13-digit string — or `null` if the result is not exactly 13 ASCII digits.
 * Does not check the checksum (see {@link isValidThaiCitizenId}).
 */
export function normalizeCitizenId(input: string): string | null {
  if (typeof input !== 'string') return null;
  const digits = toArabicDigits(input).replace(SEPARATORS, '');
  return /^\d{13}$/.test(digits) ? digits : null;
}

/** The check digit (0–9) for the first 12 digits of an ID. Throws if `first12` is not 12 digits. */
export function citizenIdCheckDigit(first12: string): number {
  if (!/^\d{12}$/.test(first12)) throw new RangeError('citizenIdCheckDigit expects exactly 12 digits');
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (first12.charCodeAt(i) - 48) * (13 - i);
  return (11 - (sum % 11)) % 10;
}

/**
 * True for a 13-digit Thai citizen ID with a correct mod-11 check digit.
 * Spaces and dashes anywhere are ignored ("1-2345-67890-12-1", "1 2345 67890 12 1");
 * letters or any other character make it invalid. Non-strings → false.
 *
 * Note: a leading 0 is accepted (it is used for some persons without Thai
 * nationality); only the length and checksum are enforced.
 */
export function isValidThaiCitizenId(input: unknown): boolean {
  if (typeof input !== 'string') return false;
  const id = normalizeCitizenId(input);
  return id !== null && citizenIdCheckDigit(id.slice(0, 12)) === id.charCodeAt(12) - 48;
}

function group(id: string): string {
  return `${id.slice(0, 1)}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id.slice(12)}`;
}

/** "1234567890121" → "1-2345-67890-12-1"; `null` if it does not normalise to 13 digits. */
export function formatCitizenId(input: string): string | null {
  const id = normalizeCitizenId(input);
  return id === null ? null : group(id);
}

/** What {@link maskCitizenId} returns for input that is not 13 digits (reveals nothing). */
export const MASKED_CITIZEN_ID_PLACEHOLDER = 'x-xxxx-xxxxx-xx-x';

/**
 * Masks an ID for display, in the 1-4-5-2-1 grouping, showing only the first
 * digit and the last 3 digits:
 *
 *   "1234567890121" → "1-xxxx-xxxxx-12-1"
 *
 * The 9 middle digits (positions 2–10) are never revealed. Input that does
 * not normalise to 13 digits yields {@link MASKED_CITIZEN_ID_PLACEHOLDER}, so
 * malformed input cannot leak either. The checksum is not checked.
 */
export function maskCitizenId(input: string): string {
  const id = normalizeCitizenId(input);
  if (id === null) return MASKED_CITIZEN_ID_PLACEHOLDER;
  return `${id[0]}-xxxx-xxxxx-${id.slice(10, 12)}-${id[12]}`;
}

/**
 * Generates a random, checksum-valid ID (for tests and demo data). `rand`
 * must return numbers in [0, 1) like `Math.random`; pass a seeded PRNG for
 * reproducible output. The first digit is 1–8 (the common Thai categories).
 * Generated IDs are syntactically valid only: never use them as real data.
 */
export function generateThaiCitizenId(rand: () => number = Math.random): string {
  const digit = (n: number) => Math.min(n - 1, Math.max(0, Math.floor(rand() * n)));
  let first12 = String(1 + digit(8));
  for (let i = 1; i < 12; i++) first12 += String(digit(10));
  return first12 + String(citizenIdCheckDigit(first12));
}
