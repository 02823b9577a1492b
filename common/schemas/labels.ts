import type { Issue, LawfulBasis, OrgType, PartyKind, Pillar, Sector, Stage } from './enums';

/** Thai labels for the enumerations that appear in exports and imports (the web app has its own i18n files). */
export const KIND_TH: Record<PartyKind, string> = { organization: 'องค์กร', person: 'บุคคล' };
export const SECTOR_TH: Record<Sector, string> = {
  local_government: 'ภาคท้องถิ่น',
  locality: 'ภาคท้องที่',
  public_agency: 'ภาครัฐ',
  private: 'ภาคเอกชน',
  civil_society: 'ภาคประชาชน/ประชาสังคม',
  academic: 'ภาควิชาการ',
  religious: 'ศาสนา',
};
export const PILLAR_TH: Record<Pillar, string> = { local: 'ภาคท้องถิ่น', locality: 'ภาคท้องที่', people: 'ภาคประชาชน' };
export const ORG_TYPE_TH: Record<OrgType, string> = {
  local_government: 'องค์กรปกครองส่วนท้องถิ่น',
  village: 'หมู่บ้าน',
  community: 'ชุมชน',
  temple: 'วัด',
  school: 'โรงเรียน',
  health_center: 'หน่วยบริการสุขภาพ',
  government_agency: 'หน่วยงานราชการ',
  company: 'บริษัท/ห้างหุ้นส่วน',
  shop: 'ร้านค้า',
  cooperative: 'สหกรณ์/วิสาหกิจชุมชน',
  community_group: 'กลุ่มองค์กรชุมชน',
  foundation: 'มูลนิธิ/สมาคม',
  university: 'สถาบันการศึกษา',
  other: 'อื่น ๆ',
};
export const LAWFUL_BASIS_TH: Record<LawfulBasis, string> = {
  consent: 'ความยินยอม',
  contract: 'สัญญา',
  legal_obligation: 'หน้าที่ตามกฎหมาย',
  vital_interest: 'ประโยชน์สำคัญต่อชีวิต',
  public_task: 'ภารกิจเพื่อประโยชน์สาธารณะ',
  legitimate_interest: 'ประโยชน์โดยชอบด้วยกฎหมาย',
};

/** Accept a code ("private") or its Thai label ("ภาคเอกชน") from a spreadsheet cell. */
export function fromLabel<K extends string>(labels: Record<K, string>, value: string): K | string {
  const v = value.trim();
  if (!v) return v;
  if (v in labels) return v;
  const hit = (Object.entries(labels) as [K, string][]).find(([, label]) => label === v);
  return hit ? hit[0] : v;
}

export const STAGE_TH: Record<Stage, string> = { seek: 'ค้นหา', develop: 'พัฒนา', build: 'สร้าง', sustain: 'ยั่งยืน' };
export const ISSUE_TH: Record<Issue, string> = {
  water: 'น้ำ',
  elderly: 'ผู้สูงอายุ',
  health: 'สุขภาพ',
  environment: 'สิ่งแวดล้อม',
  culture: 'วัฒนธรรม',
  education: 'การศึกษา',
  safety: 'ความปลอดภัย',
  livelihood: 'อาชีพและเศรษฐกิจ',
  children_youth: 'เด็กและเยาวชน',
  disaster: 'ภัยพิบัติ',
  agriculture: 'เกษตร',
  waste: 'ขยะ',
  disability: 'คนพิการ',
  women: 'สตรี',
};
