import { z } from 'zod';
import { isoDate, listQuery } from './api';
import { evidenceFile } from './evidence';
import { partySummary } from './partners';

/** Status of a project or an activity. Cancelled work leaves the progress roll-up. */
export const WORK_STATUSES = ['planned', 'in_progress', 'done', 'delayed', 'cancelled'] as const;
/**
 * Where work stands, derived on every read from its progress and dates (server/modules/plans/schedule.ts):
 * overdue = not done after its end date or after its fiscal year. `status` stays the officer's own flag.
 */
export const SCHEDULE_STATES = ['not_started', 'in_progress', 'done', 'overdue', 'cancelled'] as const;
export type ScheduleState = (typeof SCHEDULE_STATES)[number];
/** Where a project's or activity's effective dates come from: its own, its project's or its plan's. */
export const DATES_FROM = ['own', 'project', 'plan'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

/** How a parent weighs its children in the progress roll-up. */
export const WEIGHT_BY = ['budget', 'weight'] as const;
export type WeightBy = (typeof WEIGHT_BY)[number];

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === '' ? null : v));

/** A Thai fiscal year in the Buddhist era (2569 = 1 Oct 2025 – 30 Sep 2026). */
export const fiscalYear = z.number().int({ message: 'fiscal_year_be' }).min(2500, { message: 'fiscal_year_be' }).max(2700, { message: 'fiscal_year_be' });
export const fiscalYearQuery = z.coerce
  .number()
  .int({ message: 'fiscal_year_be' })
  .min(2500, { message: 'fiscal_year_be' })
  .max(2700, { message: 'fiscal_year_be' });

/** Money in integer satang (1 baht = 100 satang): no fractions, no negatives. */
export const satang = z
  .number()
  .int({ message: 'satang_integer' })
  .min(0, { message: 'must_not_be_negative' })
  .max(Number.MAX_SAFE_INTEGER, { message: 'amount_too_large' });

export const percentage = z.number().int({ message: 'percentage_range' }).min(0, { message: 'percentage_range' }).max(100, { message: 'percentage_range' });
const weight = z.number().int({ message: 'weight_integer' }).min(0, { message: 'must_not_be_negative' }).max(1_000_000);
const partyIds = z.array(z.uuid()).max(100).default([]);

// ---- plans ----

export const planCreate = z.strictObject({
  name: text(300).min(1),
  fiscalYear,
  networkIds: z.array(z.uuid()).min(1).max(60),
  /** Default: the fiscal year's first and last day. Both must lie inside the fiscal year. */
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  description: optionalText(4000),
  weightBy: z.enum(WEIGHT_BY).default('budget'),
});
export type PlanCreate = z.input<typeof planCreate>;
export const planUpdate = planCreate
  .omit({ fiscalYear: true })
  .partial()
  .extend({ startDate: isoDate.optional(), endDate: isoDate.optional(), weightBy: z.enum(WEIGHT_BY).optional() });

export const planListQuery = listQuery.extend({
  fiscalYear: fiscalYearQuery.optional(),
  networkId: z.uuid().optional(),
  sort: z.enum(['-fiscalYear', 'name']).default('-fiscalYear'),
});

const networkRef = z.object({ id: z.uuid(), name: z.string() });

/** Progress 0–100 (one decimal), or null when nothing countable is under it. */
const progress = z.number().nullable();

export const planSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  fiscalYear: z.number().int(),
  startDate: z.string(),
  endDate: z.string(),
  description: z.string().nullable(),
  weightBy: z.enum(WEIGHT_BY),
  networks: z.array(networkRef),
  predecessorPlanId: z.uuid().nullable(),
  successorPlanId: z.uuid().nullable(),
  projectCount: z.number().int(),
  activityCount: z.number().int(),
  budgetSatang: z.number().int(),
  progress,
  schedule: z.enum(SCHEDULE_STATES),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanSummary = z.infer<typeof planSummary>;

const workFields = {
  name: text(300).min(1),
  objectives: optionalText(4000),
  outputTarget: optionalText(2000),
  indicatorText: optionalText(2000),
  leadPartyId: z.uuid().nullish(),
  supportingPartyIds: partyIds,
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
  status: z.enum(WORK_STATUSES).default('planned'),
  weight: weight.nullish(),
};

export const projectCreate = z.strictObject({
  ...workFields,
  strategyId: z.uuid().nullish(),
  indicatorIds: z.array(z.uuid()).max(50).default([]),
  weightBy: z.enum(WEIGHT_BY).default('budget'),
});
export const projectUpdate = projectCreate
  .extend({
    supportingPartyIds: z.array(z.uuid()).max(100),
    indicatorIds: z.array(z.uuid()).max(50),
    status: z.enum(WORK_STATUSES),
    weightBy: z.enum(WEIGHT_BY),
  })
  .partial();

export const activityCreate = z.strictObject({ ...workFields, budgetSatang: satang.default(0) });
export const activityUpdate = activityCreate
  .extend({ supportingPartyIds: z.array(z.uuid()).max(100), status: z.enum(WORK_STATUSES), budgetSatang: satang })
  .partial();

export const progressCreate = z.strictObject({
  reportedOn: isoDate,
  text: text(4000).min(1),
  percentage,
  /** Links to photos elsewhere (kept for older clients and existing data; the web attaches files instead). */
  photoUrls: z
    .array(z.url({ protocol: /^https?$/, message: 'http_url_only' }).max(1000))
    .max(20)
    .default([]),
  /** Optional status change with the report (e.g. 'done', 'delayed'). */
  status: z.enum(WORK_STATUSES).optional(),
});

export const progressReport = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  reportedOn: z.string(),
  text: z.string(),
  percentage: z.number().int(),
  photoUrls: z.array(z.string()),
  /** Photos and PDFs attached (POST …/progress/:reportId/files). */
  files: z.array(evidenceFile),
  reportedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type ProgressReport = z.infer<typeof progressReport>;

const workOut = {
  id: z.uuid(),
  name: z.string(),
  objectives: z.string().nullable(),
  outputTarget: z.string().nullable(),
  indicatorText: z.string().nullable(),
  lead: partySummary.nullable(),
  supporting: z.array(partySummary),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  status: z.enum(WORK_STATUSES),
  weight: z.number().int().nullable(),
  budgetSatang: z.number().int(),
  progress,
  schedule: z.enum(SCHEDULE_STATES),
  /** The dates that apply: its own, or else its project's, or else its plan's (`datesFrom`). */
  effectiveStartDate: z.string(),
  effectiveEndDate: z.string(),
  datesFrom: z.enum(DATES_FROM),
};

export const activity = z.object({
  ...workOut,
  projectId: z.uuid(),
  /** The percentage of the latest progress report. */
  reportedProgress: z.number().int(),
  lastReportedOn: z.string().nullable(),
  predecessorActivityId: z.uuid().nullable(),
});
export type Activity = z.infer<typeof activity>;

export const project = z.object({
  ...workOut,
  weightBy: z.enum(WEIGHT_BY),
  strategyId: z.uuid().nullable(),
  indicatorIds: z.array(z.uuid()),
  predecessorProjectId: z.uuid().nullable(),
  activities: z.array(activity),
});
export type Project = z.infer<typeof project>;

export const planDetail = planSummary.extend({ projects: z.array(project) });
export type PlanDetail = z.infer<typeof planDetail>;

/** A write inside a plan answers the new row's id and the whole plan, with its roll-up recalculated. */
export const planWriteResult = z.object({ id: z.uuid(), plan: planDetail });

export const carryForwardBody = z.strictObject({ name: text(300).min(1).optional() }).default({});
export const carryForwardResult = z.object({
  created: z.boolean(),
  carriedProjects: z.number().int(),
  carriedActivities: z.number().int(),
  plan: planDetail,
});

export const continuityQuery = z.object({ networkId: z.uuid().optional() });
const run = z.object({ from: z.number().int(), to: z.number().int(), length: z.number().int() });
export const networkContinuity = z.object({
  networkId: z.uuid(),
  name: z.string(),
  /** Fiscal years (B.E.) with at least one joint plan, ascending. */
  years: z.array(z.number().int()),
  runs: z.array(run),
  longestRun: run.nullable(),
  /** The run that ends in the network's latest plan year. */
  latestRun: run.nullable(),
  gaps: z.array(z.number().int()),
});
export const continuityResult = z.object({ items: z.array(networkContinuity) });
export type NetworkContinuity = z.infer<typeof networkContinuity>;

/** An activity to pick (volunteer hours, tasks, resolutions' action items): with its plan and fiscal year. */
export const activityOption = z.object({ id: z.uuid(), name: z.string(), planId: z.uuid(), planName: z.string(), fiscalYear: z.number().int() });
export type ActivityOption = z.infer<typeof activityOption>;
