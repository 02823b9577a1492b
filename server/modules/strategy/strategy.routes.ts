import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listOf, tenantParams } from '../../../common/schemas/api';
import {
  frameUpsert,
  goalCreate,
  goalUpdate,
  indicator,
  indicatorCreate,
  indicatorUpdate,
  mapQuery,
  measurement,
  measurementCreate,
  measurementListQuery,
  scopeQuery,
  strategyCreate,
  strategyMap,
  strategyTree,
  strategyUpdate,
} from '../../../common/schemas/strategy';
import { anyTenantRole, editors, officers } from '../../platform/access';
import type { TenantContext } from '../../platform/context';
import { sweepEvidenceBlobs } from '../evidence/evidence.service';
import * as indicators from './indicators.service';
import { getMap } from './map';
import * as service from './strategy.service';
import { getStrategy } from './tree';

const created = z.object({ id: z.uuid() });
const measurementParams = z.object({ tenant: z.string().max(64), id: z.uuid(), measurementId: z.uuid() });

export async function strategyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  /** Evidence files went with what was deleted (ON DELETE CASCADE): remove their bytes; a failure here never fails the delete. */
  const sweep = (ctx: TenantContext) => sweepEvidenceBlobs(ctx, app.config.dataDir).catch((err) => app.log.warn({ err }, 'evidence sweep failed'));
  const tags = ['strategy'];
  const base = '/api/v1/t/:tenant/strategy';

  r.get(
    base,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Vision, missions, goals, strategies and indicators of the tenant (or of one network: ?networkId=)',
        params: tenantParams,
        querystring: scopeQuery,
        response: { 200: strategyTree },
      },
    },
    (req) => getStrategy(req.tenantCtx, req.query.networkId),
  );
  r.get(
    `${base}/map`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: "Strategy map: vision → goal → strategy → project → indicator, each indicator's latest value against the fiscal year's target",
        params: tenantParams,
        querystring: mapQuery,
        response: { 200: strategyMap },
      },
    },
    (req) => getMap(req.tenantCtx, req.query.networkId, req.query.fiscalYear),
  );
  r.put(
    `${base}/frame`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Set the vision and missions (tenant, or one network with networkId)',
        params: tenantParams,
        body: frameUpsert,
        response: { 200: strategyTree },
      },
    },
    (req) => service.upsertFrame(req.tenantCtx, req.body),
  );
  r.post(
    `${base}/goals`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Add a goal shared by networks and partners', params: tenantParams, body: goalCreate, response: { 201: created } },
    },
    async (req, reply) => reply.code(201).send(await service.createGoal(req.tenantCtx, req.body)),
  );
  r.patch(
    `${base}/goals/:id`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Change a goal (networkIds/partyIds replace the lists)', params: idParams, body: goalUpdate, response: { 200: created } },
    },
    (req) => service.updateGoal(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${base}/goals/:id`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Delete a goal with its strategies and indicators', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await service.deleteGoal(req.tenantCtx, req.params.id);
      await sweep(req.tenantCtx);
      return reply.code(204).send(null);
    },
  );
  r.post(
    `${base}/strategies`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Add a strategy to a goal', params: tenantParams, body: strategyCreate, response: { 201: created } },
    },
    async (req, reply) => reply.code(201).send(await service.createStrategy(req.tenantCtx, req.body)),
  );
  r.patch(
    `${base}/strategies/:id`,
    { config: { access: officers }, schema: { tags, summary: 'Change a strategy', params: idParams, body: strategyUpdate, response: { 200: created } } },
    (req) => service.updateStrategy(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${base}/strategies/:id`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Delete a strategy (its projects stay, unlinked)', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await service.deleteStrategy(req.tenantCtx, req.params.id);
      await sweep(req.tenantCtx);
      return reply.code(204).send(null);
    },
  );
  r.post(
    `${base}/indicators`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Add an indicator (unit, direction, baseline, targets per fiscal year)',
        params: tenantParams,
        body: indicatorCreate,
        response: { 201: indicator },
      },
    },
    async (req, reply) => reply.code(201).send(await indicators.createIndicator(req.tenantCtx, req.body)),
  );
  r.patch(
    `${base}/indicators/:id`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Change an indicator (targets replace the list)', params: idParams, body: indicatorUpdate, response: { 200: indicator } },
    },
    (req) => indicators.updateIndicator(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${base}/indicators/:id`,
    { config: { access: officers }, schema: { tags, summary: 'Delete an indicator with its measurements', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await indicators.deleteIndicator(req.tenantCtx, req.params.id);
      await sweep(req.tenantCtx);
      return reply.code(204).send(null);
    },
  );
  r.get(
    `${base}/indicators/:id/measurements`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Measurements of an indicator, newest first',
        params: idParams,
        querystring: measurementListQuery,
        response: { 200: listOf(measurement) },
      },
    },
    (req) => indicators.listMeasurements(req.tenantCtx, req.params.id, req.query.page, req.query.pageSize),
  );
  r.post(
    `${base}/indicators/:id/measurements`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Record a measured value with its source and evidence (note and/or link)',
        params: idParams,
        body: measurementCreate,
        response: { 201: measurement },
      },
    },
    async (req, reply) => reply.code(201).send(await indicators.addMeasurement(req.tenantCtx, req.params.id, req.body)),
  );
  r.delete(
    `${base}/indicators/:id/measurements/:measurementId`,
    { config: { access: officers }, schema: { tags, summary: 'Delete a measurement', params: measurementParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await indicators.deleteMeasurement(req.tenantCtx, req.params.id, req.params.measurementId);
      await sweep(req.tenantCtx);
      return reply.code(204).send(null);
    },
  );
}
