import { transactionCreate } from '../../../common/schemas/budget';
import { formatThaiDate } from '../../../common/thai/dates';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import type { Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { todayInThailand } from '../../platform/today';
import { createTransaction, reverse } from '../budget/ledger.service';
import { deleteHours, updateHours } from '../manpower/hours-logging.service';
import { reviewHours } from '../manpower/hours-review.service';
import * as repo from './maintenance.repository';
import type { ContributionRow } from './maintenance.repository';

/**
 * What maintenance works and their contributions share: the crossings into the budget module (a material as an in-kind
 * contribution, undone by a reversal) and the manpower module (a labour day's volunteer hours), both run inside the
 * caller's transaction.
 */

/** A material entry into the work's in-kind fund, through the budget module (its rules, its hash chain). */
export function recordMaterial(
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

/**
 * A material's ledger transaction undone the ledger's way: a reversal through the budget module when it is posted (the
 * original stays in the chain), nothing when it was rejected or is already reversed. A transaction still waiting for a
 * second officer is decided there first. Answers the reversal's id.
 */
export async function reverseMaterial(tx: Tx, inner: TenantContext, ledgerId: string, reason: string): Promise<string | null> {
  const t = await repo.ledgerState(tx, inner.tenant.id, ledgerId);
  if (!t || t.status === 'rejected' || t.reversed) return null;
  if (t.status !== 'posted') throw new AppError('conflict', { ledger: 'maintenance_ledger_pending' });
  return (await reverse(inner, ledgerId, { reason, occurredOn: todayInThailand() })).id;
}

/** Labour's hours through the manpower module again, confirmed at once when the recorder may confirm them (as when recorded). */
export async function changeHours(inner: TenantContext, hoursId: string, patch: { activityId?: string; date?: string; hours?: number }, field: string) {
  const log = await updateHours(inner, hoursId, patch).catch((err) => {
    if (err instanceof AppError && err.fields)
      throw new AppError(err.code, Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [k === 'activityId' || k === 'taskId' ? field : k, v])));
    throw err;
  });
  if (log.canReview) await reviewHours(inner, hoursId, { status: 'confirmed' });
  return log;
}

export const contributionAudit = (workId: string, c: ContributionRow) => ({
  workId,
  partyId: c.partyId,
  kind: c.kind,
  givenOn: c.date,
  ...(c.kind === 'labour'
    ? { minutes: c.minutes, volunteerHoursId: c.hoursId }
    : { description: c.description, valueSatang: c.valueSatang, ledgerTransactionId: c.ledgerId }),
});

/** Remove one contribution: its hours withdrawn in manpower or its material reversed in the ledger, then the row (audited). */
export async function removeContribution(tx: Tx, ctx: TenantContext, inner: TenantContext, workId: string, title: string, c: ContributionRow, reason: string) {
  let reversalId: string | null = null;
  if (c.kind === 'labour' && c.hoursId) await deleteHours(inner, c.hoursId);
  if (c.kind === 'material' && c.ledgerId) reversalId = await reverseMaterial(tx, inner, c.ledgerId, reason.slice(0, 300));
  await repo.deleteContributionRow(tx, ctx.tenant.id, c.id);
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
