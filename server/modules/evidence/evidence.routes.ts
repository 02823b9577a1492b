import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { evidenceFile } from '../../../common/schemas/evidence';
import { anyTenantRole, editors } from '../../platform/access';
import { readUpload } from '../../platform/files/upload';
import { addEvidenceFile, type EvidenceOwner, removeEvidenceFile, sendEvidenceFile } from './evidence.service';

const tenant = z.string().max(64);
const reportParams = z.object({ tenant, id: z.uuid(), activityId: z.uuid(), reportId: z.uuid() });
const reportFileParams = reportParams.extend({ fileId: z.uuid() });
const measurementParams = z.object({ tenant, id: z.uuid(), measurementId: z.uuid() });
const measurementFileParams = measurementParams.extend({ fileId: z.uuid() });
const downloadQuery = z.object({ download: z.enum(['0', '1']).optional() });

const report = (p: z.infer<typeof reportParams>): EvidenceOwner => ({ kind: 'report', planId: p.id, activityId: p.activityId, reportId: p.reportId });
const incidentParams = z.object({ tenant, id: z.uuid() });
const incidentFileParams = incidentParams.extend({ fileId: z.uuid() });
const incident = (p: z.infer<typeof incidentParams>): EvidenceOwner => ({ kind: 'incident', incidentId: p.id });
const measurement = (p: z.infer<typeof measurementParams>): EvidenceOwner => ({ kind: 'measurement', indicatorId: p.id, measurementId: p.measurementId });

/**
 * Photos and PDFs attached to a progress report or an indicator measurement. Whoever may record the report or
 * the measurement (admins, officers, coordinators) may attach; everyone of the tenant may see them (the reports
 * and measurements are readable by every role); the uploader or an officer may remove them.
 */
export async function evidenceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const dataDir = () => app.config.dataDir;
  const rbase = '/api/v1/t/:tenant/plans/:id/activities/:activityId/progress/:reportId/files';
  const mbase = '/api/v1/t/:tenant/strategy/indicators/:id/measurements/:measurementId/files';
  const upload = 'multipart "file": a photo (PNG, JPEG, WebP) or a PDF, judged from its content (415 otherwise), at most 10 MB, at most 20 per entry';

  r.post(
    rbase,
    {
      config: { access: editors },
      schema: {
        tags: ['plans'],
        summary: `Attach evidence to a progress report (${upload})`,
        consumes: ['multipart/form-data'],
        params: reportParams,
        response: { 201: evidenceFile },
      },
    },
    async (req, reply) => reply.code(201).send(await addEvidenceFile(req.tenantCtx, dataDir(), report(req.params), await readUpload(req))),
  );
  r.get(
    `${rbase}/:fileId`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: ['plans'],
        summary: 'A progress report photo or PDF (inline; download=1 forces a download)',
        params: reportFileParams,
        querystring: downloadQuery,
      },
    },
    (req, reply) => sendEvidenceFile(req.tenantCtx, dataDir(), report(req.params), req.params.fileId, reply, req.query.download === '1'),
  );
  r.delete(
    `${rbase}/:fileId`,
    {
      config: { access: editors },
      schema: {
        tags: ['plans'],
        summary: 'Remove a progress report file (its uploader, or an officer)',
        params: reportFileParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeEvidenceFile(req.tenantCtx, dataDir(), report(req.params), req.params.fileId);
      return reply.code(204).send(null);
    },
  );

  r.post(
    mbase,
    {
      config: { access: editors },
      schema: {
        tags: ['strategy'],
        summary: `Attach evidence to an indicator measurement (${upload})`,
        consumes: ['multipart/form-data'],
        params: measurementParams,
        response: { 201: evidenceFile },
      },
    },
    async (req, reply) => reply.code(201).send(await addEvidenceFile(req.tenantCtx, dataDir(), measurement(req.params), await readUpload(req))),
  );
  r.get(
    `${mbase}/:fileId`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: ['strategy'],
        summary: 'A measurement photo or PDF (inline; download=1 forces a download)',
        params: measurementFileParams,
        querystring: downloadQuery,
      },
    },
    (req, reply) => sendEvidenceFile(req.tenantCtx, dataDir(), measurement(req.params), req.params.fileId, reply, req.query.download === '1'),
  );
  r.delete(
    `${mbase}/:fileId`,
    {
      config: { access: editors },
      schema: {
        tags: ['strategy'],
        summary: 'Remove a measurement file (its uploader, or an officer)',
        params: measurementFileParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeEvidenceFile(req.tenantCtx, dataDir(), measurement(req.params), req.params.fileId);
      return reply.code(204).send(null);
    },
  );

  // photos of a water incident (issue 14): whoever may report an incident (editors) may attach, from a phone's camera
  const ibase = '/api/v1/t/:tenant/water/incidents/:id/files';
  r.post(
    ibase,
    {
      config: { access: editors },
      schema: {
        tags: ['water-incidents'],
        summary: `Attach a photo to an incident (${upload})`,
        consumes: ['multipart/form-data'],
        params: incidentParams,
        response: { 201: evidenceFile },
      },
    },
    async (req, reply) => reply.code(201).send(await addEvidenceFile(req.tenantCtx, dataDir(), incident(req.params), await readUpload(req))),
  );
  r.get(
    `${ibase}/:fileId`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: ['water-incidents'],
        summary: 'An incident photo (inline; download=1 forces a download)',
        params: incidentFileParams,
        querystring: downloadQuery,
      },
    },
    (req, reply) => sendEvidenceFile(req.tenantCtx, dataDir(), incident(req.params), req.params.fileId, reply, req.query.download === '1'),
  );
  r.delete(
    `${ibase}/:fileId`,
    {
      config: { access: editors },
      schema: {
        tags: ['water-incidents'],
        summary: 'Remove an incident photo (its uploader, or an officer)',
        params: incidentFileParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeEvidenceFile(req.tenantCtx, dataDir(), incident(req.params), req.params.fileId);
      return reply.code(204).send(null);
    },
  );
}
