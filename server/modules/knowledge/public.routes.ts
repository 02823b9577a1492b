import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { tenantParams } from '../../../common/schemas/api';
import { publicKnowledgeDetail, publicKnowledgeList, publicKnowledgeQuery } from '../../../common/schemas/public-knowledge';
import { PUBLIC } from '../../platform/access';
import { publicContext } from '../budget/public.service';
import { sendAttachment } from './attachments';
import { assertPublicItem, publicKnowledgeItem, publicKnowledgeList as listPublic } from './public.service';

const itemParams = z.object({ tenant: z.string().max(64), id: z.uuid() });
const fileParams = itemParams.extend({ attachmentId: z.uuid() });

/** Knowledge marked สาธารณะ (public), readable without a login. */
export async function publicKnowledgeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  const base = '/api/v1/public/:tenant/knowledge';
  r.get(
    base,
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'Public knowledge items, newest first (q: words in the title or summary)',
        params: tenantParams,
        querystring: publicKnowledgeQuery,
        response: { 200: publicKnowledgeList },
      },
    },
    async (req) => listPublic(app.db, await app.tenantDirectory.get(req.params.tenant), req.query),
  );
  r.get(
    `${base}/:id`,
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: 'One public knowledge item with its files (404 unless it is public)',
        params: itemParams,
        response: { 200: publicKnowledgeDetail },
      },
    },
    async (req) => publicKnowledgeItem(app.db, await app.tenantDirectory.get(req.params.tenant), req.params.id),
  );
  r.get(
    `${base}/:id/attachments/:attachmentId`,
    { config: { access: PUBLIC }, schema: { tags, summary: 'A file of a public item (same safety headers as inside the app)', params: fileParams } },
    async (req, reply) => {
      const tenant = await app.tenantDirectory.get(req.params.tenant);
      await assertPublicItem(app.db, tenant.id, req.params.id);
      return sendAttachment(publicContext(app.db, tenant), app.config.dataDir, { itemId: req.params.id }, req.params.attachmentId, reply, false);
    },
  );
}
