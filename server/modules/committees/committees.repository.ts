import { and, eq, sql, type SQL } from 'drizzle-orm';
import { resolutionActionItems, resolutions } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { type PartySummaryRow } from '../manpower/shared';
import { rows } from '../../platform/sql';

export interface CommitteeRow {
  id: string;
  name: string;
  kind: string;
  purpose: string | null;
  orderNumber: string | null;
  orderDate: string | null;
  quorumPercent: number | null;
  networks: { id: string; name: string }[];
  membersInOffice: number;
  meetingCount: number;
  lastMeetingDate: string | null;
  total: number;
}

/** Committees with their networks and counts, filtered by `where` (alias c). */
export function committeeRows(tx: Tx, tenantId: string, today: string, where: SQL, limit = 200, offset = 0) {
  return rows<CommitteeRow>(
    tx,
    sql`select c.id, c.name, c.kind, c.purpose, c.order_number as "orderNumber", c.order_date::text as "orderDate", c.quorum_percent as "quorumPercent",
               coalesce((select json_agg(json_build_object('id', n.id, 'name', n.name) order by n.name collate "und-x-icu")
                         from committee_networks cn join networks n on n.tenant_id = cn.tenant_id and n.id = cn.network_id
                         where cn.tenant_id = c.tenant_id and cn.committee_id = c.id), '[]') as networks,
               (select count(*)::int from committee_members cm where cm.tenant_id = c.tenant_id and cm.committee_id = c.id
                  and cm.start_date <= ${today}::date and (cm.end_date is null or cm.end_date >= ${today}::date)) as "membersInOffice",
               (select count(*)::int from meetings m where m.tenant_id = c.tenant_id and m.committee_id = c.id) as "meetingCount",
               (select max(m.meeting_date)::text from meetings m where m.tenant_id = c.tenant_id and m.committee_id = c.id) as "lastMeetingDate",
               (count(*) over ())::int as total
        from committees c
        where c.tenant_id = ${tenantId} and ${where}
        order by c.kind, c.name collate "und-x-icu", c.id
        limit ${limit} offset ${offset}`,
  );
}

export interface MemberRow {
  id: string;
  committeeId: string;
  party: PartySummaryRow;
  position: string;
  startDate: string;
  endDate: string | null;
  orderNumber: string | null;
  orderDate: string | null;
}

const POSITION_ORDER = sql`array_position(array['chair','vice_chair','member','member_secretary','assistant_secretary'], cm.position)`;

/** Terms of the committee's members, chair first (Thai order of a committee list: the secretaries last). */
export function memberRows(tx: Tx, tenantId: string, where: SQL) {
  return rows<MemberRow>(
    tx,
    sql`select cm.id, cm.committee_id as "committeeId", cm.position, cm.start_date::text as "startDate", cm.end_date::text as "endDate",
               cm.order_number as "orderNumber", cm.order_date::text as "orderDate",
               json_build_object('id', p.id, 'kind', p.kind, 'name', p.name, 'sector', p.sector, 'pillar', p.pillar, 'orgType', p.org_type, 'position', p.position) as party
        from committee_members cm join parties p on p.tenant_id = cm.tenant_id and p.id = cm.party_id
        where cm.tenant_id = ${tenantId} and ${where}
        order by ${POSITION_ORDER}, cm.start_date desc, p.name collate "und-x-icu", cm.id`,
  );
}

export interface MeetingRow {
  id: string;
  committeeId: string;
  committeeName: string;
  quorumPercent: number | null;
  number: number;
  yearBE: number;
  meetingDate: string;
  startTime: string;
  endTime: string | null;
  place: string;
  note: string | null;
  minutesStatus: 'none' | 'draft' | 'certified';
  minutesRecorder: string | null;
  minutesChecker: string | null;
  certifiedByMeetingId: string | null;
  certificationCorrections: string | null;
  resolutionCount: number;
  total: number;
}

/**
 * Meetings with their number (ครั้งที่ N/ปี): the rank among the committee's meetings of the same
 * Buddhist-era year by date and start time. Computed on every read, so moving or deleting a meeting
 * can never leave two meetings with one number. `where` uses alias n.
 */
export function meetingRows(
  tx: Tx,
  tenantId: string,
  where: SQL,
  opts: { committeeIds?: string[]; limit?: number; offset?: number; order?: 'asc' | 'desc' } = {},
) {
  const scope = opts.committeeIds?.length
    ? sql`and m.committee_id in (${sql.join(
        opts.committeeIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`
    : sql``;
  const dir = opts.order === 'asc' ? sql`asc` : sql`desc`;
  return rows<MeetingRow>(
    tx,
    sql`with numbered as (
          select m.*, (extract(year from m.meeting_date)::int + 543) as year_be,
                 row_number() over (partition by m.committee_id, extract(year from m.meeting_date)
                                    order by m.meeting_date, m.start_time, m.created_at, m.id)::int as number
          from meetings m where m.tenant_id = ${tenantId} ${scope})
        select n.id, n.committee_id as "committeeId", c.name as "committeeName", c.quorum_percent as "quorumPercent",
               n.number, n.year_be as "yearBE", n.meeting_date::text as "meetingDate", n.start_time as "startTime", n.end_time as "endTime",
               n.place, n.note, n.minutes_status as "minutesStatus", n.minutes_recorder as "minutesRecorder", n.minutes_checker as "minutesChecker",
               n.certified_by_meeting_id as "certifiedByMeetingId", n.certification_corrections as "certificationCorrections",
               (select count(*)::int from resolutions r where r.tenant_id = ${tenantId} and r.meeting_id = n.id) as "resolutionCount",
               (count(*) over ())::int as total
        from numbered n join committees c on c.tenant_id = n.tenant_id and c.id = n.committee_id
        -- the tenant named on every table, not only inside the CTE: Citus then sends the query to one shard
        where c.tenant_id = ${tenantId} and ${where}
        order by n.meeting_date ${dir}, n.start_time ${dir}, n.id
        limit ${opts.limit ?? 500} offset ${opts.offset ?? 0}`,
  );
}

export interface ResolutionRow {
  id: string;
  meetingId: string;
  agendaItemId: string | null;
  text: string;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
  action: 'none' | 'adopt_plan' | 'approve_budget_line' | 'adopt_regulation_version' | 'revoke';
  planId: string | null;
  budgetLineId: string | null;
  revokesResolutionId: string | null;
  regulationVersionId: string | null;
  targetName: string | null;
  revokedById: string | null;
  number: number;
}

/** All resolutions of the meetings, with their number in the meeting, their target's name and the resolution that revoked them. */
export function resolutionRows(tx: Tx, tenantId: string, meetingIds: string[]) {
  if (!meetingIds.length) return Promise.resolve([] as ResolutionRow[]);
  return rows<ResolutionRow>(
    tx,
    sql`select r.id, r.meeting_id as "meetingId", r.agenda_item_id as "agendaItemId", r.text, r.votes_for as "votesFor",
               r.votes_against as "votesAgainst", r.votes_abstain as "votesAbstain", r.action, r.plan_id as "planId",
               r.budget_line_id as "budgetLineId", r.revokes_resolution_id as "revokesResolutionId",
               r.regulation_version_id as "regulationVersionId",
               coalesce(p.name, bl.name, rgv.title || ' (ฉบับที่ ' || rgv.number || ')', left(rr.text, 200)) as "targetName",
               rv.id as "revokedById",
               (row_number() over (partition by r.meeting_id order by r.created_at, r.id))::int as number
        from resolutions r
        left join plans p on p.tenant_id = r.tenant_id and p.id = r.plan_id
        left join budget_lines bl on bl.tenant_id = r.tenant_id and bl.id = r.budget_line_id
        left join regulation_versions rgv on rgv.tenant_id = r.tenant_id and rgv.id = r.regulation_version_id
        left join resolutions rr on rr.tenant_id = r.tenant_id and rr.id = r.revokes_resolution_id
        left join resolutions rv on rv.tenant_id = r.tenant_id and rv.revokes_resolution_id = r.id
        where r.tenant_id = ${tenantId} and r.meeting_id in (${sql.join(
          meetingIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        order by r.meeting_id, r.created_at, r.id`,
  );
}

export interface ActionItemRow {
  id: string;
  resolutionId: string;
  title: string;
  owner: PartySummaryRow;
  dueDate: string;
  taskId: string | null;
  taskStatus: string | null;
}

export function actionItemRows(tx: Tx, tenantId: string, resolutionIds: string[]) {
  if (!resolutionIds.length) return Promise.resolve([] as ActionItemRow[]);
  return rows<ActionItemRow>(
    tx,
    sql`select ai.id, ai.resolution_id as "resolutionId", ai.title, ai.due_date::text as "dueDate", ai.task_id as "taskId", tk.status as "taskStatus",
               json_build_object('id', p.id, 'kind', p.kind, 'name', p.name, 'sector', p.sector, 'pillar', p.pillar, 'orgType', p.org_type, 'position', p.position) as owner
        from resolution_action_items ai
        join parties p on p.tenant_id = ai.tenant_id and p.id = ai.owner_party_id
        left join tasks tk on tk.tenant_id = ai.tenant_id and tk.id = ai.task_id
        where ai.tenant_id = ${tenantId} and ai.resolution_id in (${sql.join(
          resolutionIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        order by ai.due_date, ai.created_at, ai.id`,
  );
}

// Resolutions (resolutions.service.ts)

export type ResolutionTableRow = typeof resolutions.$inferSelect;

/** The meetings these resolutions were taken in. */
export async function meetingIdsOfResolutions(tx: Tx, tenantId: string, ids: string[]): Promise<string[]> {
  const found = await rows<{ m: string }>(
    tx,
    sql`select distinct meeting_id as m from resolutions where tenant_id = ${tenantId} and id in (${sql.join(
      ids.map((x) => sql`${x}::uuid`),
      sql`, `,
    )})`,
  );
  return found.map((r) => r.m);
}

export async function agendaItemExists(tx: Tx, tenantId: string, meetingId: string, id: string): Promise<boolean> {
  const [item] = await rows(tx, sql`select 1 from meeting_agenda_items where tenant_id = ${tenantId} and meeting_id = ${meetingId} and id = ${id}`);
  return !!item;
}

/** One resolution, locked for update when `lock` (a revocation reads the act it undoes). */
export async function getResolution(tx: Tx, tenantId: string, id: string, lock = false): Promise<ResolutionTableRow | null> {
  const q = tx
    .select()
    .from(resolutions)
    .where(and(eq(resolutions.tenantId, tenantId), eq(resolutions.id, id)));
  const [r] = lock ? await q.for('update') : await q;
  return r ?? null;
}

export async function insertResolution(tx: Tx, values: typeof resolutions.$inferInsert): Promise<string> {
  const [row] = await tx.insert(resolutions).values(values).returning({ id: resolutions.id });
  return row.id;
}

export async function deleteResolution(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(resolutions).where(and(eq(resolutions.tenantId, tenantId), eq(resolutions.id, id)));
}

export async function insertActionItem(tx: Tx, values: typeof resolutionActionItems.$inferInsert): Promise<string> {
  const [item] = await tx.insert(resolutionActionItems).values(values).returning({ id: resolutionActionItems.id });
  return item.id;
}

/** Every resolution that acted on the plan or budget line, and every one that revoked such an act. */
export async function actingResolutionIds(tx: Tx, tenantId: string, target: { planId?: string; budgetLineId?: string }): Promise<string[]> {
  const on = target.planId ? sql`r.plan_id = ${target.planId}` : sql`r.budget_line_id = ${target.budgetLineId!}`;
  const acting = await rows<{ id: string }>(
    tx,
    sql`select r.id from resolutions r where r.tenant_id = ${tenantId} and ${on}
          union select rv.id from resolutions rv join resolutions r on r.tenant_id = rv.tenant_id and r.id = rv.revokes_resolution_id
          where rv.tenant_id = ${tenantId} and ${on}`,
  );
  return acting.map((a) => a.id);
}

export function meetingRowsByIds(tx: Tx, tenantId: string, meetingIds: string[]) {
  return meetingRows(
    tx,
    tenantId,
    sql`n.id in (${sql.join(
      meetingIds.map((x) => sql`${x}::uuid`),
      sql`, `,
    )})`,
  );
}
