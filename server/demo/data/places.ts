import type { DemoAddress } from './types';

/**
 * Real subdistrict / district / province / postcode combinations used by the demo.
 * Every district of Saraphi has postcode 50140.
 */
export interface Place {
  subdistrict: string;
  district: string;
  province: string;
  postcode: string;
}

export const PLACES = {
  chomphu: { subdistrict: 'ชมภู', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140' },
  yangNoeng: { subdistrict: 'ยางเนิ้ง', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140' },
  saraphi: { subdistrict: 'สารภี', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140' },
  nongPhueng: { subdistrict: 'หนองผึ้ง', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140' },
  chaiyaSathan: { subdistrict: 'ไชยสถาน', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140' },
  khuaMung: { subdistrict: 'ขัวมุง', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140' },
  nongFaek: { subdistrict: 'หนองแฝก', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140' },
  thaWangTan: { subdistrict: 'ท่าวังตาล', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140' },
  thaKwang: { subdistrict: 'ท่ากว้าง', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140' },
  umong: { subdistrict: 'อุโมงค์', district: 'เมืองลำพูน', province: 'ลำพูน', postcode: '51150' },
  suthep: { subdistrict: 'สุเทพ', district: 'เมืองเชียงใหม่', province: 'เชียงใหม่', postcode: '50200' },
  changPhueak: { subdistrict: 'ช้างเผือก', district: 'เมืองเชียงใหม่', province: 'เชียงใหม่', postcode: '50300' },
  nongHan: { subdistrict: 'หนองหาร', district: 'สันทราย', province: 'เชียงใหม่', postcode: '50290' },
} as const satisfies Record<string, Place>;

export type PlaceKey = keyof typeof PLACES;

export function addressAt(place: PlaceKey, extra: { line?: string; moo?: number } = {}): DemoAddress {
  const p = PLACES[place];
  const a: DemoAddress = { subdistrict: p.subdistrict, district: p.district, province: p.province, postcode: p.postcode };
  if (extra.line !== undefined) a.line = extra.line;
  if (extra.moo !== undefined) a.moo = extra.moo;
  return a;
}

/** An address in Chomphu subdistrict. */
export function chomphuAddress(moo: number, line?: string): DemoAddress {
  return addressAt('chomphu', { moo, line });
}
