import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type {
  agendaItemInput,
  agendaItemUpdate,
  attendanceInput,
  certifyInput,
  meetingCreate,
  MeetingDetail,
  meetingListQuery,
  MeetingSummary,
  meetingUpdate,
  minutesInput,
  Position,
} from '../../../common/schemas/committees';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { asSummary } from '../manpower/shared';
import { committeeForUpdate, memberRows } from './committees.repository';
import * as repo from './meetings.repository';
import { presentMeetingSummary, today } from './committees.service';
import { inOfficeOn, isLater, quorumOf } from './quorum';
import { presentResolutions } from './resolutions.service';
import { notify } from '../notifications/notify';

export const SECTION_TITLES_TH: Record<number, string> = {
  1: 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ',
  2: 'รับรองรายงานการประชุมครั้งที่แล้ว',
  3: 'เรื่องสืบเนื่อง',
  4: 'เรื่องเพื่อพิจารณา',
  5: 'เรื่องอื่น ๆ',
};

export async function loadMeetingRow(tx: Tx, tenantId: string, id: string): Promise<repo.MeetingRow> {
  const row = await repo.meetingById(tx, tenantId, id);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Lock the meeting row for a write and refuse once its minutes are certified: they are then the record. */
export async function lockOpenMeeting(tx: Tx, ctx: TenantContext, id: string, allowCertified = false) {
  const locked = await repo.meetingForUpdate(tx, ctx.tenant.id, id);
  if (!locked) throw new AppError('not_found');
  if (!allowCertified && locked.minutesStatus === 'certified') throw new AppError('conflict', { minutes: 'minutes_certified' });
  return locked;
}

/** Members in office on the meeting date with what was recorded for them, and the quorum it makes. */
export async function roster(tx: Tx, tenantId: string, m: { id: string; committeeId: string; meetingDate: string; quorumPercent: number | null }) {
  const members = (await memberRows(tx, tenantId, { committeeId: m.committeeId })).filter((x) => inOfficeOn(x, m.meetingDate));
  const recorded = await repo.attendanceOf(tx, tenantId, m.id);
  const byMember = new Map(recorded.map((r) => [r.memberId, r]));
  const attendance = members.map((x) => {
    const r = byMember.get(x.id);
    return {
      memberId: x.id,
      party: asSummary(x.party),
      position: x.position as Position,
      status: (r?.status ?? null) as MeetingDetail['attendance'][number]['status'],
      substituteName: r?.substituteName ?? null,
      note: r?.note ?? null,
    };
  });
  const present = attendance.filter((a) => a.status === 'present' || a.status === 'substitute').length;
  return { attendance, quorum: quorumOf(members.length, present, m.quorumPercent) };
}

async function loadDetail(tx: Tx, ctx: TenantContext, id: string): Promise<MeetingDetail> {
  const m = await loadMeetingRow(tx, ctx.tenant.id, id);
  const all = await repo.meetingRows(tx, ctx.tenant.id, { committeeIds: [m.committeeId] }, { order: 'asc' });
  const agenda = await repo.agendaItems(tx, ctx.tenant.id, id);
  const { attendance, quorum } = await roster(tx, ctx.tenant.id, m);
  const certifier = m.certifiedByMeetingId ? all.find((x) => x.id === m.certifiedByMeetingId) : undefined;
  return {
    ...presentMeetingSummary(m),
    note: m.note,
    quorumRule: m.quorumPercent,
    agenda: agenda.map((a) => ({ id: a.id, section: a.section, position: a.position, title: a.title, details: a.details, discussion: a.discussion })),
    attendance,
    quorum,
    minutesRecorder: m.minutesRecorder,
    minutesChecker: m.minutesChecker,
    certifiedBy: certifier ? { id: certifier.id, number: certifier.number, yearBE: certifier.yearBE, meetingDate: certifier.meetingDate } : null,
    certificationCorrections: m.certificationCorrections,
    minutesToCertify: all.filter((x) => x.minutesStatus === 'draft' && isLater(m, x)).map(presentMeetingSummary),
    certified: all.filter((x) => x.certifiedByMeetingId === id).map((x) => ({ ...presentMeetingSummary(x), corrections: x.certificationCorrections })),
    resolutions: await presentResolutions(tx, ctx, [id]),
  };
}

export const getMeeting = (ctx: TenantContext, id: string) => withTenant(ctx.db, ctx.tenant.id, (tx) => loadDetail(tx, ctx, id));

export function listMeetings(ctx: TenantContext, q: z.output<typeof meetingListQuery>): Promise<ListResult<MeetingSummary>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const found = await repo.meetingRows(
      tx,
      ctx.tenant.id,
      { committeeIds: q.committeeId ? [q.committeeId] : undefined, q: q.q },
      { limit: q.pageSize, offset: (q.page - 1) * q.pageSize },
    );
    return { items: found.map(presentMeetingSummary), total: found[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

const meetingAudit = (m: repo.MeetingTableRow) => ({
  committeeId: m.committeeId,
  meetingDate: m.meetingDate,
  startTime: m.startTime,
  endTime: m.endTime,
  place: m.place,
  note: m.note,
});

function assertTimes(start: string, end: string | null | undefined) {
  if (end && end <= start) throw new AppError('validation_failed', { endTime: 'end_time_before_start' });
}

export function createMeeting(ctx: TenantContext, input: z.output<typeof meetingCreate>): Promise<MeetingDetail> {
  assertTimes(input.startTime, input.endTime);
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const c = await committeeForUpdate(tx, ctx.tenant.id, input.committeeId);
    if (!c) throw new AppError('validation_failed', { committeeId: 'unknown_committee' });
    const { standardAgenda, ...fields } = input;
    const row = await repo.insertMeeting(tx, ctx.tenant.id, fields);
    if (standardAgenda) {
      const all = await repo.meetingRows(tx, ctx.tenant.id, { committeeIds: [c.id] }, { order: 'asc' });
      const previous = all.filter((x) => isLater(row, x)).pop();
      const items = [{ section: 1, title: SECTION_TITLES_TH[1] }];
      if (previous) items.push({ section: 2, title: `รับรองรายงานการประชุม${c.name} ครั้งที่ ${previous.number}/${previous.yearBE}` });
      await repo.insertAgendaItems(
        tx,
        ctx.tenant.id,
        items.map((i) => ({ meetingId: row.id, ...i })),
      );
    }
    await audit(tx, ctx, { entity: 'meeting', entityId: row.id, entityLabel: c.name, action: 'create', after: meetingAudit(row) });
    await notify(tx, ctx, { kind: 'meeting_invitation', meetingId: row.id });
    return loadDetail(tx, ctx, row.id);
  });
}

/** A certified meeting and the meeting that certified it must stay in that order. */
async function assertCertificationOrder(tx: Tx, ctx: TenantContext, m: repo.MeetingTableRow) {
  const linked = await repo.certificationLinks(tx, ctx.tenant.id, m);
  for (const other of linked) {
    const ok = other.id === m.certifiedByMeetingId ? isLater(other, m) : isLater(m, other);
    if (!ok) throw new AppError('validation_failed', { meetingDate: 'certification_order' });
  }
}

export function updateMeeting(ctx: TenantContext, id: string, input: z.output<typeof meetingUpdate>): Promise<MeetingDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await lockOpenMeeting(tx, ctx, id, true);
    const set: Partial<repo.MeetingFields> = {};
    for (const key of ['meetingDate', 'startTime', 'endTime', 'place', 'note'] as const)
      if (input[key] !== undefined) (set as Record<string, unknown>)[key] = input[key];
    const next = { ...before, ...set } as repo.MeetingTableRow;
    assertTimes(next.startTime, next.endTime);
    // the date and time make the meeting's number and its quorum: fixed once its minutes are certified
    if (before.minutesStatus === 'certified' && (next.meetingDate !== before.meetingDate || next.startTime !== before.startTime))
      throw new AppError('conflict', { meetingDate: 'minutes_certified' });
    await assertCertificationOrder(tx, ctx, next);
    const after = await repo.updateMeeting(tx, ctx.tenant.id, id, set);
    await audit(tx, ctx, { entity: 'meeting', entityId: id, action: 'update', before: meetingAudit(before), after: meetingAudit(after) });
    return loadDetail(tx, ctx, id);
  });
}

export function deleteMeeting(ctx: TenantContext, id: string): Promise<void> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await lockOpenMeeting(tx, ctx, id);
    const dep = await repo.meetingDependents(tx, ctx.tenant.id, id);
    if (dep.resolutions) throw new AppError('conflict', { id: 'meeting_has_resolutions' });
    if (dep.certified) throw new AppError('conflict', { id: 'meeting_certified_minutes' });
    await repo.deleteMeeting(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity: 'meeting', entityId: id, action: 'delete', before: meetingAudit(before) });
  });
}

// ---- agenda ----

export function addAgendaItem(ctx: TenantContext, meetingId: string, input: z.output<typeof agendaItemInput>): Promise<MeetingDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await lockOpenMeeting(tx, ctx, meetingId);
    const position = input.position ?? (await repo.nextAgendaPosition(tx, ctx.tenant.id, meetingId, input.section));
    const [row] = await repo.insertAgendaItems(tx, ctx.tenant.id, [
      { meetingId, section: input.section, position, title: input.title, details: input.details ?? null },
    ]);
    await audit(tx, ctx, {
      entity: 'meeting_agenda_item',
      entityId: row.id,
      entityLabel: row.title,
      action: 'create',
      after: { meetingId, section: row.section, title: row.title, details: row.details },
    });
    return loadDetail(tx, ctx, meetingId);
  });
}

async function loadItem(tx: Tx, ctx: TenantContext, meetingId: string, itemId: string) {
  const item = await repo.agendaItem(tx, ctx.tenant.id, meetingId, itemId);
  if (!item) throw new AppError('not_found');
  return item;
}

export function updateAgendaItem(ctx: TenantContext, meetingId: string, itemId: string, input: z.output<typeof agendaItemUpdate>): Promise<MeetingDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await lockOpenMeeting(tx, ctx, meetingId);
    const before = await loadItem(tx, ctx, meetingId, itemId);
    const set: Parameters<typeof repo.updateAgendaItem>[3] = {};
    for (const key of ['section', 'title', 'details', 'position', 'discussion'] as const)
      if (input[key] !== undefined) (set as Record<string, unknown>)[key] = input[key];
    if (!Object.keys(set).length) throw new AppError('validation_failed', { title: 'nothing_to_change' });
    const after = await repo.updateAgendaItem(tx, ctx.tenant.id, itemId, set);
    const view = (a: typeof before) => ({ section: a.section, position: a.position, title: a.title, details: a.details, discussion: a.discussion });
    await audit(tx, ctx, {
      entity: 'meeting_agenda_item',
      entityId: itemId,
      entityLabel: after.title,
      action: 'update',
      before: view(before),
      after: view(after),
    });
    return loadDetail(tx, ctx, meetingId);
  });
}

export function deleteAgendaItem(ctx: TenantContext, meetingId: string, itemId: string): Promise<MeetingDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await lockOpenMeeting(tx, ctx, meetingId);
    const before = await loadItem(tx, ctx, meetingId, itemId);
    await repo.deleteAgendaItem(tx, ctx.tenant.id, itemId);
    await audit(tx, ctx, {
      entity: 'meeting_agenda_item',
      entityId: itemId,
      entityLabel: before.title,
      action: 'delete',
      before: { meetingId, section: before.section, title: before.title },
    });
    return loadDetail(tx, ctx, meetingId);
  });
}

// ---- attendance ----

/** Record attendance for some or all members in office on the meeting date; all or nothing. */
export function setAttendance(ctx: TenantContext, meetingId: string, input: z.output<typeof attendanceInput>): Promise<MeetingDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await lockOpenMeeting(tx, ctx, meetingId);
    const m = await loadMeetingRow(tx, ctx.tenant.id, meetingId);
    const { attendance } = await roster(tx, ctx.tenant.id, m);
    const eligible = new Set(attendance.map((a) => a.memberId));
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    input.entries.forEach((e, i) => {
      if (!eligible.has(e.memberId)) fields[`entries.${i}.memberId`] = 'not_in_office';
      else if (seen.has(e.memberId)) fields[`entries.${i}.memberId`] = 'duplicate_member';
      seen.add(e.memberId);
      if (e.status === 'substitute' && !e.substituteName) fields[`entries.${i}.substituteName`] = 'substitute_name_required';
    });
    refuseFields(fields);
    for (const e of input.entries) {
      const values = { status: e.status, substituteName: e.status === 'substitute' ? e.substituteName! : null, note: e.note ?? null };
      await repo.upsertAttendance(tx, ctx.tenant.id, meetingId, e.memberId, values);
    }
    const before = Object.fromEntries(attendance.filter((a) => seen.has(a.memberId)).map((a) => [a.party.name, a.status]));
    const byId = new Map(attendance.map((a) => [a.memberId, a.party.name]));
    const after = Object.fromEntries(
      input.entries.map((e) => [byId.get(e.memberId)!, e.status === 'substitute' ? `substitute: ${e.substituteName}` : e.status]),
    );
    await audit(tx, ctx, {
      entity: 'meeting_attendance',
      entityId: meetingId,
      entityLabel: `${m.committeeName} ${m.number}/${m.yearBE}`,
      action: 'update',
      before,
      after,
    });
    return loadDetail(tx, ctx, meetingId);
  });
}

// ---- minutes ----

function assertHeld(m: { meetingDate: string }, field = 'minutes') {
  if (m.meetingDate > today()) throw new AppError('validation_failed', { [field]: 'meeting_not_held' });
}

/** Save the draft minutes: the recorder and checker, and what was discussed under each agenda item. */
export function saveMinutes(ctx: TenantContext, meetingId: string, input: z.output<typeof minutesInput>): Promise<MeetingDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await lockOpenMeeting(tx, ctx, meetingId);
    assertHeld(before);
    const items = await repo.agendaItems(tx, ctx.tenant.id, meetingId);
    const known = new Map(items.map((i) => [i.id, i]));
    const bad = input.items.findIndex((i) => !known.has(i.id));
    if (bad >= 0) throw new AppError('validation_failed', { [`items.${bad}.id`]: 'unknown_agenda_item' });
    for (const i of input.items) await repo.updateAgendaItem(tx, ctx.tenant.id, i.id, { discussion: i.discussion ?? null });
    await repo.updateMeeting(tx, ctx.tenant.id, meetingId, {
      minutesStatus: 'draft',
      minutesRecorder: input.recorder ?? null,
      minutesChecker: input.checker ?? null,
    });
    await audit(tx, ctx, {
      entity: 'meeting_minutes',
      entityId: meetingId,
      action: 'update',
      before: {
        status: before.minutesStatus,
        recorder: before.minutesRecorder,
        checker: before.minutesChecker,
        items: Object.fromEntries(items.map((i) => [i.title, i.discussion])),
      },
      after: {
        status: 'draft',
        recorder: input.recorder ?? null,
        checker: input.checker ?? null,
        items: Object.fromEntries(items.map((i) => [i.title, input.items.find((x) => x.id === i.id)?.discussion ?? i.discussion])),
      },
    });
    if (before.minutesStatus === 'none') await notify(tx, ctx, { kind: 'minutes_to_certify', meetingId });
    return loadDetail(tx, ctx, meetingId);
  });
}

/**
 * This meeting certifies the draft minutes of an earlier meeting of the same committee (agenda 2),
 * with the corrections it made. Certified minutes are frozen.
 */
export function certifyMinutes(ctx: TenantContext, meetingId: string, input: z.output<typeof certifyInput>): Promise<MeetingDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const certifier = await lockOpenMeeting(tx, ctx, meetingId, true);
    assertHeld(certifier, 'minutesOfMeetingId');
    if (input.minutesOfMeetingId === meetingId) throw new AppError('validation_failed', { minutesOfMeetingId: 'certify_later_meeting' });
    const target = await repo.meetingForUpdate(tx, ctx.tenant.id, input.minutesOfMeetingId);
    if (!target || target.committeeId !== certifier.committeeId) throw new AppError('validation_failed', { minutesOfMeetingId: 'unknown_meeting' });
    if (!isLater(certifier, target)) throw new AppError('validation_failed', { minutesOfMeetingId: 'certify_later_meeting' });
    if (target.minutesStatus === 'certified') throw new AppError('conflict', { minutesOfMeetingId: 'minutes_certified' });
    if (target.minutesStatus !== 'draft') throw new AppError('validation_failed', { minutesOfMeetingId: 'no_draft_minutes' });
    await repo.updateMeeting(tx, ctx.tenant.id, target.id, {
      minutesStatus: 'certified',
      certifiedByMeetingId: meetingId,
      certificationCorrections: input.corrections ?? null,
    });
    await audit(tx, ctx, {
      entity: 'meeting_minutes',
      entityId: target.id,
      action: 'update',
      before: { status: target.minutesStatus },
      after: { status: 'certified', certifiedByMeetingId: meetingId, corrections: input.corrections ?? null },
    });
    return loadDetail(tx, ctx, meetingId);
  });
}
