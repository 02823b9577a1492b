import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult, Network, NetworkCreate, NetworkListItem, NetworkDetail, NetworkMember, NetworkUpdate } from '../../../../common/schemas';
import type { MemberRole } from '../../../../common/schemas/enums';
import { api, type Query, tenantPath } from '../../api/client';

export const PAGE_SIZE = 20;

export function useNetworks(tenant: string, query: Query) {
  return useQuery({
    queryKey: ['t', tenant, 'networks', 'list', query],
    queryFn: ({ signal }) => api<ListResult<NetworkListItem>>(tenantPath(tenant, '/networks'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useNetwork(tenant: string, id: string) {
  return useQuery({
    queryKey: ['t', tenant, 'networks', 'detail', id],
    queryFn: ({ signal }) => api<NetworkDetail>(tenantPath(tenant, `/networks/${id}`), { signal }),
    enabled: !!id,
  });
}

export function useNetworkMembers(tenant: string, id: string, query: Query) {
  return useQuery({
    queryKey: ['t', tenant, 'networks', 'members', id, query],
    queryFn: ({ signal }) => api<ListResult<NetworkMember>>(tenantPath(tenant, `/networks/${id}/members`), { query, signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateNetworks(tenant: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['t', tenant, 'networks'] }),
      qc.invalidateQueries({ queryKey: ['t', tenant, 'dashboard'] }),
      qc.invalidateQueries({ queryKey: ['t', tenant, 'partners', 'detail'] }),
    ]);
}

export function useCreateNetwork(tenant: string) {
  const inv = useInvalidateNetworks(tenant);
  return useMutation({
    mutationFn: (body: NetworkCreate) => api<Network>(tenantPath(tenant, '/networks'), { method: 'POST', body }),
    onSuccess: () => inv(),
  });
}

export function useUpdateNetwork(tenant: string, id: string) {
  const inv = useInvalidateNetworks(tenant);
  return useMutation({
    mutationFn: (body: NetworkUpdate) => api<NetworkDetail>(tenantPath(tenant, `/networks/${id}`), { method: 'PATCH', body }),
    onSuccess: () => inv(),
  });
}

export function useDeleteNetwork(tenant: string) {
  const inv = useInvalidateNetworks(tenant);
  return useMutation({
    mutationFn: (id: string) => api<void>(tenantPath(tenant, `/networks/${id}`), { method: 'DELETE' }),
    onSuccess: () => inv(),
  });
}

export interface MemberInput {
  partyId: string;
  role: MemberRole;
  startDate?: string | null;
  endDate?: string | null;
}

export function useAddMember(tenant: string, networkId: string) {
  const inv = useInvalidateNetworks(tenant);
  return useMutation({
    mutationFn: (body: MemberInput) => api<NetworkMember>(tenantPath(tenant, `/networks/${networkId}/members`), { method: 'POST', body }),
    onSuccess: () => inv(),
  });
}

export function useUpdateMember(tenant: string, networkId: string) {
  const inv = useInvalidateNetworks(tenant);
  return useMutation({
    mutationFn: ({ memberId, ...body }: { memberId: string; role?: MemberRole; startDate?: string | null; endDate?: string | null }) =>
      api<NetworkMember>(tenantPath(tenant, `/networks/${networkId}/members/${memberId}`), { method: 'PATCH', body }),
    onSuccess: () => inv(),
  });
}

export function useRemoveMember(tenant: string, networkId: string) {
  const inv = useInvalidateNetworks(tenant);
  return useMutation({
    mutationFn: (memberId: string) => api<void>(tenantPath(tenant, `/networks/${networkId}/members/${memberId}`), { method: 'DELETE' }),
    onSuccess: () => inv(),
  });
}
