/**
 * Shapes of the demo dataset. Pure data: no database types, no imports.
 * Dates are ISO 8601 Gregorian (yyyy-mm-dd); Buddhist-era years appear only inside Thai text.
 */
export type Sector = 'local_government' | 'locality' | 'public_agency' | 'private' | 'civil_society' | 'academic' | 'religious';
export type Pillar = 'local' | 'locality' | 'people';
export type OrgType =
  | 'local_government'
  | 'village'
  | 'community'
  | 'temple'
  | 'school'
  | 'health_center'
  | 'government_agency'
  | 'company'
  | 'shop'
  | 'cooperative'
  | 'community_group'
  | 'foundation'
  | 'university'
  | 'other';
export type Issue =
  | 'water'
  | 'elderly'
  | 'health'
  | 'environment'
  | 'culture'
  | 'education'
  | 'safety'
  | 'livelihood'
  | 'children_youth'
  | 'disaster'
  | 'agriculture'
  | 'waste'
  | 'disability'
  | 'women';
export type Stage = 'seek' | 'develop' | 'build' | 'sustain';
export type MemberRole = 'coordinator' | 'committee' | 'member' | 'advisor';
export type RelType = 'collaborates_with' | 'member_of' | 'funds' | 'supervises' | 'other';
export interface DemoAddress {
  line?: string;
  moo?: number;
  subdistrict: string;
  district: string;
  province: string;
  postcode: string;
}
export interface DemoParty {
  key: string; // stable unique key, e.g. 'village-3', 'temple-chomphu', 'person-0042'
  kind: 'organization' | 'person';
  name: string; // Thai display name; people: "นายสมชาย ใจดี" (title + first + last)
  nameEn?: string; // organisations where natural
  sector: Sector;
  pillar: Pillar;
  orgType?: OrgType;
  position?: string; // people: e.g. 'ผู้ใหญ่บ้าน หมู่ 3', 'อสม.', 'ประธานกลุ่มผู้ใช้น้ำ'
  address?: DemoAddress;
  phone?: string;
  email?: string;
  lineId?: string;
  website?: string;
  citizenId?: string; // people only, some of them; must pass the Thai mod-11 checksum (implement the generator yourself)
  consent?: {
    purpose: string;
    lawfulBasis: 'consent' | 'contract' | 'legal_obligation' | 'vital_interest' | 'public_task' | 'legitimate_interest';
    date: string; /* ISO yyyy-mm-dd */
  };
  note?: string;
}
export interface DemoNetwork {
  key: string;
  name: string;
  nameEn: string;
  description: string;
  issues: Issue[];
  tags: string[];
  pillar: Pillar;
  stage: Stage;
  foundedOn: string; // ISO date
  stageHistory: { from: Stage | null; to: Stage; on: string; note: string }[]; // chronological, ends at `stage`, first has from: null
  coordinatorKey: string; // a party key (person or organisation)
  members: { partyKey: string; role: MemberRole; startDate: string; endDate?: string }[];
}
export interface DemoRelationship {
  fromKey: string;
  toKey: string;
  type: RelType;
  startDate: string;
  endDate?: string;
  note?: string;
}
export interface DemoTenant {
  slug: string;
  nameTh: string;
  nameEn: string;
  type: 'city_municipality' | 'town_municipality' | 'subdistrict_municipality' | 'sao' | 'pao';
  province: string;
  district: string;
  subdistrict: string;
  parties: DemoParty[];
  networks: DemoNetwork[];
  relationships: DemoRelationship[];
}
export interface DemoDataset {
  tenants: DemoTenant[];
}
