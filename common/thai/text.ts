/**
 * Small, data-free text helpers for Thai input (names, numbers typed with Thai
 * digits, administrative prefixes). Safe for both the server and the web bundle.
 */

const THAI_DIGIT_ZERO = 0x0e50; // '๐'

/** Converts Thai digits (๐–๙) to ASCII digits; other characters are kept. */
export function toArabicDigits(input: string): string {
  return input.replace(/[\u0E50-\u0E59]/g, (ch) => String(ch.charCodeAt(0) - THAI_DIGIT_ZERO));
}

/**
 * Normalises Thai text for comparison and storage:
 * - Unicode NFC;
 * - removes zero-width characters (U+200B–U+200D, U+FEFF) that often come from copy-paste;
 * - folds NIKHAHIT + SARA AA (U+0E4D U+0E32, a common mis-typing) into SARA AM (U+0E33);
 * - collapses runs of whitespace (including NBSP) to one space and trims.
 */
export function normalizeThaiText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\u0E4D\u0E32/g, '\u0E33')
    .replace(/\s+/g, ' ')
    .trim();
}

export type ThaiAdminLevel = 'province' | 'district' | 'subdistrict';

// Longest first so that e.g. "กิ่งอำเภอ" wins over "อำเภอ".
const PREFIXES: Record<ThaiAdminLevel, readonly string[]> = {
  province: ['จังหวัด', 'จ.', 'changwat'],
  district: ['กิ่งอำเภอ', 'กิ่ง อ.', 'อำเภอ', 'อ.', 'เขต', 'amphoe', 'khet'],
  subdistrict: ['ตำบล', 'ต.', 'แขวง', 'tambon', 'khwaeng'],
};

const SUFFIXES: Record<ThaiAdminLevel, readonly string[]> = {
  province: [' province'],
  district: [' district'],
  subdistrict: [' subdistrict', ' sub-district'],
};

const ALL_LEVELS: readonly ThaiAdminLevel[] = ['province', 'district', 'subdistrict'];

function isLatinLetter(ch: string | undefined): boolean {
  return ch !== undefined && /[a-z]/i.test(ch);
}

/**
 * Removes one administrative prefix such as จังหวัด / จ. / อำเภอ / อ. / เขต /
 * ตำบล / ต. / แขวง (and the romanised Changwat / Amphoe / Khet / Tambon / Khwaeng,
 * or a trailing "Province" / "District" / "Subdistrict") from a place name.
 * With `level` only that level's prefixes are considered. The result is
 * normalised with {@link normalizeThaiText}; a bare prefix yields ''.
 *
 *   stripAdminPrefix('อ. สารภี')          // 'สารภี'
 *   stripAdminPrefix('ต.ชมภู', 'subdistrict') // 'ชมภู'
 */
export function stripAdminPrefix(name: string, level?: ThaiAdminLevel): string {
  const s = normalizeThaiText(name);
  const lower = s.toLowerCase();
  const levels = level ? [level] : ALL_LEVELS;
  for (const lv of levels) {
    for (const prefix of PREFIXES[lv]) {
      if (!lower.startsWith(prefix)) continue;
      const rest = s.slice(prefix.length);
      // A romanised prefix must be a whole word: "Khet Bang Rak", not "Khethong".
      if (isLatinLetter(prefix[0]) && rest !== '' && !/^[\s.]/.test(rest)) continue;
      return rest.replace(/^[\s.]+/, '').trim();
    }
    for (const suffix of SUFFIXES[lv]) {
      if (lower.endsWith(suffix) && lower.length > suffix.length) return s.slice(0, -suffix.length).trim();
    }
  }
  return s;
}

/**
 * Comparison key for place names: normalised, lower-cased, without spaces,
 * dots, hyphens or apostrophes (so "Yi-ngo" matches "yi ngo").
 */
export function placeKey(name: string): string {
  return normalizeThaiText(toArabicDigits(name))
    .toLowerCase()
    .replace(/[\s.\-'’]/g, '');
}
