import { z } from 'zod';
import { positiveSatang } from './budget';
import { evidenceFile } from './evidence';
import { hoursValue } from './manpower';
import { isoDate } from './api';

/** Issue 14 parts B–C: water sources and infrastructure, water-user groups, rotation turns (รอบเวร). */

export const SOURCE_KINDS = ['weir', 'main_canal', 'side_canal', 'gate', 'reservoir', 'well', 'pump'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
/** Upstream (ต้นน้ำ), midstream (กลางน้ำ), downstream (ปลายน้ำ) along the canal system. */
export const ZONES = ['upstream', 'midstream', 'downstream'] as const;
export type Zone = (typeof ZONES)[number];
export const CONDITIONS = ['good', 'fair', 'poor', 'broken'] as const;
export type Condition = (typeof CONDITIONS)[number];
export const MEMBER_ROLES = ['head', 'officer', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
/** Turns in proportion to irrigated area, or equal turns for every group. */
export const ROTA_RULES = ['proportional', 'equal'] as const;
export type RotaRule = (typeof ROTA_RULES)[number];
/** Which zone takes water first in each round (downstream first in a drought, so the tail end is not left dry). */
export const ROTA_ORDERS = ['downstream_first', 'upstream_first'] as const;
export type RotaOrder = (typeof ROTA_ORDERS)[number];
export const ROTA_STATUSES = ['draft', 'published'] as const;
/** The longest season a rota may cover. */
export const MAX_SEASON_DAYS = 366;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === '' || v === undefined ? null : v));
const nullableUuid = z
  .uuid()
  .nullish()
  .transform((v) => v ?? null);

export const sourceInput = z.strictObject({
  kind: z.enum(SOURCE_KINDS),
  name: text(200).min(1),
  /** The weir or canal it sits on or branches from (a weir has none). */
  parentId: nullableUuid,
  /** Metres from the head of the parent (where a side canal branches, where a gate stands). */
  chainageM: z.number().int().min(0, { message: 'must_not_be_negative' }).max(200_000).default(0),
  /** Length of a canal, metres. */
  lengthM: z
    .number()
    .int()
    .min(0, { message: 'must_not_be_negative' })
    .max(200_000)
    .nullish()
    .transform((v) => v ?? null),
  zone: z.enum(ZONES),
  /** A partner local government whose area it lies in; null = this local government. */
  localGovernmentPartyId: nullableUuid,
  lat: z
    .number()
    .min(-90)
    .max(90)
    .nullish()
    .transform((v) => v ?? null),
  lon: z
    .number()
    .min(-180)
    .max(180)
    .nullish()
    .transform((v) => v ?? null),
  condition: z.enum(CONDITIONS),
  note: optionalText(2000),
});
export const sourcePatch = sourceInput.partial();

export const source = z.object({
  id: z.uuid(),
  kind: z.enum(SOURCE_KINDS),
  name: z.string(),
  parentId: z.uuid().nullable(),
  chainageM: z.number().int(),
  lengthM: z.number().int().nullable(),
  zone: z.enum(ZONES),
  localGovernment: z.object({ partyId: z.uuid().nullable(), name: z.string() }),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  condition: z.enum(CONDITIONS),
  note: z.string().nullable(),
});
export type Source = z.infer<typeof source>;

/** Irrigated area in rai, to 0.01 (a rai is 400 square wa). */
export const rai = z
  .number({ message: 'invalid_number' })
  .min(0, { message: 'must_not_be_negative' })
  .max(100_000)
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { message: 'rai_hundredths' });

export const groupInput = z.strictObject({
  name: text(200).min(1),
  /** The canal (or weir) the group takes its water from. */
  sourceId: z.uuid(),
  zone: z.enum(ZONES),
  networkId: nullableUuid,
});
export const memberInput = z.strictObject({
  partyId: z.uuid(),
  role: z.enum(MEMBER_ROLES).default('member'),
  /** Plot (แปลง), e.g. ทุ่งนาหมู่ 3 แปลงริมเหมืองซอย 2. */
  plot: optionalText(300),
  irrigatedRai: rai,
});
export const membersInput = z.strictObject({ members: z.array(memberInput).max(500) });

export const groupMember = z.object({
  partyId: z.uuid(),
  name: z.string(),
  role: z.enum(MEMBER_ROLES),
  plot: z.string().nullable(),
  irrigatedRai: z.number(),
  /** Masked (xxx-xxx-5678); the whole number only on the person's registry page, where showing it is logged. */
  phone: z.string().nullable(),
});
export const groupSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  source: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(SOURCE_KINDS) }),
  zone: z.enum(ZONES),
  head: z.object({ partyId: z.uuid(), name: z.string() }).nullable(),
  memberCount: z.number().int(),
  irrigatedRai: z.number(),
});
export type GroupSummary = z.infer<typeof groupSummary>;
export const groupDetail = groupSummary.extend({ networkId: z.uuid().nullable(), members: z.array(groupMember) });
export type GroupDetail = z.infer<typeof groupDetail>;

export const rotaInput = z.strictObject({
  sourceId: z.uuid(),
  /** e.g. ฤดูแล้ง 2569 */
  season: text(200).min(1),
  startsOn: isoDate,
  endsOn: isoDate,
  /** Length of one turn in hours; turns change at 06:00 Thai time. */
  turnHours: z.number().int().min(1).max(168),
  rule: z.enum(ROTA_RULES),
  order: z.enum(ROTA_ORDERS),
});
/** A turn moved by hand: ISO date-times with an offset, e.g. 2027-02-01T06:00:00+07:00. */
export const turnPatch = z.strictObject({
  startsAt: z.iso.datetime({ offset: true, message: 'invalid_datetime' }),
  endsAt: z.iso.datetime({ offset: true, message: 'invalid_datetime' }),
});

export const turn = z.object({
  id: z.uuid(),
  seq: z.number().int(),
  groupId: z.uuid(),
  groupName: z.string(),
  zone: z.enum(ZONES),
  startsAt: z.string(),
  endsAt: z.string(),
});
export type Turn = z.infer<typeof turn>;
export const rotaShare = z.object({
  groupId: z.uuid(),
  groupName: z.string(),
  zone: z.enum(ZONES),
  irrigatedRai: z.number(),
  /** The exact share the rule gives (turns, fractional). */
  quota: z.number(),
  turns: z.number().int(),
  hours: z.number().int(),
});
export const rotaSummary = z.object({
  id: z.uuid(),
  source: z.object({ id: z.uuid(), name: z.string() }),
  season: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  turnHours: z.number().int(),
  rule: z.enum(ROTA_RULES),
  order: z.enum(ROTA_ORDERS),
  status: z.enum(ROTA_STATUSES),
  publishedAt: z.string().nullable(),
  turnCount: z.number().int(),
});
export type RotaSummary = z.infer<typeof rotaSummary>;
export const rotaDetail = rotaSummary.extend({ shares: z.array(rotaShare), turns: z.array(turn) });
export type RotaDetail = z.infer<typeof rotaDetail>;

export const myTurns = z.object({
  /** False when the account has no linked registry person. */
  linked: z.boolean(),
  groups: z.array(z.object({ id: z.uuid(), name: z.string(), zone: z.enum(ZONES), role: z.enum(MEMBER_ROLES) })),
  /** The next turns of the member's groups in published rotas (the current one first), at most five. */
  next: z.array(turn.extend({ rotaId: z.uuid(), season: z.string(), sourceName: z.string(), current: z.boolean() })),
});
export type MyTurns = z.infer<typeof myTurns>;

export const publicRotas = z.object({
  tenant: z.object({ nameTh: z.string(), nameEn: z.string() }),
  items: z.array(rotaSummary.extend({ turns: z.array(turn.omit({ id: true })) })),
});
export type PublicRotas = z.infer<typeof publicRotas>;

// ---- incidents and fines (part D)
export const INCIDENT_KINDS = ['out_of_turn', 'blocked_ditch', 'gate_without_right', 'damage', 'flood', 'drought', 'dispute', 'other'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const incidentInput = z.strictObject({
  occurredOn: isoDate,
  kind: z.enum(INCIDENT_KINDS),
  sourceId: nullableUuid,
  groupId: nullableUuid,
  reporterPartyId: nullableUuid,
  place: text(300).min(1),
  description: text(4000).min(1),
  evidenceNote: optionalText(2000),
});
export const incidentPatch = z.strictObject({ status: z.enum(['open', 'resolved']).optional(), resolution: optionalText(4000).optional() });
export const fineLevy = z.strictObject({
  /** The regulation whose version in force on the incident date sets the fine. */
  regulationId: z.uuid(),
  clauseNumber: z.string().trim().max(20),
  partyId: z.uuid(),
  /** A repeat offence: the schedule's repeat amount, where it has one. */
  repeat: z.boolean().default(false),
});
export const finePayment = z.strictObject({ paidOn: isoDate, fundId: z.uuid() });

export const incidentFine = z.object({
  id: z.uuid(),
  party: z.object({ id: z.uuid(), name: z.string() }),
  regulationVersion: z.object({ id: z.uuid(), number: z.number().int(), title: z.string() }),
  clauseNumber: z.string(),
  offence: z.string(),
  repeat: z.boolean(),
  amountSatang: z.number().int(),
  paidOn: z.string().nullable(),
  ledgerTransactionId: z.uuid().nullable(),
});
export const incident = z.object({
  id: z.uuid(),
  occurredOn: z.string(),
  kind: z.enum(INCIDENT_KINDS),
  source: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  group: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  reporter: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  place: z.string(),
  description: z.string(),
  evidenceNote: z.string().nullable(),
  resolution: z.string().nullable(),
  status: z.enum(['open', 'resolved']),
  fines: z.array(incidentFine),
  /** Photos (and PDFs) of the incident: evidence files (server/modules/evidence). */
  files: z.array(evidenceFile),
});
export type Incident = z.infer<typeof incident>;

// ---- turn swaps (issue 14 item 4)
export const swapInput = z.strictObject({ turnId: z.uuid(), withTurnId: z.uuid() });
export const swap = z.object({
  id: z.uuid(),
  rotaId: z.uuid(),
  status: z.enum(['pending', 'accepted', 'declined']),
  turn: turn,
  withTurn: turn,
  requestedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  /** The caller may accept or decline it (pending; the other group's head or officer, or an officer of the local government). */
  canDecide: z.boolean(),
});
export type Swap = z.infer<typeof swap>;

// ---- maintenance works (ขุดลอก, ซ่อมแซม) and duty days (วันลงแขก), issue 14 item 6
export const MAINTENANCE_KINDS = ['repair', 'dredging'] as const;
export type MaintenanceKind = (typeof MAINTENANCE_KINDS)[number];
export const DUTY_BASES = ['per_member', 'per_rai'] as const;
export type DutyBasis = (typeof DUTY_BASES)[number];

/** A group's rule: each member owes `days` per season, or `days` for every `rai` rai irrigated (rounded up). */
export const dutyRuleInput = z
  .strictObject({
    basis: z.enum(DUTY_BASES),
    days: z.number().int({ message: 'whole_days' }).min(0, { message: 'must_not_be_negative' }).max(365),
    rai: rai.nullish().transform((v) => v ?? null),
  })
  .superRefine((v, c) => {
    if (v.basis === 'per_rai' && !v.rai) c.addIssue({ code: 'custom', path: ['rai'], message: 'duty_rai_required' });
  })
  .transform((v) => ({ ...v, rai: v.basis === 'per_rai' ? v.rai : null }));
export const dutyRule = z.object({ basis: z.enum(DUTY_BASES), days: z.number().int(), rai: z.number().nullable() });
export type DutyRule = z.infer<typeof dutyRule>;

export const maintenanceInput = z.strictObject({
  kind: z.enum(MAINTENANCE_KINDS),
  title: text(300).min(1),
  /** The season the duty days count for, e.g. ฤดูแล้ง 2570 (the rota's season names). */
  season: text(200).min(1),
  sourceId: z.uuid(),
  /** A work of one group (its side canal); none = the whole system's work, counted for every group. */
  groupId: nullableUuid,
  startsOn: isoDate,
  endsOn: isoDate,
  /** The plan activity the labour is logged under as volunteer hours. */
  activityId: z.uuid(),
  /** The in-kind fund that receives the materials in the ledger. */
  fundId: nullableUuid,
  note: optionalText(2000),
});
const labourEntry = z.strictObject({ kind: z.literal('labour'), partyId: z.uuid(), date: isoDate, hours: hoursValue });
const materialEntry = z.strictObject({
  kind: z.literal('material'),
  partyId: z.uuid(),
  date: isoDate,
  description: text(500).min(1),
  valueSatang: positiveSatang,
});
/** One attendance sheet or delivery list, all-or-nothing. */
export const contributionsInput = z.strictObject({
  entries: z
    .array(z.discriminatedUnion('kind', [labourEntry, materialEntry]))
    .min(1)
    .max(200),
});
export type ContributionsInput = z.input<typeof contributionsInput>;
/**
 * A work corrected: any of its fields. Contributions follow (maintenance.service.ts): a new activity moves the labour's
 * volunteer hours, a new fund re-records the materials (a reversal and a new contribution in the ledger).
 */
export const maintenancePatch = maintenanceInput.partial();
export type MaintenancePatch = z.input<typeof maintenancePatch>;
/** One contribution corrected: a labour day's date or hours, a material's date, description or value (its kind stays). */
export const contributionPatch = z.discriminatedUnion('kind', [
  labourEntry
    .omit({ partyId: true })
    .partial()
    .extend({ kind: z.literal('labour') }),
  materialEntry
    .omit({ partyId: true })
    .partial()
    .extend({ kind: z.literal('material') }),
]);
export type ContributionPatch = z.input<typeof contributionPatch>;

export const maintenanceSummary = z.object({
  id: z.uuid(),
  kind: z.enum(MAINTENANCE_KINDS),
  title: z.string(),
  season: z.string(),
  source: z.object({ id: z.uuid(), name: z.string() }),
  group: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  startsOn: z.string(),
  endsOn: z.string(),
  activity: z.object({ id: z.uuid(), name: z.string() }),
  fund: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  note: z.string().nullable(),
  people: z.number().int(),
  labourMinutes: z.number().int(),
  materialSatang: z.number().int(),
});
export type MaintenanceSummary = z.infer<typeof maintenanceSummary>;
export const maintenanceContribution = z.object({
  id: z.uuid(),
  party: z.object({ id: z.uuid(), name: z.string() }),
  kind: z.enum(['labour', 'material']),
  date: z.string(),
  minutes: z.number().int().nullable(),
  description: z.string().nullable(),
  valueSatang: z.number().int().nullable(),
  /** The volunteer-hours log (manpower) and its status; null if it was withdrawn there. */
  hours: z.object({ id: z.uuid(), status: z.string() }).nullable(),
  /** The ledger transaction of an in-kind contribution and its status. */
  ledger: z.object({ id: z.uuid(), status: z.string(), seq: z.number().int().nullable() }).nullable(),
});
/** What removing a work or a contribution did elsewhere: the ledger reversals recorded and the hours logs withdrawn. */
export const maintenanceRemoval = z.object({ reversalIds: z.array(z.uuid()), hoursWithdrawn: z.number().int() });
export type MaintenanceRemoval = z.infer<typeof maintenanceRemoval>;
export const maintenanceDetail = maintenanceSummary.extend({ contributions: z.array(maintenanceContribution) });
export type MaintenanceDetail = z.infer<typeof maintenanceDetail>;
export const maintenanceListQuery = z.object({ season: text(200).optional() });

export const dutyRow = z.object({
  partyId: z.uuid(),
  name: z.string(),
  role: z.enum(MEMBER_ROLES),
  irrigatedRai: z.number(),
  owed: z.number().int(),
  given: z.number().int(),
  /** given − owed: negative = days still owed. */
  balance: z.number().int(),
});
export const dutyTable = z.object({
  group: z.object({ id: z.uuid(), name: z.string() }),
  season: z.string(),
  rule: dutyRule,
  /** Seasons with maintenance works, newest first (for the picker). */
  seasons: z.array(z.string()),
  members: z.array(dutyRow),
  totals: z.object({ owed: z.number().int(), given: z.number().int() }),
});
export type DutyTable = z.infer<typeof dutyTable>;
export const dutyQuery = z.object({ season: text(200).min(1).optional() });
