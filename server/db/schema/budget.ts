import { sql } from 'drizzle-orm';
import { bigint, check, date, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { storedFileColumns } from './columns';
import { tenants } from './platform';
import { parties } from './registry';
import { planActivities, planProjects, plans } from './plans';

/**
 * Per-tenant budget settings and the head of the ledger's hash chain. Posting locks this row
 * (SELECT … FOR UPDATE), so two posts in one tenant cannot both extend the same head.
 */
export const budgetSettings = pgTable('budget_settings', {
  tenantId: uuid('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  /** Transactions whose total is above this stay pending until a second person approves. */
  approvalThresholdSatang: bigint('approval_threshold_satang', { mode: 'number' }).notNull().default(5_000_000),
  /** Expenses of at least this wait for a receipt before they are posted. */
  evidenceThresholdSatang: bigint('evidence_threshold_satang', { mode: 'number' }).notNull().default(500_000),
  /** A loosening change of a threshold, waiting for a second officer (docs/decisions/0004-ledger-governance.md). */
  proposedApprovalThresholdSatang: bigint('proposed_approval_threshold_satang', { mode: 'number' }),
  proposedEvidenceThresholdSatang: bigint('proposed_evidence_threshold_satang', { mode: 'number' }),
  proposedByUserId: uuid('proposed_by_user_id'),
  proposedByName: text('proposed_by_name'),
  proposedAt: timestamp('proposed_at', { withTimezone: true }),
  headSeq: integer('head_seq').notNull().default(0),
  headHash: text('head_hash').notNull().default('0000000000000000000000000000000000000000000000000000000000000000'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A source of funds: municipal budget, partner cash, in-kind help valued in baht, a grant or a donation. */
export const budgetFunds = pgTable(
  'budget_funds',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    /** The contributing party (required for everything but the municipal budget). */
    partyId: uuid('party_id'),
    fiscalYear: integer('fiscal_year').notNull(),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.partyId], foreignColumns: [parties.tenantId, parties.id] }),
    index('budget_funds_year_idx').on(t.tenantId, t.fiscalYear),
    uniqueIndex('budget_funds_name_year_uq').on(t.tenantId, t.fiscalYear, sql`lower(${t.name})`),
    check('budget_funds_kind_check', sql`${t.kind} in ('municipal', 'partner_cash', 'in_kind', 'grant', 'donation')`),
    check('budget_funds_party_check', sql`${t.kind} = 'municipal' or ${t.partyId} is not null`),
  ],
);

/** A budget line of a joint plan, optionally of one project or activity: the allocation; the rest comes from the ledger. */
export const budgetLines = pgTable(
  'budget_lines',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    fiscalYear: integer('fiscal_year').notNull(),
    planId: uuid('plan_id').notNull(),
    projectId: uuid('project_id'),
    activityId: uuid('activity_id'),
    name: text('name').notNull(),
    allocatedSatang: bigint('allocated_satang', { mode: 'number' }).notNull(),
    /** The committee resolution that approved the line (FK in migration 0017; only a new resolution clears it). */
    approvedByResolutionId: uuid('approved_by_resolution_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.planId], foreignColumns: [plans.tenantId, plans.id] }),
    foreignKey({ columns: [t.tenantId, t.projectId], foreignColumns: [planProjects.tenantId, planProjects.id] }),
    foreignKey({ columns: [t.tenantId, t.activityId], foreignColumns: [planActivities.tenantId, planActivities.id] }),
    index('budget_lines_plan_idx').on(t.tenantId, t.planId),
    index('budget_lines_year_idx').on(t.tenantId, t.fiscalYear),
    check('budget_lines_allocated_check', sql`${t.allocatedSatang} >= 0`),
  ],
);

/**
 * A ledger transaction. Pending ones wait for a checker; posted ones carry their place in the chain
 * (`seq`), the previous hash and their own. Triggers keep posted rows and their entries immutable.
 */
export const ledgerTransactions = pgTable(
  'ledger_transactions',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    fiscalYear: integer('fiscal_year').notNull(),
    description: text('description').notNull(),
    /** The counterparty: contributor, supplier or recipient. */
    partyId: uuid('party_id'),
    reversesId: uuid('reverses_id'),
    totalSatang: bigint('total_satang', { mode: 'number' }).notNull(),
    status: text('status').notNull(),
    makerUserId: uuid('maker_user_id'),
    makerName: text('maker_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    approverUserId: uuid('approver_user_id'),
    approverName: text('approver_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    rejectionReason: text('rejection_reason'),
    seq: integer('seq'),
    postedAt: timestamp('posted_at', { withTimezone: true }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /** The approval threshold in force when the transaction was made (null before it was recorded). */
    approvalThresholdSatang: bigint('approval_threshold_satang', { mode: 'number' }),
    /** Why it waits for a second person: threshold, split, overdraft, over_allocation, evidence. */
    reviewReasons: text('review_reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The maker's reason for an overdraft or a spend beyond the allocation. */
    exceptionReason: text('exception_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.partyId], foreignColumns: [parties.tenantId, parties.id] }),
    foreignKey({ columns: [t.tenantId, t.reversesId], foreignColumns: [t.tenantId, t.id] }),
    uniqueIndex('ledger_transactions_seq_uq').on(t.tenantId, t.seq),
    // a transaction is reversed at most once (a rejected reversal does not count)
    uniqueIndex('ledger_transactions_reverses_uq')
      .on(t.tenantId, t.reversesId)
      .where(sql`${t.status} <> 'rejected'`),
    index('ledger_transactions_year_idx').on(t.tenantId, t.fiscalYear, t.occurredOn),
    index('ledger_transactions_status_idx').on(t.tenantId, t.status),
    check('ledger_transactions_kind_check', sql`${t.kind} in ('contribution', 'commitment', 'expense', 'transfer', 'reversal')`),
    check('ledger_transactions_status_check', sql`${t.status} in ('pending', 'posted', 'rejected')`),
    check('ledger_transactions_total_check', sql`${t.totalSatang} > 0`),
    check(
      'ledger_transactions_posted_check',
      sql`(${t.status} = 'posted') = (${t.seq} is not null and ${t.hash} is not null and ${t.prevHash} is not null and ${t.postedAt} is not null)`,
    ),
  ],
);

/** One entry of a transaction: signed integer satang (debit positive, credit negative); a transaction's entries sum to zero. */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    tenantId: uuid('tenant_id').notNull(),
    transactionId: uuid('transaction_id').notNull(),
    lineNo: integer('line_no').notNull(),
    account: text('account').notNull(),
    fundId: uuid('fund_id').notNull(),
    budgetLineId: uuid('budget_line_id'),
    amountSatang: bigint('amount_satang', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.transactionId, t.lineNo] }),
    foreignKey({ columns: [t.tenantId, t.transactionId], foreignColumns: [ledgerTransactions.tenantId, ledgerTransactions.id] }),
    foreignKey({ columns: [t.tenantId, t.fundId], foreignColumns: [budgetFunds.tenantId, budgetFunds.id] }),
    foreignKey({ columns: [t.tenantId, t.budgetLineId], foreignColumns: [budgetLines.tenantId, budgetLines.id] }),
    index('ledger_entries_fund_idx').on(t.tenantId, t.fundId),
    index('ledger_entries_line_idx').on(t.tenantId, t.budgetLineId),
    check('ledger_entries_account_check', sql`${t.account} in ('fund', 'contribution', 'commitment', 'expense')`),
    check('ledger_entries_amount_check', sql`${t.amountSatang} <> 0`),
    check('ledger_entries_line_check', sql`(${t.account} in ('commitment', 'expense')) = (${t.budgetLineId} is not null)`),
  ],
);

/** A receipt photo or PDF attached to a transaction; stored by content hash; never removed. */
export const ledgerEvidence = pgTable(
  'ledger_evidence',
  {
    tenantId: uuid('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    transactionId: uuid('transaction_id').notNull(),
    ...storedFileColumns(),
    uploadedByName: text('uploaded_by_name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.transactionId], foreignColumns: [ledgerTransactions.tenantId, ledgerTransactions.id] }),
    index('ledger_evidence_tx_idx').on(t.tenantId, t.transactionId),
  ],
);

/** A signed checkpoint of a tenant's chain head (Ed25519, key outside the database); never changed. */
export const ledgerCheckpoints = pgTable(
  'ledger_checkpoints',
  {
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id),
    seq: integer('seq').notNull(),
    headHash: text('head_hash').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.seq] })],
);
