import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportFormat, idParams, listOf, listQuery, tenantParams } from '../../../common/schemas/api';
import {
  activityCreate,
  activityUpdate,
  carryForwardBody,
  carryForwardResult,
  continuityQuery,
  continuityResult,
  planCreate,
  planDetail,
  planListQuery,
  planSummary,
  planUpdate,
  planWriteResult,
  progressCreate,
  progressReport,
  projectCreate,
  projectUpdate,
} from '../../../common/schemas/plans';
import { anyTenantRole, editors, officers } from '../../platform/access';
import { sendTable } from '../../platform/export';
import { PLAN_COLUMNS, planExportRows } from './plans.export';
import type { TenantContext } from '../../platform/context';
import { sweepEvidenceBlobs } from '../evidence/evidence.service';
import * as activities from './activities.service';
import { carryForward } from './commands/carry-forward';
import * as service from './plans.service';
import * as projects from './projects.service';

const projectParams = z.object({ tenant: z.string().max(64), id: z.uuid(), projectId: z.uuid() });
const activityParams = z.object({ tenant: z.string().max(64), id: z.uuid(), activityId: z.uuid() });

export async function planRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** Evidence files went with what was deleted (ON DELETE CASCADE): remove their bytes; a failure here never fails the delete. */
  const sweep = (ctx: TenantContext) => sweepEvidenceBlobs(ctx, app.config.dataDir).catch((err) => app.log.warn({ err }, 'evidence sweep failed'));
  const tags = ['plans'];
  const base = '/api/v1/t/:tenant/plans';

  r.get(
    base,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'List joint action plans (filter by fiscal year B.E. and network)',
        params: tenantParams,
        querystring: planListQuery,
        response: { 200: listOf(planSummary) },
      },
    },
    (req) => service.listPlans(req.tenantCtx, req.query),
  );
  r.post(
    base,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Create a joint action plan for one or several networks',
        params: tenantParams,
        body: planCreate,
        response: { 201: planDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createPlan(req.tenantCtx, req.body)),
  );
  r.get(
    `${base}/continuity`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: "Each network's fiscal years with a joint plan, its runs of consecutive years and its gaps",
        params: tenantParams,
        querystring: continuityQuery,
        response: { 200: continuityResult },
      },
    },
    (req) => service.continuity(req.tenantCtx, req.query.networkId),
  );
  r.get(
    `${base}/:id`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'A plan with its projects, activities and progress roll-up', params: idParams, response: { 200: planDetail } },
    },
    (req) => service.getPlan(req.tenantCtx, req.params.id),
  );
  r.get(
    `${base}/:id/export`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Export a plan (projects, activities, budgets in baht, progress, status, B.E. dates) as CSV or XLSX',
        params: idParams,
        querystring: exportFormat,
      },
    },
    async (req, reply) => {
      const plan = await service.getPlan(req.tenantCtx, req.params.id);
      return sendTable(reply, req.query.format, planExportRows(plan), PLAN_COLUMNS, `plan-${plan.fiscalYear}`, `แผน ${plan.fiscalYear}`);
    },
  );
  r.patch(
    `${base}/:id`,
    { config: { access: editors }, schema: { tags, summary: 'Change a plan', params: idParams, body: planUpdate, response: { 200: planDetail } } },
    (req) => service.updatePlan(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${base}/:id`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Delete a plan with its projects and activities', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await service.deletePlan(req.tenantCtx, req.params.id);
      await sweep(req.tenantCtx);
      return reply.code(204).send(null);
    },
  );
  r.post(
    `${base}/:id/carry-forward`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: "Carry unfinished work into next fiscal year's plan (made once, linked to this one; safe to repeat)",
        params: idParams,
        body: carryForwardBody,
        response: { 200: carryForwardResult },
      },
    },
    (req) => carryForward(req.tenantCtx, req.params.id, req.body ?? {}),
  );

  r.post(
    `${base}/:id/projects`,
    {
      config: { access: editors },
      schema: { tags, summary: 'Add a project to a plan', params: idParams, body: projectCreate, response: { 201: planWriteResult } },
    },
    async (req, reply) => reply.code(201).send(await projects.createProject(req.tenantCtx, req.params.id, req.body)),
  );
  r.patch(
    `${base}/:id/projects/:projectId`,
    {
      config: { access: editors },
      schema: { tags, summary: 'Change a project', params: projectParams, body: projectUpdate, response: { 200: planWriteResult } },
    },
    (req) => projects.updateProject(req.tenantCtx, req.params.id, req.params.projectId, req.body),
  );
  r.delete(
    `${base}/:id/projects/:projectId`,
    {
      config: { access: editors },
      schema: { tags, summary: 'Delete a project with its activities', params: projectParams, response: { 200: planWriteResult } },
    },
    async (req) => {
      const result = await projects.deleteProject(req.tenantCtx, req.params.id, req.params.projectId);
      await sweep(req.tenantCtx);
      return result;
    },
  );
  r.post(
    `${base}/:id/projects/:projectId/activities`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Add an activity to a project (budget in integer satang)',
        params: projectParams,
        body: activityCreate,
        response: { 201: planWriteResult },
      },
    },
    async (req, reply) => reply.code(201).send(await activities.createActivity(req.tenantCtx, req.params.id, req.params.projectId, req.body)),
  );
  r.patch(
    `${base}/:id/activities/:activityId`,
    {
      config: { access: editors },
      schema: { tags, summary: 'Change an activity', params: activityParams, body: activityUpdate, response: { 200: planWriteResult } },
    },
    (req) => activities.updateActivity(req.tenantCtx, req.params.id, req.params.activityId, req.body),
  );
  r.delete(
    `${base}/:id/activities/:activityId`,
    { config: { access: editors }, schema: { tags, summary: 'Delete an activity', params: activityParams, response: { 200: planWriteResult } } },
    async (req) => {
      const result = await activities.deleteActivity(req.tenantCtx, req.params.id, req.params.activityId);
      await sweep(req.tenantCtx);
      return result;
    },
  );
  r.get(
    `${base}/:id/activities/:activityId/progress`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Progress reports of an activity, newest first',
        params: activityParams,
        querystring: listQuery.omit({ q: true }),
        response: { 200: listOf(progressReport) },
      },
    },
    (req) => activities.listProgress(req.tenantCtx, req.params.id, req.params.activityId, req.query.page, req.query.pageSize),
  );
  r.post(
    `${base}/:id/activities/:activityId/progress`,
    {
      // network coordinators report progress from the field, often by phone
      config: { access: editors },
      schema: {
        tags,
        summary: 'Report progress on an activity (percentage 0–100); the roll-up is recalculated',
        params: activityParams,
        body: progressCreate,
        response: { 201: planWriteResult },
      },
    },
    async (req, reply) => reply.code(201).send(await activities.reportProgress(req.tenantCtx, req.params.id, req.params.activityId, req.body)),
  );
}
