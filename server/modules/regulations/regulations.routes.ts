import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, tenantParams } from '../../../common/schemas/api';
import {
  commentAnswer,
  commentInput,
  commentPeriod,
  commentPeriodDetail,
  commentPeriodInput,
  communityVoteInput,
  publicCommentInput,
  publicCommentPeriods,
  diffQuery,
  draftCreate,
  inForceQuery,
  publicRegulations,
  regulationCreate,
  regulationDetail,
  regulationSummary,
  versionContent,
  versionDetail,
  versionDiff,
} from '../../../common/schemas/regulations';
import { anyTenantRole, officers, PUBLIC } from '../../platform/access';
import { langOf } from '../../platform/messages';
import * as comments from './comments.service';
import * as service from './regulations.service';

const versionParams = z.object({ tenant: z.string().max(64), id: z.uuid(), versionId: z.uuid() });
const periodParams = z.object({ tenant: z.string().max(64), periodId: z.uuid() });
const commentParams = z.object({ tenant: z.string().max(64), commentId: z.uuid() });

export async function regulationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['regulations'];
  const base = '/api/v1/t/:tenant/regulations';

  r.get(
    base,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'Community regulations', params: tenantParams, response: { 200: z.array(regulationSummary) } },
    },
    (req) => service.listRegulations(req.tenantCtx),
  );
  r.post(
    base,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'A new regulation with its first draft (chapters, clauses, fines)',
        params: tenantParams,
        body: regulationCreate,
        response: { 201: regulationDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createRegulation(req.tenantCtx, req.body)),
  );
  r.get(
    `${base}/:id`,
    { config: { access: anyTenantRole }, schema: { tags, summary: 'A regulation and its versions', params: idParams, response: { 200: regulationDetail } } },
    (req) => service.getRegulation(req.tenantCtx, req.params.id),
  );
  r.get(
    `${base}/:id/in-force`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'The version in force on a day (default today)', params: idParams, querystring: inForceQuery, response: { 200: versionDetail } },
    },
    (req) => service.inForceOn(req.tenantCtx, req.params.id, req.query.on),
  );
  r.get(
    `${base}/:id/diff`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'Clause-by-clause comparison of two versions', params: idParams, querystring: diffQuery, response: { 200: versionDiff } },
    },
    (req) => service.diffVersions(req.tenantCtx, req.params.id, req.query.from, req.query.to),
  );
  r.post(
    `${base}/:id/versions`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'A new draft version: its content, or { fromVersionId } to copy an earlier version for amendment',
        params: idParams,
        body: draftCreate,
        response: { 201: versionDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createDraft(req.tenantCtx, req.params.id, req.body)),
  );
  r.get(
    `${base}/:id/versions/:versionId`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'One version: chapters, clauses and fines', params: versionParams, response: { 200: versionDetail } },
    },
    (req) => service.getVersion(req.tenantCtx, req.params.id, req.params.versionId),
  );
  r.put(
    `${base}/:id/versions/:versionId`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: "Replace a draft's content (adopted versions never change)",
        params: versionParams,
        body: versionContent,
        response: { 200: versionDetail },
      },
    },
    (req) => service.updateDraft(req.tenantCtx, req.params.id, req.params.versionId, req.body),
  );
  r.post(
    `${base}/:id/versions/:versionId/community-vote`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Adopt a draft by a recorded community vote (adoption by a committee: a resolution with action adopt_regulation_version)',
        params: versionParams,
        body: communityVoteInput,
        response: { 200: versionDetail },
      },
    },
    (req) => service.adoptByVote(req.tenantCtx, req.params.id, req.params.versionId, req.body),
  );

  // ---- comment periods on drafts (comments.service.ts)
  r.get(
    `${base}/comment-periods`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Comment periods on draft versions (upcoming, open, closed) with comment counts',
        params: tenantParams,
        querystring: z.object({ regulationId: z.uuid().optional() }),
        response: { 200: z.array(commentPeriod) },
      },
    },
    (req) => comments.listCommentPeriods(req.tenantCtx, req.query.regulationId),
  );
  r.post(
    `${base}/:id/versions/:versionId/comment-periods`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Open a comment period on a draft version (dates inclusive, Thai time; not overlapping another of the version)',
        params: versionParams,
        body: commentPeriodInput,
        response: { 201: commentPeriodDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await comments.openCommentPeriod(req.tenantCtx, req.params.id, req.params.versionId, req.body)),
  );
  r.get(
    `${base}/comment-periods/:periodId`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'A comment period: the draft and its comments by clause (officers: all, with authors; others: their own)',
        params: periodParams,
        response: { 200: commentPeriodDetail },
      },
    },
    (req) => comments.getCommentPeriod(req.tenantCtx, req.params.periodId),
  );
  r.post(
    `${base}/comment-periods/:periodId/comments`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Comment on a clause while the period is open (409 comment_period_closed otherwise)',
        params: periodParams,
        body: commentInput,
        response: { 201: commentPeriodDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await comments.addComment(req.tenantCtx, req.params.periodId, req.body)),
  );
  r.post(
    `${base}/comments/:commentId/answer`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Answer a comment (marks it answered)', params: commentParams, body: commentAnswer, response: { 200: commentPeriodDetail } },
    },
    (req) => comments.answerComment(req.tenantCtx, req.params.commentId, req.body),
  );
  r.get(
    '/api/v1/public/:tenant/regulations/comment-periods',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Open comment periods: the drafts and the number of comments per clause (no comment text, no names)',
        params: tenantParams,
        response: { 200: publicCommentPeriods },
      },
    },
    async (req) => comments.publicCommentPeriods(app.db, await app.tenantDirectory.get(req.params.tenant)),
  );
  r.post(
    '/api/v1/public/:tenant/regulations/comment-periods/:periodId/comments',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "A citizen's comment on a clause (name optional, never shown publicly; rate-limited per IP like every public route)",
        params: periodParams,
        body: publicCommentInput,
        response: { 201: z.object({ id: z.uuid() }) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await comments.addPublicComment(app.db, await app.tenantDirectory.get(req.params.tenant), req.params.periodId, req.body)),
  );

  r.get(
    '/api/v1/public/:tenant/regulations',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Adopted (published) versions of the community regulations with their fine schedules (no login, no personal data)',
        params: tenantParams,
        response: { 200: publicRegulations },
      },
    },
    async (req) => service.publicRegulations(app.db, await app.tenantDirectory.get(req.params.tenant), langOf(req.headers['accept-language'])),
  );
}
