import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../common/schemas/api';
import type { Adoption, Committee, CommitteeDetail, MeetingDetail } from '../../../../common/schemas/committees';
import { api, type Query, tenantPath } from '../../api/client';
import { usePermissions } from '../../context/tenant';

export const PAGE_SIZE = 20;
const key = (tenant: string, ...rest: unknown[]) => ['t', tenant, 'committees', ...rest];

/** Officers appoint members and make resolutions act; editors (with coordinators) run meetings. */
export function useCommitteeRights() {
  const can = usePermissions();
  return { manage: can.manageCommittees, act: can.actOnResolutions, runMeetings: can.runMeetings };
}

export function useCommittees(tenant: string, query: Query) {
  return useQuery({
    queryKey: key(tenant, 'list', query),
    queryFn: ({ signal }) => api<ListResult<Committee>>(tenantPath(tenant, '/committees'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCommittee(tenant: string, id: string) {
  return useQuery({ queryKey: key(tenant, 'detail', id), queryFn: ({ signal }) => api<CommitteeDetail>(tenantPath(tenant, `/committees/${id}`), { signal }) });
}

export function useMeeting(tenant: string, id: string) {
  return useQuery({ queryKey: key(tenant, 'meeting', id), queryFn: ({ signal }) => api<MeetingDetail>(tenantPath(tenant, `/meetings/${id}`), { signal }) });
}

export function useAdoption(tenant: string, query: { planId?: string; budgetLineId?: string }) {
  return useQuery({
    queryKey: key(tenant, 'adoption', query),
    queryFn: ({ signal }) => api<Adoption>(tenantPath(tenant, '/resolutions/adoption'), { query, signal }),
    enabled: !!(query.planId || query.budgetLineId),
  });
}

/** A write under the committees module; every answer refreshes what the module shows (and plans/tasks it may touch). */
export function useCommitteeWrite<TBody, TResult>(
  tenant: string,
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: (vars: TBody) => string,
  body = (v: TBody): unknown => v,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: TBody) => api<TResult>(tenantPath(tenant, path(vars)), { method, body: method === 'DELETE' ? undefined : body(vars) }),
    onSuccess: (data) => {
      const m = data as unknown as MeetingDetail | undefined;
      if (m && typeof m === 'object' && 'attendance' in m) qc.setQueryData(key(tenant, 'meeting', m.id), m);
      void qc.invalidateQueries({ queryKey: key(tenant) });
      void qc.invalidateQueries({ queryKey: ['t', tenant, 'manpower'] });
      void qc.invalidateQueries({ queryKey: ['t', tenant, 'plans'] });
    },
  });
}
