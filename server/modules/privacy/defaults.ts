import type { LawfulBasis } from '../../../common/schemas/enums';

/**
 * The record of processing activities (PDPA section 39) Phakhi starts a tenant with: one row per kind of personal data
 * it actually stores, with the basis the module relies on. A local government edits them to fit its own practice.
 */
export interface DefaultActivity {
  key: string;
  name: string;
  purpose: string;
  lawfulBasis: LawfulBasis;
  dataSubjects: string;
  dataCategories: string[];
  sensitiveData: boolean;
  source: string;
  recipients: string;
  retention: string;
  securityMeasures: string;
}

const SECURITY =
  'เข้าถึงได้เฉพาะผู้มีบัญชีตามบทบาท แยกข้อมูลแต่ละองค์กรปกครองส่วนท้องถิ่นด้วย row-level security เข้ารหัสระหว่างส่ง บันทึกการเข้าถึงข้อมูลติดต่อที่ไม่ปิดบัง และบันทึกการแก้ไขทุกครั้ง';

export const DEFAULT_ACTIVITIES: DefaultActivity[] = [
  {
    key: 'registry',
    name: 'ทะเบียนภาคีเครือข่าย (บุคคล)',
    purpose: 'ติดต่อประสานงานภาคีเครือข่าย เชิญประชุม และจัดทำฐานข้อมูลภาคีการพัฒนาท้องถิ่น',
    lawfulBasis: 'public_task',
    dataSubjects: 'ผู้นำชุมชน อาสาสมัคร สมาชิกเครือข่าย ผู้แทนองค์กร',
    dataCategories: ['ชื่อ-นามสกุล', 'ตำแหน่ง', 'ที่อยู่', 'โทรศัพท์', 'อีเมล', 'LINE ID', 'เลขประจำตัวประชาชน (เก็บแบบปิดบังและค่าแฮช)'],
    sensitiveData: false,
    source: 'เจ้าของข้อมูลโดยตรง แบบฟอร์มลงทะเบียน การนำเข้าจากทะเบียนเดิม',
    recipients: 'เจ้าหน้าที่และผู้ประสานงานเครือข่ายขององค์กร (ไม่เปิดเผยต่อสาธารณะ)',
    retention: 'ตลอดระยะเวลาที่เป็นภาคี และลบ/ทำให้ไม่ระบุตัวตนเมื่อไม่มีความเคลื่อนไหวตามระยะเวลาที่ตั้งไว้',
    securityMeasures: SECURITY,
  },
  {
    key: 'networks',
    name: 'สมาชิกเครือข่ายและคณะกรรมการ',
    purpose: 'บริหารเครือข่าย แต่งตั้งคณะกรรมการ นับองค์ประชุม และบันทึกการประชุม',
    lawfulBasis: 'public_task',
    dataSubjects: 'สมาชิกเครือข่าย กรรมการ',
    dataCategories: ['ชื่อ-นามสกุล', 'บทบาทในเครือข่าย', 'ตำแหน่งในคณะกรรมการ', 'การเข้าประชุม'],
    sensitiveData: false,
    source: 'เจ้าของข้อมูล คำสั่งแต่งตั้ง รายงานการประชุม',
    recipients: 'เจ้าหน้าที่ สมาชิกเครือข่าย และประชาชน (เฉพาะรายชื่อกรรมการตามคำสั่งที่เปิดเผย)',
    retention: 'ตามระเบียบงานสารบรรณ (รายงานการประชุมเก็บไม่น้อยกว่า 10 ปี)',
    securityMeasures: SECURITY,
  },
  {
    key: 'volunteers',
    name: 'อาสาสมัครและชั่วโมงจิตอาสา',
    purpose: 'มอบหมายงาน รับรองชั่วโมงจิตอาสา ออกใบประกาศเกียรติคุณ และเผยแพร่รายชื่อผู้ที่ยินยอม',
    lawfulBasis: 'consent',
    dataSubjects: 'อาสาสมัคร',
    dataCategories: ['ชื่อ-นามสกุล', 'ทักษะ', 'ช่วงเวลาที่สะดวก', 'หมู่บ้าน', 'ชั่วโมงจิตอาสา'],
    sensitiveData: false,
    source: 'เจ้าของข้อมูล ผู้ประสานงานเครือข่าย',
    recipients: 'เจ้าหน้าที่ ผู้ประสานงาน และสาธารณะ (ชื่อและชั่วโมงของผู้ที่ยินยอมเท่านั้น)',
    retention: 'จนกว่าจะถอนความยินยอม ส่วนชั่วโมงรวมเก็บเป็นสถิติแบบไม่ระบุตัวตน',
    securityMeasures: SECURITY,
  },
  {
    key: 'participation',
    name: 'การมีส่วนร่วมในแผนและกิจกรรม',
    purpose: 'ติดตามการมีส่วนร่วมของภาคีตามเกณฑ์การประเมิน และรายงานผลต่อประชาคม',
    lawfulBasis: 'public_task',
    dataSubjects: 'ผู้เข้าร่วมกิจกรรม',
    dataCategories: ['ชื่อ-นามสกุล', 'กิจกรรมที่เข้าร่วม', 'การสนับสนุน (แรงงาน สิ่งของ เงิน)'],
    sensitiveData: false,
    source: 'ใบลงทะเบียนกิจกรรม ผู้ประสานงาน',
    recipients: 'เจ้าหน้าที่ ผู้ประเมิน (เป็นสถิติรวม)',
    retention: 'ตามรอบแผนพัฒนาท้องถิ่น 5 ปี แล้วเก็บเฉพาะสถิติรวม',
    securityMeasures: SECURITY,
  },
  {
    key: 'ledger',
    name: 'งบประมาณและบัญชีรับ-จ่ายของเครือข่าย',
    purpose: 'บันทึกเงินสมทบ การเบิกจ่าย และหลักฐาน เพื่อความโปร่งใสและการตรวจสอบ',
    lawfulBasis: 'legal_obligation',
    dataSubjects: 'ผู้บริจาค ผู้รับเงิน ผู้ขาย ผู้ถูกปรับ',
    dataCategories: ['ชื่อคู่สัญญา', 'จำนวนเงิน', 'วันที่', 'หลักฐานการจ่าย'],
    sensitiveData: false,
    source: 'เอกสารการเงิน ใบเสร็จ',
    recipients: 'เจ้าหน้าที่การเงิน ผู้ตรวจสอบ สาธารณะ (ไม่แสดงชื่อบุคคลธรรมดา)',
    retention: 'ตามระเบียบการเงินการคลังท้องถิ่น (ไม่น้อยกว่า 10 ปี) รายการบัญชีไม่ถูกแก้ไขหรือลบ',
    securityMeasures: `${SECURITY} สมุดบัญชีเป็นแบบต่อท้ายอย่างเดียวและมีลูกโซ่แฮชที่ตรวจสอบได้`,
  },
  {
    key: 'water',
    name: 'กลุ่มผู้ใช้น้ำ รอบเวร และค่าปรับ',
    purpose: 'จัดสรรน้ำตามรอบเวร และบังคับใช้กฎระเบียบการใช้น้ำของชุมชน',
    lawfulBasis: 'public_task',
    dataSubjects: 'สมาชิกกลุ่มผู้ใช้น้ำ ผู้กระทำผิดกฎระเบียบ',
    dataCategories: ['ชื่อ-นามสกุล', 'แปลงนา', 'พื้นที่รับน้ำ (ไร่)', 'เหตุการณ์และค่าปรับ'],
    sensitiveData: false,
    source: 'กลุ่มผู้ใช้น้ำ แก่ฝาย ผู้แจ้งเหตุ',
    recipients: 'เจ้าหน้าที่ หัวหน้ากลุ่มผู้ใช้น้ำ',
    retention: 'ตลอดการเป็นสมาชิก ค่าปรับเก็บจนชำระและตามระยะเวลาเก็บเอกสารการเงิน',
    securityMeasures: SECURITY,
  },
  {
    key: 'accounts',
    name: 'บัญชีผู้ใช้และบันทึกการใช้งาน',
    purpose: 'ยืนยันตัวตน กำหนดสิทธิ์ และตรวจสอบย้อนหลังว่าใครทำอะไรเมื่อใด',
    lawfulBasis: 'legitimate_interest',
    dataSubjects: 'เจ้าหน้าที่ ผู้ประสานงาน สมาชิกที่มีบัญชี',
    dataCategories: ['ชื่อ', 'อีเมล', 'รหัสผ่าน (แฮช)', 'บทบาท', 'บันทึกการใช้งาน', 'บันทึกการเข้าดูข้อมูลส่วนบุคคล'],
    sensitiveData: false,
    source: 'ผู้ดูแลระบบ เจ้าของบัญชี',
    recipients: 'ผู้ดูแลระบบขององค์กร',
    retention: 'ตลอดการใช้งานบัญชี บันทึกการเข้าดูข้อมูลส่วนบุคคลตามระยะเวลาที่ตั้งไว้',
    securityMeasures: SECURITY,
  },
];

export const defaultNotice = (tenantName: string) => ({
  controllerName: tenantName,
  controllerAddress: null,
  controllerContact: null,
  dpoName: 'เจ้าหน้าที่คุ้มครองข้อมูลส่วนบุคคล (DPO)',
  dpoContact: null,
  intro: `${tenantName} ในฐานะผู้ควบคุมข้อมูลส่วนบุคคล เก็บ ใช้ และเปิดเผยข้อมูลส่วนบุคคลของภาคีเครือข่าย อาสาสมัคร และผู้เข้าร่วมกิจกรรม เท่าที่จำเป็นต่อการพัฒนาท้องถิ่นร่วมกับภาคีเครือข่าย ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562`,
  extra: null,
});
