import { TRANSACTION_STATUSES, type TransactionStatus } from '../../../../common/schemas/budget-enums';
import { fiscalYear, oneOf, page, uuid } from '../../context/search-params';

/** Search params of the budget pages. */
export interface BudgetSearch {
  fiscalYear?: number;
  networkId?: string;
}
export interface LedgerSearch {
  fiscalYear?: number;
  status?: TransactionStatus;
  page?: number;
}
export const validateBudgetSearch = (s: Record<string, unknown>): BudgetSearch => ({ fiscalYear: fiscalYear(s.fiscalYear), networkId: uuid(s.networkId) });
export const validateLedgerSearch = (s: Record<string, unknown>): LedgerSearch => ({
  fiscalYear: fiscalYear(s.fiscalYear),
  status: oneOf(TRANSACTION_STATUSES, s.status),
  page: page(s.page),
});
export const validatePrintSearch = (s: Record<string, unknown>): { fiscalYear?: number } => ({ fiscalYear: fiscalYear(s.fiscalYear) });

/** The fiscal year (B.E.) of today: 1 October starts the next one. */
export function currentFiscalYear(): number {
  const d = new Date();
  return d.getFullYear() + 543 + (d.getMonth() >= 9 ? 1 : 0);
}
