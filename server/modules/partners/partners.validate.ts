import crypto from 'node:crypto';
import type { z } from 'zod';
import { DEFAULT_PILLAR_BY_SECTOR } from '../../../common/schemas/enums';
import type { partyCreate } from '../../../common/schemas/partners';
import { isValidThaiCitizenId, maskCitizenId, normalizeCitizenId } from '../../../common/thai';
import { validateThaiAddress } from '../../../common/thai/address';
import type { PartyRow } from './partners.present';

export type PartyInput = z.output<typeof partyCreate>;
export type PartyValues = Omit<PartyRow, 'tenantId' | 'id' | 'createdAt' | 'updatedAt'>;

/**
 * Turn API input (whole, or a patch merged over the stored row) into column values.
 * Returns field errors (message keys) instead of throwing, so imports can report every bad row.
 */
export function toPartyValues(
  input: Partial<PartyInput>,
  existing: PartyRow | null,
  hashCitizenId: (normalized: string) => string,
): { values: PartyValues; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const kind = input.kind ?? (existing?.kind as PartyInput['kind']);
  const sector = input.sector ?? (existing?.sector as PartyInput['sector']);
  const pick = <K extends keyof PartyInput, C extends keyof PartyRow>(key: K, column: C) =>
    (key in input ? (input[key] ?? null) : (existing?.[column] ?? null)) as PartyRow[C];

  const values: PartyValues = {
    kind,
    name: input.name ?? existing?.name ?? '',
    nameEn: pick('nameEn', 'nameEn'),
    sector,
    pillar: input.pillar ?? (input.sector && input.sector !== existing?.sector ? undefined : existing?.pillar) ?? DEFAULT_PILLAR_BY_SECTOR[sector],
    orgType: pick('orgType', 'orgType'),
    position: pick('position', 'position'),
    addressLine: existing?.addressLine ?? null,
    moo: existing?.moo ?? null,
    subdistrict: existing?.subdistrict ?? null,
    district: existing?.district ?? null,
    province: existing?.province ?? null,
    postcode: existing?.postcode ?? null,
    phone: pick('phone', 'phone'),
    email: pick('email', 'email'),
    lineId: pick('lineId', 'lineId'),
    website: pick('website', 'website'),
    citizenIdMasked: existing?.citizenIdMasked ?? null,
    citizenIdHash: existing?.citizenIdHash ?? null,
    consentPurpose: existing?.consentPurpose ?? null,
    consentLawfulBasis: existing?.consentLawfulBasis ?? null,
    consentDate: existing?.consentDate ?? null,
    note: pick('note', 'note'),
  };

  if ('address' in input) {
    const a = input.address;
    values.addressLine = a?.line ?? null;
    values.moo = a?.moo ?? null;
    values.subdistrict = a?.subdistrict ?? null;
    values.district = a?.district ?? null;
    values.province = a?.province ?? null;
    values.postcode = a?.postcode ?? null;
    const located = [values.subdistrict, values.district, values.province, values.postcode].some(Boolean);
    if (located) {
      for (const f of ['subdistrict', 'district', 'province'] as const) if (!values[f]) errors[`address.${f}`] = 'address_incomplete';
      if (!Object.keys(errors).length) {
        const check = validateThaiAddress({
          province: values.province!,
          district: values.district!,
          subdistrict: values.subdistrict!,
          postcode: values.postcode ?? undefined,
        });
        if (!check.ok) for (const e of check.errors) errors[`address.${e.field}`] = e.code;
      }
    }
  }

  if ('citizenId' in input) {
    const raw = input.citizenId?.trim();
    if (!raw) {
      values.citizenIdMasked = null;
      values.citizenIdHash = null;
    } else if (!isValidThaiCitizenId(raw)) {
      errors.citizenId = 'invalid_citizen_id';
    } else {
      const normalized = normalizeCitizenId(raw)!;
      values.citizenIdMasked = maskCitizenId(normalized);
      values.citizenIdHash = hashCitizenId(normalized);
    }
  }
  if (kind !== 'person' && values.citizenIdMasked) errors.citizenId = 'citizen_id_only_for_people';

  if ('consent' in input) {
    values.consentPurpose = input.consent?.purpose ?? null;
    values.consentLawfulBasis = input.consent?.lawfulBasis ?? null;
    values.consentDate = input.consent?.date ?? null;
  }
  return { values, errors };
}

/** Keyed hash of a citizen ID: finds duplicates without storing the ID. */
export function citizenIdHasher(secret: string, tenantId: string) {
  // An empty key would hash every ID the same way in every installation: refuse instead of starting quietly.
  if (!secret) throw new Error('The citizen-ID key is not set (setCitizenIdSecret at start-up)');
  return (normalized: string) => crypto.createHmac('sha256', secret).update(`${tenantId}:${normalized}`).digest('hex');
}
