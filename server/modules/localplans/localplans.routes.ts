import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, tenantParams } from '../../../common/schemas/api';
import {
  assignmentsInput,
  board,
  boardQuery,
  editionCreate,
  integratedProject,
  localGovernmentEntry,
  localPlanCreate,
  localPlanDetail,
  localPlanSummary,
  localPlanUpdate,
  p02Query,
  programmeCreate,
  programmeUpdate,
  sharedProject,
  sharedStatusInput,
  statusInput,
  strategyCreate,
  strategyUpdate,
  tenantLinkInput,
} from '../../../common/schemas/localplans';
import { adminsOnly, anyTenantRole, officers } from '../../platform/access';
import { sendXlsx } from '../../platform/export';
import { p01Xlsx, p02Xlsx } from './localplans.export';
import * as service from './localplans.service';
import { relayAll } from './sharing';
import * as sharing from './sharing.service';

const strategyParams = z.object({ tenant: z.string().max(64), id: z.uuid(), strategyId: z.uuid() });
const itemParams = z.object({ tenant: z.string().max(64), id: z.uuid(), itemId: z.uuid() });
const programmeParams = z.object({ tenant: z.string().max(64), id: z.uuid(), programmeId: z.uuid() });
const partyParams = z.object({ tenant: z.string().max(64), partyId: z.uuid() });
const projectParams = z.object({ tenant: z.string().max(64), projectId: z.uuid() });

/** Sweep every tenant's outbox now and then, for events whose delivery right after their write failed. */
const RELAY_SWEEP_MS = 60_000;

export async function localPlanRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['local-plans'];
  const base = '/api/v1/t/:tenant/local-plans';
  let sweep: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    sweep = setInterval(() => void relayAll(app.db).catch((err: unknown) => app.log.error({ err }, 'local plan outbox sweep failed')), RELAY_SWEEP_MS);
    sweep.unref();
  });
  app.addHook('onClose', async () => clearInterval(sweep));

  r.get(
    `${base}/local-governments`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Local governments that can have a plan: this one and partner local governments',
        params: tenantParams,
        response: { 200: z.array(localGovernmentEntry) },
      },
    },
    (req) => service.listLocalGovernments(req.tenantCtx),
  );
  r.put(
    `${base}/local-governments/:partyId/link`,
    {
      config: { access: adminsOnly },
      schema: {
        tags,
        summary: 'Link a partner local government to the Phakhi tenant it is (its slug), or unlink it (null)',
        params: partyParams,
        body: tenantLinkInput,
        response: { 200: localGovernmentEntry },
      },
    },
    (req) => sharing.setTenantLink(req.tenantCtx, req.params.partyId, req.body),
  );
  r.get(
    `${base}/shared`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: "Projects other tenants assigned to this local government (this tenant's copies) and the status recorded here",
        params: tenantParams,
        response: { 200: z.array(sharedProject) },
      },
    },
    (req) => sharing.listShared(req.tenantCtx),
  );
  r.patch(
    `${base}/shared/:id`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Record how far a shared project got in this local government’s plan; it travels back to the owner',
        params: idParams,
        body: sharedStatusInput,
        response: { 200: sharedProject },
      },
    },
    (req) => sharing.setSharedStatus(req.tenantCtx, req.params.id, req.body),
  );
  r.get(
    `${base}/board`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: "A joint plan's projects × the local governments that carry them",
        params: tenantParams,
        querystring: boardQuery,
        response: { 200: board },
      },
    },
    (req) => service.getBoard(req.tenantCtx, req.query.planId),
  );
  r.put(
    `${base}/assignments/:projectId`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Assign a joint project to the local governments that carry it (their yearly shares make its budget)',
        params: projectParams,
        body: assignmentsInput,
        response: { 200: z.array(integratedProject) },
      },
    },
    (req) => service.setAssignments(req.tenantCtx, req.params.projectId, req.body),
  );
  r.get(
    base,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'Local development plans', params: tenantParams, response: { 200: z.array(localPlanSummary) } },
    },
    (req) => service.listLocalPlans(req.tenantCtx),
  );
  r.post(
    base,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Create a five-year local development plan with its strategies and programmes',
        params: tenantParams,
        body: localPlanCreate,
        response: { 201: localPlanDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createLocalPlan(req.tenantCtx, req.body)),
  );
  r.get(
    `${base}/:id`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'A local plan: strategies, programmes, editions and the joint projects it carries',
        params: idParams,
        response: { 200: localPlanDetail },
      },
    },
    (req) => service.getLocalPlan(req.tenantCtx, req.params.id),
  );
  r.patch(
    `${base}/:id`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Rename a local plan', params: idParams, body: localPlanUpdate, response: { 200: localPlanDetail } },
    },
    (req) => service.updateLocalPlan(req.tenantCtx, req.params.id, req.body),
  );
  r.patch(
    `${base}/:id/strategies/:strategyId`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Edit a strategy (name, the province strategy it serves)',
        params: strategyParams,
        body: strategyUpdate,
        response: { 200: localPlanDetail },
      },
    },
    (req) => service.updateStrategy(req.tenantCtx, req.params.id, req.params.strategyId, req.body),
  );
  r.patch(
    `${base}/:id/programmes/:programmeId`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Rename a programme (แผนงาน)', params: programmeParams, body: programmeUpdate, response: { 200: localPlanDetail } },
    },
    (req) => service.updateProgramme(req.tenantCtx, req.params.id, req.params.programmeId, req.body),
  );
  r.post(
    `${base}/:id/strategies`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Add a strategy (with the province strategy it serves and its programmes)',
        params: idParams,
        body: strategyCreate,
        response: { 201: localPlanDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await service.addStrategy(req.tenantCtx, req.params.id, req.body)),
  );
  r.post(
    `${base}/:id/strategies/:strategyId/programmes`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Add a programme (แผนงาน) to a strategy', params: strategyParams, body: programmeCreate, response: { 201: localPlanDetail } },
    },
    async (req, reply) => reply.code(201).send(await service.addProgramme(req.tenantCtx, req.params.id, req.params.strategyId, req.body)),
  );
  r.post(
    `${base}/:id/editions`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Record an edition (original, เพิ่มเติม or เปลี่ยนแปลง ครั้งที่ N) and its approving act',
        params: idParams,
        body: editionCreate,
        response: { 201: localPlanDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await service.addEdition(req.tenantCtx, req.params.id, req.body)),
  );
  r.patch(
    `${base}/:id/projects/:itemId`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Move an integrated project on (integrated into an edition, in the annual budget, done) or drop it',
        params: itemParams,
        body: statusInput,
        response: { 200: integratedProject },
      },
    },
    (req) => service.setStatus(req.tenantCtx, req.params.id, req.params.itemId, req.body),
  );
  r.get(
    `${base}/:id/p02.xlsx`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'ผ.02 รายละเอียดโครงการพัฒนา (XLSX), one edition or all rows not dropped', params: idParams, querystring: p02Query },
    },
    async (req, reply) => {
      const { detail, edition, rows } = await service.exportData(req.tenantCtx, req.params.id, req.query.edition);
      return sendXlsx(reply, `p02-${detail.startYear}`, await p02Xlsx(detail, edition, rows));
    },
  );
  r.get(
    `${base}/:id/p01.xlsx`,
    { config: { access: anyTenantRole }, schema: { tags, summary: 'ผ.01 บัญชีสรุปโครงการพัฒนา (XLSX)', params: idParams, querystring: p02Query } },
    async (req, reply) => {
      const { detail, edition, rows } = await service.exportData(req.tenantCtx, req.params.id, req.query.edition);
      return sendXlsx(reply, `p01-${detail.startYear}`, await p01Xlsx(detail, edition, rows));
    },
  );
}
