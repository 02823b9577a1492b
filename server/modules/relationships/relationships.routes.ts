import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listOf, tenantParams } from '../../../common/schemas/api';
import { relationship, relationshipCreate, relationshipListQuery, relationshipUpdate } from '../../../common/schemas/partners';
import { anyTenantRole, editors } from '../../platform/access';
import * as service from './relationships.service';

export async function relationshipRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['relationships'];
  r.get(
    '/api/v1/t/:tenant/relationships',
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'List relationships between partners',
        params: tenantParams,
        querystring: relationshipListQuery,
        response: { 200: listOf(relationship) },
      },
    },
    (req) => service.listRelationships(req.tenantCtx, req.query),
  );
  r.post(
    '/api/v1/t/:tenant/relationships',
    {
      config: { access: editors },
      schema: { tags, summary: 'Create a typed, dated relationship', params: tenantParams, body: relationshipCreate, response: { 201: relationship } },
    },
    async (req, reply) => reply.code(201).send(await service.createRelationship(req.tenantCtx, req.body)),
  );
  r.patch(
    '/api/v1/t/:tenant/relationships/:id',
    {
      config: { access: editors },
      schema: { tags, summary: 'Change a relationship', params: idParams, body: relationshipUpdate, response: { 200: relationship } },
    },
    (req) => service.updateRelationship(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    '/api/v1/t/:tenant/relationships/:id',
    { config: { access: editors }, schema: { tags, summary: 'Delete a relationship', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.deleteRelationship(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
