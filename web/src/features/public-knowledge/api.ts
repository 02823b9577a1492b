import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PublicKnowledgeDetail, PublicKnowledgeList } from '../../../../common/schemas/public-knowledge';
import { api, type Query } from '../../api/client';

const path = (tenant: string) => `/public/${encodeURIComponent(tenant)}/knowledge`;

export function usePublicKnowledge(tenant: string, query: Query) {
  return useQuery({
    queryKey: ['public', tenant, 'knowledge', query],
    queryFn: ({ signal }) => api<PublicKnowledgeList>(path(tenant), { query, signal }),
    placeholderData: keepPreviousData,
  });
}
export function usePublicKnowledgeItem(tenant: string, id: string) {
  return useQuery({
    queryKey: ['public', tenant, 'knowledge', id],
    queryFn: ({ signal }) => api<PublicKnowledgeDetail>(`${path(tenant)}/${encodeURIComponent(id)}`, { signal }),
  });
}
