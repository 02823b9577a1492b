/** Small Thai helpers the browser needs (kept here so the app does not pull the heavy address data). */

/** Thai citizen ID checksum (13 digits, mod-11 check digit): the same rule the server applies. */
export { isValidThaiCitizenId } from '../../../common/thai/citizen-id';

export interface AddressParts {
  line?: string | null;
  moo?: number | null;
  subdistrict?: string | null;
  district?: string | null;
  province?: string | null;
  postcode?: string | null;
}

const BANGKOK = ['กรุงเทพมหานคร', 'กรุงเทพฯ', 'Bangkok'];

/**
 * Thai postal style: "12/3 หมู่ที่ 4 ต.ชมภู อ.สารภี จ.เชียงใหม่ 50140".
 * Bangkok uses แขวง/เขต and no จ. prefix.
 */
export function formatThaiAddress(a: AddressParts | null | undefined): string {
  if (!a) return '';
  const bkk = !!a.province && BANGKOK.includes(a.province);
  const parts: string[] = [];
  if (a.line) parts.push(a.line);
  if (a.moo) parts.push(`หมู่ที่ ${a.moo}`);
  if (a.subdistrict) parts.push(bkk ? `แขวง${a.subdistrict}` : `ต.${a.subdistrict}`);
  if (a.district) parts.push(bkk ? `เขต${a.district}` : `อ.${a.district}`);
  if (a.province) parts.push(bkk ? a.province : `จ.${a.province}`);
  if (a.postcode) parts.push(a.postcode);
  return parts.join(' ');
}
