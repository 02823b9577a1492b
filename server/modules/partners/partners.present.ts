import type { Party, PartySummary } from '../../../common/schemas/partners';
import type { parties } from '../../db/schema';
import { isoTime } from '../../platform/sql';

export type PartyRow = typeof parties.$inferSelect;

export function presentParty(r: PartyRow): Party {
  return {
    id: r.id,
    kind: r.kind as Party['kind'],
    name: r.name,
    nameEn: r.nameEn,
    sector: r.sector as Party['sector'],
    pillar: r.pillar as Party['pillar'],
    orgType: r.orgType as Party['orgType'],
    position: r.position,
    address: { line: r.addressLine, moo: r.moo, subdistrict: r.subdistrict, district: r.district, province: r.province, postcode: r.postcode },
    phone: r.phone,
    email: r.email,
    lineId: r.lineId,
    website: r.website,
    citizenId: r.citizenIdMasked,
    consent:
      r.consentPurpose && r.consentLawfulBasis && r.consentDate
        ? { purpose: r.consentPurpose, lawfulBasis: r.consentLawfulBasis as NonNullable<Party['consent']>['lawfulBasis'], date: r.consentDate }
        : null,
    note: r.note,
    createdAt: isoTime(r.createdAt),
    updatedAt: isoTime(r.updatedAt),
  };
}

export function presentPartySummary(r: Pick<PartyRow, 'id' | 'kind' | 'name' | 'sector' | 'pillar' | 'orgType' | 'position'>): PartySummary {
  return {
    id: r.id,
    kind: r.kind as Party['kind'],
    name: r.name,
    sector: r.sector as Party['sector'],
    pillar: r.pillar as Party['pillar'],
    orgType: r.orgType as Party['orgType'],
    position: r.position,
  };
}

/** The audit log's view of a party: no hash, masked ID only. */
export function auditableParty(r: PartyRow): Record<string, unknown> {
  const { citizenIdHash: _hash, tenantId: _t, createdAt: _c, updatedAt: _u, ...rest } = r;
  return rest;
}
