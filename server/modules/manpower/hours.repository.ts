import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { TOTAL_GROUPS } from '../../../common/schemas/manpower';
import { volunteerHours } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { likePattern, rows, thaiOrder, totalOver } from '../../platform/sql';
import { activityInNetworks, type ActivityRef } from './manpower.repository';

export type LogRow = {
  id: string;
  partyId: string;
  personName: string;
  activity: ActivityRef;
  task: { id: string; title: string } | null;
  date: string;
  fiscalYear: number;
  minutes: number;
  note: string | null;
  status: string;
  returnReason: string | null;
  reviewedBy: string | null;
  reviewedAt: Date | string | null;
  canReview: boolean;
  createdAt: Date | string;
  total: number;
};

/** Who is looking: their linked person and the networks whose hours they may confirm. */
export interface Viewer {
  partyId: string | null;
  networks: 'all' | string[];
}

/** The SQL test "the viewer may confirm or return this log" (alias `vh`): a reviewer of its network, not their own hours. */
function canReviewSql(v: Viewer): SQL {
  const notOwn = v.partyId ? sql`vh.party_id <> ${v.partyId}::uuid` : sql`true`;
  return sql`(${activityInNetworks(sql`vh.activity_id`, v.networks)} and ${notOwn})`;
}

/**
 * A team's hours: confirmed logs on the team's tasks, or by its members on its linked activities.
 * Uses the alias `vh` for volunteer_hours.
 */
export function teamHoursFilter(tenantId: string, teamId: string) {
  return sql`vh.tenant_id = ${tenantId} and vh.status = 'confirmed' and (
    exists (select 1 from tasks tk where tk.tenant_id = vh.tenant_id and tk.id = vh.task_id and tk.team_id = ${teamId})
    or (exists (select 1 from team_activities ta where ta.tenant_id = vh.tenant_id and ta.team_id = ${teamId} and ta.activity_id = vh.activity_id)
        and exists (select 1 from team_members tm where tm.tenant_id = vh.tenant_id and tm.team_id = ${teamId} and tm.party_id = vh.party_id)))`;
}

export interface LogFilter {
  id?: string;
  /** only this person's logs; null: no one's (a member without a linked person) */
  onlyParty?: string | null;
  personId?: string;
  status?: string;
  fiscalYear?: number;
  activityId?: string;
  taskId?: string;
  networkId?: string;
  teamId?: string;
  /** person or activity name contains */
  q?: string;
  /** only logs the viewer may confirm or return */
  reviewable?: boolean;
}

function logWhere(tenantId: string, v: Viewer, f: LogFilter): SQL {
  const filters: SQL[] = [sql`true`];
  if (f.id) filters.push(sql`vh.id = ${f.id}`);
  if (f.onlyParty !== undefined) filters.push(f.onlyParty ? sql`vh.party_id = ${f.onlyParty}` : sql`false`);
  if (f.personId) filters.push(sql`vh.party_id = ${f.personId}`);
  if (f.status) filters.push(sql`vh.status = ${f.status}`);
  if (f.fiscalYear) filters.push(sql`vh.fiscal_year = ${f.fiscalYear}`);
  if (f.activityId) filters.push(sql`vh.activity_id = ${f.activityId}`);
  if (f.taskId) filters.push(sql`vh.task_id = ${f.taskId}`);
  if (f.networkId)
    filters.push(sql`exists (select 1 from plan_activities na join plan_networks nn on nn.tenant_id = na.tenant_id and nn.plan_id = na.plan_id
                             where na.tenant_id = vh.tenant_id and na.id = vh.activity_id and nn.network_id = ${f.networkId})`);
  if (f.teamId) filters.push(teamHoursFilter(tenantId, f.teamId));
  if (f.q) filters.push(sql`(p.name ilike ${likePattern(f.q)} or a.name ilike ${likePattern(f.q)})`);
  if (f.reviewable) filters.push(canReviewSql(v));
  return sql.join(filters, sql` and `);
}

/** Logs with person, activity, plan and task, newest day first, each marked whether the viewer may review it. */
export async function selectLogs(tx: Tx, tenantId: string, v: Viewer, f: LogFilter, limit = 200, offset = 0): Promise<LogRow[]> {
  return rows<LogRow>(
    tx,
    sql`select vh.id, vh.party_id as "partyId", p.name as "personName", vh.worked_on::text as date, vh.fiscal_year as "fiscalYear",
               vh.minutes, vh.note, vh.status, vh.return_reason as "returnReason", vh.reviewed_by_name as "reviewedBy",
               vh.reviewed_at as "reviewedAt", vh.created_at as "createdAt", ${totalOver} as total,
               ${canReviewSql(v)} as "canReview",
               json_build_object('id', a.id, 'name', a.name, 'planId', pl.id, 'planName', pl.name, 'fiscalYear', pl.fiscal_year) as activity,
               case when tk.id is null then null else json_build_object('id', tk.id, 'title', tk.title) end as task
        from volunteer_hours vh
        join parties p on p.tenant_id = vh.tenant_id and p.id = vh.party_id
        join plan_activities a on a.tenant_id = vh.tenant_id and a.id = vh.activity_id
        join plans pl on pl.tenant_id = a.tenant_id and pl.id = a.plan_id
        left join tasks tk on tk.tenant_id = vh.tenant_id and tk.id = vh.task_id
        where vh.tenant_id = ${tenantId} and ${logWhere(tenantId, v, f)}
        order by vh.worked_on desc, vh.created_at desc, vh.id
        limit ${limit} offset ${offset}`,
  );
}

/** The activity of a task (undefined for an unknown task). */
export async function taskActivityId(tx: Tx, tenantId: string, taskId: string): Promise<string | undefined> {
  const [t] = await rows<{ activityId: string }>(tx, sql`select activity_id as "activityId" from tasks where tenant_id = ${tenantId} and id = ${taskId}`);
  return t?.activityId;
}

/**
 * Minutes the person already logged on the day (returned logs do not count), after taking an advisory lock on
 * (tenant, person, day): two simultaneous logs wait for each other instead of both passing the check.
 */
export async function lockedDayMinutes(tx: Tx, tenantId: string, partyId: string, date: string, exceptId: string | null): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`hours:${tenantId}:${partyId}:${date}`}))`);
  const [{ used }] = await rows<{ used: number }>(
    tx,
    sql`select coalesce(sum(minutes), 0)::int as used from volunteer_hours
        where tenant_id = ${tenantId} and party_id = ${partyId} and worked_on = ${date} and status <> 'returned'
          and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`,
  );
  return used;
}

export type LogValues = typeof volunteerHours.$inferInsert;

export async function insertLog(tx: Tx, values: LogValues): Promise<string> {
  const [row] = await tx.insert(volunteerHours).values(values).returning({ id: volunteerHours.id });
  return row.id;
}

export async function updateLog(tx: Tx, tenantId: string, id: string, set: Partial<LogValues>): Promise<void> {
  await tx
    .update(volunteerHours)
    .set(set)
    .where(and(eq(volunteerHours.tenantId, tenantId), eq(volunteerHours.id, id)));
}

export async function deleteLog(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(volunteerHours).where(and(eq(volunteerHours.tenantId, tenantId), eq(volunteerHours.id, id)));
}

// ---- reports: sums of confirmed logs ----

export type TotalsRow = { key: string; label: string; minutes: number; logs: number; people: number };

/** Confirmed minutes, logs and people per person, network, team or fiscal year (most minutes first), and the overall minutes. */
export async function confirmedTotals(
  tx: Tx,
  tenantId: string,
  f: { by: (typeof TOTAL_GROUPS)[number]; personId?: string; fiscalYear?: number; limit: number },
): Promise<{ items: TotalsRow[]; minutes: number }> {
  const filters: SQL[] = [sql`vh.tenant_id = ${tenantId}`, sql`vh.status = 'confirmed'`];
  if (f.personId) filters.push(sql`vh.party_id = ${f.personId}`);
  if (f.fiscalYear) filters.push(sql`vh.fiscal_year = ${f.fiscalYear}`);
  const where = sql.join(filters, sql` and `);
  const agg = sql`sum(vh.minutes)::int as minutes, count(*)::int as logs, count(distinct vh.party_id)::int as people`;
  let items: TotalsRow[];
  if (f.by === 'person')
    items = await rows<TotalsRow>(
      tx,
      sql`select p.id as key, p.name as label, ${agg} from volunteer_hours vh join parties p on p.tenant_id = vh.tenant_id and p.id = vh.party_id
          where ${where} group by p.id, p.name order by minutes desc, ${thaiOrder(sql`p.name`)} limit ${f.limit}`,
    );
  else if (f.by === 'network')
    items = await rows<TotalsRow>(
      tx,
      sql`select n.id as key, n.name as label, ${agg} from volunteer_hours vh
          join plan_activities a on a.tenant_id = vh.tenant_id and a.id = vh.activity_id
          join plan_networks pn on pn.tenant_id = a.tenant_id and pn.plan_id = a.plan_id
          join networks n on n.tenant_id = pn.tenant_id and n.id = pn.network_id
          where ${where} group by n.id, n.name order by minutes desc, ${thaiOrder(sql`n.name`)} limit ${f.limit}`,
    );
  else if (f.by === 'team')
    items = await rows<TotalsRow>(
      tx,
      sql`select t.id as key, t.name as label, ${agg} from teams t join volunteer_hours vh on vh.tenant_id = t.tenant_id and (
            exists (select 1 from tasks tk where tk.tenant_id = vh.tenant_id and tk.id = vh.task_id and tk.team_id = t.id)
            or (exists (select 1 from team_activities ta where ta.tenant_id = vh.tenant_id and ta.team_id = t.id and ta.activity_id = vh.activity_id)
                and exists (select 1 from team_members tm where tm.tenant_id = vh.tenant_id and tm.team_id = t.id and tm.party_id = vh.party_id)))
          where t.tenant_id = ${tenantId} and ${where} group by t.id, t.name order by minutes desc, ${thaiOrder(sql`t.name`)} limit ${f.limit}`,
    );
  else
    items = await rows<TotalsRow>(
      tx,
      sql`select vh.fiscal_year::text as key, vh.fiscal_year::text as label, ${agg} from volunteer_hours vh
          where ${where} group by vh.fiscal_year order by vh.fiscal_year desc limit ${f.limit}`,
    );
  const [{ minutes }] = await rows<{ minutes: number }>(tx, sql`select coalesce(sum(vh.minutes), 0)::int as minutes from volunteer_hours vh where ${where}`);
  return { items, minutes };
}

export async function partyNameKind(tx: Tx, tenantId: string, id: string) {
  const [person] = await rows<{ id: string; name: string; kind: string }>(
    tx,
    sql`select id, name, kind from parties where tenant_id = ${tenantId} and id = ${id}`,
  );
  return person;
}

export type ActivityMinutes = { id: string; name: string; minutes: number; first: string; last: string };

/** A person's confirmed minutes per activity in a fiscal year, with the first and last day worked (most minutes first). */
export function confirmedByActivity(tx: Tx, tenantId: string, partyId: string, fiscalYear: number) {
  return rows<ActivityMinutes>(
    tx,
    sql`select a.id, a.name, sum(vh.minutes)::int as minutes, min(vh.worked_on)::text as first, max(vh.worked_on)::text as last
        from volunteer_hours vh join plan_activities a on a.tenant_id = vh.tenant_id and a.id = vh.activity_id
        where vh.tenant_id = ${tenantId} and vh.party_id = ${partyId} and vh.fiscal_year = ${fiscalYear} and vh.status = 'confirmed'
        group by a.id, a.name order by minutes desc, ${thaiOrder(sql`a.name`)}`,
  );
}

/** People who agreed to the public list, with their confirmed minutes in the year (most first, at most 500). */
export function publicListRows(tx: Tx, tenantId: string, fiscalYear: number) {
  return rows<{ name: string; minutes: number }>(
    tx,
    sql`select p.name, sum(vh.minutes)::int as minutes
        from volunteer_hours vh
        join parties p on p.tenant_id = vh.tenant_id and p.id = vh.party_id
        join person_profiles pp on pp.tenant_id = vh.tenant_id and pp.party_id = vh.party_id
        where vh.tenant_id = ${tenantId} and vh.fiscal_year = ${fiscalYear} and vh.status = 'confirmed'
          and pp.public_list_consent and p.kind = 'person'
        group by p.id, p.name
        order by minutes desc, ${thaiOrder(sql`p.name`)}
        limit 500`,
  );
}
