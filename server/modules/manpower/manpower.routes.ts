import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listOf, tenantParams } from '../../../common/schemas/api';
import {
  certificate,
  certificateQuery,
  helper,
  helperQuery,
  hourLog,
  hoursInput,
  hoursListQuery,
  hoursPatch,
  myManpower,
  personProfile,
  personProfileInput,
  publicList,
  publicListQuery,
  returnInput,
  task,
  taskInput,
  taskListQuery,
  taskPatch,
  team,
  teamInput,
  teamListQuery,
  teamPatch,
  teamSummary,
  totals,
  totalsQuery,
} from '../../../common/schemas/manpower';
import { fiscalYearQuery } from '../../../common/schemas/plans';
import { anyTenantRole, editors, PUBLIC } from '../../platform/access';
import * as logging from './hours-logging.service';
import * as reports from './hours-reports.service';
import { reviewHours } from './hours-review.service';
import { myManpower as loadMine } from './me.service';
import * as profiles from './profiles.service';

import * as tasks from './tasks.service';
import * as teams from './teams.service';
import { activityOptions } from '../plans/plans.service';
import { activityOption } from '../../../common/schemas/plans';

export async function manpowerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const t = '/api/v1/t/:tenant';

  // ------------------------------------------------------------ people's capacities
  r.get(
    `${t}/people/:id/profile`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: ['manpower'],
        summary: "A person's skills, availability, village and public-list consent (editors, or the person's own account)",
        params: idParams,
        response: { 200: personProfile },
      },
    },
    (req) => profiles.getProfile(req.tenantCtx, req.params.id),
  );
  r.put(
    `${t}/people/:id/profile`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: ['manpower'],
        summary: "Set a person's skills (taxonomy and free), availability, village and public-list consent",
        params: idParams,
        body: personProfileInput,
        response: { 200: personProfile },
      },
    },
    (req) => profiles.putProfile(req.tenantCtx, req.params.id, req.body),
  );
  r.get(
    `${t}/people/helpers`,
    {
      config: { access: editors },
      schema: {
        tags: ['manpower'],
        summary: 'Who can help? People ranked by skill, village and availability',
        params: tenantParams,
        querystring: helperQuery,
        response: { 200: z.object({ items: z.array(helper) }) },
      },
    },
    async (req) => ({ items: await profiles.helpers(req.tenantCtx, req.query) }),
  );
  r.get(
    `${t}/manpower/activities`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: ['manpower'],
        summary: 'Plan activities to pick for teams, tasks and hours (search by activity or plan name)',
        params: tenantParams,
        querystring: z.object({
          q: z.string().trim().max(200).optional(),
          fiscalYear: fiscalYearQuery.optional(),
          limit: z.coerce.number().int().min(1).max(100).default(30),
        }),
        response: { 200: z.object({ items: z.array(activityOption) }) },
      },
    },
    async (req) => {
      const items = await activityOptions(req.tenantCtx, req.query);
      return { items };
    },
  );

  // ------------------------------------------------------------ teams
  const teamTags = ['teams'];
  r.get(
    `${t}/teams`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: teamTags,
        summary: 'Teams across networks (filter by network or member)',
        params: tenantParams,
        querystring: teamListQuery,
        response: { 200: listOf(teamSummary) },
      },
    },
    (req) => teams.listTeams(req.tenantCtx, req.query),
  );
  r.post(
    `${t}/teams`,
    {
      config: { access: editors },
      schema: {
        tags: teamTags,
        summary: 'Create a team: members from several networks, a lead, a purpose, linked plan activities',
        params: tenantParams,
        body: teamInput,
        response: { 201: team },
      },
    },
    async (req, reply) => reply.code(201).send(await teams.createTeam(req.tenantCtx, req.body)),
  );
  r.get(
    `${t}/teams/:id`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: teamTags,
        summary: "A team with its members' networks and pillars, activities and confirmed hours",
        params: idParams,
        response: { 200: team },
      },
    },
    (req) => teams.getTeam(req.tenantCtx, req.params.id),
  );
  r.patch(
    `${t}/teams/:id`,
    {
      config: { access: editors },
      schema: {
        tags: teamTags,
        summary: 'Change a team (member and activity lists are replaced when given)',
        params: idParams,
        body: teamPatch,
        response: { 200: team },
      },
    },
    (req) => teams.updateTeam(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${t}/teams/:id`,
    {
      config: { access: editors },
      schema: { tags: teamTags, summary: 'Delete a team (its tasks stay, unassigned)', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await teams.deleteTeam(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );

  // ------------------------------------------------------------ tasks
  const taskTags = ['tasks'];
  r.get(
    `${t}/tasks`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: taskTags,
        summary: 'Tasks of plan activities (filter by status, team, assignee, activity, or mine)',
        params: tenantParams,
        querystring: taskListQuery,
        response: { 200: listOf(task) },
      },
    },
    (req) => tasks.listTasks(req.tenantCtx, req.query),
  );
  r.post(
    `${t}/tasks`,
    {
      config: { access: editors },
      schema: {
        tags: taskTags,
        summary: 'Create a task of a plan activity, for a team and/or a person',
        params: tenantParams,
        body: taskInput,
        response: { 201: task },
      },
    },
    async (req, reply) => reply.code(201).send(await tasks.createTask(req.tenantCtx, req.body)),
  );
  r.get(
    `${t}/tasks/:id`,
    { config: { access: anyTenantRole }, schema: { tags: taskTags, summary: 'A task', params: idParams, response: { 200: task } } },
    (req) => tasks.getTask(req.tenantCtx, req.params.id),
  );
  r.patch(
    `${t}/tasks/:id`,
    {
      config: { access: editors },
      schema: { tags: taskTags, summary: 'Change a task (status, due date, assignment …)', params: idParams, body: taskPatch, response: { 200: task } },
    },
    (req) => tasks.updateTask(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${t}/tasks/:id`,
    { config: { access: editors }, schema: { tags: taskTags, summary: 'Delete a task', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await tasks.deleteTask(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.get(
    `${t}/tasks/:id/helpers`,
    {
      config: { access: editors },
      schema: {
        tags: taskTags,
        summary: "Who can help? People ranked by the task's needed skills, village and time",
        params: idParams,
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: z.object({ task, items: z.array(helper) }) },
      },
    },
    (req) => tasks.taskHelpers(req.tenantCtx, req.params.id, req.query.limit),
  );

  // ------------------------------------------------------------ volunteer hours
  const hourTags = ['volunteer-hours'];
  const hoursBase = `${t}/volunteer-hours`;
  r.get(
    hoursBase,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: hourTags,
        summary: 'Volunteer hours (members see their own; reviewable=true is the confirm queue)',
        params: tenantParams,
        querystring: hoursListQuery,
        response: { 200: listOf(hourLog) },
      },
    },
    (req) => logging.listHours(req.tenantCtx, req.query),
  );
  r.post(
    hoursBase,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: hourTags,
        summary: 'Log volunteer hours (ชั่วโมงจิตอาสา) against an activity or a task: personId, activityId or taskId, date, hours, note',
        params: tenantParams,
        body: hoursInput,
        response: { 201: hourLog },
      },
    },
    async (req, reply) => reply.code(201).send(await logging.createHours(req.tenantCtx, req.body)),
  );
  r.get(
    `${hoursBase}/totals`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: hourTags,
        summary: 'Confirmed hours per person, team, network or fiscal year (B.E.)',
        params: tenantParams,
        querystring: totalsQuery,
        response: { 200: totals },
      },
    },
    (req) => reports.totals(req.tenantCtx, req.query),
  );
  r.get(
    `${hoursBase}/certificate`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: hourTags,
        summary: "A person's certificate data for a fiscal year: confirmed hours and activities",
        params: tenantParams,
        querystring: certificateQuery,
        response: { 200: certificate },
      },
    },
    (req) => reports.certificate(req.tenantCtx, req.query.personId, req.query.fiscalYear),
  );
  r.get(
    `${hoursBase}/:id`,
    { config: { access: anyTenantRole }, schema: { tags: hourTags, summary: 'One log of hours', params: idParams, response: { 200: hourLog } } },
    (req) => logging.getHours(req.tenantCtx, req.params.id),
  );
  r.patch(
    `${hoursBase}/:id`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: hourTags,
        summary: 'Correct hours that are not yet confirmed (they go back to the coordinator)',
        params: idParams,
        body: hoursPatch,
        response: { 200: hourLog },
      },
    },
    (req) => logging.updateHours(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${hoursBase}/:id`,
    {
      config: { access: anyTenantRole },
      schema: { tags: hourTags, summary: 'Withdraw hours that are not yet confirmed', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await logging.deleteHours(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    `${hoursBase}/:id/confirm`,
    {
      config: { access: editors },
      schema: {
        tags: hourTags,
        summary: "Confirm hours (a coordinator of the activity's network, or an admin/officer)",
        params: idParams,
        response: { 200: hourLog },
      },
    },
    (req) => reviewHours(req.tenantCtx, req.params.id, { status: 'confirmed' }),
  );
  r.post(
    `${hoursBase}/:id/return`,
    {
      config: { access: editors },
      schema: { tags: hourTags, summary: 'Return hours to the person with a reason', params: idParams, body: returnInput, response: { 200: hourLog } },
    },
    (req) => reviewHours(req.tenantCtx, req.params.id, { status: 'returned', reason: req.body.reason }),
  );

  // ------------------------------------------------------------ member self-service
  r.get(
    `${t}/me/manpower`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags: ['manpower'],
        summary: 'My networks, my teams, my tasks and my hours (the account’s linked registry person)',
        params: tenantParams,
        response: { 200: myManpower },
      },
    },
    (req) => loadMine(req.tenantCtx),
  );

  // ------------------------------------------------------------ public recognition
  r.get(
    '/api/v1/public/:tenant/volunteers',
    {
      config: { access: PUBLIC },
      schema: {
        tags: ['volunteer-hours'],
        summary: 'The yearly public-mindedness list: consenting people and their confirmed hours (no login, no other personal data)',
        params: tenantParams,
        querystring: publicListQuery,
        response: { 200: publicList },
      },
    },
    async (req) => reports.publicList(app.db, await app.tenantDirectory.get(req.params.tenant), req.query.fiscalYear),
  );
}
