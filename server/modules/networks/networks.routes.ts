import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportFormat, idParams, listOf, tenantParams } from '../../../common/schemas/api';
import { ISSUE_TH, PILLAR_TH, STAGE_TH } from '../../../common/schemas/labels';
import {
  memberCreate,
  memberListQuery,
  memberUpdate,
  networkListItem,
  networkCreate,
  networkDetail,
  networkListQuery,
  networkMember,
  networkUpdate,
  type Network,
} from '../../../common/schemas/networks';
import { adminsOnly, anyTenantRole, editors, officers } from '../../platform/access';
import { sendTable } from '../../platform/export';
import { sendCachedPage } from '../../platform/page-cache';
import type { Column } from '../../platform/spreadsheet';
import * as service from './networks.service';

const NETWORK_COLUMNS: Column<Network>[] = [
  { key: 'name', header: 'ชื่อเครือข่าย', value: (n) => n.name, width: 40 },
  { key: 'nameEn', header: 'ชื่อภาษาอังกฤษ', value: (n) => n.nameEn, width: 30 },
  { key: 'pillar', header: 'เสาหลัก', value: (n) => PILLAR_TH[n.pillar] },
  { key: 'stage', header: 'ระยะการพัฒนา', value: (n) => STAGE_TH[n.stage] },
  { key: 'issues', header: 'ประเด็น', value: (n) => n.issues.map((i) => ISSUE_TH[i as keyof typeof ISSUE_TH] ?? i).join(', '), width: 30 },
  { key: 'tags', header: 'แท็ก', value: (n) => n.tags.join(', ') },
  { key: 'foundedOn', header: 'วันที่ก่อตั้ง', value: (n) => n.foundedOn },
  { key: 'coordinator', header: 'ผู้ประสานงาน', value: (n) => n.coordinator?.name, width: 28 },
  { key: 'memberCount', header: 'จำนวนสมาชิก', value: (n) => n.memberCount },
  { key: 'description', header: 'รายละเอียด', value: (n) => n.description, width: 60 },
];

const memberParams = z.object({ tenant: z.string().max(64), id: z.uuid(), memberId: z.uuid() });

export async function networkRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['networks'];
  const base = '/api/v1/t/:tenant/networks';

  r.get(
    base,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'List partner networks', params: tenantParams, querystring: networkListQuery, response: { 200: listOf(networkListItem) } },
    },
    async (req, reply) => sendCachedPage(reply, await service.listNetworkItemsJson(req.tenantCtx, req.query)),
  );
  r.post(
    base,
    {
      config: { access: officers },
      schema: { tags, summary: 'Create a network', params: tenantParams, body: networkCreate, response: { 201: networkDetail } },
    },
    async (req, reply) => reply.code(201).send(await service.createNetwork(req.tenantCtx, req.body)),
  );
  r.get(
    `${base}/export`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Export the filtered network list as CSV or XLSX',
        params: tenantParams,
        querystring: networkListQuery.omit({ page: true, pageSize: true }).extend(exportFormat.shape),
      },
    },
    async (req, reply) => {
      const { format, ...query } = req.query;
      const all = await service.listNetworks(req.tenantCtx, { ...query, page: 1, pageSize: 100_000 });
      return sendTable(reply, format, all.items, NETWORK_COLUMNS, 'networks', 'เครือข่าย');
    },
  );
  r.get(
    `${base}/:id`,
    { config: { access: anyTenantRole }, schema: { tags, summary: 'A network with its stage history', params: idParams, response: { 200: networkDetail } } },
    (req) => service.getNetworkDetail(req.tenantCtx, req.params.id),
  );
  r.patch(
    `${base}/:id`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Change a network; a stage change is recorded in its history',
        params: idParams,
        body: networkUpdate,
        response: { 200: networkDetail },
      },
    },
    (req) => service.updateNetwork(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${base}/:id`,
    { config: { access: adminsOnly }, schema: { tags, summary: 'Delete a network', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.deleteNetwork(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  r.get(
    `${base}/:id/members`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'Members of a network', params: idParams, querystring: memberListQuery, response: { 200: listOf(networkMember) } },
    },
    (req) => service.listMembers(req.tenantCtx, req.params.id, req.query),
  );
  r.post(
    `${base}/:id/members`,
    {
      config: { access: editors },
      schema: { tags, summary: 'Add a partner to a network', params: idParams, body: memberCreate, response: { 201: networkMember } },
    },
    async (req, reply) => reply.code(201).send(await service.addMember(req.tenantCtx, req.params.id, req.body)),
  );
  r.patch(
    `${base}/:id/members/:memberId`,
    {
      config: { access: editors },
      schema: { tags, summary: 'Change a membership (role, dates)', params: memberParams, body: memberUpdate, response: { 200: networkMember } },
    },
    (req) => service.updateMember(req.tenantCtx, req.params.id, req.params.memberId, req.body),
  );
  r.delete(
    `${base}/:id/members/:memberId`,
    { config: { access: editors }, schema: { tags, summary: 'Remove a membership', params: memberParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await service.removeMember(req.tenantCtx, req.params.id, req.params.memberId);
      return reply.code(204).send(null);
    },
  );
}
