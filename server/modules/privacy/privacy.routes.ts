import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportFormat, idParams, listOf, tenantParams } from '../../../common/schemas/api';
import { LAWFUL_BASIS_TH } from '../../../common/schemas/labels';
import {
  accessLogEntry,
  accessLogQuery,
  activity,
  activityInput,
  activityPatch,
  consent,
  consentInput,
  consentParams,
  eraseInput,
  eraseResult,
  noticeInput,
  partyParams,
  personPrivacy,
  privacyNotice,
  retentionInput,
  retentionRun,
  retentionSettings,
  subjectExport,
  subjectExportQuery,
  withdrawInput,
  type ProcessingActivity,
} from '../../../common/schemas/privacy';
import { adminsOnly, editors, officers, PUBLIC } from '../../platform/access';
import { datedName, sendTable, sendXlsx } from '../../platform/export';
import type { Column } from '../../platform/spreadsheet';
import * as service from './privacy.service';
import { subjectWorkbook } from './subject-xlsx';

const ROPA_COLUMNS: Column<ProcessingActivity>[] = [
  { key: 'name', header: 'กิจกรรมการประมวลผล', value: (a) => a.name, width: 32 },
  { key: 'purpose', header: 'วัตถุประสงค์', value: (a) => a.purpose, width: 40 },
  { key: 'lawfulBasis', header: 'ฐานทางกฎหมาย (มาตรา 24)', value: (a) => LAWFUL_BASIS_TH[a.lawfulBasis] },
  { key: 'dataSubjects', header: 'เจ้าของข้อมูล', value: (a) => a.dataSubjects, width: 28 },
  { key: 'dataCategories', header: 'ข้อมูลที่เก็บ', value: (a) => a.dataCategories.join(', '), width: 40 },
  { key: 'sensitiveData', header: 'ข้อมูลอ่อนไหว (มาตรา 26)', value: (a) => (a.sensitiveData ? 'มี' : 'ไม่มี') },
  { key: 'source', header: 'แหล่งที่มา', value: (a) => a.source, width: 28 },
  { key: 'recipients', header: 'ผู้รับข้อมูล', value: (a) => a.recipients, width: 28 },
  { key: 'retention', header: 'ระยะเวลาเก็บรักษา', value: (a) => a.retention, width: 32 },
  { key: 'securityMeasures', header: 'มาตรการรักษาความมั่นคงปลอดภัย', value: (a) => a.securityMeasures, width: 40 },
  { key: 'crossBorder', header: 'การส่งไปต่างประเทศ', value: (a) => a.crossBorder ?? 'ไม่มี' },
];

export async function privacyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];
  const base = '/api/v1/t/:tenant/privacy';

  // ------------------------------------------------------------ a person: consents, export, erasure
  r.get(
    `${base}/people/:partyId`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: "A person's consents (history included), erasure state and count of unmasked views",
        params: partyParams,
        response: { 200: personPrivacy },
      },
    },
    (req) => service.personPrivacy(req.tenantCtx, req.params.partyId),
  );
  r.post(
    `${base}/people/:partyId/consents`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Record a consent (or another lawful basis) of a person for a purpose',
        params: partyParams,
        body: consentInput,
        response: { 201: consent },
      },
    },
    async (req, reply) => reply.code(201).send(await service.recordConsent(req.tenantCtx, req.params.partyId, req.body)),
  );
  r.post(
    `${base}/consents/:consentId/withdraw`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Record the withdrawal of a consent (once; the consent stays in the history)',
        params: consentParams,
        body: withdrawInput,
        response: { 200: consent },
      },
    },
    (req) => service.withdrawConsent(req.tenantCtx, req.params.consentId, req.body),
  );
  r.get(
    `${base}/people/:partyId/export`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Everything about one person across modules, as JSON or XLSX (one sheet per kind, Thai headers); audited',
        params: partyParams,
        querystring: subjectExportQuery,
        response: { 200: subjectExport },
      },
    },
    async (req, reply) => {
      const data = await service.exportSubject(req.tenantCtx, req.params.partyId, req.query.format);
      const file = datedName(`personal-data-${req.params.partyId.slice(0, 8)}`);
      if (req.query.format === 'json') return reply.header('content-disposition', `attachment; filename="${file}.json"`).send(data);
      return sendXlsx(reply, file, await subjectWorkbook(data));
    },
  );
  r.post(
    `${base}/people/:partyId/erase`,
    {
      config: { access: adminsOnly },
      schema: {
        tags,
        summary: 'Erase a person: anonymise in place (ledger untouched, counts kept); 409 with the reasons when the law requires keeping the data',
        params: partyParams,
        body: eraseInput,
        response: { 200: eraseResult },
      },
    },
    (req) => service.eraseSubject(req.tenantCtx, req.params.partyId, req.body),
  );

  // ------------------------------------------------------------ privacy notice
  r.get(
    `${base}/notice`,
    {
      config: { access: adminsOnly },
      schema: { tags, summary: 'The privacy notice as the admin edits it', params: tenantParams, response: { 200: privacyNotice } },
    },
    (req) => service.getNotice(req.tenantCtx),
  );
  r.put(
    `${base}/notice`,
    {
      config: { access: adminsOnly },
      schema: {
        tags,
        summary: 'Set the controller, DPO contact and the words of the privacy notice',
        params: tenantParams,
        body: noticeInput,
        response: { 200: privacyNotice },
      },
    },
    (req) => service.putNotice(req.tenantCtx, req.body),
  );
  r.get(
    '/api/v1/public/:tenant/privacy-notice',
    {
      config: { access: PUBLIC },
      schema: {
        tags,
        summary: "A local government's privacy notice: controller and DPO contact, purposes, lawful bases, retention (no login, no personal data of others)",
        params: tenantParams,
        response: { 200: privacyNotice },
      },
    },
    async (req) => service.publicNotice(app.db, await app.tenantDirectory.get(req.params.tenant)),
  );

  // ------------------------------------------------------------ record of processing activities
  r.get(
    `${base}/activities`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Record of processing activities (section 39); defaults on first read',
        params: tenantParams,
        response: { 200: z.array(activity) },
      },
    },
    (req) => service.listActivities(req.tenantCtx),
  );
  r.get(
    `${base}/activities/export`,
    {
      config: { access: officers },
      schema: { tags, summary: 'The record of processing activities as CSV or XLSX', params: tenantParams, querystring: exportFormat },
    },
    async (req, reply) => sendTable(reply, req.query.format, await service.listActivities(req.tenantCtx), ROPA_COLUMNS, 'ropa', 'บันทึกรายการกิจกรรม'),
  );
  r.post(
    `${base}/activities`,
    {
      config: { access: adminsOnly },
      schema: { tags, summary: 'Add a processing activity', params: tenantParams, body: activityInput, response: { 201: activity } },
    },
    async (req, reply) => reply.code(201).send(await service.createActivity(req.tenantCtx, req.body)),
  );
  r.patch(
    `${base}/activities/:id`,
    {
      config: { access: adminsOnly },
      schema: { tags, summary: 'Change a processing activity', params: idParams, body: activityPatch, response: { 200: activity } },
    },
    (req) => service.updateActivity(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${base}/activities/:id`,
    { config: { access: adminsOnly }, schema: { tags, summary: 'Remove a processing activity', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.deleteActivity(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  // ------------------------------------------------------------ access log
  r.get(
    `${base}/access-log`,
    {
      config: { access: adminsOnly },
      schema: {
        tags,
        summary: 'Who was shown whose unmasked contact fields, and when',
        params: tenantParams,
        querystring: accessLogQuery,
        response: { 200: listOf(accessLogEntry) },
      },
    },
    (req) => service.accessLog(req.tenantCtx, req.query),
  );

  // ------------------------------------------------------------ retention
  r.get(
    `${base}/retention`,
    {
      config: { access: adminsOnly },
      schema: { tags, summary: 'Retention settings and the last run of the job', params: tenantParams, response: { 200: retentionSettings } },
    },
    (req) => service.getRetention(req.tenantCtx),
  );
  r.put(
    `${base}/retention`,
    {
      config: { access: adminsOnly },
      schema: {
        tags,
        summary: 'Set retention per kind of data (null = keep)',
        params: tenantParams,
        body: retentionInput,
        response: { 200: retentionSettings },
      },
    },
    (req) => service.putRetention(req.tenantCtx, req.body),
  );
  r.post(
    `${base}/retention/run`,
    {
      config: { access: adminsOnly },
      schema: {
        tags,
        summary: 'Apply the retention settings now (bounded; the server also runs it daily)',
        params: tenantParams,
        response: { 200: retentionRun },
      },
    },
    (req) => service.runRetentionNow(req.tenantCtx),
  );
}
