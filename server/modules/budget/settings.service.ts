import type { z } from 'zod';
import type { BudgetSettings, budgetSettingsUpdate } from '../../../common/schemas/budget';
import { audit } from '../../platform/audit';
import { canAct, type TenantContext, actorUserId } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { notify } from '../notifications/notify';
import { CHECKER_ROLES } from './ledger.service';
import * as ledger from './ledger.repository';

/** The ledger's approval and evidence thresholds: a stricter one at once, a looser one by a second officer's approval. */

function presentSettings(ctx: TenantContext, s: ledger.SettingsRow): BudgetSettings {
  const proposed = s.proposedAt !== null;
  return {
    approvalThresholdSatang: s.approvalThresholdSatang,
    evidenceThresholdSatang: s.evidenceThresholdSatang,
    headSeq: s.headSeq,
    headHash: s.headHash,
    proposal: proposed
      ? {
          approvalThresholdSatang: s.proposedApprovalThresholdSatang,
          evidenceThresholdSatang: s.proposedEvidenceThresholdSatang,
          by: { id: s.proposedByUserId, name: s.proposedByName ?? '' },
          at: new Date(s.proposedAt!).toISOString(),
        }
      : null,
    canDecideProposal: proposed && canAct(ctx.actor, CHECKER_ROLES) && (!s.proposedByUserId || s.proposedByUserId !== actorUserId(ctx)),
  };
}

export async function getSettings(ctx: TenantContext): Promise<BudgetSettings> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => presentSettings(ctx, await ledger.settingsRow(tx, ctx.tenant.id)));
}

const SETTINGS_LABEL = 'เกณฑ์การอนุมัติรายการบัญชี';
const thresholdsOf = (s: ledger.SettingsRow) => ({
  approvalThresholdSatang: s.approvalThresholdSatang,
  evidenceThresholdSatang: s.evidenceThresholdSatang,
});

/**
 * A stricter threshold (lower or equal) takes effect at once; a looser one (higher) becomes a proposal
 * that another officer must approve, so that no one can raise a threshold and use it alone. A new
 * proposal replaces one still waiting. Transactions keep the threshold in force when they were made.
 */
export async function updateSettings(ctx: TenantContext, input: z.output<typeof budgetSettingsUpdate>): Promise<BudgetSettings> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await ledger.lockHead(tx, ctx.tenant.id);
    const now: Partial<ledger.SettingsRow> = {};
    const later: Partial<ledger.SettingsRow> = {};
    const apply = (
      key: 'approvalThresholdSatang' | 'evidenceThresholdSatang',
      proposedKey: 'proposedApprovalThresholdSatang' | 'proposedEvidenceThresholdSatang',
    ) => {
      const v = input[key];
      if (v === undefined) return;
      if (v <= before[key]) now[key] = v;
      else later[proposedKey] = v;
    };
    apply('approvalThresholdSatang', 'proposedApprovalThresholdSatang');
    apply('evidenceThresholdSatang', 'proposedEvidenceThresholdSatang');
    const proposing = Object.keys(later).length > 0;
    const after = await ledger.updateSettings(tx, ctx.tenant.id, {
      ...now,
      ...(proposing
        ? {
            proposedApprovalThresholdSatang: null,
            proposedEvidenceThresholdSatang: null,
            ...later,
            proposedByUserId: actorUserId(ctx),
            proposedByName: ctx.actor.user.name,
            proposedAt: new Date(),
          }
        : {}),
      updatedAt: new Date(),
    });
    await auditSettings(
      tx,
      ctx,
      { ...thresholdsOf(before) },
      {
        ...thresholdsOf(after),
        ...(proposing
          ? { proposedApprovalThresholdSatang: after.proposedApprovalThresholdSatang, proposedEvidenceThresholdSatang: after.proposedEvidenceThresholdSatang }
          : {}),
      },
    );
    if (proposing) await notify(tx, ctx, { kind: 'threshold_proposed', settings: after });
    return presentSettings(ctx, after);
  });
}

/** The settings row's change in the audit log (one row per tenant: no id, the label names it). */
const auditSettings = (tx: Tx, ctx: TenantContext, before: Record<string, unknown>, after: Record<string, unknown>) =>
  audit(tx, ctx, { entity: 'budget_settings', entityId: null, entityLabel: SETTINGS_LABEL, action: 'update', before, after });

/** A second officer puts a proposed threshold change in force (approve) or drops it (reject; the proposer may withdraw it). */
export async function decideSettings(ctx: TenantContext, decision: 'approve' | 'reject'): Promise<BudgetSettings> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const before = await ledger.lockHead(tx, ctx.tenant.id);
    if (!before.proposedAt) throw new AppError('conflict', { proposal: 'no_threshold_proposal' });
    const own = !!before.proposedByUserId && before.proposedByUserId === actorUserId(ctx);
    if (decision === 'approve' && own) throw new AppError('forbidden', { approver: 'maker_cannot_approve' });
    if (!own && !canAct(ctx.actor, CHECKER_ROLES)) throw new AppError('forbidden');
    const clear = {
      proposedApprovalThresholdSatang: null,
      proposedEvidenceThresholdSatang: null,
      proposedByUserId: null,
      proposedByName: null,
      proposedAt: null,
    };
    const after = await ledger.updateSettings(tx, ctx.tenant.id, {
      ...(decision === 'approve'
        ? {
            approvalThresholdSatang: before.proposedApprovalThresholdSatang ?? before.approvalThresholdSatang,
            evidenceThresholdSatang: before.proposedEvidenceThresholdSatang ?? before.evidenceThresholdSatang,
          }
        : {}),
      ...clear,
      updatedAt: new Date(),
    });
    await auditSettings(
      tx,
      ctx,
      {
        ...thresholdsOf(before),
        proposedApprovalThresholdSatang: before.proposedApprovalThresholdSatang,
        proposedEvidenceThresholdSatang: before.proposedEvidenceThresholdSatang,
        proposedBy: before.proposedByName,
      },
      { ...thresholdsOf(after), decision },
    );
    return presentSettings(ctx, after);
  });
}
