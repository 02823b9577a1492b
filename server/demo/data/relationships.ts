import type { DemoRelationship } from './types';
import { Rng } from './rng';
import { AS_OF, EARLIEST, addDays, dateBetween, maxDate, minDate } from './dates';
import type { PersonInfo } from './people';
import { PHAYA_KHAM_PARTNERS } from './organisations';
import { VILLAGE_MOOS } from './villages';

/**
 * Typed, dated relationships between Chomphu's parties: the administrative lines (district →
 * villages, municipality → its units), the Phaya Kham water agreement, temple–school ties,
 * private funding of community groups, and each person's tie to the body they belong to or lead.
 */
// prettier-ignore
const ORG_RELATIONSHIPS: readonly DemoRelationship[] = [
  // Administrative supervision
  { fromKey: 'district-saraphi', toKey: 'lgu-chomphu', type: 'supervises', startDate: '2005-01-01', note: 'นายอำเภอกำกับดูแลเทศบาลตำบลตามพระราชบัญญัติเทศบาล' },
  ...VILLAGE_MOOS.map((m): DemoRelationship => ({ fromKey: 'district-saraphi', toKey: `village-${m}`, type: 'supervises', startDate: '2005-01-01', note: 'การปกครองท้องที่ (กำนัน ผู้ใหญ่บ้าน)' })),
  { fromKey: 'lgu-chomphu', toKey: 'community-1', type: 'supervises', startDate: '2013-04-01', note: 'จัดตั้งชุมชนตามระเบียบกระทรวงมหาดไทยว่าด้วยคณะกรรมการชุมชน' },
  { fromKey: 'lgu-chomphu', toKey: 'childdev-centre', type: 'supervises', startDate: '2005-10-01', note: 'รับถ่ายโอนศูนย์พัฒนาเด็กเล็กจากกรมการพัฒนาชุมชน' },
  { fromKey: 'lgu-chomphu', toKey: 'group-opor', type: 'supervises', startDate: '2006-02-01', note: 'ศูนย์ อปพร. เทศบาลตำบลชมภู' },
  { fromKey: 'lgu-chomphu', toKey: 'group-rescue', type: 'supervises', startDate: '2012-09-01', note: 'หน่วยปฏิบัติการการแพทย์ฉุกเฉินของเทศบาล' },
  { fromKey: 'lgu-chomphu', toKey: 'group-elderly-school', type: 'funds', startDate: '2013-05-20', note: 'งบประมาณโครงการโรงเรียนผู้สูงอายุตามแผนพัฒนาท้องถิ่น' },
  { fromKey: 'lgu-chomphu', toKey: 'group-elderly-club', type: 'funds', startDate: '2006-10-01', note: 'เงินอุดหนุนกิจกรรมชมรมผู้สูงอายุ' },
  { fromKey: 'lgu-chomphu', toKey: 'group-osm-club', type: 'funds', startDate: '2008-10-01', note: 'งบสนับสนุนงานสาธารณสุขมูลฐานหมู่บ้านละ 20,000 บาท' },
  { fromKey: 'lgu-chomphu', toKey: 'group-youth-council', type: 'funds', startDate: '2011-10-01', note: 'งบกิจกรรมสภาเด็กและเยาวชน' },
  { fromKey: 'lgu-chomphu', toKey: 'group-welfare', type: 'funds', startDate: '2010-10-01', note: 'สมทบกองทุนสวัสดิการชุมชนตามหลักเกณฑ์' },
  { fromKey: 'sso-saraphi', toKey: 'rpst-chomphu', type: 'supervises', startDate: '2005-01-01', endDate: '2022-09-30', note: 'สังกัดกระทรวงสาธารณสุขก่อนการถ่ายโอน' },
  { fromKey: 'pao-chiangmai', toKey: 'rpst-chomphu', type: 'supervises', startDate: '2022-10-01', note: 'ถ่ายโอนภารกิจ รพ.สต. ให้องค์การบริหารส่วนจังหวัด' },
  { fromKey: 'hospital-saraphi', toKey: 'rpst-chomphu', type: 'collaborates_with', startDate: '2005-01-01', note: 'โรงพยาบาลแม่ข่าย ระบบส่งต่อผู้ป่วย' },
  { fromKey: 'nhso-region1', toKey: 'lgu-chomphu', type: 'funds', startDate: '2008-10-01', note: 'สมทบกองทุนหลักประกันสุขภาพระดับท้องถิ่น' },
  { fromKey: 'nhso-region1', toKey: 'lgu-chomphu', type: 'funds', startDate: '2016-10-01', note: 'งบกองทุนดูแลระยะยาวสำหรับผู้สูงอายุที่มีภาวะพึ่งพิง' },
  { fromKey: 'cdd-saraphi', toKey: 'group-savings', type: 'supervises', startDate: '2006-02-01', note: 'ส่งเสริมและกำกับกลุ่มออมทรัพย์เพื่อการผลิต' },

  // Phaya Kham weir and local-government cooperation
  ...PHAYA_KHAM_PARTNERS.map((k): DemoRelationship => ({ fromKey: 'lgu-chomphu', toKey: k, type: 'collaborates_with', startDate: '2010-11-08', note: 'บันทึกข้อตกลงแผนบริหารจัดการน้ำร่วมเหมืองฝายพญาคำ' })),
  ...PHAYA_KHAM_PARTNERS.map((k): DemoRelationship => ({ fromKey: k, toKey: 'group-weir-users', type: 'funds', startDate: '2011-10-01', note: 'สมทบกองทุนซ่อมบำรุงฝายตามสัดส่วนพื้นที่รับน้ำ' })),
  { fromKey: 'lgu-chomphu', toKey: 'group-weir-users', type: 'funds', startDate: '2011-10-01', note: 'สมทบกองทุนซ่อมบำรุงฝายตามสัดส่วนพื้นที่รับน้ำ' },
  { fromKey: 'lgu-chomphu', toKey: 'lgu-thakwang', type: 'collaborates_with', startDate: '2010-09-01', note: 'เครือข่ายความร่วมมือ อปท. อำเภอสารภี' },
  { fromKey: 'irrigation-cm', toKey: 'group-weir-users', type: 'collaborates_with', startDate: '2007-03-20', note: 'สนับสนุนเครื่องจักรขุดลอกและข้อมูลปริมาณน้ำ' },

  // Academia
  { fromKey: 'univ-cmu', toKey: 'lgu-chomphu', type: 'collaborates_with', startDate: '2010-08-16', note: 'บันทึกข้อตกลงความร่วมมือทางวิชาการด้านผู้สูงอายุและการจัดการน้ำ' },
  { fromKey: 'univ-mju', toKey: 'group-organic', type: 'collaborates_with', startDate: '2017-06-01', note: 'ที่ปรึกษาระบบรับรองเกษตรอินทรีย์แบบมีส่วนร่วม' },
  { fromKey: 'univ-cmru', toKey: 'lgu-chomphu', type: 'collaborates_with', startDate: '2015-11-01', note: 'พื้นที่บริการวิชาการด้านพัฒนาชุมชนและผลิตภัณฑ์ชุมชน' },

  // Temples and schools
  { fromKey: 'school-chomphu', toKey: 'temple-chomphu', type: 'collaborates_with', startDate: '2007-11-01', note: 'เครือข่าย บวร: สอนธรรมะและอักษรธรรมล้านนา' },
  { fromKey: 'school-papao', toKey: 'temple-papao', type: 'collaborates_with', startDate: '2007-11-01', note: 'โรงเรียนตั้งอยู่ในที่ดินของวัด' },
  { fromKey: 'school-donchai', toKey: 'temple-donchai', type: 'collaborates_with', startDate: '2007-11-01', note: 'ค่ายคุณธรรมประจำปี' },
  { fromKey: 'nfe-chomphu', toKey: 'temple-sanklang', type: 'collaborates_with', startDate: '2012-05-01', note: 'ใช้ศาลาวัดเป็นที่พบกลุ่มนักศึกษา กศน.' },
  { fromKey: 'group-elderly-school', toKey: 'temple-chomphu', type: 'collaborates_with', startDate: '2013-05-20', note: 'ใช้ศาลาการเปรียญวัดชมภูเป็นห้องเรียน' },

  // Private sector funding community groups
  { fromKey: 'firm-longan-dry', toKey: 'group-longan-processing', type: 'funds', startDate: '2016-07-01', note: 'รับซื้อผลผลิตและสนับสนุนบรรจุภัณฑ์' },
  { fromKey: 'firm-longan-dry', toKey: 'group-elderly-club', type: 'funds', startDate: '2018-04-13', note: 'สนับสนุนงานวันผู้สูงอายุประจำปี' },
  { fromKey: 'firm-packing', toKey: 'group-waste-bank', type: 'funds', startDate: '2015-03-01', note: 'รับซื้อลังและพลาสติกรีไซเคิลในราคาพิเศษ' },
  { fromKey: 'firm-construction', toKey: 'group-youth-council', type: 'funds', startDate: '2016-01-09', note: 'สนับสนุนอุปกรณ์กีฬาและงานวันเด็ก' },
  { fromKey: 'firm-construction', toKey: 'group-weir-users', type: 'funds', startDate: '2014-02-01', note: 'ให้ยืมรถแบ็คโฮช่วงลงแขกซ่อมฝายโดยไม่คิดค่าใช้จ่าย' },
  { fromKey: 'firm-solar', toKey: 'group-longan-processing', type: 'funds', startDate: '2023-06-01', note: 'ติดตั้งตู้อบลำไยพลังงานแสงอาทิตย์ต้นแบบ' },
  { fromKey: 'firm-ricemill', toKey: 'group-rice', type: 'funds', startDate: '2018-06-01', note: 'สีข้าวให้ศูนย์ข้าวชุมชนในราคาต้นทุน' },
  { fromKey: 'shop-hardware', toKey: 'group-opor', type: 'funds', startDate: '2012-12-01', note: 'บริจาคเสื้อสะท้อนแสงและกรวยจราจร' },
  { fromKey: 'shop-pharmacy', toKey: 'group-osm-club', type: 'collaborates_with', startDate: '2019-01-15', note: 'ร่วมคัดกรองความดันโลหิตและให้ความรู้เรื่องยา' },
  { fromKey: 'baac-saraphi', toKey: 'group-savings', type: 'funds', startDate: '2009-05-01', note: 'สินเชื่อกลุ่มและอบรมบัญชีครัวเรือน' },
  { fromKey: 'coop-longan', toKey: 'group-longan-dryers', type: 'collaborates_with', startDate: '2013-08-15' },

  // Civil society
  { fromKey: 'foundation-elderly', toKey: 'group-elderly-club', type: 'funds', startDate: '2019-04-01', note: 'มอบกายอุปกรณ์และทุนอบรมอาสาสมัคร' },
  { fromKey: 'foundation-youth', toKey: 'group-youth-council', type: 'collaborates_with', startDate: '2018-07-01', note: 'ค่ายพัฒนาศักยภาพแกนนำเยาวชน' },
  { fromKey: 'foundation-env', toKey: 'group-green', type: 'funds', startDate: '2020-01-06', note: 'กล้าไม้ยางนาและป้ายทะเบียนต้นไม้ใหญ่' },
  { fromKey: 'group-welfare', toKey: 'group-savings', type: 'collaborates_with', startDate: '2009-01-15' },
  { fromKey: 'group-waste-bank', toKey: 'group-welfare', type: 'funds', startDate: '2016-01-01', note: 'โอนกำไรธนาคารขยะเข้ากองทุนสวัสดิการชุมชน' },
  ...VILLAGE_MOOS.map((m): DemoRelationship => ({ fromKey: `fund-village-${m}`, toKey: `village-${m}`, type: 'member_of', startDate: '2005-01-01', note: 'กองทุนหมู่บ้านของหมู่บ้าน' })),
  { fromKey: 'fund-community-1', toKey: 'community-1', type: 'member_of', startDate: '2013-04-01', note: 'กองทุนชุมชนเมืองของชุมชน' },
];

export function buildRelationships(people: readonly PersonInfo[]): DemoRelationship[] {
  const rng = Rng.stream('relationships');
  const out: DemoRelationship[] = ORG_RELATIONSHIPS.map((r) => ({ ...r }));

  // Each person's tie to the body they belong to or lead.
  for (const p of people) {
    if (!p.org) continue;
    const start = p.since ?? dateBetween(rng, '2008-01-01', addDays(AS_OF, -90));
    const rel: DemoRelationship = {
      fromKey: p.key,
      toKey: p.org,
      type: p.orgRole,
      startDate: maxDate(EARLIEST, minDate(start, AS_OF)),
      note: p.position,
    };
    out.push(rel);
  }

  // The kamnan heads all headmen; the abbot of Wat Chomphu is the tambon's ecclesiastical head.
  for (const m of VILLAGE_MOOS) {
    if (m === 5) continue;
    out.push({ fromKey: 'person-kamnan', toKey: `person-headman-${m}`, type: 'supervises', startDate: '2014-08-20', note: 'กำนันกำกับดูแลผู้ใหญ่บ้านในตำบล' });
  }
  for (const t of ['temple-papao', 'temple-sanpasak', 'temple-huafai', 'temple-donchai', 'temple-sanklang', 'temple-sibunrueang']) {
    out.push({ fromKey: 'person-abbot-chomphu', toKey: t, type: 'supervises', startDate: '2011-03-01', note: 'เจ้าคณะตำบลชมภู' });
  }
  // Former headman of หมู่ 7, before the current one was elected.
  out.push({
    fromKey: 'person-council-chair',
    toKey: 'village-7',
    type: 'supervises',
    startDate: '2005-01-01',
    endDate: '2019-12-31',
    note: 'อดีตผู้ใหญ่บ้าน หมู่ 7 ก่อนลงสมัครสมาชิกสภาเทศบาล',
  });
  out.push({
    fromKey: 'person-kae-fai',
    toKey: 'person-kamnan',
    type: 'other',
    startDate: '2014-08-20',
    note: 'ไกล่เกลี่ยข้อพิพาทเรื่องน้ำร่วมกันตามกฎระเบียบการบริหารน้ำ',
  });
  return out;
}
