import type { DemoParty, OrgType, Pillar, Sector } from './types';
import { addressAt, type PlaceKey } from './places';
import { CHOMPHU_VILLAGES } from './villages';
import type { Rng } from './rng';

/**
 * Organisations around Chomphu Subdistrict Municipality.
 * Real public bodies (neighbouring municipalities, district offices, universities) carry their real
 * names and locations; temples, schools, firms, groups and foundations in Chomphu are synthetic
 * but named the way such bodies are named in Saraphi.
 *
 * Pillar convention: local governments (and their own units) = local; village structures,
 * the Interior line and other state agencies working in the area = locality; everyone else
 * (civil society, temples, firms, academia) = people.
 */
export interface OrgSpec {
  key: string;
  name: string;
  nameEn: string;
  sector: Sector;
  pillar: Pillar;
  orgType: OrgType;
  place?: PlaceKey;
  moo?: number;
  line?: string;
  website?: string;
  email?: string;
  lineId?: string;
  noPhone?: boolean;
  note?: string;
}

/** The eight neighbouring local governments that share the Phaya Kham weir with Chomphu. */
// prettier-ignore
export const PHAYA_KHAM_PARTNERS = [
  'lgu-nongphueng', 'lgu-chaiyasathan', 'lgu-thawangtan', 'lgu-yangnoeng',
  'lgu-saraphi', 'lgu-khuamung', 'lgu-nongfaek', 'lgu-umong',
] as const;

const lgu = (key: string, name: string, nameEn: string, place: PlaceKey, reach: string): OrgSpec => ({
  key,
  name,
  nameEn,
  sector: 'local_government',
  pillar: 'local',
  orgType: 'local_government',
  place,
  line: `สำนักงาน${name}`,
  note: `ภาคีแผนบริหารจัดการน้ำร่วมเหมืองฝายพญาคำ รับน้ำช่วง${reach}`,
});

const agency = (key: string, name: string, nameEn: string, place: PlaceKey | undefined, note?: string, orgType: OrgType = 'government_agency'): OrgSpec => ({
  key,
  name,
  nameEn,
  sector: 'public_agency',
  pillar: 'locality',
  orgType,
  place,
  note,
});

const temple = (key: string, name: string, nameEn: string, moo: number, note?: string): OrgSpec => ({
  key,
  name,
  nameEn,
  sector: 'religious',
  pillar: 'people',
  orgType: 'temple',
  place: 'chomphu',
  moo,
  note,
});

const group = (key: string, name: string, nameEn: string, moo: number | undefined, extra: Partial<OrgSpec> = {}): OrgSpec => ({
  key,
  name,
  nameEn,
  sector: 'civil_society',
  pillar: 'people',
  orgType: 'community_group',
  place: 'chomphu',
  moo,
  ...extra,
});

const firm = (key: string, name: string, nameEn: string, moo: number | undefined, orgType: OrgType, note: string, extra: Partial<OrgSpec> = {}): OrgSpec => ({
  key,
  name,
  nameEn,
  sector: 'private',
  pillar: 'people',
  orgType,
  place: 'chomphu',
  moo,
  note,
  ...extra,
});

// prettier-ignore
export const CHOMPHU_ORGS: readonly OrgSpec[] = [
  // ── Local governments ────────────────────────────────────────────────────────────────
  {
    key: 'lgu-chomphu', name: 'เทศบาลตำบลชมภู', nameEn: 'Chomphu Subdistrict Municipality',
    sector: 'local_government', pillar: 'local', orgType: 'local_government', place: 'chomphu', moo: 1,
    line: 'สำนักงานเทศบาลตำบลชมภู',
    note: 'อปท. เจ้าของพื้นที่ ดูแลตำบลชมภูทั้งตำบล พื้นที่ประมาณ 13.3 ตารางกิโลเมตร 9 หมู่บ้าน 1 ชุมชน ประชากรประมาณ 7,300 คน ขับเคลื่อนเครือข่ายด้วยหลัก "ห่วงโซ่ ส่วนร่วม บูรณาการ อย่างยั่งยืน"',
  },
  lgu('lgu-nongphueng', 'เทศบาลตำบลหนองผึ้ง', 'Nong Phueng Subdistrict Municipality', 'nongPhueng', 'ต้นน้ำ'),
  lgu('lgu-chaiyasathan', 'เทศบาลตำบลไชยสถาน', 'Chaiya Sathan Subdistrict Municipality', 'chaiyaSathan', 'ต้นน้ำ'),
  lgu('lgu-thawangtan', 'เทศบาลตำบลท่าวังตาล', 'Tha Wang Tan Subdistrict Municipality', 'thaWangTan', 'ต้นน้ำ'),
  lgu('lgu-yangnoeng', 'เทศบาลตำบลยางเนิ้ง', 'Yang Noeng Subdistrict Municipality', 'yangNoeng', 'กลางน้ำ'),
  lgu('lgu-saraphi', 'เทศบาลตำบลสารภี', 'Saraphi Subdistrict Municipality', 'saraphi', 'กลางน้ำ'),
  lgu('lgu-khuamung', 'เทศบาลตำบลขัวมุง', 'Khua Mung Subdistrict Municipality', 'khuaMung', 'ปลายน้ำ'),
  lgu('lgu-nongfaek', 'เทศบาลตำบลหนองแฝก', 'Nong Faek Subdistrict Municipality', 'nongFaek', 'ปลายน้ำ'),
  lgu('lgu-umong', 'เทศบาลตำบลอุโมงค์', 'Umong Subdistrict Municipality', 'umong', 'ปลายน้ำ (ปลายลำเหมืองในจังหวัดลำพูน)'),
  {
    key: 'lgu-thakwang', name: 'เทศบาลตำบลท่ากว้าง', nameEn: 'Tha Kwang Subdistrict Municipality',
    sector: 'local_government', pillar: 'local', orgType: 'local_government', place: 'thaKwang', line: 'สำนักงานเทศบาลตำบลท่ากว้าง',
    note: 'ภาคีเครือข่ายความร่วมมือ อปท. อำเภอสารภี ด้านสาธารณภัยและการจัดการขยะ',
  },
  {
    key: 'pao-chiangmai', name: 'องค์การบริหารส่วนจังหวัดเชียงใหม่', nameEn: 'Chiang Mai Provincial Administrative Organization',
    sector: 'local_government', pillar: 'local', orgType: 'local_government', place: 'changPhueak',
    note: 'รับถ่ายโอนภารกิจโรงพยาบาลส่งเสริมสุขภาพตำบลในจังหวัดเชียงใหม่',
  },
  {
    key: 'childdev-centre', name: 'ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลชมภู', nameEn: 'Chomphu Municipal Child Development Centre',
    sector: 'local_government', pillar: 'local', orgType: 'school', place: 'chomphu', moo: 1,
    note: 'รับเด็กอายุ 2–3 ปีจากทุกหมู่บ้าน ครูผู้ดูแลเด็ก 3 คน',
  },
  {
    key: 'group-rescue', name: 'หน่วยกู้ชีพเทศบาลตำบลชมภู', nameEn: 'Chomphu Municipal Emergency Rescue Unit',
    sector: 'local_government', pillar: 'local', orgType: 'other', place: 'chomphu', moo: 1,
    note: 'หน่วยปฏิบัติการการแพทย์ฉุกเฉินระดับพื้นฐาน รับแจ้งเหตุผ่านสายด่วน 1669',
  },

  // ── State agencies (locality pillar) ─────────────────────────────────────────────────
  agency('district-saraphi', 'ที่ว่าการอำเภอสารภี', 'Saraphi District Office', 'yangNoeng', 'กำกับดูแลกำนัน ผู้ใหญ่บ้าน และเทศบาลในเขตอำเภอ'),
  agency('cdd-saraphi', 'สำนักงานพัฒนาชุมชนอำเภอสารภี', 'Saraphi District Community Development Office', 'yangNoeng', 'ส่งเสริมกองทุนหมู่บ้าน กลุ่มออมทรัพย์ และแผนชุมชน'),
  agency('agri-saraphi', 'สำนักงานเกษตรอำเภอสารภี', 'Saraphi District Agricultural Extension Office', 'yangNoeng'),
  agency('police-saraphi', 'สถานีตำรวจภูธรสารภี', 'Saraphi Provincial Police Station', 'yangNoeng'),
  agency('sso-saraphi', 'สำนักงานสาธารณสุขอำเภอสารภี', 'Saraphi District Public Health Office', 'yangNoeng'),
  agency('hospital-saraphi', 'โรงพยาบาลสารภี', 'Saraphi Hospital', 'yangNoeng', 'โรงพยาบาลชุมชนแม่ข่ายของ รพ.สต. ในอำเภอสารภี', 'health_center'),
  {
    ...agency('rpst-chomphu', 'โรงพยาบาลส่งเสริมสุขภาพตำบลชมภู', 'Chomphu Subdistrict Health Promoting Hospital', 'chomphu',
      'ดูแลประชาชนทั้ง 9 หมู่บ้าน 1 ชุมชน ร่วมกับ อสม. ทุกหมู่บ้าน', 'health_center'),
    moo: 4,
  },
  agency('irrigation-cm', 'โครงการชลประทานเชียงใหม่', 'Chiang Mai Irrigation Project (Royal Irrigation Department)', undefined,
    'สนับสนุนวิชาการและเครื่องจักรขุดลอกลำเหมืองพญาคำ'),
  agency('msdhs-cm', 'สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดเชียงใหม่', 'Chiang Mai Provincial Office of Social Development and Human Security', undefined),
  agency('nhso-region1', 'สำนักงานหลักประกันสุขภาพแห่งชาติ เขต 1 เชียงใหม่', 'National Health Security Office, Region 1 Chiang Mai', undefined,
    'สมทบงบประมาณกองทุนหลักประกันสุขภาพระดับท้องถิ่นและกองทุนดูแลระยะยาว'),
  agency('baac-saraphi', 'ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร สาขาสารภี', 'BAAC Saraphi Branch', 'yangNoeng', undefined, 'other'),
  {
    ...agency('nfe-chomphu', 'กศน.ตำบลชมภู', 'Chomphu Community Learning Centre (Non-formal Education)', 'chomphu',
      'ศูนย์การเรียนรู้ชุมชนสังกัดศูนย์ส่งเสริมการเรียนรู้อำเภอสารภี', 'school'),
    moo: 1,
  },
  { ...agency('school-chomphu', 'โรงเรียนบ้านชมภู', 'Ban Chomphu School', 'chomphu', 'โรงเรียนขยายโอกาส ระดับอนุบาลถึงมัธยมศึกษาปีที่ 3', 'school'), moo: 1 },
  { ...agency('school-papao', 'โรงเรียนวัดป่าเปา', 'Wat Pa Pao School', 'chomphu', 'ระดับอนุบาลถึงประถมศึกษาปีที่ 6', 'school'), moo: 2 },
  { ...agency('school-donchai', 'โรงเรียนบ้านดอนชัย', 'Ban Don Chai School', 'chomphu', 'ระดับอนุบาลถึงประถมศึกษาปีที่ 6', 'school'), moo: 6 },

  // ── Temples ──────────────────────────────────────────────────────────────────────────
  temple('temple-chomphu', 'วัดชมภู', 'Wat Chomphu', 1, 'เจ้าอาวาสเป็นเจ้าคณะตำบลชมภู ศูนย์กลางงานประเพณีของตำบลและที่เรียนของโรงเรียนผู้สูงอายุ'),
  temple('temple-papao', 'วัดป่าเปา', 'Wat Pa Pao', 2, 'วัดส่งเสริมสุขภาพต้นแบบของอำเภอสารภี'),
  temple('temple-sanpasak', 'วัดสันป่าสัก', 'Wat San Pa Sak', 3),
  temple('temple-huafai', 'วัดหัวฝาย', 'Wat Hua Fai', 5, 'ที่ประกอบพิธีเลี้ยงผีฝายก่อนเปิดน้ำเข้าลำเหมืองทุกปี'),
  temple('temple-donchai', 'วัดดอนชัย', 'Wat Don Chai', 6),
  temple('temple-sanklang', 'วัดสันกลาง', 'Wat San Klang', 8),
  temple('temple-sibunrueang', 'วัดศรีบุญเรือง', 'Wat Si Bun Rueang', 9),

  // ── Universities ─────────────────────────────────────────────────────────────────────
  { key: 'univ-cmu', name: 'มหาวิทยาลัยเชียงใหม่', nameEn: 'Chiang Mai University', sector: 'academic', pillar: 'people', orgType: 'university', place: 'suthep', website: 'https://www.cmu.ac.th', note: 'คณะพยาบาลศาสตร์และคณะวิศวกรรมศาสตร์ร่วมงานวิชาการด้านผู้สูงอายุและการจัดการน้ำ' },
  { key: 'univ-mju', name: 'มหาวิทยาลัยแม่โจ้', nameEn: 'Maejo University', sector: 'academic', pillar: 'people', orgType: 'university', place: 'nongHan', website: 'https://www.mju.ac.th', note: 'ที่ปรึกษาด้านการผลิตลำไยคุณภาพและเกษตรอินทรีย์' },
  { key: 'univ-cmru', name: 'มหาวิทยาลัยราชภัฏเชียงใหม่', nameEn: 'Chiang Mai Rajabhat University', sector: 'academic', pillar: 'people', orgType: 'university', place: 'changPhueak', website: 'https://www.cmru.ac.th', note: 'บริการวิชาการด้านพัฒนาชุมชน ผลิตภัณฑ์ชุมชน และการท่องเที่ยววิถีชุมชน' },

  // ── Private sector ───────────────────────────────────────────────────────────────────
  firm('firm-longan-dry', 'บริษัท ลำไยทองชมภู จำกัด', 'Lamyai Thong Chomphu Co., Ltd.', 3, 'company', 'รับซื้อและอบลำไยทั้งเปลือกเพื่อส่งออก ฤดูกาลละประมาณ 1,200 ตัน', { email: 'office@lamyaithong.example.com' }),
  firm('firm-dry2', 'ห้างหุ้นส่วนจำกัด ป่าเปาลำไยอบแห้ง', 'Pa Pao Dried Longan Ltd. Part.', 2, 'company', 'โรงอบลำไยเนื้อสีทองขนาดกลาง จ้างแรงงานในชุมชนช่วงฤดูเก็บเกี่ยว'),
  firm('firm-packing', 'บริษัท ล้านนาฟรุ๊ตแพ็ค จำกัด', 'Lanna Fruit Pack Co., Ltd.', 9, 'company', 'โรงคัดบรรจุลำไยสดและผลไม้ส่งออก', { email: 'contact@lannafruitpack.example.com' }),
  firm('firm-ricemill', 'โรงสีข้าวเจริญผล', 'Charoen Phon Rice Mill', 7, 'company', 'โรงสีข้าวขนาดเล็กรับสีข้าวให้เกษตรกรในตำบลและรับซื้อข้าวเปลือก'),
  firm('firm-construction', 'ห้างหุ้นส่วนจำกัด ชมภูการโยธา', 'Chomphu Civil Works Ltd. Part.', 6, 'company', 'รับเหมาก่อสร้างถนน รางระบายน้ำ และงานซ่อมฝาย'),
  { ...firm('firm-solar', 'บริษัท สารภีโซลาร์เทค จำกัด', 'Saraphi Solartech Co., Ltd.', undefined, 'company', 'ติดตั้งระบบโซลาร์เซลล์และตู้อบพลังงานแสงอาทิตย์', { email: 'sales@saraphisolar.example.com' }), place: 'yangNoeng' },
  firm('shop-hardware', 'ร้านเจริญชัยวัสดุก่อสร้าง', 'Charoen Chai Building Supplies', 1, 'shop', 'ร้านวัสดุก่อสร้างประจำตำบล'),
  firm('shop-coffee', 'ร้านกาแฟข่วงบ้านสวน', 'Khuang Ban Suan Coffee', 5, 'shop', 'ร้านกาแฟในสวนลำไยริมลำเหมือง จุดแวะพักของเส้นทางท่องเที่ยวชุมชน', { lineId: '@khuangbansuan' }),
  firm('shop-pharmacy', 'ร้านยาชมภูเภสัช', 'Chomphu Pharmacy', 1, 'shop', 'ร้านยาคุณภาพ ร่วมคัดกรองความดันโลหิตและให้ความรู้เรื่องการใช้ยา'),
  firm('shop-weaving', 'ร้านผ้าฝ้ายแม่บัวคำ', 'Mae Bua Kham Handwoven Cotton', 8, 'shop', 'จำหน่ายผ้าฝ้ายทอมือและผลิตภัณฑ์ของกลุ่มทอผ้าบ้านสันกลาง'),
  { ...firm('coop-longan', 'สหกรณ์ผู้ปลูกลำไยสารภี จำกัด', 'Saraphi Longan Growers Cooperative Ltd.', undefined, 'cooperative', 'รวบรวมผลผลิตลำไยของสมาชิกและจัดหาปัจจัยการผลิต'), place: 'yangNoeng' },

  // ── Civil society: groups, clubs, councils, funds ────────────────────────────────────
  group('group-weir-users', 'กลุ่มผู้ใช้น้ำเหมืองฝายพญาคำ', "Phaya Kham Weir Water Users' Group", 5, {
    pillar: 'locality', line: 'ที่ทำการกลุ่มผู้ใช้น้ำ ข้างวัดหัวฝาย',
    note: 'องค์กรเหมืองฝายดั้งเดิม มีแก่ฝาย แก่เหมือง และลูกฝายจากทุกตำบลตลอดแนวลำเหมือง ถือสัญญาเหมืองฝายและรอบเวรปันน้ำร่วมกัน',
  }),
  group('group-osm-club', 'ชมรมอาสาสมัครสาธารณสุขประจำหมู่บ้านตำบลชมภู', 'Chomphu Village Health Volunteers Club', 4),
  group('group-elderly-club', 'ชมรมผู้สูงอายุตำบลชมภู', "Chomphu Senior Citizens' Club", 1, { note: 'สมาชิกประมาณ 640 คน ประชุมและตรวจสุขภาพทุกวันที่ 13 ของเดือน' }),
  group('group-elderly-school', 'โรงเรียนผู้สูงอายุตำบลชมภู', 'Chomphu Elderly School', 1, { orgType: 'school', line: 'ศาลาการเปรียญวัดชมภู', note: 'เรียนทุกวันพฤหัสบดี หลักสูตรปีละ 96 ชั่วโมง' }),
  group('group-waste-bank', 'ธนาคารขยะชุมชนตำบลชมภู', 'Chomphu Community Waste Bank', 3, { lineId: '@chomphuwastebank', note: 'เปิดรับซื้อขยะรีไซเคิลทุกวันเสาร์ที่สองของเดือน' }),
  group('group-youth-council', 'สภาเด็กและเยาวชนตำบลชมภู', 'Chomphu Children and Youth Council', 1),
  group('group-culture-council', 'สภาวัฒนธรรมตำบลชมภู', 'Chomphu Subdistrict Cultural Council', 1),
  group('group-women', 'คณะกรรมการพัฒนาสตรีตำบลชมภู', "Chomphu Women's Development Committee", 1),
  group('group-housewives-papao', 'กลุ่มแม่บ้านเกษตรกรบ้านป่าเปา', "Ban Pa Pao Farm Housewives' Group", 2, { note: 'ผลิตน้ำพริกลาบและลำไยกวน' }),
  group('group-weaving', 'กลุ่มทอผ้าฝ้ายบ้านสันกลาง', 'Ban San Klang Cotton Weaving Group', 8, { note: 'ทอผ้าฝ้ายย้อมสีธรรมชาติด้วยกี่พื้นเมือง 14 หลัง' }),
  group('group-crafts', 'กลุ่มจักสานไม้ไผ่บ้านดอนชัย', 'Ban Don Chai Bamboo Basketry Group', 6),
  group('group-longan-processing', 'วิสาหกิจชุมชนกลุ่มแปรรูปลำไยบ้านชมภู', 'Ban Chomphu Longan Processing Community Enterprise', 1, { note: 'ผลิตลำไยอบแห้งเนื้อสีทองและชาลำไยภายใต้ตราสินค้าของกลุ่ม' }),
  group('group-organic', 'วิสาหกิจชุมชนเกษตรอินทรีย์บ้านหนองเขียว', 'Ban Nong Khiao Organic Farming Community Enterprise', 4, { note: 'แปลงผักอินทรีย์รวม 18 ไร่ ส่งผักให้ศูนย์พัฒนาเด็กเล็กและโรงเรียนในตำบล' }),
  group('group-herbal', 'กลุ่มสมุนไพรพื้นบ้านบ้านหัวฝาย', 'Ban Hua Fai Folk Herbal Group', 5),
  group('group-opor', 'อาสาสมัครป้องกันภัยฝ่ายพลเรือน (อปพร.) เทศบาลตำบลชมภู', 'Chomphu Civil Defence Volunteers', 1, { pillar: 'local' }),
  group('group-disability', 'ชมรมคนพิการตำบลชมภู', 'Chomphu Persons with Disabilities Club', 1),
  group('group-savings', 'กลุ่มออมทรัพย์เพื่อการผลิตบ้านศรีบุญเรือง', 'Ban Si Bun Rueang Savings Group for Production', 9),
  group('group-welfare', 'กองทุนสวัสดิการชุมชนตำบลชมภู', 'Chomphu Community Welfare Fund', 1, { note: 'สมาชิกออมวันละบาท จัดสวัสดิการตั้งแต่เกิดจนตาย' }),
  group('group-ccd', 'ศูนย์พัฒนาครอบครัวในชุมชนตำบลชมภู (ศพค.)', 'Chomphu Community Family Development Centre', 1),
  group('group-chor-ror-bor', 'ชุดรักษาความปลอดภัยหมู่บ้าน (ชรบ.) ตำบลชมภู', 'Chomphu Village Security Volunteers', undefined, { pillar: 'locality' }),
  group('group-tourism', 'กลุ่มท่องเที่ยววิถีชุมชนลำเหมืองพญาคำ', 'Phaya Kham Canal Community Tourism Group', 5),
  group('group-music', 'ชมรมดนตรีพื้นเมืองและช่างฟ้อนตำบลชมภู', 'Chomphu Folk Music and Dance Club', 7, { note: 'วงสะล้อ ซอ ซึง และช่างฟ้อนเล็บ ร่วมงานประเพณีของทุกวัดในตำบล' }),
  group('group-green', 'ชมรมอนุรักษ์ต้นยางนาและพื้นที่สีเขียวตำบลชมภู', 'Chomphu Yang Tree and Green Space Club', undefined),
  group('group-longan-dryers', 'ชมรมผู้ประกอบการลำไยอบแห้งตำบลชมภู', "Chomphu Dried Longan Producers' Club", 3),
  group('group-to-be-number-one', 'ชมรม TO BE NUMBER ONE ตำบลชมภู', 'Chomphu TO BE NUMBER ONE Club', 1),
  group('group-rice', 'ศูนย์ข้าวชุมชนตำบลชมภู', 'Chomphu Community Rice Centre', 7),
  group('group-caregivers', 'ชมรมผู้ดูแลผู้สูงอายุตำบลชมภู', "Chomphu Caregivers' Club", 4),
  group('group-market', 'คณะกรรมการกาดชุมชนชมภู', 'Chomphu Community Market Committee', 1, { note: 'กาดชุมชนเปิดทุกเย็นวันศุกร์ที่ลานหน้าสำนักงานเทศบาล' }),

  // ── Foundations ──────────────────────────────────────────────────────────────────────
  { key: 'foundation-elderly', name: 'มูลนิธิส่งเสริมผู้สูงวัยล้านนา', nameEn: 'Lanna Active Ageing Foundation', sector: 'civil_society', pillar: 'people', orgType: 'foundation', place: 'changPhueak', email: 'info@lanna-ageing.example.org', note: 'อบรมอาสาสมัครดูแลผู้สูงอายุที่บ้านและสนับสนุนกายอุปกรณ์' },
  { key: 'foundation-youth', name: 'มูลนิธิเด็กและเยาวชนลุ่มน้ำปิง', nameEn: 'Ping River Children and Youth Foundation', sector: 'civil_society', pillar: 'people', orgType: 'foundation', place: 'yangNoeng', email: 'hello@pingyouth.example.org' },
  { key: 'foundation-env', name: 'มูลนิธิฟื้นฟูลำน้ำและต้นไม้ล้านนา', nameEn: 'Lanna Rivers and Trees Foundation', sector: 'civil_society', pillar: 'people', orgType: 'foundation', place: 'suthep', email: 'contact@lannarivers.example.org' },
];

/** Village funds: one per village and one urban-community fund (กองทุนหมู่บ้านและชุมชนเมือง). */
export const VILLAGE_FUNDS: readonly OrgSpec[] = CHOMPHU_VILLAGES.map((v) => ({
  key: v.moo > 0 ? `fund-village-${v.moo}` : 'fund-community-1',
  name: v.moo > 0 ? `กองทุนหมู่บ้าน${v.name} หมู่ ${v.moo}` : `กองทุนชุมชนเมือง${v.name}`,
  nameEn: v.moo > 0 ? `${v.nameEn} Village Fund` : `${v.nameEn} Urban Community Fund`,
  sector: 'civil_society' as const,
  pillar: 'locality' as const,
  orgType: 'community_group' as const,
  place: 'chomphu' as const,
  moo: v.moo > 0 ? v.moo : 8,
  noPhone: true,
}));

export function landline(rng: Rng): string {
  return `053-0${rng.int(10, 99)}-${rng.int(100, 999)}`;
}

export function orgParty(spec: OrgSpec, rng: Rng): DemoParty {
  const p: DemoParty = {
    key: spec.key,
    kind: 'organization',
    name: spec.name,
    nameEn: spec.nameEn,
    sector: spec.sector,
    pillar: spec.pillar,
    orgType: spec.orgType,
  };
  if (spec.place) p.address = addressAt(spec.place, { moo: spec.moo, line: spec.line });
  if (!spec.noPhone) p.phone = landline(rng);
  if (spec.email) p.email = spec.email;
  if (spec.lineId) p.lineId = spec.lineId;
  if (spec.website) p.website = spec.website;
  if (spec.note) p.note = spec.note;
  return p;
}

export function buildOrganisations(rng: Rng): DemoParty[] {
  return [...CHOMPHU_ORGS, ...VILLAGE_FUNDS].map((o) => orgParty(o, rng));
}
