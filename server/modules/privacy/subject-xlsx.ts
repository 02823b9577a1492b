// loaded on first use: exceljs alone took 1.5 s of a loaded machine's start-up (issue 12)
const excel = async () => (await import('exceljs')).default;
import type { SubjectExport, SubjectSection } from '../../../common/schemas/privacy';

/** Sheet names (Thai, ≤ 31 characters) of the data-subject workbook, one sheet per kind of record. */
export const SHEET_TH: Record<SubjectSection, string> = {
  party: 'ข้อมูลบุคคล',
  consents: 'ความยินยอม',
  accounts: 'บัญชีผู้ใช้',
  memberships: 'สมาชิกเครือข่าย',
  relationships: 'ความสัมพันธ์',
  committees: 'คณะกรรมการ',
  waterGroups: 'กลุ่มผู้ใช้น้ำ',
  teams: 'ทีมอาสา',
  profile: 'ทักษะและความพร้อม',
  volunteerHours: 'ชั่วโมงจิตอาสา',
  participation: 'การมีส่วนร่วม',
  contributions: 'การเงินและการสมทบ',
  fines: 'ค่าปรับ',
  accessLog: 'การเข้าดูข้อมูล',
  auditEvents: 'บันทึกการใช้งาน',
};

/** Thai column headers by record key (snake_case from SQL, camelCase from readers); unknown keys keep their name. */
const COLUMN_TH: Record<string, string> = {
  id: 'รหัส',
  kind: 'ประเภท',
  name: 'ชื่อ',
  name_en: 'ชื่อภาษาอังกฤษ',
  sector: 'ภาคส่วน',
  pillar: 'เสาหลัก',
  org_type: 'ประเภทองค์กร',
  position: 'ตำแหน่ง',
  address_line: 'ที่อยู่',
  moo: 'หมู่ที่',
  subdistrict: 'ตำบล',
  district: 'อำเภอ',
  province: 'จังหวัด',
  postcode: 'รหัสไปรษณีย์',
  phone: 'โทรศัพท์',
  email: 'อีเมล',
  line_id: 'LINE ID',
  website: 'เว็บไซต์',
  citizen_id_masked: 'เลขประจำตัวประชาชน (ปิดบัง)',
  consent_purpose: 'วัตถุประสงค์ (ทะเบียน)',
  consent_lawful_basis: 'ฐานทางกฎหมาย (ทะเบียน)',
  consent_date: 'วันที่ยินยอม (ทะเบียน)',
  note: 'หมายเหตุ',
  created_at: 'สร้างเมื่อ',
  updated_at: 'แก้ไขล่าสุด',
  purpose: 'วัตถุประสงค์',
  lawful_basis: 'ฐานทางกฎหมาย',
  given_on: 'วันที่ให้',
  method: 'วิธีบันทึก',
  recorded_by_name: 'ผู้บันทึก',
  withdrawn_on: 'วันที่ถอน',
  withdrawn_by_name: 'ผู้บันทึกการถอน',
  withdrawal_note: 'หมายเหตุการถอน',
  role: 'บทบาท',
  active: 'ใช้งานอยู่',
  network: 'เครือข่าย',
  start_date: 'วันเริ่ม',
  end_date: 'วันสิ้นสุด',
  type: 'ประเภทความสัมพันธ์',
  direction: 'ทิศทาง',
  other_party: 'อีกฝ่าย',
  committee: 'คณะกรรมการ',
  order_number: 'เลขที่คำสั่ง',
  order_date: 'วันที่คำสั่ง',
  water_group: 'กลุ่มผู้ใช้น้ำ',
  plot: 'แปลง',
  irrigated_rai: 'พื้นที่รับน้ำ (ไร่)',
  team: 'ทีม',
  skills: 'ทักษะ',
  free_skills: 'ทักษะอื่น',
  availability: 'ช่วงเวลาที่สะดวก',
  village: 'หมู่บ้าน',
  public_list_consent: 'ยินยอมเผยแพร่รายชื่อ',
  public_list_consent_date: 'วันที่ยินยอมเผยแพร่',
  worked_on: 'วันที่ทำงาน',
  fiscal_year: 'ปีงบประมาณ',
  fiscalYear: 'ปีงบประมาณ',
  minutes: 'นาที',
  status: 'สถานะ',
  return_reason: 'เหตุผลที่ส่งกลับ',
  reviewed_by_name: 'ผู้รับรอง',
  reviewed_at: 'รับรองเมื่อ',
  occurred_on: 'วันที่',
  occurredOn: 'วันที่',
  level: 'ระดับ',
  subject_kind: 'ประเภทเรื่อง',
  title: 'เรื่อง',
  head_count: 'จำนวนคน',
  contribution: 'การสนับสนุน',
  amount_satang: 'จำนวนเงิน (สตางค์)',
  record: 'รายการ',
  seq: 'ลำดับในสมุดบัญชี',
  description: 'รายละเอียด',
  totalSatang: 'จำนวนเงิน (สตางค์)',
  postedAt: 'ลงบัญชีเมื่อ',
  place: 'สถานที่',
  repeat: 'กระทำซ้ำ',
  paid_on: 'วันที่ชำระ',
  viewer_name: 'ผู้เข้าดู',
  viewer_role: 'บทบาทผู้เข้าดู',
  fields: 'ข้อมูลที่เห็น',
  route: 'หน้าที่เรียก',
  viewed_at: 'เวลาที่ดู',
  actor_name: 'ผู้ทำรายการ',
  actor_role: 'บทบาท',
  entity: 'ประเภทข้อมูล',
  action: 'การกระทำ',
  entity_label: 'รายการ',
  changes: 'การเปลี่ยนแปลง',
};

export const columnTh = (key: string) => COLUMN_TH[key] ?? key;

function cell(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'ใช่' : 'ไม่ใช่';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The export as a workbook: a cover sheet, then one sheet per kind with Thai headers (empty kinds say so). */
export async function subjectWorkbook(data: SubjectExport): Promise<Buffer> {
  const wb = new (await excel()).Workbook();
  wb.creator = 'Phakhi';
  wb.created = new Date();
  const cover = wb.addWorksheet('สรุป');
  cover.columns = [
    { header: 'รายการ', key: 'k', width: 28 },
    { header: 'จำนวน', key: 'v', width: 40 },
  ];
  cover.getRow(1).font = { bold: true };
  cover.addRow({ k: 'องค์กรปกครองส่วนท้องถิ่น', v: data.tenant });
  cover.addRow({ k: 'รหัสบุคคล', v: data.partyId });
  cover.addRow({ k: 'ส่งออกเมื่อ', v: data.exportedAt });
  for (const [section, records] of Object.entries(data.sections) as [SubjectSection, Record<string, unknown>[]][]) {
    cover.addRow({ k: SHEET_TH[section], v: records.length });
    const ws = wb.addWorksheet(SHEET_TH[section]);
    const keys = [...new Set(records.flatMap((r) => Object.keys(r)))];
    if (!keys.length) {
      ws.columns = [{ header: 'ข้อมูล', key: 'none', width: 30 }];
      ws.addRow({ none: 'ไม่มีข้อมูล' });
    } else {
      ws.columns = keys.map((k) => ({ header: columnTh(k), key: k, width: 20 }));
      for (const r of records) ws.addRow(Object.fromEntries(keys.map((k) => [k, cell(r[k])])));
    }
    ws.getRow(1).font = { bold: true };
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
