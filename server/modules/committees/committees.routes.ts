import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, listOf, tenantParams } from '../../../common/schemas/api';
import {
  actionItemInput,
  adoption,
  adoptionQuery,
  agendaItemInput,
  agendaItemUpdate,
  attendanceInput,
  certifyInput,
  committee,
  committeeCreate,
  committeeDetail,
  committeeListQuery,
  committeeMember,
  committeeMemberCreate,
  committeeMemberUpdate,
  committeeUpdate,
  meetingCreate,
  meetingDetail,
  meetingListQuery,
  meetingSummary,
  meetingUpdate,
  minutesInput,
  resolutionInput,
} from '../../../common/schemas/committees';
import { anyTenantRole, editors, officers } from '../../platform/access';
import * as committeesService from './committees.service';
import { meetingIcs } from './ics';
import * as meetingsService from './meetings.service';
import { minutesPdf } from './minutes-pdf';
import * as resolutionsService from './resolutions.service';

const memberParams = z.object({ tenant: z.string().max(64), id: z.uuid(), memberId: z.uuid() });
const itemParams = z.object({ tenant: z.string().max(64), id: z.uuid(), itemId: z.uuid() });

export async function committeeRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['committees'];
  const base = '/api/v1/t/:tenant/committees';
  const mBase = '/api/v1/t/:tenant/meetings';
  const rBase = '/api/v1/t/:tenant/resolutions';

  // ---- committees and their members
  r.get(
    base,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'Committees and working groups', params: tenantParams, querystring: committeeListQuery, response: { 200: listOf(committee) } },
    },
    (req) => committeesService.listCommittees(req.tenantCtx, req.query),
  );
  r.post(
    base,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: 'Create a committee (its appointing order, quorum rule and networks)',
        params: tenantParams,
        body: committeeCreate,
        response: { 201: committeeDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await committeesService.createCommittee(req.tenantCtx, req.body)),
  );
  r.get(
    `${base}/:id`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'A committee with its members (all terms) and meetings', params: idParams, response: { 200: committeeDetail } },
    },
    (req) => committeesService.getCommittee(req.tenantCtx, req.params.id),
  );
  r.patch(
    `${base}/:id`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Change a committee', params: idParams, body: committeeUpdate, response: { 200: committeeDetail } },
    },
    (req) => committeesService.updateCommittee(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${base}/:id`,
    { config: { access: officers }, schema: { tags, summary: 'Delete a committee that has held no meeting', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await committeesService.deleteCommittee(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    `${base}/:id/members`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Appoint a member for a term', params: idParams, body: committeeMemberCreate, response: { 201: committeeMember } },
    },
    async (req, reply) => reply.code(201).send(await committeesService.addMember(req.tenantCtx, req.params.id, req.body)),
  );
  r.patch(
    `${base}/:id/members/:memberId`,
    {
      config: { access: officers },
      schema: {
        tags,
        summary: "Change a member's term (position, dates, order)",
        params: memberParams,
        body: committeeMemberUpdate,
        response: { 200: committeeMember },
      },
    },
    (req) => committeesService.updateMember(req.tenantCtx, req.params.id, req.params.memberId, req.body),
  );
  r.delete(
    `${base}/:id/members/:memberId`,
    {
      config: { access: officers },
      schema: { tags, summary: 'Remove a term entered by mistake (no attendance recorded)', params: memberParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await committeesService.removeMember(req.tenantCtx, req.params.id, req.params.memberId);
      return reply.code(204).send(null);
    },
  );

  // ---- meetings
  r.get(
    mBase,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'Meetings, newest first, numbered ครั้งที่ N/ปี',
        params: tenantParams,
        querystring: meetingListQuery,
        response: { 200: listOf(meetingSummary) },
      },
    },
    (req) => meetingsService.listMeetings(req.tenantCtx, req.query),
  );
  r.post(
    mBase,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Schedule a meeting (with the standard first agenda items)',
        params: tenantParams,
        body: meetingCreate,
        response: { 201: meetingDetail },
      },
    },
    async (req, reply) => reply.code(201).send(await meetingsService.createMeeting(req.tenantCtx, req.body)),
  );
  r.get(
    `${mBase}/:id`,
    {
      config: { access: anyTenantRole },
      schema: { tags, summary: 'A meeting: agenda, attendance and quorum, minutes, resolutions', params: idParams, response: { 200: meetingDetail } },
    },
    (req) => meetingsService.getMeeting(req.tenantCtx, req.params.id),
  );
  r.patch(
    `${mBase}/:id`,
    {
      config: { access: editors },
      schema: { tags, summary: 'Change date, time, place', params: idParams, body: meetingUpdate, response: { 200: meetingDetail } },
    },
    (req) => meetingsService.updateMeeting(req.tenantCtx, req.params.id, req.body),
  );
  r.delete(
    `${mBase}/:id`,
    { config: { access: editors }, schema: { tags, summary: 'Delete a meeting without resolutions', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await meetingsService.deleteMeeting(req.tenantCtx, req.params.id);
      return reply.code(204).send(null);
    },
  );
  r.post(
    `${mBase}/:id/agenda`,
    {
      config: { access: editors },
      schema: { tags, summary: 'Add an agenda item under ระเบียบวาระที่ 1–5', params: idParams, body: agendaItemInput, response: { 200: meetingDetail } },
    },
    (req) => meetingsService.addAgendaItem(req.tenantCtx, req.params.id, req.body),
  );
  r.patch(
    `${mBase}/:id/agenda/:itemId`,
    {
      config: { access: editors },
      schema: { tags, summary: 'Change an agenda item', params: itemParams, body: agendaItemUpdate, response: { 200: meetingDetail } },
    },
    (req) => meetingsService.updateAgendaItem(req.tenantCtx, req.params.id, req.params.itemId, req.body),
  );
  r.delete(
    `${mBase}/:id/agenda/:itemId`,
    { config: { access: editors }, schema: { tags, summary: 'Remove an agenda item', params: itemParams, response: { 200: meetingDetail } } },
    (req) => meetingsService.deleteAgendaItem(req.tenantCtx, req.params.id, req.params.itemId),
  );
  r.put(
    `${mBase}/:id/attendance`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Record attendance (all or nothing); answers with the quorum',
        params: idParams,
        body: attendanceInput,
        response: { 200: meetingDetail },
      },
    },
    (req) => meetingsService.setAttendance(req.tenantCtx, req.params.id, req.body),
  );
  r.put(
    `${mBase}/:id/minutes`,
    {
      config: { access: editors },
      schema: { tags, summary: 'Save the draft minutes', params: idParams, body: minutesInput, response: { 200: meetingDetail } },
    },
    (req) => meetingsService.saveMinutes(req.tenantCtx, req.params.id, req.body),
  );
  r.post(
    `${mBase}/:id/certify-minutes`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: "Certify an earlier meeting's draft minutes at this meeting, with corrections",
        params: idParams,
        body: certifyInput,
        response: { 200: meetingDetail },
      },
    },
    (req) => meetingsService.certifyMinutes(req.tenantCtx, req.params.id, req.body),
  );
  r.post(
    `${mBase}/:id/resolutions`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'Record a resolution with its votes; it may adopt a plan, approve a budget line or revoke an earlier act (officers)',
        params: idParams,
        body: resolutionInput,
        response: { 200: meetingDetail },
      },
    },
    (req) => resolutionsService.createResolution(req.tenantCtx, req.params.id, req.body),
  );
  r.get(
    `${mBase}/:id/invitation.ics`,
    { config: { access: anyTenantRole }, schema: { tags, summary: 'The invitation as an iCalendar file (Asia/Bangkok)', params: idParams } },
    async (req, reply) => {
      const m = await meetingsService.getMeeting(req.tenantCtx, req.params.id);
      const agenda = [1, 2, 3, 4, 5].flatMap((s) => [
        `ระเบียบวาระที่ ${s} ${meetingsService.SECTION_TITLES_TH[s]}`,
        ...m.agenda.filter((a) => a.section === s).map((a, i) => `  ${s}.${i + 1} ${a.title}`),
      ]);
      const ics = meetingIcs({
        uid: `${m.id}@${req.tenantCtx.tenant.slug}.phakhi`,
        date: m.meetingDate,
        start: m.startTime,
        end: m.endTime,
        summary: `การประชุม${m.committeeName} ครั้งที่ ${m.number}/${m.yearBE}`,
        location: m.place,
        description: agenda.join('\n'),
        stamp: new Date(),
      });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8; method=PUBLISH')
        .header('content-disposition', `attachment; filename="meeting-${m.number}-${m.yearBE}.ics"`)
        .send(ics);
    },
  );
  r.get(
    `${mBase}/:id/minutes.pdf`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'The minutes as a PDF in the Thai official layout',
        params: idParams,
        querystring: z.object({ thaiDigits: z.enum(['true', 'false']).default('false') }),
      },
    },
    async (req, reply) => {
      const m = await meetingsService.getMeeting(req.tenantCtx, req.params.id);
      const pdf = await minutesPdf(m, { tenantName: req.tenantCtx.tenant.nameTh, thaiDigits: req.query.thaiDigits === 'true' });
      return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="minutes-${m.number}-${m.yearBE}.pdf"`).send(pdf);
    },
  );

  // ---- resolutions
  r.delete(
    `${rBase}/:id`,
    {
      config: { access: editors },
      schema: { tags, summary: 'Delete a resolution that did not act (before the minutes are certified)', params: idParams, response: { 200: meetingDetail } },
    },
    (req) => resolutionsService.deleteResolution(req.tenantCtx, req.params.id),
  );
  r.post(
    `${rBase}/:id/action-items`,
    {
      config: { access: editors },
      schema: {
        tags,
        summary: 'An action item: a task for its owner, due on a date, linked to the resolution',
        params: idParams,
        body: actionItemInput,
        response: { 200: meetingDetail },
      },
    },
    (req) => resolutionsService.addActionItem(req.tenantCtx, req.params.id, req.body),
  );
  r.get(
    `${rBase}/adoption`,
    {
      config: { access: anyTenantRole },
      schema: {
        tags,
        summary: 'The resolution that adopted a plan or approved a budget line, and its history',
        params: tenantParams,
        querystring: adoptionQuery,
        response: { 200: adoption },
      },
    },
    (req) => resolutionsService.adoptionOf(req.tenantCtx, req.query),
  );
}
