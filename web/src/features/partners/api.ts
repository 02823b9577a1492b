import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportPreview, ListResult, Party, PartyCreate, PartyDetail, PartyUpdate, Relationship } from '../../../../common/schemas';
import type { RelationshipType } from '../../../../common/schemas/enums';
import { api, type Query, tenantPath } from '../../api/client';

export const PAGE_SIZE = 20;

export function usePartners(tenant: string, query: Query, enabled = true) {
  return useQuery({
    queryKey: ['t', tenant, 'partners', 'list', query],
    queryFn: ({ signal }) => api<ListResult<Party>>(tenantPath(tenant, '/partners'), { query, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePartner(tenant: string, id: string) {
  return useQuery({
    queryKey: ['t', tenant, 'partners', 'detail', id],
    queryFn: ({ signal }) => api<PartyDetail>(tenantPath(tenant, `/partners/${id}`), { signal }),
    enabled: !!id,
  });
}

function useInvalidatePartners(tenant: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['t', tenant, 'partners'] }),
      qc.invalidateQueries({ queryKey: ['t', tenant, 'relationships'] }),
      qc.invalidateQueries({ queryKey: ['t', tenant, 'dashboard'] }),
      qc.invalidateQueries({ queryKey: ['t', tenant, 'networks'] }),
    ]);
}

export function useCreatePartner(tenant: string) {
  const inv = useInvalidatePartners(tenant);
  return useMutation({
    mutationFn: (body: PartyCreate) => api<Party>(tenantPath(tenant, '/partners'), { method: 'POST', body }),
    onSuccess: () => inv(),
  });
}

export function useUpdatePartner(tenant: string, id: string) {
  const inv = useInvalidatePartners(tenant);
  return useMutation({
    mutationFn: (body: PartyUpdate) => api<Party>(tenantPath(tenant, `/partners/${id}`), { method: 'PATCH', body }),
    onSuccess: () => inv(),
  });
}

export function useDeletePartner(tenant: string) {
  const inv = useInvalidatePartners(tenant);
  return useMutation({
    mutationFn: (id: string) => api<void>(tenantPath(tenant, `/partners/${id}`), { method: 'DELETE' }),
    onSuccess: () => inv(),
  });
}

export function useRelationships(tenant: string, query: Query) {
  return useQuery({
    queryKey: ['t', tenant, 'relationships', query],
    queryFn: ({ signal }) => api<ListResult<Relationship>>(tenantPath(tenant, '/relationships'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export interface RelationshipInput {
  fromPartyId: string;
  toPartyId: string;
  type: RelationshipType;
  note?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

export function useCreateRelationship(tenant: string) {
  const inv = useInvalidatePartners(tenant);
  return useMutation({
    mutationFn: (body: RelationshipInput) => api<Relationship>(tenantPath(tenant, '/relationships'), { method: 'POST', body }),
    onSuccess: () => inv(),
  });
}

export function useDeleteRelationship(tenant: string) {
  const inv = useInvalidatePartners(tenant);
  return useMutation({
    mutationFn: (id: string) => api<void>(tenantPath(tenant, `/relationships/${id}`), { method: 'DELETE' }),
    onSuccess: () => inv(),
  });
}

function fileForm(file: File): FormData {
  const fd = new FormData();
  fd.append('file', file, file.name);
  return fd;
}

export function useImportPreview(tenant: string) {
  return useMutation({
    mutationFn: (file: File) => api<ImportPreview>(tenantPath(tenant, '/partners/import/preview'), { method: 'POST', body: fileForm(file) }),
  });
}

export function useImportPartners(tenant: string) {
  const inv = useInvalidatePartners(tenant);
  return useMutation({
    mutationFn: (file: File) => api<{ imported: number }>(tenantPath(tenant, '/partners/import'), { method: 'POST', body: fileForm(file) }),
    onSuccess: () => inv(),
  });
}

export interface AddressSuggestion {
  subdistrict: string;
  district: string;
  province: string;
  postcode: string;
}

export function useAddressSuggestions(q: string) {
  return useQuery({
    queryKey: ['reference', 'addresses', q],
    queryFn: ({ signal }) => api<{ items: AddressSuggestion[] }>('/reference/addresses', { query: { q, limit: 15 }, signal }),
    enabled: q.trim().length >= 2,
    staleTime: 60 * 60_000,
    placeholderData: keepPreviousData,
  });
}
