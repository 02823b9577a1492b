import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../common/schemas/api';
import type { Board, IntegratedProject, LocalPlanDetail, LocalPlanSummary } from '../../../../common/schemas/localplans';
import type { PlanSummary } from '../../../../common/schemas/plans';
import { api, tenantPath } from '../../api/client';
import { usePermissions } from '../../app/tenant';

const key = (tenant: string, ...rest: unknown[]) => ['t', tenant, 'local-plans', ...rest];

export function useLocalPlanRights() {
  return { manage: usePermissions().manageLocalPlans };
}

export function useLocalPlans(tenant: string) {
  return useQuery({ queryKey: key(tenant, 'list'), queryFn: ({ signal }) => api<LocalPlanSummary[]>(tenantPath(tenant, '/local-plans'), { signal }) });
}

export function useLocalPlan(tenant: string, id: string) {
  return useQuery({ queryKey: key(tenant, 'detail', id), queryFn: ({ signal }) => api<LocalPlanDetail>(tenantPath(tenant, `/local-plans/${id}`), { signal }) });
}

export function useJointPlans(tenant: string) {
  return useQuery({
    queryKey: ['t', tenant, 'plans', 'list', 'for-board'],
    queryFn: ({ signal }) => api<ListResult<PlanSummary>>(tenantPath(tenant, '/plans'), { query: { pageSize: 200 }, signal }),
  });
}

export function useBoard(tenant: string, planId: string | null) {
  return useQuery({
    queryKey: key(tenant, 'board', planId),
    queryFn: ({ signal }) => api<Board>(tenantPath(tenant, '/local-plans/board'), { query: { planId: planId! }, signal }),
    enabled: !!planId,
  });
}

/** Move an integrated project to its next status (or drop it). */
export function useSetStatus(tenant: string, localPlanId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { itemId: string; status: string; editionId?: string; dropReason?: string }) =>
      api<IntegratedProject>(tenantPath(tenant, `/local-plans/${localPlanId}/projects/${v.itemId}`), {
        method: 'PATCH',
        body: { status: v.status, editionId: v.editionId, dropReason: v.dropReason },
      }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key(tenant) }),
  });
}
