import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Measurement, StrategyMap, StrategyTree } from '../../../../common/schemas/strategy';
import { api, type Query, tenantPath } from '../../api/client';

export function useStrategyMap(tenant: string, query: Query) {
  return useQuery({
    queryKey: ['t', tenant, 'strategy', 'map', query],
    queryFn: ({ signal }) => api<StrategyMap>(tenantPath(tenant, '/strategy/map'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface MeasurementInput {
  value: number;
  measuredOn: string;
  source?: string | null;
  evidenceNote?: string | null;
  evidenceUrl?: string | null;
}

export function useAddMeasurement(tenant: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ indicatorId, body }: { indicatorId: string; body: MeasurementInput }) =>
      api<Measurement>(tenantPath(tenant, `/strategy/indicators/${indicatorId}/measurements`), { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['t', tenant, 'strategy'] }),
  });
}

/** Strategies grouped by goal, for the project form's strategy picker. */
export function useStrategyOptions(tenant: string) {
  const q = useQuery({
    queryKey: ['t', tenant, 'strategy', 'tree'],
    queryFn: ({ signal }) => api<StrategyTree>(tenantPath(tenant, '/strategy'), { signal }),
    staleTime: 5 * 60_000,
  });
  const label = (code: string | null, name: string) => (code ? `${code} ${name}` : name);
  return (q.data?.goals ?? [])
    .filter((g) => g.strategies.length)
    .map((g) => ({ group: label(g.code, g.name), items: g.strategies.map((s) => ({ value: s.id, label: label(s.code, s.name) })) }));
}
