import type { z } from 'zod';
import type { finePayment, fineLevy, Incident, incidentInput, incidentPatch } from '../../../common/schemas/water';
import { transactionCreate } from '../../../common/schemas/budget';
import { formatThaiDate } from '../../../common/thai/dates';
import { audit } from '../../platform/audit';
import { inTransaction, type TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { todayInThailand } from '../../platform/today';
import { createTransaction } from '../budget/ledger.service';
import { filesOfIncidents } from '../evidence/evidence.service';
import { fineScheduleOn } from '../regulations/regulations.service';
import * as repo from './incidents.repository';
import { givenFields } from '../../../common/objects';

async function load(tx: Tx, ctx: TenantContext, id?: string): Promise<Incident[]> {
  const tenantId = ctx.tenant.id;
  const found = await repo.incidentRows(tx, tenantId, id);
  if (!found.length) return [];
  const fines = await repo.fineRows(
    tx,
    tenantId,
    found.map((i) => i.id),
  );
  const files = await filesOfIncidents(
    tx,
    ctx,
    found.map((i) => i.id),
  );
  return found.map((i) => ({ ...i, fines: fines.filter((f) => f.incidentId === i.id).map(({ incidentId: _i, ...f }) => f), files: files.get(i.id) ?? [] }));
}

async function loadOne(tx: Tx, ctx: TenantContext, id: string) {
  const [i] = await load(tx, ctx, id);
  if (!i) throw new AppError('not_found');
  return i;
}

export const listIncidents = (ctx: TenantContext) => withTenant(ctx.db, ctx.tenant.id, (tx) => load(tx, ctx));
export const getIncident = (ctx: TenantContext, id: string) => withTenant(ctx.db, ctx.tenant.id, (tx) => loadOne(tx, ctx, id));

export function createIncident(ctx: TenantContext, input: z.output<typeof incidentInput>): Promise<Incident> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const fields: Record<string, string> = {};
    if (input.occurredOn > todayInThailand()) fields.occurredOn = 'incident_in_future';
    if (!(await repo.sourceExists(tx, ctx.tenant.id, input.sourceId))) fields.sourceId = 'unknown_source';
    if (!(await repo.groupExists(tx, ctx.tenant.id, input.groupId))) fields.groupId = 'unknown_item';
    if (!(await repo.partyExists(tx, ctx.tenant.id, input.reporterPartyId))) fields.reporterPartyId = 'unknown_party';
    refuseFields(fields);
    const id = await repo.insertIncident(tx, { tenantId: ctx.tenant.id, ...input });
    await audit(tx, ctx, { entity: 'water_incident', entityId: id, entityLabel: input.place, action: 'create', after: input });
    return loadOne(tx, ctx, id);
  });
}

export function updateIncident(ctx: TenantContext, id: string, patch: z.output<typeof incidentPatch>): Promise<Incident> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await loadOne(tx, ctx, id);
    const set = givenFields(patch);
    if (Object.keys(set).length) await repo.updateIncidentRow(tx, ctx.tenant.id, id, set);
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
    if (!(await repo.regulationExists(tx, ctx.tenant.id, input.regulationId))) throw new AppError('validation_failed', { regulationId: 'unknown_item' });
    if (!(await repo.partyExists(tx, ctx.tenant.id, input.partyId))) throw new AppError('validation_failed', { partyId: 'unknown_party' });
    const schedule = await fineScheduleOn(tx, ctx, input.regulationId, incident.occurredOn);
    if (!schedule) throw new AppError('validation_failed', { regulationId: 'no_version_in_force' });
    const fine = schedule.fines.find((f) => f.clauseNumber === input.clauseNumber);
    if (!fine) throw new AppError('validation_failed', { clauseNumber: 'no_fine_for_clause' });
    const amount = input.repeat && fine.repeatAmountSatang !== null ? fine.repeatAmountSatang : fine.amountSatang;
    const fineRowId = await repo.insertFine(tx, {
      tenantId: ctx.tenant.id,
      incidentId: id,
      regulationFineId: fine.id,
      partyId: input.partyId,
      repeat: input.repeat,
      amountSatang: amount,
    });
    await audit(tx, ctx, {
      entity: 'water_incident_fine',
      entityId: fineRowId,
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
    const f = await repo.fineForUpdate(tx, ctx.tenant.id, id, fineId);
    if (!f) throw new AppError('not_found');
    if (f.paidOn) throw new AppError('conflict', { id: 'fine_paid' });
    if (input.paidOn < incident.occurredOn) throw new AppError('validation_failed', { paidOn: 'paid_before_incident' });
    const shown = incident.fines.find((x) => x.id === fineId)!;
    const ledger = await createTransaction(
      inTransaction(ctx, tx),
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
    await repo.markFinePaid(tx, ctx.tenant.id, fineId, input.paidOn, ledger.id);
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
