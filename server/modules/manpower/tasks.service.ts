import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import type { Availability, Helper, Skill, Task, TaskStatus, taskInput, taskListQuery, taskPatch } from '../../../common/schemas/manpower';
import { tasks, teams } from '../../db/schema';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { likePattern, isoTime, rows } from '../../platform/sql';
import { findHelpers } from './profiles.service';
import { actorPartyId, asSummary, assertPeople, type ActivityRef, type PartySummaryRow } from './shared';
import { todayInThailand } from '../../platform/today';

type TaskRow = {
  id: string;
  title: string;
  description: string | null;
  dueDate: string | null;
  status: string;
  neededSkills: string[];
  village: string | null;
  when: string | null;
  updatedAt: Date | string;
  activity: ActivityRef;
  team: { id: string; name: string } | null;
  assignee: PartySummaryRow | null;
  total: number;
};

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

/** Tasks with their activity, plan, team and assignee, filtered by `where` (alias `tk`). */
export async function selectTasks(tx: Tx, tenantId: string, where: SQL, limit = 200, offset = 0): Promise<TaskRow[]> {
  return rows<TaskRow>(
    tx,
    sql`select tk.id, tk.title, tk.description, tk.due_date::text as "dueDate", tk.status, tk.needed_skills as "neededSkills",
               tk.village, tk."when", tk.updated_at as "updatedAt", (count(*) over ())::int as total,
               json_build_object('id', a.id, 'name', a.name, 'planId', pl.id, 'planName', pl.name, 'fiscalYear', pl.fiscal_year) as activity,
               case when t.id is null then null else json_build_object('id', t.id, 'name', t.name) end as team,
               case when p.id is null then null else json_build_object('id', p.id, 'kind', p.kind, 'name', p.name, 'sector', p.sector,
                 'pillar', p.pillar, 'orgType', p.org_type, 'position', p.position) end as assignee
        from tasks tk
        join plan_activities a on a.tenant_id = tk.tenant_id and a.id = tk.activity_id
        join plans pl on pl.tenant_id = a.tenant_id and pl.id = a.plan_id
        left join teams t on t.tenant_id = tk.tenant_id and t.id = tk.team_id
        left join parties p on p.tenant_id = tk.tenant_id and p.id = tk.assignee_party_id
        where tk.tenant_id = ${tenantId} and ${where}
        order by (tk.status in ('done', 'cancelled')), tk.due_date nulls last, tk.title collate "und-x-icu", tk.id
        limit ${limit} offset ${offset}`,
  );
}

/** Tasks of a person: assigned to them, or to a team they belong to. */
export const tasksOfPerson = (partyId: string) =>
  sql`(tk.assignee_party_id = ${partyId} or exists (select 1 from team_members tm where tm.tenant_id = tk.tenant_id and tm.team_id = tk.team_id and tm.party_id = ${partyId}))`;

export async function listTasks(ctx: TenantContext, q: z.output<typeof taskListQuery>): Promise<ListResult<Task>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const filters: SQL[] = [sql`true`];
    if (q.q) filters.push(sql`tk.title ilike ${likePattern(q.q)}`);
    if (q.status) filters.push(sql`tk.status = ${q.status}`);
    if (q.teamId) filters.push(sql`tk.team_id = ${q.teamId}`);
    if (q.assigneePartyId) filters.push(sql`tk.assignee_party_id = ${q.assigneePartyId}`);
    if (q.activityId) filters.push(sql`tk.activity_id = ${q.activityId}`);
    if (q.mine) {
      const partyId = await actorPartyId(tx, ctx);
      filters.push(partyId ? tasksOfPerson(partyId) : sql`false`);
    }
    const found = await selectTasks(tx, ctx.tenant.id, sql.join(filters, sql` and `), q.pageSize, (q.page - 1) * q.pageSize);
    return { items: found.map(presentTask), total: found[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

async function loadTask(tx: Tx, tenantId: string, id: string): Promise<Task> {
  const [row] = await selectTasks(tx, tenantId, sql`tk.id = ${id}`, 1);
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
    const [a] = await rows<{ id: string }>(tx, sql`select id from plan_activities where tenant_id = ${tenantId} and id = ${input.activityId}`);
    if (!a) fields.activityId = 'unknown_activity';
  }
  if (input.teamId) {
    const [t] = await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.tenantId, tenantId), eq(teams.id, input.teamId)));
    if (!t) fields.teamId = 'unknown_team';
  }
  if (input.assigneePartyId && !(await assertPeople(tx, tenantId, [input.assigneePartyId])).has(input.assigneePartyId))
    fields.assigneePartyId = 'unknown_person';
  if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
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
    const [row] = await tx
      .insert(tasks)
      .values({
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
      })
      .returning({ id: tasks.id });
    const task = await loadTask(tx, ctx.tenant.id, row.id);
    await audit(tx, ctx, { entity: 'task', entityId: row.id, entityLabel: task.title, action: 'create', after: auditView(task) });
    return task;
  });
}

export function updateTask(ctx: TenantContext, id: string, input: z.output<typeof taskPatch>): Promise<Task> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await loadTask(tx, ctx.tenant.id, id);
    await checkLinks(tx, ctx, input);
    const set: Partial<typeof tasks.$inferInsert> = { updatedAt: new Date() };
    for (const key of ['activityId', 'title', 'description', 'teamId', 'assigneePartyId', 'dueDate', 'status', 'village', 'when'] as const)
      if (input[key] !== undefined) (set as Record<string, unknown>)[key] = input[key];
    if (input.neededSkills !== undefined) set.neededSkills = [...new Set(input.neededSkills)];
    await tx
      .update(tasks)
      .set(set)
      .where(and(eq(tasks.tenantId, ctx.tenant.id), eq(tasks.id, id)));
    const after = await loadTask(tx, ctx.tenant.id, id);
    await audit(tx, ctx, { entity: 'task', entityId: id, entityLabel: after.title, action: 'update', before: auditView(before), after: auditView(after) });
    return after;
  });
}

export function deleteTask(ctx: TenantContext, id: string): Promise<void> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await loadTask(tx, ctx.tenant.id, id);
    await tx.delete(tasks).where(and(eq(tasks.tenantId, ctx.tenant.id), eq(tasks.id, id)));
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
