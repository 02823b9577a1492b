import { z } from 'zod';
import { isoDate } from './api';
import { satang } from './plans';

/** Issue 14 part A: community regulations (กฎระเบียบ) in chapters (หมวด) and clauses (ข้อ), versions, adoption, fines. */

export const VERSION_STATUSES = ['draft', 'adopted'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const ADOPTION_KINDS = ['resolution', 'community_vote'] as const;
export type AdoptionKind = (typeof ADOPTION_KINDS)[number];

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === '' || v === undefined ? null : v));

/**
 * A clause number as Thai amendments write it: "5", or "5/1" for a clause inserted after ข้อ 5 (ให้เพิ่มความต่อไปนี้เป็นข้อ 5/1).
 * Numbers stay with their clause from version to version; the diff pairs clauses by number.
 */
export const clauseNumber = z
  .string()
  .trim()
  .regex(/^[1-9]\d{0,3}(\/[1-9]\d{0,2})?$/, { message: 'clause_number' });

export const clauseInput = z.strictObject({ number: clauseNumber, text: text(8000).min(1) });
export const chapterInput = z.strictObject({
  /** หมวด 1, 2, … */
  number: z.number().int().min(1).max(99),
  title: text(300).min(1),
  clauses: z.array(clauseInput).min(1).max(200),
});
export const fineInput = z.strictObject({
  /** The clause the fine enforces (its number in this version). */
  clauseNumber,
  offence: text(500).min(1),
  amountSatang: satang,
  /** For a repeat offence within the same season, when the rule says so. */
  repeatAmountSatang: satang.nullish().transform((v) => v ?? null),
});

export const versionContent = z.strictObject({
  title: text(300).min(1),
  preamble: optionalText(8000),
  /** The date the drafters propose; adoption makes it no earlier than the adoption date. */
  effectiveFrom: isoDate.nullish().transform((v) => v ?? null),
  chapters: z.array(chapterInput).min(1).max(50),
  fines: z.array(fineInput).max(200).default([]),
  changeNote: optionalText(2000),
});
export type VersionContent = z.output<typeof versionContent>;

export const regulationCreate = z.strictObject({
  /** e.g. น้ำ (water), สิ่งแวดล้อม */
  subject: text(100).min(1),
  networkId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  draft: versionContent,
});
/** A new draft: its own content, or a copy of an earlier version to amend. */
export const draftCreate = z.union([z.strictObject({ fromVersionId: z.uuid() }), versionContent]);

export const communityVoteInput = z.strictObject({
  votedOn: isoDate,
  votesFor: z.number().int().min(0, { message: 'must_not_be_negative' }).max(100_000),
  votesAgainst: z.number().int().min(0, { message: 'must_not_be_negative' }).max(100_000).default(0),
  votesAbstain: z.number().int().min(0, { message: 'must_not_be_negative' }).max(100_000).default(0),
  /** Where and how: ประชุมประชาคมหมู่บ้าน ณ ศาลาวัด … */
  note: text(1000).min(1),
});

export const inForceQuery = z.object({ on: isoDate.optional() });

export const clause = z.object({ id: z.uuid(), number: z.string(), text: z.string() });
export const chapter = z.object({ number: z.number().int(), title: z.string(), clauses: z.array(clause) });
export const fine = z.object({
  id: z.uuid(),
  clauseId: z.uuid(),
  clauseNumber: z.string(),
  offence: z.string(),
  amountSatang: z.number().int(),
  repeatAmountSatang: z.number().int().nullable(),
});
export type Fine = z.infer<typeof fine>;
export const adoptionInfo = z.object({
  kind: z.enum(ADOPTION_KINDS),
  adoptedOn: z.string(),
  /** มติคณะกรรมการ … ครั้งที่ 1/2569 ข้อ 2, or the community vote's note. */
  label: z.string(),
  resolutionId: z.uuid().nullable(),
  meetingId: z.uuid().nullable(),
  votesFor: z.number().int(),
  votesAgainst: z.number().int(),
  votesAbstain: z.number().int(),
});
export const versionSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(VERSION_STATUSES),
  title: z.string(),
  effectiveFrom: z.string().nullable(),
  adoption: adoptionInfo.nullable(),
  changeNote: z.string().nullable(),
  /** In force today (the adopted version with the latest effective date not after today). */
  inForce: z.boolean(),
});
export type VersionSummary = z.infer<typeof versionSummary>;
export const versionDetail = versionSummary.extend({
  regulationId: z.uuid(),
  preamble: z.string().nullable(),
  chapters: z.array(chapter),
  fines: z.array(fine),
});
export type VersionDetail = z.infer<typeof versionDetail>;
export const regulationSummary = z.object({
  id: z.uuid(),
  subject: z.string(),
  title: z.string(),
  network: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  versionCount: z.number().int(),
  inForceVersion: z.number().int().nullable(),
  draftCount: z.number().int(),
});
export type RegulationSummary = z.infer<typeof regulationSummary>;
export const regulationDetail = regulationSummary.extend({ versions: z.array(versionSummary) });
export type RegulationDetail = z.infer<typeof regulationDetail>;

export const CLAUSE_CHANGES = ['added', 'removed', 'changed', 'moved', 'unchanged'] as const;
export type ClauseChange = (typeof CLAUSE_CHANGES)[number];
export const clauseDiff = z.object({
  number: z.string(),
  change: z.enum(CLAUSE_CHANGES),
  fromChapter: z.number().int().nullable(),
  toChapter: z.number().int().nullable(),
  before: z.string().nullable(),
  after: z.string().nullable(),
});
export type ClauseDiff = z.infer<typeof clauseDiff>;
export const fineDiff = z.object({
  clauseNumber: z.string(),
  offence: z.string(),
  change: z.enum(CLAUSE_CHANGES),
  beforeSatang: z.number().int().nullable(),
  afterSatang: z.number().int().nullable(),
});
export const versionDiff = z.object({
  from: versionSummary,
  to: versionSummary,
  clauses: z.array(clauseDiff),
  fines: z.array(fineDiff),
});
export type VersionDiff = z.infer<typeof versionDiff>;
export const diffQuery = z.object({ from: z.uuid(), to: z.uuid() });

export const publicRegulation = z.object({
  id: z.uuid(),
  subject: z.string(),
  title: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string().nullable(),
  adoptedOn: z.string(),
  adoptedBy: z.string(),
  inForce: z.boolean(),
  preamble: z.string().nullable(),
  chapters: z.array(chapter),
  fines: z.array(fine),
});
export const publicRegulations = z.object({
  tenant: z.object({ nameTh: z.string(), nameEn: z.string() }),
  items: z.array(publicRegulation),
});
export type PublicRegulations = z.infer<typeof publicRegulations>;

// ---- comment periods (รับฟังความคิดเห็น) on a draft version
export const commentPeriodInput = z.strictObject({
  startsOn: isoDate,
  endsOn: isoDate,
  /** Where the draft is posted, meetings of the hearing, … */
  note: optionalText(1000),
});
export const commentInput = z.strictObject({ clauseNumber, body: text(3000).min(1) });
/** A citizen's comment through the public page: the name is optional and never shown publicly (PDPA). */
export const publicCommentInput = commentInput.extend({ name: optionalText(200) });
export const commentAnswer = z.strictObject({ reply: text(3000).min(1) });

export const commentPeriodStatus = z.enum(['upcoming', 'open', 'closed']);
export type CommentPeriodStatus = z.infer<typeof commentPeriodStatus>;
export const commentPeriod = z.object({
  id: z.uuid(),
  regulationId: z.uuid(),
  subject: z.string(),
  version: z.object({ id: z.uuid(), number: z.number().int(), title: z.string(), status: z.enum(VERSION_STATUSES) }),
  startsOn: z.string(),
  endsOn: z.string(),
  note: z.string().nullable(),
  status: commentPeriodStatus,
  commentCount: z.number().int(),
  unansweredCount: z.number().int(),
});
export type CommentPeriod = z.infer<typeof commentPeriod>;
export const regulationComment = z.object({
  id: z.uuid(),
  clauseNumber: z.string(),
  body: z.string(),
  channel: z.enum(['member', 'public']),
  /** Officers see who wrote it (a citizen may leave no name); others see only their own comments. */
  authorName: z.string().nullable(),
  mine: z.boolean(),
  reply: z.string().nullable(),
  answeredBy: z.string().nullable(),
  answeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type RegulationComment = z.infer<typeof regulationComment>;
export const commentPeriodDetail = commentPeriod.extend({
  preamble: z.string().nullable(),
  chapters: z.array(chapter),
  /** Comments by clause, in clause order; a clause number no longer in the draft comes last. */
  clauses: z.array(z.object({ number: z.string(), inDraft: z.boolean(), comments: z.array(regulationComment) })),
  canComment: z.boolean(),
  canAnswer: z.boolean(),
});
export type CommentPeriodDetail = z.infer<typeof commentPeriodDetail>;
/** Open periods for the public page: the draft's text and how many comments each clause has — no comment text, no names. */
export const publicCommentPeriods = z.object({
  tenant: z.object({ nameTh: z.string(), nameEn: z.string() }),
  items: z.array(
    commentPeriod.omit({ unansweredCount: true }).extend({
      preamble: z.string().nullable(),
      chapters: z.array(chapter),
      counts: z.record(z.string(), z.number().int()),
    }),
  ),
});
export type PublicCommentPeriods = z.infer<typeof publicCommentPeriods>;
