import type { DemoParty } from './types';
import { chomphuAddress } from './places';

/**
 * The nine administrative villages (หมู่บ้าน) of Chomphu subdistrict and its one urban community.
 * Names are plausible northern Thai village names (synthetic); population figures add up to
 * about 7,300, the municipality's real population.
 */
export interface VillageSpec {
  key: string;
  moo: number; // 0 for the community
  name: string;
  nameEn: string;
  population: number;
  households: number;
  reach: 'กลางน้ำ' | 'ปลายน้ำ'; // where the village draws from the Phaya Kham canal
  note: string;
}

// prettier-ignore
export const CHOMPHU_VILLAGES: readonly VillageSpec[] = [
  { key: 'village-1', moo: 1, name: 'บ้านชมภู', nameEn: 'Ban Chomphu', population: 920, households: 352, reach: 'กลางน้ำ', note: 'หมู่บ้านศูนย์กลางของตำบล ที่ตั้งสำนักงานเทศบาลตำบลชมภู วัดชมภู และโรงเรียนบ้านชมภู' },
  { key: 'village-2', moo: 2, name: 'บ้านป่าเปา', nameEn: 'Ban Pa Pao', population: 780, households: 291, reach: 'กลางน้ำ', note: 'ชุมชนสวนลำไยเก่าแก่ มีกลุ่มแม่บ้านเกษตรกรที่เข้มแข็ง' },
  { key: 'village-3', moo: 3, name: 'บ้านสันป่าสัก', nameEn: 'Ban San Pa Sak', population: 810, households: 305, reach: 'กลางน้ำ', note: 'มีโรงอบลำไยหลายแห่ง ผู้ประกอบการลำไยอบแห้งรายใหญ่ของตำบลตั้งอยู่ที่นี่' },
  { key: 'village-4', moo: 4, name: 'บ้านหนองเขียว', nameEn: 'Ban Nong Khiao', population: 650, households: 238, reach: 'กลางน้ำ', note: 'ที่ตั้งโรงพยาบาลส่งเสริมสุขภาพตำบลชมภู และแปลงเกษตรอินทรีย์ของวิสาหกิจชุมชน' },
  { key: 'village-5', moo: 5, name: 'บ้านหัวฝาย', nameEn: 'Ban Hua Fai', population: 740, households: 276, reach: 'กลางน้ำ', note: 'หมู่บ้านหัวงานลำเหมืองสาขาของตำบล ที่ทำการกลุ่มผู้ใช้น้ำและบ้านของแก่ฝายพญาคำ' },
  { key: 'village-6', moo: 6, name: 'บ้านดอนชัย', nameEn: 'Ban Don Chai', population: 880, households: 334, reach: 'ปลายน้ำ', note: 'มีกลุ่มจักสานไม้ไผ่และโรงเรียนบ้านดอนชัย' },
  { key: 'village-7', moo: 7, name: 'บ้านป่าแงะ', nameEn: 'Ban Pa Ngae', population: 690, households: 257, reach: 'ปลายน้ำ', note: 'พื้นที่นาข้าวผืนใหญ่ของตำบล มีโรงสีข้าวชุมชน และคณะดนตรีพื้นเมือง' },
  { key: 'village-8', moo: 8, name: 'บ้านสันกลาง', nameEn: 'Ban San Klang', population: 820, households: 318, reach: 'ปลายน้ำ', note: 'แหล่งทอผ้าฝ้ายมือของตำบล ติดกับชุมชนสันติสุข' },
  { key: 'village-9', moo: 9, name: 'บ้านศรีบุญเรือง', nameEn: 'Ban Si Bun Rueang', population: 610, households: 224, reach: 'ปลายน้ำ', note: 'หมู่บ้านปลายลำเหมืองในเขตตำบล ขาดน้ำก่อนหมู่บ้านอื่นเมื่อถึงฤดูแล้ง' },
  { key: 'community-1', moo: 0, name: 'ชุมชนสันติสุข', nameEn: 'Santisuk Community', population: 400, households: 168, reach: 'ปลายน้ำ', note: 'ชุมชนหมู่บ้านจัดสรรในเขตหมู่ 8 จัดตั้งเป็นชุมชนตามระเบียบกระทรวงมหาดไทย มีประธานชุมชนและคณะกรรมการชุมชน' },
];

/** Moo number the community physically lies in. */
export const COMMUNITY_MOO = 8;

export const VILLAGE_MOOS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export function villageByMoo(moo: number): VillageSpec {
  const v = CHOMPHU_VILLAGES.find((x) => x.moo === moo);
  if (!v) throw new Error(`no village หมู่ ${moo}`);
  return v;
}

export function villageParties(): DemoParty[] {
  return CHOMPHU_VILLAGES.map((v) => ({
    key: v.key,
    kind: 'organization' as const,
    name: v.moo > 0 ? `${v.name} หมู่ ${v.moo}` : v.name,
    nameEn: v.moo > 0 ? `${v.nameEn} (Moo ${v.moo})` : v.nameEn,
    sector: 'locality' as const,
    pillar: 'locality' as const,
    orgType: v.moo > 0 ? ('village' as const) : ('community' as const),
    address: v.moo > 0 ? chomphuAddress(v.moo) : chomphuAddress(COMMUNITY_MOO, 'ชุมชนสันติสุข'),
    note: `ประชากรประมาณ ${v.population.toLocaleString('en-US')} คน ${v.households.toLocaleString('en-US')} ครัวเรือน · รับน้ำช่วง${v.reach}ของลำเหมืองพญาคำ · ${v.note}`,
  }));
}
