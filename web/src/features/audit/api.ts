import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { AuditEntry, ListResult } from '../../../../common/schemas';
import { api, type Query, tenantPath } from '../../api/client';

export function useAudit(tenant: string, query: Query) {
  return useQuery({
    queryKey: ['t', tenant, 'audit', query],
    queryFn: ({ signal }) => api<ListResult<AuditEntry>>(tenantPath(tenant, '/audit'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}
