import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../common/schemas';
import type { Forum, ForumCreate, ForumDetail, ForumUpdate } from '../../../../common/schemas/knowledge';
import { api, type Query, tenantPath } from '../../api/client';

export const PAGE_SIZE = 20;

export function useForums(tenant: string, query: Query) {
  return useQuery({
    queryKey: ['t', tenant, 'forums', 'list', query],
    queryFn: ({ signal }) => api<ListResult<Forum>>(tenantPath(tenant, '/forums'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useForum(tenant: string, id: string) {
  return useQuery({
    queryKey: ['t', tenant, 'forums', 'detail', id],
    queryFn: ({ signal }) => api<ForumDetail>(tenantPath(tenant, `/forums/${id}`), { signal }),
    enabled: !!id,
  });
}

function useInvalidateForums(tenant: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['t', tenant, 'forums'] }),
      // items show the forums that produced them; metrics count forums
      qc.invalidateQueries({ queryKey: ['t', tenant, 'knowledge'] }),
      qc.invalidateQueries({ queryKey: ['t', tenant, 'search'] }),
    ]);
}

export function useCreateForum(tenant: string) {
  const inv = useInvalidateForums(tenant);
  return useMutation({
    mutationFn: (body: ForumCreate) => api<ForumDetail>(tenantPath(tenant, '/forums'), { method: 'POST', body }),
    onSuccess: () => inv(),
  });
}

export function useUpdateForum(tenant: string, id: string) {
  const inv = useInvalidateForums(tenant);
  return useMutation({
    mutationFn: (body: ForumUpdate) => api<ForumDetail>(tenantPath(tenant, `/forums/${id}`), { method: 'PATCH', body }),
    onSuccess: () => inv(),
  });
}

export function useDeleteForum(tenant: string) {
  const inv = useInvalidateForums(tenant);
  return useMutation({
    mutationFn: (id: string) => api<void>(tenantPath(tenant, `/forums/${id}`), { method: 'DELETE' }),
    onSuccess: () => inv(),
  });
}
