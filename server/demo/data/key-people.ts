import type { Pillar, Sector } from './types';
import type { Gender, Generation } from './names';
import type { PlaceKey } from './places';

/**
 * Hand-written people who hold named positions (mayor, kamnan, village headmen, weir chief,
 * abbots, agency staff, group chairs, business owners…). Names are synthetic.
 * `org` is the organisation the person belongs to or heads (used for relationships);
 * `tags` let networks draw members by role.
 */
export interface KeyPerson {
  key: string;
  title: string;
  first: string;
  last: string; // '' for monks known by an ecclesiastical title alone
  gender: Gender;
  gen: Generation;
  sector: Sector;
  pillar: Pillar;
  position: string;
  moo?: number; // lives in Chomphu, this moo
  line?: string; // address line instead of a house number (monks live at their temple)
  place?: PlaceKey; // lives / works outside Chomphu
  tags: string[];
  org?: string;
  orgRole?: 'member_of' | 'supervises' | 'other';
  since?: string; // ISO date the person took up the position (for relationships)
  note?: string;
  email?: string;
}

type P = Omit<KeyPerson, 'sector' | 'pillar'>;
const local = (p: P): KeyPerson => ({ ...p, sector: 'local_government', pillar: 'local' });
const locality = (p: P): KeyPerson => ({ ...p, sector: 'locality', pillar: 'locality' });
const state = (p: P): KeyPerson => ({ ...p, sector: 'public_agency', pillar: 'locality' });
const civil = (p: P, pillar: Pillar = 'people'): KeyPerson => ({ ...p, sector: 'civil_society', pillar });
const monk = (p: P): KeyPerson => ({ ...p, sector: 'religious', pillar: 'people' });
const biz = (p: P): KeyPerson => ({ ...p, sector: 'private', pillar: 'people' });
const academic = (p: P): KeyPerson => ({ ...p, sector: 'academic', pillar: 'people' });

// prettier-ignore
export const HEADMAN_KEY_BY_MOO: Record<number, string> = {
  1: 'person-headman-1', 2: 'person-headman-2', 3: 'person-headman-3', 4: 'person-headman-4', 5: 'person-kamnan',
  6: 'person-headman-6', 7: 'person-headman-7', 8: 'person-headman-8', 9: 'person-headman-9',
};

// prettier-ignore
export const KEY_PEOPLE: readonly KeyPerson[] = [
  // ── Municipality: executives, council, officers ───────────────────────────────────────
  local({ key: 'person-mayor', title: 'นาย', first: 'สมเกียรติ', last: 'ปัญญาวงศ์', gender: 'm', gen: 'adult', position: 'นายกเทศมนตรีตำบลชมภู', moo: 3, tags: ['municipal', 'executive'], org: 'lgu-chomphu', orgRole: 'supervises', since: '2012-06-03', email: 'nayok@chomphu.example' }),
  local({ key: 'person-deputy-mayor-1', title: 'นาย', first: 'อุดม', last: 'คำมูล', gender: 'm', gen: 'adult', position: 'รองนายกเทศมนตรีตำบลชมภู (ด้านโยธาและสาธารณภัย)', moo: 6, tags: ['municipal', 'executive'], org: 'lgu-chomphu', since: '2012-06-10' }),
  local({ key: 'person-deputy-mayor-2', title: 'นาง', first: 'จันทร์เพ็ญ', last: 'ไชยวงศ์', gender: 'f', gen: 'adult', position: 'รองนายกเทศมนตรีตำบลชมภู (ด้านสังคมและสาธารณสุข)', moo: 2, tags: ['municipal', 'executive'], org: 'lgu-chomphu', since: '2012-06-10' }),
  local({ key: 'person-mayor-secretary', title: 'นาย', first: 'วีระพงษ์', last: 'อินต๊ะ', gender: 'm', gen: 'adult', position: 'เลขานุการนายกเทศมนตรีตำบลชมภู', moo: 8, tags: ['municipal', 'executive'], org: 'lgu-chomphu', since: '2021-04-05' }),
  local({ key: 'person-council-chair', title: 'นาย', first: 'บุญชู', last: 'ยาวิชัย', gender: 'm', gen: 'elder', position: 'ประธานสภาเทศบาลตำบลชมภู', moo: 7, tags: ['municipal', 'council'], org: 'lgu-chomphu', since: '2021-04-12' }),
  local({ key: 'person-clerk', title: 'นางสาว', first: 'กมลทิพย์', last: 'ธรรมวงศ์', gender: 'f', gen: 'adult', position: 'ปลัดเทศบาลตำบลชมภู', moo: 1, tags: ['municipal', 'officer'], org: 'lgu-chomphu', since: '2015-10-01', email: 'palad@chomphu.example' }),
  local({ key: 'person-deputy-clerk', title: 'นาย', first: 'ธนพล', last: 'กันทะวงศ์', gender: 'm', gen: 'adult', position: 'รองปลัดเทศบาลตำบลชมภู', place: 'yangNoeng', tags: ['municipal', 'officer'], org: 'lgu-chomphu', since: '2017-02-01' }),
  local({ key: 'person-head-office', title: 'นาง', first: 'พรรณี', last: 'แก้วมูล', gender: 'f', gen: 'adult', position: 'หัวหน้าสำนักปลัดเทศบาลตำบลชมภู', moo: 4, tags: ['municipal', 'officer'], org: 'lgu-chomphu', since: '2013-07-01' }),
  local({ key: 'person-dir-finance', title: 'นาง', first: 'ศรีสุดา', last: 'ใจมา', gender: 'f', gen: 'adult', position: 'ผู้อำนวยการกองคลัง เทศบาลตำบลชมภู', moo: 2, tags: ['municipal', 'officer'], org: 'lgu-chomphu', since: '2014-01-06' }),
  local({ key: 'person-dir-engineering', title: 'นาย', first: 'ชัยวัฒน์', last: 'สุริยะ', gender: 'm', gen: 'adult', position: 'ผู้อำนวยการกองช่าง เทศบาลตำบลชมภู', place: 'nongFaek', tags: ['municipal', 'officer'], org: 'lgu-chomphu', since: '2011-05-02' }),
  local({ key: 'person-dir-health', title: 'นางสาว', first: 'วิไลวรรณ', last: 'อินทร์แก้ว', gender: 'f', gen: 'adult', position: 'ผู้อำนวยการกองสาธารณสุขและสิ่งแวดล้อม เทศบาลตำบลชมภู', moo: 1, tags: ['municipal', 'officer', 'health'], org: 'lgu-chomphu', since: '2010-03-01' }),
  local({ key: 'person-dir-education', title: 'นาง', first: 'อรุณี', last: 'คำปัน', gender: 'f', gen: 'adult', position: 'ผู้อำนวยการกองการศึกษา เทศบาลตำบลชมภู', moo: 9, tags: ['municipal', 'officer', 'education'], org: 'lgu-chomphu', since: '2012-10-01' }),
  local({ key: 'person-community-dev', title: 'นางสาว', first: 'สุภาพร', last: 'ปินตา', gender: 'f', gen: 'adult', position: 'นักพัฒนาชุมชนชำนาญการ (ผู้ประสานงานภาคีเครือข่าย)', moo: 5, tags: ['municipal', 'officer', 'network-officer'], org: 'lgu-chomphu', since: '2009-06-01', email: 'network@chomphu.example', note: 'ผู้ประสานงานหลักของภาคีเครือข่ายทั้ง 50 เครือข่าย ดูแลทะเบียนภาคีและแผนปฏิบัติการร่วม' }),
  local({ key: 'person-planner', title: 'นาย', first: 'ณัฐพงษ์', last: 'จันทร์ตา', gender: 'm', gen: 'adult', position: 'นักวิเคราะห์นโยบายและแผนชำนาญการ', moo: 6, tags: ['municipal', 'officer'], org: 'lgu-chomphu', since: '2013-11-01', note: 'ดูแลการบรรจุแผนปฏิบัติการร่วมของเครือข่ายเข้าแผนพัฒนาท้องถิ่น (แบบ ผ.02)' }),
  local({ key: 'person-public-health-officer', title: 'นางสาว', first: 'ชลธิชา', last: 'ยะเขียว', gender: 'f', gen: 'young', position: 'นักวิชาการสาธารณสุขปฏิบัติการ', moo: 3, tags: ['municipal', 'officer', 'health'], org: 'lgu-chomphu', since: '2019-08-01' }),
  local({ key: 'person-social-worker', title: 'นางสาว', first: 'จิราพร', last: 'คำฟู', gender: 'f', gen: 'adult', position: 'นักพัฒนาสังคมปฏิบัติการ (งานสวัสดิการผู้สูงอายุและคนพิการ)', moo: 7, tags: ['municipal', 'officer'], org: 'lgu-chomphu', since: '2016-04-01' }),
  local({ key: 'person-disaster-officer', title: 'นาย', first: 'อนุชา', last: 'ธิวงศ์', gender: 'm', gen: 'adult', position: 'เจ้าพนักงานป้องกันและบรรเทาสาธารณภัยชำนาญงาน', moo: 1, tags: ['municipal', 'officer', 'safety'], org: 'lgu-chomphu', since: '2008-09-01' }),
  local({ key: 'person-env-officer', title: 'นาย', first: 'กฤษดา', last: 'สุยะ', gender: 'm', gen: 'adult', position: 'นักวิชาการสุขาภิบาลปฏิบัติการ (งานสิ่งแวดล้อมและขยะ)', moo: 4, tags: ['municipal', 'officer', 'environment'], org: 'lgu-chomphu', since: '2014-03-03' }),
  local({ key: 'person-physio', title: 'นางสาว', first: 'ปิยะนุช', last: 'มูลคำ', gender: 'f', gen: 'young', position: 'นักกายภาพบำบัด กองสาธารณสุขและสิ่งแวดล้อม', moo: 2, tags: ['municipal', 'health'], org: 'lgu-chomphu', since: '2018-05-01' }),
  local({ key: 'person-nurse', title: 'นาง', first: 'วาสนา', last: 'วงศ์ไชย', gender: 'f', gen: 'adult', position: 'พยาบาลวิชาชีพชำนาญการ ผู้จัดการการดูแลผู้สูงอายุ (Care Manager)', moo: 1, tags: ['municipal', 'health'], org: 'lgu-chomphu', since: '2008-12-01' }),
  local({ key: 'person-agri-officer', title: 'นาย', first: 'สุรเชษฐ์', last: 'ชัยมงคล', gender: 'm', gen: 'adult', position: 'นักวิชาการเกษตรปฏิบัติการ เทศบาลตำบลชมภู', moo: 7, tags: ['municipal', 'officer', 'agriculture'], org: 'lgu-chomphu', since: '2016-06-01' }),
  local({ key: 'person-education-officer', title: 'นางสาว', first: 'ศศิธร', last: 'อินทะวงศ์', gender: 'f', gen: 'young', position: 'นักวิชาการศึกษาปฏิบัติการ', moo: 8, tags: ['municipal', 'officer', 'education'], org: 'lgu-chomphu', since: '2019-02-01' }),
  local({ key: 'person-childcare-head', title: 'นาง', first: 'รัชนี', last: 'ปัญญาแก้ว', gender: 'f', gen: 'adult', position: 'หัวหน้าศูนย์พัฒนาเด็กเล็กเทศบาลตำบลชมภู', moo: 1, tags: ['municipal', 'education'], org: 'childdev-centre', orgRole: 'supervises', since: '2010-05-16' }),
  local({ key: 'person-culture-officer', title: 'นาย', first: 'สุริยา', last: 'ใจวงศ์', gender: 'm', gen: 'adult', position: 'นักจัดการงานทั่วไป (งานศาสนา ประเพณี และวัฒนธรรม)', moo: 5, tags: ['municipal', 'officer', 'culture'], org: 'lgu-chomphu', since: '2015-05-01' }),
  local({ key: 'person-water-officer', title: 'นาย', first: 'พงษ์ศักดิ์', last: 'เรือนคำ', gender: 'm', gen: 'adult', position: 'นายช่างโยธาชำนาญงาน (งานบริหารจัดการน้ำ)', moo: 9, tags: ['municipal', 'officer', 'water'], org: 'lgu-chomphu', since: '2009-01-05' }),

  // ── Locality pillar: kamnan, headmen, community chair ─────────────────────────────────
  locality({ key: 'person-kamnan', title: 'นาย', first: 'อินสม', last: 'ใจคำ', gender: 'm', gen: 'adult', position: 'กำนันตำบลชมภู (ผู้ใหญ่บ้าน หมู่ 5 บ้านหัวฝาย)', moo: 5, tags: ['headman', 'kamnan'], org: 'village-5', orgRole: 'supervises', since: '2014-08-20' }),
  locality({ key: 'person-headman-1', title: 'นาย', first: 'ประเสริฐ', last: 'ศรีทอง', gender: 'm', gen: 'adult', position: 'ผู้ใหญ่บ้าน หมู่ 1 บ้านชมภู', moo: 1, tags: ['headman'], org: 'village-1', orgRole: 'supervises', since: '2016-03-14' }),
  locality({ key: 'person-headman-2', title: 'นาง', first: 'บุษบา', last: 'คำแสน', gender: 'f', gen: 'adult', position: 'ผู้ใหญ่บ้าน หมู่ 2 บ้านป่าเปา', moo: 2, tags: ['headman'], org: 'village-2', orgRole: 'supervises', since: '2019-07-22' }),
  locality({ key: 'person-headman-3', title: 'นาย', first: 'สมบัติ', last: 'อุ่นเรือน', gender: 'm', gen: 'adult', position: 'ผู้ใหญ่บ้าน หมู่ 3 บ้านสันป่าสัก', moo: 3, tags: ['headman'], org: 'village-3', orgRole: 'supervises', since: '2011-09-05' }),
  locality({ key: 'person-headman-4', title: 'นาย', first: 'วิรัตน์', last: 'ปวงคำ', gender: 'm', gen: 'adult', position: 'ผู้ใหญ่บ้าน หมู่ 4 บ้านหนองเขียว', moo: 4, tags: ['headman'], org: 'village-4', orgRole: 'supervises', since: '2017-11-01' }),
  locality({ key: 'person-headman-6', title: 'นาย', first: 'ชูชาติ', last: 'ต๊ะปัญญา', gender: 'm', gen: 'adult', position: 'ผู้ใหญ่บ้าน หมู่ 6 บ้านดอนชัย', moo: 6, tags: ['headman'], org: 'village-6', orgRole: 'supervises', since: '2013-02-18' }),
  locality({ key: 'person-headman-7', title: 'นาย', first: 'มานพ', last: 'กาศเมฆ', gender: 'm', gen: 'adult', position: 'ผู้ใหญ่บ้าน หมู่ 7 บ้านป่าแงะ', moo: 7, tags: ['headman'], org: 'village-7', orgRole: 'supervises', since: '2020-01-27' }),
  locality({ key: 'person-headman-8', title: 'นาย', first: 'สายัณห์', last: 'มะโนวงศ์', gender: 'm', gen: 'adult', position: 'ผู้ใหญ่บ้าน หมู่ 8 บ้านสันกลาง', moo: 8, tags: ['headman'], org: 'village-8', orgRole: 'supervises', since: '2015-06-08' }),
  locality({ key: 'person-headman-9', title: 'นาง', first: 'นงลักษณ์', last: 'ธนะวงศ์', gender: 'f', gen: 'adult', position: 'ผู้ใหญ่บ้าน หมู่ 9 บ้านศรีบุญเรือง', moo: 9, tags: ['headman'], org: 'village-9', orgRole: 'supervises', since: '2018-04-02' }),
  locality({ key: 'person-community-chair', title: 'นาย', first: 'ไพโรจน์', last: 'สิทธิวงศ์', gender: 'm', gen: 'adult', position: 'ประธานชุมชนสันติสุข', moo: 8, tags: ['community-leader'], org: 'community-1', orgRole: 'supervises', since: '2019-03-10' }),
  locality({ key: 'person-kamnan-inspector', title: 'นาย', first: 'บุญส่ง', last: 'คำวัง', gender: 'm', gen: 'adult', position: 'สารวัตรกำนันตำบลชมภู', moo: 6, tags: ['locality-staff', 'safety'], org: 'village-5', since: '2014-09-01' }),
  locality({ key: 'person-tambon-doctor', title: 'นาย', first: 'ทองดี', last: 'เขื่อนแก้ว', gender: 'm', gen: 'elder', position: 'แพทย์ประจำตำบลชมภู', moo: 4, tags: ['locality-staff', 'health'], org: 'village-4', since: '2010-02-15' }),

  // ── State agencies working in the area ───────────────────────────────────────────────
  state({ key: 'person-district-chief', title: 'นาย', first: 'ธีรวัฒน์', last: 'ศรีสุข', gender: 'm', gen: 'adult', position: 'นายอำเภอสารภี', place: 'yangNoeng', tags: ['interior'], org: 'district-saraphi', orgRole: 'supervises', since: '2024-11-01' }),
  state({ key: 'person-deputy-district-officer', title: 'นาย', first: 'ปิยะพงษ์', last: 'เทพวงศ์', gender: 'm', gen: 'adult', position: 'ปลัดอำเภอผู้รับผิดชอบประจำตำบลชมภู', place: 'yangNoeng', tags: ['interior', 'safety'], org: 'district-saraphi', since: '2021-10-01' }),
  state({ key: 'person-cdd-officer', title: 'นางสาว', first: 'อัญชลี', last: 'แสนคำ', gender: 'f', gen: 'adult', position: 'พัฒนากรผู้ประสานงานตำบลชมภู', place: 'yangNoeng', tags: ['interior', 'livelihood'], org: 'cdd-saraphi', since: '2016-01-04' }),
  state({ key: 'person-agri-extension', title: 'นาย', first: 'วรวุฒิ', last: 'ปัญญาสิทธิ์', gender: 'm', gen: 'adult', position: 'นักวิชาการส่งเสริมการเกษตรชำนาญการ (เกษตรตำบลชมภู)', place: 'yangNoeng', tags: ['agriculture'], org: 'agri-saraphi', since: '2012-04-01' }),
  state({ key: 'person-police', title: 'ด.ต.', first: 'สมพงษ์', last: 'ไชยลังกา', gender: 'm', gen: 'adult', position: 'ตำรวจชุมชนสัมพันธ์ สถานีตำรวจภูธรสารภี', place: 'yangNoeng', tags: ['safety'], org: 'police-saraphi', since: '2015-10-01' }),
  state({ key: 'person-irrigation', title: 'นาย', first: 'เอกชัย', last: 'ปัญญาเหล็ก', gender: 'm', gen: 'adult', position: 'หัวหน้าฝ่ายส่งน้ำและบำรุงรักษา โครงการชลประทานเชียงใหม่', tags: ['water'], org: 'irrigation-cm', since: '2013-06-01' }),
  state({ key: 'person-dho', title: 'นาย', first: 'วิทยา', last: 'พรหมมินทร์', gender: 'm', gen: 'adult', position: 'สาธารณสุขอำเภอสารภี', place: 'yangNoeng', tags: ['health'], org: 'sso-saraphi', orgRole: 'supervises', since: '2019-10-01' }),
  state({ key: 'person-rpst-director', title: 'นาง', first: 'สุนันทา', last: 'ศรีวิชัย', gender: 'f', gen: 'adult', position: 'ผู้อำนวยการโรงพยาบาลส่งเสริมสุขภาพตำบลชมภู', moo: 4, tags: ['health'], org: 'rpst-chomphu', orgRole: 'supervises', since: '2011-01-10' }),
  state({ key: 'person-rpst-nurse', title: 'นางสาว', first: 'กาญจนา', last: 'มณีวงศ์', gender: 'f', gen: 'adult', position: 'พยาบาลวิชาชีพชำนาญการ รพ.สต.ชมภู', moo: 1, tags: ['health'], org: 'rpst-chomphu', since: '2012-06-01' }),
  state({ key: 'person-rpst-ph', title: 'นาย', first: 'อภิชาติ', last: 'คำภีระ', gender: 'm', gen: 'adult', position: 'นักวิชาการสาธารณสุขชำนาญการ รพ.สต.ชมภู', place: 'khuaMung', tags: ['health'], org: 'rpst-chomphu', since: '2014-05-01' }),
  state({ key: 'person-hospital-physio', title: 'นางสาว', first: 'ฐิติมา', last: 'ธรรมลังกา', gender: 'f', gen: 'adult', position: 'นักกายภาพบำบัดชำนาญการ โรงพยาบาลสารภี', place: 'yangNoeng', tags: ['health'], org: 'hospital-saraphi', since: '2010-07-01' }),
  state({ key: 'person-hospital-doctor', title: 'นพ.', first: 'ธีระ', last: 'อินทจักร', gender: 'm', gen: 'adult', position: 'แพทย์เวชศาสตร์ครอบครัว โรงพยาบาลสารภี', place: 'yangNoeng', tags: ['health'], org: 'hospital-saraphi', since: '2016-06-01' }),
  state({ key: 'person-school-director-1', title: 'นาย', first: 'สุวิทย์', last: 'หน่อแก้ว', gender: 'm', gen: 'adult', position: 'ผู้อำนวยการโรงเรียนบ้านชมภู', place: 'saraphi', tags: ['teacher', 'education'], org: 'school-chomphu', orgRole: 'supervises', since: '2018-11-01' }),
  state({ key: 'person-school-director-2', title: 'นาง', first: 'ประไพ', last: 'ดวงแก้ว', gender: 'f', gen: 'adult', position: 'ผู้อำนวยการโรงเรียนวัดป่าเปา', moo: 2, tags: ['teacher', 'education'], org: 'school-papao', orgRole: 'supervises', since: '2016-05-16' }),
  state({ key: 'person-school-director-3', title: 'นาย', first: 'วัชระ', last: 'คำลือ', gender: 'm', gen: 'adult', position: 'ผู้อำนวยการโรงเรียนบ้านดอนชัย', place: 'nongFaek', tags: ['teacher', 'education'], org: 'school-donchai', orgRole: 'supervises', since: '2020-12-01' }),
  state({ key: 'person-nfe-teacher', title: 'นางสาว', first: 'เบญจวรรณ', last: 'ปัญญาใจ', gender: 'f', gen: 'young', position: 'ครู กศน.ตำบลชมภู', moo: 3, tags: ['teacher', 'education'], org: 'nfe-chomphu', since: '2020-06-01' }),

  // ── Religious ────────────────────────────────────────────────────────────────────────
  monk({ key: 'person-abbot-chomphu', title: 'พระครู', first: 'สุวรรณธรรมาภิรักษ์', last: '', gender: 'm', gen: 'elder', position: 'เจ้าอาวาสวัดชมภู และเจ้าคณะตำบลชมภู', moo: 1, line: 'วัดชมภู', tags: ['monk', 'abbot'], org: 'temple-chomphu', orgRole: 'supervises', since: '2006-01-01' }),
  monk({ key: 'person-abbot-papao', title: 'พระครู', first: 'ปัญญาวุฒิคุณ', last: '', gender: 'm', gen: 'elder', position: 'เจ้าอาวาสวัดป่าเปา', moo: 2, line: 'วัดป่าเปา', tags: ['monk', 'abbot'], org: 'temple-papao', orgRole: 'supervises', since: '2005-05-01' }),
  monk({ key: 'person-abbot-sanpasak', title: 'พระครู', first: 'วิมลศีลาจารย์', last: '', gender: 'm', gen: 'elder', position: 'เจ้าอาวาสวัดสันป่าสัก', moo: 3, line: 'วัดสันป่าสัก', tags: ['monk', 'abbot'], org: 'temple-sanpasak', orgRole: 'supervises', since: '2009-03-01' }),
  monk({ key: 'person-abbot-huafai', title: 'พระอธิการ', first: 'สมบูรณ์', last: 'ฐิตธัมโม', gender: 'm', gen: 'adult', position: 'เจ้าอาวาสวัดหัวฝาย', moo: 5, line: 'วัดหัวฝาย', tags: ['monk', 'abbot'], org: 'temple-huafai', orgRole: 'supervises', since: '2014-07-01' }),
  monk({ key: 'person-abbot-donchai', title: 'พระครู', first: 'สิริธรรมานุวัตร', last: '', gender: 'm', gen: 'elder', position: 'เจ้าอาวาสวัดดอนชัย', moo: 6, line: 'วัดดอนชัย', tags: ['monk', 'abbot'], org: 'temple-donchai', orgRole: 'supervises', since: '2007-02-01' }),
  monk({ key: 'person-abbot-sanklang', title: 'พระครู', first: 'โสภณจริยาภิรัต', last: '', gender: 'm', gen: 'elder', position: 'เจ้าอาวาสวัดสันกลาง', moo: 8, line: 'วัดสันกลาง', tags: ['monk', 'abbot'], org: 'temple-sanklang', orgRole: 'supervises', since: '2010-06-01' }),
  monk({ key: 'person-abbot-sibunrueang', title: 'พระอธิการ', first: 'บุญเลิศ', last: 'ปัญญาวโร', gender: 'm', gen: 'adult', position: 'เจ้าอาวาสวัดศรีบุญเรือง', moo: 9, line: 'วัดศรีบุญเรือง', tags: ['monk', 'abbot'], org: 'temple-sibunrueang', orgRole: 'supervises', since: '2016-09-01' }),
  monk({ key: 'person-monk-maha', title: 'พระมหา', first: 'สุริยา', last: 'ญาณวโร', gender: 'm', gen: 'young', position: 'พระนักพัฒนา วัดชมภู (งานเยาวชนและภาษาล้านนา)', moo: 1, line: 'วัดชมภู', tags: ['monk'], org: 'temple-chomphu', since: '2017-07-01' }),
  monk({ key: 'person-monk-samu', title: 'พระสมุห์', first: 'ณัฐพล', last: 'จิตตสังวโร', gender: 'm', gen: 'adult', position: 'พระคิลานุปัฏฐาก วัดป่าเปา (พระอาสาดูแลสุขภาพ)', moo: 2, line: 'วัดป่าเปา', tags: ['monk', 'health'], org: 'temple-papao', since: '2015-04-01' }),
  civil({ key: 'person-achan', title: 'นาย', first: 'บุญปั๋น', last: 'วงค์ใหญ่', gender: 'm', gen: 'elder', position: 'ปู่จารย์ (มัคนายก) วัดชมภู', moo: 1, tags: ['elder', 'culture'], org: 'temple-chomphu', since: '2005-01-01', note: 'ผู้นำพิธีกรรมล้านนา สืบชะตา ส่งเคราะห์ และเลี้ยงผีฝาย' }),

  // ── Phaya Kham weir: weir chief and canal chiefs along the canal ─────────────────────
  civil({ key: 'person-kae-fai', title: 'นาย', first: 'บุญทา', last: 'อินทรวงศ์', gender: 'm', gen: 'elder', position: 'แก่ฝายพญาคำ (ประธานกลุ่มผู้ใช้น้ำเหมืองฝายพญาคำ)', moo: 5, tags: ['weir-leader', 'water'], org: 'group-weir-users', orgRole: 'supervises', since: '2005-03-01', note: 'ได้รับเลือกจากลูกฝายทุกตำบลตลอดแนวลำเหมือง ดูแลรอบเวรปันน้ำและงานซ่อมฝายประจำปี' }, 'locality'),
  civil({ key: 'person-kae-fai-deputy', title: 'นาย', first: 'คำแปง', last: 'ยานะ', gender: 'm', gen: 'elder', position: 'ผู้ช่วยแก่ฝายพญาคำ (ดูแลลำเหมืองสาขาในตำบลชมภู)', moo: 2, tags: ['weir-leader', 'water'], org: 'group-weir-users', since: '2006-01-10' }, 'locality'),
  civil({ key: 'person-kae-fai-secretary', title: 'นาย', first: 'สุทัศน์', last: 'ไชยยา', gender: 'm', gen: 'adult', position: 'เลขานุการกลุ่มผู้ใช้น้ำเหมืองฝายพญาคำ', moo: 9, tags: ['weir-leader', 'water'], org: 'group-weir-users', since: '2010-11-08' }, 'locality'),
  civil({ key: 'person-kae-muang-nongphueng', title: 'นาย', first: 'คำตั๋น', last: 'จินะ', gender: 'm', gen: 'elder', position: 'แก่เหมืองตำบลหนองผึ้ง (ช่วงต้นน้ำ)', place: 'nongPhueng', tags: ['kae-muang-partner', 'water'], org: 'group-weir-users', since: '2005-06-15' }, 'locality'),
  civil({ key: 'person-kae-muang-chaiyasathan', title: 'นาย', first: 'ทองสุข', last: 'มาลัย', gender: 'm', gen: 'elder', position: 'แก่เหมืองตำบลไชยสถาน (ช่วงต้นน้ำ)', place: 'chaiyaSathan', tags: ['kae-muang-partner', 'water'], org: 'group-weir-users', since: '2005-06-15' }, 'locality'),
  civil({ key: 'person-kae-muang-thawangtan', title: 'นาย', first: 'ศรีมูล', last: 'อุปนันท์', gender: 'm', gen: 'elder', position: 'แก่เหมืองตำบลท่าวังตาล (ช่วงต้นน้ำ)', place: 'thaWangTan', tags: ['kae-muang-partner', 'water'], org: 'group-weir-users', since: '2007-03-20' }, 'locality'),
  civil({ key: 'person-kae-muang-yangnoeng', title: 'นาย', first: 'บุญยืน', last: 'คำเมือง', gender: 'm', gen: 'elder', position: 'แก่เหมืองตำบลยางเนิ้ง (ช่วงกลางน้ำ)', place: 'yangNoeng', tags: ['kae-muang-partner', 'water'], org: 'group-weir-users', since: '2005-06-15' }, 'locality'),
  civil({ key: 'person-kae-muang-saraphi', title: 'นาย', first: 'อินแก้ว', last: 'ศรีเมือง', gender: 'm', gen: 'elder', position: 'แก่เหมืองตำบลสารภี (ช่วงกลางน้ำ)', place: 'saraphi', tags: ['kae-muang-partner', 'water'], org: 'group-weir-users', since: '2005-06-15' }, 'locality'),
  civil({ key: 'person-kae-muang-khuamung', title: 'นาย', first: 'บุญเป็ง', last: 'ทาหอม', gender: 'm', gen: 'elder', position: 'แก่เหมืองตำบลขัวมุง (ช่วงปลายน้ำ)', place: 'khuaMung', tags: ['kae-muang-partner', 'water'], org: 'group-weir-users', since: '2006-05-01' }, 'locality'),
  civil({ key: 'person-kae-muang-nongfaek', title: 'นาย', first: 'สมาน', last: 'วรรณภิระ', gender: 'm', gen: 'adult', position: 'แก่เหมืองตำบลหนองแฝก (ช่วงปลายน้ำ)', place: 'nongFaek', tags: ['kae-muang-partner', 'water'], org: 'group-weir-users', since: '2012-04-01' }, 'locality'),
  civil({ key: 'person-kae-muang-umong', title: 'นาย', first: 'ดวงคำ', last: 'เวียงคำ', gender: 'm', gen: 'elder', position: 'แก่เหมืองตำบลอุโมงค์ จังหวัดลำพูน (ปลายลำเหมือง)', place: 'umong', tags: ['kae-muang-partner', 'water'], org: 'group-weir-users', since: '2005-06-15' }, 'locality'),

  // ── Civil-society leaders ────────────────────────────────────────────────────────────
  civil({ key: 'person-osm-chair', title: 'นาง', first: 'บัวจันทร์', last: 'ปัญญาดี', gender: 'f', gen: 'elder', position: 'ประธานชมรม อสม. ตำบลชมภู', moo: 4, tags: ['osm', 'health', 'leader'], org: 'group-osm-club', orgRole: 'supervises', since: '2005-08-10' }),
  civil({ key: 'person-elderly-club-chair', title: 'นาย', first: 'บุญเรือง', last: 'คำดี', gender: 'm', gen: 'elder', position: 'ประธานชมรมผู้สูงอายุตำบลชมภู', moo: 1, tags: ['elder', 'leader'], org: 'group-elderly-club', orgRole: 'supervises', since: '2014-04-13' }),
  civil({ key: 'person-elderly-school-principal', title: 'นาง', first: 'ศรีนวล', last: 'ยอดคำ', gender: 'f', gen: 'elder', position: 'ครูใหญ่โรงเรียนผู้สูงอายุตำบลชมภู (ข้าราชการครูบำนาญ)', moo: 1, tags: ['elder', 'education', 'leader'], org: 'group-elderly-school', orgRole: 'supervises', since: '2013-05-20' }),
  civil({ key: 'person-women-chair', title: 'นาง', first: 'นิตยา', last: 'ไชยปัญญา', gender: 'f', gen: 'adult', position: 'ประธานคณะกรรมการพัฒนาสตรีตำบลชมภู', moo: 2, tags: ['women', 'leader'], org: 'group-women', orgRole: 'supervises', since: '2012-03-08' }),
  civil({ key: 'person-weaving-chair', title: 'นาง', first: 'บัวผัน', last: 'แก้วเรือน', gender: 'f', gen: 'elder', position: 'ประธานกลุ่มทอผ้าฝ้ายบ้านสันกลาง', moo: 8, tags: ['weaver', 'leader'], org: 'group-weaving', orgRole: 'supervises', since: '2008-06-01' }),
  civil({ key: 'person-crafts-chair', title: 'นาย', first: 'คำหล้า', last: 'ไชยชมภู', gender: 'm', gen: 'elder', position: 'ประธานกลุ่มจักสานไม้ไผ่บ้านดอนชัย (ปราชญ์ชาวบ้านด้านจักสาน)', moo: 6, tags: ['weaver', 'elder', 'leader'], org: 'group-crafts', orgRole: 'supervises', since: '2009-02-01' }),
  civil({ key: 'person-longan-chair', title: 'นาย', first: 'สมควร', last: 'ตาปัญญา', gender: 'm', gen: 'adult', position: 'ประธานเครือข่ายผู้ปลูกลำไยตำบลชมภู', moo: 3, tags: ['farmer', 'leader'], org: 'coop-longan', since: '2007-07-20' }),
  civil({ key: 'person-enterprise-chair', title: 'นาง', first: 'วันเพ็ญ', last: 'คำสุข', gender: 'f', gen: 'adult', position: 'ประธานวิสาหกิจชุมชนกลุ่มแปรรูปลำไยบ้านชมภู', moo: 1, tags: ['women', 'leader'], org: 'group-longan-processing', orgRole: 'supervises', since: '2015-09-01' }),
  civil({ key: 'person-organic-chair', title: 'นาย', first: 'นิคม', last: 'ศรีคำ', gender: 'm', gen: 'adult', position: 'ประธานวิสาหกิจชุมชนเกษตรอินทรีย์บ้านหนองเขียว', moo: 4, tags: ['farmer', 'leader'], org: 'group-organic', orgRole: 'supervises', since: '2017-06-01' }),
  civil({ key: 'person-youth-chair', title: 'นาย', first: 'ธนากร', last: 'ปินใจ', gender: 'm', gen: 'young', position: 'ประธานสภาเด็กและเยาวชนตำบลชมภู', moo: 6, tags: ['youth', 'leader'], org: 'group-youth-council', orgRole: 'supervises', since: '2024-06-15' }),
  civil({ key: 'person-youth-vice', title: 'นางสาว', first: 'พิมพ์ชนก', last: 'คำแก้ว', gender: 'f', gen: 'young', position: 'รองประธานสภาเด็กและเยาวชนตำบลชมภู', moo: 1, tags: ['youth'], org: 'group-youth-council', since: '2024-06-15' }),
  civil({ key: 'person-culture-chair', title: 'นาย', first: 'สิงห์คำ', last: 'ขันแก้ว', gender: 'm', gen: 'elder', position: 'ประธานสภาวัฒนธรรมตำบลชมภู', moo: 7, tags: ['elder', 'culture', 'leader'], org: 'group-culture-council', orgRole: 'supervises', since: '2011-08-01' }),
  civil({ key: 'person-opor-chief', title: 'นาย', first: 'ศักดิ์ชัย', last: 'ใจยา', gender: 'm', gen: 'adult', position: 'หัวหน้าหน่วย อปพร. เทศบาลตำบลชมภู', moo: 3, tags: ['opor', 'safety', 'leader'], org: 'group-opor', orgRole: 'supervises', since: '2010-04-01' }, 'local'),
  civil({ key: 'person-rescue-chief', title: 'นาย', first: 'เกรียงไกร', last: 'อุดมศรี', gender: 'm', gen: 'adult', position: 'หัวหน้าชุดปฏิบัติการหน่วยกู้ชีพเทศบาลตำบลชมภู', moo: 1, tags: ['rescue', 'safety', 'leader'], org: 'group-rescue', orgRole: 'supervises', since: '2012-09-01' }, 'local'),
  civil({ key: 'person-disability-chair', title: 'นาย', first: 'สมพร', last: 'แปงใจ', gender: 'm', gen: 'adult', position: 'ประธานชมรมคนพิการตำบลชมภู', moo: 3, tags: ['disability', 'leader'], org: 'group-disability', orgRole: 'supervises', since: '2017-12-03' }),
  civil({ key: 'person-waste-bank-chair', title: 'นาง', first: 'ลำดวน', last: 'สุขเกษม', gender: 'f', gen: 'adult', position: 'ประธานธนาคารขยะชุมชนตำบลชมภู', moo: 3, tags: ['women', 'environment', 'leader'], org: 'group-waste-bank', orgRole: 'supervises', since: '2014-06-05' }),
  civil({ key: 'person-welfare-chair', title: 'นาย', first: 'บุญเลิศ', last: 'กองคำ', gender: 'm', gen: 'adult', position: 'ประธานกองทุนสวัสดิการชุมชนตำบลชมภู', moo: 9, tags: ['livelihood', 'leader'], org: 'group-welfare', orgRole: 'supervises', since: '2009-01-15' }),
  civil({ key: 'person-savings-chair', title: 'นาง', first: 'สมศรี', last: 'บุญยืน', gender: 'f', gen: 'elder', position: 'ประธานกลุ่มออมทรัพย์เพื่อการผลิตบ้านศรีบุญเรือง', moo: 9, tags: ['livelihood', 'women', 'leader'], org: 'group-savings', orgRole: 'supervises', since: '2006-02-01' }),
  civil({ key: 'person-ccd-chair', title: 'นาง', first: 'อุไรวรรณ', last: 'ตุ่นแก้ว', gender: 'f', gen: 'adult', position: 'ประธานศูนย์พัฒนาครอบครัวในชุมชนตำบลชมภู', moo: 7, tags: ['women', 'leader'], org: 'group-ccd', orgRole: 'supervises', since: '2019-05-15' }),
  civil({ key: 'person-healer', title: 'นาย', first: 'อินถา', last: 'เตจ๊ะ', gender: 'm', gen: 'elder', position: 'หมอเมือง ปราชญ์ชาวบ้านด้านสมุนไพรล้านนา', moo: 5, tags: ['healer', 'elder', 'leader'], org: 'group-herbal', orgRole: 'supervises', since: '2019-09-10' }),
  civil({ key: 'person-music', title: 'นาย', first: 'คำมา', last: 'คำอินทร์', gender: 'm', gen: 'elder', position: 'ประธานชมรมดนตรีพื้นเมืองและช่างฟ้อนตำบลชมภู (สล่าซึง)', moo: 7, tags: ['artisan', 'culture', 'leader'], org: 'group-music', orgRole: 'supervises', since: '2006-04-13' }),
  civil({ key: 'person-caregiver-lead', title: 'นางสาว', first: 'ดารุณี', last: 'ใจแก้ว', gender: 'f', gen: 'adult', position: 'ประธานชมรมผู้ดูแลผู้สูงอายุ (Caregiver) ตำบลชมภู', moo: 2, tags: ['caregiver', 'leader'], org: 'group-caregivers', orgRole: 'supervises', since: '2016-10-01' }),
  civil({ key: 'person-tourism-chair', title: 'นาย', first: 'อำนาจ', last: 'ศรีบุญเรือง', gender: 'm', gen: 'adult', position: 'ประธานกลุ่มท่องเที่ยววิถีชุมชนลำเหมืองพญาคำ', moo: 5, tags: ['livelihood', 'leader'], org: 'group-tourism', orgRole: 'supervises', since: '2023-11-15' }),
  civil({ key: 'person-green-chair', title: 'นาย', first: 'วิโรจน์', last: 'ปัญญายศ', gender: 'm', gen: 'adult', position: 'ประธานชมรมอนุรักษ์ต้นยางนาและพื้นที่สีเขียวตำบลชมภู', moo: 6, tags: ['environment', 'leader'], org: 'group-green', orgRole: 'supervises', since: '2014-08-12' }),
  civil({ key: 'person-rice-chair', title: 'นาย', first: 'บุญมา', last: 'สายสุข', gender: 'm', gen: 'elder', position: 'ประธานศูนย์ข้าวชุมชนตำบลชมภู', moo: 7, tags: ['farmer', 'leader'], org: 'group-rice', orgRole: 'supervises', since: '2018-05-15' }),
  civil({ key: 'person-chorborbor-chief', title: 'นาย', first: 'ณรงค์', last: 'พรมมา', gender: 'm', gen: 'adult', position: 'หัวหน้าชุดรักษาความปลอดภัยหมู่บ้าน (ชรบ.) ตำบลชมภู', moo: 6, tags: ['chorborbor', 'safety', 'leader'], org: 'group-chor-ror-bor', orgRole: 'supervises', since: '2007-05-01' }, 'locality'),
  civil({ key: 'person-digital-lead', title: 'นางสาว', first: 'กนกพร', last: 'สุภา', gender: 'f', gen: 'young', position: 'แกนนำอาสาสมัครดิจิทัลชุมชนตำบลชมภู', moo: 1, tags: ['digital', 'youth', 'leader'], since: '2025-01-15' }),
  civil({ key: 'person-market-chair', title: 'นาง', first: 'เพ็ญศรี', last: 'อินจันทร์', gender: 'f', gen: 'adult', position: 'ประธานคณะกรรมการกาดชุมชนชมภู', moo: 1, tags: ['women', 'livelihood', 'leader'], org: 'group-market', orgRole: 'supervises', since: '2017-03-01' }),
  civil({ key: 'person-to-be-number-one', title: 'นางสาว', first: 'ณัฐธิดา', last: 'ดอกแก้ว', gender: 'f', gen: 'young', position: 'ประธานชมรม TO BE NUMBER ONE ตำบลชมภู', moo: 4, tags: ['youth', 'leader'], org: 'group-to-be-number-one', orgRole: 'supervises', since: '2023-06-26' }),

  // ── Business ─────────────────────────────────────────────────────────────────────────
  biz({ key: 'person-biz-longan', title: 'นาย', first: 'จักรพันธ์', last: 'วงศ์ษา', gender: 'm', gen: 'adult', position: 'กรรมการผู้จัดการ บริษัท ลำไยทองชมภู จำกัด', moo: 3, tags: ['business'], org: 'firm-longan-dry', orgRole: 'supervises', since: '2008-01-15' }),
  biz({ key: 'person-biz-dry2', title: 'นาง', first: 'ยุพิน', last: 'ปัญญาวงศ์', gender: 'f', gen: 'adult', position: 'หุ้นส่วนผู้จัดการ ห้างหุ้นส่วนจำกัด ป่าเปาลำไยอบแห้ง', moo: 2, tags: ['business'], org: 'firm-dry2', orgRole: 'supervises', since: '2011-05-01' }),
  biz({ key: 'person-biz-packing', title: 'นาง', first: 'กัลยา', last: 'สุวรรณคำ', gender: 'f', gen: 'adult', position: 'ผู้จัดการโรงคัดบรรจุ บริษัท ล้านนาฟรุ๊ตแพ็ค จำกัด', place: 'yangNoeng', tags: ['business'], org: 'firm-packing', since: '2014-02-01' }),
  biz({ key: 'person-biz-ricemill', title: 'นาย', first: 'สมบูรณ์', last: 'เจริญผล', gender: 'm', gen: 'elder', position: 'เจ้าของโรงสีข้าวเจริญผล', moo: 7, tags: ['business'], org: 'firm-ricemill', orgRole: 'supervises', since: '2005-01-01' }),
  biz({ key: 'person-biz-construction', title: 'นาย', first: 'ธวัชชัย', last: 'อินทร์ตา', gender: 'm', gen: 'adult', position: 'หุ้นส่วนผู้จัดการ ห้างหุ้นส่วนจำกัด ชมภูการโยธา', moo: 6, tags: ['business'], org: 'firm-construction', orgRole: 'supervises', since: '2009-08-01' }),
  biz({ key: 'person-biz-hardware', title: 'นาย', first: 'วิชัย', last: 'แสงแก้ว', gender: 'm', gen: 'adult', position: 'เจ้าของร้านเจริญชัยวัสดุก่อสร้าง', moo: 1, tags: ['business'], org: 'shop-hardware', orgRole: 'supervises', since: '2006-03-01' }),
  biz({ key: 'person-biz-coffee', title: 'นางสาว', first: 'ปาริฉัตร', last: 'ใจมา', gender: 'f', gen: 'young', position: 'เจ้าของร้านกาแฟข่วงบ้านสวน', moo: 5, tags: ['business', 'youth'], org: 'shop-coffee', orgRole: 'supervises', since: '2021-12-01' }),
  biz({ key: 'person-biz-pharmacy', title: 'ภญ.', first: 'อรทัย', last: 'ชัยวงศ์', gender: 'f', gen: 'adult', position: 'เภสัชกรผู้มีหน้าที่ปฏิบัติการ ร้านยาชมภูเภสัช', moo: 1, tags: ['business', 'health'], org: 'shop-pharmacy', orgRole: 'supervises', since: '2013-09-01' }),
  biz({ key: 'person-biz-solar', title: 'นาย', first: 'พิชิต', last: 'ธรรมชัย', gender: 'm', gen: 'adult', position: 'กรรมการผู้จัดการ บริษัท สารภีโซลาร์เทค จำกัด', place: 'yangNoeng', tags: ['business'], org: 'firm-solar', orgRole: 'supervises', since: '2019-01-10' }),
  biz({ key: 'person-biz-weaving-shop', title: 'นาง', first: 'บัวคำ', last: 'ปัญญาคำ', gender: 'f', gen: 'elder', position: 'เจ้าของร้านผ้าฝ้ายแม่บัวคำ', moo: 8, tags: ['business', 'weaver'], org: 'shop-weaving', orgRole: 'supervises', since: '2010-10-01' }),
  biz({ key: 'person-coop-manager', title: 'นาย', first: 'สุรชัย', last: 'ไชยมงคล', gender: 'm', gen: 'adult', position: 'ผู้จัดการสหกรณ์ผู้ปลูกลำไยสารภี จำกัด', place: 'yangNoeng', tags: ['business', 'agriculture'], org: 'coop-longan', since: '2015-04-01' }),

  // ── Academia and foundations ─────────────────────────────────────────────────────────
  academic({ key: 'person-cmu-nursing', title: 'ผศ.ดร.', first: 'ศิริพร', last: 'ธรรมสิทธิ์', gender: 'f', gen: 'adult', position: 'อาจารย์คณะพยาบาลศาสตร์ มหาวิทยาลัยเชียงใหม่ (การพยาบาลผู้สูงอายุ)', place: 'suthep', tags: ['academic', 'health'], org: 'univ-cmu', since: '2010-08-16' }),
  academic({ key: 'person-cmu-water', title: 'รศ.ดร.', first: 'ปรีชา', last: 'ศรีวงศ์ษา', gender: 'm', gen: 'adult', position: 'อาจารย์ภาควิชาวิศวกรรมโยธา มหาวิทยาลัยเชียงใหม่ (การจัดการน้ำชลประทานชุมชน)', place: 'suthep', tags: ['academic', 'water'], org: 'univ-cmu', since: '2012-01-10' }),
  academic({ key: 'person-mju-agri', title: 'ดร.', first: 'พงศกร', last: 'มณีรัตน์', gender: 'm', gen: 'adult', position: 'อาจารย์คณะผลิตกรรมการเกษตร มหาวิทยาลัยแม่โจ้', place: 'nongHan', tags: ['academic', 'agriculture'], org: 'univ-mju', since: '2011-06-01' }),
  academic({ key: 'person-cmru-community', title: 'ดร.', first: 'กนกวรรณ', last: 'อินทร์หอม', gender: 'f', gen: 'adult', position: 'อาจารย์สาขาวิชาการพัฒนาชุมชน มหาวิทยาลัยราชภัฏเชียงใหม่', place: 'changPhueak', tags: ['academic', 'livelihood'], org: 'univ-cmru', since: '2015-11-01' }),
  civil({ key: 'person-fdn-elderly', title: 'นางสาว', first: 'อรอุมา', last: 'แก้วประเสริฐ', gender: 'f', gen: 'young', position: 'ผู้ประสานงานโครงการ มูลนิธิส่งเสริมผู้สูงวัยล้านนา', place: 'changPhueak', tags: ['foundation', 'elder-care'], org: 'foundation-elderly', since: '2019-04-01' }),
  civil({ key: 'person-fdn-youth', title: 'นาย', first: 'ณัฐพล', last: 'สุตาคำ', gender: 'm', gen: 'young', position: 'ผู้ประสานงานภาคเหนือ มูลนิธิเด็กและเยาวชนลุ่มน้ำปิง', place: 'yangNoeng', tags: ['foundation', 'youth-work'], org: 'foundation-youth', since: '2018-07-01' }),
  civil({ key: 'person-fdn-env', title: 'นาย', first: 'อภิสิทธิ์', last: 'กาวงศ์', gender: 'm', gen: 'young', position: 'เจ้าหน้าที่โครงการ มูลนิธิฟื้นฟูลำน้ำและต้นไม้ล้านนา', place: 'suthep', tags: ['foundation', 'environment'], org: 'foundation-env', since: '2020-01-06' }),
];
