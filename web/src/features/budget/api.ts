import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../common/schemas';
import type {
  BudgetLine,
  BudgetSettings,
  BudgetSettingsUpdate,
  Fund,
  FundCreate,
  FundUpdate,
  LineCreate,
  LineUpdate,
  PublicTransaction,
  PublicTransparency,
  Transaction,
  TransactionCreate,
  Transparency,
  VerifyResult,
} from '../../../../common/schemas/budget';
import { api, apiUrl, type Query, tenantPath } from '../../api/client';

export const PAGE_SIZE = 20;
const key = (tenant: string, ...rest: unknown[]) => ['t', tenant, 'budget', ...rest];

export function useTransparency(tenant: string, query: Query) {
  return useQuery({
    queryKey: key(tenant, 'transparency', query),
    queryFn: ({ signal }) => api<Transparency>(tenantPath(tenant, '/budget/transparency'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}
export function useFunds(tenant: string, query: Query, enabled = true) {
  return useQuery({
    queryKey: key(tenant, 'funds', query),
    queryFn: ({ signal }) => api<ListResult<Fund>>(tenantPath(tenant, '/budget/funds'), { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}
export function useLines(tenant: string, query: Query) {
  return useQuery({
    queryKey: key(tenant, 'lines', query),
    queryFn: ({ signal }) => api<ListResult<BudgetLine>>(tenantPath(tenant, '/budget/lines'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}
export function useSettings(tenant: string) {
  return useQuery({ queryKey: key(tenant, 'settings'), queryFn: ({ signal }) => api<BudgetSettings>(tenantPath(tenant, '/budget/settings'), { signal }) });
}
export function useTransactions(tenant: string, query: Query) {
  return useQuery({
    queryKey: key(tenant, 'transactions', query),
    queryFn: ({ signal }) => api<ListResult<Transaction>>(tenantPath(tenant, '/ledger/transactions'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}
export function useTransaction(tenant: string, id: string) {
  return useQuery({
    queryKey: key(tenant, 'transaction', id),
    queryFn: ({ signal }) => api<Transaction>(tenantPath(tenant, `/ledger/transactions/${id}`), { signal }),
  });
}

/** Every write changes balances, the chain head and the lists: refresh everything of the budget. */
function useBudgetMutation<V, R>(tenant: string, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: key(tenant) }) });
}
export const useCreateTransaction = (tenant: string) =>
  useBudgetMutation(tenant, (body: TransactionCreate) => api<Transaction>(tenantPath(tenant, '/ledger/transactions'), { method: 'POST', body }));
export const useCreateFund = (tenant: string) =>
  useBudgetMutation(tenant, (body: FundCreate) => api<Fund>(tenantPath(tenant, '/budget/funds'), { method: 'POST', body }));
export const useUpdateFund = (tenant: string) =>
  useBudgetMutation(tenant, (v: { id: string; body: FundUpdate }) => api<Fund>(tenantPath(tenant, `/budget/funds/${v.id}`), { method: 'PATCH', body: v.body }));
export const useDeleteFund = (tenant: string) =>
  useBudgetMutation(tenant, (id: string) => api<null>(tenantPath(tenant, `/budget/funds/${id}`), { method: 'DELETE' }));
export const useUpdateSettings = (tenant: string) =>
  useBudgetMutation(tenant, (body: BudgetSettingsUpdate) => api<BudgetSettings>(tenantPath(tenant, '/budget/settings'), { method: 'PUT', body }));
export const useDecideSettings = (tenant: string) =>
  useBudgetMutation(tenant, (decision: 'approve' | 'reject') => api<BudgetSettings>(tenantPath(tenant, `/budget/settings/${decision}`), { method: 'POST' }));
export const useCreateLine = (tenant: string) =>
  useBudgetMutation(tenant, (body: LineCreate) => api<BudgetLine>(tenantPath(tenant, '/budget/lines'), { method: 'POST', body }));
export const useUpdateLine = (tenant: string) =>
  useBudgetMutation(tenant, (v: { id: string; body: LineUpdate }) =>
    api<BudgetLine>(tenantPath(tenant, `/budget/lines/${v.id}`), { method: 'PATCH', body: v.body }),
  );
export const useDeleteLine = (tenant: string) =>
  useBudgetMutation(tenant, (id: string) => api<null>(tenantPath(tenant, `/budget/lines/${id}`), { method: 'DELETE' }));
export const useApprove = (tenant: string) =>
  useBudgetMutation(tenant, (id: string) => api<Transaction>(tenantPath(tenant, `/ledger/transactions/${id}/approve`), { method: 'POST' }));
export const useReject = (tenant: string) =>
  useBudgetMutation(tenant, (v: { id: string; reason: string }) =>
    api<Transaction>(tenantPath(tenant, `/ledger/transactions/${v.id}/reject`), { method: 'POST', body: { reason: v.reason } }),
  );
export const useReverse = (tenant: string) =>
  useBudgetMutation(tenant, (v: { id: string; reason: string }) =>
    api<Transaction>(tenantPath(tenant, `/ledger/transactions/${v.id}/reverse`), { method: 'POST', body: { reason: v.reason } }),
  );
export const useUploadEvidence = (tenant: string) =>
  useBudgetMutation(tenant, (v: { id: string; file: File }) => {
    const body = new FormData();
    body.append('file', v.file);
    return api(tenantPath(tenant, `/ledger/transactions/${v.id}/evidence`), { method: 'POST', body });
  });
export const useVerify = (tenant: string) => useMutation({ mutationFn: () => api<VerifyResult>(tenantPath(tenant, '/ledger/verify')) });

export const exportUrl = (tenant: string, which: 'ledger' | 'summary', fiscalYear: number) =>
  apiUrl(tenantPath(tenant, `/budget/export/${which}.xlsx`), { fiscalYear });

// ---- public (no login) ----
export function usePublicBudget(tenant: string, query: Query) {
  return useQuery({
    queryKey: ['public', tenant, 'budget', query],
    queryFn: ({ signal }) => api<PublicTransparency>(`/public/${encodeURIComponent(tenant)}/budget`, { query, signal }),
    placeholderData: keepPreviousData,
  });
}
export function usePublicLedger(tenant: string, query: Query) {
  return useQuery({
    queryKey: ['public', tenant, 'ledger', query],
    queryFn: ({ signal }) => api<ListResult<PublicTransaction>>(`/public/${encodeURIComponent(tenant)}/budget/ledger`, { query, signal }),
    placeholderData: keepPreviousData,
  });
}
export const usePublicVerify = (tenant: string) => useMutation({ mutationFn: () => api<VerifyResult>(`/public/${encodeURIComponent(tenant)}/budget/verify`) });
