import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../common/schemas/api';
import type { Board, IntegratedProject, LocalGovernmentEntry, LocalPlanDetail, LocalPlanSummary, SharedProject } from '../../../../common/schemas/localplans';
import type { PlanSummary } from '../../../../common/schemas/plans';
import { api, tenantPath } from '../../api/client';
import { usePermissions } from '../../context/tenant';

const key = (tenant: string, ...rest: unknown[]) => ['t', tenant, 'local-plans', ...rest];

export function useLocalPlanRights() {
  const can = usePermissions();
  return { manage: can.manageLocalPlans, link: can.linkTenants };
}

export function useLocalPlans(tenant: string) {
  return useQuery({ queryKey: key(tenant, 'list'), queryFn: ({ signal }) => api<LocalPlanSummary[]>(tenantPath(tenant, '/local-plans'), { signal }) });
}

export function useLocalPlan(tenant: string, id: string, enabled = true) {
  return useQuery({
    queryKey: key(tenant, 'detail', id),
    queryFn: ({ signal }) => api<LocalPlanDetail>(tenantPath(tenant, `/local-plans/${id}`), { signal }),
    enabled: enabled && !!id,
  });
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

export function useLocalGovernments(tenant: string) {
  return useQuery({
    queryKey: key(tenant, 'local-governments'),
    queryFn: ({ signal }) => api<LocalGovernmentEntry[]>(tenantPath(tenant, '/local-plans/local-governments'), { signal }),
  });
}

/** Projects other tenants assigned to this local government (its copies, docs/decisions/0016). */
export function useSharedProjects(tenant: string) {
  return useQuery({ queryKey: key(tenant, 'shared'), queryFn: ({ signal }) => api<SharedProject[]>(tenantPath(tenant, '/local-plans/shared'), { signal }) });
}

/** A write under /local-plans; every answer refreshes what the module shows (a plan's detail answer is put in the cache). */
export function useLocalPlanWrite<TBody, TResult>(
  tenant: string,
  method: 'POST' | 'PATCH' | 'PUT',
  path: (vars: TBody) => string,
  body = (v: TBody): unknown => v,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: TBody) => api<TResult>(tenantPath(tenant, `/local-plans${path(vars)}`), { method, body: body(vars) }),
    onSuccess: (data) => {
      const d = data as unknown as LocalPlanDetail | undefined;
      if (d && typeof d === 'object' && 'strategies' in d) qc.setQueryData(key(tenant, 'detail', d.id), d);
      void qc.invalidateQueries({ queryKey: key(tenant) });
    },
  });
}
