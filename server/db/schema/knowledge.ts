import { sql } from 'drizzle-orm';
import { check, customType, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { storedFileColumns } from './columns';
import { tenants } from './platform';
import { parties } from './registry';
import { networks } from './networks';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * The spelling dictionary for typo-tolerant search: every run of one to four adjacent words of each item's
 * title, and each tag, written together as a user would type them (เหมืองฝายพญาคำ). A misspelt query is
 * matched against these short strings with pg_trgm similarity (trigram index in the hand-written
 * migration) and searched again with the closest term. Terms are only added; one that no item uses any
 * more simply finds nothing.
 */
export const knowledgeTerms = pgTable(
  'knowledge_terms',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    term: text('term').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.term] })],
);

/**
 * Knowledge items (ชุดความรู้, บทเรียน, ภูมิปัญญา …). `body` is Markdown; `bodyHtml` its sanitised rendering
 * and `bodyText` its plain text (for snippets). The `search*` columns hold the Thai-segmented, normalised
 * index terms of each field separated by spaces (words and adjacent word pairs, segmented in the app with
 * Intl.Segmenter, see thai-text.ts); `searchVector` is generated from them with the 'simple' configuration
 * and weights A (title, tags), B (summary), C (body), D (attachment text) and matches; `searchHead` (title,
 * tags, summary) ranks. Indexes (GIN on the vector, trigram on the title) are in the hand-written migration.
 */
export const knowledgeItems = pgTable(
  'knowledge_items',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    body: text('body').notNull().default(''),
    bodyHtml: text('body_html').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    tags: text('tags').array().notNull().default([]),
    visibility: text('visibility').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    version: integer('version').notNull().default(1),
    searchTitle: text('search_title').notNull().default(''),
    searchTags: text('search_tags').notNull().default(''),
    searchSummary: text('search_summary').notNull().default(''),
    searchBody: text('search_body').notNull().default(''),
    searchFiles: text('search_files').notNull().default(''),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple'::regconfig, search_title), 'A') || setweight(to_tsvector('simple'::regconfig, search_tags), 'A') || setweight(to_tsvector('simple'::regconfig, search_summary), 'B') || setweight(to_tsvector('simple'::regconfig, search_body), 'C') || setweight(to_tsvector('simple'::regconfig, search_files), 'D')`,
      ),
    /** Title, tags and summary only: small enough to rank thousands of matches quickly. */
    searchHead: tsvector('search_head')
      .notNull()
      .generatedAlwaysAs(
        sql`setweight(to_tsvector('simple'::regconfig, search_title), 'A') || setweight(to_tsvector('simple'::regconfig, search_tags), 'A') || setweight(to_tsvector('simple'::regconfig, search_summary), 'B')`,
      ),
    createdByUserId: uuid('created_by_user_id'),
    createdByName: text('created_by_name'),
    updatedByUserId: uuid('updated_by_user_id'),
    updatedByName: text('updated_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('knowledge_items_tenant_published_idx').on(t.tenantId, t.publishedOn),
    index('knowledge_items_tenant_updated_idx').on(t.tenantId, t.updatedAt),
    check('knowledge_items_type_check', sql`${t.type} in ('lesson', 'good_practice', 'local_wisdom', 'manual', 'case_study', 'research')`),
    check('knowledge_items_visibility_check', sql`${t.visibility} in ('network', 'tenant', 'public')`),
  ],
);

/** The networks an item belongs to; position 0 is its home network (the one that produced it). */
export const knowledgeItemNetworks = pgTable(
  'knowledge_item_networks',
  {
    tenantId: uuid('tenant_id').notNull(),
    itemId: uuid('item_id').notNull(),
    networkId: uuid('network_id').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.itemId, t.networkId] }),
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [knowledgeItems.tenantId, knowledgeItems.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.networkId], foreignColumns: [networks.tenantId, networks.id] }).onDelete('cascade'),
    index('knowledge_item_networks_network_idx').on(t.tenantId, t.networkId),
  ],
);

/** Authors and contributing partners of an item. */
export const knowledgeItemParties = pgTable(
  'knowledge_item_parties',
  {
    tenantId: uuid('tenant_id').notNull(),
    itemId: uuid('item_id').notNull(),
    partyId: uuid('party_id').notNull(),
    role: text('role').notNull(),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.itemId, t.partyId] }),
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [knowledgeItems.tenantId, knowledgeItems.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.partyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('cascade'),
    index('knowledge_item_parties_party_idx').on(t.tenantId, t.partyId),
    check('knowledge_item_parties_role_check', sql`${t.role} in ('author', 'contributor')`),
  ],
);

export interface VersionParty {
  partyId: string;
  role: string;
}

/** Every state an item has had: version 1 at creation, one more per edit or restore. Append-only for the app. */
export const knowledgeVersions = pgTable(
  'knowledge_versions',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    version: integer('version').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    body: text('body').notNull(),
    tags: text('tags').array().notNull().default([]),
    visibility: text('visibility').notNull(),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    networkIds: uuid('network_ids').array().notNull().default([]),
    parties: jsonb('parties').$type<VersionParty[]>().notNull().default([]),
    /** Fields that differ from the previous version. */
    changed: text('changed').array().notNull().default([]),
    note: text('note'),
    restoredFrom: integer('restored_from'),
    editedByUserId: uuid('edited_by_user_id'),
    editedByName: text('edited_by_name'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [knowledgeItems.tenantId, knowledgeItems.id] }).onDelete('cascade'),
    uniqueIndex('knowledge_versions_item_version_idx').on(t.tenantId, t.itemId, t.version),
  ],
);

/** Learning-exchange forums (เวทีแลกเปลี่ยนเรียนรู้). The host network FK (ON DELETE SET NULL) is in the hand-written migration. */
export const knowledgeForums = pgTable(
  'knowledge_forums',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    title: text('title').notNull(),
    description: text('description'),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    place: text('place'),
    hostNetworkId: uuid('host_network_id'),
    topics: text('topics').array().notNull().default([]),
    otherHeadCount: integer('other_head_count').notNull().default(0),
    createdByUserId: uuid('created_by_user_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    index('knowledge_forums_tenant_held_idx').on(t.tenantId, t.heldOn),
    index('knowledge_forums_host_idx').on(t.tenantId, t.hostNetworkId),
    check('knowledge_forums_head_count_check', sql`${t.otherHeadCount} >= 0`),
  ],
);

/** Who came to a forum: a network or a partner, with a head count. */
export const knowledgeForumParticipants = pgTable(
  'knowledge_forum_participants',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    forumId: uuid('forum_id').notNull(),
    networkId: uuid('network_id'),
    partyId: uuid('party_id'),
    role: text('role').notNull().default('participant'),
    headCount: integer('head_count').notNull().default(0),
    note: text('note'),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.forumId], foreignColumns: [knowledgeForums.tenantId, knowledgeForums.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.networkId], foreignColumns: [networks.tenantId, networks.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.partyId], foreignColumns: [parties.tenantId, parties.id] }).onDelete('cascade'),
    index('knowledge_forum_participants_forum_idx').on(t.tenantId, t.forumId),
    index('knowledge_forum_participants_network_idx').on(t.tenantId, t.networkId),
    check('knowledge_forum_participants_one_check', sql`num_nonnulls(${t.networkId}, ${t.partyId}) = 1`),
    check('knowledge_forum_participants_head_count_check', sql`${t.headCount} >= 0`),
  ],
);

/** Knowledge items a forum produced. */
export const knowledgeForumItems = pgTable(
  'knowledge_forum_items',
  {
    tenantId: uuid('tenant_id').notNull(),
    forumId: uuid('forum_id').notNull(),
    itemId: uuid('item_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.forumId, t.itemId] }),
    foreignKey({ columns: [t.tenantId, t.forumId], foreignColumns: [knowledgeForums.tenantId, knowledgeForums.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [knowledgeItems.tenantId, knowledgeItems.id] }).onDelete('cascade'),
    index('knowledge_forum_items_item_idx').on(t.tenantId, t.itemId),
  ],
);

/**
 * Files attached to an item or a forum (photos). The bytes live content-addressed under
 * `<dataDir>/files/sha256/<tenant id>/<first two hex>/<sha256>`; `textContent` is what was extracted for search.
 */
export const knowledgeAttachments = pgTable(
  'knowledge_attachments',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id'),
    forumId: uuid('forum_id'),
    ...storedFileColumns(),
    caption: text('caption'),
    textContent: text('text_content'),
    textStatus: text('text_status').notNull(),
    /** `textContent` segmented into words (see thai-text.ts); the item's `searchFiles` is these joined. */
    searchText: text('search_text').notNull().default(''),
    uploadedByName: text('uploaded_by_name'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [knowledgeItems.tenantId, knowledgeItems.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.tenantId, t.forumId], foreignColumns: [knowledgeForums.tenantId, knowledgeForums.id] }).onDelete('cascade'),
    index('knowledge_attachments_item_idx').on(t.tenantId, t.itemId),
    index('knowledge_attachments_forum_idx').on(t.tenantId, t.forumId),
    index('knowledge_attachments_sha_idx').on(t.tenantId, t.sha256),
    check('knowledge_attachments_owner_check', sql`num_nonnulls(${t.itemId}, ${t.forumId}) = 1`),
  ],
);

/** Reads of an item: one row per reader per day, with the reader's partner at the time (for reuse metrics). */
export const knowledgeViews = pgTable(
  'knowledge_views',
  {
    tenantId: uuid('tenant_id').notNull(),
    itemId: uuid('item_id').notNull(),
    userId: uuid('user_id').notNull(),
    viewedOn: date('viewed_on', { mode: 'string' }).notNull(),
    viewerPartyId: uuid('viewer_party_id'),
    count: integer('count').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.itemId, t.userId, t.viewedOn] }),
    foreignKey({ columns: [t.tenantId, t.itemId], foreignColumns: [knowledgeItems.tenantId, knowledgeItems.id] }).onDelete('cascade'),
    index('knowledge_views_tenant_day_idx').on(t.tenantId, t.viewedOn),
  ],
);
