import { z } from 'zod';
import { isoDate, listQuery } from './api';
import { PILLARS } from './enums';
import { partySummary } from './partners';
import { fiscalYearQuery } from './plans';

/** The skills taxonomy (people's capacities); anything else goes into free skills. */
export const SKILLS = [
  'first_aid',
  'elderly_care',
  'irrigation_repair',
  'accounting',
  'facilitation',
  'media',
  'it',
  'local_crafts',
  'cooking',
  'construction',
  'agriculture',
  'teaching',
  'driving',
  'traditional_medicine',
] as const;
export type Skill = (typeof SKILLS)[number];

/** When someone can usually help. */
export const AVAILABILITY = ['weekday_day', 'weekday_evening', 'weekend', 'on_call'] as const;
export type Availability = (typeof AVAILABILITY)[number];

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const HOUR_STATUSES = ['pending', 'confirmed', 'returned'] as const;
export type HourStatus = (typeof HOUR_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === '' ? null : v));
const freeSkill = text(60).min(1);

// ---------------------------------------------------------------- people's capacities

export const personProfileInput = z.strictObject({
  skills: z.array(z.enum(SKILLS)).max(SKILLS.length).default([]),
  freeSkills: z.array(freeSkill).max(20).default([]),
  availability: z.array(z.enum(AVAILABILITY)).max(AVAILABILITY.length).default([]),
  village: optionalText(200),
  publicListConsent: z.boolean().default(false),
});
export type PersonProfileInput = z.input<typeof personProfileInput>;

export const personProfile = z.object({
  partyId: z.uuid(),
  skills: z.array(z.enum(SKILLS)),
  freeSkills: z.array(z.string()),
  availability: z.array(z.enum(AVAILABILITY)),
  village: z.string().nullable(),
  publicListConsent: z.boolean(),
  publicListConsentDate: z.string().nullable(),
});
export type PersonProfile = z.infer<typeof personProfile>;

// ---------------------------------------------------------------- teams

const networkRef = z.object({ id: z.uuid(), name: z.string(), pillar: z.enum(PILLARS) });
const activityRef = z.object({ id: z.uuid(), name: z.string(), planId: z.uuid(), planName: z.string(), fiscalYear: z.number().int() });

export const teamInput = z.strictObject({
  name: text(200).min(1),
  purpose: optionalText(2000),
  leadPartyId: z.uuid().nullish(),
  memberIds: z.array(z.uuid()).max(500).default([]),
  activityIds: z.array(z.uuid()).max(200).default([]),
});
export const teamPatch = teamInput.partial();
export type TeamInput = z.input<typeof teamInput>;

export const teamListQuery = listQuery.extend({ networkId: z.uuid().optional(), partyId: z.uuid().optional() });

export const teamSummary = z.object({
  id: z.uuid(),
  name: z.string(),
  purpose: z.string().nullable(),
  lead: partySummary.nullable(),
  memberCount: z.number().int(),
  networks: z.array(networkRef),
  updatedAt: z.string(),
});
export type TeamSummary = z.infer<typeof teamSummary>;

export const teamMember = partySummary.extend({ networks: z.array(networkRef.extend({ role: z.string() })) });

export const team = teamSummary.extend({
  members: z.array(teamMember),
  activities: z.array(activityRef),
  /** How many members come from each pillar (ภาคท้องถิ่น/ท้องที่/ประชาชน). */
  pillars: z.record(z.string(), z.number().int()),
  confirmedMinutes: z.number().int(),
});
export type Team = z.infer<typeof team>;

// ---------------------------------------------------------------- tasks

export const taskInput = z.strictObject({
  activityId: z.uuid(),
  title: text(300).min(1),
  description: optionalText(4000),
  teamId: z.uuid().nullish(),
  assigneePartyId: z.uuid().nullish(),
  dueDate: isoDate.nullish(),
  status: z.enum(TASK_STATUSES).default('open'),
  neededSkills: z.array(z.enum(SKILLS)).max(SKILLS.length).default([]),
  village: optionalText(200),
  when: z.enum(AVAILABILITY).nullish(),
});
export const taskPatch = taskInput.partial();
export type TaskInput = z.input<typeof taskInput>;

export const taskListQuery = listQuery.extend({
  status: z.enum(TASK_STATUSES).optional(),
  teamId: z.uuid().optional(),
  assigneePartyId: z.uuid().optional(),
  activityId: z.uuid().optional(),
  /** Tasks of the caller's person or of their teams. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const task = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  activity: activityRef,
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  assignee: partySummary.nullable(),
  dueDate: z.string().nullable(),
  status: z.enum(TASK_STATUSES),
  neededSkills: z.array(z.enum(SKILLS)),
  village: z.string().nullable(),
  when: z.enum(AVAILABILITY).nullable(),
  overdue: z.boolean(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof task>;

export const helper = z.object({
  party: partySummary,
  village: z.string().nullable(),
  skills: z.array(z.enum(SKILLS)),
  freeSkills: z.array(z.string()),
  availability: z.array(z.enum(AVAILABILITY)),
  matchedSkills: z.array(z.enum(SKILLS)),
  sameVillage: z.boolean(),
  available: z.boolean(),
  score: z.number().int(),
});
export type Helper = z.infer<typeof helper>;

export const helperQuery = z.object({
  skills: z
    .union([z.enum(SKILLS), z.array(z.enum(SKILLS))])
    .transform((v) => (Array.isArray(v) ? v : [v]))
    .optional(),
  village: text(200).optional(),
  when: z.enum(AVAILABILITY).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

// ---------------------------------------------------------------- volunteer hours

/**
 * Hours as a decimal number (1.5 = 1 h 30 min); stored as whole minutes, so the value must be a
 * whole number of minutes — 0.1 h (6 min) is fine, 0.01 h is not.
 */
export const hoursValue = z
  .number({ message: 'invalid_number' })
  .gt(0, { message: 'hours_positive' })
  .max(24, { message: 'hours_max_day' })
  .refine((h) => Math.abs(h * 60 - Math.round(h * 60)) < 1e-6, { message: 'hours_whole_minutes' });

export const hoursInput = z.strictObject({
  /** The registry person; a member may leave it out (their own person) and may not log for others. */
  personId: z.uuid().optional(),
  activityId: z.uuid().optional(),
  taskId: z.uuid().optional(),
  date: isoDate,
  hours: hoursValue,
  note: optionalText(1000),
});
export type HoursInput = z.input<typeof hoursInput>;
export const hoursPatch = hoursInput.omit({ personId: true }).partial();

export const hoursListQuery = listQuery.extend({
  personId: z.uuid().optional(),
  status: z.enum(HOUR_STATUSES).optional(),
  fiscalYear: fiscalYearQuery.optional(),
  activityId: z.uuid().optional(),
  taskId: z.uuid().optional(),
  networkId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  /** Only logs the caller may confirm (the coordinator's queue). */
  reviewable: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const hourLog = z.object({
  id: z.uuid(),
  person: z.object({ id: z.uuid(), name: z.string() }),
  activity: activityRef,
  task: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  date: z.string(),
  fiscalYear: z.number().int(),
  minutes: z.number().int(),
  hours: z.number(),
  note: z.string().nullable(),
  status: z.enum(HOUR_STATUSES),
  returnReason: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** Whether the caller may confirm or return this log. */
  canReview: z.boolean(),
  createdAt: z.string(),
});
export type HourLog = z.infer<typeof hourLog>;

export const returnInput = z.strictObject({ reason: text(1000).min(1) });

export const TOTAL_GROUPS = ['person', 'team', 'network', 'fiscalYear'] as const;
export const totalsQuery = z.object({
  by: z.enum(TOTAL_GROUPS).default('person'),
  fiscalYear: fiscalYearQuery.optional(),
  personId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const totalRow = z.object({
  key: z.string(),
  label: z.string(),
  minutes: z.number().int(),
  hours: z.number(),
  logs: z.number().int(),
  people: z.number().int(),
});
export type TotalRow = z.infer<typeof totalRow>;
export const totals = z.object({
  by: z.enum(TOTAL_GROUPS),
  fiscalYear: z.number().int().nullable(),
  items: z.array(totalRow),
  /** Sum of every confirmed log in scope (not the sum of the rows: a shared plan counts for each of its networks). */
  minutes: z.number().int(),
});
export type Totals = z.infer<typeof totals>;

export const certificateQuery = z.object({ personId: z.uuid(), fiscalYear: fiscalYearQuery });
export const certificate = z.object({
  person: z.object({ id: z.uuid(), name: z.string() }),
  tenant: z.object({ nameTh: z.string(), nameEn: z.string() }),
  fiscalYear: z.number().int(),
  minutes: z.number().int(),
  hours: z.number(),
  activities: z.array(z.object({ id: z.uuid(), name: z.string(), minutes: z.number().int(), hours: z.number() })),
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
  issuedOn: z.string(),
});
export type Certificate = z.infer<typeof certificate>;

export const publicListQuery = z.object({ fiscalYear: fiscalYearQuery.optional() });
/** The public list: a name and confirmed hours, nothing else. */
export const publicList = z.object({
  tenant: z.object({ nameTh: z.string(), nameEn: z.string() }),
  fiscalYear: z.number().int(),
  items: z.array(z.object({ rank: z.number().int(), name: z.string(), minutes: z.number().int(), hours: z.number() })),
});
export type PublicList = z.infer<typeof publicList>;

// ---------------------------------------------------------------- member self-service

export const myManpower = z.object({
  person: partySummary.nullable(),
  profile: personProfile.nullable(),
  networks: z.array(networkRef.extend({ role: z.string() })),
  teams: z.array(z.object({ id: z.uuid(), name: z.string(), purpose: z.string().nullable() })),
  tasks: z.array(task),
  fiscalYear: z.number().int(),
  confirmedMinutes: z.number().int(),
  pendingMinutes: z.number().int(),
  recentHours: z.array(hourLog),
  /** Activities the person can log hours against: their teams' activities and their networks' current plans. */
  activities: z.array(activityRef),
});
export type MyManpower = z.infer<typeof myManpower>;

export const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
