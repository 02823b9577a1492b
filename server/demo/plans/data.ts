/**
 * Joint action plans, strategy and participation for the Chomphu demo (content only, no database
 * types). Months count from the start of the fiscal year: 0 = October … 11 = September.
 * Budgets are in baht here and become satang in the seeder.
 */

export interface DemoActivity {
  name: string;
  baht: number;
  start: number;
  months: number;
  /** Unpaid volunteer work with an explicit weight. */
  weight?: number;
}
export interface DemoProject {
  key: string;
  name: string;
  objectives: string;
  outputTarget: string;
  indicatorText: string;
  strategy?: string;
  indicators?: string[];
  /** Fiscal years in which the project is planned (default: every plan year of the network). */
  years?: number[];
  activities: DemoActivity[];
}
export interface DemoPlanSeries {
  network: string;
  /** Other networks in the same joint plan. */
  partners?: string[];
  title: string;
  years: number[];
  projects: DemoProject[];
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);

export const DEMO_VISION = 'ตำบลชมภูน่าอยู่ ภาคีเครือข่ายเข้มแข็ง ห่วงโซ่ ส่วนร่วม บูรณาการ อย่างยั่งยืน';
export const DEMO_MISSIONS = [
  'บริหารจัดการน้ำร่วมกับ อปท. และชุมชนตลอดแนวลำเหมืองพญาคำอย่างเป็นธรรม',
  'ส่งเสริมสุขภาวะผู้สูงอายุ ผู้พิการ และคนทุกวัยโดยชุมชนเป็นฐาน',
  'จัดการสิ่งแวดล้อม ขยะ และฝุ่นควันด้วยการมีส่วนร่วมของภาคีทุกภาคส่วน',
  'สร้างอาชีพและรายได้บนฐานภูมิปัญญาและวัฒนธรรมล้านนา',
  'พัฒนาระบบการทำงานร่วมกันของภาคีเครือข่ายทั้งภาคท้องถิ่น ภาคท้องที่ และภาคประชาชน',
];
export const WATER_VISION = 'น้ำจากฝายพญาคำถึงปลายเหมืองทุกฤดูแล้ง ลูกฝายแปดตำบลแบ่งปันกันอย่างเป็นธรรม';
export const WATER_MISSIONS = ['ซ่อมบำรุงฝายและลำเหมืองร่วมกันทุกปี', 'จัดรอบเวรปันน้ำต้นน้ำ–กลางน้ำ–ปลายน้ำตามกติกา', 'ไกล่เกลี่ยข้อพิพาทเรื่องน้ำโดยแก่ฝายและผู้นำท้องที่'];

export interface DemoIndicator {
  key: string;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline: number;
  baselineYear: number;
  targets: Record<number, number>;
  /** Measured value per fiscal year (taken at the year's end; 2569 at the end of December). */
  values: Record<number, number>;
  source: string;
}
export interface DemoGoal {
  code: string;
  name: string;
  networks: string[];
  strategies: { key: string; code: string; name: string }[];
  indicators: (DemoIndicator & { strategy?: string })[];
}

export const DEMO_GOALS: DemoGoal[] = [
  {
    code: 'G1',
    name: 'ทุกครัวเรือนในลุ่มน้ำเหมืองฝายพญาคำมีน้ำเพื่อการเกษตรและอุปโภคเพียงพอตลอดปี',
    networks: ['net-phayakham-water', 'net-canal-chiefs', 'net-longan-growers', 'net-organic'],
    strategies: [
      { key: 's-weir', code: 'S1.1', name: 'ฟื้นฟูฝายและลำเหมืองโดยชุมชนเป็นเจ้าของ' },
      { key: 's-sharing', code: 'S1.2', name: 'จัดสรรน้ำอย่างเป็นธรรมด้วยรอบเวรและกติกาเหมืองฝาย' },
    ],
    indicators: [
      {
        key: 'i-canal-km',
        strategy: 's-weir',
        name: 'ระยะลำเหมืองที่ได้รับการขุดลอกในปี',
        unit: 'กิโลเมตร',
        direction: 'higher',
        baseline: 3,
        baselineYear: 2562,
        targets: { 2566: 5, 2567: 5.5, 2568: 6, 2569: 6.5, 2570: 7 },
        values: { 2563: 3.5, 2564: 4.2, 2565: 4.8, 2566: 5.1, 2567: 5.6, 2568: 6.2, 2569: 2.1 },
        source: 'รายงานกองช่าง เทศบาลตำบลชมภู',
      },
      {
        key: 'i-downstream',
        strategy: 's-sharing',
        name: 'ครัวเรือนปลายเหมืองที่ได้รับน้ำครบทุกรอบเวร',
        unit: 'ร้อยละ',
        direction: 'higher',
        baseline: 62,
        baselineYear: 2562,
        targets: { 2566: 80, 2567: 85, 2568: 88, 2569: 90, 2570: 92 },
        values: { 2563: 68, 2564: 71, 2565: 77, 2566: 82, 2567: 84, 2568: 89, 2569: 86 },
        source: 'แบบสำรวจลูกฝาย โดยแก่เหมืองทุกตำบล',
      },
      {
        key: 'i-disputes',
        strategy: 's-sharing',
        name: 'ข้อพิพาทเรื่องน้ำที่ต้องไกล่เกลี่ย',
        unit: 'ครั้ง/ปี',
        direction: 'lower',
        baseline: 14,
        baselineYear: 2562,
        targets: { 2566: 8, 2567: 7, 2568: 6, 2569: 5, 2570: 4 },
        values: { 2563: 12, 2564: 11, 2565: 9, 2566: 8, 2567: 6, 2568: 6, 2569: 2 },
        source: 'สมุดบันทึกการไกล่เกลี่ยของแก่ฝาย',
      },
    ],
  },
  {
    code: 'G2',
    name: 'ผู้สูงอายุและผู้มีภาวะพึ่งพิงได้รับการดูแลต่อเนื่องโดยชุมชน',
    networks: ['net-elderly-rehab', 'net-osm'],
    strategies: [
      { key: 's-rehab', code: 'S2.1', name: 'ฟื้นฟูสมรรถภาพที่บ้านโดยอาสาสมัครและ อสม.' },
      { key: 's-prevent', code: 'S2.2', name: 'ป้องกันโรคและส่งเสริมสุขภาพเชิงรุกในหมู่บ้าน' },
    ],
    indicators: [
      {
        key: 'i-bedridden',
        strategy: 's-rehab',
        name: 'ผู้สูงอายุติดบ้านติดเตียงที่ได้รับการเยี่ยมบ้านอย่างน้อยเดือนละครั้ง',
        unit: 'ร้อยละ',
        direction: 'higher',
        baseline: 55,
        baselineYear: 2562,
        targets: { 2566: 85, 2567: 90, 2568: 92, 2569: 95, 2570: 95 },
        values: { 2563: 64, 2564: 72, 2565: 80, 2566: 87, 2567: 91, 2568: 93, 2569: 94 },
        source: 'ทะเบียนการเยี่ยมบ้าน รพ.สต.ชมภู',
      },
      {
        key: 'i-dengue',
        strategy: 's-prevent',
        name: 'อัตราป่วยโรคไข้เลือดออก',
        unit: 'ต่อแสนประชากร',
        direction: 'lower',
        baseline: 160,
        baselineYear: 2562,
        targets: { 2566: 80, 2567: 70, 2568: 60, 2569: 50, 2570: 50 },
        values: { 2563: 120, 2564: 95, 2565: 110, 2566: 76, 2567: 88, 2568: 58, 2569: 14 },
        source: 'รายงานระบาดวิทยา สสอ.สารภี',
      },
    ],
  },
  {
    code: 'G3',
    name: 'ตำบลสะอาด ปลอดการเผา และจัดการขยะที่ต้นทาง',
    networks: ['net-waste-bank', 'net-haze', 'net-disaster'],
    strategies: [
      { key: 's-waste', code: 'S3.1', name: 'คัดแยกขยะที่ต้นทางผ่านธนาคารขยะและปุ๋ยหมัก' },
      { key: 's-burn', code: 'S3.2', name: 'ลดการเผาในที่โล่งด้วยการไถกลบและเฝ้าระวังร่วม' },
    ],
    indicators: [
      {
        key: 'i-waste',
        strategy: 's-waste',
        name: 'ปริมาณขยะที่ส่งกำจัด',
        unit: 'ตัน/ปี',
        direction: 'lower',
        baseline: 2450,
        baselineYear: 2562,
        targets: { 2566: 2100, 2567: 2000, 2568: 1900, 2569: 1800, 2570: 1700 },
        values: { 2563: 2380, 2564: 2290, 2565: 2210, 2566: 2080, 2567: 2020, 2568: 1930, 2569: 460 },
        source: 'ใบชั่งน้ำหนักรถเก็บขยะ เทศบาลตำบลชมภู',
      },
      {
        key: 'i-hotspots',
        strategy: 's-burn',
        name: 'จุดความร้อน (hotspot) ในเขตตำบล',
        unit: 'จุด/ปี',
        direction: 'lower',
        baseline: 21,
        baselineYear: 2562,
        targets: { 2566: 10, 2567: 8, 2568: 6, 2569: 5, 2570: 4 },
        values: { 2563: 18, 2564: 15, 2565: 12, 2566: 9, 2567: 7, 2568: 7, 2569: 0 },
        source: 'ข้อมูลดาวเทียม GISTDA และรายงานอาสาสมัครเฝ้าระวัง',
      },
    ],
  },
  {
    code: 'G4',
    name: 'เศรษฐกิจฐานรากและวัฒนธรรมล้านนาสร้างรายได้และความภาคภูมิใจให้ชุมชน',
    networks: ['net-community-enterprise', 'net-lanna-culture', 'net-longan-growers', 'net-youth-council'],
    strategies: [
      { key: 's-enterprise', code: 'S4.1', name: 'พัฒนาผลิตภัณฑ์และตลาดของวิสาหกิจชุมชน' },
      { key: 's-culture', code: 'S4.2', name: 'สืบสานประเพณีล้านนาโดยเยาวชนและผู้รู้ในชุมชน' },
    ],
    indicators: [
      {
        key: 'i-income',
        strategy: 's-enterprise',
        name: 'รายได้รวมของวิสาหกิจชุมชนในเครือข่าย',
        unit: 'ล้านบาท/ปี',
        direction: 'higher',
        baseline: 3.2,
        baselineYear: 2562,
        targets: { 2566: 4.5, 2567: 5, 2568: 5.5, 2569: 6, 2570: 6.5 },
        values: { 2563: 2.6, 2564: 2.9, 2565: 3.8, 2566: 4.6, 2567: 5.1, 2568: 5.4, 2569: 1.6 },
        source: 'บัญชีกลุ่มวิสาหกิจชุมชน รวบรวมโดยเกษตรตำบล',
      },
      {
        key: 'i-youth',
        strategy: 's-culture',
        name: 'เยาวชนที่ร่วมกิจกรรมสืบสานวัฒนธรรม',
        unit: 'คน/ปี',
        direction: 'higher',
        baseline: 80,
        baselineYear: 2562,
        targets: { 2567: 150, 2568: 180, 2569: 200, 2570: 220 },
        values: { 2563: 90, 2564: 40, 2565: 55, 2566: 120, 2567: 158, 2568: 186, 2569: 74 },
        source: 'ทะเบียนผู้เข้าร่วมกิจกรรม สภาเด็กและเยาวชน',
      },
    ],
  },
];

export const DEMO_PLAN_SERIES: DemoPlanSeries[] = [
  {
    network: 'net-phayakham-water',
    partners: ['net-canal-chiefs'],
    title: 'แผนปฏิบัติการร่วมบริหารจัดการน้ำเหมืองฝายพญาคำ',
    years: range(2563, 2569),
    projects: [
      {
        key: 'weir-repair',
        name: 'โครงการซ่อมแซมฝายพญาคำและขุดลอกลำเหมืองประจำปี',
        objectives: 'เพื่อให้ฝายกักน้ำได้เต็มที่และน้ำไหลถึงปลายเหมืองในฤดูแล้ง',
        outputTarget: 'ซ่อมตัวฝาย 1 แห่ง ขุดลอกลำเหมืองสายหลักและสาขาไม่น้อยกว่า 5 กิโลเมตร',
        indicatorText: 'ระยะลำเหมืองที่ขุดลอกแล้ว (กม.) และจำนวนลูกฝายที่ร่วมลงแขก',
        strategy: 's-weir',
        indicators: ['i-canal-km'],
        activities: [
          { name: 'ประชุมแก่ฝาย แก่เหมือง สำรวจจุดชำรุดของฝายและลำเหมือง', baht: 8_000, start: 1, months: 1 },
          { name: 'ลงแขกซ่อมฝายและวางกระสอบทรายหัวฝาย', baht: 45_000, start: 2, months: 2 },
          { name: 'จ้างเหมารถขุดลอกลำเหมืองสายหลักช่วงปลายน้ำ', baht: 180_000, start: 3, months: 2 },
          { name: 'พิธีเลี้ยงผีฝายและทำบุญหัวฝาย', baht: 0, start: 5, months: 1, weight: 1 },
        ],
      },
      {
        key: 'rotation',
        name: 'โครงการจัดรอบเวรปันน้ำต้นน้ำ–กลางน้ำ–ปลายน้ำ ฤดูแล้ง',
        objectives: 'เพื่อแบ่งปันน้ำอย่างเป็นธรรมระหว่างแปดตำบลตามสัญญาเหมืองฝาย',
        outputTarget: 'ประกาศรอบเวร 1 ฉบับ เวรเฝ้าประตูน้ำครบทุกรอบ',
        indicatorText: 'ร้อยละครัวเรือนปลายเหมืองที่ได้รับน้ำครบทุกรอบ',
        strategy: 's-sharing',
        indicators: ['i-downstream', 'i-disputes'],
        activities: [
          { name: 'ประชุมตกลงรอบเวรปันน้ำร่วมแปดตำบล', baht: 12_000, start: 2, months: 1 },
          { name: 'เวรเฝ้าประตูน้ำและบันทึกระดับน้ำหน้าฝาย', baht: 36_000, start: 3, months: 4 },
          { name: 'ไกล่เกลี่ยข้อพิพาทการใช้น้ำโดยแก่ฝายและกำนัน', baht: 5_000, start: 3, months: 5 },
        ],
      },
      {
        key: 'water-rule',
        name: 'โครงการทบทวนกฎระเบียบการบริหารน้ำตำบลชมภู',
        objectives: 'เพื่อปรับปรุงกติกาการใช้น้ำให้ทันสถานการณ์และเป็นที่ยอมรับของลูกฝาย',
        outputTarget: 'ร่างกฎระเบียบฉบับปรับปรุง 1 ฉบับ ผ่านเวทีประชาคมทุกหมู่บ้าน',
        indicatorText: 'จำนวนหมู่บ้านที่จัดเวทีรับฟังความเห็น',
        strategy: 's-sharing',
        years: [2565, 2566, 2568, 2569],
        activities: [
          { name: 'เวทีรับฟังความเห็นร่างกติกาการใช้น้ำรายหมู่บ้าน', baht: 27_000, start: 6, months: 2 },
          { name: 'ประชุมคณะกรรมการขับเคลื่อนพิจารณาร่างกฎระเบียบ', baht: 6_000, start: 8, months: 1 },
        ],
      },
    ],
  },
  {
    network: 'net-elderly-rehab',
    title: 'แผนปฏิบัติการร่วมฟื้นฟูสมรรถภาพผู้สูงอายุ',
    years: range(2563, 2569),
    projects: [
      {
        key: 'home-rehab',
        name: 'โครงการฟื้นฟูสมรรถภาพผู้สูงอายุติดบ้านติดเตียงที่บ้าน',
        objectives: 'เพื่อให้ผู้สูงอายุที่มีภาวะพึ่งพิงได้รับการฟื้นฟูและเยี่ยมบ้านอย่างสม่ำเสมอ',
        outputTarget: 'ผู้สูงอายุติดบ้านติดเตียง 45 คน ได้รับการเยี่ยมบ้านเดือนละครั้ง',
        indicatorText: 'ร้อยละผู้สูงอายุติดบ้านติดเตียงที่ได้รับการเยี่ยมบ้าน',
        strategy: 's-rehab',
        indicators: ['i-bedridden'],
        activities: [
          { name: 'อบรมผู้ดูแลผู้สูงอายุ (Caregiver) และญาติ', baht: 35_000, start: 1, months: 1 },
          { name: 'เยี่ยมบ้านและทำกายภาพบำบัดโดยทีมสหวิชาชีพ', baht: 60_000, start: 2, months: 9 },
          { name: 'จัดหาอุปกรณ์ช่วยเหลือ (รถเข็น ไม้เท้า ที่นอนลม) ให้ยืม', baht: 48_000, start: 4, months: 2 },
        ],
      },
      {
        key: 'elderly-camp',
        name: 'โครงการค่ายฟื้นฟูสุขภาพผู้สูงอายุวัดชมภู',
        objectives: 'เพื่อส่งเสริมการออกกำลังกายและสุขภาพจิตของผู้สูงอายุในชุมชน',
        outputTarget: 'ผู้สูงอายุเข้าร่วมค่าย 120 คน',
        indicatorText: 'จำนวนผู้สูงอายุที่เข้าร่วมและผลประเมินสมรรถภาพก่อน–หลัง',
        strategy: 's-rehab',
        years: [2563, 2565, 2566, 2567, 2568, 2569],
        activities: [
          { name: 'ค่ายฟื้นฟูสุขภาพ 3 วัน 2 คืน ณ วัดชมภู', baht: 85_000, start: 5, months: 1 },
          { name: 'ติดตามประเมินสมรรถภาพหลังค่าย 3 เดือน', baht: 10_000, start: 8, months: 1 },
        ],
      },
    ],
  },
  {
    network: 'net-osm',
    title: 'แผนปฏิบัติการร่วมเครือข่าย อสม. ตำบลชมภู',
    years: range(2564, 2569),
    projects: [
      {
        key: 'ncd-screening',
        name: 'โครงการคัดกรองโรคเบาหวานและความดันโลหิตสูงในชุมชน',
        objectives: 'เพื่อค้นหาผู้ป่วยรายใหม่และกลุ่มเสี่ยงและส่งต่อเข้ารับการรักษา',
        outputTarget: 'ประชาชนอายุ 35 ปีขึ้นไปได้รับการคัดกรองร้อยละ 90',
        indicatorText: 'ร้อยละประชาชนอายุ 35 ปีขึ้นไปที่ได้รับการคัดกรอง',
        strategy: 's-prevent',
        activities: [
          { name: 'อสม. ออกคัดกรองความดันและน้ำตาลในเลือดตามหลังคาเรือน', baht: 30_000, start: 1, months: 3 },
          { name: 'ปรับเปลี่ยนพฤติกรรมกลุ่มเสี่ยง (โรงเรียนปรับพฤติกรรม)', baht: 25_000, start: 5, months: 3 },
        ],
      },
      {
        key: 'osm-training',
        name: 'โครงการพัฒนาศักยภาพ อสม. สู่ อสม. หมอประจำบ้าน',
        objectives: 'เพื่อเพิ่มทักษะ อสม. ในการดูแลสุขภาพเบื้องต้นและใช้เทคโนโลยี',
        outputTarget: 'อสม. 120 คน ผ่านการอบรม',
        indicatorText: 'จำนวน อสม. ที่ผ่านการอบรมและประเมิน',
        years: [2565, 2566, 2568, 2569],
        activities: [
          { name: 'อบรมฟื้นฟูความรู้ อสม. และการใช้แอปพลิเคชัน อสม.ออนไลน์', baht: 40_000, start: 3, months: 1 },
          { name: 'ศึกษาดูงานเครือข่าย อสม. ดีเด่น', baht: 55_000, start: 7, months: 1 },
        ],
      },
    ],
  },
  {
    network: 'net-dengue',
    partners: ['net-osm'],
    title: 'แผนปฏิบัติการร่วมป้องกันและควบคุมโรคไข้เลือดออก',
    years: [2563, 2564, 2565, 2566, 2568, 2569],
    projects: [
      {
        key: 'larvae',
        name: 'โครงการรณรงค์กำจัดลูกน้ำยุงลายและแหล่งเพาะพันธุ์',
        objectives: 'เพื่อลดค่าดัชนีลูกน้ำยุงลายในบ้าน วัด โรงเรียน',
        outputTarget: 'ค่า HI ไม่เกินร้อยละ 10 ทุกหมู่บ้าน',
        indicatorText: 'ค่าดัชนีลูกน้ำยุงลาย (HI, CI) และอัตราป่วย',
        strategy: 's-prevent',
        indicators: ['i-dengue'],
        activities: [
          { name: 'Big Cleaning Day ทุกหมู่บ้านก่อนฤดูฝน', baht: 15_000, start: 6, months: 1 },
          { name: 'อสม. สำรวจลูกน้ำยุงลายทุกวันศุกร์', baht: 0, start: 6, months: 5, weight: 2 },
          { name: 'พ่นหมอกควันกรณีเกิดผู้ป่วยในพื้นที่', baht: 40_000, start: 8, months: 3 },
        ],
      },
    ],
  },
  {
    network: 'net-waste-bank',
    title: 'แผนปฏิบัติการร่วมเครือข่ายธนาคารขยะชุมชน',
    years: [2563, 2564, 2566, 2567, 2568, 2569],
    projects: [
      {
        key: 'waste-bank',
        name: 'โครงการธนาคารขยะรีไซเคิลประจำหมู่บ้าน',
        objectives: 'เพื่อลดปริมาณขยะที่ส่งกำจัดและสร้างรายได้จากขยะรีไซเคิล',
        outputTarget: 'ธนาคารขยะเปิดทำการครบ 9 หมู่บ้าน 1 ชุมชน เดือนละครั้ง',
        indicatorText: 'ปริมาณขยะรีไซเคิลที่รับซื้อ (กก.) และจำนวนสมาชิกธนาคารขยะ',
        strategy: 's-waste',
        indicators: ['i-waste'],
        activities: [
          { name: 'เปิดรับซื้อขยะรีไซเคิลเคลื่อนที่รายเดือน', baht: 24_000, start: 0, months: 12 },
          { name: 'อบรมคัดแยกขยะให้ครัวเรือนและโรงเรียน', baht: 18_000, start: 2, months: 2 },
          { name: 'จัดทำถังขยะเปียกลดโลกร้อนครัวเรือน', baht: 32_000, start: 4, months: 3 },
        ],
      },
    ],
  },
  {
    network: 'net-haze',
    partners: ['net-disaster'],
    title: 'แผนปฏิบัติการร่วมลดการเผาและฝุ่นควัน PM2.5',
    years: range(2565, 2569),
    projects: [
      {
        key: 'no-burn',
        name: 'โครงการชมภูไม่เผา ไถกลบตอซังแทนการเผา',
        objectives: 'เพื่อลดการเผาเศษวัสดุการเกษตรและใบลำไยในช่วงฤดูหมอกควัน',
        outputTarget: 'พื้นที่ไถกลบตอซัง 600 ไร่ ไม่มีจุดความร้อนในตำบล',
        indicatorText: 'จำนวนจุดความร้อนและพื้นที่ไถกลบ (ไร่)',
        strategy: 's-burn',
        indicators: ['i-hotspots'],
        activities: [
          { name: 'ประกาศช่วงห้ามเผาและประชาสัมพันธ์เสียงตามสาย', baht: 5_000, start: 3, months: 1 },
          { name: 'บริการรถไถกลบตอซังและเครื่องย่อยกิ่งลำไย', baht: 90_000, start: 4, months: 3 },
          { name: 'อาสาสมัครเฝ้าระวังไฟและลาดตระเวนช่วงวิกฤต', baht: 28_000, start: 4, months: 3 },
        ],
      },
    ],
  },
  {
    network: 'net-longan-growers',
    title: 'แผนปฏิบัติการร่วมเครือข่ายผู้ปลูกลำไย',
    years: range(2566, 2569),
    projects: [
      {
        key: 'gap',
        name: 'โครงการส่งเสริมการผลิตลำไยคุณภาพตามมาตรฐาน GAP',
        objectives: 'เพื่อยกระดับคุณภาพผลผลิตและลดต้นทุนการผลิตลำไย',
        outputTarget: 'สวนลำไยผ่านการรับรอง GAP เพิ่มขึ้น 25 แปลง',
        indicatorText: 'จำนวนแปลงที่ได้รับรอง GAP',
        strategy: 's-enterprise',
        indicators: ['i-income'],
        activities: [
          { name: 'อบรมการตัดแต่งกิ่งและการใช้สารราดอย่างปลอดภัย', baht: 22_000, start: 1, months: 1 },
          { name: 'ตรวจแปลงและยื่นขอรับรอง GAP กับสำนักงานเกษตร', baht: 8_000, start: 4, months: 4 },
          { name: 'ทำปุ๋ยหมักจากกิ่งลำไยใช้เองในสวน', baht: 15_000, start: 2, months: 3 },
        ],
      },
    ],
  },
  {
    network: 'net-lanna-culture',
    partners: ['net-youth-council'],
    title: 'แผนปฏิบัติการร่วมสืบสานวัฒนธรรมล้านนา',
    years: [2563, 2564, 2567, 2568, 2569],
    projects: [
      {
        key: 'yeepeng',
        name: 'โครงการสืบสานประเพณียี่เป็งและลอยกระทงตำบลชมภู',
        objectives: 'เพื่อสืบสานประเพณีล้านนาและสร้างความสามัคคีในชุมชน',
        outputTarget: 'จัดงานประเพณี 1 ครั้ง ผู้ร่วมงานไม่น้อยกว่า 1,500 คน',
        indicatorText: 'จำนวนผู้เข้าร่วมงานและจำนวนเยาวชนที่ร่วมจัด',
        strategy: 's-culture',
        indicators: ['i-youth'],
        activities: [
          { name: 'ประชุมภาคีวัด โรงเรียน และหมู่บ้านเตรียมงาน', baht: 4_000, start: 0, months: 1 },
          { name: 'ประกวดกระทงและโคมล้านนาโดยเยาวชน', baht: 30_000, start: 1, months: 1 },
          { name: 'จัดงานประเพณียี่เป็ง ณ ลานวัดชมภู', baht: 120_000, start: 1, months: 1 },
        ],
      },
      {
        key: 'lanna-school',
        name: 'โครงการโรงเรียนภูมิปัญญาล้านนาสำหรับเยาวชน',
        objectives: 'เพื่อถ่ายทอดภาษาล้านนา ดนตรีพื้นเมือง และงานหัตถกรรมจากผู้รู้สู่เยาวชน',
        outputTarget: 'เยาวชน 60 คน เรียนครบหลักสูตร',
        indicatorText: 'จำนวนเยาวชนที่เรียนครบหลักสูตร',
        strategy: 's-culture',
        years: [2564, 2567, 2568, 2569],
        activities: [
          { name: 'สอนอักษรธรรมล้านนาวันเสาร์ที่วัด', baht: 18_000, start: 3, months: 6 },
          { name: 'ฝึกดนตรีสะล้อ ซอ ซึง โดยปราชญ์ชาวบ้าน', baht: 24_000, start: 3, months: 6 },
        ],
      },
    ],
  },
  {
    network: 'net-youth-council',
    title: 'แผนปฏิบัติการร่วมสภาเด็กและเยาวชนตำบลชมภู',
    years: range(2567, 2569),
    projects: [
      {
        key: 'youth-volunteer',
        name: 'โครงการเยาวชนจิตอาสาพัฒนาตำบล',
        objectives: 'เพื่อปลูกฝังจิตสาธารณะและเปิดพื้นที่ให้เยาวชนร่วมพัฒนาชุมชน',
        outputTarget: 'เยาวชนจิตอาสา 80 คน ร่วมกิจกรรมอย่างน้อย 4 ครั้ง',
        indicatorText: 'จำนวนเยาวชนและชั่วโมงจิตอาสา',
        strategy: 's-culture',
        activities: [
          { name: 'เยาวชนจิตอาสาทาสีและซ่อมแซมศาลาอเนกประสงค์', baht: 15_000, start: 2, months: 1 },
          { name: 'ค่ายผู้นำเยาวชนและเวทีเสนอโครงการของเยาวชน', baht: 45_000, start: 6, months: 1 },
        ],
      },
    ],
  },
  {
    network: 'net-disaster',
    title: 'แผนปฏิบัติการร่วมป้องกันและบรรเทาสาธารณภัย',
    years: range(2564, 2569),
    projects: [
      {
        key: 'flood-drill',
        name: 'โครงการเตรียมความพร้อมรับมืออุทกภัยและฝึกซ้อมแผน',
        objectives: 'เพื่อให้ชุมชนริมน้ำปิงและลำเหมืองรับมือน้ำหลากได้ทันท่วงที',
        outputTarget: 'ฝึกซ้อมแผน 1 ครั้ง อาสาสมัคร อปพร. 60 คน',
        indicatorText: 'ระยะเวลาการแจ้งเตือนและอพยพในการฝึกซ้อม',
        activities: [
          { name: 'ฝึกอบรม อปพร. หลักสูตรทบทวน', baht: 50_000, start: 5, months: 1 },
          { name: 'ฝึกซ้อมแผนอพยพชุมชนริมน้ำร่วมกับอำเภอสารภี', baht: 35_000, start: 9, months: 1 },
          { name: 'เตรียมกระสอบทรายและเครื่องสูบน้ำก่อนฤดูฝน', baht: 60_000, start: 8, months: 2 },
        ],
      },
    ],
  },
  {
    network: 'net-road-safety',
    title: 'แผนปฏิบัติการร่วมความปลอดภัยทางถนน',
    years: [2565, 2567, 2569],
    projects: [
      {
        key: 'checkpoints',
        name: 'โครงการด่านชุมชนช่วงเทศกาลปีใหม่และสงกรานต์',
        objectives: 'เพื่อลดอุบัติเหตุและการบาดเจ็บจากการเดินทางช่วงเทศกาล',
        outputTarget: 'ด่านชุมชน 4 จุด ตลอด 7 วันอันตรายทั้งสองเทศกาล',
        indicatorText: 'จำนวนอุบัติเหตุและผู้บาดเจ็บในช่วงเทศกาล',
        activities: [
          { name: 'ตั้งด่านชุมชนช่วงปีใหม่', baht: 25_000, start: 2, months: 1 },
          { name: 'ตั้งด่านชุมชนช่วงสงกรานต์', baht: 25_000, start: 6, months: 1 },
          { name: 'สำรวจและติดตั้งป้ายเตือนจุดเสี่ยง', baht: 40_000, start: 3, months: 2 },
        ],
      },
    ],
  },
  {
    network: 'net-community-enterprise',
    partners: ['net-longan-growers'],
    title: 'แผนปฏิบัติการร่วมเครือข่ายวิสาหกิจชุมชน',
    years: [2568, 2569],
    projects: [
      {
        key: 'products',
        name: 'โครงการพัฒนาบรรจุภัณฑ์และตลาดออนไลน์ลำไยอบแห้งชมภู',
        objectives: 'เพื่อเพิ่มมูลค่าผลิตภัณฑ์และช่องทางการขายของวิสาหกิจชุมชน',
        outputTarget: 'ผลิตภัณฑ์ใหม่ 3 รายการ ร้านค้าออนไลน์ 1 ร้าน',
        indicatorText: 'รายได้ของวิสาหกิจชุมชนและยอดขายออนไลน์',
        strategy: 's-enterprise',
        indicators: ['i-income'],
        activities: [
          { name: 'ออกแบบบรรจุภัณฑ์ร่วมกับมหาวิทยาลัยเชียงใหม่', baht: 60_000, start: 1, months: 3 },
          { name: 'อบรมการขายออนไลน์และถ่ายภาพสินค้า', baht: 20_000, start: 3, months: 1 },
          { name: 'ออกร้านในงานเทศกาลลำไยอำเภอสารภี', baht: 15_000, start: 10, months: 1 },
        ],
      },
    ],
  },
];

/** Issue-level forums per network per year (raising problems). */
export const FORUM_TITLES: Record<string, string> = {
  'net-phayakham-water': 'เวทีประชาคมปัญหาน้ำแล้งและลำเหมืองตื้นเขิน',
  'net-elderly-rehab': 'เวทีรับฟังความต้องการของผู้สูงอายุและผู้ดูแล',
  'net-osm': 'เวทีคืนข้อมูลสุขภาพชุมชนและจัดลำดับปัญหา',
  'net-dengue': 'เวทีวิเคราะห์สถานการณ์ไข้เลือดออกรายหมู่บ้าน',
  'net-waste-bank': 'เวทีประชาคมปัญหาขยะในหมู่บ้าน',
  'net-haze': 'เวทีหาทางออกการเผาใบลำไยและตอซัง',
  'net-longan-growers': 'เวทีปัญหาราคาและต้นทุนการผลิตลำไย',
  'net-lanna-culture': 'เวทีสภาวัฒนธรรมรับฟังความเห็นการจัดงานประเพณี',
  'net-youth-council': 'เวทีเยาวชนสะท้อนปัญหาตำบล',
  'net-disaster': 'เวทีทบทวนบทเรียนน้ำท่วมและจุดเสี่ยงภัย',
  'net-road-safety': 'เวทีสำรวจจุดเสี่ยงอุบัติเหตุในตำบล',
  'net-community-enterprise': 'เวทีปัญหาการตลาดของกลุ่มอาชีพ',
};
