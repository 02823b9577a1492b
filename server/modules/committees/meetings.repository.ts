import { and, eq, sql } from 'drizzle-orm';
import { meetingAgendaItems, meetingAttendance, meetings } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { likePattern, rows, totalOver } from '../../platform/sql';

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
 * Which meetings: `committeeIds` scopes the numbering (only those committees' meetings are read); the others
 * filter the numbered meetings — by id, by place or committee name (`q`), by minutes status, by date (inclusive).
 */
export interface MeetingFilter {
  committeeIds?: string[];
  ids?: string[];
  q?: string;
  minutesStatus?: MeetingRow['minutesStatus'];
  from?: string;
  to?: string;
}

const uuidList = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

function meetingWhere(f: MeetingFilter) {
  const conds = [sql`true`];
  if (f.ids) conds.push(sql`n.id in (${uuidList(f.ids)})`);
  if (f.q) conds.push(sql`(n.place ilike ${likePattern(f.q)} or c.name ilike ${likePattern(f.q)})`);
  if (f.minutesStatus) conds.push(sql`n.minutes_status = ${f.minutesStatus}`);
  if (f.from) conds.push(sql`n.meeting_date >= ${f.from}::date`);
  if (f.to) conds.push(sql`n.meeting_date <= ${f.to}::date`);
  return sql.join(conds, sql` and `);
}

/**
 * Meetings with their number (ครั้งที่ N/ปี): the rank among the committee's meetings of the same
 * Buddhist-era year by date and start time. Computed on every read, so moving or deleting a meeting
 * can never leave two meetings with one number.
 */
export function meetingRows(tx: Tx, tenantId: string, f: MeetingFilter, opts: { limit?: number; offset?: number; order?: 'asc' | 'desc' } = {}) {
  if (f.ids && !f.ids.length) return Promise.resolve([] as MeetingRow[]);
  const scope = f.committeeIds?.length ? sql`and m.committee_id in (${uuidList(f.committeeIds)})` : sql``;
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
               ${totalOver} as total
        from numbered n join committees c on c.tenant_id = n.tenant_id and c.id = n.committee_id
        -- the tenant named on every table, not only inside the CTE: Citus then sends the query to one shard
        where c.tenant_id = ${tenantId} and ${meetingWhere(f)}
        order by n.meeting_date ${dir}, n.start_time ${dir}, n.id
        limit ${opts.limit ?? 500} offset ${opts.offset ?? 0}`,
  );
}

/** One meeting with its number, numbered among its own committee's meetings only. */
export async function meetingById(tx: Tx, tenantId: string, id: string): Promise<MeetingRow | null> {
  const [m] = await tx
    .select({ committeeId: meetings.committeeId })
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)));
  if (!m) return null;
  const [row] = await meetingRows(tx, tenantId, { committeeIds: [m.committeeId], ids: [id] });
  return row ?? null;
}

export type MeetingTableRow = typeof meetings.$inferSelect;
export type MeetingFields = Omit<typeof meetings.$inferInsert, 'tenantId' | 'id' | 'createdAt' | 'updatedAt'>;

/** The meeting row, locked for the write that follows. */
export async function meetingForUpdate(tx: Tx, tenantId: string, id: string): Promise<MeetingTableRow | null> {
  const [row] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)))
    .for('update');
  return row ?? null;
}

export async function insertMeeting(tx: Tx, tenantId: string, fields: MeetingFields): Promise<MeetingTableRow> {
  const [row] = await tx
    .insert(meetings)
    .values({ ...fields, tenantId })
    .returning();
  return row;
}

/** The meeting that certified m's minutes and the meetings whose minutes m certified. */
export function certificationLinks(tx: Tx, tenantId: string, m: { id: string; certifiedByMeetingId: string | null }): Promise<MeetingTableRow[]> {
  return tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), sql`(${meetings.id} = ${m.certifiedByMeetingId} or ${meetings.certifiedByMeetingId} = ${m.id})`));
}

export async function updateMeeting(tx: Tx, tenantId: string, id: string, set: Partial<MeetingFields>): Promise<MeetingTableRow> {
  const [row] = await tx
    .update(meetings)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)))
    .returning();
  return row;
}

/** What keeps a meeting: its resolutions, and the minutes it certified. */
export async function meetingDependents(tx: Tx, tenantId: string, id: string): Promise<{ resolutions: number; certified: number }> {
  const [dep] = await rows<{ resolutions: number; certified: number }>(
    tx,
    sql`select (select count(*)::int from resolutions where tenant_id = ${tenantId} and meeting_id = ${id}) as resolutions,
               (select count(*)::int from meetings where tenant_id = ${tenantId} and certified_by_meeting_id = ${id}) as certified`,
  );
  return dep;
}

export async function deleteMeeting(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(meetings).where(and(eq(meetings.tenantId, tenantId), eq(meetings.id, id)));
}

// ---- agenda ----

export type AgendaItemRow = typeof meetingAgendaItems.$inferSelect;
export type AgendaItemFields = Omit<typeof meetingAgendaItems.$inferInsert, 'tenantId' | 'id' | 'createdAt'>;

/** The meeting's agenda in order: section, then position. */
export function agendaItems(tx: Tx, tenantId: string, meetingId: string): Promise<AgendaItemRow[]> {
  return tx
    .select()
    .from(meetingAgendaItems)
    .where(and(eq(meetingAgendaItems.tenantId, tenantId), eq(meetingAgendaItems.meetingId, meetingId)))
    .orderBy(meetingAgendaItems.section, meetingAgendaItems.position, meetingAgendaItems.createdAt, meetingAgendaItems.id);
}

export async function agendaItem(tx: Tx, tenantId: string, meetingId: string, id: string): Promise<AgendaItemRow | null> {
  const [item] = await tx
    .select()
    .from(meetingAgendaItems)
    .where(and(eq(meetingAgendaItems.tenantId, tenantId), eq(meetingAgendaItems.meetingId, meetingId), eq(meetingAgendaItems.id, id)));
  return item ?? null;
}

/** The position after the last item of the section. */
export async function nextAgendaPosition(tx: Tx, tenantId: string, meetingId: string, section: number): Promise<number> {
  const [{ next }] = await rows<{ next: number }>(
    tx,
    sql`select coalesce(max(position) + 1, 0)::int as next from meeting_agenda_items where tenant_id = ${tenantId} and meeting_id = ${meetingId} and section = ${section}`,
  );
  return next;
}

export async function insertAgendaItems(tx: Tx, tenantId: string, items: AgendaItemFields[]): Promise<AgendaItemRow[]> {
  return tx
    .insert(meetingAgendaItems)
    .values(items.map((i) => ({ ...i, tenantId })))
    .returning();
}

export async function updateAgendaItem(tx: Tx, tenantId: string, id: string, set: Partial<Omit<AgendaItemFields, 'meetingId'>>): Promise<AgendaItemRow> {
  const [row] = await tx
    .update(meetingAgendaItems)
    .set(set)
    .where(and(eq(meetingAgendaItems.tenantId, tenantId), eq(meetingAgendaItems.id, id)))
    .returning();
  return row;
}

export async function deleteAgendaItem(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(meetingAgendaItems).where(and(eq(meetingAgendaItems.tenantId, tenantId), eq(meetingAgendaItems.id, id)));
}

// ---- attendance ----

export type AttendanceRow = typeof meetingAttendance.$inferSelect;
export type AttendanceValues = Pick<AttendanceRow, 'status' | 'substituteName' | 'note'>;

export function attendanceOf(tx: Tx, tenantId: string, meetingId: string): Promise<AttendanceRow[]> {
  return tx
    .select()
    .from(meetingAttendance)
    .where(and(eq(meetingAttendance.tenantId, tenantId), eq(meetingAttendance.meetingId, meetingId)));
}

export async function upsertAttendance(tx: Tx, tenantId: string, meetingId: string, memberId: string, values: AttendanceValues): Promise<void> {
  await tx
    .insert(meetingAttendance)
    .values({ tenantId, meetingId, memberId, ...values })
    .onConflictDoUpdate({ target: [meetingAttendance.tenantId, meetingAttendance.meetingId, meetingAttendance.memberId], set: values });
}
