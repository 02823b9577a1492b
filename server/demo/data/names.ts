import type { Rng } from './rng';

/**
 * Thai personal names with a northern (Lanna) flavour. Older people carry the short northern
 * given names (บุญทา, คำปัน, บัวคำ…), middle-aged people the common 1960s–80s names, and young people
 * the longer names popular since the 1990s. Surnames are typical of Chiang Mai and Lamphun.
 */
export type Gender = 'm' | 'f';
export type Generation = 'young' | 'adult' | 'elder';

// prettier-ignore
export const MALE_ELDER = [
  'บุญมา', 'บุญทา', 'คำปัน', 'อินถา', 'คำแปง', 'บุญเป็ง', 'อินปั๋น', 'คำหล้า', 'สิงห์คำ', 'บุญปั๋น',
  'คำอ้าย', 'ทองอินทร์', 'ดวงคำ', 'อินสม', 'หมื่น', 'ปั๋น', 'แก้ว', 'มูล', 'บุญยืน', 'คำมา',
  'ทองดี', 'เสาร์', 'บุญชู', 'บุญส่ง', 'ทองสุข', 'คำตั๋น', 'อินแก้ว', 'ศรีมูล', 'ปวน', 'คำเป็ง',
  'บุญธรรม', 'สม', 'แสง', 'อ้าย', 'คำจันทร์', 'บุญเลี้ยง', 'อินทร์ปั๋น', 'คำผาย',
] as const;

// prettier-ignore
export const FEMALE_ELDER = [
  'บัวคำ', 'บัวผัน', 'บัวจันทร์', 'ศรีนวล', 'ศรีจันทร์', 'จันทร์ฟอง', 'จันทร์ติ๊บ', 'บุญศรี', 'แสงดา', 'คำใส',
  'ดวงจันทร์', 'บุญยวง', 'คำเอ้ย', 'บุญเรือน', 'ศรีทน', 'บุญเหลือ', 'คำปิ๋ว', 'ศรีลา', 'แสงเดือน', 'ประนอม',
  'สมศรี', 'อำพร', 'บัวเขียว', 'คำแสง', 'จันทร์หอม', 'ศรีวรรณ', 'คำมอน', 'บัวลอย', 'ทองใบ',
  'เขียว', 'ปวนคำ', 'บุญตา', 'จันทร์เป็ง',
] as const;

// prettier-ignore
export const MALE_ADULT = [
  'สมชาย', 'สมศักดิ์', 'ประสิทธิ์', 'สุรพล', 'วิชัย', 'ประเสริฐ', 'สมพงษ์', 'สมบัติ', 'ชัยวัฒน์', 'อนุชา',
  'วีระพงษ์', 'ธนพล', 'สุรชัย', 'นิคม', 'ประยูร', 'สมควร', 'สุทัศน์', 'วิรัตน์', 'สมาน', 'อุดม',
  'มานพ', 'สุวิทย์', 'ชาญ', 'ณรงค์', 'ยุทธนา', 'ไพโรจน์', 'บุญเลิศ', 'จักรพันธ์', 'ศักดิ์ชัย', 'เกรียงไกร',
  'วัชระ', 'อภิชาติ', 'ทวีศักดิ์', 'สุริยา', 'พงษ์ศักดิ์', 'ธีระ', 'ชูชาติ', 'สุรเชษฐ์', 'ปรีชา', 'วิโรจน์',
  'พิชิต', 'เอกชัย', 'สายัณห์', 'ธวัชชัย', 'กฤษดา', 'นพดล', 'วิทยา', 'อำนาจ', 'เสกสรรค์', 'ศรายุทธ',
  'บรรจง', 'ไชยา', 'สมคิด', 'เฉลิมพล', 'อรรถพล', 'ประพันธ์', 'ศุภชัย', 'สันติ', 'ชาตรี', 'นิพนธ์',
] as const;

// prettier-ignore
export const FEMALE_ADULT = [
  'สมศรี', 'ศรีสุดา', 'พรรณี', 'วาสนา', 'จันทร์เพ็ญ', 'อรุณี', 'นงลักษณ์', 'สุนันทา', 'บุษบา', 'ประไพ',
  'อำไพ', 'พรทิพย์', 'สุดารัตน์', 'รัชนี', 'วันเพ็ญ', 'นิตยา', 'จิราภรณ์', 'กาญจนา', 'ดวงใจ', 'ศิริพร',
  'มาลี', 'เพ็ญศรี', 'ลำดวน', 'อุไรวรรณ', 'สุภาพร', 'เยาวลักษณ์', 'ปราณี', 'วิไลวรรณ', 'อัญชลี', 'ทองพูน',
  'สายสุนีย์', 'ยุพิน', 'รัตนา', 'นงคราญ', 'ศรีไพร', 'พิมพ์ใจ', 'สุพัตรา', 'กัลยา', 'จำปี', 'ชไมพร',
  'ดารุณี', 'ปิยะนุช', 'ฐิติมา', 'อรทัย', 'เบญจวรรณ', 'ศศิธร', 'กนกวรรณ', 'มยุรี', 'สายพิณ', 'บังอร',
  'ละเอียด', 'อรพิน', 'ขวัญใจ', 'จีรนันท์', 'ทัศนีย์', 'พัชรี', 'รุ่งนภา', 'วรรณา', 'สมหมาย', 'อุษา',
] as const;

// prettier-ignore
export const MALE_YOUNG = [
  'ธนากร', 'ณัฐวุฒิ', 'กิตติพงษ์', 'พีรพัฒน์', 'ภานุวัฒน์', 'ธีรภัทร', 'ศุภกร', 'อภิสิทธิ์', 'วรเมธ', 'ณัฐพล',
  'ปฏิภาณ', 'จิรายุ', 'กฤษณะ', 'ชยพล', 'ธนวัฒน์', 'พงศกร', 'ภูมิพัฒน์', 'ศิวกร', 'อนุวัฒน์', 'ณัฐกิตติ์',
  'ปิยวัฒน์', 'รัชพล', 'สิทธิชัย', 'ธนภัทร', 'วิศรุต', 'กันตภณ', 'ภัทรพล', 'ศรัณย์', 'ธีรวัฒน์', 'นราวิชญ์',
] as const;

// prettier-ignore
export const FEMALE_YOUNG = [
  'ณัฐธิดา', 'กัญญาณัฐ', 'พิมพ์ชนก', 'ชนิดา', 'ปวีณา', 'ศิริลักษณ์', 'ธิดารัตน์', 'กมลชนก', 'อรอุมา', 'สุชาดา',
  'ภัทรวดี', 'จิราพร', 'ชลธิชา', 'เบญจมาศ', 'ปาริฉัตร', 'วรรณิศา', 'ณิชา', 'ธัญญาเรศ', 'กนกพร', 'พัชราภรณ์',
  'ศศิประภา', 'นันทิชา', 'อารยา', 'เปมิกา', 'ปุณยวีร์', 'ญาดา', 'ขวัญข้าว', 'รินรดา', 'สุพิชญา', 'มนัสนันท์',
] as const;

// prettier-ignore
export const SURNAMES = [
  'ใจมา', 'ปัญญาดี', 'อินต๊ะ', 'คำมูล', 'ศรีวิชัย', 'ธรรมวงศ์', 'ยาวิชัย', 'กันทะวงศ์', 'แก้วมูล', 'ไชยวงศ์',
  'สุริยะ', 'อินทร์แก้ว', 'ปัญญาวงศ์', 'คำปัน', 'ใจคำ', 'ก๋องแก้ว', 'จันทร์ตา', 'ต๊ะสาม', 'อุ่นเรือน', 'บุญเรือง',
  'คำฟู', 'ปินตา', 'ยะเขียว', 'ธิวงศ์', 'สุยะ', 'จันทร์แก้ว', 'มูลคำ', 'วงศ์ไชย', 'อินทะวงศ์', 'ชัยมงคล',
  'แสนคำ', 'กาศเมฆ', 'เรือนคำ', 'ปัญญาแก้ว', 'ใจวงศ์', 'อินทร์ตา', 'คำแสน', 'ปวงคำ', 'จันทร์คำ', 'ธรรมชัย',
  'บุญมา', 'ต๊ะปัญญา', 'มะโนวงศ์', 'ขัติยะ', 'ไชยลังกา', 'มณีวงศ์', 'ธนะวงศ์', 'ปัญโญ', 'ปันดี', 'ยานะ',
  'ใจปิน', 'คำภีระ', 'ตาคำ', 'กันธิยะ', 'ปาระมี', 'เป็งจันทร์', 'ปวนคำ', 'ศรีทอง', 'เทพวงศ์', 'ศรีสุข',
  'ชัยวงศ์', 'อุตมะ', 'ใจแก้ว', 'ยะอูป', 'วงศ์ษา', 'คำวัง', 'จันทร์หอม', 'สุภา', 'เขื่อนแก้ว', 'ปัญญาเหล็ก',
  'ไชยยา', 'ธรรมลังกา', 'อินทจักร', 'พรหมมินทร์', 'สุวรรณคำ', 'หน่อแก้ว', 'ดวงแก้ว', 'ปัญญาใจ', 'คำลือ', 'อุปนันท์',
  'วงค์ใหญ่', 'ทาหอม', 'มาลัย', 'ศรีเมือง', 'จินะ', 'วรรณภิระ', 'ไชยชมภู', 'อินจันทร์', 'สิทธิวงศ์', 'ปัญญายศ',
  'ศรีบุญเรือง', 'ทองสุข', 'พรมมา', 'คำเมือง', 'เวียงคำ', 'แก้วเรือน', 'ตาปัญญา', 'บุญยืน', 'สายสุข', 'ยอดคำ',
  'คำสุข', 'ศรีคำ', 'คำดี', 'ปินใจ', 'คำแก้ว', 'ขันแก้ว', 'ใจยา', 'ไชยปัญญา', 'อุดมศรี', 'แปงใจ',
  'สุขเกษม', 'กองคำ', 'ตุ่นแก้ว', 'เตจ๊ะ', 'คำอินทร์', 'อินทรวงศ์', 'ปัญญาสิทธิ์', 'จันทร์เป็ง', 'ติ๊บปะละ', 'วงศ์ปัญญา',
  'สมณะ', 'ศรีวงศ์ษา', 'ไชยเสน', 'ธรรมสิทธิ์', 'แสงแก้ว', 'กาวงศ์', 'สุตาคำ', 'ปัญญาคำ', 'อินทร์หอม', 'ดอกแก้ว',
] as const;

function firstNames(gender: Gender, gen: Generation): readonly string[] {
  if (gen === 'elder') return gender === 'm' ? MALE_ELDER : FEMALE_ELDER;
  if (gen === 'adult') return gender === 'm' ? MALE_ADULT : FEMALE_ADULT;
  return gender === 'm' ? MALE_YOUNG : FEMALE_YOUNG;
}

export interface PersonName {
  title: string;
  first: string;
  last: string;
  full: string;
}

/** Full display name: title written directly before the given name, as on Thai ID cards and letters. */
export function fullName(title: string, first: string, last: string): string {
  return `${title}${first} ${last}`;
}

/** Picks names that were never handed out before by this generator (or given in `taken`). */
export class NameGenerator {
  private readonly used = new Set<string>();
  private readonly usedGivenSurname = new Set<string>();

  constructor(
    private readonly rng: Rng,
    taken: Iterable<string> = [],
  ) {
    for (const n of taken) this.reserve(n);
  }

  /** Marks a display name as taken (hand-written names are reserved first). */
  reserve(full: string): void {
    this.used.add(full);
    const m = /([^\s]+) ([^\s]+)$/.exec(full);
    if (m) this.usedGivenSurname.add(`${stripTitle(m[1])} ${m[2]}`);
  }

  has(full: string): boolean {
    return this.used.has(full);
  }

  next(gender: Gender, gen: Generation): PersonName {
    const pool = firstNames(gender, gen);
    for (let attempt = 0; attempt < 500; attempt++) {
      const first = this.rng.pick(pool);
      const last = this.rng.pick(SURNAMES);
      if (this.usedGivenSurname.has(`${first} ${last}`)) continue;
      const title = titleFor(this.rng, gender, gen);
      const full = fullName(title, first, last);
      this.reserve(full);
      return { title, first, last, full };
    }
    throw new Error('NameGenerator: name pool exhausted');
  }
}

const TITLES = ['นางสาว', 'นาย', 'นาง'];

function stripTitle(s: string): string {
  for (const t of TITLES) if (s.startsWith(t)) return s.slice(t.length);
  return s;
}

function titleFor(rng: Rng, gender: Gender, gen: Generation): string {
  if (gender === 'm') return 'นาย';
  if (gen === 'elder') return 'นาง';
  if (gen === 'adult') return rng.chance(0.78) ? 'นาง' : 'นางสาว';
  return 'นางสาว';
}
