import { TRANSACTION_STATUSES, type TransactionStatus } from '../../../../common/schemas/budget-enums';

/** Search params of the budget pages (kept here so the shared search file stays untouched). */
export interface BudgetSearch {
  fiscalYear?: number;
  networkId?: string;
}
export interface LedgerSearch {
  fiscalYear?: number;
  status?: TransactionStatus;
  page?: number;
}
const year = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 2500 && n <= 2700 ? n : undefined;
};
const page = (v: unknown) => {
  const n = Number(v);
  return Number.isInteger(n) && n > 1 && n < 100_000 ? n : undefined;
};
const id = (v: unknown) => (typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v : undefined);

export const validateBudgetSearch = (s: Record<string, unknown>): BudgetSearch => ({ fiscalYear: year(s.fiscalYear), networkId: id(s.networkId) });
export const validateLedgerSearch = (s: Record<string, unknown>): LedgerSearch => ({
  fiscalYear: year(s.fiscalYear),
  status: typeof s.status === 'string' && (TRANSACTION_STATUSES as readonly string[]).includes(s.status) ? (s.status as TransactionStatus) : undefined,
  page: page(s.page),
});
export const validatePrintSearch = (s: Record<string, unknown>): { fiscalYear?: number } => ({ fiscalYear: year(s.fiscalYear) });

/** The fiscal year (B.E.) of today: 1 October starts the next one. */
export function currentFiscalYear(): number {
  const d = new Date();
  return d.getFullYear() + 543 + (d.getMonth() >= 9 ? 1 : 0);
}
