import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GroupDetail, GroupSummary, Incident, MyTurns, RotaDetail, RotaSummary, Source } from '../../../../common/schemas/water';
import { api, tenantPath } from '../../api/client';
import { usePermissions } from '../../context/tenant';

const key = (tenant: string, ...rest: unknown[]) => ['t', tenant, 'water', ...rest];

/** What the water pages may offer this role (common/permissions.ts). */
export function useWaterRights() {
  const can = usePermissions();
  return { manage: can.manageWater, keep: can.keepWater };
}

export function useSources(tenant: string) {
  return useQuery({ queryKey: key(tenant, 'sources'), queryFn: ({ signal }) => api<Source[]>(tenantPath(tenant, '/water/sources'), { signal }) });
}

export function useGroups(tenant: string) {
  return useQuery({ queryKey: key(tenant, 'groups'), queryFn: ({ signal }) => api<GroupSummary[]>(tenantPath(tenant, '/water/groups'), { signal }) });
}

export function useGroup(tenant: string, id: string) {
  return useQuery({ queryKey: key(tenant, 'group', id), queryFn: ({ signal }) => api<GroupDetail>(tenantPath(tenant, `/water/groups/${id}`), { signal }) });
}

export function useRotas(tenant: string) {
  return useQuery({ queryKey: key(tenant, 'rotas'), queryFn: ({ signal }) => api<RotaSummary[]>(tenantPath(tenant, '/water/rota'), { signal }) });
}

export function useRota(tenant: string, id: string) {
  return useQuery({ queryKey: key(tenant, 'rota', id), queryFn: ({ signal }) => api<RotaDetail>(tenantPath(tenant, `/water/rota/${id}`), { signal }) });
}

export function useMyTurns(tenant: string) {
  return useQuery({ queryKey: key(tenant, 'my-turns'), queryFn: ({ signal }) => api<MyTurns>(tenantPath(tenant, '/water/rota/my-turns'), { signal }) });
}

export interface RotaForm {
  sourceId: string;
  season: string;
  startsOn: string;
  endsOn: string;
  turnHours: number;
  rule: 'proportional' | 'equal';
  order: 'downstream_first' | 'upstream_first';
}

export function useGenerateRota(tenant: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: RotaForm) => api<RotaDetail>(tenantPath(tenant, '/water/rota'), { method: 'POST', body }),
    onSuccess: (r) => {
      qc.setQueryData(key(tenant, 'rota', r.id), r);
      void qc.invalidateQueries({ queryKey: key(tenant, 'rotas') });
    },
  });
}

export function usePublishRota(tenant: string, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<RotaDetail>(tenantPath(tenant, `/water/rota/${id}/publish`), { method: 'POST' }),
    onSuccess: (r) => {
      qc.setQueryData(key(tenant, 'rota', r.id), r);
      void qc.invalidateQueries({ queryKey: key(tenant) });
    },
  });
}

export function useIncidents(tenant: string) {
  return useQuery({ queryKey: key(tenant, 'incidents'), queryFn: ({ signal }) => api<Incident[]>(tenantPath(tenant, '/water/incidents'), { signal }) });
}

/** A write on incidents answers the incident; the list and the budget (a paid fine) are read again. */
export function useIncidentWrite<TBody>(tenant: string, path: (v: TBody) => string, body: (v: TBody) => unknown) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: TBody) => api<Incident>(tenantPath(tenant, path(v)), { method: 'POST', body: body(v) }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(tenant, 'incidents') });
      void qc.invalidateQueries({ queryKey: ['t', tenant, 'budget'] });
    },
  });
}
