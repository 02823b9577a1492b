/**
 * A date as an officer types it: day/month/year with "/", "-", "." or spaces, the year in Buddhist era
 * (2570) or Common Era (2027), two-digit years as B.E. (70 → 2570); a Thai month name or abbreviation
 * ("15 มี.ค. 2570", "15 มีนาคม 70"); or ISO yyyy-mm-dd. Answers yyyy-mm-dd, or null when it is not a real date.
 */
const THAI_MONTHS = [
  ['มกราคม', 'ม.ค.'],
  ['กุมภาพันธ์', 'ก.พ.'],
  ['มีนาคม', 'มี.ค.'],
  ['เมษายน', 'เม.ย.'],
  ['พฤษภาคม', 'พ.ค.'],
  ['มิถุนายน', 'มิ.ย.'],
  ['กรกฎาคม', 'ก.ค.'],
  ['สิงหาคม', 'ส.ค.'],
  ['กันยายน', 'ก.ย.'],
  ['ตุลาคม', 'ต.ค.'],
  ['พฤศจิกายน', 'พ.ย.'],
  ['ธันวาคม', 'ธ.ค.'],
];
const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

function isoOf(day: number, month: number, year: number): string | null {
  const ce = year >= 2400 ? year - 543 : year < 100 ? year + 2500 - 543 : year;
  if (ce < 1900 || ce > 2200 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(ce, month - 1, day));
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return `${ce}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseTypedDate(input: string): string | null {
  const s = input.trim().replace(/[๐-๙]/g, (c) => String(THAI_DIGITS.indexOf(c)));
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s*[/.\-\s]\s*(\d{1,2})\s*[/.\-\s]\s*(\d{2}|\d{4})$/.exec(s);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s*(\S+?)\s*(\d{2}|\d{4})$/.exec(s.replace(/\s+/g, ' '));
  if (m) {
    const name = m[2].replace(/\s/g, '');
    const month = THAI_MONTHS.findIndex(([full, abbr]) => name === full || name === abbr || name === abbr.replace(/\./g, ''));
    if (month >= 0) return isoOf(Number(m[1]), month + 1, Number(m[3]));
  }
  return null;
}

/** yyyy-mm-dd → "15/03/2570", the form an officer types back. */
export function formatTypedDate(iso: string): string {
  const [y, mo, d] = iso.split('-');
  return `${d}/${mo}/${Number(y) + 543}`;
}
