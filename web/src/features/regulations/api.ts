import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RegulationDetail, RegulationSummary, VersionDetail, VersionDiff } from '../../../../common/schemas/regulations';
import { api, tenantPath } from '../../api/client';
import { useTenant } from '../../context/tenant';

const key = (tenant: string, ...rest: unknown[]) => ['t', tenant, 'regulations', ...rest];

export function useRegulations(tenant: string) {
  return useQuery({ queryKey: key(tenant, 'list'), queryFn: ({ signal }) => api<RegulationSummary[]>(tenantPath(tenant, '/regulations'), { signal }) });
}

export function useRegulation(tenant: string, id: string) {
  return useQuery({
    queryKey: key(tenant, 'detail', id),
    queryFn: ({ signal }) => api<RegulationDetail>(tenantPath(tenant, `/regulations/${id}`), { signal }),
  });
}

export function useVersion(tenant: string, id: string, versionId: string | null) {
  return useQuery({
    queryKey: key(tenant, 'version', id, versionId),
    queryFn: ({ signal }) => api<VersionDetail>(tenantPath(tenant, `/regulations/${id}/versions/${versionId}`), { signal }),
    enabled: !!versionId,
  });
}

export function useDiff(tenant: string, id: string, from: string | null, to: string | null) {
  return useQuery({
    queryKey: key(tenant, 'diff', id, from, to),
    queryFn: ({ signal }) => api<VersionDiff>(tenantPath(tenant, `/regulations/${id}/diff`), { query: { from: from!, to: to! }, signal }),
    enabled: !!from && !!to && from !== to,
  });
}

export function useRegulationRights() {
  const { role } = useTenant();
  return { manage: role === 'admin' || role === 'officer' };
}

/** A write on a regulation's versions; answers the version, and the regulation is read again. */
export function useVersionWrite<TBody>(tenant: string, id: string, method: 'POST' | 'PUT', path: (v: TBody) => string, body: (v: TBody) => unknown) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: TBody) => api<VersionDetail>(tenantPath(tenant, `/regulations/${id}${path(v)}`), { method, body: body(v) }),
    onSuccess: (v) => {
      qc.setQueryData(key(tenant, 'version', id, v.id), v);
      void qc.invalidateQueries({ queryKey: key(tenant) });
    },
  });
}
