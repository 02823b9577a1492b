import { sql, type SQL } from 'drizzle-orm';
import type { DutyRule, DutyTable, maintenanceInput, MaintenanceSummary } from '../../../common/schemas/water';
import type { z } from 'zod';
import type { Tx } from '../../platform/db';
import { rows, thaiOrder } from '../../platform/sql';

export type WorkFields = z.output<typeof maintenanceInput>;

export type WorkRow = Omit<MaintenanceSummary, 'activity' | 'fund'> & {
  activity: MaintenanceSummary['activity'];
  fund: MaintenanceSummary['fund'];
};

/** Works (one, or a season's, or all) with source, group, activity, fund and the sums of their contributions, newest first. */
export function workRows(tx: Tx, tenantId: string, f: { id?: string; season?: string }) {
  const where: SQL = f.id !== undefined ? sql`w.id = ${f.id}` : f.season ? sql`w.season = ${f.season}` : sql`true`;
  return rows<WorkRow>(
    tx,
    sql`select w.id, w.kind, w.title, w.season, json_build_object('id', s.id, 'name', s.name) as source,
               case when g.id is null then null else json_build_object('id', g.id, 'name', g.name) end as "group",
               w.starts_on::text as "startsOn", w.ends_on::text as "endsOn",
               json_build_object('id', a.id, 'name', a.name) as activity,
               case when f.id is null then null else json_build_object('id', f.id, 'name', f.name) end as fund, w.note,
               (select count(distinct c.party_id)::int from water_maintenance_contributions c where c.tenant_id = w.tenant_id and c.work_id = w.id) as people,
               (select coalesce(sum(c.minutes), 0)::int from water_maintenance_contributions c where c.tenant_id = w.tenant_id and c.work_id = w.id) as "labourMinutes",
               (select coalesce(sum(c.value_satang), 0)::bigint from water_maintenance_contributions c where c.tenant_id = w.tenant_id and c.work_id = w.id) as "materialSatang"
        from water_maintenance_works w
        join water_sources s on s.tenant_id = w.tenant_id and s.id = w.source_id
        left join water_user_groups g on g.tenant_id = w.tenant_id and g.id = w.group_id
        join plan_activities a on a.tenant_id = w.tenant_id and a.id = w.activity_id
        left join budget_funds f on f.tenant_id = w.tenant_id and f.id = w.fund_id
        where w.tenant_id = ${tenantId} and ${where}
        order by w.starts_on desc, w.created_at desc, w.id`,
  );
}

export type ContributionView = {
  id: string;
  party: { id: string; name: string };
  kind: 'labour' | 'material';
  date: string;
  minutes: number | null;
  description: string | null;
  valueSatang: string | number | null;
  hours: { id: string; status: string } | null;
  ledger: { id: string; status: string; seq: number | null } | null;
};

/** A work's contributions with the state of their volunteer hours and ledger transaction (manpower's and budget's tables, read). */
export function contributionViews(tx: Tx, tenantId: string, workId: string) {
  return rows<ContributionView>(
    tx,
    sql`select c.id, json_build_object('id', p.id, 'name', p.name) as party, c.kind, c.given_on::text as date, c.minutes, c.description,
               c.value_satang as "valueSatang",
               case when vh.id is null then null else json_build_object('id', vh.id, 'status', vh.status) end as hours,
               case when lt.id is null then null else json_build_object('id', lt.id, 'status', lt.status, 'seq', lt.seq) end as ledger
        from water_maintenance_contributions c
        join parties p on p.tenant_id = c.tenant_id and p.id = c.party_id
        left join volunteer_hours vh on vh.tenant_id = c.tenant_id and vh.id = c.volunteer_hours_id
        left join ledger_transactions lt on lt.tenant_id = c.tenant_id and lt.id = c.ledger_transaction_id
        where c.tenant_id = ${tenantId} and c.work_id = ${workId}
        order by c.given_on, c.kind, ${thaiOrder(sql`p.name`)}, c.id`,
  );
}

// ---- a work's references ----

const one = async (tx: Tx, query: SQL) => (await rows<Record<string, unknown>>(tx, query))[0];

export const sourceExists = async (tx: Tx, tid: string, id: string) =>
  !!(await one(tx, sql`select 1 from water_sources where tenant_id = ${tid} and id = ${id}`));
export const groupExists = async (tx: Tx, tid: string, id: string) =>
  !!(await one(tx, sql`select 1 from water_user_groups where tenant_id = ${tid} and id = ${id}`));
export const activityExists = async (tx: Tx, tid: string, id: string) =>
  !!(await one(tx, sql`select 1 from plan_activities where tenant_id = ${tid} and id = ${id}`));

/** The kind of a budget fund (undefined for an unknown fund). */
export async function fundKind(tx: Tx, tid: string, id: string): Promise<string | undefined> {
  const f = await one(tx, sql`select kind from budget_funds where tenant_id = ${tid} and id = ${id}`);
  return f?.kind as string | undefined;
}

// ---- works ----

export async function insertWork(tx: Tx, tid: string, input: WorkFields): Promise<string> {
  const [row] = await rows<{ id: string }>(
    tx,
    sql`insert into water_maintenance_works (tenant_id, kind, title, season, source_id, group_id, starts_on, ends_on, activity_id, fund_id, note)
        values (${tid}, ${input.kind}, ${input.title}, ${input.season}, ${input.sourceId}, ${input.groupId}, ${input.startsOn}, ${input.endsOn},
                ${input.activityId}, ${input.fundId}, ${input.note}) returning id`,
  );
  return row.id;
}

/** A work's own fields, locked. */
export async function workForUpdate(tx: Tx, tid: string, id: string): Promise<WorkFields | undefined> {
  const [w] = await rows<WorkFields>(
    tx,
    sql`select kind, title, season, source_id as "sourceId", group_id as "groupId", starts_on::text as "startsOn", ends_on::text as "endsOn",
               activity_id as "activityId", fund_id as "fundId", note
        from water_maintenance_works where tenant_id = ${tid} and id = ${id} for update`,
  );
  return w;
}

export async function updateWorkRow(tx: Tx, tid: string, id: string, next: WorkFields): Promise<void> {
  await tx.execute(
    sql`update water_maintenance_works set kind = ${next.kind}, title = ${next.title}, season = ${next.season}, source_id = ${next.sourceId},
          group_id = ${next.groupId}, starts_on = ${next.startsOn}, ends_on = ${next.endsOn}, activity_id = ${next.activityId},
          fund_id = ${next.fundId}, note = ${next.note}
        where tenant_id = ${tid} and id = ${id}`,
  );
}

export async function deleteWorkRow(tx: Tx, tid: string, id: string): Promise<void> {
  await tx.execute(sql`delete from water_maintenance_works where tenant_id = ${tid} and id = ${id}`);
}

// ---- contributions ----

export interface ContributionRow {
  id: string;
  partyId: string;
  partyName: string;
  kind: 'labour' | 'material';
  date: string;
  minutes: number | null;
  description: string | null;
  valueSatang: number | null;
  hoursId: string | null;
  ledgerId: string | null;
}

/** A work's contributions (or one of them), locked, by date. */
export async function contributionsForUpdate(tx: Tx, tid: string, workId: string, id?: string): Promise<ContributionRow[]> {
  return (
    await rows<Omit<ContributionRow, 'valueSatang'> & { valueSatang: string | number | null }>(
      tx,
      sql`select c.id, c.party_id as "partyId", p.name as "partyName", c.kind, c.given_on::text as date, c.minutes, c.description,
                 c.value_satang as "valueSatang", c.volunteer_hours_id as "hoursId", c.ledger_transaction_id as "ledgerId"
          from water_maintenance_contributions c join parties p on p.tenant_id = c.tenant_id and p.id = c.party_id
          where c.tenant_id = ${tid} and c.work_id = ${workId} ${id === undefined ? sql`` : sql`and c.id = ${id}`}
          order by c.given_on, c.id
          for update of c`,
    )
  ).map((c) => ({ ...c, valueSatang: c.valueSatang === null ? null : Number(c.valueSatang) }));
}

/** The work's dates, activity and fund, locked while a sheet is added to it. */
export async function sheetWorkForUpdate(tx: Tx, tid: string, workId: string) {
  const [w] = await rows<{ title: string; startsOn: string; endsOn: string; activityId: string; fundId: string | null }>(
    tx,
    sql`select title, starts_on::text as "startsOn", ends_on::text as "endsOn", activity_id as "activityId", fund_id as "fundId"
        from water_maintenance_works where tenant_id = ${tid} and id = ${workId} for update`,
  );
  return w;
}

/** "party date" of each labour day already recorded for the work. */
export async function labourDayKeys(tx: Tx, tid: string, workId: string): Promise<Set<string>> {
  const done = await rows<{ key: string }>(
    tx,
    sql`select party_id || ' ' || given_on::text as key from water_maintenance_contributions where tenant_id = ${tid} and work_id = ${workId} and kind = 'labour'`,
  );
  return new Set(done.map((d) => d.key));
}

/** Whether the person has another labour day on that date in the work. */
export async function otherLabourOn(tx: Tx, tid: string, workId: string, partyId: string, date: string, exceptId: string): Promise<boolean> {
  const [dup] = await rows<{ id: string }>(
    tx,
    sql`select id from water_maintenance_contributions
        where tenant_id = ${tid} and work_id = ${workId} and kind = 'labour' and party_id = ${partyId} and given_on = ${date} and id <> ${exceptId}`,
  );
  return !!dup;
}

export async function insertLabour(tx: Tx, tid: string, workId: string, partyId: string, date: string, minutes: number, hoursId: string): Promise<string> {
  const [c] = await rows<{ id: string }>(
    tx,
    sql`insert into water_maintenance_contributions (tenant_id, work_id, party_id, kind, given_on, minutes, volunteer_hours_id)
        values (${tid}, ${workId}, ${partyId}, 'labour', ${date}, ${minutes}, ${hoursId}) returning id`,
  );
  return c.id;
}

export async function insertMaterial(
  tx: Tx,
  tid: string,
  workId: string,
  e: { partyId: string; date: string; description: string; valueSatang: number },
  ledgerId: string,
): Promise<string> {
  const [c] = await rows<{ id: string }>(
    tx,
    sql`insert into water_maintenance_contributions (tenant_id, work_id, party_id, kind, given_on, description, value_satang, ledger_transaction_id)
        values (${tid}, ${workId}, ${e.partyId}, 'material', ${e.date}, ${e.description}, ${e.valueSatang}, ${ledgerId}) returning id`,
  );
  return c.id;
}

export async function setLabour(tx: Tx, tid: string, id: string, date: string, minutes: number | null): Promise<void> {
  await tx.execute(sql`update water_maintenance_contributions set given_on = ${date}, minutes = ${minutes} where tenant_id = ${tid} and id = ${id}`);
}

export async function setMaterial(tx: Tx, tid: string, id: string, m: { date: string; description: string; valueSatang: number; ledgerId: string | null }) {
  await tx.execute(
    sql`update water_maintenance_contributions set given_on = ${m.date}, description = ${m.description}, value_satang = ${m.valueSatang},
          ledger_transaction_id = ${m.ledgerId} where tenant_id = ${tid} and id = ${id}`,
  );
}

export async function setContributionLedger(tx: Tx, tid: string, id: string, ledgerId: string): Promise<void> {
  await tx.execute(sql`update water_maintenance_contributions set ledger_transaction_id = ${ledgerId} where tenant_id = ${tid} and id = ${id}`);
}

export async function deleteContributionRow(tx: Tx, tid: string, id: string): Promise<void> {
  await tx.execute(sql`delete from water_maintenance_contributions where tenant_id = ${tid} and id = ${id}`);
}

/** A ledger transaction's status and whether a reversal (not rejected) already undoes it (budget's table, read). */
export async function ledgerState(tx: Tx, tid: string, ledgerId: string) {
  const [t] = await rows<{ status: string; reversed: boolean }>(
    tx,
    sql`select t.status, exists (select 1 from ledger_transactions r where r.tenant_id = t.tenant_id and r.reverses_id = t.id and r.status <> 'rejected') as reversed
        from ledger_transactions t where t.tenant_id = ${tid} and t.id = ${ledgerId}`,
  );
  return t;
}

// ---- duty days ----

/** A group's name and duty rule (`forUpdate` locks it). */
export async function groupDuty(tx: Tx, tid: string, groupId: string, forUpdate = false) {
  const [g] = await rows<{ id: string; name: string; basis: DutyRule['basis']; days: number; rai: string | null }>(
    tx,
    sql`select id, name, duty_basis as basis, duty_days as days, duty_rai as rai from water_user_groups where tenant_id = ${tid} and id = ${groupId}${
      forUpdate ? sql` for update` : sql``
    }`,
  );
  return g;
}

export async function setGroupDuty(tx: Tx, tid: string, groupId: string, rule: DutyRule): Promise<void> {
  await tx.execute(
    sql`update water_user_groups set duty_basis = ${rule.basis}, duty_days = ${rule.days}, duty_rai = ${rule.rai}
        where tenant_id = ${tid} and id = ${groupId}`,
  );
}

/** SQL: the works that count for this group (alias w): its own and the whole system's. */
const countsFor = (groupId: string) => sql`(w.group_id = ${groupId} or w.group_id is null)`;

/** The seasons with a work that counts for the group, latest first. */
export async function dutySeasons(tx: Tx, tid: string, groupId: string): Promise<string[]> {
  return (
    await rows<{ season: string }>(
      tx,
      sql`select w.season from water_maintenance_works w where w.tenant_id = ${tid} and ${countsFor(groupId)} group by w.season order by max(w.starts_on) desc`,
    )
  ).map((s) => s.season);
}

/** The group's members with the distinct days of labour they gave in the season's works that count for the group. */
export function dutyMembers(tx: Tx, tid: string, groupId: string, season: string) {
  return rows<{ partyId: string; name: string; role: DutyTable['members'][number]['role']; irrigatedRai: string; given: number }>(
    tx,
    sql`select m.party_id as "partyId", p.name, m.role, m.irrigated_rai as "irrigatedRai",
               (select count(distinct c.given_on)::int from water_maintenance_contributions c
                join water_maintenance_works w on w.tenant_id = c.tenant_id and w.id = c.work_id
                where c.tenant_id = m.tenant_id and c.party_id = m.party_id and c.kind = 'labour' and w.season = ${season} and ${countsFor(groupId)}) as given
        from water_group_members m join parties p on p.tenant_id = m.tenant_id and p.id = m.party_id
        where m.tenant_id = ${tid} and m.group_id = ${groupId}
        order by case m.role when 'head' then 0 when 'officer' then 1 else 2 end, ${thaiOrder(sql`p.name`)}`,
  );
}
