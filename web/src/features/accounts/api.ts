import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdminTenant,
  InvitationCreateInput,
  LinkInfo,
  Me,
  OneTimeLink,
  PasswordStrength,
  PendingInvitation,
  TenantCreateInput,
} from '../../../../common/schemas';
import { api, tenantPath } from '../../api/client';
import { meKey } from '../auth';

/** A one-time link's full address, as it is copied and sent. */
export const linkUrl = (link: OneTimeLink) => `${window.location.origin}${link.path}`;

export function useLinkInfo(token: string) {
  return useQuery({
    queryKey: ['link', token],
    queryFn: ({ signal }) => api<LinkInfo>(`/links/${encodeURIComponent(token)}`, { signal }),
    retry: false,
    staleTime: Infinity,
  });
}

/** Logs in as the account that used the link: the session query holds it and the rest starts afresh. */
function useLoginBy<T>(fn: (body: T) => Promise<Me>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(meKey, me);
    },
  });
}

export const useAcceptInvitation = (token: string) =>
  useLoginBy((body: { name?: string; password: string }) => api<Me>(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body }));

export const useCompleteReset = (token: string) =>
  useLoginBy((body: { password: string }) => api<Me>(`/password-reset/${encodeURIComponent(token)}`, { method: 'POST', body }));

export function useChangePassword() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api<void>('/auth/password', { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: meKey }),
  });
}

export function usePasswordStrength(password: string, context: { email?: string; name?: string }) {
  return useQuery({
    queryKey: ['password-strength', password, context.email ?? '', context.name ?? ''],
    queryFn: ({ signal }) => api<PasswordStrength>('/auth/password-strength', { method: 'POST', body: { password, ...context }, signal }),
    enabled: password.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
  });
}

export function useInvitations(tenant: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: ['t', tenant, 'invitations'],
    queryFn: ({ signal }) => api<{ items: PendingInvitation[] }>(tenantPath(tenant, '/invitations'), { signal }),
  });
}

export function useInvite(tenant: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationCreateInput) => api<OneTimeLink>(tenantPath(tenant, '/invitations'), { method: 'POST', body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['t', tenant, 'invitations'] }),
  });
}

export function useRevokeInvitation(tenant: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(tenantPath(tenant, `/invitations/${id}`), { method: 'DELETE' }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['t', tenant, 'invitations'] }),
  });
}

export function useResetLink(tenant: string) {
  return useMutation({
    mutationFn: (userId: string) => api<OneTimeLink>(tenantPath(tenant, `/users/${userId}/reset-link`), { method: 'POST' }),
  });
}

export function useAdminTenants() {
  return useQuery({
    queryKey: ['admin', 'tenants'],
    queryFn: ({ signal }) => api<{ items: AdminTenant[] }>('/admin/tenants', { signal }),
  });
}

export function useCreateTenant() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TenantCreateInput) => api<{ tenant: AdminTenant; invitation: OneTimeLink }>('/admin/tenants', { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['admin', 'tenants'] });
      void qc.invalidateQueries({ queryKey: meKey });
      void qc.invalidateQueries({ queryKey: ['tenants'] });
    },
  });
}
