import { z } from 'zod';
import { isoDate, listQuery } from './api';
import { LAWFUL_BASES } from './enums';

/** PDPA (Personal Data Protection Act B.E. 2562): consents, notice, ROPA, access log, retention, export, erasure. */

export const CONSENT_METHODS = ['paper_form', 'online_form', 'verbal', 'meeting', 'imported', 'other'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** The fields of a person that are personal contact data: masked in lists and for members, logged when shown. */
export const SENSITIVE_FIELDS = ['phone', 'email', 'lineId', 'address'] as const;
export type SensitiveField = (typeof SENSITIVE_FIELDS)[number];

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const consentInput = z.strictObject({
  purpose: text(300),
  lawfulBasis: z.enum(LAWFUL_BASES),
  givenOn: isoDate,
  method: z.enum(CONSENT_METHODS),
  note: optionalText(1000),
});
export const withdrawInput = z.strictObject({ withdrawnOn: isoDate, note: optionalText(1000) });

export const consent = z.object({
  id: z.uuid(),
  partyId: z.uuid(),
  purpose: z.string(),
  lawfulBasis: z.enum(LAWFUL_BASES),
  givenOn: z.string(),
  method: z.enum(CONSENT_METHODS),
  recordedByName: z.string(),
  note: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawnByName: z.string().nullable(),
  withdrawalNote: z.string().nullable(),
  createdAt: z.string(),
});
export type Consent = z.infer<typeof consent>;

export const erasureInfo = z.object({ reason: z.enum(['request', 'retention']), note: z.string().nullable(), erasedByName: z.string(), erasedAt: z.string() });

export const personPrivacy = z.object({
  partyId: z.uuid(),
  name: z.string(),
  isPerson: z.boolean(),
  erased: erasureInfo.nullable(),
  consents: z.array(consent),
  accessCount: z.number().int(),
});
export type PersonPrivacy = z.infer<typeof personPrivacy>;

export const partyParams = z.object({ tenant: z.string().max(64), partyId: z.uuid() });
export const consentParams = z.object({ tenant: z.string().max(64), consentId: z.uuid() });

export const subjectExportQuery = z.object({ format: z.enum(['json', 'xlsx']).default('json') });

/** Everything about one person, one list of records per kind. */
export const SUBJECT_SECTIONS = [
  'party',
  'consents',
  'accounts',
  'memberships',
  'relationships',
  'committees',
  'waterGroups',
  'teams',
  'profile',
  'volunteerHours',
  'participation',
  'contributions',
  'fines',
  'accessLog',
  'auditEvents',
] as const;
export type SubjectSection = (typeof SUBJECT_SECTIONS)[number];
export const subjectExport = z.object({
  exportedAt: z.string(),
  tenant: z.string(),
  partyId: z.uuid(),
  sections: z.object(
    Object.fromEntries(SUBJECT_SECTIONS.map((section) => [section, z.array(z.record(z.string(), z.unknown()))])) as Record<
      SubjectSection,
      z.ZodArray<z.ZodRecord<z.ZodString, z.ZodUnknown>>
    >,
  ),
});
export type SubjectExport = z.infer<typeof subjectExport>;

export const eraseInput = z.strictObject({
  /** The person's current name, typed again: a second look before an irreversible act. */
  confirmName: text(300),
  note: text(1000),
});
export const eraseResult = z.object({ partyId: z.uuid(), name: z.string(), erasedAt: z.string(), auditEventsRedacted: z.number().int() });

export const noticeInput = z.strictObject({
  controllerName: text(300),
  controllerAddress: optionalText(1000),
  controllerContact: optionalText(500),
  dpoName: optionalText(300),
  dpoContact: optionalText(500),
  intro: optionalText(5000),
  extra: optionalText(10_000),
});

export const activityInput = z.strictObject({
  position: z.number().int().min(0).max(10_000).optional(),
  name: text(300),
  purpose: text(2000),
  lawfulBasis: z.enum(LAWFUL_BASES),
  dataSubjects: text(500),
  dataCategories: z.array(text(200)).max(50).default([]),
  sensitiveData: z.boolean().default(false),
  source: optionalText(500),
  recipients: optionalText(1000),
  retention: text(500),
  securityMeasures: optionalText(2000),
  crossBorder: optionalText(1000),
});
export const activityPatch = activityInput.partial();
export const activity = z.object({
  id: z.uuid(),
  isDefault: z.boolean(),
  position: z.number().int(),
  name: z.string(),
  purpose: z.string(),
  lawfulBasis: z.enum(LAWFUL_BASES),
  dataSubjects: z.string(),
  dataCategories: z.array(z.string()),
  sensitiveData: z.boolean(),
  source: z.string().nullable(),
  recipients: z.string().nullable(),
  retention: z.string(),
  securityMeasures: z.string().nullable(),
  crossBorder: z.string().nullable(),
  updatedAt: z.string(),
});
export type ProcessingActivity = z.infer<typeof activity>;

export const retentionInput = z.strictObject({
  inactivePeopleYears: z.number().int().min(1).max(50).nullable(),
  accessLogMonths: z.number().int().min(1).max(120).nullable(),
});
export const retentionSettings = retentionInput.extend({
  updatedByName: z.string().nullable(),
  updatedAt: z.string().nullable(),
  lastRunAt: z.string().nullable(),
  lastRunPeople: z.number().int().nullable(),
  lastRunAccessRows: z.number().int().nullable(),
});
export type RetentionSettings = z.infer<typeof retentionSettings>;
export const retentionRun = z.object({ peopleAnonymised: z.number().int(), accessRowsDeleted: z.number().int(), morePending: z.boolean() });

/** The public notice: the controller's words and contacts, the purposes from the ROPA, the retention in force. No personal data of anyone else. */
export const privacyNotice = z.object({
  tenantName: z.string(),
  controllerName: z.string(),
  controllerAddress: z.string().nullable(),
  controllerContact: z.string().nullable(),
  dpoName: z.string().nullable(),
  dpoContact: z.string().nullable(),
  intro: z.string().nullable(),
  extra: z.string().nullable(),
  isDefault: z.boolean(),
  updatedAt: z.string().nullable(),
  activities: z.array(activity.pick({ name: true, purpose: true, lawfulBasis: true, dataCategories: true, retention: true, recipients: true })),
  retention: retentionInput,
});
export type PrivacyNotice = z.infer<typeof privacyNotice>;

export const accessLogQuery = listQuery.omit({ q: true }).extend({ partyId: z.uuid().optional(), from: isoDate.optional(), to: isoDate.optional() });
export const accessLogEntry = z.object({
  id: z.uuid(),
  viewerName: z.string(),
  viewerRole: z.string(),
  partyId: z.uuid(),
  partyName: z.string().nullable(),
  fields: z.array(z.string()),
  route: z.string(),
  viewedAt: z.string(),
});
export type AccessLogEntry = z.infer<typeof accessLogEntry>;
