import type { DemoNetwork, DemoParty, DemoRelationship, DemoTenant } from './types';
import { Rng } from './rng';
import { NameGenerator, type Gender, type Generation } from './names';
import { PhoneBook } from './people';
import { addressAt } from './places';
import { landline } from './organisations';
import { makeCitizenId } from './citizen-id';

/**
 * A second, small tenant: Tha Kwang Subdistrict Municipality (Saraphi). It exists so that tests
 * can prove tenant isolation. Party keys deliberately reuse Chomphu's key patterns
 * ('village-1', 'person-mayor'…) so that a leak across tenants shows up.
 */
const VILLAGES = [
  { moo: 1, name: 'บ้านท่ากว้าง', nameEn: 'Ban Tha Kwang' },
  { moo: 2, name: 'บ้านป่าสักงาม', nameEn: 'Ban Pa Sak Ngam' },
  { moo: 3, name: 'บ้านริมปิง', nameEn: 'Ban Rim Ping' },
  { moo: 4, name: 'บ้านสันทรายมูล', nameEn: 'Ban San Sai Mun' },
] as const;

interface TkPerson {
  key: string;
  gender: Gender;
  gen: Generation;
  position: string;
  moo: number;
  sector: DemoParty['sector'];
  pillar: DemoParty['pillar'];
}

const PEOPLE: readonly TkPerson[] = [
  { key: 'person-mayor', gender: 'm', gen: 'adult', position: 'นายกเทศมนตรีตำบลท่ากว้าง', moo: 1, sector: 'local_government', pillar: 'local' },
  { key: 'person-clerk', gender: 'f', gen: 'adult', position: 'ปลัดเทศบาลตำบลท่ากว้าง', moo: 2, sector: 'local_government', pillar: 'local' },
  {
    key: 'person-community-dev',
    gender: 'f',
    gen: 'young',
    position: 'นักพัฒนาชุมชนปฏิบัติการ เทศบาลตำบลท่ากว้าง',
    moo: 3,
    sector: 'local_government',
    pillar: 'local',
  },
  { key: 'person-kamnan', gender: 'm', gen: 'adult', position: 'กำนันตำบลท่ากว้าง (ผู้ใหญ่บ้าน หมู่ 3 บ้านริมปิง)', moo: 3, sector: 'locality', pillar: 'locality' },
  { key: 'person-headman-1', gender: 'm', gen: 'adult', position: 'ผู้ใหญ่บ้าน หมู่ 1 บ้านท่ากว้าง', moo: 1, sector: 'locality', pillar: 'locality' },
  { key: 'person-headman-2', gender: 'f', gen: 'adult', position: 'ผู้ใหญ่บ้าน หมู่ 2 บ้านป่าสักงาม', moo: 2, sector: 'locality', pillar: 'locality' },
  { key: 'person-headman-4', gender: 'm', gen: 'adult', position: 'ผู้ใหญ่บ้าน หมู่ 4 บ้านสันทรายมูล', moo: 4, sector: 'locality', pillar: 'locality' },
  {
    key: 'person-rpst-director',
    gender: 'f',
    gen: 'adult',
    position: 'ผู้อำนวยการโรงพยาบาลส่งเสริมสุขภาพตำบลท่ากว้าง',
    moo: 1,
    sector: 'public_agency',
    pillar: 'locality',
  },
  { key: 'person-osm-chair', gender: 'f', gen: 'elder', position: 'ประธานชมรม อสม. ตำบลท่ากว้าง', moo: 2, sector: 'civil_society', pillar: 'people' },
  { key: 'person-0001', gender: 'f', gen: 'adult', position: 'อสม. หมู่ 1', moo: 1, sector: 'civil_society', pillar: 'people' },
  { key: 'person-0002', gender: 'f', gen: 'adult', position: 'อสม. หมู่ 3', moo: 3, sector: 'civil_society', pillar: 'people' },
  { key: 'person-0003', gender: 'm', gen: 'adult', position: 'อสม. หมู่ 4', moo: 4, sector: 'civil_society', pillar: 'people' },
  { key: 'person-elderly-club-chair', gender: 'm', gen: 'elder', position: 'ประธานชมรมผู้สูงอายุตำบลท่ากว้าง', moo: 1, sector: 'civil_society', pillar: 'people' },
  { key: 'person-0004', gender: 'f', gen: 'elder', position: 'สมาชิกชมรมผู้สูงอายุ หมู่ 2', moo: 2, sector: 'civil_society', pillar: 'people' },
  { key: 'person-0005', gender: 'm', gen: 'elder', position: 'แก่เหมือง หมู่ 3 (ลำเหมืองริมปิง)', moo: 3, sector: 'civil_society', pillar: 'locality' },
  { key: 'person-0006', gender: 'm', gen: 'adult', position: 'ลูกเหมือง หมู่ 3', moo: 3, sector: 'civil_society', pillar: 'locality' },
  { key: 'person-0007', gender: 'f', gen: 'adult', position: 'ประธานธนาคารขยะตำบลท่ากว้าง', moo: 4, sector: 'civil_society', pillar: 'people' },
];

export function buildThaKwang(takenNames: Iterable<string>): DemoTenant {
  const rng = Rng.stream('tenant:thakwang');
  const names = new NameGenerator(rng, takenNames);
  const phones = new PhoneBook(rng);
  const at = (moo?: number, line?: string) => addressAt('thaKwang', { moo, line });

  const orgs: DemoParty[] = [
    {
      key: 'lgu-thakwang',
      kind: 'organization',
      name: 'เทศบาลตำบลท่ากว้าง',
      nameEn: 'Tha Kwang Subdistrict Municipality',
      sector: 'local_government',
      pillar: 'local',
      orgType: 'local_government',
      address: at(1, 'สำนักงานเทศบาลตำบลท่ากว้าง'),
      phone: landline(rng),
    },
    ...VILLAGES.map((v): DemoParty => ({
      key: `village-${v.moo}`,
      kind: 'organization',
      name: `${v.name} หมู่ ${v.moo}`,
      nameEn: `${v.nameEn} (Moo ${v.moo})`,
      sector: 'locality',
      pillar: 'locality',
      orgType: 'village',
      address: at(v.moo),
    })),
    {
      key: 'temple-thakwang',
      kind: 'organization',
      name: 'วัดท่ากว้าง',
      nameEn: 'Wat Tha Kwang',
      sector: 'religious',
      pillar: 'people',
      orgType: 'temple',
      address: at(1),
    },
    {
      key: 'school-thakwang',
      kind: 'organization',
      name: 'โรงเรียนบ้านท่ากว้าง',
      nameEn: 'Ban Tha Kwang School',
      sector: 'public_agency',
      pillar: 'locality',
      orgType: 'school',
      address: at(1),
      phone: landline(rng),
    },
    {
      key: 'rpst-thakwang',
      kind: 'organization',
      name: 'โรงพยาบาลส่งเสริมสุขภาพตำบลท่ากว้าง',
      nameEn: 'Tha Kwang Subdistrict Health Promoting Hospital',
      sector: 'public_agency',
      pillar: 'locality',
      orgType: 'health_center',
      address: at(2),
      phone: landline(rng),
    },
    {
      key: 'group-osm-club',
      kind: 'organization',
      name: 'ชมรมอาสาสมัครสาธารณสุขประจำหมู่บ้านตำบลท่ากว้าง',
      nameEn: 'Tha Kwang Village Health Volunteers Club',
      sector: 'civil_society',
      pillar: 'people',
      orgType: 'community_group',
      address: at(2),
    },
    {
      key: 'group-elderly-club',
      kind: 'organization',
      name: 'ชมรมผู้สูงอายุตำบลท่ากว้าง',
      nameEn: "Tha Kwang Senior Citizens' Club",
      sector: 'civil_society',
      pillar: 'people',
      orgType: 'community_group',
      address: at(1),
    },
    {
      key: 'group-waste-bank',
      kind: 'organization',
      name: 'ธนาคารขยะตำบลท่ากว้าง',
      nameEn: 'Tha Kwang Waste Bank',
      sector: 'civil_society',
      pillar: 'people',
      orgType: 'community_group',
      address: at(4),
    },
    {
      key: 'lgu-chomphu',
      kind: 'organization',
      name: 'เทศบาลตำบลชมภู',
      nameEn: 'Chomphu Subdistrict Municipality',
      sector: 'local_government',
      pillar: 'local',
      orgType: 'local_government',
      address: addressAt('chomphu', { moo: 1, line: 'สำนักงานเทศบาลตำบลชมภู' }),
      note: 'ภาคีเครือข่ายความร่วมมือ อปท. อำเภอสารภี',
    },
  ];

  const people: DemoParty[] = PEOPLE.map((p, i) => {
    const n = names.next(p.gender, p.gen);
    const party: DemoParty = {
      key: p.key,
      kind: 'person',
      name: n.full,
      sector: p.sector,
      pillar: p.pillar,
      position: p.position,
      address: at(p.moo, String(rng.int(1, 180))),
      phone: phones.mobile(),
    };
    if (i % 3 === 0) {
      party.citizenId = makeCitizenId(rng, p.gen === 'young' ? 1 : 3);
      party.consent = {
        purpose: 'ติดต่อประสานงานกิจกรรมเครือข่าย',
        lawfulBasis: p.sector === 'civil_society' ? 'consent' : 'public_task',
        date: `2023-0${(i % 9) + 1}-15`,
      };
    }
    return party;
  });

  const networks: DemoNetwork[] = [
    {
      key: 'net-osm',
      name: 'เครือข่าย อสม. ตำบลท่ากว้าง',
      nameEn: 'Tha Kwang Village Health Volunteers Network',
      description: 'อสม. ทั้ง 4 หมู่บ้านทำงานร่วมกับ รพ.สต.ท่ากว้าง คัดกรองโรคเรื้อรังและเยี่ยมบ้านผู้ป่วยติดเตียง',
      issues: ['health', 'elderly'],
      tags: ['อสม.', 'คัดกรองสุขภาพ'],
      pillar: 'people',
      stage: 'build',
      foundedOn: '2009-03-20',
      stageHistory: [
        { from: null, to: 'seek', on: '2009-03-20', note: 'รวมตัว อสม. ทุกหมู่บ้านเป็นชมรมระดับตำบล' },
        { from: 'seek', to: 'develop', on: '2012-07-01', note: 'ทำแผนคัดกรองเบาหวานและความดันร่วมกับ รพ.สต.' },
        { from: 'develop', to: 'build', on: '2017-10-01', note: 'ได้งบกองทุนหลักประกันสุขภาพต่อเนื่องทุกปี' },
      ],
      coordinatorKey: 'person-osm-chair',
      members: [
        { partyKey: 'person-osm-chair', role: 'coordinator', startDate: '2009-03-20' },
        { partyKey: 'person-rpst-director', role: 'advisor', startDate: '2012-07-01' },
        { partyKey: 'rpst-thakwang', role: 'committee', startDate: '2009-03-20' },
        { partyKey: 'group-osm-club', role: 'member', startDate: '2009-03-20' },
        { partyKey: 'person-0001', role: 'member', startDate: '2011-05-01' },
        { partyKey: 'person-0002', role: 'member', startDate: '2014-02-01' },
        { partyKey: 'person-0003', role: 'member', startDate: '2019-09-01' },
      ],
    },
    {
      key: 'net-elderly-club',
      name: 'ชมรมผู้สูงอายุตำบลท่ากว้าง',
      nameEn: "Tha Kwang Senior Citizens' Club",
      description: 'ผู้สูงอายุพบปะกันทุกเดือนที่วัดท่ากว้าง ตรวจสุขภาพ ออกกำลังกาย และสืบสานประเพณีล้านนา',
      issues: ['elderly', 'culture'],
      tags: ['ผู้สูงอายุ'],
      pillar: 'people',
      stage: 'sustain',
      foundedOn: '2007-04-13',
      stageHistory: [
        { from: null, to: 'seek', on: '2007-04-13', note: 'ตั้งชมรมในวันผู้สูงอายุแห่งชาติ' },
        { from: 'seek', to: 'develop', on: '2009-06-01', note: 'มีคณะกรรมการและระเบียบชมรม' },
        { from: 'develop', to: 'build', on: '2013-01-15', note: 'จัดกิจกรรมประจำเดือนครบทุกเดือนด้วยงบเทศบาล' },
        { from: 'build', to: 'sustain', on: '2019-04-13', note: 'มีกองทุนของชมรมเองและผู้นำรุ่นใหม่รับช่วงต่อ' },
      ],
      coordinatorKey: 'person-elderly-club-chair',
      members: [
        { partyKey: 'person-elderly-club-chair', role: 'coordinator', startDate: '2007-04-13' },
        { partyKey: 'group-elderly-club', role: 'member', startDate: '2007-04-13' },
        { partyKey: 'temple-thakwang', role: 'member', startDate: '2007-04-13' },
        { partyKey: 'person-0004', role: 'member', startDate: '2010-02-01' },
        { partyKey: 'person-clerk', role: 'advisor', startDate: '2016-10-01' },
      ],
    },
    {
      key: 'net-riverbank',
      name: 'เครือข่ายอนุรักษ์ริมฝั่งแม่น้ำปิงตำบลท่ากว้าง',
      nameEn: 'Tha Kwang Ping Riverbank Conservation Network',
      description: 'ชุมชนริมน้ำปิงปลูกไผ่และหญ้าแฝกกันตลิ่งพัง เฝ้าระวังระดับน้ำในฤดูฝน และดูแลลำเหมืองที่รับน้ำจากแม่น้ำปิง',
      issues: ['environment', 'water', 'disaster'],
      tags: ['ตลิ่งพัง', 'หญ้าแฝก', 'เฝ้าระวังน้ำหลาก'],
      pillar: 'locality',
      stage: 'develop',
      foundedOn: '2016-08-01',
      stageHistory: [
        { from: null, to: 'seek', on: '2016-08-01', note: 'หารือหลังตลิ่งพังในฤดูน้ำหลาก' },
        { from: 'seek', to: 'develop', on: '2019-03-01', note: 'ปลูกหญ้าแฝกแนวแรกร่วมกับโรงเรียน' },
      ],
      coordinatorKey: 'person-kamnan',
      members: [
        { partyKey: 'person-kamnan', role: 'coordinator', startDate: '2016-08-01' },
        { partyKey: 'village-3', role: 'member', startDate: '2016-08-01' },
        { partyKey: 'person-0005', role: 'committee', startDate: '2016-08-01' },
        { partyKey: 'person-0006', role: 'member', startDate: '2017-05-01' },
        { partyKey: 'school-thakwang', role: 'member', startDate: '2019-03-01' },
        { partyKey: 'lgu-thakwang', role: 'member', startDate: '2016-08-01' },
      ],
    },
    {
      key: 'net-waste',
      name: 'เครือข่ายธนาคารขยะตำบลท่ากว้าง',
      nameEn: 'Tha Kwang Waste Bank Network',
      description: 'เริ่มชวนครัวเรือนคัดแยกขยะรีไซเคิลและเปิดจุดรับซื้อเดือนละครั้ง โดยศึกษาดูงานธนาคารขยะของเทศบาลตำบลชมภู',
      issues: ['waste', 'environment'],
      tags: ['ธนาคารขยะ'],
      pillar: 'local',
      stage: 'seek',
      foundedOn: '2024-06-05',
      stageHistory: [{ from: null, to: 'seek', on: '2024-06-05', note: 'ศึกษาดูงานธนาคารขยะตำบลชมภูและสำรวจความสนใจของครัวเรือน' }],
      coordinatorKey: 'person-community-dev',
      members: [
        { partyKey: 'person-community-dev', role: 'coordinator', startDate: '2024-06-05' },
        { partyKey: 'person-0007', role: 'committee', startDate: '2024-06-05' },
        { partyKey: 'group-waste-bank', role: 'member', startDate: '2024-07-01' },
        { partyKey: 'person-headman-4', role: 'member', startDate: '2024-07-01' },
        { partyKey: 'lgu-chomphu', role: 'advisor', startDate: '2024-06-05' },
      ],
    },
  ];

  const relationships: DemoRelationship[] = [
    { fromKey: 'person-mayor', toKey: 'lgu-thakwang', type: 'supervises', startDate: '2021-04-05', note: 'นายกเทศมนตรี' },
    { fromKey: 'person-clerk', toKey: 'lgu-thakwang', type: 'member_of', startDate: '2016-10-01', note: 'ปลัดเทศบาล' },
    { fromKey: 'person-community-dev', toKey: 'lgu-thakwang', type: 'member_of', startDate: '2022-03-01' },
    { fromKey: 'person-kamnan', toKey: 'village-3', type: 'supervises', startDate: '2015-05-11' },
    { fromKey: 'person-headman-1', toKey: 'village-1', type: 'supervises', startDate: '2018-02-05' },
    { fromKey: 'person-headman-2', toKey: 'village-2', type: 'supervises', startDate: '2020-08-17' },
    { fromKey: 'person-headman-4', toKey: 'village-4', type: 'supervises', startDate: '2013-06-03' },
    { fromKey: 'person-rpst-director', toKey: 'rpst-thakwang', type: 'supervises', startDate: '2014-10-01' },
    { fromKey: 'person-osm-chair', toKey: 'group-osm-club', type: 'supervises', startDate: '2009-03-20' },
    { fromKey: 'school-thakwang', toKey: 'temple-thakwang', type: 'collaborates_with', startDate: '2010-05-16' },
    { fromKey: 'lgu-thakwang', toKey: 'lgu-chomphu', type: 'collaborates_with', startDate: '2010-09-01', note: 'เครือข่ายความร่วมมือ อปท. อำเภอสารภี' },
  ];

  return {
    slug: 'thakwang',
    nameTh: 'เทศบาลตำบลท่ากว้าง',
    nameEn: 'Tha Kwang Subdistrict Municipality',
    type: 'subdistrict_municipality',
    province: 'เชียงใหม่',
    district: 'สารภี',
    subdistrict: 'ท่ากว้าง',
    parties: [...orgs, ...people],
    networks,
    relationships,
  };
}
