import { z } from 'zod';
import { isoDate } from './api';
import { fiscalYear, satang } from './plans';

/** Issue 13 part D: local development plans (แผนพัฒนาท้องถิ่น) and the joint projects integrated into them. */

export const EDITION_KINDS = ['original', 'addition', 'change'] as const;
export type EditionKind = (typeof EDITION_KINDS)[number];
/** proposed → integrated (into an edition) → in the annual budget → done; or dropped with a reason. */
export const INTEGRATION_STATUSES = ['proposed', 'integrated', 'in_budget', 'done', 'dropped'] as const;
export type IntegrationStatus = (typeof INTEGRATION_STATUSES)[number];
/** A local plan covers five plan years from its start year. */
export const PLAN_YEARS = 5;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === '' ? null : v));

const programmeInput = z.strictObject({ name: text(300).min(1) });
export const strategyCreate = z.strictObject({
  name: text(300).min(1),
  provinceStrategy: optionalText(300),
  programmes: z.array(programmeInput).max(50).default([]),
});
export const programmeCreate = programmeInput;

export const localPlanCreate = z.strictObject({
  /** A partner organisation that is a local government; null = this local government (the tenant). */
  partyId: z.uuid().nullable().default(null),
  startYear: fiscalYear,
  /** Default: แผนพัฒนาท้องถิ่น (พ.ศ. start–end). */
  name: optionalText(300),
  strategies: z.array(strategyCreate).max(30).default([]),
});

export const editionCreate = z.strictObject({
  kind: z.enum(EDITION_KINDS),
  approvedOn: isoDate,
  /** The approving act, e.g. ประกาศใช้โดยนายกเทศมนตรี ลงวันที่ … / มติสภา. */
  approvingAct: text(500).min(1),
});

const share = z.strictObject({ year: fiscalYear, budgetSatang: satang });
export const assignmentInput = z.strictObject({
  localPlanId: z.uuid(),
  programmeId: z.uuid(),
  shares: z.array(share).min(1).max(PLAN_YEARS),
  /** Defaults from the joint project: objective ← objectives, target ← output target, KPI ← indicator text. */
  objective: optionalText(4000),
  target: optionalText(4000),
  kpi: optionalText(4000),
  expectedResult: optionalText(4000),
  responsibleUnit: optionalText(300),
});
/** Every local government that carries the project, at once: their shares together make the project's budget. */
export const assignmentsInput = z.strictObject({ assignments: z.array(assignmentInput).max(50) });

export const statusInput = z.strictObject({
  status: z.enum(INTEGRATION_STATUSES),
  editionId: z.uuid().nullish(),
  dropReason: optionalText(1000),
});

export const localPlanUpdate = z.strictObject({ name: text(300).min(1) });
export const strategyUpdate = z.strictObject({ name: text(300).min(1).optional(), provinceStrategy: optionalText(300) });
export const programmeUpdate = programmeInput;

/** Link a partner local government to the Phakhi tenant it is (its slug), or unlink it (null). */
export const tenantLinkInput = z.strictObject({ tenantSlug: z.string().trim().max(64).nullable() });

const editionRef = z.strictObject({
  kind: z.enum(EDITION_KINDS),
  number: z.number().int().min(0).max(99),
  approvedOn: isoDate,
  approvingAct: text(500).min(1),
});
/** The receiving local government records how far a shared project got in its own plan (edition as it numbers it). */
export const sharedStatusInput = z.strictObject({
  status: z.enum(INTEGRATION_STATUSES),
  edition: editionRef.nullish(),
  dropReason: optionalText(1000),
});

export const p02Query = z.object({ edition: z.uuid().optional() });
export const boardQuery = z.object({ planId: z.uuid() });

// ---- responses ----

export const localGovernment = z.object({ partyId: z.uuid().nullable(), name: z.string() });
export type LocalGovernment = z.infer<typeof localGovernment>;
/** In the list of local governments: the Phakhi tenant a partner local government is linked to, if any. */
export const localGovernmentEntry = localGovernment.extend({ linkedTenant: z.object({ slug: z.string(), name: z.string() }).nullable() });
export type LocalGovernmentEntry = z.infer<typeof localGovernmentEntry>;

const ref = z.object({ id: z.uuid(), name: z.string() });

export const localPlanSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  localGovernment,
  startYear: z.number().int(),
  endYear: z.number().int(),
  editionCount: z.number().int(),
  projectCount: z.number().int(),
  budgetSatang: z.number().int(),
  /** The local government is itself a Phakhi tenant: it records the status of what it carries there (docs/decisions/0016). */
  linkedTenant: z.object({ slug: z.string(), name: z.string() }).nullable(),
});
export type LocalPlanSummary = z.infer<typeof localPlanSummary>;

export const programme = z.object({ id: z.uuid(), position: z.number().int(), name: z.string() });
export const strategy = z.object({
  id: z.uuid(),
  position: z.number().int(),
  name: z.string(),
  provinceStrategy: z.string().nullable(),
  programmes: z.array(programme),
});
export type LocalStrategy = z.infer<typeof strategy>;

export const edition = z.object({
  id: z.uuid(),
  kind: z.enum(EDITION_KINDS),
  number: z.number().int(),
  approvedOn: z.string(),
  approvingAct: z.string(),
});
export type Edition = z.infer<typeof edition>;

export const integratedProject = z.object({
  id: z.uuid(),
  localPlanId: z.uuid(),
  localGovernment,
  project: ref.extend({ budgetSatang: z.number().int() }),
  jointPlan: ref.extend({ fiscalYear: z.number().int() }),
  networks: z.array(ref),
  strategyId: z.uuid(),
  programmeId: z.uuid(),
  objective: z.string().nullable(),
  target: z.string().nullable(),
  kpi: z.string().nullable(),
  expectedResult: z.string().nullable(),
  responsibleUnit: z.string().nullable(),
  status: z.enum(INTEGRATION_STATUSES),
  edition: edition.nullable(),
  dropReason: z.string().nullable(),
  shares: z.array(z.object({ year: z.number().int(), budgetSatang: z.number().int() })),
  totalSatang: z.number().int(),
});
export type IntegratedProject = z.infer<typeof integratedProject>;

export const localPlanDetail = localPlanSummary.extend({
  strategies: z.array(strategy),
  editions: z.array(edition),
  projects: z.array(integratedProject),
});
export type LocalPlanDetail = z.infer<typeof localPlanDetail>;

/** A joint plan's projects × the local governments that carry them. */
export const board = z.object({
  plan: ref.extend({ fiscalYear: z.number().int() }),
  localPlans: z.array(localPlanSummary),
  projects: z.array(ref.extend({ budgetSatang: z.number().int(), assignments: z.array(integratedProject) })),
  /** Per local plan: what it carries of this joint plan. */
  carried: z.array(z.object({ localPlanId: z.uuid(), localGovernment, projectCount: z.number().int(), budgetSatang: z.number().int() })),
});
export type Board = z.infer<typeof board>;

/** What the owner sends about one assignment (a whole state each time; docs/decisions/0016). */
export const sharedContent = z.object({
  owner: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
  localPlan: z.object({ name: z.string(), startYear: z.number().int() }),
  project: z.object({ name: z.string(), budgetSatang: z.number().int() }),
  jointPlan: z.object({ name: z.string(), fiscalYear: z.number().int() }),
  networks: z.array(z.string()),
  strategy: z.string(),
  provinceStrategy: z.string().nullable(),
  programme: z.string(),
  objective: z.string().nullable(),
  target: z.string().nullable(),
  kpi: z.string().nullable(),
  expectedResult: z.string().nullable(),
  responsibleUnit: z.string().nullable(),
  shares: z.array(z.object({ year: z.number().int(), budgetSatang: z.number().int() })),
  totalSatang: z.number().int(),
});
export type SharedContent = z.infer<typeof sharedContent>;

/** A project another tenant assigned to this local government, as kept here (its copy), with the status recorded here. */
export const sharedProject = z.object({
  id: z.uuid(),
  content: sharedContent,
  withdrawn: z.boolean(),
  status: z.enum(INTEGRATION_STATUSES),
  edition: editionRef.nullable(),
  dropReason: z.string().nullable(),
  updatedAt: z.string(),
});
export type SharedProject = z.infer<typeof sharedProject>;
