import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportFormat, idParams, listOf, tenantParams } from '../../../common/schemas/api';
import { importPreview, party, partyCreate, partyDetail, partyListQuery, partyUpdate } from '../../../common/schemas/partners';
import { anyTenantRole, editors, officers } from '../../platform/access';
import { AppError } from '../../platform/errors';
import { sendTable } from '../../platform/export';
import { commitImport, PARTY_COLUMNS, previewImport } from './partners.io';
import * as service from './partners.service';

async function uploadedFile(req: FastifyRequest): Promise<{ buffer: Buffer; filename: string }> {
  if (!req.isMultipart()) throw new AppError('validation_failed', { file: 'required' });
  const file = await req.file();
  if (!file) throw new AppError('validation_failed', { file: 'required' });
  const buffer = await file.toBuffer();
  return { buffer, filename: file.filename };
}

export async function partnerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['partners'];
  const base = '/api/v1/t/:tenant/partners';

  r.get(
    base,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'List partners (organisations and people)',
        params: tenantParams,
        querystring: partyListQuery,
        response: { 200: listOf(party) },
      },
    },
    (req) => service.listParties(req.tenantCtx, req.query),
  );
  r.post(
    base,
    { config: { access: editors }, schema: { tags, summary: 'Register a partner', params: tenantParams, body: partyCreate, response: { 201: party } } },
    async (req, reply) => reply.code(201).send(await service.createParty(req.tenantCtx, req.body)),
  );

  r.get(
    `${base}/export`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Export the filtered partner list as CSV or XLSX',
        params: tenantParams,
        querystring: partyListQuery.omit({ page: true, pageSize: true }).extend(exportFormat.shape),
      },
    },
    async (req, reply) => {
      const { format, ...query } = req.query;
      const all = await service.listParties(req.tenantCtx, { ...query, page: 1, pageSize: 100_000 }, 'GET /partners/export');
      return sendTable(reply, format, all.items, PARTY_COLUMNS, 'partners', 'ภาคี');
    },
  );
  r.get(
    `${base}/import/template`,
    { config: { access: officers }, schema: { tags, summary: 'Empty import template', params: tenantParams, querystring: exportFormat } },
    (req, reply) => sendTable(reply, req.query.format, [], PARTY_COLUMNS, 'partners-template', 'ภาคี'),
  );
  r.post(
    `${base}/import/preview`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Check a CSV/XLSX file of partners; reports every bad row, writes nothing',
        consumes: ['multipart/form-data'],
        params: tenantParams,
        response: { 200: importPreview },
      },
    },
    async (req) => {
      const { buffer, filename } = await uploadedFile(req);
      return previewImport(req.tenantCtx, buffer, filename);
    },
  );
  r.post(
    `${base}/import`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Import a CSV/XLSX file of partners, all or nothing (422 with the preview when any row is bad)',
        consumes: ['multipart/form-data'],
        params: tenantParams,
        response: { 201: z.object({ imported: z.number().int() }) },
      },
    },
    async (req, reply: FastifyReply) => {
      const { buffer, filename } = await uploadedFile(req);
      return reply.code(201).send(await commitImport(req.tenantCtx, buffer, filename));
    },
  );

  r.get(
    `${base}/:id`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'A partner with its networks and relationships', params: idParams, response: { 200: partyDetail } },
    },
    (req) => service.getPartyDetail(req.tenantCtx, req.params.id),
  );
  r.patch(
    `${base}/:id`,
    { config: { access: editors }, schema: { tags, summary: 'Change a partner', params: idParams, body: partyUpdate, response: { 200: party } } },
    (req) => service.updateParty(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${base}/:id`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Delete a partner (its memberships and relationships go with it)', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await service.deleteParty(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );
}
