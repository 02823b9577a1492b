import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listOf, listQuery, tenantParams } from '../../../common/schemas/api';
import {
  attachment,
  diffQuery,
  forum,
  forumCreate,
  forumDetail,
  forumListQuery,
  forumUpdate,
  globalSearchQuery,
  globalSearchResult,
  knowledgeCreate,
  knowledgeDetail,
  knowledgeDiff,
  knowledgeSearchResult,
  knowledgeListQuery,
  knowledgeMetrics,
  knowledgeSearchQuery,
  knowledgeUpdate,
  knowledgeVersion,
  knowledgeVersionSummary,
  markdownPreview,
  markdownPreviewBody,
  metricsQuery,
  restoreBody,
  tagCount,
} from '../../../common/schemas/knowledge';
import { anyTenantRole, editors, officers } from '../../platform/access';
import { readUpload } from '../../platform/files/upload';
import { addAttachment, removeAttachment, sendAttachment } from './attachments';
import * as forums from './forums.service';
import { knowledgeMetrics as metrics } from './metrics';
import * as service from './knowledge.service';
import { listItems, tagCounts } from './search-planner';
import { globalSearch } from './search.service';

const attachmentParams = z.object({ tenant: z.string().max(64), id: z.uuid(), attachmentId: z.uuid() });
const versionParams = z.object({ tenant: z.string().max(64), id: z.uuid(), version: z.coerce.number().int().min(1).max(1_000_000) });
const downloadQuery = z.object({ download: z.enum(['0', '1']).optional() });
const trackQuery = z.object({ track: z.enum(['0', '1']).default('1') });

/** Knowledge items, their versions and attachments; learning-exchange forums; sharing metrics; the global search. */
export async function knowledgeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const dataDir = () => app.config.dataDir;
  const tags = ['knowledge'];
  const base = '/api/v1/t/:tenant/knowledge';

  r.get(
    base,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'List knowledge items the caller may see; with q, a Thai full-text search ranked by relevance',
        params: tenantParams,
        querystring: knowledgeListQuery,
        response: { 200: knowledgeSearchResult },
      },
    },
    (req) => listItems(req.tenantCtx, req.query),
  );
  r.get(
    `${base}/search`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Thai full-text search over title, summary, body, tags and attachment text, with snippets',
        params: tenantParams,
        querystring: knowledgeSearchQuery,
        response: { 200: knowledgeSearchResult },
      },
    },
    (req) => listItems(req.tenantCtx, req.query),
  );
  r.post(
    base,
    {
      config: { access: editors },
      schema: { tags, summary: 'Create a knowledge item (version 1)', params: tenantParams, body: knowledgeCreate, response: { 201: knowledgeDetail } },
    },
    async (req, reply) => reply.code(201).send(await service.createItem(req.tenantCtx, req.body)),
  );
  r.get(
    `${base}/tags`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'Tags of the visible items with counts', params: tenantParams, response: { 200: z.object({ items: z.array(tagCount) }) } },
    },
    (req) => tagCounts(req.tenantCtx),
  );
  r.post(
    `${base}/preview`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Render Markdown as the server will (editor preview); writes nothing',
        params: tenantParams,
        body: markdownPreviewBody,
        response: { 200: markdownPreview },
      },
    },
    async (req) => service.previewMarkdown(req.body.body),
  );
  r.get(
    `${base}/metrics`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Sharing metrics per network and fiscal year; reused and most-read items',
        params: tenantParams,
        querystring: metricsQuery,
        response: { 200: knowledgeMetrics },
      },
    },
    (req) => metrics(req.tenantCtx, req.query),
  );

  r.get(
    `${base}/:id`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'A knowledge item with its rendered body, attachments and forums (counts a read unless track=0)',
        params: idParams,
        querystring: trackQuery,
        response: { 200: knowledgeDetail },
      },
    },
    (req) => service.getItem(req.tenantCtx, req.params.id, req.query.track === '1'),
  );
  r.patch(
    `${base}/:id`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Edit an item: a new version (409 when baseVersion is not the current version)',
        params: idParams,
        body: knowledgeUpdate,
        response: { 200: knowledgeDetail },
      },
    },
    (req) => service.updateItem(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${base}/:id`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Delete an item with its versions and attachments', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await service.deleteItem(req.tenantCtx, dataDir(), req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    `${base}/:id/versions`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Version history, newest first',
        params: idParams,
        querystring: listQuery.omit({ q: true }),
        response: { 200: listOf(knowledgeVersionSummary) },
      },
    },
    (req) => service.listVersions(req.tenantCtx, req.params.id, req.query),
  );
  r.get(
    `${base}/:id/versions/:version`,
    { config: { access: anyTenantRole }, schema: { tags, summary: 'One version as it was', params: versionParams, response: { 200: knowledgeVersion } } },
    (req) => service.getVersion(req.tenantCtx, req.params.id, req.params.version),
  );
  r.get(
    `${base}/:id/diff`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Differences between two versions: changed fields and the body line by line (word-level inside changed lines)',
        params: idParams,
        querystring: diffQuery,
        response: { 200: knowledgeDiff },
      },
    },
    (req) => service.diffVersions(req.tenantCtx, req.params.id, req.query.from, req.query.to),
  );
  r.post(
    `${base}/:id/versions/:version/restore`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Restore an old version: its content becomes a new version',
        params: versionParams,
        body: restoreBody,
        response: { 200: knowledgeDetail },
      },
    },
    (req) => service.restoreVersion(req.tenantCtx, req.params.id, req.params.version, req.body?.note ?? null),
  );

  r.post(
    `${base}/:id/attachments`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Attach a file (multipart "file", optional "caption"; ≤ 10 MB; PDF, PNG/JPEG/WebP, DOCX/XLSX/PPTX, UTF-8 text, detected from the content)',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: attachment },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req);
      return reply.code(201).send(await addAttachment(req.tenantCtx, dataDir(), { itemId: req.params.id }, upload));
    },
  );
  r.get(
    `${base}/:id/attachments/:attachmentId`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'The file, to those who may see the item (download=1 forces a download)', params: attachmentParams, querystring: downloadQuery },
    },
    (req, reply) => sendAttachment(req.tenantCtx, dataDir(), { itemId: req.params.id }, req.params.attachmentId, reply, req.query.download === '1'),
  );
  r.delete(
    `${base}/:id/attachments/:attachmentId`,
    { config: { access: editors }, schema: { tags, summary: 'Remove an attachment', params: attachmentParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await removeAttachment(req.tenantCtx, dataDir(), { itemId: req.params.id }, req.params.attachmentId);
      return reply.code(204).send(null);
    },
  );

  // ---- learning-exchange forums ----
  const ftags = ['forums'];
  const fbase = '/api/v1/t/:tenant/forums';
  r.get(
    fbase,
    {
      config: { access: anyTenantRole },
      schema: { tags: ftags, summary: 'Learning-exchange forums', params: tenantParams, querystring: forumListQuery, response: { 200: listOf(forum) } },
    },
    (req) => forums.listForums(req.tenantCtx, req.query),
  );
  r.post(
    fbase,
    {
      config: { access: editors },
      schema: {
        tags: ftags,
        summary: 'Record a forum with its participants (head counts) and the items it produced',
        params: tenantParams,
        body: forumCreate,
        response: { 201: forumDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await forums.createForum(req.tenantCtx, req.body)),
  );
  r.get(
    `${fbase}/:id`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: ftags,
        summary: 'A forum with participants, produced items (those the caller may see) and photos',
        params: idParams,
        response: { 200: forumDetail },
      },
    },
    (req) => forums.getForum(req.tenantCtx, req.params.id),
  );
  r.patch(
    `${fbase}/:id`,
    {
      config: { access: editors },
      schema: {
        tags: ftags,
        summary: 'Change a forum; participants and itemIds, when given, replace the lists',
        params: idParams,
        body: forumUpdate,
        response: { 200: forumDetail },
      },
    },
    (req) => forums.updateForum(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${fbase}/:id`,
    { config: { access: officers }, schema: { tags: ftags, summary: 'Delete a forum with its photos', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await forums.deleteForum(req.tenantCtx, dataDir(), req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    `${fbase}/:id/attachments`,
    {
      config: { access: editors },
      schema: {
        tags: ftags,
        summary: 'Add a photo or document to a forum (same rules as item attachments)',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: attachment },
      },
    },
    async (req, reply) => {
      const upload = await readUpload(req);
      return reply.code(201).send(await addAttachment(req.tenantCtx, dataDir(), { forumId: req.params.id }, upload));
    },
  );
  r.get(
    `${fbase}/:id/attachments/:attachmentId`,
    { config: { access: anyTenantRole }, schema: { tags: ftags, summary: 'A forum photo or document', params: attachmentParams, querystring: downloadQuery } },
    (req, reply) => sendAttachment(req.tenantCtx, dataDir(), { forumId: req.params.id }, req.params.attachmentId, reply, req.query.download === '1'),
  );
  r.delete(
    `${fbase}/:id/attachments/:attachmentId`,
    {
      config: { access: editors },
      schema: { tags: ftags, summary: 'Remove a forum photo or document', params: attachmentParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await removeAttachment(req.tenantCtx, dataDir(), { forumId: req.params.id }, req.params.attachmentId);
      return reply.code(204).send(null);
    },
  );

  // ---- global search ----
  r.get(
    '/api/v1/t/:tenant/search',
    {
      config: { access: anyTenantRole },
      schema: {
        tags: ['search'],
        summary: 'The global search box: knowledge (full text), networks, partners and forums',
        params: tenantParams,
        querystring: globalSearchQuery,
        response: { 200: globalSearchResult },
      },
    },
    (req) => globalSearch(req.tenantCtx, req.query.q, req.query.limit),
  );
}
