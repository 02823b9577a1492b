import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { finePayment, fineLevy, Incident, incidentInput, incidentPatch } from '../../../common/schemas/water';
import { transactionCreate } from '../../../common/schemas/budget';
import { formatThaiDate } from '../../../common/thai/dates';
import { waterIncidentFines, waterIncidents } from '../../db/schema';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Db, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { todayInThailand } from '../../platform/today';
import { createTransaction } from '../budget/ledger.service';
import { filesOfIncidents } from '../evidence/evidence.service';
import { fineScheduleOn } from '../regulations/regulations.service';
import { rows } from '../../platform/sql';

type IncidentRow = Omit<Incident, 'fines' | 'files'>;

async function load(tx: Tx, ctx: TenantContext, where: ReturnType<typeof sql>): Promise<Incident[]> {
  const tenantId = ctx.tenant.id;
  const found = await rows<IncidentRow>(
    tx,
    sql`select i.id, i.occurred_on::text as "occurredOn", i.kind,
               case when s.id is null then null else json_build_object('id', s.id, 'name', s.name) end as source,
               case when g.id is null then null else json_build_object('id', g.id, 'name', g.name) end as "group",
               case when p.id is null then null else json_build_object('id', p.id, 'name', p.name) end as reporter,
               i.place, i.description, i.evidence_note as "evidenceNote", i.resolution, i.status
        from water_incidents i
        left join water_sources s on s.tenant_id = i.tenant_id and s.id = i.source_id
        left join water_user_groups g on g.tenant_id = i.tenant_id and g.id = i.group_id
        left join parties p on p.tenant_id = i.tenant_id and p.id = i.reporter_party_id
        where i.tenant_id = ${tenantId} and ${where}
        order by i.occurred_on desc, i.created_at desc, i.id`,
  );
  if (!found.length) return [];
  const fines = await rows<Incident['fines'][number] & { incidentId: string }>(
    tx,
    sql`select f.id, f.incident_id as "incidentId", json_build_object('id', p.id, 'name', p.name) as party,
               json_build_object('id', v.id, 'number', v.number, 'title', v.title) as "regulationVersion",
               c.number as "clauseNumber", rf.offence, f.repeat, f.amount_satang::int as "amountSatang", f.paid_on::text as "paidOn",
               f.ledger_transaction_id as "ledgerTransactionId"
        from water_incident_fines f
        join parties p on p.tenant_id = f.tenant_id and p.id = f.party_id
        join regulation_fines rf on rf.tenant_id = f.tenant_id and rf.id = f.regulation_fine_id
        join regulation_clauses c on c.tenant_id = rf.tenant_id and c.id = rf.clause_id
        join regulation_versions v on v.tenant_id = rf.tenant_id and v.id = rf.version_id
        where f.tenant_id = ${tenantId} and f.incident_id in (${sql.join(
          found.map((i) => sql`${i.id}::uuid`),
          sql`, `,
        )})
        order by f.created_at, f.id`,
  );
  const files = await filesOfIncidents(
    tx,
    ctx,
    found.map((i) => i.id),
  );
  return found.map((i) => ({ ...i, fines: fines.filter((f) => f.incidentId === i.id).map(({ incidentId: _i, ...f }) => f), files: files.get(i.id) ?? [] }));
}

async function loadOne(tx: Tx, ctx: TenantContext, id: string) {
  const [i] = await load(tx, ctx, sql`i.id = ${id}`);
  if (!i) throw new AppError('not_found');
  return i;
}

export const listIncidents = (ctx: TenantContext) => withTenant(ctx.db, ctx.tenant.id, (tx) => load(tx, ctx, sql`true`));
export const getIncident = (ctx: TenantContext, id: string) => withTenant(ctx.db, ctx.tenant.id, (tx) => loadOne(tx, ctx, id));

export function createIncident(ctx: TenantContext, input: z.output<typeof incidentInput>): Promise<Incident> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const fields: Record<string, string> = {};
    if (input.occurredOn > todayInThailand()) fields.occurredOn = 'incident_in_future';
    const exists = async (table: string, id: string | null) =>
      !id || (await rows(tx, sql`select 1 from ${sql.raw(table)} where tenant_id = ${ctx.tenant.id} and id = ${id}`)).length > 0;
    if (!(await exists('water_sources', input.sourceId))) fields.sourceId = 'unknown_source';
    if (!(await exists('water_user_groups', input.groupId))) fields.groupId = 'unknown_item';
    if (!(await exists('parties', input.reporterPartyId))) fields.reporterPartyId = 'unknown_party';
    if (Object.keys(fields).length) throw new AppError('validation_failed', fields);
    const [row] = await tx
      .insert(waterIncidents)
      .values({ tenantId: ctx.tenant.id, ...input })
      .returning({ id: waterIncidents.id });
    await audit(tx, ctx, { entity: 'water_incident', entityId: row.id, entityLabel: input.place, action: 'create', after: input });
    return loadOne(tx, ctx, row.id);
  });
}

export function updateIncident(ctx: TenantContext, id: string, patch: z.output<typeof incidentPatch>): Promise<Incident> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await loadOne(tx, ctx, id);
    const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    if (Object.keys(set).length)
      await tx
        .update(waterIncidents)
        .set(set)
        .where(and(eq(waterIncidents.tenantId, ctx.tenant.id), eq(waterIncidents.id, id)));
    await audit(tx, ctx, {
      entity: 'water_incident',
      entityId: id,
      entityLabel: before.place,
      action: 'update',
      before: { status: before.status, resolution: before.resolution },
      after: set,
    });
    return loadOne(tx, ctx, id);
  });
}

/** Levy a fine: the amount comes from the fine schedule of the regulation version in force on the incident date. */
export function levyFine(ctx: TenantContext, id: string, input: z.output<typeof fineLevy>): Promise<Incident> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const incident = await loadOne(tx, ctx, id);
    const [reg] = await rows(tx, sql`select 1 from regulations where tenant_id = ${ctx.tenant.id} and id = ${input.regulationId}`);
    if (!reg) throw new AppError('validation_failed', { regulationId: 'unknown_item' });
    const [person] = await rows(tx, sql`select 1 from parties where tenant_id = ${ctx.tenant.id} and id = ${input.partyId}`);
    if (!person) throw new AppError('validation_failed', { partyId: 'unknown_party' });
    const schedule = await fineScheduleOn(tx, ctx, input.regulationId, incident.occurredOn);
    if (!schedule) throw new AppError('validation_failed', { regulationId: 'no_version_in_force' });
    const fine = schedule.fines.find((f) => f.clauseNumber === input.clauseNumber);
    if (!fine) throw new AppError('validation_failed', { clauseNumber: 'no_fine_for_clause' });
    const amount = input.repeat && fine.repeatAmountSatang !== null ? fine.repeatAmountSatang : fine.amountSatang;
    const [row] = await tx
      .insert(waterIncidentFines)
      .values({ tenantId: ctx.tenant.id, incidentId: id, regulationFineId: fine.id, partyId: input.partyId, repeat: input.repeat, amountSatang: amount })
      .returning({ id: waterIncidentFines.id });
    await audit(tx, ctx, {
      entity: 'water_incident_fine',
      entityId: row.id,
      entityLabel: `${incident.place}: ${fine.offence}`,
      action: 'create',
      after: { ...input, versionId: schedule.versionId, amountSatang: amount },
    });
    return loadOne(tx, ctx, id);
  });
}

/**
 * A paid fine goes into the group's fund as a contribution from the offender (debit fund, credit contribution),
 * through the budget module's own transaction — the same rules, hash chain and audit — in this transaction.
 */
export function payFine(ctx: TenantContext, id: string, fineId: string, input: z.output<typeof finePayment>): Promise<Incident> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const incident = await loadOne(tx, ctx, id);
    const [f] = await tx
      .select()
      .from(waterIncidentFines)
      .where(and(eq(waterIncidentFines.tenantId, ctx.tenant.id), eq(waterIncidentFines.incidentId, id), eq(waterIncidentFines.id, fineId)))
      .for('update');
    if (!f) throw new AppError('not_found');
    if (f.paidOn) throw new AppError('conflict', { id: 'fine_paid' });
    if (input.paidOn < incident.occurredOn) throw new AppError('validation_failed', { paidOn: 'paid_before_incident' });
    const shown = incident.fines.find((x) => x.id === fineId)!;
    const ledger = await createTransaction(
      { ...ctx, db: tx as unknown as Db },
      transactionCreate.parse({
        kind: 'contribution',
        occurredOn: input.paidOn,
        description:
          `ค่าปรับตามกฎระเบียบ ข้อ ${shown.clauseNumber} (${shown.offence}) เหตุวันที่ ${formatThaiDate(incident.occurredOn, { style: 'long' })} ${incident.place}`.slice(
            0,
            1000,
          ),
        partyId: f.partyId,
        entries: [
          { account: 'fund', side: 'debit', fundId: input.fundId, amountSatang: f.amountSatang },
          { account: 'contribution', side: 'credit', fundId: input.fundId, amountSatang: f.amountSatang },
        ],
      }),
    );
    await tx
      .update(waterIncidentFines)
      .set({ paidOn: input.paidOn, ledgerTransactionId: ledger.id })
      .where(and(eq(waterIncidentFines.tenantId, ctx.tenant.id), eq(waterIncidentFines.id, fineId)));
    await audit(tx, ctx, {
      entity: 'water_incident_fine',
      entityId: fineId,
      entityLabel: `${incident.place}: ${shown.offence}`,
      action: 'update',
      before: { paidOn: null },
      after: { paidOn: input.paidOn, ledgerTransactionId: ledger.id, fundId: input.fundId },
    });
    return loadOne(tx, ctx, id);
  });
}
