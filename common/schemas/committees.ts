import { z } from 'zod';
import { isoDate, listQuery } from './api';
import { partySummary } from './partners';

/** Issue 13: steering committees, their meetings (agenda, attendance, minutes) and resolutions. */

export const COMMITTEE_KINDS = ['steering', 'working_group'] as const;
export const POSITIONS = ['chair', 'vice_chair', 'member', 'member_secretary', 'assistant_secretary'] as const;
export type Position = (typeof POSITIONS)[number];
export const ATTENDANCE = ['present', 'absent', 'leave', 'substitute'] as const;
export type Attendance = (typeof ATTENDANCE)[number];
export const MINUTES_STATUSES = ['none', 'draft', 'certified'] as const;
export const RESOLUTION_ACTIONS = ['none', 'adopt_plan', 'approve_budget_line', 'adopt_regulation_version', 'revoke'] as const;
export type ResolutionAction = (typeof RESOLUTION_ACTIONS)[number];
/** The standard Thai agenda: 1 chair's announcements, 2 certify last minutes, 3 follow-up, 4 for consideration, 5 other. */
export const AGENDA_SECTIONS = [1, 2, 3, 4, 5] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v === '' ? null : v));
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'invalid_time' });
const count = z.number().int({ message: 'votes_whole' }).min(0, { message: 'must_not_be_negative' }).max(10_000);

// ---- committees ----

export const committeeCreate = z.strictObject({
  name: text(300).min(1),
  kind: z.enum(COMMITTEE_KINDS).default('steering'),
  purpose: optionalText(4000),
  orderNumber: optionalText(100),
  orderDate: isoDate.nullish(),
  /** Quorum as a share of members in office (1–100 %); absent = more than half. */
  quorumPercent: z.number().int().min(1).max(100).nullish(),
  networkIds: z.array(z.uuid()).max(60).default([]),
});
export const committeeUpdate = committeeCreate.partial().extend({ networkIds: z.array(z.uuid()).max(60).optional(), kind: z.enum(COMMITTEE_KINDS).optional() });
export const committeeListQuery = listQuery;

const networkRef = z.object({ id: z.uuid(), name: z.string() });

export const committeeMember = z.object({
  id: z.uuid(),
  party: partySummary,
  position: z.enum(POSITIONS),
  startDate: z.string(),
  endDate: z.string().nullable(),
  orderNumber: z.string().nullable(),
  orderDate: z.string().nullable(),
  inOffice: z.boolean(),
});
export type CommitteeMember = z.infer<typeof committeeMember>;

export const committee = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(COMMITTEE_KINDS),
  purpose: z.string().nullable(),
  orderNumber: z.string().nullable(),
  orderDate: z.string().nullable(),
  quorumPercent: z.number().int().nullable(),
  networks: z.array(networkRef),
  membersInOffice: z.number().int(),
  meetingCount: z.number().int(),
  lastMeetingDate: z.string().nullable(),
});
export type Committee = z.infer<typeof committee>;

export const meetingSummary = z.object({
  id: z.uuid(),
  committeeId: z.uuid(),
  committeeName: z.string(),
  /** ครั้งที่ N/ปี: the rank of the meeting among the committee's meetings of that B.E. year, by date and time. */
  number: z.number().int(),
  yearBE: z.number().int(),
  meetingDate: z.string(),
  startTime: z.string(),
  endTime: z.string().nullable(),
  place: z.string(),
  minutesStatus: z.enum(MINUTES_STATUSES),
  resolutionCount: z.number().int(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const committeeDetail = committee.extend({
  members: z.array(committeeMember),
  meetings: z.array(meetingSummary),
});
export type CommitteeDetail = z.infer<typeof committeeDetail>;

export const committeeMemberCreate = z.strictObject({
  partyId: z.uuid(),
  position: z.enum(POSITIONS),
  startDate: isoDate,
  endDate: isoDate.nullish(),
  orderNumber: optionalText(100),
  orderDate: isoDate.nullish(),
});
export const committeeMemberUpdate = committeeMemberCreate.omit({ partyId: true }).partial();

// ---- meetings ----

export const meetingCreate = z.strictObject({
  committeeId: z.uuid(),
  meetingDate: isoDate,
  startTime: time,
  endTime: time.nullish(),
  place: text(500).min(1),
  note: optionalText(4000),
  /** Add the standard first two agenda items (announcements; certify the previous minutes). Default true. */
  standardAgenda: z.boolean().default(true),
});
export const meetingUpdate = meetingCreate.omit({ committeeId: true, standardAgenda: true }).partial();
export const meetingListQuery = listQuery.extend({ committeeId: z.uuid().optional() });

export const agendaItemInput = z.strictObject({
  section: z.number().int().min(1).max(AGENDA_SECTIONS.length),
  title: text(1000).min(1),
  details: optionalText(8000),
  position: z.number().int().min(0).max(1000).optional(),
});
export const agendaItemUpdate = agendaItemInput.partial().extend({ discussion: optionalText(20_000) });
export const agendaItem = z.object({
  id: z.uuid(),
  section: z.number().int(),
  position: z.number().int(),
  title: z.string(),
  details: z.string().nullable(),
  discussion: z.string().nullable(),
});
export type AgendaItem = z.infer<typeof agendaItem>;

export const attendanceInput = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        memberId: z.uuid(),
        status: z.enum(ATTENDANCE),
        substituteName: optionalText(200),
        note: optionalText(500),
      }),
    )
    .max(500),
});
/** One row per member in office on the meeting date; status null = not yet recorded. */
export const attendanceRow = z.object({
  memberId: z.uuid(),
  party: partySummary,
  position: z.enum(POSITIONS),
  status: z.enum(ATTENDANCE).nullable(),
  substituteName: z.string().nullable(),
  note: z.string().nullable(),
});
export const quorum = z.object({
  inOffice: z.number().int(),
  /** Present in person or through a substitute. */
  present: z.number().int(),
  required: z.number().int(),
  met: z.boolean(),
});
export type Quorum = z.infer<typeof quorum>;

export const minutesInput = z.strictObject({
  recorder: optionalText(200),
  checker: optionalText(200),
  items: z
    .array(z.strictObject({ id: z.uuid(), discussion: optionalText(20_000) }))
    .max(200)
    .default([]),
});
export const certifyInput = z.strictObject({
  /** The earlier meeting whose minutes this meeting certifies. */
  minutesOfMeetingId: z.uuid(),
  corrections: optionalText(8000),
});

export const actionItemInput = z.strictObject({
  title: text(300).min(1),
  ownerPartyId: z.uuid(),
  dueDate: isoDate,
  /** The plan activity the task belongs to (every task in Phakhi is work of an activity). */
  activityId: z.uuid(),
});
export const actionItem = z.object({
  id: z.uuid(),
  title: z.string(),
  owner: partySummary,
  dueDate: z.string(),
  taskId: z.uuid().nullable(),
  taskStatus: z.string().nullable(),
});

export const resolutionInput = z.strictObject({
  agendaItemId: z.uuid().nullish(),
  text: text(8000).min(1),
  votesFor: count,
  votesAgainst: count.default(0),
  votesAbstain: count.default(0),
  action: z.enum(RESOLUTION_ACTIONS).default('none'),
  planId: z.uuid().nullish(),
  budgetLineId: z.uuid().nullish(),
  revokesResolutionId: z.uuid().nullish(),
  /** A draft version of a community regulation (issue 14) that the resolution adopts. */
  regulationVersionId: z.uuid().nullish(),
});
export const resolutionRef = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  label: z.string(),
  meetingDate: z.string(),
  text: z.string(),
});
export type ResolutionRef = z.infer<typeof resolutionRef>;
export const resolution = z.object({
  id: z.uuid(),
  meetingId: z.uuid(),
  agendaItemId: z.uuid().nullable(),
  /** มติที่ N of the meeting, in recording order. */
  number: z.number().int(),
  text: z.string(),
  votesFor: z.number().int(),
  votesAgainst: z.number().int(),
  votesAbstain: z.number().int(),
  passed: z.boolean(),
  action: z.enum(RESOLUTION_ACTIONS),
  target: z.object({ kind: z.enum(['plan', 'budget_line', 'regulation_version', 'resolution']), id: z.uuid(), name: z.string() }).nullable(),
  /** Set when a later resolution revoked this one's act. */
  revokedBy: resolutionRef.nullable(),
  actionItems: z.array(actionItem),
});
export type Resolution = z.infer<typeof resolution>;

export const meetingDetail = meetingSummary.extend({
  note: z.string().nullable(),
  quorumRule: z.number().int().nullable(),
  agenda: z.array(agendaItem),
  attendance: z.array(attendanceRow),
  quorum,
  minutesRecorder: z.string().nullable(),
  minutesChecker: z.string().nullable(),
  certifiedBy: z.object({ id: z.uuid(), number: z.number().int(), yearBE: z.number().int(), meetingDate: z.string() }).nullable(),
  certificationCorrections: z.string().nullable(),
  /** Earlier meetings of the committee whose minutes wait for certification. */
  minutesToCertify: z.array(meetingSummary),
  /** Minutes this meeting certified. */
  certified: z.array(meetingSummary.extend({ corrections: z.string().nullable() })),
  resolutions: z.array(resolution),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const adoptionQuery = z.object({ planId: z.uuid().optional(), budgetLineId: z.uuid().optional() });
export const adoption = z.object({ adoptedBy: resolutionRef.nullable(), history: z.array(resolutionRef.extend({ action: z.enum(RESOLUTION_ACTIONS) })) });
export type Adoption = z.infer<typeof adoption>;
