// Enumerations shared by the API, the database and the web app.
export const SECTORS = ['local_government', 'locality', 'public_agency', 'private', 'civil_society', 'academic', 'religious'] as const;
export type Sector = (typeof SECTORS)[number];

export const PILLARS = ['local', 'locality', 'people'] as const;
export type Pillar = (typeof PILLARS)[number];

/** The pillar a party belongs to unless someone says otherwise. */
export const DEFAULT_PILLAR_BY_SECTOR: Record<Sector, Pillar> = {
  local_government: 'local',
  locality: 'locality',
  public_agency: 'locality',
  private: 'people',
  civil_society: 'people',
  academic: 'people',
  religious: 'people',
};

export const PARTY_KINDS = ['organization', 'person'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const ORG_TYPES = [
  'local_government',
  'village',
  'community',
  'temple',
  'school',
  'health_center',
  'government_agency',
  'company',
  'shop',
  'cooperative',
  'community_group',
  'foundation',
  'university',
  'other',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ISSUES = [
  'water',
  'elderly',
  'health',
  'environment',
  'culture',
  'education',
  'safety',
  'livelihood',
  'children_youth',
  'disaster',
  'agriculture',
  'waste',
  'disability',
  'women',
] as const;
export type Issue = (typeof ISSUES)[number];

export const STAGES = ['seek', 'develop', 'build', 'sustain'] as const;
export type Stage = (typeof STAGES)[number];

export const MEMBER_ROLES = ['coordinator', 'committee', 'member', 'advisor'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const RELATIONSHIP_TYPES = ['collaborates_with', 'member_of', 'funds', 'supervises', 'other'] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const LAWFUL_BASES = ['consent', 'contract', 'legal_obligation', 'vital_interest', 'public_task', 'legitimate_interest'] as const;
export type LawfulBasis = (typeof LAWFUL_BASES)[number];

export const TENANT_TYPES = ['city_municipality', 'town_municipality', 'subdistrict_municipality', 'sao', 'pao'] as const;
export type TenantType = (typeof TENANT_TYPES)[number];

export const TENANT_ROLES = ['admin', 'officer', 'coordinator', 'member'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];

/** What an audit event records (the audit log's action column). */
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'approve', 'reject', 'return', 'export', 'erase', 'withdraw'] as const;
