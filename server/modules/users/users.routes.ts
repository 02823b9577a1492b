import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, listOf, listQuery, tenantParams } from '../../../common/schemas/api';
import { tenantUser, userCreate, userUpdate } from '../../../common/schemas/platform';
import { adminsOnly, platformAdminInTenant } from '../../platform/access';
import * as service from './users.service';

export async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  r.get(
    '/api/v1/t/:tenant/users',
    {
      config: { access: adminsOnly },
      schema: { tags, summary: "The tenant's user accounts", params: tenantParams, querystring: listQuery, response: { 200: listOf(tenantUser) } },
    },
    (req) => service.listUsers(req.tenantCtx, req.query),
  );
  r.post(
    '/api/v1/t/:tenant/users',
    {
      // Tenant admins invite people (POST /invitations): setting a password for someone, and learning whether an
      // e-mail has an account elsewhere, is the platform admin's alone. The account must change it at first login.
      config: { access: platformAdminInTenant },
      schema: {
        tags,
        summary: 'Create an account with a password it must change at first login (platform admin; others invite)',
        params: tenantParams,
        body: userCreate,
        response: { 201: tenantUser },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createUser(req.tenantCtx, req.body)),
  );
  r.patch(
    '/api/v1/t/:tenant/users/:id',
    {
      config: { access: adminsOnly },
      schema: {
        tags,
        summary: 'Change role, name, linked person, or deactivate/reactivate',
        params: idParams,
        body: userUpdate,
        response: { 200: tenantUser },
      },
    },
    (req) => service.updateUser(req.tenantCtx, req.params.id, req.body),
  );
}
