/**
 * Integer satang → Thai words as written on official documents (บาทถ้วน / สตางค์):
 *
 *   bahtText(123450)  // "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"
 *   bahtText(100)     // "หนึ่งบาทถ้วน"
 *   bahtText(0)       // "ศูนย์บาทถ้วน"
 *
 * Rules: เอ็ด for a trailing one after a higher digit (สิบเอ็ด, หนึ่งร้อยเอ็ด), ยี่ for a two in the tens
 * (ยี่สิบ), สิบ not หนึ่งสิบ; groups of six digits joined with ล้าน. Integer arithmetic only.
 */
const DIGITS = ['ศูนย์', 'หนึ่ง', 'สอง', 'สาม', 'สี่', 'ห้า', 'หก', 'เจ็ด', 'แปด', 'เก้า'];
const PLACES = ['', 'สิบ', 'ร้อย', 'พัน', 'หมื่น', 'แสน'];

/** Words for 1–999999 (digits as a string without leading zeros); a lone one after ล้าน is เอ็ด (หนึ่งล้านเอ็ด). */
function sixDigits(digits: string, afterMillion = false): string {
  let out = '';
  const n = digits.length;
  for (let i = 0; i < n; i++) {
    const d = Number(digits[i]);
    const place = n - 1 - i;
    if (d === 0) continue;
    if (place === 1 && d === 1) out += 'สิบ';
    else if (place === 1 && d === 2) out += 'ยี่สิบ';
    else if (place === 0 && d === 1 && (n > 1 || afterMillion)) out += 'เอ็ด';
    else out += DIGITS[d] + PLACES[place];
  }
  return out;
}

/** Words for a non-negative integer given as a digit string. */
function integerWords(digits: string): string {
  const clean = digits.replace(/^0+/, '');
  if (!clean) return DIGITS[0];
  const head = clean.slice(0, -6);
  const tail = clean.slice(-6).replace(/^0+/, '');
  // above a million the part before ล้าน is itself read with the same rules (recursively for ล้านล้าน)
  return (head ? integerWords(head) + 'ล้าน' : '') + (tail ? sixDigits(tail, !!head) : '');
}

export function bahtText(satang: number): string {
  if (!Number.isSafeInteger(satang)) throw new RangeError(`satang must be a safe integer, got ${satang}`);
  const negative = satang < 0;
  const abs = Math.abs(satang);
  const st = abs % 100;
  const baht = (abs - st) / 100;
  let words: string;
  if (baht === 0 && st > 0) words = `${sixDigits(String(st))}สตางค์`;
  else words = `${integerWords(String(baht))}บาท${st === 0 ? 'ถ้วน' : `${sixDigits(String(st))}สตางค์`}`;
  return negative ? `ลบ${words}` : words;
}
