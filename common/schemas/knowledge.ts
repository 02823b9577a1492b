import { z } from 'zod';
import { isoDate, listQuery } from './api';
import { partySummary } from './partners';

// ---- enumerations ----

/** บทเรียน, แนวปฏิบัติที่ดี, ภูมิปัญญาท้องถิ่น, คู่มือ, กรณีศึกษา, งานวิจัย/ข้อมูล */
export const KNOWLEDGE_TYPES = ['lesson', 'good_practice', 'local_wisdom', 'manual', 'case_study', 'research'] as const;
export type KnowledgeType = (typeof KNOWLEDGE_TYPES)[number];
export const KNOWLEDGE_TYPE_TH: Record<KnowledgeType, string> = {
  lesson: 'บทเรียน',
  good_practice: 'แนวปฏิบัติที่ดี',
  local_wisdom: 'ภูมิปัญญาท้องถิ่น',
  manual: 'คู่มือ',
  case_study: 'กรณีศึกษา',
  research: 'งานวิจัย/ข้อมูล',
};

/**
 * Who may read an item:
 * - `public`: everyone in the tenant, and the public portal (no login) once it exists;
 * - `tenant`: every user with a role in the tenant;
 * - `network`: admins and officers of the tenant (and the platform admin), the item's creator, users whose
 *   linked partner is an author/contributor of the item, and users whose linked partner is a current
 *   member (no end date, or an end date today or later) of at least one of the item's networks.
 */
export const KNOWLEDGE_VISIBILITIES = ['network', 'tenant', 'public'] as const;
export type KnowledgeVisibility = (typeof KNOWLEDGE_VISIBILITIES)[number];

export const KNOWLEDGE_PARTY_ROLES = ['author', 'contributor'] as const;
export type KnowledgePartyRole = (typeof KNOWLEDGE_PARTY_ROLES)[number];

/** What an attachment's bytes turned out to be (never the file name's word for it). */
export const ATTACHMENT_KINDS = ['pdf', 'png', 'jpeg', 'webp', 'docx', 'xlsx', 'pptx', 'text'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const FORUM_PARTICIPANT_ROLES = ['host', 'participant', 'speaker'] as const;
export type ForumParticipantRole = (typeof FORUM_PARTICIPANT_ROLES)[number];

/** Per-route upload limit for knowledge and forum attachments (the global multipart limit is 5 MB). */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const BODY_MAX_CHARS = 200_000;

// ---- input ----

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' ? null : v));
const tag = z.string().trim().min(1).max(50);

export const knowledgePartyInput = z.strictObject({ partyId: z.uuid(), role: z.enum(KNOWLEDGE_PARTY_ROLES).default('author') });

const knowledgeFields = {
  title: z.string().trim().min(1).max(300),
  summary: optionalText(2000),
  /** Markdown. Rendered on the server; raw HTML is shown as text, unsafe links are dropped. */
  body: z.string().max(BODY_MAX_CHARS).default(''),
  type: z.enum(KNOWLEDGE_TYPES),
  tags: z.array(tag).max(30).default([]),
  /** The first network is the item's home network (the one that produced it). */
  networkIds: z.array(z.uuid()).max(50).default([]),
  parties: z.array(knowledgePartyInput).max(50).default([]),
  visibility: z.enum(KNOWLEDGE_VISIBILITIES).default('tenant'),
  /** When the knowledge was recorded or published (defaults to today). */
  publishedOn: isoDate.nullish(),
};
export const knowledgeCreate = z.strictObject({ ...knowledgeFields, note: optionalText(500) });
export type KnowledgeCreate = z.input<typeof knowledgeCreate>;

export const knowledgeUpdate = z
  .strictObject({
    title: knowledgeFields.title,
    summary: knowledgeFields.summary,
    body: z.string().max(BODY_MAX_CHARS),
    type: knowledgeFields.type,
    tags: z.array(tag).max(30),
    networkIds: z.array(z.uuid()).max(50),
    parties: z.array(knowledgePartyInput).max(50),
    visibility: knowledgeFields.visibility.unwrap(),
    publishedOn: isoDate,
    /** A short note for the version history ("แก้ไขตัวเลขปี 2566"). */
    note: optionalText(500),
    /** The version the editor started from; a newer current version answers 409 instead of overwriting. */
    baseVersion: z.number().int().min(1),
  })
  .partial();
export type KnowledgeUpdate = z.input<typeof knowledgeUpdate>;

const beYear = z.coerce.number().int().min(2400).max(2700);
export const knowledgeFilters = {
  type: z.enum(KNOWLEDGE_TYPES).optional(),
  networkId: z.uuid().optional(),
  partyId: z.uuid().optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  /** Buddhist-era calendar year of `publishedOn` (e.g. 2567). */
  year: beYear.optional(),
  /** Thai fiscal year (B.E.) of `publishedOn`: 1 Oct of the year before to 30 Sep. */
  fiscalYear: beYear.optional(),
  visibility: z.enum(KNOWLEDGE_VISIBILITIES).optional(),
};
export const knowledgeListQuery = listQuery.extend({
  ...knowledgeFilters,
  /** `relevance` is the default when `q` is given, `-publishedOn` otherwise. */
  sort: z.enum(['relevance', '-publishedOn', '-updatedAt', 'title', '-views']).optional(),
});
export const knowledgeSearchQuery = knowledgeListQuery.extend({ q: z.string().trim().min(1).max(200) });

export const markdownPreviewBody = z.strictObject({ body: z.string().max(BODY_MAX_CHARS) });
export const markdownPreview = z.object({ html: z.string() });

// ---- output ----

export const networkRef = z.object({ id: z.uuid(), name: z.string() });
export type NetworkRef = z.infer<typeof networkRef>;

export const knowledgeItem = z.object({
  id: z.uuid(),
  type: z.enum(KNOWLEDGE_TYPES),
  title: z.string(),
  summary: z.string().nullable(),
  tags: z.array(z.string()),
  visibility: z.enum(KNOWLEDGE_VISIBILITIES),
  networks: z.array(networkRef),
  parties: z.array(z.object({ party: partySummary, role: z.enum(KNOWLEDGE_PARTY_ROLES) })),
  publishedOn: z.string(),
  version: z.number().int(),
  attachmentCount: z.number().int(),
  views: z.number().int(),
  createdBy: z.string().nullable(),
  updatedBy: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KnowledgeItem = z.infer<typeof knowledgeItem>;

/**
 * A search hit. `snippet` is HTML-safe: the original text around the best match, escaped, with the
 * matched words wrapped in `<mark>…</mark>` (the only tag it can contain).
 */
export const knowledgeHit = knowledgeItem.extend({
  snippet: z.string().nullable(),
  snippetSource: z.enum(['title', 'summary', 'body', 'tags', 'attachment']).nullable(),
  /** File name when the snippet comes from an attachment. */
  snippetFile: z.string().nullable(),
  rank: z.number(),
});
export type KnowledgeHit = z.infer<typeof knowledgeHit>;

/** A page of knowledge items or search hits. */
export const knowledgeSearchResult = z.object({
  items: z.array(knowledgeHit),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** True when a broad search's total is the database's estimate (its hits then come newest first). */
  totalIsEstimate: z.boolean(),
  /** The closest spelling searched as well, when the query as typed found almost nothing. */
  correctedQuery: z.string().nullable(),
});
export type KnowledgeSearchResult = z.infer<typeof knowledgeSearchResult>;

export const attachment = z.object({
  id: z.uuid(),
  filename: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  caption: z.string().nullable(),
  /** Whether text was taken from the file into the search index. */
  textStatus: z.enum(['extracted', 'empty', 'none', 'failed']),
  textChars: z.number().int(),
  uploadedBy: z.string().nullable(),
  createdAt: z.string(),
  /** Relative URL of the file (same-origin, needs the session). */
  url: z.string(),
});
export type Attachment = z.infer<typeof attachment>;

export const forumRef = z.object({ id: z.uuid(), title: z.string(), heldOn: z.string() });

export const knowledgeDetail = knowledgeItem.extend({
  body: z.string(),
  /** Sanitised HTML of `body`. */
  bodyHtml: z.string(),
  attachments: z.array(attachment),
  forums: z.array(forumRef),
  /** Whether the caller may edit this item. */
  canEdit: z.boolean(),
});
export type KnowledgeDetail = z.infer<typeof knowledgeDetail>;

export const knowledgeVersionSummary = z.object({
  version: z.number().int(),
  title: z.string(),
  note: z.string().nullable(),
  restoredFrom: z.number().int().nullable(),
  editedBy: z.string().nullable(),
  createdAt: z.string(),
  /** Names of the fields that changed compared with the previous version. */
  changed: z.array(z.string()),
});
export type KnowledgeVersionSummary = z.infer<typeof knowledgeVersionSummary>;

export const knowledgeVersion = knowledgeVersionSummary.extend({
  type: z.enum(KNOWLEDGE_TYPES),
  summary: z.string().nullable(),
  body: z.string(),
  bodyHtml: z.string(),
  tags: z.array(z.string()),
  visibility: z.enum(KNOWLEDGE_VISIBILITIES),
  publishedOn: z.string(),
  networks: z.array(networkRef),
  parties: z.array(z.object({ partyId: z.uuid(), name: z.string().nullable(), role: z.enum(KNOWLEDGE_PARTY_ROLES) })),
});
export type KnowledgeVersion = z.infer<typeof knowledgeVersion>;

export const diffPart = z.object({ op: z.enum(['equal', 'added', 'removed']), text: z.string() });
export type DiffPart = z.infer<typeof diffPart>;
/** One line of the body diff; a changed line pair carries word-level `parts`. */
export const diffLine = z.object({
  op: z.enum(['equal', 'added', 'removed', 'changed']),
  oldLine: z.number().int().nullable(),
  newLine: z.number().int().nullable(),
  oldText: z.string().nullable(),
  newText: z.string().nullable(),
  parts: z.array(diffPart).nullable(),
});
export type DiffLine = z.infer<typeof diffLine>;
export const knowledgeDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown(), parts: z.array(diffPart).nullable() })),
  /** Body lines; unchanged runs longer than 6 lines are shortened to 3 lines of context around changes. */
  body: z.array(diffLine),
  bodyStats: z.object({ added: z.number().int(), removed: z.number().int() }),
});
export type KnowledgeDiff = z.infer<typeof knowledgeDiff>;
export const diffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const restoreBody = z.strictObject({ note: optionalText(500) }).default({ note: null });

export const tagCount = z.object({ tag: z.string(), count: z.number().int() });

// ---- forums ----

export const forumParticipantInput = z
  .strictObject({
    networkId: z.uuid().nullish(),
    partyId: z.uuid().nullish(),
    role: z.enum(FORUM_PARTICIPANT_ROLES).default('participant'),
    headCount: z.number().int().min(0).max(100_000).default(0),
    note: optionalText(300),
  })
  .refine((p) => Boolean(p.networkId) !== Boolean(p.partyId), { message: 'network_or_party', path: ['networkId'] });

const forumFields = {
  title: z.string().trim().min(1).max(300),
  description: optionalText(4000),
  heldOn: isoDate,
  endOn: isoDate.nullish(),
  place: optionalText(300),
  hostNetworkId: z.uuid().nullish(),
  topics: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
  /** People who came without a listed network or partner. */
  otherHeadCount: z.number().int().min(0).max(100_000).default(0),
  participants: z.array(forumParticipantInput).max(200).default([]),
  /** Knowledge items the forum produced. */
  itemIds: z.array(z.uuid()).max(100).default([]),
};
export const forumCreate = z.strictObject(forumFields);
export type ForumCreate = z.input<typeof forumCreate>;
export const forumUpdate = z
  .strictObject({
    ...forumFields,
    topics: z.array(z.string().trim().min(1).max(200)).max(30),
    otherHeadCount: z.number().int().min(0).max(100_000),
    participants: z.array(forumParticipantInput).max(200),
    itemIds: z.array(z.uuid()).max(100),
  })
  .partial();
export type ForumUpdate = z.input<typeof forumUpdate>;
export const forumListQuery = listQuery.extend({
  networkId: z.uuid().optional(),
  year: beYear.optional(),
  fiscalYear: beYear.optional(),
  sort: z.enum(['-heldOn', 'heldOn', 'title']).default('-heldOn'),
});

export const forum = z.object({
  id: z.uuid(),
  title: z.string(),
  description: z.string().nullable(),
  heldOn: z.string(),
  endOn: z.string().nullable(),
  fiscalYear: z.number().int(),
  place: z.string().nullable(),
  hostNetwork: networkRef.nullable(),
  topics: z.array(z.string()),
  otherHeadCount: z.number().int(),
  /** Sum of the participants' head counts and `otherHeadCount`. */
  totalHeadCount: z.number().int(),
  participantCount: z.number().int(),
  itemCount: z.number().int(),
  photoCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Forum = z.infer<typeof forum>;
export const forumParticipant = z.object({
  id: z.uuid(),
  network: networkRef.nullable(),
  party: partySummary.nullable(),
  role: z.enum(FORUM_PARTICIPANT_ROLES),
  headCount: z.number().int(),
  note: z.string().nullable(),
});
export const forumDetail = forum.extend({
  participants: z.array(forumParticipant),
  /** The produced items the caller may see. */
  items: z.array(knowledgeItem.pick({ id: true, type: true, title: true, summary: true, publishedOn: true, visibility: true })),
  attachments: z.array(attachment),
});
export type ForumDetail = z.infer<typeof forumDetail>;

// ---- sharing metrics ----

export const metricsQuery = z.object({
  fiscalYear: beYear.optional(),
  networkId: z.uuid().optional(),
  top: z.coerce.number().int().min(1).max(50).default(10),
});
export const knowledgeMetrics = z.object({
  fiscalYears: z.array(z.number().int()),
  totals: z.array(
    z.object({ fiscalYear: z.number().int(), items: z.number().int(), forums: z.number().int(), attendance: z.number().int(), views: z.number().int() }),
  ),
  /** Per network and fiscal year. `itemsProduced` counts items whose home (first) network it is. */
  byNetwork: z.array(
    z.object({
      networkId: z.uuid(),
      networkName: z.string(),
      fiscalYear: z.number().int(),
      itemsProduced: z.number().int(),
      itemsLinked: z.number().int(),
      forumsHosted: z.number().int(),
      forumsJoined: z.number().int(),
      attendance: z.number().int(),
    }),
  ),
  /** Items used beyond their home network: linked to other networks, or read by members of other networks. */
  reused: z.array(
    z.object({
      id: z.uuid(),
      title: z.string(),
      homeNetwork: networkRef.nullable(),
      otherNetworksLinked: z.number().int(),
      otherNetworkReaders: z.number().int(),
    }),
  ),
  mostRead: z.array(z.object({ id: z.uuid(), title: z.string(), type: z.enum(KNOWLEDGE_TYPES), views: z.number().int(), readers: z.number().int() })),
});
export type KnowledgeMetrics = z.infer<typeof knowledgeMetrics>;

// ---- global search ----

export const globalSearchQuery = z.object({ q: z.string().trim().min(1).max(200), limit: z.coerce.number().int().min(1).max(50).default(5) });
export const GLOBAL_HIT_KINDS = ['knowledge', 'network', 'partner', 'forum'] as const;
export const globalHit = z.object({
  kind: z.enum(GLOBAL_HIT_KINDS),
  id: z.uuid(),
  title: z.string(),
  subtitle: z.string().nullable(),
  /** HTML-safe; only `<mark>` tags. */
  snippet: z.string().nullable(),
});
export type GlobalHit = z.infer<typeof globalHit>;
export const globalSearchResult = z.object({
  q: z.string(),
  /** Up to `limit` hits per kind, knowledge first. */
  items: z.array(globalHit),
  totals: z.object({ knowledge: z.number().int(), network: z.number().int(), partner: z.number().int(), forum: z.number().int() }),
});
export type GlobalSearchResult = z.infer<typeof globalSearchResult>;
