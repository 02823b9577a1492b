/**
 * A date typed by a person, as Thai officers write it: day, month and a Buddhist-era year —
 * "15/1/2569", "15-01-69", "15 ม.ค. 2569", "15 มกราคม 2569" — or an ISO "2026-01-15". A year of
 * 2400 or more is Buddhist era; a two-digit year is 25xx B.E.; a four-digit year below 2400 is
 * Christian era. Thai digits are read too. Returns `yyyy-mm-dd`, or null when it is not a real date.
 */
const MONTHS: [string, string][] = [
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

const THAI_DIGITS = /[๐-๙]/g;
const pad = (n: number) => String(n).padStart(2, '0');

function monthOf(word: string): number | null {
  const w = word.replace(/\s+/g, '');
  for (let i = 0; i < 12; i++) {
    const [long, short] = MONTHS[i];
    if (w === long || w === short || w === short.replaceAll('.', '')) return i + 1;
  }
  return null;
}

function toIso(year: number, month: number, day: number): string | null {
  let y = year;
  if (y < 100) y += 2500; // "69" is 2569 B.E.
  if (y >= 2400) y -= 543;
  if (y < 1900 || y > 2200 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(y, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null; // 31 Feb
  return `${y}-${pad(month)}-${pad(day)}`;
}

export function parseTypedDate(input: string): string | null {
  const s = input
    .trim()
    .replace(THAI_DIGITS, (c) => String(c.charCodeAt(0) - 0x0e50))
    .replace(/^(วันที่|วัน)\s*/, '')
    .replace(/\s*(พ\.ศ\.|พศ)\s*/, ' ');
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return toIso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(s);
  if (m) return toIso(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\s*([^\d\s][^\d]*?)\s*(\d{2}|\d{4})$/.exec(s);
  if (m) {
    const month = monthOf(m[2]);
    return month ? toIso(Number(m[3]), month, Number(m[1])) : null;
  }
  return null;
}
