import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, tenantParams } from '../../../common/schemas/api';
import {
  contributionsInput,
  dutyQuery,
  dutyRule,
  dutyRuleInput,
  dutyTable,
  maintenanceDetail,
  maintenanceInput,
  maintenancePatch,
  maintenanceRemoval,
  contributionPatch,
  maintenanceListQuery,
  maintenanceSummary,
  finePayment,
  fineLevy,
  incident,
  incidentInput,
  incidentPatch,
  groupDetail,
  groupInput,
  groupSummary,
  membersInput,
  myTurns,
  publicRotas,
  rotaDetail,
  rotaInput,
  rotaSummary,
  source,
  swap,
  swapInput,
  sourceInput,
  sourcePatch,
  turnPatch,
} from '../../../common/schemas/water';
import { anyTenantRole, editors, officers, PUBLIC } from '../../platform/access';
import * as incidents from './incidents.service';
import * as contributions from './maintenance-contributions.service';
import * as works from './maintenance-works.service';
import * as duty from './duty-days.service';
import * as swaps from './swaps.service';
import * as service from './water.service';

const turnParams = z.object({ tenant: z.string().max(64), id: z.uuid(), turnId: z.uuid() });

export async function waterRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const base = '/api/v1/t/:tenant/water';

  // ---- sources and infrastructure
  const sTags = ['water-sources'];
  r.get(
    `${base}/sources`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: sTags,
        summary: 'Weirs, canals, gates, reservoirs, wells and pumps (parent, chainage, zone, condition)',
        params: tenantParams,
        response: { 200: z.array(source) },
      },
    },
    (req) => service.listSources(req.tenantCtx),
  );
  r.post(
    `${base}/sources`,
    {
      config: { access: officers },
      schema: { tags: sTags, summary: 'Record a water source or structure', params: tenantParams, body: sourceInput, response: { 201: source } },
    },
    async (req, reply) => reply.code(201).send(await service.createSource(req.tenantCtx, req.body)),
  );
  r.patch(
    `${base}/sources/:id`,
    {
      config: { access: editors },
      schema: {
        tags: sTags,
        summary: 'Change a source (its condition after an inspection, …)',
        params: idParams,
        body: sourcePatch,
        response: { 200: source },
      },
    },
    (req) => service.updateSource(req.tenantCtx, req.params.id, req.body),
  );

  // ---- water-user groups
  const gTags = ['water-groups'];
  r.get(
    `${base}/groups`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: gTags,
        summary: 'Water-user groups with head, members and irrigated area',
        params: tenantParams,
        response: { 200: z.array(groupSummary) },
      },
    },
    (req) => service.listGroups(req.tenantCtx),
  );
  r.post(
    `${base}/groups`,
    {
      config: { access: officers },
      schema: { tags: gTags, summary: 'A water-user group on a canal', params: tenantParams, body: groupInput, response: { 201: groupDetail } },
    },
    async (req, reply) => reply.code(201).send(await service.createGroup(req.tenantCtx, req.body)),
  );
  r.get(
    `${base}/groups/:id`,
    {
      config: { access: anyTenantRole },
      schema: { tags: gTags, summary: 'A group and its members (ลูกฝาย) with plots and irrigated rai', params: idParams, response: { 200: groupDetail } },
    },
    (req) => service.getGroup(req.tenantCtx, req.params.id),
  );
  r.put(
    `${base}/groups/:id/members`,
    {
      config: { access: editors },
      schema: {
        tags: gTags,
        summary: 'Replace the member list (one head, each person once)',
        params: idParams,
        body: membersInput,
        response: { 200: groupDetail },
      },
    },
    (req) => service.setMembers(req.tenantCtx, req.params.id, req.body),
  );

  // ---- rotation turns
  const rTags = ['water-rota'];
  r.get(
    `${base}/rota`,
    {
      config: { access: anyTenantRole },
      schema: { tags: rTags, summary: 'Rotas (รอบเวร) by season', params: tenantParams, response: { 200: z.array(rotaSummary) } },
    },
    (req) => service.listRotas(req.tenantCtx),
  );
  r.get(
    `${base}/rota/my-turns`,
    {
      config: { access: anyTenantRole },
      schema: { tags: rTags, summary: "The caller's water-user groups and next turns in published rotas", params: tenantParams, response: { 200: myTurns } },
    },
    (req) => service.myTurns(req.tenantCtx),
  );
  r.post(
    `${base}/rota`,
    {
      config: { access: officers },
      schema: {
        tags: rTags,
        summary: 'Generate a draft rota for a season and a source (proportional to irrigated area or equal; downstream or upstream first)',
        params: tenantParams,
        body: rotaInput,
        response: { 201: rotaDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await service.createRota(req.tenantCtx, req.body)),
  );
  r.get(
    `${base}/rota/:id`,
    {
      config: { access: anyTenantRole },
      schema: { tags: rTags, summary: 'A rota: turns and each group’s share', params: idParams, response: { 200: rotaDetail } },
    },
    (req) => service.getRota(req.tenantCtx, req.params.id),
  );
  r.post(
    `${base}/rota/:id/publish`,
    {
      config: { access: officers },
      schema: { tags: rTags, summary: 'Publish a draft rota (then it no longer changes)', params: idParams, response: { 200: rotaDetail } },
    },
    (req) => service.publishRota(req.tenantCtx, req.params.id),
  );
  r.patch(
    `${base}/rota/:id/turns/:turnId`,
    {
      config: { access: officers },
      schema: {
        tags: rTags,
        summary: 'Move a turn of a draft rota (inside the season, no overlap)',
        params: turnParams,
        body: turnPatch,
        response: { 200: rotaDetail },
      },
    },
    (req) => service.moveTurn(req.tenantCtx, req.params.id, req.params.turnId, req.body),
  );

  // ---- turn swaps with consent
  const swapParams = z.object({ tenant: z.string().max(64), swapId: z.uuid() });
  r.get(
    `${base}/rota/:id/swaps`,
    { config: { access: anyTenantRole }, schema: { tags: rTags, summary: 'Swap requests of a rota', params: idParams, response: { 200: z.array(swap) } } },
    (req) => swaps.listSwaps(req.tenantCtx, req.params.id),
  );
  r.post(
    `${base}/rota/:id/swaps`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: rTags,
        summary: "Ask to swap one of your group's turns with another group's (published rota, not started)",
        params: idParams,
        body: swapInput,
        response: { 201: swap },
      },
    },
    async (req, reply) => reply.code(201).send(await swaps.requestSwap(req.tenantCtx, req.params.id, req.body)),
  );
  for (const decision of ['accepted', 'declined'] as const)
    r.post(
      `${base}/swaps/:swapId/${decision === 'accepted' ? 'accept' : 'decline'}`,
      {
        config: { access: anyTenantRole },
        schema: {
          tags: rTags,
          summary: `${decision === 'accepted' ? 'Accept' : 'Decline'} a swap (the other group's head or officer)`,
          params: swapParams,
          response: { 200: swap },
        },
      },
      (req) => swaps.decideSwap(req.tenantCtx, req.params.swapId, decision),
    );

  // ---- incidents and fines
  const iTags = ['water-incidents'];
  const fineParams = z.object({ tenant: z.string().max(64), id: z.uuid(), fineId: z.uuid() });
  r.get(
    `${base}/incidents`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: iTags,
        summary: 'Incidents: violations, floods, droughts, disputes, with their fines',
        params: tenantParams,
        response: { 200: z.array(incident) },
      },
    },
    (req) => incidents.listIncidents(req.tenantCtx),
  );
  r.post(
    `${base}/incidents`,
    {
      config: { access: editors },
      schema: { tags: iTags, summary: 'Report an incident', params: tenantParams, body: incidentInput, response: { 201: incident } },
    },
    async (req, reply) => reply.code(201).send(await incidents.createIncident(req.tenantCtx, req.body)),
  );
  r.get(
    `${base}/incidents/:id`,
    { config: { access: anyTenantRole }, schema: { tags: iTags, summary: 'An incident and its fines', params: idParams, response: { 200: incident } } },
    (req) => incidents.getIncident(req.tenantCtx, req.params.id),
  );
  r.patch(
    `${base}/incidents/:id`,
    {
      config: { access: editors },
      schema: { tags: iTags, summary: 'Resolve an incident', params: idParams, body: incidentPatch, response: { 200: incident } },
    },
    (req) => incidents.updateIncident(req.tenantCtx, req.params.id, req.body),
  );
  r.post(
    `${base}/incidents/:id/fines`,
    {
      config: { access: officers },
      schema: {
        tags: iTags,
        summary: 'Levy a fine from the schedule of the regulation version in force on the incident date',
        params: idParams,
        body: fineLevy,
        response: { 201: incident },
      },
    },
    async (req, reply) => reply.code(201).send(await incidents.levyFine(req.tenantCtx, req.params.id, req.body)),
  );
  r.post(
    `${base}/incidents/:id/fines/:fineId/pay`,
    {
      config: { access: officers },
      schema: {
        tags: iTags,
        summary: "Record payment: a contribution to the group's fund in the ledger",
        params: fineParams,
        body: finePayment,
        response: { 200: incident },
      },
    },
    (req) => incidents.payFine(req.tenantCtx, req.params.id, req.params.fineId, req.body),
  );

  // ---- maintenance works, their contributions and duty days (maintenance-works, maintenance-contributions, duty-days)
  const mTags = ['water-maintenance'];
  const contributionParams = z.object({ tenant: z.string().max(64), id: z.uuid(), contributionId: z.uuid() });
  r.get(
    `${base}/maintenance`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: mTags,
        summary: 'Repair and dredging works with their labour (minutes) and materials (satang)',
        params: tenantParams,
        querystring: maintenanceListQuery,
        response: { 200: z.array(maintenanceSummary) },
      },
    },
    (req) => works.listWorks(req.tenantCtx, req.query.season),
  );
  r.post(
    `${base}/maintenance`,
    {
      config: { access: officers },
      schema: {
        tags: mTags,
        summary: 'A repair or dredging work (ขุดลอก) of a source, for one group or the whole system, under a plan activity and an in-kind fund',
        params: tenantParams,
        body: maintenanceInput,
        response: { 201: maintenanceDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await works.createWork(req.tenantCtx, req.body)),
  );
  r.get(
    `${base}/maintenance/:id`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: mTags,
        summary: 'A work and each contribution with its volunteer-hours log and ledger transaction',
        params: idParams,
        response: { 200: maintenanceDetail },
      },
    },
    (req) => works.getWork(req.tenantCtx, req.params.id),
  );
  r.post(
    `${base}/maintenance/:id/contributions`,
    {
      config: { access: editors },
      schema: {
        tags: mTags,
        summary: 'Record labour (as volunteer hours) and materials (as in-kind contributions in the ledger), all or nothing',
        params: idParams,
        body: contributionsInput,
        response: { 201: maintenanceDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await contributions.addContributions(req.tenantCtx, req.params.id, req.body)),
  );
  r.patch(
    `${base}/maintenance/:id`,
    {
      config: { access: officers },
      schema: {
        tags: mTags,
        summary: 'Correct a work: a new activity moves its volunteer hours, a new fund re-records its materials (reversal + new contribution)',
        params: idParams,
        body: maintenancePatch,
        response: { 200: maintenanceDetail },
      },
    },
    (req) => works.updateWork(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${base}/maintenance/:id`,
    {
      config: { access: officers },
      schema: {
        tags: mTags,
        summary: 'Remove a work: its materials reversed in the ledger, its labour withdrawn from volunteer hours',
        params: idParams,
        response: { 200: maintenanceRemoval },
      },
    },
    (req) => works.deleteWork(req.tenantCtx, req.params.id),
  );
  r.patch(
    `${base}/maintenance/:id/contributions/:contributionId`,
    {
      config: { access: editors },
      schema: {
        tags: mTags,
        summary: 'Correct one contribution: labour through the hours log, a material by a reversal and a new ledger contribution',
        params: contributionParams,
        body: contributionPatch,
        response: { 200: maintenanceDetail },
      },
    },
    (req) => contributions.updateContribution(req.tenantCtx, req.params.id, req.params.contributionId, req.body),
  );
  r.delete(
    `${base}/maintenance/:id/contributions/:contributionId`,
    {
      config: { access: editors },
      schema: {
        tags: mTags,
        summary: 'Remove one contribution: its hours withdrawn, or its material reversed in the ledger',
        params: contributionParams,
        response: { 200: maintenanceDetail },
      },
    },
    (req) => contributions.deleteContribution(req.tenantCtx, req.params.id, req.params.contributionId),
  );
  r.get(
    `${base}/groups/:id/duty`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: mTags,
        summary: "Each member's duty days (วันลงแขก) owed under the group's rule and given in a season",
        params: idParams,
        querystring: dutyQuery,
        response: { 200: dutyTable },
      },
    },
    (req) => duty.dutyTable(req.tenantCtx, req.params.id, req.query.season),
  );
  r.put(
    `${base}/groups/:id/duty-rule`,
    {
      config: { access: officers },
      schema: {
        tags: mTags,
        summary: "The group's duty-day rule: per member, or per so many rai",
        params: idParams,
        body: dutyRuleInput,
        response: { 200: dutyRule },
      },
    },
    (req) => duty.setDutyRule(req.tenantCtx, req.params.id, req.body),
  );

  r.get(
    '/api/v1/public/:tenant/water/rota',
    {
      config: { access: PUBLIC },
      schema: { tags: rTags, summary: 'Published rotas: turns by group (no login, no names of people)', params: tenantParams, response: { 200: publicRotas } },
    },
    async (req) => service.publicRotas(app.db, await app.tenantDirectory.get(req.params.tenant)),
  );
}
