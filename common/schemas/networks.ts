import { z } from 'zod';
import { isoDate, listQuery } from './api';
import { ISSUES, MEMBER_ROLES, PILLARS, STAGES } from './enums';
import { partySummary } from './partners';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' ? null : v));

const networkFields = {
  name: z.string().trim().min(1).max(200),
  nameEn: optionalText(200),
  description: optionalText(4000),
  issues: z.array(z.enum(ISSUES)).max(ISSUES.length).default([]),
  tags: z.array(z.string().trim().min(1).max(50)).max(20).default([]),
  pillar: z.enum(PILLARS),
  stage: z.enum(STAGES).default('seek'),
  foundedOn: isoDate.nullish(),
  coordinatorPartyId: z.uuid().nullish(),
};
export const networkCreate = z.strictObject(networkFields);
export type NetworkCreate = z.input<typeof networkCreate>;
export const networkUpdate = z
  .strictObject({
    ...networkFields,
    issues: networkFields.issues.unwrap(),
    tags: networkFields.tags.unwrap(),
    stage: z.enum(STAGES),
    /** Recorded in the stage history when `stage` changes. */
    stageNote: optionalText(1000),
    stageChangedOn: isoDate.nullish(),
  })
  .partial();
export type NetworkUpdate = z.input<typeof networkUpdate>;

export const networkListQuery = listQuery.extend({
  pillar: z.enum(PILLARS).optional(),
  stage: z.enum(STAGES).optional(),
  issue: z.enum(ISSUES).optional(),
  sort: z.enum(['name', '-updatedAt', '-members']).default('name'),
});

export const network = z.object({
  id: z.uuid(),
  name: z.string(),
  nameEn: z.string().nullable(),
  description: z.string().nullable(),
  issues: z.array(z.string()),
  tags: z.array(z.string()),
  pillar: z.enum(PILLARS),
  stage: z.enum(STAGES),
  foundedOn: z.string().nullable(),
  coordinator: partySummary.nullable(),
  memberCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Network = z.infer<typeof network>;
/** A network as lists show it: without the description, which only the network's own page shows (a third of a list's bytes). */
export const networkListItem = network.omit({ description: true });
export type NetworkListItem = z.infer<typeof networkListItem>;

export const stageChange = z.object({
  id: z.uuid(),
  fromStage: z.enum(STAGES).nullable(),
  toStage: z.enum(STAGES),
  changedOn: z.string(),
  note: z.string().nullable(),
  changedBy: z.string().nullable(),
});
export type StageChange = z.infer<typeof stageChange>;

export const networkMember = z.object({
  id: z.uuid(),
  party: partySummary,
  role: z.enum(MEMBER_ROLES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
});
export type NetworkMember = z.infer<typeof networkMember>;

export const networkDetail = network.extend({ stageHistory: z.array(stageChange) });
export type NetworkDetail = z.infer<typeof networkDetail>;

export const memberCreate = z.strictObject({
  partyId: z.uuid(),
  role: z.enum(MEMBER_ROLES).default('member'),
  startDate: isoDate.nullish(),
  endDate: isoDate.nullish(),
});
export const memberUpdate = memberCreate.omit({ partyId: true }).partial();
export const memberListQuery = listQuery.extend({ role: z.enum(MEMBER_ROLES).optional() });
