import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TenantUser } from '../../../../common/schemas';
import type { TenantRole } from '../../../../common/schemas/enums';
import { api, tenantPath } from '../../api/client';

export function useUsers(tenant: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['t', tenant, 'users'],
    queryFn: async ({ signal }) => {
      const r = await api<{ items: TenantUser[]; total?: number } | TenantUser[]>(tenantPath(tenant, '/users'), { query: { pageSize: 200 }, signal });
      return Array.isArray(r) ? r : r.items;
    },
  });
}

export function useUpdateUser(tenant: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; role?: TenantRole; active?: boolean; name?: string }) =>
      api<TenantUser>(tenantPath(tenant, `/users/${id}`), { method: 'PATCH', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['t', tenant, 'users'] }),
  });
}
