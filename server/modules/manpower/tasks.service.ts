import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { Availability, Helper, Skill, Task, TaskStatus, taskInput, taskListQuery, taskPatch } from '../../../common/schemas/manpower';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { isoTime } from '../../platform/sql';
import { findHelpers } from './profiles.service';
import { activityExists } from './manpower.repository';
import { actorPartyId, asSummary, assertPeople } from './shared';
import * as repo from './tasks.repository';
import type { TaskRow } from './tasks.repository';
import { todayInThailand } from '../../platform/today';

/** Today in Thailand, not in UTC (which is yesterday until 07:00 Bangkok time). */
const today = () => todayInThailand();

export const presentTask = (r: TaskRow): Task => ({
  id: r.id,
  title: r.title,
  description: r.description,
  activity: r.activity,
  team: r.team,
  assignee: r.assignee ? asSummary(r.assignee) : null,
  dueDate: r.dueDate,
  status: r.status as TaskStatus,
  neededSkills: r.neededSkills as Skill[],
  village: r.village,
  when: r.when as Availability | null,
  overdue: !!r.dueDate && r.dueDate < today() && (r.status === 'open' || r.status === 'in_progress'),
  updatedAt: isoTime(r.updatedAt),
});

export async function listTasks(ctx: TenantContext, q: z.output<typeof taskListQuery>): Promise<ListResult<Task>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const filter: repo.TaskFilter = { q: q.q, status: q.status, teamId: q.teamId, assigneePartyId: q.assigneePartyId, activityId: q.activityId };
    if (q.mine) filter.ofPerson = await actorPartyId(tx, ctx);
    const found = await repo.selectTasks(tx, ctx.tenant.id, filter, q.pageSize, (q.page - 1) * q.pageSize);
    return { items: found.map(presentTask), total: found[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

async function loadTask(tx: Tx, tenantId: string, id: string): Promise<Task> {
  const [row] = await repo.selectTasks(tx, tenantId, { id }, 1);
  if (!row) throw new AppError('not_found');
  return presentTask(row);
}

export function getTask(ctx: TenantContext, id: string) {
  return withTenant(ctx.db, ctx.tenant.id, (tx) => loadTask(tx, ctx.tenant.id, id));
}

async function checkLinks(tx: Tx, ctx: TenantContext, input: z.output<typeof taskPatch>) {
  const tenantId = ctx.tenant.id;
  const fields: Record<string, string> = {};
  if (input.activityId) {
    if (!(await activityExists(tx, tenantId, input.activityId))) fields.activityId = 'unknown_activity';
  }
  if (input.teamId) {
    if (!(await repo.teamExists(tx, tenantId, input.teamId))) fields.teamId = 'unknown_team';
  }
  if (input.assigneePartyId && !(await assertPeople(tx, tenantId, [input.assigneePartyId])).has(input.assigneePartyId))
    fields.assigneePartyId = 'unknown_person';
  refuseFields(fields);
}

const auditView = (t: Task) => ({
  title: t.title,
  description: t.description,
  activityId: t.activity.id,
  teamId: t.team?.id ?? null,
  assigneePartyId: t.assignee?.id ?? null,
  dueDate: t.dueDate,
  status: t.status,
  neededSkills: t.neededSkills,
  village: t.village,
  when: t.when,
});

export function createTask(ctx: TenantContext, input: z.output<typeof taskInput>): Promise<Task> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await checkLinks(tx, ctx, input);
    const id = await repo.insertTask(tx, {
      tenantId: ctx.tenant.id,
      activityId: input.activityId,
      title: input.title,
      description: input.description ?? null,
      teamId: input.teamId ?? null,
      assigneePartyId: input.assigneePartyId ?? null,
      dueDate: input.dueDate ?? null,
      status: input.status,
      neededSkills: [...new Set(input.neededSkills)],
      village: input.village ?? null,
      when: input.when ?? null,
    });
    const task = await loadTask(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity: 'task', entityId: id, entityLabel: task.title, action: 'create', after: auditView(task) });
    return task;
  });
}

export function updateTask(ctx: TenantContext, id: string, input: z.output<typeof taskPatch>): Promise<Task> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await loadTask(tx, ctx.tenant.id, id);
    await checkLinks(tx, ctx, input);
    const set: Partial<repo.TaskValues> = { updatedAt: new Date() };
    for (const key of ['activityId', 'title', 'description', 'teamId', 'assigneePartyId', 'dueDate', 'status', 'village', 'when'] as const)
      if (input[key] !== undefined) (set as Record<string, unknown>)[key] = input[key];
    if (input.neededSkills !== undefined) set.neededSkills = [...new Set(input.neededSkills)];
    await repo.updateTaskRow(tx, ctx.tenant.id, id, set);
    const after = await loadTask(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity: 'task', entityId: id, entityLabel: after.title, action: 'update', before: auditView(before), after: auditView(after) });
    return after;
  });
}

export function deleteTask(ctx: TenantContext, id: string): Promise<void> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await loadTask(tx, ctx.tenant.id, id);
    await repo.deleteTaskRow(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity: 'task', entityId: id, entityLabel: before.title, action: 'delete', before: auditView(before) });
  });
}

/** "Who can help?" for a task: its needed skills, village and time. */
export function taskHelpers(ctx: TenantContext, id: string, limit: number): Promise<{ task: Task; items: Helper[] }> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const task = await loadTask(tx, ctx.tenant.id, id);
    const items = await findHelpers(tx, ctx.tenant.id, { skills: task.neededSkills, village: task.village ?? undefined, when: task.when ?? undefined, limit });
    return { task, items };
  });
}
