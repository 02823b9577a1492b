import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import {
  hoursOf,
  type Certificate,
  type HourLog,
  type HourStatus,
  type PublicList,
  type Totals,
  type hoursInput,
  type hoursListQuery,
  type hoursPatch,
  type totalsQuery,
} from '../../../common/schemas/manpower';
import { fiscalYearOf } from '../../../common/thai/dates';
import { volunteerHours } from '../../db/schema';
import { tenantRefs } from '../tenants/tenants.repository';
import { audit } from '../../platform/audit';
import { type TenantContext, type TenantRef, actorUserId } from '../../platform/context';
import { withTenant, type Db, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { fiscalYears } from '../years/years.service';
import { teamHoursFilter } from './teams.service';
import { activityInNetworks, actorPartyId, assertPeople, isEditor, isOfficer, reviewableNetworks, type ActivityRef } from './shared';

const DAY_MINUTES = 24 * 60;

export { todayInThailand } from '../../platform/today';
import { todayInThailand } from '../../platform/today';
import { likePattern, isoTime, rows } from '../../platform/sql';

type LogRow = {
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

export const presentLog = (r: LogRow): HourLog => ({
  id: r.id,
  person: { id: r.partyId, name: r.personName },
  activity: r.activity,
  task: r.task,
  date: r.date,
  fiscalYear: r.fiscalYear,
  minutes: r.minutes,
  hours: hoursOf(r.minutes),
  note: r.note,
  status: r.status as HourStatus,
  returnReason: r.returnReason,
  reviewedBy: r.reviewedBy,
  reviewedAt: r.reviewedAt ? isoTime(r.reviewedAt) : null,
  canReview: r.canReview,
  createdAt: isoTime(r.createdAt),
});

interface Viewer {
  partyId: string | null;
  networks: 'all' | string[];
}

async function viewerOf(tx: Tx, ctx: TenantContext): Promise<Viewer> {
  return { partyId: await actorPartyId(tx, ctx), networks: await reviewableNetworks(tx, ctx) };
}

/** The SQL test "the caller may confirm or return this log" (alias `vh`): a reviewer of its network, not their own hours. */
function canReviewSql(v: Viewer): SQL {
  const notOwn = v.partyId ? sql`vh.party_id <> ${v.partyId}::uuid` : sql`true`;
  return sql`(${activityInNetworks(sql`vh.activity_id`, v.networks)} and ${notOwn})`;
}

export async function selectLogs(tx: Tx, tenantId: string, v: Viewer, where: SQL, limit = 200, offset = 0): Promise<LogRow[]> {
  return rows<LogRow>(
    tx,
    sql`select vh.id, vh.party_id as "partyId", p.name as "personName", vh.worked_on::text as date, vh.fiscal_year as "fiscalYear",
               vh.minutes, vh.note, vh.status, vh.return_reason as "returnReason", vh.reviewed_by_name as "reviewedBy",
               vh.reviewed_at as "reviewedAt", vh.created_at as "createdAt", (count(*) over ())::int as total,
               ${canReviewSql(v)} as "canReview",
               json_build_object('id', a.id, 'name', a.name, 'planId', pl.id, 'planName', pl.name, 'fiscalYear', pl.fiscal_year) as activity,
               case when tk.id is null then null else json_build_object('id', tk.id, 'title', tk.title) end as task
        from volunteer_hours vh
        join parties p on p.tenant_id = vh.tenant_id and p.id = vh.party_id
        join plan_activities a on a.tenant_id = vh.tenant_id and a.id = vh.activity_id
        join plans pl on pl.tenant_id = a.tenant_id and pl.id = a.plan_id
        left join tasks tk on tk.tenant_id = vh.tenant_id and tk.id = vh.task_id
        where vh.tenant_id = ${tenantId} and ${where}
        order by vh.worked_on desc, vh.created_at desc, vh.id
        limit ${limit} offset ${offset}`,
  );
}

const networkFilter = (networkId: string) =>
  sql`exists (select 1 from plan_activities na join plan_networks nn on nn.tenant_id = na.tenant_id and nn.plan_id = na.plan_id
              where na.tenant_id = vh.tenant_id and na.id = vh.activity_id and nn.network_id = ${networkId})`;

export async function listHours(ctx: TenantContext, q: z.output<typeof hoursListQuery>): Promise<ListResult<HourLog>> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const v = await viewerOf(tx, ctx);
    const filters: SQL[] = [sql`true`];
    // members see their own hours only
    if (!isEditor(ctx)) filters.push(v.partyId ? sql`vh.party_id = ${v.partyId}` : sql`false`);
    if (q.personId) filters.push(sql`vh.party_id = ${q.personId}`);
    if (q.status) filters.push(sql`vh.status = ${q.status}`);
    if (q.fiscalYear) filters.push(sql`vh.fiscal_year = ${q.fiscalYear}`);
    if (q.activityId) filters.push(sql`vh.activity_id = ${q.activityId}`);
    if (q.taskId) filters.push(sql`vh.task_id = ${q.taskId}`);
    if (q.networkId) filters.push(networkFilter(q.networkId));
    if (q.teamId) filters.push(teamHoursFilter(ctx.tenant.id, q.teamId));
    if (q.q) filters.push(sql`(p.name ilike ${likePattern(q.q)} or a.name ilike ${likePattern(q.q)})`);
    if (q.reviewable) filters.push(canReviewSql(v));
    const found = await selectLogs(tx, ctx.tenant.id, v, sql.join(filters, sql` and `), q.pageSize, (q.page - 1) * q.pageSize);
    return { items: found.map(presentLog), total: found[0]?.total ?? 0, page: q.page, pageSize: q.pageSize };
  });
}

async function loadLog(tx: Tx, ctx: TenantContext, v: Viewer, id: string): Promise<HourLog> {
  const [row] = await selectLogs(tx, ctx.tenant.id, v, sql`vh.id = ${id}`, 1);
  if (!row) throw new AppError('not_found');
  if (!isEditor(ctx) && row.partyId !== v.partyId) throw new AppError('not_found');
  return presentLog(row);
}

export function getHours(ctx: TenantContext, id: string) {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => loadLog(tx, ctx, await viewerOf(tx, ctx), id));
}

/** Which activity (and task) the hours are for; both must be this tenant's. */
async function resolveTarget(tx: Tx, tenantId: string, activityId: string | undefined, taskId: string | undefined) {
  if (!activityId && !taskId) throw new AppError('validation_failed', { activityId: 'activity_or_task' });
  if (taskId) {
    const [t] = await rows<{ activityId: string }>(tx, sql`select activity_id as "activityId" from tasks where tenant_id = ${tenantId} and id = ${taskId}`);
    if (!t) throw new AppError('validation_failed', { taskId: 'unknown_task' });
    if (activityId && activityId !== t.activityId) throw new AppError('validation_failed', { taskId: 'task_not_in_activity' });
    return { activityId: t.activityId, taskId };
  }
  const [a] = await rows<{ id: string }>(tx, sql`select id from plan_activities where tenant_id = ${tenantId} and id = ${activityId!}`);
  if (!a) throw new AppError('validation_failed', { activityId: 'unknown_activity' });
  return { activityId: a.id, taskId: null };
}

/**
 * One person's hours on one day stay within 24 h across all their logs (returned logs do not
 * count: they are not hours until corrected). An advisory lock on (tenant, person, day) makes
 * two simultaneous logs wait for each other instead of both passing the check.
 */
export async function assertDayWithin24h(tx: Tx, tenantId: string, partyId: string, date: string, minutes: number, exceptId: string | null) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`hours:${tenantId}:${partyId}:${date}`}))`);
  const [{ used }] = await rows<{ used: number }>(
    tx,
    sql`select coalesce(sum(minutes), 0)::int as used from volunteer_hours
        where tenant_id = ${tenantId} and party_id = ${partyId} and worked_on = ${date} and status <> 'returned'
          and (${exceptId}::uuid is null or id <> ${exceptId}::uuid)`,
  );
  if (used + minutes > DAY_MINUTES) throw new AppError('validation_failed', { hours: 'day_over_24h' });
}

function assertDate(date: string) {
  if (date > todayInThailand()) throw new AppError('validation_failed', { date: 'date_in_future' });
}

const toMinutes = (hours: number) => Math.round(hours * 60);

const auditView = (l: HourLog) => ({
  personId: l.person.id,
  activityId: l.activity.id,
  taskId: l.task?.id ?? null,
  date: l.date,
  minutes: l.minutes,
  note: l.note,
  status: l.status,
  returnReason: l.returnReason,
});

export function createHours(ctx: TenantContext, input: z.output<typeof hoursInput>): Promise<HourLog> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const v = await viewerOf(tx, ctx);
    let partyId = input.personId ?? v.partyId;
    if (!isEditor(ctx)) {
      // a member logs their own hours only
      if (!v.partyId) throw new AppError('validation_failed', { personId: 'no_linked_person' });
      if (input.personId && input.personId !== v.partyId) throw new AppError('forbidden');
      partyId = v.partyId;
    }
    if (!partyId) throw new AppError('validation_failed', { personId: 'required' });
    if (!(await assertPeople(tx, tenantId, [partyId])).has(partyId)) throw new AppError('validation_failed', { personId: 'unknown_person' });
    assertDate(input.date);
    const target = await resolveTarget(tx, tenantId, input.activityId, input.taskId);
    const minutes = toMinutes(input.hours);
    await assertDayWithin24h(tx, tenantId, partyId, input.date, minutes, null);
    const [row] = await tx
      .insert(volunteerHours)
      .values({
        tenantId,
        partyId,
        activityId: target.activityId,
        taskId: target.taskId,
        workedOn: input.date,
        fiscalYear: fiscalYearOf(input.date),
        minutes,
        note: input.note ?? null,
        loggedByUserId: actorUserId(ctx),
      })
      .returning({ id: volunteerHours.id });
    const log = await loadLog(tx, ctx, v, row.id);
    await audit(tx, ctx, { entity: 'volunteer_hours', entityId: row.id, entityLabel: log.person.name, action: 'create', after: auditView(log) });
    return log;
  });
}

/** The person themselves, or an editor, may change or withdraw hours until they are confirmed. */
function assertMayChange(ctx: TenantContext, v: Viewer, log: HourLog) {
  if (log.status === 'confirmed' && !isOfficer(ctx)) throw new AppError('conflict', { status: 'already_confirmed' });
  if (!isEditor(ctx) && log.person.id !== v.partyId) throw new AppError('forbidden');
}

export function updateHours(ctx: TenantContext, id: string, input: z.output<typeof hoursPatch>): Promise<HourLog> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const v = await viewerOf(tx, ctx);
    const before = await loadLog(tx, ctx, v, id);
    assertMayChange(ctx, v, before);
    const date = input.date ?? before.date;
    assertDate(date);
    const target =
      input.activityId !== undefined || input.taskId !== undefined
        ? await resolveTarget(tx, tenantId, input.activityId ?? (input.taskId ? undefined : before.activity.id), input.taskId)
        : { activityId: before.activity.id, taskId: before.task?.id ?? null };
    const minutes = input.hours !== undefined ? toMinutes(input.hours) : before.minutes;
    await assertDayWithin24h(tx, tenantId, before.person.id, date, minutes, id);
    // a changed log goes back to the coordinator
    await tx
      .update(volunteerHours)
      .set({
        activityId: target.activityId,
        taskId: target.taskId,
        workedOn: date,
        fiscalYear: fiscalYearOf(date),
        minutes,
        note: input.note !== undefined ? input.note : before.note,
        status: 'pending',
        returnReason: null,
        reviewedByUserId: null,
        reviewedByName: null,
        reviewedAt: null,
        updatedAt: new Date(),
      })
      .where(and(eq(volunteerHours.tenantId, tenantId), eq(volunteerHours.id, id)));
    const after = await loadLog(tx, ctx, v, id);
    await audit(tx, ctx, {
      entity: 'volunteer_hours',
      entityId: id,
      entityLabel: after.person.name,
      action: 'update',
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

export function deleteHours(ctx: TenantContext, id: string): Promise<void> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const v = await viewerOf(tx, ctx);
    const before = await loadLog(tx, ctx, v, id);
    assertMayChange(ctx, v, before);
    await tx.delete(volunteerHours).where(and(eq(volunteerHours.tenantId, ctx.tenant.id), eq(volunteerHours.id, id)));
    await audit(tx, ctx, { entity: 'volunteer_hours', entityId: id, entityLabel: before.person.name, action: 'delete', before: auditView(before) });
  });
}

/** Confirm, or return with a reason: only a coordinator of the activity's network (or an admin/officer), never one's own hours. */
export function reviewHours(ctx: TenantContext, id: string, decision: { status: 'confirmed' } | { status: 'returned'; reason: string }): Promise<HourLog> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const v = await viewerOf(tx, ctx);
    const before = await loadLog(tx, ctx, v, id);
    if (!before.canReview) throw new AppError('forbidden');
    if (before.status !== 'pending') throw new AppError('conflict', { status: 'not_pending' });
    await tx
      .update(volunteerHours)
      .set({
        status: decision.status,
        returnReason: decision.status === 'returned' ? decision.reason : null,
        reviewedByUserId: actorUserId(ctx),
        reviewedByName: ctx.actor.user.name,
        reviewedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(and(eq(volunteerHours.tenantId, ctx.tenant.id), eq(volunteerHours.id, id)));
    const after = await loadLog(tx, ctx, v, id);
    await audit(tx, ctx, {
      entity: 'volunteer_hours',
      entityId: id,
      entityLabel: after.person.name,
      action: decision.status === 'confirmed' ? 'approve' : 'return',
      before: auditView(before),
      after: auditView(after),
    });
    return after;
  });
}

// ---------------------------------------------------------------- totals and recognition

/** Totals are sums of confirmed logs, grouped in the database (whole minutes: exact). */
export function totals(ctx: TenantContext, q: z.output<typeof totalsQuery>): Promise<Totals> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    const filters: SQL[] = [sql`vh.tenant_id = ${tenantId}`, sql`vh.status = 'confirmed'`];
    let personId = q.personId;
    if (!isEditor(ctx)) {
      const own = await actorPartyId(tx, ctx);
      if (!own || (personId && personId !== own)) throw new AppError('forbidden');
      personId = own;
    }
    if (personId) filters.push(sql`vh.party_id = ${personId}`);
    if (q.fiscalYear) filters.push(sql`vh.fiscal_year = ${q.fiscalYear}`);
    const where = sql.join(filters, sql` and `);
    type Row = { key: string; label: string; minutes: number; logs: number; people: number };
    const agg = sql`sum(vh.minutes)::int as minutes, count(*)::int as logs, count(distinct vh.party_id)::int as people`;
    let found: Row[];
    if (q.by === 'person')
      found = await rows<Row>(
        tx,
        sql`select p.id as key, p.name as label, ${agg} from volunteer_hours vh join parties p on p.tenant_id = vh.tenant_id and p.id = vh.party_id
            where ${where} group by p.id, p.name order by minutes desc, p.name collate "und-x-icu" limit ${q.limit}`,
      );
    else if (q.by === 'network')
      found = await rows<Row>(
        tx,
        sql`select n.id as key, n.name as label, ${agg} from volunteer_hours vh
            join plan_activities a on a.tenant_id = vh.tenant_id and a.id = vh.activity_id
            join plan_networks pn on pn.tenant_id = a.tenant_id and pn.plan_id = a.plan_id
            join networks n on n.tenant_id = pn.tenant_id and n.id = pn.network_id
            where ${where} group by n.id, n.name order by minutes desc, n.name collate "und-x-icu" limit ${q.limit}`,
      );
    else if (q.by === 'team')
      found = await rows<Row>(
        tx,
        sql`select t.id as key, t.name as label, ${agg} from teams t join volunteer_hours vh on vh.tenant_id = t.tenant_id and (
              exists (select 1 from tasks tk where tk.tenant_id = vh.tenant_id and tk.id = vh.task_id and tk.team_id = t.id)
              or (exists (select 1 from team_activities ta where ta.tenant_id = vh.tenant_id and ta.team_id = t.id and ta.activity_id = vh.activity_id)
                  and exists (select 1 from team_members tm where tm.tenant_id = vh.tenant_id and tm.team_id = t.id and tm.party_id = vh.party_id)))
            where t.tenant_id = ${tenantId} and ${where} group by t.id, t.name order by minutes desc, t.name collate "und-x-icu" limit ${q.limit}`,
      );
    else
      found = await rows<Row>(
        tx,
        sql`select vh.fiscal_year::text as key, vh.fiscal_year::text as label, ${agg} from volunteer_hours vh
            where ${where} group by vh.fiscal_year order by vh.fiscal_year desc limit ${q.limit}`,
      );
    const [{ minutes }] = await rows<{ minutes: number }>(tx, sql`select coalesce(sum(vh.minutes), 0)::int as minutes from volunteer_hours vh where ${where}`);
    return {
      by: q.by,
      fiscalYear: q.fiscalYear ?? null,
      items: found.map((r) => ({ ...r, hours: hoursOf(r.minutes) })),
      minutes,
    };
  });
}

export function certificate(ctx: TenantContext, personId: string, fiscalYear: number): Promise<Certificate> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tenantId = ctx.tenant.id;
    if (!isEditor(ctx) && (await actorPartyId(tx, ctx)) !== personId) throw new AppError('forbidden');
    const [person] = await rows<{ id: string; name: string; kind: string }>(
      tx,
      sql`select id, name, kind from parties where tenant_id = ${tenantId} and id = ${personId}`,
    );
    if (!person || person.kind !== 'person') throw new AppError('not_found');
    const acts = await rows<{ id: string; name: string; minutes: number; first: string; last: string }>(
      tx,
      sql`select a.id, a.name, sum(vh.minutes)::int as minutes, min(vh.worked_on)::text as first, max(vh.worked_on)::text as last
          from volunteer_hours vh join plan_activities a on a.tenant_id = vh.tenant_id and a.id = vh.activity_id
          where vh.tenant_id = ${tenantId} and vh.party_id = ${personId} and vh.fiscal_year = ${fiscalYear} and vh.status = 'confirmed'
          group by a.id, a.name order by minutes desc, a.name collate "und-x-icu"`,
    );
    const [t] = await tenantRefs(tx, { id: tenantId });
    const minutes = acts.reduce((s, a) => s + a.minutes, 0);
    return {
      person: { id: person.id, name: person.name },
      tenant: t,
      fiscalYear,
      minutes,
      hours: hoursOf(minutes),
      activities: acts.map((a) => ({ id: a.id, name: a.name, minutes: a.minutes, hours: hoursOf(a.minutes) })),
      firstDate: acts.length ? acts.map((a) => a.first).sort()[0] : null,
      lastDate: acts.length
        ? acts
            .map((a) => a.last)
            .sort()
            .at(-1)!
        : null,
      issuedOn: todayInThailand(),
    };
  });
}

/**
 * The yearly public-mindedness list (public, no login): only people who agreed to be listed, with
 * their name and confirmed hours, nothing else.
 */
export async function publicList(db: Db, tenant: TenantRef, fiscalYear: number | undefined): Promise<PublicList> {
  const year = fiscalYear ?? (await fiscalYears(db, tenant.id)).default;
  return withTenant(db, tenant.id, async (tx) => {
    const found = await rows<{ name: string; minutes: number }>(
      tx,
      sql`select p.name, sum(vh.minutes)::int as minutes
          from volunteer_hours vh
          join parties p on p.tenant_id = vh.tenant_id and p.id = vh.party_id
          join person_profiles pp on pp.tenant_id = vh.tenant_id and pp.party_id = vh.party_id
          where vh.tenant_id = ${tenant.id} and vh.fiscal_year = ${year} and vh.status = 'confirmed'
            and pp.public_list_consent and p.kind = 'person'
          group by p.id, p.name
          order by minutes desc, p.name collate "und-x-icu"
          limit 500`,
    );
    return {
      tenant: { nameTh: tenant.nameTh, nameEn: tenant.nameEn },
      fiscalYear: year,
      items: found.map((r, i) => ({ rank: i + 1, name: r.name, minutes: r.minutes, hours: hoursOf(r.minutes) })),
    };
  });
}
