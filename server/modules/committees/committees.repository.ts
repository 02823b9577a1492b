import { and, eq, sql } from 'drizzle-orm';
import { committeeMembers, committeeNetworks, committees, meetings, resolutionActionItems, resolutions } from '../../db/schema';
import type { Tx } from '../../platform/db';
import { type PartySummaryRow } from '../manpower/shared';
import { likePattern, rows, thaiOrder, totalOver } from '../../platform/sql';

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

/** Which committees: one by id, or those whose name contains `q`; none set = all. */
export interface CommitteeFilter {
  id?: string;
  q?: string;
}

const committeeWhere = (f: CommitteeFilter) =>
  sql.join([sql`true`, ...(f.id ? [sql`c.id = ${f.id}`] : []), ...(f.q ? [sql`c.name ilike ${likePattern(f.q)}`] : [])], sql` and `);

/** Committees with their networks and counts (members in office on `today`), in kind and Thai name order. */
export function committeeRows(tx: Tx, tenantId: string, today: string, f: CommitteeFilter, limit = 200, offset = 0) {
  return rows<CommitteeRow>(
    tx,
    sql`select c.id, c.name, c.kind, c.purpose, c.order_number as "orderNumber", c.order_date::text as "orderDate", c.quorum_percent as "quorumPercent",
               coalesce((select json_agg(json_build_object('id', n.id, 'name', n.name) order by ${thaiOrder(sql`n.name`)})
                         from committee_networks cn join networks n on n.tenant_id = cn.tenant_id and n.id = cn.network_id
                         where cn.tenant_id = c.tenant_id and cn.committee_id = c.id), '[]') as networks,
               (select count(*)::int from committee_members cm where cm.tenant_id = c.tenant_id and cm.committee_id = c.id
                  and cm.start_date <= ${today}::date and (cm.end_date is null or cm.end_date >= ${today}::date)) as "membersInOffice",
               (select count(*)::int from meetings m where m.tenant_id = c.tenant_id and m.committee_id = c.id) as "meetingCount",
               (select max(m.meeting_date)::text from meetings m where m.tenant_id = c.tenant_id and m.committee_id = c.id) as "lastMeetingDate",
               ${totalOver} as total
        from committees c
        where c.tenant_id = ${tenantId} and ${committeeWhere(f)}
        order by c.kind, ${thaiOrder(sql`c.name`)}, c.id
        limit ${limit} offset ${offset}`,
  );
}

export type CommitteeTableRow = typeof committees.$inferSelect;
/** What a user sets on a committee (its networks aside). */
export type CommitteeFields = Omit<typeof committees.$inferInsert, 'tenantId' | 'id' | 'createdAt' | 'updatedAt'>;

export async function insertCommittee(tx: Tx, tenantId: string, fields: CommitteeFields): Promise<CommitteeTableRow> {
  const [row] = await tx
    .insert(committees)
    .values({ ...fields, tenantId })
    .returning();
  return row;
}

/** The committee row, locked for the write that follows. */
export async function committeeForUpdate(tx: Tx, tenantId: string, id: string): Promise<CommitteeTableRow | null> {
  const [row] = await tx
    .select()
    .from(committees)
    .where(and(eq(committees.tenantId, tenantId), eq(committees.id, id)))
    .for('update');
  return row ?? null;
}

export async function updateCommittee(tx: Tx, tenantId: string, id: string, set: Partial<CommitteeFields>): Promise<CommitteeTableRow> {
  const [row] = await tx
    .update(committees)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(committees.tenantId, tenantId), eq(committees.id, id)))
    .returning();
  return row;
}

export async function deleteCommittee(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(committees).where(and(eq(committees.tenantId, tenantId), eq(committees.id, id)));
}

export async function committeeHasMeetings(tx: Tx, tenantId: string, committeeId: string): Promise<boolean> {
  const [held] = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(eq(meetings.tenantId, tenantId), eq(meetings.committeeId, committeeId)))
    .limit(1);
  return !!held;
}

export async function committeeNetworkIds(tx: Tx, tenantId: string, committeeId: string): Promise<string[]> {
  const found = await tx
    .select({ id: committeeNetworks.networkId })
    .from(committeeNetworks)
    .where(and(eq(committeeNetworks.tenantId, tenantId), eq(committeeNetworks.committeeId, committeeId)));
  return found.map((r) => r.id);
}

export async function replaceCommitteeNetworks(tx: Tx, tenantId: string, committeeId: string, networkIds: string[]): Promise<void> {
  await tx.delete(committeeNetworks).where(and(eq(committeeNetworks.tenantId, tenantId), eq(committeeNetworks.committeeId, committeeId)));
  if (networkIds.length) await tx.insert(committeeNetworks).values(networkIds.map((networkId) => ({ tenantId, committeeId, networkId })));
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

/** Terms of the committee's members (or the one term `id`), chair first (Thai order of a committee list: the secretaries last). */
export function memberRows(tx: Tx, tenantId: string, f: { committeeId: string; id?: string }) {
  return rows<MemberRow>(
    tx,
    sql`select cm.id, cm.committee_id as "committeeId", cm.position, cm.start_date::text as "startDate", cm.end_date::text as "endDate",
               cm.order_number as "orderNumber", cm.order_date::text as "orderDate",
               json_build_object('id', p.id, 'kind', p.kind, 'name', p.name, 'sector', p.sector, 'pillar', p.pillar, 'orgType', p.org_type, 'position', p.position) as party
        from committee_members cm join parties p on p.tenant_id = cm.tenant_id and p.id = cm.party_id
        where cm.tenant_id = ${tenantId} and cm.committee_id = ${f.committeeId} ${f.id ? sql`and cm.id = ${f.id}` : sql``}
        order by ${POSITION_ORDER}, cm.start_date desc, ${thaiOrder(sql`p.name`)}, cm.id`,
  );
}

/** Whether the party holds another term in the committee overlapping start–end (an open end = for ever). */
export async function termOverlaps(
  tx: Tx,
  tenantId: string,
  t: { committeeId: string; partyId: string; start: string; end: string | null; exceptId?: string },
): Promise<boolean> {
  const clash = await rows(
    tx,
    sql`select 1 from committee_members cm
        where cm.tenant_id = ${tenantId} and cm.committee_id = ${t.committeeId} and cm.party_id = ${t.partyId} ${t.exceptId ? sql`and cm.id <> ${t.exceptId}` : sql``}
          and cm.start_date <= coalesce(${t.end}::date, 'infinity'::date) and coalesce(cm.end_date, 'infinity'::date) >= ${t.start}::date
        limit 1`,
  );
  return clash.length > 0;
}

export type MemberFields = Omit<typeof committeeMembers.$inferInsert, 'tenantId' | 'id' | 'createdAt'>;

export async function insertMember(tx: Tx, tenantId: string, fields: MemberFields): Promise<string> {
  const [row] = await tx
    .insert(committeeMembers)
    .values({ ...fields, tenantId })
    .returning({ id: committeeMembers.id });
  return row.id;
}

export async function updateMember(tx: Tx, tenantId: string, id: string, set: Partial<Omit<MemberFields, 'committeeId' | 'partyId'>>): Promise<void> {
  await tx
    .update(committeeMembers)
    .set(set)
    .where(and(eq(committeeMembers.tenantId, tenantId), eq(committeeMembers.id, id)));
}

export async function deleteMember(tx: Tx, tenantId: string, id: string): Promise<void> {
  await tx.delete(committeeMembers).where(and(eq(committeeMembers.tenantId, tenantId), eq(committeeMembers.id, id)));
}

/** Whether attendance was recorded for the term (it is then ended, not removed). */
export async function memberHasAttendance(tx: Tx, tenantId: string, memberId: string): Promise<boolean> {
  const attended = await rows(tx, sql`select 1 from meeting_attendance where tenant_id = ${tenantId} and member_id = ${memberId} limit 1`);
  return attended.length > 0;
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
