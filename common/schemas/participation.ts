import { z } from 'zod';
import { isoDate, listQuery } from './api';
import { PILLARS, SECTORS } from './enums';
import { partySummary } from './partners';
import { fiscalYearQuery, satang } from './plans';

/**
 * Participation levels (การมีส่วนร่วม): issue — raising and framing problems (forums, surveys,
 * proposals); plan — co-planning and joint decisions; operation — carrying out the work and
 * contributing labour, money or materials.
 */
export const PARTICIPATION_LEVELS = ['issue', 'plan', 'operation'] as const;
export type ParticipationLevel = (typeof PARTICIPATION_LEVELS)[number];

/** What the participation was in. */
export const PARTICIPATION_SUBJECTS = ['forum', 'survey', 'proposal', 'meeting', 'plan', 'activity', 'other'] as const;
/** What the participant brought. */
export const CONTRIBUTIONS = ['attendance', 'opinion', 'proposal', 'decision', 'labour', 'money', 'materials'] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === '' ? null : v));
const headCount = z.number().int({ message: 'head_count_range' }).min(1, { message: 'head_count_range' }).max(100_000, { message: 'head_count_range' });

/** Who: a registered partner, or a head count from a village or group (by name). */
const who = {
  partyId: z.uuid().nullish(),
  groupName: optionalText(200),
  headCount: headCount.default(1),
  /** For a group without a partner record; a partner's own pillar and sector are used otherwise. */
  pillar: z.enum(PILLARS).nullish(),
  sector: z.enum(SECTORS).nullish(),
  contribution: z.enum(CONTRIBUTIONS).optional(),
  amountSatang: satang.nullish(),
  note: optionalText(1000),
};

/** When, in what, at which level. */
const event = {
  occurredOn: isoDate,
  level: z.enum(PARTICIPATION_LEVELS),
  subjectKind: z.enum(PARTICIPATION_SUBJECTS),
  title: text(300).min(1),
  networkId: z.uuid().nullish(),
  planId: z.uuid().nullish(),
  activityId: z.uuid().nullish(),
  contribution: z.enum(CONTRIBUTIONS).default('attendance'),
};

export const participationCreate = z.strictObject({ ...event, ...who, contribution: event.contribution });
export type ParticipationCreate = z.input<typeof participationCreate>;

/** Quick entry of an attendance list: one event, many participants; all or nothing. */
export const participationBulk = z.strictObject({
  ...event,
  entries: z.array(z.strictObject(who)).min(1).max(500),
});
export type ParticipationBulk = z.input<typeof participationBulk>;

export const participationListQuery = listQuery.extend({
  fiscalYear: fiscalYearQuery.optional(),
  level: z.enum(PARTICIPATION_LEVELS).optional(),
  /** 'none' = records without a network (the matrix row keyed 'none'). */
  networkId: z.union([z.uuid(), z.literal('none')]).optional(),
  pillar: z.enum([...PILLARS, 'unknown']).optional(),
  sector: z.enum([...SECTORS, 'unknown']).optional(),
  partyId: z.uuid().optional(),
  planId: z.uuid().optional(),
  activityId: z.uuid().optional(),
});

export const participationRecord = z.object({
  id: z.uuid(),
  occurredOn: z.string(),
  fiscalYear: z.number().int(),
  level: z.enum(PARTICIPATION_LEVELS),
  subjectKind: z.enum(PARTICIPATION_SUBJECTS),
  title: z.string(),
  network: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  planId: z.uuid().nullable(),
  activityId: z.uuid().nullable(),
  party: partySummary.nullable(),
  groupName: z.string().nullable(),
  headCount: z.number().int(),
  pillar: z.enum(PILLARS).nullable(),
  sector: z.enum(SECTORS).nullable(),
  contribution: z.enum(CONTRIBUTIONS),
  amountSatang: z.number().int().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type ParticipationRecord = z.infer<typeof participationRecord>;

export const matrixQuery = z.object({ fiscalYear: fiscalYearQuery });

/** Counts keyed by level. */
export const levelCounts = z.object({ issue: z.number().int(), plan: z.number().int(), operation: z.number().int() });
export type LevelCounts = z.infer<typeof levelCounts>;

/**
 * One row of the matrix, each keyed by level: `occasions` = distinct events (one forum = 1 however many
 * partners and groups were recorded at it), `counts` = records, `people` = head counts.
 */
const matrixRow = z.object({ key: z.string(), label: z.string(), occasions: levelCounts, counts: levelCounts, people: levelCounts });
export type MatrixRow = z.infer<typeof matrixRow>;

export const participationMatrix = z.object({
  fiscalYear: z.number().int(),
  levels: z.array(z.enum(PARTICIPATION_LEVELS)),
  /** Occasions, records and people per level for the whole tenant in the fiscal year (each occasion once). */
  occasions: levelCounts,
  counts: levelCounts,
  people: levelCounts,
  /** key = network id ('none' for records without a network). */
  networks: z.array(matrixRow),
  /** key = pillar ('unknown' for groups without one). */
  pillars: z.array(matrixRow),
  /** key = sector ('unknown' for groups without one). */
  sectors: z.array(matrixRow),
});
export type ParticipationMatrix = z.infer<typeof participationMatrix>;

export const bulkResult = z.object({ created: z.number().int(), people: z.number().int(), ids: z.array(z.uuid()) });
