import { useQuery } from '@tanstack/react-query';
import type { Dashboard } from '../../../../common/schemas';
import { api, tenantPath } from '../../api/client';

export function useDashboard(tenant: string) {
  return useQuery({
    queryKey: ['t', tenant, 'dashboard'],
    queryFn: ({ signal }) => api<Dashboard>(tenantPath(tenant, '/dashboard'), { signal }),
  });
}
