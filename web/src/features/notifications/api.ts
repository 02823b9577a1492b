import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../common/schemas/api';
import type { NotificationList, NotificationPreferences, OutboxItem } from '../../../../common/schemas/notifications';
import { api, tenantPath } from '../../api/client';

const key = (tenant: string, ...rest: unknown[]) => ['t', tenant, 'notifications', ...rest];

/** The bell asks for the unread count once a minute (and when the window regains focus). */
export function useUnreadCount(tenant: string) {
  return useQuery({
    queryKey: key(tenant, 'unread'),
    queryFn: ({ signal }) => api<{ unread: number }>(tenantPath(tenant, '/notifications/unread-count'), { signal }),
    refetchInterval: 60_000,
  });
}

export function useNotifications(tenant: string, query: { page: number; pageSize: number; unread?: boolean }, enabled = true) {
  return useQuery({
    queryKey: key(tenant, 'list', query),
    queryFn: ({ signal }) =>
      api<NotificationList>(tenantPath(tenant, '/notifications'), {
        query: { page: query.page, pageSize: query.pageSize, unread: query.unread ? 'true' : undefined },
        signal,
      }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

function useRefresh(tenant: string) {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: key(tenant) });
}

export function useMarkRead(tenant: string) {
  const refresh = useRefresh(tenant);
  return useMutation({
    mutationFn: (id: string) => api<{ unread: number }>(tenantPath(tenant, `/notifications/${id}/read`), { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function useMarkAllRead(tenant: string) {
  const refresh = useRefresh(tenant);
  return useMutation({
    mutationFn: () => api<{ unread: number }>(tenantPath(tenant, '/notifications/read-all'), { method: 'POST' }),
    onSuccess: refresh,
  });
}

export function usePreferences(tenant: string) {
  return useQuery({
    queryKey: key(tenant, 'preferences'),
    queryFn: ({ signal }) => api<NotificationPreferences>(tenantPath(tenant, '/notifications/preferences'), { signal }),
  });
}

export function useSavePreferences(tenant: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: boolean; consent?: boolean; language: 'th' | 'en' }) =>
      api<NotificationPreferences>(tenantPath(tenant, '/notifications/preferences'), { method: 'PUT', body }),
    onSuccess: (data) => qc.setQueryData(key(tenant, 'preferences'), data),
  });
}

export function useFailedOutbox(tenant: string, enabled: boolean) {
  return useQuery({
    queryKey: key(tenant, 'outbox'),
    queryFn: ({ signal }) => api<ListResult<OutboxItem>>(tenantPath(tenant, '/notifications/outbox'), { query: { status: 'failed', pageSize: 50 }, signal }),
    enabled,
  });
}

export function useRetryOutbox(tenant: string) {
  const refresh = useRefresh(tenant);
  return useMutation({
    mutationFn: (id: string) => api<null>(tenantPath(tenant, `/notifications/outbox/${id}/retry`), { method: 'POST' }),
    onSuccess: refresh,
  });
}
