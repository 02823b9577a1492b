// The ledger's enumerations, free of zod so that the web's first chunk does not carry it (scripts/bundle-size.ts).
export const FUND_KINDS = ['municipal', 'partner_cash', 'in_kind', 'grant', 'donation'] as const;
export type FundKind = (typeof FUND_KINDS)[number];
export const LEDGER_ACCOUNTS = ['fund', 'contribution', 'commitment', 'expense'] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];
export const TRANSACTION_KINDS = ['contribution', 'commitment', 'expense', 'transfer', 'reversal'] as const;
export type TransactionKind = (typeof TRANSACTION_KINDS)[number];
/** Why a transaction waits: at or above the approval threshold, looks split to stay under it, overdraws a fund, spends beyond a line's allocation, needs a receipt. */
export const REVIEW_REASONS = ['threshold', 'split', 'overdraft', 'over_allocation', 'evidence'] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];
export const TRANSACTION_STATUSES = ['pending', 'posted', 'rejected'] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];
