import type { z } from 'zod';
import type { actionItemInput, Adoption, adoptionQuery, MeetingDetail, Resolution, resolutionInput, ResolutionRef } from '../../../common/schemas/committees';
import { taskInput } from '../../../common/schemas/manpower';
import { audit } from '../../platform/audit';
import { canAct, inTransaction, type TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { formatThaiDate } from '../../../common/thai/dates';
import { budgetLineApproval, budgetLineApprovedBy, setBudgetLineApproval } from '../budget/adoption';
import { asSummary, assertPeople } from '../manpower/shared';
import { createTask } from '../manpower/tasks.service';
import { activityExists, planAdoptedBy, planAdoption, setPlanAdoption } from '../plans/plans.repository';
import { regulationVersionAdoption, setRegulationVersionAdoption } from '../regulations/adoption';
import * as repo from './committees.repository';
import { meetingRows, type MeetingRow } from './meetings.repository';
import { getMeeting, loadMeetingRow, lockOpenMeeting, roster } from './meetings.service';
import { today } from './committees.service';

const TARGET_KIND = { adopt_plan: 'plan', approve_budget_line: 'budget_line', adopt_regulation_version: 'regulation_version', revoke: 'resolution' } as const;

function label(ctx: TenantContext, m: MeetingRow, n: number) {
  return ctx.lang === 'en'
    ? `${m.committeeName}, meeting ${m.number}/${m.yearBE}, resolution ${n}`
    : `มติ${m.committeeName} ครั้งที่ ${m.number}/${m.yearBE} ข้อ ${n}`;
}

/** References (label, date, text) of resolutions by id, numbered within their meetings. */
export async function refs(tx: Tx, ctx: TenantContext, ids: string[]): Promise<Map<string, ResolutionRef & { action: Resolution['action'] }>> {
  const out = new Map<string, ResolutionRef & { action: Resolution['action'] }>();
  if (!ids.length) return out;
  const meetingIds = await repo.meetingIdsOfResolutions(tx, ctx.tenant.id, ids);
  const rs = await repo.resolutionRows(tx, ctx.tenant.id, meetingIds);
  const ms = await meetingRows(tx, ctx.tenant.id, { ids: meetingIds });
  const byMeeting = new Map(ms.map((m) => [m.id, m]));
  for (const r of rs) {
    if (!ids.includes(r.id)) continue;
    const m = byMeeting.get(r.meetingId)!;
    out.set(r.id, { id: r.id, meetingId: m.id, label: label(ctx, m, r.number), meetingDate: m.meetingDate, text: r.text, action: r.action });
  }
  return out;
}

/** The resolutions of the meetings, with their targets, revocations and action items. */
export async function presentResolutions(tx: Tx, ctx: TenantContext, meetingIds: string[]): Promise<Resolution[]> {
  const rs = await repo.resolutionRows(tx, ctx.tenant.id, meetingIds);
  const items = await repo.actionItemRows(
    tx,
    ctx.tenant.id,
    rs.map((r) => r.id),
  );
  const revokers = await refs(
    tx,
    ctx,
    rs.flatMap((r) => (r.revokedById ? [r.revokedById] : [])),
  );
  return rs.map((r) => ({
    id: r.id,
    meetingId: r.meetingId,
    agendaItemId: r.agendaItemId,
    number: r.number,
    text: r.text,
    votesFor: r.votesFor,
    votesAgainst: r.votesAgainst,
    votesAbstain: r.votesAbstain,
    passed: r.votesFor > r.votesAgainst,
    action: r.action,
    target:
      r.action === 'none'
        ? null
        : { kind: TARGET_KIND[r.action], id: (r.planId ?? r.budgetLineId ?? r.regulationVersionId ?? r.revokesResolutionId)!, name: r.targetName ?? '' },
    revokedBy: r.revokedById ? (revokers.get(r.revokedById) ?? null) : null,
    actionItems: items
      .filter((i) => i.resolutionId === r.id)
      .map((i) => ({ id: i.id, title: i.title, owner: asSummary(i.owner), dueDate: i.dueDate, taskId: i.taskId, taskStatus: i.taskStatus })),
  }));
}

/**
 * Record a resolution. The meeting must have been held with a quorum, the votes cannot exceed those
 * present, and a resolution that acts (adopts a plan, approves a budget line, revokes an earlier act)
 * (or a regulation version) must have passed and be recorded by an officer. The act and the resolution are one transaction.
 */
export async function createResolution(ctx: TenantContext, meetingId: string, input: z.output<typeof resolutionInput>): Promise<MeetingDetail> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await lockOpenMeeting(tx, ctx, meetingId);
    const m = await loadMeetingRow(tx, ctx.tenant.id, meetingId);
    if (m.meetingDate > today()) throw new AppError('validation_failed', { text: 'meeting_not_held' });
    const { quorum } = await roster(tx, ctx.tenant.id, m);
    if (!quorum.met) throw new AppError('validation_failed', { votesFor: 'no_quorum' });
    const votes = input.votesFor + input.votesAgainst + input.votesAbstain;
    if (votes > quorum.present) throw new AppError('validation_failed', { votesFor: 'votes_exceed_present' });
    if (input.agendaItemId) {
      if (!(await repo.agendaItemExists(tx, ctx.tenant.id, meetingId, input.agendaItemId)))
        throw new AppError('validation_failed', { agendaItemId: 'unknown_agenda_item' });
    }
    const act = input.action;
    const values = {
      tenantId: ctx.tenant.id,
      meetingId,
      agendaItemId: input.agendaItemId ?? null,
      text: input.text,
      votesFor: input.votesFor,
      votesAgainst: input.votesAgainst,
      votesAbstain: input.votesAbstain,
      action: act,
      planId: act === 'adopt_plan' ? (input.planId ?? null) : null,
      budgetLineId: act === 'approve_budget_line' ? (input.budgetLineId ?? null) : null,
      revokesResolutionId: act === 'revoke' ? (input.revokesResolutionId ?? null) : null,
      regulationVersionId: act === 'adopt_regulation_version' ? (input.regulationVersionId ?? null) : null,
    };
    let targetName: string | null = null;
    let apply: (resolutionId: string) => Promise<void> = async () => {};
    if (act !== 'none') {
      if (!canAct(ctx.actor, ['admin', 'officer'])) throw new AppError('forbidden');
      if (input.votesFor <= input.votesAgainst) throw new AppError('validation_failed', { votesFor: 'not_passed' });
      if (act === 'adopt_plan') {
        if (!input.planId) throw new AppError('validation_failed', { planId: 'required' });
        const plan = await planAdoption(tx, ctx.tenant.id, input.planId);
        if (!plan) throw new AppError('validation_failed', { planId: 'unknown_plan' });
        if (plan.adoptedByResolutionId) throw new AppError('conflict', { planId: 'already_adopted' });
        targetName = plan.name;
        apply = (id) => setPlanAdoption(tx, ctx.tenant.id, plan.id, id);
      } else if (act === 'approve_budget_line') {
        if (!input.budgetLineId) throw new AppError('validation_failed', { budgetLineId: 'required' });
        const line = await budgetLineApproval(tx, ctx.tenant.id, input.budgetLineId);
        if (!line) throw new AppError('validation_failed', { budgetLineId: 'unknown_budget_line' });
        if (line.approvedByResolutionId) throw new AppError('conflict', { budgetLineId: 'already_approved' });
        targetName = line.name;
        apply = (id) => setBudgetLineApproval(tx, ctx.tenant.id, line.id, id);
      } else if (act === 'adopt_regulation_version') {
        if (!input.regulationVersionId) throw new AppError('validation_failed', { regulationVersionId: 'required' });
        const version = await regulationVersionAdoption(tx, ctx.tenant.id, input.regulationVersionId);
        if (!version) throw new AppError('validation_failed', { regulationVersionId: 'unknown_regulation_version' });
        if (version.status !== 'draft') throw new AppError('conflict', { regulationVersionId: 'version_adopted' });
        targetName = version.name;
        apply = (id) => setRegulationVersionAdoption(tx, ctx.tenant.id, version.id, { resolutionId: id, on: m.meetingDate });
      } else {
        if (!input.revokesResolutionId) throw new AppError('validation_failed', { revokesResolutionId: 'required' });
        const old = await repo.getResolution(tx, ctx.tenant.id, input.revokesResolutionId, true);
        if (!old || (old.action !== 'adopt_plan' && old.action !== 'approve_budget_line' && old.action !== 'adopt_regulation_version'))
          throw new AppError('validation_failed', { revokesResolutionId: 'nothing_to_revoke' });
        const inForce =
          old.action === 'adopt_plan'
            ? (await planAdoption(tx, ctx.tenant.id, old.planId!))?.adoptedByResolutionId === old.id
            : old.action === 'approve_budget_line'
              ? (await budgetLineApproval(tx, ctx.tenant.id, old.budgetLineId!))?.approvedByResolutionId === old.id
              : (await regulationVersionAdoption(tx, ctx.tenant.id, old.regulationVersionId!))?.resolutionId === old.id;
        if (!inForce) throw new AppError('conflict', { revokesResolutionId: 'not_in_force' });
        targetName = old.text.slice(0, 200);
        apply = () =>
          old.action === 'adopt_plan'
            ? setPlanAdoption(tx, ctx.tenant.id, old.planId!, null)
            : old.action === 'approve_budget_line'
              ? setBudgetLineApproval(tx, ctx.tenant.id, old.budgetLineId!, null)
              : setRegulationVersionAdoption(tx, ctx.tenant.id, old.regulationVersionId!, null);
      }
    }
    const resolutionId = await repo.insertResolution(tx, values);
    await apply(resolutionId);
    const { tenantId: _t, ...after } = values;
    await audit(tx, ctx, {
      entity: 'resolution',
      entityId: resolutionId,
      entityLabel: `${m.committeeName} ${m.number}/${m.yearBE}`,
      action: 'create',
      after: { ...after, targetName },
    });
  });
  return getMeeting(ctx, meetingId);
}

/** A resolution that acted stays: undoing its act takes a new resolution. Others can be deleted until the minutes are certified. */
export async function deleteResolution(ctx: TenantContext, id: string): Promise<MeetingDetail> {
  const meetingId = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const r = await repo.getResolution(tx, ctx.tenant.id, id);
    if (!r) throw new AppError('not_found');
    await lockOpenMeeting(tx, ctx, r.meetingId);
    if (r.action !== 'none') throw new AppError('conflict', { id: 'resolution_acted' });
    await repo.deleteResolution(tx, ctx.tenant.id, id);
    await audit(tx, ctx, {
      entity: 'resolution',
      entityId: id,
      action: 'delete',
      before: { meetingId: r.meetingId, text: r.text, votesFor: r.votesFor, votesAgainst: r.votesAgainst, votesAbstain: r.votesAbstain },
    });
    return r.meetingId;
  });
  return getMeeting(ctx, meetingId);
}

/**
 * An action item of a resolution: its owner gets a task (manpower) on the given plan activity, with the
 * due date, in the same transaction; the item keeps the task's id, the task says which resolution asked.
 */
export async function addActionItem(ctx: TenantContext, resolutionId: string, input: z.output<typeof actionItemInput>): Promise<MeetingDetail> {
  const meetingId = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const r = await repo.getResolution(tx, ctx.tenant.id, resolutionId);
    if (!r) throw new AppError('not_found');
    await lockOpenMeeting(tx, ctx, r.meetingId, true);
    const fields: Record<string, string> = {};
    if (!(await assertPeople(tx, ctx.tenant.id, [input.ownerPartyId])).has(input.ownerPartyId)) fields.ownerPartyId = 'unknown_person';
    if (!(await activityExists(tx, ctx.tenant.id, input.activityId))) fields.activityId = 'unknown_activity';
    refuseFields(fields);
    const m = await loadMeetingRow(tx, ctx.tenant.id, r.meetingId);
    const ref = (await refs(tx, ctx, [r.id])).get(r.id)!;
    // the manpower service opens a nested transaction (a savepoint) on ours: one commit for both
    const task = await createTask(
      inTransaction(ctx, tx),
      taskInput.parse({
        activityId: input.activityId,
        title: input.title,
        assigneePartyId: input.ownerPartyId,
        dueDate: input.dueDate,
        description: `${ref.label} (${formatThaiDate(m.meetingDate, { style: 'long' })}): ${r.text}`.slice(0, 4000),
      }),
    );
    const itemId = await repo.insertActionItem(tx, {
      tenantId: ctx.tenant.id,
      resolutionId,
      title: input.title,
      ownerPartyId: input.ownerPartyId,
      dueDate: input.dueDate,
      taskId: task.id,
    });
    await audit(tx, ctx, {
      entity: 'resolution_action_item',
      entityId: itemId,
      entityLabel: input.title,
      action: 'create',
      after: { resolutionId, ...input, taskId: task.id },
    });
    return r.meetingId;
  });
  return getMeeting(ctx, meetingId);
}

/** Which resolution adopted a plan or approved a budget line, and every resolution that acted on it. */
export function adoptionOf(ctx: TenantContext, q: z.output<typeof adoptionQuery>): Promise<Adoption> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    if (!q.planId === !q.budgetLineId) throw new AppError('validation_failed', { planId: 'plan_or_budget_line' });
    const obj = q.planId ? await planAdoptedBy(tx, ctx.tenant.id, q.planId) : await budgetLineApprovedBy(tx, ctx.tenant.id, q.budgetLineId!);
    if (!obj) throw new AppError('not_found');
    const found = await refs(tx, ctx, await repo.actingResolutionIds(tx, ctx.tenant.id, q));
    const history = [...found.values()].sort((a, b) => a.meetingDate.localeCompare(b.meetingDate) || a.label.localeCompare(b.label));
    const current = obj.current ? found.get(obj.current) : undefined;
    return {
      adoptedBy: current ? { id: current.id, meetingId: current.meetingId, label: current.label, meetingDate: current.meetingDate, text: current.text } : null,
      history,
    };
  });
}
