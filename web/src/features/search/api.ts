import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { GlobalSearchResult } from '../../../../common/schemas/knowledge';
import { api, tenantPath } from '../../api/client';

/** The header's search box: knowledge (Thai full text), networks, partners and forums, a few of each. */
export function useGlobalSearch(tenant: string, q: string, limit = 5) {
  const text = q.trim();
  return useQuery({
    queryKey: ['t', tenant, 'search', text, limit],
    queryFn: ({ signal }) => api<GlobalSearchResult>(tenantPath(tenant, '/search'), { query: { q: text, limit }, signal }),
    enabled: text.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
