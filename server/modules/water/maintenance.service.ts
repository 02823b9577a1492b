import { sql, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { transactionCreate } from '../../../common/schemas/budget';
import type {
  contributionPatch,
  contributionsInput,
  DutyRule,
  DutyTable,
  dutyRuleInput,
  MaintenanceDetail,
  maintenanceInput,
  maintenancePatch,
  MaintenanceRemoval,
  MaintenanceSummary,
} from '../../../common/schemas/water';
import { formatThaiDate } from '../../../common/thai/dates';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Db, type Tx } from '../../platform/db';
import { AppError, assertDateOrder } from '../../platform/errors';
import { todayInThailand } from '../../platform/today';
import { createTransaction, reverse } from '../budget/ledger.service';
import { createHours, deleteHours, updateHours } from '../manpower/hours-logging.service';
import { reviewHours } from '../manpower/hours-review.service';
import { rows } from '../../platform/sql';

/**
 * Annual repair and dredging (ขุดลอก) of the canal system. A member's labour is logged through the manpower module's
 * own `createHours` (and confirmed through its `reviewHours` when the recorder may confirm), so it is the same volunteer
 * hours everywhere; materials go through the budget module's `createTransaction` as an in-kind contribution into the
 * work's fund, so the ledger's rules and hash chain apply. Both run inside this transaction (savepoints): a sheet is
 * recorded whole or not at all. Duty days (วันลงแขก): a member gives one day for each date with labour in a work of the
 * season for their group (or for the whole system); owes what the group's rule says.
 */

type WorkRow = Omit<MaintenanceSummary, 'activity' | 'fund'> & {
  activity: MaintenanceSummary['activity'];
  fund: MaintenanceSummary['fund'];
};

const inTenantSession = (ctx: TenantContext, tx: Tx): TenantContext => ({ ...ctx, db: tx as unknown as Db });

function workRows(tx: Tx, tenantId: string, where: SQL) {
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

const presentWork = (w: WorkRow): MaintenanceSummary => ({ ...w, materialSatang: Number(w.materialSatang) });

async function loadWork(tx: Tx, ctx: TenantContext, id: string): Promise<MaintenanceDetail> {
  const [w] = await workRows(tx, ctx.tenant.id, sql`w.id = ${id}`);
  if (!w) throw new AppError('not_found');
  const cs = await rows<{
    id: string;
    party: { id: string; name: string };
    kind: 'labour' | 'material';
    date: string;
    minutes: number | null;
    description: string | null;
    valueSatang: string | number | null;
    hours: { id: string; status: string } | null;
    ledger: { id: string; status: string; seq: number | null } | null;
  }>(
    tx,
    sql`select c.id, json_build_object('id', p.id, 'name', p.name) as party, c.kind, c.given_on::text as date, c.minutes, c.description,
               c.value_satang as "valueSatang",
               case when vh.id is null then null else json_build_object('id', vh.id, 'status', vh.status) end as hours,
               case when lt.id is null then null else json_build_object('id', lt.id, 'status', lt.status, 'seq', lt.seq) end as ledger
        from water_maintenance_contributions c
        join parties p on p.tenant_id = c.tenant_id and p.id = c.party_id
        left join volunteer_hours vh on vh.tenant_id = c.tenant_id and vh.id = c.volunteer_hours_id
        left join ledger_transactions lt on lt.tenant_id = c.tenant_id and lt.id = c.ledger_transaction_id
        where c.tenant_id = ${ctx.tenant.id} and c.work_id = ${id}
        order by c.given_on, c.kind, p.name collate "und-x-icu", c.id`,
  );
  return {
    ...presentWork(w),
    contributions: cs.map((c) => ({ ...c, valueSatang: c.valueSatang === null ? null : Number(c.valueSatang) })),
  };
}

export const listWorks = (ctx: TenantContext, season?: string): Promise<MaintenanceSummary[]> =>
  withTenant(ctx.db, ctx.tenant.id, async (tx) => (await workRows(tx, ctx.tenant.id, season ? sql`w.season = ${season}` : sql`true`)).map(presentWork));

export const getWork = (ctx: TenantContext, id: string) => withTenant(ctx.db, ctx.tenant.id, (tx) => loadWork(tx, ctx, id));

const MAX_WORK_DAYS = 60;

type WorkFields = z.output<typeof maintenanceInput>;

/** The field errors of a work's dates and references (source, group, activity, in-kind fund) in this tenant. */
async function checkWork(tx: Tx, tid: string, input: WorkFields): Promise<Record<string, string>> {
  assertDateOrder(input.startsOn, input.endsOn, 'endsOn');
  const fields: Record<string, string> = {};
  if ((Date.parse(input.endsOn) - Date.parse(input.startsOn)) / 86_400_000 > MAX_WORK_DAYS) fields.endsOn = 'maintenance_too_long';
  const one = async (query: SQL) => (await rows<Record<string, unknown>>(tx, query))[0];
  if (!(await one(sql`select 1 from water_sources where tenant_id = ${tid} and id = ${input.sourceId}`))) fields.sourceId = 'unknown_source';
  if (input.groupId && !(await one(sql`select 1 from water_user_groups where tenant_id = ${tid} and id = ${input.groupId}`))) fields.groupId = 'unknown_item';
  if (!(await one(sql`select 1 from plan_activities where tenant_id = ${tid} and id = ${input.activityId}`))) fields.activityId = 'unknown_activity';
  if (input.fundId) {
    const f = await one(sql`select kind from budget_funds where tenant_id = ${tid} and id = ${input.fundId}`);
    if (!f) fields.fundId = 'unknown_fund';
    else if (f.kind !== 'in_kind') fields.fundId = 'fund_not_in_kind';
  }
  return fields;
}

export function createWork(ctx: TenantContext, input: z.output<typeof maintenanceInput>): Promise<MaintenanceDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tid = ctx.tenant.id;
    const fields = await checkWork(tx, tid, input);
    if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
    const [row] = await rows<{ id: string }>(
      tx,
      sql`insert into water_maintenance_works (tenant_id, kind, title, season, source_id, group_id, starts_on, ends_on, activity_id, fund_id, note)
          values (${tid}, ${input.kind}, ${input.title}, ${input.season}, ${input.sourceId}, ${input.groupId}, ${input.startsOn}, ${input.endsOn},
                  ${input.activityId}, ${input.fundId}, ${input.note}) returning id`,
    );
    await audit(tx, ctx, { entity: 'water_maintenance_work', entityId: row.id, entityLabel: input.title, action: 'create', after: input });
    return loadWork(tx, ctx, row.id);
  });
}

/** A material entry into the work's in-kind fund, through the budget module (its rules, its hash chain). */
function recordMaterial(
  inner: TenantContext,
  w: { title: string; fundId: string | null },
  e: { partyId: string; date: string; description: string; valueSatang: number },
) {
  return createTransaction(
    inner,
    transactionCreate.parse({
      kind: 'contribution',
      occurredOn: e.date,
      description: `${e.description} — ${w.title} (${formatThaiDate(e.date, { style: 'long' })})`.slice(0, 1000),
      partyId: e.partyId,
      entries: [
        { account: 'fund', side: 'debit', fundId: w.fundId!, amountSatang: e.valueSatang },
        { account: 'contribution', side: 'credit', fundId: w.fundId!, amountSatang: e.valueSatang },
      ],
    }),
  );
}

/** Re-throw a field error of the manpower or budget module under the sheet entry it came from. */
function underEntry(err: unknown, i: number): never {
  if (err instanceof AppError && err.fields)
    throw new AppError(err.code, Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [`entries.${i}.${k === 'personId' ? 'partyId' : k}`, v])));
  throw err;
}

export function addContributions(ctx: TenantContext, workId: string, input: z.output<typeof contributionsInput>): Promise<MaintenanceDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tid = ctx.tenant.id;
    const [w] = await rows<{ title: string; startsOn: string; endsOn: string; activityId: string; fundId: string | null }>(
      tx,
      sql`select title, starts_on::text as "startsOn", ends_on::text as "endsOn", activity_id as "activityId", fund_id as "fundId"
          from water_maintenance_works where tenant_id = ${tid} and id = ${workId} for update`,
    );
    if (!w) throw new AppError('not_found');
    const fields: Record<string, string> = {};
    const today = todayInThailand();
    input.entries.forEach((e, i) => {
      if (e.date < w.startsOn || e.date > w.endsOn) fields[`entries.${i}.date`] = 'outside_work_dates';
      else if (e.date > today) fields[`entries.${i}.date`] = 'date_in_future';
      if (e.kind === 'material' && !w.fundId) fields[`entries.${i}.kind`] = 'maintenance_no_fund';
    });
    const labourKeys = new Set<string>();
    input.entries.forEach((e, i) => {
      if (e.kind !== 'labour') return;
      const key = `${e.partyId} ${e.date}`;
      if (labourKeys.has(key)) fields[`entries.${i}.partyId`] = 'duplicate_labour_day';
      labourKeys.add(key);
    });
    const done = await rows<{ key: string }>(
      tx,
      sql`select party_id || ' ' || given_on::text as key from water_maintenance_contributions where tenant_id = ${tid} and work_id = ${workId} and kind = 'labour'`,
    );
    const recorded = new Set(done.map((d) => d.key));
    input.entries.forEach((e, i) => {
      if (e.kind === 'labour' && recorded.has(`${e.partyId} ${e.date}`)) fields[`entries.${i}.partyId`] = 'duplicate_labour_day';
    });
    if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
    const inner = inTenantSession(ctx, tx);
    for (const [i, e] of input.entries.entries()) {
      if (e.kind === 'labour') {
        const log = await createHours(inner, {
          personId: e.partyId,
          activityId: w.activityId,
          date: e.date,
          hours: e.hours,
          note: w.title.slice(0, 1000),
        }).catch((err) => underEntry(err, i));
        // recorded from the attendance sheet: confirmed at once when the recorder may confirm these hours, else it waits in the manpower queue
        if (log.canReview) await reviewHours(inner, log.id, { status: 'confirmed' });
        const [c] = await rows<{ id: string }>(
          tx,
          sql`insert into water_maintenance_contributions (tenant_id, work_id, party_id, kind, given_on, minutes, volunteer_hours_id)
              values (${tid}, ${workId}, ${e.partyId}, 'labour', ${e.date}, ${log.minutes}, ${log.id}) returning id`,
        );
        await audit(tx, ctx, {
          entity: 'water_maintenance_contribution',
          entityId: c.id,
          entityLabel: `${w.title}: ${log.person.name}`,
          action: 'create',
          after: { workId, partyId: e.partyId, kind: 'labour', givenOn: e.date, minutes: log.minutes, volunteerHoursId: log.id },
        });
      } else {
        const ledger = await recordMaterial(inner, w, e).catch((err) => underEntry(err, i));
        const [c] = await rows<{ id: string }>(
          tx,
          sql`insert into water_maintenance_contributions (tenant_id, work_id, party_id, kind, given_on, description, value_satang, ledger_transaction_id)
              values (${tid}, ${workId}, ${e.partyId}, 'material', ${e.date}, ${e.description}, ${e.valueSatang}, ${ledger.id}) returning id`,
        );
        await audit(tx, ctx, {
          entity: 'water_maintenance_contribution',
          entityId: c.id,
          entityLabel: `${w.title}: ${e.description}`,
          action: 'create',
          after: {
            workId,
            partyId: e.partyId,
            kind: 'material',
            givenOn: e.date,
            description: e.description,
            valueSatang: e.valueSatang,
            ledgerTransactionId: ledger.id,
          },
        });
      }
    }
    return loadWork(tx, ctx, workId);
  });
}

// ---------------------------------------------------------------- corrections: edit and delete

interface ContributionRow {
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

async function contributionRows(tx: Tx, tid: string, where: SQL): Promise<ContributionRow[]> {
  return (
    await rows<Omit<ContributionRow, 'valueSatang'> & { valueSatang: string | number | null }>(
      tx,
      sql`select c.id, c.party_id as "partyId", p.name as "partyName", c.kind, c.given_on::text as date, c.minutes, c.description,
                 c.value_satang as "valueSatang", c.volunteer_hours_id as "hoursId", c.ledger_transaction_id as "ledgerId"
          from water_maintenance_contributions c join parties p on p.tenant_id = c.tenant_id and p.id = c.party_id
          where c.tenant_id = ${tid} and ${where}
          order by c.given_on, c.id
          for update of c`,
    )
  ).map((c) => ({ ...c, valueSatang: c.valueSatang === null ? null : Number(c.valueSatang) }));
}

async function workRow(tx: Tx, tid: string, id: string): Promise<WorkFields | undefined> {
  const [w] = await rows<WorkFields>(
    tx,
    sql`select kind, title, season, source_id as "sourceId", group_id as "groupId", starts_on::text as "startsOn", ends_on::text as "endsOn",
               activity_id as "activityId", fund_id as "fundId", note
        from water_maintenance_works where tenant_id = ${tid} and id = ${id} for update`,
  );
  return w;
}

/**
 * A material's ledger transaction undone the ledger's way: a reversal through the budget module when it is posted (the
 * original stays in the chain), nothing when it was rejected or is already reversed. A transaction still waiting for a
 * second officer is decided there first. Answers the reversal's id.
 */
async function reverseMaterial(tx: Tx, inner: TenantContext, ledgerId: string, reason: string): Promise<string | null> {
  const [t] = await rows<{ status: string; reversed: boolean }>(
    tx,
    sql`select t.status, exists (select 1 from ledger_transactions r where r.tenant_id = t.tenant_id and r.reverses_id = t.id and r.status <> 'rejected') as reversed
        from ledger_transactions t where t.tenant_id = ${inner.tenant.id} and t.id = ${ledgerId}`,
  );
  if (!t || t.status === 'rejected' || t.reversed) return null;
  if (t.status !== 'posted') throw new AppError('conflict', { ledger: 'maintenance_ledger_pending' });
  return (await reverse(inner, ledgerId, { reason, occurredOn: todayInThailand() })).id;
}

/** Labour's hours through the manpower module again, confirmed at once when the recorder may confirm them (as when recorded). */
async function changeHours(inner: TenantContext, hoursId: string, patch: { activityId?: string; date?: string; hours?: number }, field: string) {
  const log = await updateHours(inner, hoursId, patch).catch((err) => {
    if (err instanceof AppError && err.fields)
      throw new AppError(err.code, Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k === 'activityId' || k === 'taskId' ? field : k, v])));
    throw err;
  });
  if (log.canReview) await reviewHours(inner, hoursId, { status: 'confirmed' });
  return log;
}

/** Remove one contribution: its hours withdrawn in manpower or its material reversed in the ledger, then the row (audited). */
async function removeContribution(tx: Tx, ctx: TenantContext, inner: TenantContext, workId: string, title: string, c: ContributionRow, reason: string) {
  let reversalId: string | null = null;
  if (c.kind === 'labour' && c.hoursId) await deleteHours(inner, c.hoursId);
  if (c.kind === 'material' && c.ledgerId) reversalId = await reverseMaterial(tx, inner, c.ledgerId, reason.slice(0, 300));
  await tx.execute(sql`delete from water_maintenance_contributions where tenant_id = ${ctx.tenant.id} and id = ${c.id}`);
  await audit(tx, ctx, {
    entity: 'water_maintenance_contribution',
    entityId: c.id,
    entityLabel: `${title}: ${c.kind === 'labour' ? c.partyName : c.description}`,
    action: 'delete',
    before: contributionAudit(workId, c),
    after: { reversalId },
  });
  return { reversalId, hoursWithdrawn: c.kind === 'labour' && c.hoursId ? 1 : 0 };
}

const contributionAudit = (workId: string, c: ContributionRow) => ({
  workId,
  partyId: c.partyId,
  kind: c.kind,
  givenOn: c.date,
  ...(c.kind === 'labour'
    ? { minutes: c.minutes, volunteerHoursId: c.hoursId }
    : { description: c.description, valueSatang: c.valueSatang, ledgerTransactionId: c.ledgerId }),
});

/**
 * Correct a work. Its contributions must still fall within its dates; a new plan activity moves the labour's volunteer
 * hours there (manpower's `updateHours`); a new in-kind fund re-records each material: a reversal of the old
 * contribution and a new one into the new fund (the ledger is append-only).
 */
export function updateWork(ctx: TenantContext, id: string, patch: z.output<typeof maintenancePatch>): Promise<MaintenanceDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tid = ctx.tenant.id;
    const before = await workRow(tx, tid, id);
    if (!before) throw new AppError('not_found');
    const next: WorkFields = { ...before };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as Record<string, unknown>)[k] = v;
    const fields = await checkWork(tx, tid, next);
    const cs = await contributionRows(tx, tid, sql`c.work_id = ${id}`);
    if (cs.some((c) => c.date < next.startsOn)) fields.startsOn = 'contributions_outside_dates';
    if (cs.some((c) => c.date > next.endsOn)) fields.endsOn = 'contributions_outside_dates';
    const materials = cs.filter((c) => c.kind === 'material');
    if (!next.fundId && materials.length) fields.fundId = 'maintenance_has_materials';
    if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
    await tx.execute(
      sql`update water_maintenance_works set kind = ${next.kind}, title = ${next.title}, season = ${next.season}, source_id = ${next.sourceId},
            group_id = ${next.groupId}, starts_on = ${next.startsOn}, ends_on = ${next.endsOn}, activity_id = ${next.activityId},
            fund_id = ${next.fundId}, note = ${next.note}
          where tenant_id = ${tid} and id = ${id}`,
    );
    const inner = inTenantSession(ctx, tx);
    if (next.activityId !== before.activityId)
      for (const c of cs) if (c.kind === 'labour' && c.hoursId) await changeHours(inner, c.hoursId, { activityId: next.activityId }, 'activityId');
    if (next.fundId !== before.fundId)
      for (const c of materials) {
        if (c.ledgerId) await reverseMaterial(tx, inner, c.ledgerId, `ย้ายไปแหล่งทุนอื่น — ${next.title}`.slice(0, 300));
        const ledger = await recordMaterial(inner, next, { partyId: c.partyId, date: c.date, description: c.description!, valueSatang: c.valueSatang! });
        await tx.execute(sql`update water_maintenance_contributions set ledger_transaction_id = ${ledger.id} where tenant_id = ${tid} and id = ${c.id}`);
      }
    const changed = (Object.keys(next) as (keyof WorkFields)[]).filter((k) => next[k] !== before[k]);
    await audit(tx, ctx, {
      entity: 'water_maintenance_work',
      entityId: id,
      entityLabel: next.title,
      action: 'update',
      before: Object.fromEntries(changed.map((k) => [k, before[k]])),
      after: Object.fromEntries(changed.map((k) => [k, next[k]])),
    });
    return loadWork(tx, ctx, id);
  });
}

/** Remove a work whole: each material reversed in the ledger, each labour day's hours withdrawn in manpower, then the rows. */
export function deleteWork(ctx: TenantContext, id: string): Promise<MaintenanceRemoval> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tid = ctx.tenant.id;
    const w = await workRow(tx, tid, id);
    if (!w) throw new AppError('not_found');
    const inner = inTenantSession(ctx, tx);
    const out: MaintenanceRemoval = { reversalIds: [], hoursWithdrawn: 0 };
    for (const c of await contributionRows(tx, tid, sql`c.work_id = ${id}`)) {
      const done = await removeContribution(tx, ctx, inner, id, w.title, c, `ยกเลิกงาน ${w.title}`);
      if (done.reversalId) out.reversalIds.push(done.reversalId);
      out.hoursWithdrawn += done.hoursWithdrawn;
    }
    await tx.execute(sql`delete from water_maintenance_works where tenant_id = ${tid} and id = ${id}`);
    await audit(tx, ctx, { entity: 'water_maintenance_work', entityId: id, entityLabel: w.title, action: 'delete', before: w });
    return out;
  });
}

async function oneContribution(tx: Tx, tid: string, workId: string, contributionId: string) {
  const w = await workRow(tx, tid, workId);
  const [c] = w ? await contributionRows(tx, tid, sql`c.work_id = ${workId} and c.id = ${contributionId}`) : [];
  if (!w || !c) throw new AppError('not_found');
  return { w, c };
}

/**
 * Correct one contribution: a labour day's date or hours through manpower's `updateHours`; a material's date,
 * description or value by a reversal and a new contribution in the ledger.
 */
export function updateContribution(
  ctx: TenantContext,
  workId: string,
  contributionId: string,
  patch: z.output<typeof contributionPatch>,
): Promise<MaintenanceDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tid = ctx.tenant.id;
    const { w, c } = await oneContribution(tx, tid, workId, contributionId);
    const fields: Record<string, string> = {};
    if (patch.kind !== c.kind) fields.kind = 'contribution_kind_fixed';
    const date = patch.date ?? c.date;
    if (date < w.startsOn || date > w.endsOn) fields.date = 'outside_work_dates';
    else if (date > todayInThailand()) fields.date = 'date_in_future';
    if (c.kind === 'labour' && date !== c.date) {
      const [dup] = await rows<{ id: string }>(
        tx,
        sql`select id from water_maintenance_contributions
            where tenant_id = ${tid} and work_id = ${workId} and kind = 'labour' and party_id = ${c.partyId} and given_on = ${date} and id <> ${c.id}`,
      );
      if (dup) fields.date = 'duplicate_labour_day';
    }
    if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
    const inner = inTenantSession(ctx, tx);
    let after: ContributionRow;
    if (patch.kind === 'labour') {
      let minutes = patch.hours !== undefined ? Math.round(patch.hours * 60) : c.minutes;
      if (c.hoursId) minutes = (await changeHours(inner, c.hoursId, { date, ...(patch.hours !== undefined ? { hours: patch.hours } : {}) }, 'date')).minutes;
      after = { ...c, date, minutes };
      await tx.execute(sql`update water_maintenance_contributions set given_on = ${date}, minutes = ${minutes} where tenant_id = ${tid} and id = ${c.id}`);
    } else {
      const next = { partyId: c.partyId, date, description: patch.description ?? c.description!, valueSatang: patch.valueSatang ?? c.valueSatang! };
      after = { ...c, date, description: next.description, valueSatang: next.valueSatang };
      if (next.date !== c.date || next.description !== c.description || next.valueSatang !== c.valueSatang) {
        if (c.ledgerId) await reverseMaterial(tx, inner, c.ledgerId, `แก้ไขรายการ — ${w.title}`.slice(0, 300));
        after.ledgerId = (await recordMaterial(inner, w, next)).id;
        await tx.execute(
          sql`update water_maintenance_contributions set given_on = ${date}, description = ${next.description}, value_satang = ${next.valueSatang},
                ledger_transaction_id = ${after.ledgerId} where tenant_id = ${tid} and id = ${c.id}`,
        );
      }
    }
    await audit(tx, ctx, {
      entity: 'water_maintenance_contribution',
      entityId: c.id,
      entityLabel: `${w.title}: ${c.kind === 'labour' ? c.partyName : after.description}`,
      action: 'update',
      before: contributionAudit(workId, c),
      after: contributionAudit(workId, after),
    });
    return loadWork(tx, ctx, workId);
  });
}

/** Remove one contribution: its hours withdrawn in manpower, or its material reversed in the ledger. */
export function deleteContribution(ctx: TenantContext, workId: string, contributionId: string): Promise<MaintenanceDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tid = ctx.tenant.id;
    const { w, c } = await oneContribution(tx, tid, workId, contributionId);
    await removeContribution(tx, ctx, inTenantSession(ctx, tx), workId, w.title, c, `ลบรายการ — ${w.title}`);
    return loadWork(tx, ctx, workId);
  });
}

// ---------------------------------------------------------------- duty days (วันลงแขก)

/** Hundredths of a rai, exactly (numeric(9,2) arrives as a string). */
const hundredths = (v: string | number) => Math.round(Number(v) * 100);

/**
 * Days a member owes in a season under the group's rule: `days` each, or `days` for every `rai` rai irrigated, rounded
 * up (7.5 rai at 1 day per 5 rai owes 2). Whole-number arithmetic on hundredths of a rai.
 */
export function dutyOwed(rule: DutyRule, irrigatedRai: number): number {
  if (rule.basis === 'per_member') return rule.days;
  const per = hundredths(rule.rai ?? 0);
  if (per <= 0) return 0;
  return Math.ceil((hundredths(irrigatedRai) * rule.days) / per);
}

export function setDutyRule(ctx: TenantContext, groupId: string, input: z.output<typeof dutyRuleInput>): Promise<DutyRule> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const [g] = await rows<{ name: string; basis: string; days: number; rai: string | null }>(
      tx,
      sql`select name, duty_basis as basis, duty_days as days, duty_rai as rai from water_user_groups where tenant_id = ${ctx.tenant.id} and id = ${groupId} for update`,
    );
    if (!g) throw new AppError('not_found');
    await tx.execute(
      sql`update water_user_groups set duty_basis = ${input.basis}, duty_days = ${input.days}, duty_rai = ${input.rai}
          where tenant_id = ${ctx.tenant.id} and id = ${groupId}`,
    );
    await audit(tx, ctx, {
      entity: 'water_user_group',
      entityId: groupId,
      entityLabel: g.name,
      action: 'update',
      before: { dutyBasis: g.basis, dutyDays: g.days, dutyRai: g.rai === null ? null : Number(g.rai) },
      after: { dutyBasis: input.basis, dutyDays: input.days, dutyRai: input.rai },
    });
    return { basis: input.basis, days: input.days, rai: input.rai };
  });
}

/** Each member's duty days owed and given in a season (default: the latest season with a work). */
export function dutyTable(ctx: TenantContext, groupId: string, season?: string): Promise<DutyTable> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tid = ctx.tenant.id;
    const [g] = await rows<{ id: string; name: string; basis: DutyRule['basis']; days: number; rai: string | null }>(
      tx,
      sql`select id, name, duty_basis as basis, duty_days as days, duty_rai as rai from water_user_groups where tenant_id = ${tid} and id = ${groupId}`,
    );
    if (!g) throw new AppError('not_found');
    const rule: DutyRule = { basis: g.basis, days: g.days, rai: g.rai === null ? null : Number(g.rai) };
    // the works that count for this group: its own and the whole system's
    const counts = sql`(w.group_id = ${groupId} or w.group_id is null)`;
    const seasons = (
      await rows<{ season: string }>(
        tx,
        sql`select w.season from water_maintenance_works w where w.tenant_id = ${tid} and ${counts} group by w.season order by max(w.starts_on) desc`,
      )
    ).map((s) => s.season);
    const chosen = season ?? seasons[0] ?? '';
    const members = await rows<{ partyId: string; name: string; role: DutyTable['members'][number]['role']; irrigatedRai: string; given: number }>(
      tx,
      sql`select m.party_id as "partyId", p.name, m.role, m.irrigated_rai as "irrigatedRai",
                 (select count(distinct c.given_on)::int from water_maintenance_contributions c
                  join water_maintenance_works w on w.tenant_id = c.tenant_id and w.id = c.work_id
                  where c.tenant_id = m.tenant_id and c.party_id = m.party_id and c.kind = 'labour' and w.season = ${chosen} and ${counts}) as given
          from water_group_members m join parties p on p.tenant_id = m.tenant_id and p.id = m.party_id
          where m.tenant_id = ${tid} and m.group_id = ${groupId}
          order by case m.role when 'head' then 0 when 'officer' then 1 else 2 end, p.name collate "und-x-icu"`,
    );
    const out = members.map((m) => {
      const rai = Number(m.irrigatedRai);
      const owed = dutyOwed(rule, rai);
      return { partyId: m.partyId, name: m.name, role: m.role, irrigatedRai: rai, owed, given: m.given, balance: m.given - owed };
    });
    return {
      group: { id: g.id, name: g.name },
      season: chosen,
      rule,
      seasons,
      members: out,
      totals: { owed: out.reduce((s, m) => s + m.owed, 0), given: out.reduce((s, m) => s + m.given, 0) },
    };
  });
}
