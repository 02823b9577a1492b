import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../common/schemas';
import type { NetworkContinuity, PlanDetail, PlanSummary, ProgressReport, WeightBy, WorkStatus } from '../../../../common/schemas/plans';
import { api, type Query, tenantPath } from '../../api/client';

export const PAGE_SIZE = 20;

export function usePlans(tenant: string, query: Query) {
  return useQuery({
    queryKey: ['t', tenant, 'plans', 'list', query],
    queryFn: ({ signal }) => api<ListResult<PlanSummary>>(tenantPath(tenant, '/plans'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePlan(tenant: string, id: string) {
  return useQuery({
    queryKey: ['t', tenant, 'plans', 'detail', id],
    queryFn: ({ signal }) => api<PlanDetail>(tenantPath(tenant, `/plans/${id}`), { signal }),
    enabled: !!id,
  });
}

export function useContinuity(tenant: string, networkId?: string) {
  return useQuery({
    queryKey: ['t', tenant, 'plans', 'continuity', networkId ?? 'all'],
    queryFn: ({ signal }) => api<{ items: NetworkContinuity[] }>(tenantPath(tenant, '/plans/continuity'), { query: { networkId }, signal }),
  });
}

export function useProgressReports(tenant: string, planId: string, activityId: string | null) {
  return useQuery({
    queryKey: ['t', tenant, 'plans', 'progress', planId, activityId],
    queryFn: ({ signal }) =>
      api<ListResult<ProgressReport>>(tenantPath(tenant, `/plans/${planId}/activities/${activityId}/progress`), { query: { pageSize: 10 }, signal }),
    enabled: !!activityId,
  });
}

/** After a write: the answer carries the whole plan with its roll-up, so the page updates without another request. */
function usePlanWritten(tenant: string) {
  const qc = useQueryClient();
  return (plan: PlanDetail) => {
    qc.setQueryData(['t', tenant, 'plans', 'detail', plan.id], plan);
    return Promise.all([
      qc.invalidateQueries({ queryKey: ['t', tenant, 'plans'], predicate: (q) => q.queryKey[3] !== 'detail' || q.queryKey[4] !== plan.id }),
      qc.invalidateQueries({ queryKey: ['t', tenant, 'strategy'] }),
      qc.invalidateQueries({ queryKey: ['t', tenant, 'dashboard'] }),
    ]);
  };
}

export interface PlanInput {
  name: string;
  fiscalYear?: number;
  networkIds: string[];
  startDate?: string | null;
  endDate?: string | null;
  description?: string | null;
  weightBy?: WeightBy;
}

export function useSavePlan(tenant: string, id?: string) {
  const written = usePlanWritten(tenant);
  return useMutation({
    mutationFn: (body: PlanInput) =>
      id
        ? api<PlanDetail>(tenantPath(tenant, `/plans/${id}`), { method: 'PATCH', body: { ...body, fiscalYear: undefined } })
        : api<PlanDetail>(tenantPath(tenant, '/plans'), { method: 'POST', body }),
    onSuccess: (plan) => written(plan),
  });
}

export function useDeletePlan(tenant: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(tenantPath(tenant, `/plans/${id}`), { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['t', tenant, 'plans'] }),
  });
}

export function useCarryForward(tenant: string, planId: string) {
  const written = usePlanWritten(tenant);
  return useMutation({
    mutationFn: () =>
      api<{ created: boolean; carriedProjects: number; carriedActivities: number; plan: PlanDetail }>(tenantPath(tenant, `/plans/${planId}/carry-forward`), {
        method: 'POST',
        body: {},
      }),
    onSuccess: (r) => written(r.plan),
  });
}

export interface WorkInput {
  name: string;
  objectives?: string | null;
  outputTarget?: string | null;
  indicatorText?: string | null;
  leadPartyId?: string | null;
  supportingPartyIds?: string[];
  startDate?: string | null;
  endDate?: string | null;
  status?: WorkStatus;
  weight?: number | null;
  budgetSatang?: number;
  weightBy?: WeightBy;
  strategyId?: string | null;
}

type WriteResult = { id: string; plan: PlanDetail };

/** Add or change a project (no activityOf) or an activity (activityOf = its project id). */
export function useSaveWork(tenant: string, planId: string) {
  const written = usePlanWritten(tenant);
  return useMutation({
    mutationFn: ({ kind, id, projectId, body }: { kind: 'project' | 'activity'; id?: string; projectId?: string; body: WorkInput }) => {
      const base = `/plans/${planId}`;
      if (kind === 'project')
        return id
          ? api<WriteResult>(tenantPath(tenant, `${base}/projects/${id}`), { method: 'PATCH', body })
          : api<WriteResult>(tenantPath(tenant, `${base}/projects`), { method: 'POST', body });
      return id
        ? api<WriteResult>(tenantPath(tenant, `${base}/activities/${id}`), { method: 'PATCH', body })
        : api<WriteResult>(tenantPath(tenant, `${base}/projects/${projectId}/activities`), { method: 'POST', body });
    },
    onSuccess: (r) => written(r.plan),
  });
}

export function useDeleteWork(tenant: string, planId: string) {
  const written = usePlanWritten(tenant);
  return useMutation({
    mutationFn: ({ kind, id }: { kind: 'project' | 'activity'; id: string }) =>
      api<WriteResult>(tenantPath(tenant, `/plans/${planId}/${kind === 'project' ? 'projects' : 'activities'}/${id}`), { method: 'DELETE' }),
    onSuccess: (r) => written(r.plan),
  });
}

export interface ProgressInput {
  reportedOn: string;
  text: string;
  percentage: number;
  /** Links (older data); the web attaches files instead. */
  photoUrls?: string[];
  status?: WorkStatus;
}

export function useReportProgress(tenant: string, planId: string) {
  const written = usePlanWritten(tenant);
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ activityId, body }: { activityId: string; body: ProgressInput }) =>
      api<WriteResult>(tenantPath(tenant, `/plans/${planId}/activities/${activityId}/progress`), { method: 'POST', body }),
    onSuccess: (r) => {
      void qc.invalidateQueries({ queryKey: ['t', tenant, 'plans', 'progress', planId] });
      return written(r.plan);
    },
  });
}
