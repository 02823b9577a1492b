import { useQuery } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import type { FiscalYears } from '../../../common/schemas/years';
import { api } from '../api/client';
import { ErrorAlert } from './ErrorAlert';
import { Loading } from './Loading';

/** The tenant's fiscal years with data and the default one (`GET …/fiscal-years`), signed in or public. */
export function useFiscalYears(tenant: string, publicPage = false, enabled = true) {
  const path = `${publicPage ? '/public' : '/t'}/${encodeURIComponent(tenant)}/fiscal-years`;
  return useQuery({ queryKey: ['fiscal-years', publicPage, tenant], queryFn: () => api<FiscalYears>(path), staleTime: 60_000, enabled });
}

/**
 * Renders `children` with the year asked for in the address, or else the one default year every page
 * agrees on (the latest fiscal year with data, not in the future).
 */
export function WithFiscalYear({
  tenant,
  requested,
  publicPage = false,
  children,
}: {
  tenant: string;
  requested: number | undefined;
  publicPage?: boolean;
  children: (fiscalYear: number) => ReactNode;
}) {
  const years = useFiscalYears(tenant, publicPage, requested === undefined);
  if (requested !== undefined) return <>{children(requested)}</>;
  if (years.error) return <ErrorAlert error={years.error} />;
  if (!years.data) return <Loading />;
  return <>{children(years.data.default)}</>;
}

/** A year filter (string for a Select, null = all years) that starts on the default year once it is known. */
export function useDefaultYearState(tenant: string): [string | null, (v: string | null) => void] {
  const years = useFiscalYears(tenant);
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  return [chosen !== undefined ? chosen : years.data ? String(years.data.default) : null, setChosen];
}
