import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type {
  Committee,
  CommitteeDetail,
  CommitteeMember,
  committeeCreate,
  committeeListQuery,
  committeeMemberCreate,
  committeeMemberUpdate,
  committeeUpdate,
  MeetingSummary,
  Position,
} from '../../../common/schemas/committees';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, assertDateOrder } from '../../platform/errors';
import { existingPartyIds } from '../partners/partners.repository';
import { asSummary } from '../manpower/shared';
import * as repo from './committees.repository';
import { meetingRows, type MeetingRow } from './meetings.repository';
import { inOfficeOn } from './quorum';
import { todayInThailand } from '../../platform/today';
import { existingNetworkIds } from '../networks/networks.repository';

/** Today in Thailand: a meeting held this morning before 07:00 is today's, not yesterday's (UTC). */
export const today = () => todayInThailand();

const present = (r: repo.CommitteeRow): Committee => ({
  id: r.id,
  name: r.name,
  kind: r.kind as Committee['kind'],
  purpose: r.purpose,
  orderNumber: r.orderNumber,
  orderDate: r.orderDate,
  quorumPercent: r.quorumPercent,
  networks: r.networks,
  membersInOffice: r.membersInOffice,
  meetingCount: r.meetingCount,
  lastMeetingDate: r.lastMeetingDate,
});

export const presentMember = (m: repo.MemberRow, day = today()): CommitteeMember => ({
  id: m.id,
  party: asSummary(m.party),
  position: m.position as Position,
  startDate: m.startDate,
  endDate: m.endDate,
  orderNumber: m.orderNumber,
  orderDate: m.orderDate,
  inOffice: inOfficeOn(m, day),
});

export const presentMeetingSummary = (m: MeetingRow): MeetingSummary => ({
  id: m.id,
  committeeId: m.committeeId,
  committeeName: m.committeeName,
  number: m.number,
  yearBE: m.yearBE,
  meetingDate: m.meetingDate,
  startTime: m.startTime,
  endTime: m.endTime,
  place: m.place,
  minutesStatus: m.minutesStatus,
  resolutionCount: m.resolutionCount,
});

export async function listCommittees(ctx: TenantContext, q: z.output<typeof committeeListQuery>): Promise<ListResult<Committee>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const found = await repo.committeeRows(tx, ctx.tenant.id, today(), { q: q.q }, q.pageSize, (q.page - 1) * q.pageSize);
    return { items: found.map(present), total: found[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

async function loadDetail(tx: Tx, ctx: TenantContext, id: string): Promise<CommitteeDetail> {
  const [row] = await repo.committeeRows(tx, ctx.tenant.id, today(), { id }, 1);
  if (!row) throw new AppError('not_found');
  const members = await repo.memberRows(tx, ctx.tenant.id, { committeeId: id });
  const meetingList = await meetingRows(tx, ctx.tenant.id, { committeeIds: [id] });
  return { ...present(row), members: members.map((m) => presentMember(m)), meetings: meetingList.map(presentMeetingSummary) };
}

export const getCommittee = (ctx: TenantContext, id: string) => withTenant(ctx.db, ctx.tenant.id, (tx) => loadDetail(tx, ctx, id));

async function setNetworks(tx: Tx, ctx: TenantContext, committeeId: string, networkIds: string[]) {
  const ids = [...new Set(networkIds)];
  if (ids.length) {
    const found = await existingNetworkIds(tx, ctx.tenant.id, ids);
    const bad = ids.findIndex((x) => !found.has(x));
    if (bad >= 0) throw new AppError('validation_failed', { [`networkIds.${networkIds.indexOf(ids[bad])}`]: 'unknown_network' });
  }
  await repo.replaceCommitteeNetworks(tx, ctx.tenant.id, committeeId, ids);
}

const auditable = (c: repo.CommitteeTableRow, networkIds: string[]) => ({
  name: c.name,
  kind: c.kind,
  purpose: c.purpose,
  orderNumber: c.orderNumber,
  orderDate: c.orderDate,
  quorumPercent: c.quorumPercent,
  networkIds: [...networkIds].sort(),
});

export function createCommittee(ctx: TenantContext, input: z.output<typeof committeeCreate>): Promise<CommitteeDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { networkIds, ...fields } = input;
    const row = await repo.insertCommittee(tx, ctx.tenant.id, fields);
    await setNetworks(tx, ctx, row.id, networkIds);
    await audit(tx, ctx, { entity: 'committee', entityId: row.id, entityLabel: row.name, action: 'create', after: auditable(row, input.networkIds) });
    return loadDetail(tx, ctx, row.id);
  });
}

async function lockCommittee(tx: Tx, ctx: TenantContext, id: string) {
  const row = await repo.committeeForUpdate(tx, ctx.tenant.id, id);
  if (!row) throw new AppError('not_found');
  return row;
}

export function updateCommittee(ctx: TenantContext, id: string, input: z.output<typeof committeeUpdate>): Promise<CommitteeDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await lockCommittee(tx, ctx, id);
    const beforeNetworks = await repo.committeeNetworkIds(tx, ctx.tenant.id, id);
    const set: Partial<repo.CommitteeFields> = {};
    for (const key of ['name', 'kind', 'purpose', 'orderNumber', 'orderDate', 'quorumPercent'] as const)
      if (input[key] !== undefined) (set as Record<string, unknown>)[key] = input[key];
    const after = await repo.updateCommittee(tx, ctx.tenant.id, id, set);
    if (input.networkIds) await setNetworks(tx, ctx, id, input.networkIds);
    await audit(tx, ctx, {
      entity: 'committee',
      entityId: id,
      entityLabel: after.name,
      action: 'update',
      before: auditable(before, beforeNetworks),
      after: auditable(after, input.networkIds ?? beforeNetworks),
    });
    return loadDetail(tx, ctx, id);
  });
}

export function deleteCommittee(ctx: TenantContext, id: string): Promise<void> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await lockCommittee(tx, ctx, id);
    // its meetings are the record of what was decided: they stay, and so does the committee
    if (await repo.committeeHasMeetings(tx, ctx.tenant.id, id)) throw new AppError('conflict', { id: 'committee_has_meetings' });
    await repo.deleteCommittee(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity: 'committee', entityId: id, entityLabel: before.name, action: 'delete', before: auditable(before, []) });
  });
}

// ---- members (terms) ----

async function assertNoOverlap(tx: Tx, ctx: TenantContext, committeeId: string, partyId: string, start: string, end: string | null, exceptId?: string) {
  if (await repo.termOverlaps(tx, ctx.tenant.id, { committeeId, partyId, start, end, exceptId }))
    throw new AppError('conflict', { startDate: 'overlapping_term' });
}

const memberAudit = (m: {
  partyId: string;
  position: string;
  startDate: string;
  endDate: string | null;
  orderNumber: string | null;
  orderDate: string | null;
}) => ({
  partyId: m.partyId,
  position: m.position,
  startDate: m.startDate,
  endDate: m.endDate,
  orderNumber: m.orderNumber,
  orderDate: m.orderDate,
});

async function loadMember(tx: Tx, ctx: TenantContext, committeeId: string, memberId: string) {
  const [m] = await repo.memberRows(tx, ctx.tenant.id, { committeeId, id: memberId });
  if (!m) throw new AppError('not_found');
  return m;
}

export function addMember(ctx: TenantContext, committeeId: string, input: z.output<typeof committeeMemberCreate>): Promise<CommitteeMember> {
  assertDateOrder(input.startDate, input.endDate);
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const c = await lockCommittee(tx, ctx, committeeId);
    if (!(await existingPartyIds(tx, ctx.tenant.id, [input.partyId])).has(input.partyId)) throw new AppError('validation_failed', { partyId: 'unknown_party' });
    await assertNoOverlap(tx, ctx, committeeId, input.partyId, input.startDate, input.endDate ?? null);
    const values = {
      committeeId,
      partyId: input.partyId,
      position: input.position,
      startDate: input.startDate,
      endDate: input.endDate ?? null,
      orderNumber: input.orderNumber ?? null,
      orderDate: input.orderDate ?? null,
    };
    const id = await repo.insertMember(tx, ctx.tenant.id, values);
    const m = await loadMember(tx, ctx, committeeId, id);
    await audit(tx, ctx, {
      entity: 'committee_member',
      entityId: id,
      entityLabel: `${c.name}: ${m.party.name}`,
      action: 'create',
      after: memberAudit(values),
    });
    return presentMember(m);
  });
}

export function updateMember(
  ctx: TenantContext,
  committeeId: string,
  memberId: string,
  input: z.output<typeof committeeMemberUpdate>,
): Promise<CommitteeMember> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const c = await lockCommittee(tx, ctx, committeeId);
    const before = await loadMember(tx, ctx, committeeId, memberId);
    const next = {
      partyId: before.party.id,
      position: input.position ?? before.position,
      startDate: input.startDate ?? before.startDate,
      endDate: input.endDate !== undefined ? input.endDate : before.endDate,
      orderNumber: input.orderNumber !== undefined ? input.orderNumber : before.orderNumber,
      orderDate: input.orderDate !== undefined ? input.orderDate : before.orderDate,
    };
    assertDateOrder(next.startDate, next.endDate);
    await assertNoOverlap(tx, ctx, committeeId, next.partyId, next.startDate, next.endDate, memberId);
    const { partyId: _p, ...set } = next;
    await repo.updateMember(tx, ctx.tenant.id, memberId, set);
    await audit(tx, ctx, {
      entity: 'committee_member',
      entityId: memberId,
      entityLabel: `${c.name}: ${before.party.name}`,
      action: 'update',
      before: memberAudit({ ...before, partyId: before.party.id }),
      after: memberAudit(next),
    });
    return presentMember(await loadMember(tx, ctx, committeeId, memberId));
  });
}

/** Removing a term is for mistakes: a member whose attendance was recorded ends their term instead. */
export function removeMember(ctx: TenantContext, committeeId: string, memberId: string): Promise<void> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const c = await lockCommittee(tx, ctx, committeeId);
    const before = await loadMember(tx, ctx, committeeId, memberId);
    if (await repo.memberHasAttendance(tx, ctx.tenant.id, memberId)) throw new AppError('conflict', { endDate: 'member_has_attendance' });
    await repo.deleteMember(tx, ctx.tenant.id, memberId);
    await audit(tx, ctx, {
      entity: 'committee_member',
      entityId: memberId,
      entityLabel: `${c.name}: ${before.party.name}`,
      action: 'delete',
      before: memberAudit({ ...before, partyId: before.party.id }),
    });
  });
}
