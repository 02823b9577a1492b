import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listOf, tenantParams } from '../../../common/schemas/api';
import {
  bulkResult,
  matrixQuery,
  participationBulk,
  participationCreate,
  participationListQuery,
  participationMatrix,
  participationRecord,
} from '../../../common/schemas/participation';
import { anyTenantRole, editors } from '../../platform/access';
import * as service from './participation.service';

export async function participationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['participation'];
  const base = '/api/v1/t/:tenant/participation';

  r.get(
    base,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Participation records (drill-down of the matrix: fiscal year, level, network, pillar, sector, partner, plan, activity)',
        params: tenantParams,
        querystring: participationListQuery,
        response: { 200: listOf(participationRecord) },
      },
    },
    (req) => service.listRecords(req.tenantCtx, req.query),
  );
  r.post(
    base,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Record one participation (a partner, or a head count from a village/group)',
        params: tenantParams,
        body: participationCreate,
        response: { 201: participationRecord },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createRecord(req.tenantCtx, req.body)),
  );
  r.post(
    `${base}/bulk`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Record an attendance list for one event, all or nothing',
        params: tenantParams,
        body: participationBulk,
        response: { 201: bulkResult },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createBulk(req.tenantCtx, req.body)),
  );
  r.get(
    `${base}/matrix`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Participation matrix for a fiscal year (B.E.): networks, pillars and sectors × level issue / plan / operation',
        params: tenantParams,
        querystring: matrixQuery,
        response: { 200: participationMatrix },
      },
    },
    (req) => service.matrix(req.tenantCtx, req.query.fiscalYear),
  );
  r.delete(
    `${base}/:id`,
    { config: { access: editors }, schema: { tags, summary: 'Delete a participation record', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.deleteRecord(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
