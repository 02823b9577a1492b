import { ISSUES, PARTY_KINDS, PILLARS, RELATIONSHIP_TYPES, SECTORS, STAGES } from '../../../common/schemas/enums';
import type { Issue, PartyKind, Pillar, RelationshipType, Sector, Stage } from '../../../common/schemas/enums';

function str(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.slice(0, 200) : undefined;
}
function page(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n > 1 && n < 100_000 ? n : undefined;
}
function oneOf<T extends string>(list: readonly T[], v: unknown): T | undefined {
  return typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined;
}

export interface NetworkSearch {
  q?: string;
  page?: number;
  pillar?: Pillar;
  stage?: Stage;
  issue?: Issue;
}
export function validateNetworkSearch(s: Record<string, unknown>): NetworkSearch {
  return { q: str(s.q), page: page(s.page), pillar: oneOf(PILLARS, s.pillar), stage: oneOf(STAGES, s.stage), issue: oneOf(ISSUES, s.issue) };
}

export interface PartnerSearch {
  q?: string;
  page?: number;
  kind?: PartyKind;
  sector?: Sector;
  pillar?: Pillar;
}
export function validatePartnerSearch(s: Record<string, unknown>): PartnerSearch {
  return { q: str(s.q), page: page(s.page), kind: oneOf(PARTY_KINDS, s.kind), sector: oneOf(SECTORS, s.sector), pillar: oneOf(PILLARS, s.pillar) };
}

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
export interface AuditSearch {
  page?: number;
  entity?: string;
  action?: AuditAction;
}
export function validateAuditSearch(s: Record<string, unknown>): AuditSearch {
  return { page: page(s.page), entity: str(s.entity), action: oneOf(AUDIT_ACTIONS, s.action) };
}

export interface RelationshipSearch {
  page?: number;
  type?: RelationshipType;
}
export function validateRelationshipSearch(s: Record<string, unknown>): RelationshipSearch {
  return { page: page(s.page), type: oneOf(RELATIONSHIP_TYPES, s.type) };
}

/** Drop undefined keys so URLs stay clean. */
export function clean<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && v !== '' && v !== null) out[k] = v;
  return out as T;
}
