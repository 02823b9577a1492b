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

export interface FrameInput {
  networkId: string | null;
  vision: string | null;
  missions: string[];
}
export interface GoalInput {
  code: string | null;
  name: string;
  description: string | null;
  networkIds: string[];
  partyIds: string[];
}
export interface StrategyInput {
  goalId: string;
  code: string | null;
  name: string;
  description: string | null;
}
export interface IndicatorInput {
  goalId: string;
  strategyId: string | null;
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline: number | null;
  baselineYear: number | null;
  targets: { fiscalYear: number; target: number }[];
}

/** Create (no id) or change (id) one element of the strategy; every strategy query is refreshed after. */
function useStrategyWrite<T extends object>(tenant: string, path: string, omitOnUpdate: (keyof T)[] = []) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: T }) => {
      if (!id) return api<{ id: string }>(tenantPath(tenant, path), { method: 'POST', body });
      const patch = Object.fromEntries(Object.entries(body).filter(([k]) => !omitOnUpdate.includes(k as keyof T)));
      return api<{ id: string }>(tenantPath(tenant, `${path}/${id}`), { method: 'PATCH', body: patch });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: ['t', tenant, 'strategy'] }),
  });
}

export const useSaveGoal = (tenant: string) => useStrategyWrite<GoalInput>(tenant, '/strategy/goals');
export const useSaveStrategy = (tenant: string) => useStrategyWrite<StrategyInput>(tenant, '/strategy/strategies', ['goalId']);
export const useSaveIndicator = (tenant: string) => useStrategyWrite<IndicatorInput>(tenant, '/strategy/indicators', ['goalId']);

/** Delete a goal (with its strategies and indicators), a strategy (its projects stay, unlinked) or an indicator (with its measurements). */
export function useDeleteStrategyElement(tenant: string, path: '/strategy/goals' | '/strategy/strategies' | '/strategy/indicators') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<null>(tenantPath(tenant, `${path}/${id}`), { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['t', tenant, 'strategy'] }),
  });
}

export function useSaveFrame(tenant: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: FrameInput) => api<StrategyTree>(tenantPath(tenant, '/strategy/frame'), { method: 'PUT', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['t', tenant, 'strategy'] }),
  });
}
