import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../common/schemas/api';
import type { AccessLogEntry, Consent, PersonPrivacy, PrivacyNotice, ProcessingActivity, RetentionSettings } from '../../../../common/schemas/privacy';
import { api, tenantPath, type Query } from '../../api/client';

const key = (tenant: string, ...rest: unknown[]) => ['t', tenant, 'privacy', ...rest];

export function usePersonPrivacy(tenant: string, partyId: string, enabled = true) {
  return useQuery({
    queryKey: key(tenant, 'person', partyId),
    queryFn: ({ signal }) => api<PersonPrivacy>(tenantPath(tenant, `/privacy/people/${partyId}`), { signal }),
    enabled,
  });
}

/** A write about one person: the person's privacy view and the partner pages are read again. */
export function usePersonWrite<TBody, TResult = Consent>(tenant: string, partyId: string, path: (v: TBody) => string, body: (v: TBody) => unknown) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: TBody) => api<TResult>(tenantPath(tenant, path(v)), { method: 'POST', body: body(v) }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(tenant, 'person', partyId) });
      void qc.invalidateQueries({ queryKey: ['t', tenant, 'partners'] });
    },
  });
}

export function useNotice(tenant: string) {
  return useQuery({ queryKey: key(tenant, 'notice'), queryFn: ({ signal }) => api<PrivacyNotice>(tenantPath(tenant, '/privacy/notice'), { signal }) });
}

export function usePublicNotice(tenant: string) {
  return useQuery({
    queryKey: ['public', tenant, 'privacy-notice'],
    queryFn: ({ signal }) => api<PrivacyNotice>(`/public/${encodeURIComponent(tenant)}/privacy-notice`, { signal }),
  });
}

export function useActivities(tenant: string) {
  return useQuery({
    queryKey: key(tenant, 'activities'),
    queryFn: ({ signal }) => api<ProcessingActivity[]>(tenantPath(tenant, '/privacy/activities'), { signal }),
  });
}

export function useAccessLog(tenant: string, query: Query, enabled = true) {
  return useQuery({
    queryKey: key(tenant, 'access-log', query),
    queryFn: ({ signal }) => api<ListResult<AccessLogEntry>>(tenantPath(tenant, '/privacy/access-log'), { query, signal }),
    enabled,
  });
}

export function useRetention(tenant: string, enabled = true) {
  return useQuery({
    queryKey: key(tenant, 'retention'),
    queryFn: ({ signal }) => api<RetentionSettings>(tenantPath(tenant, '/privacy/retention'), { signal }),
    enabled,
  });
}

/** Any privacy-settings write: everything under the tenant's privacy key is read again. */
export function usePrivacyWrite<TBody, TResult = unknown>(
  tenant: string,
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: (v: TBody) => string,
  body?: (v: TBody) => unknown,
) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: TBody) => api<TResult>(tenantPath(tenant, path(v)), { method, body: body?.(v) }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: key(tenant) }),
  });
}
