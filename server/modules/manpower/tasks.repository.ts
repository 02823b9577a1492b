import { and, eq, sql, type SQL } from 'drizzle-orm';
import { tasks, teams } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { likePattern, rows, thaiOrder, totalOver } from '../../platform/sql';
import type { ActivityRef, PartySummaryRow } from './manpower.repository';

export type TaskRow = {
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

export interface TaskFilter {
  id?: string;
  q?: string;
  status?: string;
  teamId?: string;
  assigneePartyId?: string;
  activityId?: string;
  /** tasks of this person: assigned to them, or to a team they belong to (null: nobody's, so none) */
  ofPerson?: string | null;
  /** open or in progress only */
  openOnly?: boolean;
}

function taskWhere(f: TaskFilter): SQL {
  const filters: SQL[] = [sql`true`];
  if (f.id) filters.push(sql`tk.id = ${f.id}`);
  if (f.q) filters.push(sql`tk.title ilike ${likePattern(f.q)}`);
  if (f.status) filters.push(sql`tk.status = ${f.status}`);
  if (f.teamId) filters.push(sql`tk.team_id = ${f.teamId}`);
  if (f.assigneePartyId) filters.push(sql`tk.assignee_party_id = ${f.assigneePartyId}`);
  if (f.activityId) filters.push(sql`tk.activity_id = ${f.activityId}`);
  if (f.ofPerson !== undefined)
    filters.push(
      f.ofPerson
        ? sql`(tk.assignee_party_id = ${f.ofPerson} or exists (select 1 from team_members tm where tm.tenant_id = tk.tenant_id and tm.team_id = tk.team_id and tm.party_id = ${f.ofPerson}))`
        : sql`false`,
    );
  if (f.openOnly) filters.push(sql`tk.status in ('open', 'in_progress')`);
  return sql.join(filters, sql` and `);
}

/** Tasks with their activity, plan, team and assignee: open ones first, by due date, then title. */
export async function selectTasks(tx: Tx, tenantId: string, f: TaskFilter, limit = 200, offset = 0): Promise<TaskRow[]> {
  return rows<TaskRow>(
    tx,
    sql`select tk.id, tk.title, tk.description, tk.due_date::text as "dueDate", tk.status, tk.needed_skills as "neededSkills",
               tk.village, tk."when", tk.updated_at as "updatedAt", ${totalOver} as total,
               json_build_object('id', a.id, 'name', a.name, 'planId', pl.id, 'planName', pl.name, 'fiscalYear', pl.fiscal_year) as activity,
               case when t.id is null then null else json_build_object('id', t.id, 'name', t.name) end as team,
               case when p.id is null then null else json_build_object('id', p.id, 'kind', p.kind, 'name', p.name, 'sector', p.sector,
                 'pillar', p.pillar, 'orgType', p.org_type, 'position', p.position) end as assignee
        from tasks tk
        join plan_activities a on a.tenant_id = tk.tenant_id and a.id = tk.activity_id
        join plans pl on pl.tenant_id = a.tenant_id and pl.id = a.plan_id
        left join teams t on t.tenant_id = tk.tenant_id and t.id = tk.team_id
        left join parties p on p.tenant_id = tk.tenant_id and p.id = tk.assignee_party_id
        where tk.tenant_id = ${tenantId} and ${taskWhere(f)}
        order by (tk.status in ('done', 'cancelled')), tk.due_date nulls last, ${thaiOrder(sql`tk.title`)}, tk.id
        limit ${limit} offset ${offset}`,
  );
}

export async function teamExists(tx: Tx, tenantId: string, id: string): Promise<boolean> {
  const [t] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.tenantId, tenantId), eq(teams.id, id)));
  return !!t;
}

export type TaskValues = typeof tasks.$inferInsert;

export async function insertTask(tx: Tx, values: TaskValues): Promise<string> {
  const [row] = await tx.insert(tasks).values(values).returning({ id: tasks.id });
  return row.id;
}

export async function updateTaskRow(tx: Tx, tenantId: string, id: string, set: Partial<TaskValues>): Promise<void> {
  await tx
    .update(tasks)
    .set(set)
    .where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
}

export async function deleteTaskRow(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(tasks).where(and(eq(tasks.tenantId, tenantId), eq(tasks.id, id)));
}
