import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../common/schemas';
import type { ParticipationBulk, ParticipationMatrix, ParticipationRecord } from '../../../../common/schemas/participation';
import { api, type Query, tenantPath } from '../../api/client';

export function useMatrix(tenant: string, fiscalYear: number) {
  return useQuery({
    queryKey: ['t', tenant, 'participation', 'matrix', fiscalYear],
    queryFn: ({ signal }) => api<ParticipationMatrix>(tenantPath(tenant, '/participation/matrix'), { query: { fiscalYear }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRecords(tenant: string, query: Query, enabled: boolean) {
  return useQuery({
    queryKey: ['t', tenant, 'participation', 'list', query],
    queryFn: ({ signal }) => api<ListResult<ParticipationRecord>>(tenantPath(tenant, '/participation'), { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useBulkParticipation(tenant: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ParticipationBulk) =>
      api<{ created: number; people: number; ids: string[] }>(tenantPath(tenant, '/participation/bulk'), { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['t', tenant, 'participation'] }),
  });
}

export function useDeleteRecord(tenant: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(tenantPath(tenant, `/participation/${id}`), { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['t', tenant, 'participation'] }),
  });
}
