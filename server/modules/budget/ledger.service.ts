import type { z } from 'zod';
import type { ListResult } from '../../../common/schemas/api';
import { MAX_ENTRY_SATANG, type ReviewReason, type Transaction, type transactionCreate, type transactionListQuery } from '../../../common/schemas/budget';
import { fiscalYearOf } from '../../../common/thai/dates';
import { audit } from '../../platform/audit';
import { canAct, type TenantContext, actorUserId } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError, refuseFields } from '../../platform/errors';
import { presentPartySummary } from '../partners/partners.present';
import { existingFundIds, existingLineIds, fundLabels, fundPartyId, lineLabels, partiesByIds } from './budget.repository';
import { chainHash, type ChainContent } from './chain';
import * as ledger from './ledger.repository';
import { signHead } from './checkpoints';
import { presentEvidence } from './evidence';
import { allowed, looksSplit, shortfalls, type Shortfalls } from './governance';
import { notify } from '../notifications/notify';
import { existingPartyIds } from '../partners/partners.repository';

type TxRow = ledger.TxRow;
type EntryRow = ledger.EntryRow;
type NewEntry = ledger.NewEntry;

/** Who may approve or reject a pending transaction (and never their own). */
export const CHECKER_ROLES = ['admin', 'officer'] as const;

function contentOf(
  t: TxRow,
  entries: EntryRow[] | NewEntry[],
  seq: number,
  postedAt: Date,
  approver: { id: string | null; name: string | null },
): ChainContent {
  return {
    id: t.id,
    seq,
    kind: t.kind,
    occurredOn: t.occurredOn,
    fiscalYear: t.fiscalYear,
    description: t.description,
    partyId: t.partyId,
    reversesId: t.reversesId,
    totalSatang: Number(t.totalSatang),
    makerUserId: t.makerUserId,
    makerName: t.makerName,
    approverUserId: approver.id,
    approverName: approver.name,
    postedAt,
    entries: entries.map((e) => ({
      lineNo: e.lineNo,
      account: e.account,
      fundId: e.fundId,
      budgetLineId: e.budgetLineId,
      amountSatang: Number(e.amountSatang),
    })),
  };
}

/**
 * Post a pending transaction: lock the tenant's chain head, take the next sequence number, hash the
 * canonical content with the head's hash, and move the head — all in the caller's database transaction,
 * so concurrent posts queue on the lock and can never fork the chain.
 */
async function post(
  tx: Tx,
  tenantId: string,
  t: TxRow,
  entries: EntryRow[] | NewEntry[],
  approver: { id: string | null; name: string | null },
): Promise<TxRow> {
  const head = await ledger.lockHead(tx, tenantId);
  const seq = head.headSeq + 1;
  const postedAt = new Date();
  const hash = chainHash(head.headHash, contentOf(t, entries, seq, postedAt, approver));
  const row = await ledger.markPosted(tx, tenantId, t.id, {
    seq,
    postedAt,
    prevHash: head.headHash,
    hash,
    approverUserId: approver.id,
    approverName: approver.name,
    decidedAt: approver.name ? postedAt : null,
  });
  if (!row) throw new AppError('conflict');
  await ledger.moveHead(tx, tenantId, { headSeq: seq, headHash: hash, updatedAt: postedAt });
  await signHead(tx, tenantId, seq, hash, postedAt);
  return row;
}

/** Check the entries against the tenant's funds and budget lines, the account rules and the balance; field keys name the entry. */
async function checkEntries(tx: Tx, tenantId: string, entries: z.output<typeof transactionCreate>['entries']): Promise<{ rows: NewEntry[]; total: number }> {
  const fields: Record<string, string> = {};
  const fundIds = [...new Set(entries.map((e) => e.fundId))];
  const lineIds = [...new Set(entries.map((e) => e.budgetLineId).filter((x): x is string => !!x))];
  const funds = await existingFundIds(tx, tenantId, fundIds);
  const lines = await existingLineIds(tx, tenantId, lineIds);
  let debits = 0;
  let credits = 0;
  entries.forEach((e, i) => {
    if (!funds.has(e.fundId)) fields[`entries.${i}.fundId`] = 'unknown_fund';
    const needsLine = e.account === 'commitment' || e.account === 'expense';
    if (needsLine && !e.budgetLineId) fields[`entries.${i}.budgetLineId`] = 'budget_line_required';
    if (!needsLine && e.budgetLineId) fields[`entries.${i}.budgetLineId`] = 'budget_line_not_allowed';
    if (e.budgetLineId && needsLine && !lines.has(e.budgetLineId)) fields[`entries.${i}.budgetLineId`] = 'unknown_budget_line';
    if (e.side === 'debit') debits += e.amountSatang;
    else credits += e.amountSatang;
  });
  if (!Object.keys(fields).length) {
    if (debits !== credits) fields.entries = 'entries_unbalanced';
    else if (debits > MAX_ENTRY_SATANG) fields.entries = 'amount_too_large';
  }
  refuseFields(fields);
  return {
    total: debits,
    rows: entries.map((e, i) => ({
      lineNo: i + 1,
      account: e.account,
      fundId: e.fundId,
      budgetLineId: e.budgetLineId ?? null,
      amountSatang: e.side === 'debit' ? e.amountSatang : -e.amountSatang,
    })),
  };
}

/** The field of the first entry that names each overdrawn fund or overspent line. */
function shortfallFields(entries: NewEntry[], short: Shortfalls): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const id of short.overdrawn) fields[`entries.${entries.findIndex((e) => e.fundId === id && e.account === 'fund')}.fundId`] = 'fund_overdrawn';
  for (const id of short.overspent) fields[`entries.${entries.findIndex((e) => e.budgetLineId === id)}.budgetLineId`] = 'line_over_allocation';
  return fields;
}

/**
 * Insert a pending transaction with its entries and post it at once unless a rule holds it: a total at
 * or above the threshold in force (recorded on the transaction), a payment that looks split to stay
 * under it, an overdraft or a spend beyond the allocation (refused without the maker's reason, held for
 * a second officer with one), or an expense that needs a receipt first.
 */
async function record(
  tx: Tx,
  ctx: TenantContext,
  head: { kind: string; occurredOn: string; description: string; partyId: string | null; reversesId: string | null },
  entries: NewEntry[],
  total: number,
  exceptionReason: string | null,
): Promise<TxRow> {
  const tenantId = ctx.tenant.id;
  const settings = await ledger.settingsRow(tx, tenantId);
  const threshold = settings.approvalThresholdSatang;
  const reasons: ReviewReason[] = [];
  if (total >= threshold) reasons.push('threshold');
  else if (await looksSplit(tx, tenantId, head, entries, threshold)) reasons.push('split');
  const short = await shortfalls(tx, tenantId, entries);
  if (short.overdrawn.length || short.overspent.length) {
    if (!exceptionReason) throw new AppError('conflict', { ...shortfallFields(entries, short), exceptionReason: 'exception_reason_required' });
    if (short.overdrawn.length) reasons.push('overdraft');
    if (short.overspent.length) reasons.push('over_allocation');
  }
  if (head.kind === 'expense' && total >= settings.evidenceThresholdSatang) reasons.push('evidence');
  const pending = await ledger.insertPending(
    tx,
    {
      tenantId,
      ...head,
      fiscalYear: fiscalYearOf(head.occurredOn),
      totalSatang: total,
      makerUserId: actorUserId(ctx),
      makerName: ctx.actor.user.name,
      approvalThresholdSatang: threshold,
      reviewReasons: reasons,
      exceptionReason: reasons.includes('overdraft') || reasons.includes('over_allocation') ? exceptionReason : null,
    },
    entries,
  );
  const row = reasons.length ? pending : await post(tx, tenantId, pending, entries, { id: null, name: null });
  await audit(tx, ctx, {
    entity: 'ledger_transaction',
    entityId: row.id,
    entityLabel: row.description,
    action: 'create',
    after: {
      kind: row.kind,
      occurredOn: row.occurredOn,
      partyId: row.partyId,
      reversesId: row.reversesId,
      totalSatang: row.totalSatang,
      status: row.status,
      seq: row.seq,
      hash: row.hash,
      reviewReasons: reasons,
      exceptionReason: row.exceptionReason,
    },
  });
  await notify(tx, ctx, { kind: 'transaction_recorded', transaction: row });
  return row;
}

export async function createTransaction(ctx: TenantContext, input: z.output<typeof transactionCreate>): Promise<Transaction> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const { rows, total } = await checkEntries(tx, ctx.tenant.id, input.entries);
    let partyId = input.partyId ?? null;
    if (partyId) {
      if (!(await existingPartyIds(tx, ctx.tenant.id, [partyId])).size) throw new AppError('validation_failed', { partyId: 'unknown_party' });
    } else if (input.kind === 'contribution') {
      // a contribution names its contributor: the party of the fund it is credited to
      const credited = input.entries.find((e) => e.account === 'contribution');
      if (credited) partyId = await fundPartyId(tx, ctx.tenant.id, credited.fundId);
    }
    const row = await record(
      tx,
      ctx,
      { kind: input.kind, occurredOn: input.occurredOn, description: input.description, partyId, reversesId: null },
      rows,
      total,
      input.exceptionReason ?? null,
    );
    return (await present(tx, ctx, [row]))[0];
  });
}

async function findTx(tx: Tx, tenantId: string, id: string): Promise<TxRow> {
  const row = await ledger.findTransaction(tx, tenantId, id);
  if (!row) throw new AppError('not_found');
  return row;
}

const entriesOf = ledger.entriesOf;

function assertChecker(ctx: TenantContext, t: TxRow) {
  if (!canAct(ctx.actor, CHECKER_ROLES)) throw new AppError('forbidden');
  if (t.status !== 'pending') throw new AppError('conflict', { status: 'transaction_not_pending' });
  if (t.makerUserId && t.makerUserId === actorUserId(ctx)) throw new AppError('forbidden', { approver: 'maker_cannot_approve' });
}

export async function approve(ctx: TenantContext, id: string): Promise<Transaction> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const t = await findTx(tx, ctx.tenant.id, id);
    assertChecker(ctx, t);
    const entries = await entriesOf(tx, ctx.tenant.id, [id]);
    await assertPostable(tx, ctx.tenant.id, t, entries);
    const row = await postAudited(tx, ctx, t, entries, { id: actorUserId(ctx), name: ctx.actor.user.name }, 'approve', (r) => ({ approver: r.approverName }));
    return (await present(tx, ctx, [row]))[0];
  });
}

/** Post a pending transaction (approved by a second officer, or by nobody once its receipt came) and say so in the audit log. */
async function postAudited(
  tx: Tx,
  ctx: TenantContext,
  t: TxRow,
  entries: EntryRow[],
  approver: { id: string | null; name: string | null },
  action: 'approve' | 'update',
  more: (row: TxRow) => Record<string, unknown>,
): Promise<TxRow> {
  const row = await post(tx, ctx.tenant.id, t, entries, approver);
  await audit(tx, ctx, {
    entity: 'ledger_transaction',
    entityId: t.id,
    entityLabel: row.description,
    action,
    before: { status: 'pending' },
    after: { status: 'posted', seq: row.seq, hash: row.hash, ...more(row) },
  });
  return row;
}

/** The shortfalls that posting these stored entries would cause now. */
const shortfallsOfStored = (tx: Tx, tenantId: string, entries: EntryRow[]) =>
  shortfalls(
    tx,
    tenantId,
    entries.map((e) => ({ ...e, amountSatang: Number(e.amountSatang) })),
  );

/**
 * The rules again at posting time (balances may have moved since the transaction was made): an
 * overdraft or overspend only when the maker asked for that exception; a receipt when one is needed.
 */
async function assertPostable(tx: Tx, tenantId: string, t: TxRow, entries: EntryRow[]) {
  const ok = allowed(t.reviewReasons);
  const short = await shortfallsOfStored(tx, tenantId, entries);
  const fields: Record<string, string> = {};
  if (short.overdrawn.length && !ok.overdraft) fields.fund = 'fund_overdrawn';
  if (short.overspent.length && !ok.overAllocation) fields.budgetLine = 'line_over_allocation';
  if (t.reviewReasons.includes('evidence') && !(await ledger.hasEvidence(tx, tenantId, t.id))) fields.evidence = 'evidence_required';
  refuseFields(fields, 'conflict');
}

/**
 * After a receipt is attached: a transaction that waited only for it is posted now, when the rules
 * still hold; otherwise it keeps waiting (for a second officer, who may also reject it).
 */
export async function postWhenEvidenced(ctx: TenantContext, id: string): Promise<void> {
  await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const t = await findTx(tx, ctx.tenant.id, id);
    if (t.status !== 'pending' || t.reviewReasons.length !== 1 || t.reviewReasons[0] !== 'evidence') return;
    const entries = await entriesOf(tx, ctx.tenant.id, [id]);
    const short = await shortfallsOfStored(tx, ctx.tenant.id, entries);
    if (short.overdrawn.length || short.overspent.length) return;
    await postAudited(tx, ctx, t, entries, { id: null, name: null }, 'update', () => ({ evidence: true }));
  });
}

export async function reject(ctx: TenantContext, id: string, reason: string): Promise<Transaction> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const t = await findTx(tx, ctx.tenant.id, id);
    assertChecker(ctx, t);
    const row = await ledger.markRejected(tx, ctx.tenant.id, id, {
      rejectionReason: reason,
      approverUserId: actorUserId(ctx),
      approverName: ctx.actor.user.name,
      decidedAt: new Date(),
    });
    if (!row) throw new AppError('conflict');
    await audit(tx, ctx, {
      entity: 'ledger_transaction',
      entityId: id,
      entityLabel: row.description,
      action: 'reject',
      before: { status: 'pending' },
      after: { status: 'rejected', rejectionReason: reason },
    });
    return (await present(tx, ctx, [row]))[0];
  });
}

/** A correction: a new transaction with every entry of a posted one turned around. The original stays as it was. */
export async function reverse(ctx: TenantContext, id: string, input: { reason: string; occurredOn?: string | null }): Promise<Transaction> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const t = await findTx(tx, ctx.tenant.id, id);
    if (t.status !== 'posted') throw new AppError('conflict', { status: 'not_posted' });
    if (t.kind === 'reversal') throw new AppError('conflict', { status: 'reversal_of_reversal' });
    if (await ledger.isReversed(tx, ctx.tenant.id, id)) throw new AppError('conflict', { status: 'already_reversed' });
    const entries = (await entriesOf(tx, ctx.tenant.id, [id])).map((e) => ({
      lineNo: e.lineNo,
      account: e.account,
      fundId: e.fundId,
      budgetLineId: e.budgetLineId,
      amountSatang: -Number(e.amountSatang),
    }));
    const occurredOn = input.occurredOn ?? new Date().toISOString().slice(0, 10);
    const row = await record(
      tx,
      ctx,
      { kind: 'reversal', occurredOn, description: `กลับรายการ: ${t.description} — ${input.reason}`.slice(0, 1000), partyId: t.partyId, reversesId: id },
      entries,
      Number(t.totalSatang),
      // a correction that would overdraw (a contribution already spent) goes to a second officer with its reason
      input.reason,
    );
    return (await present(tx, ctx, [row]))[0];
  });
}

export async function getTransaction(ctx: TenantContext, id: string): Promise<Transaction> {
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => (await present(tx, ctx, [await findTx(tx, ctx.tenant.id, id)]))[0]);
}

export async function listTransactions(ctx: TenantContext, q: z.output<typeof transactionListQuery>): Promise<ListResult<Transaction>> {
  const { page, pageSize, ...filter } = q;
  return withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const found = await ledger.listTransactions(tx, ctx.tenant.id, filter, pageSize, (page - 1) * pageSize);
    return { items: await present(tx, ctx, found.rows), total: found.total, page, pageSize };
  });
}

async function present(tx: Tx, ctx: TenantContext, rows: TxRow[]): Promise<Transaction[]> {
  const tenantId = ctx.tenant.id;
  const ids = rows.map((r) => r.id);
  const entries = await entriesOf(tx, tenantId, ids);
  const fundIds = [...new Set(entries.map((e) => e.fundId))];
  const lineIds = [...new Set(entries.map((e) => e.budgetLineId).filter((x): x is string => !!x))];
  const partyIds = [...new Set(rows.map((r) => r.partyId).filter((x): x is string => !!x))];
  const funds = await fundLabels(tx, tenantId, fundIds);
  const lines = await lineLabels(tx, tenantId, lineIds);
  const ps = await partiesByIds(tx, tenantId, partyIds);
  const evidence = await ledger.evidenceOf(tx, tenantId, ids);
  const reversals = await ledger.reversalsOf(tx, tenantId, ids);
  const fund = new Map(funds.map((f) => [f.id, f]));
  const line = new Map(lines.map((l) => [l.id, l]));
  const party = new Map(ps.map((p) => [p.id, presentPartySummary(p)]));
  const reversedBy = new Map(reversals.map((r) => [r.reversesId, r.id]));
  const me = actorUserId(ctx);
  const checker = canAct(ctx.actor, CHECKER_ROLES);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as Transaction['kind'],
    occurredOn: r.occurredOn,
    fiscalYear: r.fiscalYear,
    description: r.description,
    party: r.partyId ? (party.get(r.partyId) ?? null) : null,
    reversesId: r.reversesId,
    reversedById: reversedBy.get(r.id) ?? null,
    totalSatang: Number(r.totalSatang),
    status: r.status as Transaction['status'],
    maker: { id: r.makerUserId, name: r.makerName },
    approver: r.approverName ? { id: r.approverUserId, name: r.approverName } : null,
    decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
    rejectionReason: r.rejectionReason,
    seq: r.seq,
    postedAt: r.postedAt ? new Date(r.postedAt).toISOString() : null,
    prevHash: r.prevHash,
    hash: r.hash,
    createdAt: new Date(r.createdAt).toISOString(),
    entries: entries
      .filter((e) => e.transactionId === r.id)
      .map((e) => {
        const f = fund.get(e.fundId)!;
        const amount = Number(e.amountSatang);
        return {
          lineNo: e.lineNo,
          account: e.account as Transaction['entries'][number]['account'],
          fund: { id: f.id, name: f.name, kind: f.kind as Transaction['entries'][number]['fund']['kind'] },
          budgetLine: e.budgetLineId ? (line.get(e.budgetLineId) ?? null) : null,
          debitSatang: amount > 0 ? amount : 0,
          creditSatang: amount < 0 ? -amount : 0,
        };
      }),
    evidence: evidence.filter((x) => x.transactionId === r.id).map((x) => presentEvidence(ctx.tenant.slug, x)),
    reviewReasons: r.reviewReasons as ReviewReason[],
    exceptionReason: r.exceptionReason,
    approvalThresholdSatang: r.approvalThresholdSatang,
    canDecide: r.status === 'pending' && checker && (!r.makerUserId || r.makerUserId !== me),
  }));
}

export { post as postPendingForSeed, contentOf };
