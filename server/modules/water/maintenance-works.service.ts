import type { z } from 'zod';
import type { MaintenanceDetail, maintenanceInput, maintenancePatch, MaintenanceRemoval, MaintenanceSummary } from '../../../common/schemas/water';
import { audit } from '../../platform/audit';
import { inTransaction, type TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, assertDateOrder, refuseFields } from '../../platform/errors';
import { changeHours, recordMaterial, removeContribution, reverseMaterial } from './maintenance-links';
import * as repo from './maintenance.repository';
import type { WorkFields, WorkRow } from './maintenance.repository';
import { givenFields } from '../../../common/objects';

/**
 * Annual repair and dredging (ขุดลอก) of the canal system: the works themselves. What people gave to a work is in
 * maintenance-contributions.service.ts, the duty days it counts towards in duty-days.service.ts.
 */

const presentWork = (w: WorkRow): MaintenanceSummary => ({ ...w, materialSatang: Number(w.materialSatang) });

export async function loadWork(tx: Tx, ctx: TenantContext, id: string): Promise<MaintenanceDetail> {
  const [w] = await repo.workRows(tx, ctx.tenant.id, { id });
  if (!w) throw new AppError('not_found');
  const cs = await repo.contributionViews(tx, ctx.tenant.id, id);
  return {
    ...presentWork(w),
    contributions: cs.map((c) => ({ ...c, valueSatang: c.valueSatang === null ? null : Number(c.valueSatang) })),
  };
}

export const listWorks = (ctx: TenantContext, season?: string): Promise<MaintenanceSummary[]> =>
  withTenant(ctx.db, ctx.tenant.id, async (tx) => (await repo.workRows(tx, ctx.tenant.id, { season })).map(presentWork));

export const getWork = (ctx: TenantContext, id: string) => withTenant(ctx.db, ctx.tenant.id, (tx) => loadWork(tx, ctx, id));

const MAX_WORK_DAYS = 60;

/** The field errors of a work's dates and references (source, group, activity, in-kind fund) in this tenant. */
async function checkWork(tx: Tx, tid: string, input: WorkFields): Promise<Record<string, string>> {
  assertDateOrder(input.startsOn, input.endsOn, 'endsOn');
  const fields: Record<string, string> = {};
  if ((Date.parse(input.endsOn) - Date.parse(input.startsOn)) / 86_400_000 > MAX_WORK_DAYS) fields.endsOn = 'maintenance_too_long';
  if (!(await repo.sourceExists(tx, tid, input.sourceId))) fields.sourceId = 'unknown_source';
  if (input.groupId && !(await repo.groupExists(tx, tid, input.groupId))) fields.groupId = 'unknown_item';
  if (!(await repo.activityExists(tx, tid, input.activityId))) fields.activityId = 'unknown_activity';
  if (input.fundId) {
    const kind = await repo.fundKind(tx, tid, input.fundId);
    if (!kind) fields.fundId = 'unknown_fund';
    else if (kind !== 'in_kind') fields.fundId = 'fund_not_in_kind';
  }
  return fields;
}

export function createWork(ctx: TenantContext, input: z.output<typeof maintenanceInput>): Promise<MaintenanceDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tid = ctx.tenant.id;
    const fields = await checkWork(tx, tid, input);
    refuseFields(fields);
    const id = await repo.insertWork(tx, tid, input);
    await audit(tx, ctx, { entity: 'water_maintenance_work', entityId: id, entityLabel: input.title, action: 'create', after: input });
    return loadWork(tx, ctx, id);
  });
}

/**
 * Correct a work. Its contributions must still fall within its dates; a new plan activity moves the labour's volunteer
 * hours there (manpower's `updateHours`); a new in-kind fund re-records each material: a reversal of the old
 * contribution and a new one into the new fund (the ledger is append-only).
 */
export function updateWork(ctx: TenantContext, id: string, patch: z.output<typeof maintenancePatch>): Promise<MaintenanceDetail> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const tid = ctx.tenant.id;
    const before = await repo.workForUpdate(tx, tid, id);
    if (!before) throw new AppError('not_found');
    const next: WorkFields = { ...before, ...givenFields(patch) };
    const fields = await checkWork(tx, tid, next);
    const cs = await repo.contributionsForUpdate(tx, tid, id);
    if (cs.some((c) => c.date < next.startsOn)) fields.startsOn = 'contributions_outside_dates';
    if (cs.some((c) => c.date > next.endsOn)) fields.endsOn = 'contributions_outside_dates';
    const materials = cs.filter((c) => c.kind === 'material');
    if (!next.fundId && materials.length) fields.fundId = 'maintenance_has_materials';
    refuseFields(fields);
    await repo.updateWorkRow(tx, tid, id, next);
    const inner = inTransaction(ctx, tx);
    if (next.activityId !== before.activityId)
      for (const c of cs) if (c.kind === 'labour' && c.hoursId) await changeHours(inner, c.hoursId, { activityId: next.activityId }, 'activityId');
    if (next.fundId !== before.fundId)
      for (const c of materials) {
        if (c.ledgerId) await reverseMaterial(tx, inner, c.ledgerId, `ย้ายไปแหล่งทุนอื่น — ${next.title}`.slice(0, 300));
        const ledger = await recordMaterial(inner, next, { partyId: c.partyId, date: c.date, description: c.description!, valueSatang: c.valueSatang! });
        await repo.setContributionLedger(tx, tid, c.id, ledger.id);
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
    const w = await repo.workForUpdate(tx, tid, id);
    if (!w) throw new AppError('not_found');
    const inner = inTransaction(ctx, tx);
    const out: MaintenanceRemoval = { reversalIds: [], hoursWithdrawn: 0 };
    for (const c of await repo.contributionsForUpdate(tx, tid, id)) {
      const done = await removeContribution(tx, ctx, inner, id, w.title, c, `ยกเลิกงาน ${w.title}`);
      if (done.reversalId) out.reversalIds.push(done.reversalId);
      out.hoursWithdrawn += done.hoursWithdrawn;
    }
    await repo.deleteWorkRow(tx, tid, id);
    await audit(tx, ctx, { entity: 'water_maintenance_work', entityId: id, entityLabel: w.title, action: 'delete', before: w });
    return out;
  });
}
