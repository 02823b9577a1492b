import { z } from 'zod';
import { isoDate, listQuery } from './api';
import { LAWFUL_BASES, ORG_TYPES, PARTY_KINDS, PILLARS, RELATIONSHIP_TYPES, SECTORS } from './enums';

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === '' ? null : v));

export const addressInput = z.object({
  line: optionalText(300),
  moo: z.number().int().min(1).max(99).nullish(),
  subdistrict: optionalText(100),
  district: optionalText(100),
  province: optionalText(100),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, { message: 'postcode_mismatch' })
    .nullish()
    .or(z.literal('').transform(() => null)),
});
export type AddressInput = z.infer<typeof addressInput>;

export const consentInput = z.object({
  purpose: text(300).min(1),
  lawfulBasis: z.enum(LAWFUL_BASES),
  date: isoDate,
});

const partyFields = {
  kind: z.enum(PARTY_KINDS),
  name: text(200).min(1),
  nameEn: optionalText(200),
  sector: z.enum(SECTORS),
  /** Defaults from the sector when absent. */
  pillar: z.enum(PILLARS).optional(),
  orgType: z.enum(ORG_TYPES).nullish(),
  position: optionalText(200),
  address: addressInput.nullish(),
  phone: optionalText(40),
  email: z
    .email({ message: 'invalid_email' })
    .max(200)
    .nullish()
    .or(z.literal('').transform(() => null)),
  lineId: optionalText(100),
  website: optionalText(300),
  /** People only; 13 digits with a valid check digit. Never returned unmasked. */
  citizenId: z.string().trim().max(20).nullish(),
  consent: consentInput.nullish(),
  note: optionalText(2000),
};

export const partyCreate = z.strictObject(partyFields);
export type PartyCreate = z.input<typeof partyCreate>;
export const partyUpdate = z.strictObject(partyFields).partial();
export type PartyUpdate = z.input<typeof partyUpdate>;

export const partyListQuery = listQuery.extend({
  kind: z.enum(PARTY_KINDS).optional(),
  sector: z.enum(SECTORS).optional(),
  pillar: z.enum(PILLARS).optional(),
  orgType: z.enum(ORG_TYPES).optional(),
  sort: z.enum(['name', '-updatedAt']).default('name'),
});

export const party = z.object({
  id: z.uuid(),
  kind: z.enum(PARTY_KINDS),
  name: z.string(),
  nameEn: z.string().nullable(),
  sector: z.enum(SECTORS),
  pillar: z.enum(PILLARS),
  orgType: z.enum(ORG_TYPES).nullable(),
  position: z.string().nullable(),
  address: z.object({
    line: z.string().nullable(),
    moo: z.number().nullable(),
    subdistrict: z.string().nullable(),
    district: z.string().nullable(),
    province: z.string().nullable(),
    postcode: z.string().nullable(),
  }),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  lineId: z.string().nullable(),
  website: z.string().nullable(),
  /** Masked, e.g. 1-xxxx-xxxxx-x3-4; null when none recorded. */
  citizenId: z.string().nullable(),
  consent: z.object({ purpose: z.string(), lawfulBasis: z.enum(LAWFUL_BASES), date: z.string() }).nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Party = z.infer<typeof party>;

export const partySummary = party.pick({ id: true, kind: true, name: true, sector: true, pillar: true, orgType: true, position: true });
export type PartySummary = z.infer<typeof partySummary>;

export const relationshipCreate = z.strictObject({
  fromPartyId: z.uuid(),
  toPartyId: z.uuid(),
  type: z.enum(RELATIONSHIP_TYPES),
  note: optionalText(500),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
});
export const relationshipUpdate = relationshipCreate.omit({ fromPartyId: true, toPartyId: true }).partial();
export const relationship = z.object({
  id: z.uuid(),
  type: z.enum(RELATIONSHIP_TYPES),
  from: partySummary,
  to: partySummary,
  note: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export type Relationship = z.infer<typeof relationship>;
export const relationshipListQuery = listQuery.extend({ partyId: z.uuid().optional(), type: z.enum(RELATIONSHIP_TYPES).optional() });

/** Party detail page: the party plus its networks and relationships. */
export const partyDetail = party.extend({
  networks: z.array(z.object({ networkId: z.uuid(), name: z.string(), role: z.string(), startDate: z.string().nullable(), endDate: z.string().nullable() })),
  relationships: z.array(relationship),
});
export type PartyDetail = z.infer<typeof partyDetail>;

export const importRowResult = z.object({
  row: z.number().int(),
  name: z.string().nullable(),
  errors: z.record(z.string(), z.string()),
});
export const importPreview = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  rows: z.array(importRowResult),
  columns: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof importPreview>;
