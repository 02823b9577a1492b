import { z } from 'zod';
import { isoDate, listQuery } from './api';
import { partySummary } from './partners';
import { fiscalYear, fiscalYearQuery } from './plans';

export * from './budget-enums';
import {
  FUND_KINDS,
  LEDGER_ACCOUNTS,
  REVIEW_REASONS,
  TRANSACTION_KINDS,
  TRANSACTION_STATUSES,
  type FundKind,
  type LedgerAccount,
  type TransactionKind,
} from './budget-enums';

/** One entry (or one transaction) is at most 1,000,000,000,000 baht: sums of 50 entries stay exact in JavaScript. */
export const MAX_ENTRY_SATANG = 100_000_000_000_000;
export const MAX_ENTRIES = 50;
export const GENESIS_HASH = '0'.repeat(64);

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

/** A positive whole number of satang: fractions, zero, negatives and overflow are refused. */
export const positiveSatang = z
  .number({ message: 'invalid_number' })
  .int({ message: 'satang_integer' })
  .min(1, { message: 'amount_not_zero' })
  .max(MAX_ENTRY_SATANG, { message: 'amount_too_large' });

// ---- settings ----
const thresholdSatang = z
  .number()
  .int({ message: 'satang_integer' })
  .min(0, { message: 'must_not_be_negative' })
  .max(MAX_ENTRY_SATANG, { message: 'amount_too_large' });
export const budgetSettings = z.object({
  /** Transactions of at least this wait for a second person. */
  approvalThresholdSatang: z.number().int(),
  /** Expenses of at least this wait for a receipt (evidence) before they are posted. */
  evidenceThresholdSatang: z.number().int(),
  headSeq: z.number().int(),
  headHash: z.string(),
  /** A loosening change proposed by one officer, in force only once another approves it. */
  proposal: z
    .object({
      approvalThresholdSatang: z.number().int().nullable(),
      evidenceThresholdSatang: z.number().int().nullable(),
      by: z.object({ id: z.uuid().nullable(), name: z.string() }),
      at: z.string(),
    })
    .nullable(),
  /** Whether the caller may approve or reject the proposal (a checker who did not propose it). */
  canDecideProposal: z.boolean(),
});
export type BudgetSettings = z.infer<typeof budgetSettings>;
export const budgetSettingsUpdate = z
  .strictObject({ approvalThresholdSatang: thresholdSatang.optional(), evidenceThresholdSatang: thresholdSatang.optional() })
  .refine((v) => v.approvalThresholdSatang !== undefined || v.evidenceThresholdSatang !== undefined, { message: 'nothing_to_change' });
export type BudgetSettingsUpdate = z.input<typeof budgetSettingsUpdate>;

// ---- funds ----
export const fundCreate = z.strictObject({
  name: text(300).min(1),
  kind: z.enum(FUND_KINDS),
  partyId: z.uuid().nullish(),
  fiscalYear,
  note: optionalText(2000),
});
export type FundCreate = z.input<typeof fundCreate>;
/** Name, kind, party and note of a fund may change (audited); its fiscal year stays (entries are booked in it). */
export const fundUpdate = z
  .strictObject({ name: text(300).min(1).optional(), kind: z.enum(FUND_KINDS).optional(), partyId: z.uuid().nullish(), note: optionalText(2000).optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing_to_change' });
export type FundUpdate = z.input<typeof fundUpdate>;
export const fund = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(FUND_KINDS),
  party: partySummary.nullable(),
  fiscalYear: z.number().int(),
  note: z.string().nullable(),
  receivedSatang: z.number().int(),
  committedSatang: z.number().int(),
  spentSatang: z.number().int(),
  availableSatang: z.number().int(),
});
export type Fund = z.infer<typeof fund>;
export const fundListQuery = listQuery.extend({ fiscalYear: fiscalYearQuery.optional(), kind: z.enum(FUND_KINDS).optional() });

// ---- budget lines ----
export const lineCreate = z.strictObject({
  planId: z.uuid(),
  projectId: z.uuid().nullish(),
  activityId: z.uuid().nullish(),
  name: text(300).nullish(),
  /** Default: the activity's (or project's, or plan's) planned budget. */
  allocatedSatang: z
    .number()
    .int({ message: 'satang_integer' })
    .min(0, { message: 'must_not_be_negative' })
    .max(MAX_ENTRY_SATANG, { message: 'amount_too_large' })
    .nullish(),
});
export type LineCreate = z.input<typeof lineCreate>;
/** A line's name or allocation (what it belongs to stays: entries were booked against it). */
export const lineUpdate = z
  .strictObject({
    name: text(300).min(1).optional(),
    allocatedSatang: z
      .number()
      .int({ message: 'satang_integer' })
      .min(0, { message: 'must_not_be_negative' })
      .max(MAX_ENTRY_SATANG, { message: 'amount_too_large' })
      .optional(),
  })
  .refine((v) => v.name !== undefined || v.allocatedSatang !== undefined, { message: 'nothing_to_change' });
export type LineUpdate = z.input<typeof lineUpdate>;
export const budgetLine = z.object({
  id: z.uuid(),
  fiscalYear: z.number().int(),
  name: z.string(),
  plan: z.object({ id: z.uuid(), name: z.string() }),
  project: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  activity: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  plannedSatang: z.number().int(),
  allocatedSatang: z.number().int(),
  committedSatang: z.number().int(),
  spentSatang: z.number().int(),
  remainingSatang: z.number().int(),
});
export type BudgetLine = z.infer<typeof budgetLine>;
export const lineListQuery = listQuery.extend({ fiscalYear: fiscalYearQuery.optional(), planId: z.uuid().optional(), networkId: z.uuid().optional() });

// ---- transactions ----
export const entryInput = z.strictObject({
  account: z.enum(LEDGER_ACCOUNTS),
  side: z.enum(['debit', 'credit']),
  fundId: z.uuid(),
  budgetLineId: z.uuid().nullish(),
  amountSatang: positiveSatang,
});
export type EntryInput = z.input<typeof entryInput>;
/**
 * A ledger date: not before 1 Jan 2500 B.E. (1957) and not more than a year ahead; 1900 and 2099 were
 * accepted (issue 15). The future bound is checked against the clock when the request is validated.
 */
export const LEDGER_EARLIEST = '1957-01-01';
export const ledgerDate = isoDate
  .refine((s) => s >= LEDGER_EARLIEST, { message: 'date_too_early' })
  .refine(
    (s) => {
      const limit = new Date();
      limit.setUTCFullYear(limit.getUTCFullYear() + 1);
      return s <= limit.toISOString().slice(0, 10);
    },
    { message: 'date_too_late' },
  );
export const transactionCreate = z.strictObject({
  kind: z.enum(['contribution', 'commitment', 'expense', 'transfer']),
  occurredOn: ledgerDate,
  description: text(1000).min(1),
  partyId: z.uuid().nullish(),
  entries: z.array(entryInput).min(2, { message: 'at_least_two_entries' }).max(MAX_ENTRIES),
  /** Why this may overdraw a fund or spend beyond a line's allocation: then a second officer decides. */
  exceptionReason: optionalText(1000).refine((v) => v === null || v.length >= 3, { message: 'reason_required' }),
});
export type TransactionCreate = z.input<typeof transactionCreate>;
export const reverseBody = z.strictObject({ reason: text(1000).min(3, { message: 'reason_required' }), occurredOn: ledgerDate.nullish() });
export const rejectBody = z.strictObject({ reason: text(1000).min(3, { message: 'reason_required' }) });

export const entry = z.object({
  lineNo: z.number().int(),
  account: z.enum(LEDGER_ACCOUNTS),
  fund: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(FUND_KINDS) }),
  budgetLine: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  debitSatang: z.number().int(),
  creditSatang: z.number().int(),
});
export const evidence = z.object({
  id: z.uuid(),
  filename: z.string(),
  kind: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  createdAt: z.string(),
  url: z.string(),
});
export type Evidence = z.infer<typeof evidence>;
export const transaction = z.object({
  id: z.uuid(),
  kind: z.enum(TRANSACTION_KINDS),
  occurredOn: z.string(),
  fiscalYear: z.number().int(),
  description: z.string(),
  party: partySummary.nullable(),
  reversesId: z.uuid().nullable(),
  reversedById: z.uuid().nullable(),
  totalSatang: z.number().int(),
  status: z.enum(TRANSACTION_STATUSES),
  maker: z.object({ id: z.uuid().nullable(), name: z.string() }),
  approver: z.object({ id: z.uuid().nullable(), name: z.string() }).nullable(),
  decidedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
  seq: z.number().int().nullable(),
  postedAt: z.string().nullable(),
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
  createdAt: z.string(),
  entries: z.array(entry),
  evidence: z.array(evidence),
  /** Why it waits (or waited) for a second person or a receipt. */
  reviewReasons: z.array(z.enum(REVIEW_REASONS)),
  exceptionReason: z.string().nullable(),
  /** The approval threshold in force when it was made (null for transactions made before it was recorded). */
  approvalThresholdSatang: z.number().int().nullable(),
  /** Whether the caller may approve or reject it (pending, checker role, not the maker). */
  canDecide: z.boolean(),
});
export type Transaction = z.infer<typeof transaction>;
export const transactionListQuery = listQuery.extend({
  fiscalYear: fiscalYearQuery.optional(),
  status: z.enum(TRANSACTION_STATUSES).optional(),
  kind: z.enum(TRANSACTION_KINDS).optional(),
  fundId: z.uuid().optional(),
  budgetLineId: z.uuid().optional(),
});
export const verifyResult = z.object({
  valid: z.boolean(),
  checked: z.number().int(),
  firstInvalidId: z.uuid().optional(),
  /** Why the chain is not valid: a transaction's hash or link, or the head not matching the last transaction. */
  reason: z.enum(['hash_mismatch', 'broken_link', 'sequence_gap', 'head_mismatch', 'checkpoint_mismatch']).optional(),
  headHash: z.string(),
  headSeq: z.number().int(),
});
export type VerifyResult = z.infer<typeof verifyResult>;

/** A signed checkpoint of the chain head (Ed25519 over canonical JSON {v:1, tenantId, seq, headHash, signedAt}). */
export const checkpoint = z.object({ seq: z.number().int(), headHash: z.string(), signedAt: z.string(), keyId: z.string(), signature: z.string() });
export type Checkpoint = z.infer<typeof checkpoint>;
export const checkpointCheck = z.strictObject({
  seq: z.number().int().min(1).max(2_000_000_000),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.string().max(40),
  signature: z.string().max(200),
  keyId: z.string().max(64).optional(),
});
export const checkpointCheckResult = z.object({
  /** The signature is the tenant's key over this content. */
  signatureValid: z.boolean(),
  /** The ledger still has this hash at this place in the chain. */
  matchesLedger: z.boolean(),
});

// ---- transparency ----
export const transparencyQuery = z.object({
  fiscalYear: fiscalYearQuery.optional(),
  networkId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  fundId: z.uuid().optional(),
});
export const amounts = z.object({
  plannedSatang: z.number().int(),
  allocatedSatang: z.number().int(),
  committedSatang: z.number().int(),
  spentSatang: z.number().int(),
  remainingSatang: z.number().int(),
});
export const contributor = z.object({
  /** Null for private individuals on public pages (they are counted, not named). */
  partyId: z.uuid().nullable(),
  name: z.string(),
  kind: z.enum(['organization', 'person', 'individuals']),
  sector: z.string().nullable(),
  cashSatang: z.number().int(),
  inKindSatang: z.number().int(),
  totalSatang: z.number().int(),
  count: z.number().int(),
});
export type Contributor = z.infer<typeof contributor>;
export const transparency = z.object({
  fiscalYear: z.number().int().nullable(),
  totals: amounts,
  byProject: z.array(amounts.extend({ id: z.uuid(), name: z.string(), planName: z.string(), fiscalYear: z.number().int() })),
  byNetwork: z.array(amounts.extend({ id: z.uuid(), name: z.string() })),
  byFund: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      kind: z.enum(FUND_KINDS),
      fiscalYear: z.number().int(),
      receivedSatang: z.number().int(),
      committedSatang: z.number().int(),
      spentSatang: z.number().int(),
      availableSatang: z.number().int(),
    }),
  ),
  bySourceKind: z.array(z.object({ kind: z.enum(FUND_KINDS), receivedSatang: z.number().int() })),
  contributors: z.array(contributor),
  leverage: z.object({
    municipalSatang: z.number().int(),
    partnerSatang: z.number().int(),
    /** Partner contributions (cash, in-kind, grants, donations) per baht of municipal money; null without municipal money. */
    perBaht: z.number().nullable(),
  }),
  chain: z.object({
    headHash: z.string(),
    headSeq: z.number().int(),
    /** The latest signed checkpoint, and the public key (SPKI PEM) that verifies it. */
    checkpoint: checkpoint.nullable().optional(),
    publicKey: z.string().nullable().optional(),
    tenantId: z.uuid().optional(),
  }),
  fiscalYears: z.array(z.number().int()),
});
export type Transparency = z.infer<typeof transparency>;

export const publicTransaction = z.object({
  seq: z.number().int(),
  occurredOn: z.string(),
  fiscalYear: z.number().int(),
  kind: z.enum(TRANSACTION_KINDS),
  description: z.string().nullable(),
  counterparty: z.string().nullable(),
  totalSatang: z.number().int(),
  reversesSeq: z.number().int().nullable(),
  entries: z.array(
    z.object({
      account: z.enum(LEDGER_ACCOUNTS),
      fund: z.string(),
      budgetLine: z.string().nullable(),
      debitSatang: z.number().int(),
      creditSatang: z.number().int(),
    }),
  ),
  prevHash: z.string(),
  hash: z.string(),
});
export type PublicTransaction = z.infer<typeof publicTransaction>;
export const publicLedgerQuery = z.object({
  fiscalYear: fiscalYearQuery.optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export const publicTenant = z.object({ slug: z.string(), nameTh: z.string(), nameEn: z.string() });
export const publicTransparency = transparency.extend({ tenant: publicTenant });
export type PublicTransparency = z.infer<typeof publicTransparency>;
export const exportQuery = z.object({ fiscalYear: fiscalYearQuery });

// Thai labels (kept beside the enums so that the shared labels file stays untouched by this module)
export const FUND_KIND_TH: Record<FundKind, string> = {
  municipal: 'งบประมาณเทศบัญญัติ',
  partner_cash: 'เงินสมทบจากภาคี',
  in_kind: 'สิ่งของ/แรงงาน (คิดมูลค่าเป็นเงิน)',
  grant: 'เงินอุดหนุน/ทุนสนับสนุน',
  donation: 'เงินบริจาค',
};
export const ACCOUNT_TH: Record<LedgerAccount, string> = { fund: 'แหล่งเงิน', contribution: 'รับสมทบ', commitment: 'ผูกพัน', expense: 'ใช้จ่าย' };
export const TRANSACTION_KIND_TH: Record<TransactionKind, string> = {
  contribution: 'รับเงิน/สิ่งของสมทบ',
  commitment: 'ก่อหนี้ผูกพัน',
  expense: 'เบิกจ่าย',
  transfer: 'โอนระหว่างแหล่งเงิน',
  reversal: 'กลับรายการ',
};
