import type { z } from 'zod';
import type { contributionPatch, contributionsInput, MaintenanceDetail } from '../../../common/schemas/water';
import { audit } from '../../platform/audit';
import { inTransaction, type TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { todayInThailand } from '../../platform/today';
import { createHours } from '../manpower/hours-logging.service';
import { reviewHours } from '../manpower/hours-review.service';
import { changeHours, contributionAudit, recordMaterial, removeContribution, reverseMaterial } from './maintenance-links';
import { loadWork } from './maintenance-works.service';
import * as repo from './maintenance.repository';
import type { ContributionRow } from './maintenance.repository';

/**
 * What members gave to a maintenance work. A member's labour is logged through the manpower module's own `createHours`
 * (and confirmed through its `reviewHours` when the recorder may confirm), so it is the same volunteer hours everywhere;
 * materials go through the budget module's `createTransaction` as an in-kind contribution into the work's fund, so the
 * ledger's rules and hash chain apply. Both run inside this transaction (savepoints): a sheet is recorded whole or not
 * at all.
 */

type SheetEntry = z.output<typeof contributionsInput>['entries'][number];

/**
 * The field errors of an attendance sheet before anything is recorded: each date within the work's dates and not in
 * the future, materials only into a work with a fund, and one labour day per person and date (on the sheet and with
 * what `recorded` already holds, as "party date" keys).
 */
export function sheetErrors(
  entries: Pick<SheetEntry, 'kind' | 'partyId' | 'date'>[],
  w: { startsOn: string; endsOn: string; fundId: string | null },
  today: string,
  recorded: Set<string>,
): Record<string, string> {
  const fields: Record<string, string> = {};
  entries.forEach((e, i) => {
    if (e.date < w.startsOn || e.date > w.endsOn) fields[`entries.${i}.date`] = 'outside_work_dates';
    else if (e.date > today) fields[`entries.${i}.date`] = 'date_in_future';
    if (e.kind === 'material' && !w.fundId) fields[`entries.${i}.kind`] = 'maintenance_no_fund';
  });
  const labourKeys = new Set<string>();
  entries.forEach((e, i) => {
    if (e.kind !== 'labour') return;
    const key = `${e.partyId} ${e.date}`;
    if (labourKeys.has(key)) fields[`entries.${i}.partyId`] = 'duplicate_labour_day';
    labourKeys.add(key);
  });
  entries.forEach((e, i) => {
    if (e.kind === 'labour' && recorded.has(`${e.partyId} ${e.date}`)) fields[`entries.${i}.partyId`] = 'duplicate_labour_day';
  });
  return fields;
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
    const w = await repo.sheetWorkForUpdate(tx, tid, workId);
    if (!w) throw new AppError('not_found');
    const fields = sheetErrors(input.entries, w, todayInThailand(), await repo.labourDayKeys(tx, tid, workId));
    refuseFields(fields);
    const inner = inTransaction(ctx, tx);
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
        const id = await repo.insertLabour(tx, tid, workId, e.partyId, e.date, log.minutes, log.id);
        await audit(tx, ctx, {
          entity: 'water_maintenance_contribution',
          entityId: id,
          entityLabel: `${w.title}: ${log.person.name}`,
          action: 'create',
          after: { workId, partyId: e.partyId, kind: 'labour', givenOn: e.date, minutes: log.minutes, volunteerHoursId: log.id },
        });
      } else {
        const ledger = await recordMaterial(inner, w, e).catch((err) => underEntry(err, i));
        const id = await repo.insertMaterial(tx, tid, workId, e, ledger.id);
        await audit(tx, ctx, {
          entity: 'water_maintenance_contribution',
          entityId: id,
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

async function oneContribution(tx: Tx, tid: string, workId: string, contributionId: string) {
  const w = await repo.workForUpdate(tx, tid, workId);
  const [c] = w ? await repo.contributionsForUpdate(tx, tid, workId, contributionId) : [];
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
    if (c.kind === 'labour' && date !== c.date && (await repo.otherLabourOn(tx, tid, workId, c.partyId, date, c.id))) fields.date = 'duplicate_labour_day';
    refuseFields(fields);
    const inner = inTransaction(ctx, tx);
    let after: ContributionRow;
    if (patch.kind === 'labour') {
      let minutes = patch.hours !== undefined ? Math.round(patch.hours * 60) : c.minutes;
      if (c.hoursId) minutes = (await changeHours(inner, c.hoursId, { date, ...(patch.hours !== undefined ? { hours: patch.hours } : {}) }, 'date')).minutes;
      after = { ...c, date, minutes };
      await repo.setLabour(tx, tid, c.id, date, minutes);
    } else {
      const next = { partyId: c.partyId, date, description: patch.description ?? c.description!, valueSatang: patch.valueSatang ?? c.valueSatang! };
      after = { ...c, date, description: next.description, valueSatang: next.valueSatang };
      if (next.date !== c.date || next.description !== c.description || next.valueSatang !== c.valueSatang) {
        if (c.ledgerId) await reverseMaterial(tx, inner, c.ledgerId, `แก้ไขรายการ — ${w.title}`.slice(0, 300));
        after.ledgerId = (await recordMaterial(inner, w, next)).id;
        await repo.setMaterial(tx, tid, c.id, { date, description: next.description, valueSatang: next.valueSatang, ledgerId: after.ledgerId });
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
    await removeContribution(tx, ctx, inTransaction(ctx, tx), workId, w.title, c, `ลบรายการ — ${w.title}`);
    return loadWork(tx, ctx, workId);
  });
}
