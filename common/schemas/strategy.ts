import { z } from 'zod';
import { isoDate, listQuery } from './api';
import { evidenceFile } from './evidence';
import { partySummary } from './partners';
import { fiscalYear, fiscalYearQuery, WORK_STATUSES } from './plans';

export const INDICATOR_DIRECTIONS = ['higher', 'lower'] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === '' ? null : v));
const finite = z.number().refine(Number.isFinite, { message: 'invalid_number' });

export const scopeQuery = z.object({ networkId: z.uuid().optional() });
export const mapQuery = scopeQuery.extend({ fiscalYear: fiscalYearQuery.optional() });

/**
 * Vision and missions of the tenant (no networkId) or of one network. A field left out keeps its value
 * (`PUT {}` changes nothing); `vision: null` or `missions: []` clears it.
 */
export const frameUpsert = z.strictObject({
  networkId: z.uuid().nullish(),
  vision: optionalText(2000),
  missions: z.array(text(1000).min(1)).max(30).optional(),
});

export const goalCreate = z.strictObject({
  code: optionalText(30),
  name: text(500).min(1),
  description: optionalText(4000),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
  /** Networks and partners sharing this goal. */
  networkIds: z.array(z.uuid()).max(60).default([]),
  partyIds: z.array(z.uuid()).max(200).default([]),
});
export const goalUpdate = goalCreate
  .extend({ networkIds: z.array(z.uuid()).max(60), partyIds: z.array(z.uuid()).max(200), sortOrder: z.number().int().min(0).max(10_000) })
  .partial();

export const strategyCreate = z.strictObject({
  goalId: z.uuid(),
  code: optionalText(30),
  name: text(500).min(1),
  description: optionalText(4000),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
});
export const strategyUpdate = strategyCreate
  .omit({ goalId: true })
  .extend({ sortOrder: z.number().int().min(0).max(10_000) })
  .partial();

const targetInput = z.strictObject({ fiscalYear, target: finite });
export const indicatorCreate = z.strictObject({
  goalId: z.uuid(),
  strategyId: z.uuid().nullish(),
  name: text(500).min(1),
  unit: text(50).min(1),
  direction: z.enum(INDICATOR_DIRECTIONS),
  baseline: finite.nullish(),
  baselineYear: fiscalYear.nullish(),
  targets: z.array(targetInput).max(30).default([]),
});
export const indicatorUpdate = indicatorCreate
  .omit({ goalId: true })
  .extend({ targets: z.array(targetInput).max(30) })
  .partial();

export const measurementCreate = z.strictObject({
  value: finite,
  measuredOn: isoDate,
  source: optionalText(500),
  evidenceNote: optionalText(2000),
  evidenceUrl: z.url().max(1000).nullish(),
});
export const measurementListQuery = listQuery.omit({ q: true });

export const measurement = z.object({
  id: z.uuid(),
  indicatorId: z.uuid(),
  value: z.number(),
  measuredOn: z.string(),
  fiscalYear: z.number().int(),
  source: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  evidenceUrl: z.string().nullable(),
  /** Photos and PDFs attached (POST …/measurements/:measurementId/files). */
  files: z.array(evidenceFile),
  createdAt: z.string(),
});
export type Measurement = z.infer<typeof measurement>;

export const indicator = z.object({
  id: z.uuid(),
  goalId: z.uuid(),
  strategyId: z.uuid().nullable(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(INDICATOR_DIRECTIONS),
  baseline: z.number().nullable(),
  baselineYear: z.number().int().nullable(),
  targets: z.array(z.object({ fiscalYear: z.number().int(), target: z.number() })),
  latest: measurement.nullable(),
});
export type Indicator = z.infer<typeof indicator>;

export const strategyOut = z.object({
  id: z.uuid(),
  goalId: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  indicators: z.array(indicator),
});

export const goal = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  sortOrder: z.number().int(),
  networks: z.array(z.object({ id: z.uuid(), name: z.string() })),
  parties: z.array(partySummary),
  /** Indicators of the goal itself (not of one of its strategies). */
  indicators: z.array(indicator),
  strategies: z.array(strategyOut),
});
export type Goal = z.infer<typeof goal>;

export const frame = z.object({ networkId: z.uuid().nullable(), vision: z.string().nullable(), missions: z.array(z.string()) });
export const strategyTree = frame.extend({ goals: z.array(goal) });
export type StrategyTree = z.infer<typeof strategyTree>;

/** Strategy map: vision → goal → strategy → project → indicator, each indicator's latest value against its target. */
const mapIndicator = indicator.extend({
  target: z.number().nullable(),
  /** Latest value meets the year's target in the indicator's direction; null without value or target. */
  onTarget: z.boolean().nullable(),
});
const mapProject = z.object({
  id: z.uuid(),
  name: z.string(),
  planId: z.uuid(),
  planName: z.string(),
  fiscalYear: z.number().int(),
  status: z.enum(WORK_STATUSES),
  progress: z.number().nullable(),
  indicators: z.array(mapIndicator),
});
export const strategyMap = frame.extend({
  fiscalYear: z.number().int(),
  goals: z.array(
    goal.omit({ strategies: true, indicators: true }).extend({
      indicators: z.array(mapIndicator),
      strategies: z.array(strategyOut.omit({ indicators: true }).extend({ indicators: z.array(mapIndicator), projects: z.array(mapProject) })),
    }),
  ),
});
export type StrategyMap = z.infer<typeof strategyMap>;
