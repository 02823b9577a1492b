import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Me, TenantSummary } from '../../../../common/schemas';
import { api, ApiError } from '../../api/client';

export const meKey = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: async ({ signal }) => {
      try {
        return await api<Me>('/auth/me', { signal });
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) return null;
        throw e;
      }
    },
    staleTime: 5 * 60_000,
    retry: false,
  });
}

/**
 * True while the server loads the demo data behind its ready start (docs/operations/startup.md): asks
 * /api/health every 2 s until it is done, then refreshes the list of local governments.
 */
export function useDemoSeeding(): boolean {
  const qc = useQueryClient();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: async ({ signal }) => {
      const res = await fetch('/api/health', { signal });
      const body = (await res.json()) as { seeding?: boolean };
      if (!body.seeding) void qc.invalidateQueries({ queryKey: ['tenants'] });
      return body;
    },
    refetchInterval: (query) => (query.state.data?.seeding ? 2000 : false),
    staleTime: Infinity,
    retry: false,
  });
  return health.data?.seeding === true;
}

export function useTenants() {
  return useQuery({
    queryKey: ['tenants'],
    queryFn: ({ signal }) => api<{ items: TenantSummary[] }>('/tenants', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api<Me>('/auth/login', { method: 'POST', body }),
    onSuccess: (me) => {
      qc.clear();
      qc.setQueryData(meKey, me);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/auth/logout', { method: 'POST' }),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(meKey, null);
    },
  });
}

/** The tenant to open after login: the preferred one if allowed, else Chomphu, else the first. */
export function pickTenant(me: Me, preferred?: string | null): string | null {
  if (preferred && me.tenants.some((t) => t.slug === preferred)) return preferred;
  const chomphu = me.tenants.find((t) => t.slug.toLowerCase().includes('chomphu'));
  return chomphu?.slug ?? me.tenants[0]?.slug ?? null;
}

/** Where a logged-in person starts: a new password first if one is due, then a tenant, else (platform admin) the tenant list. */
export function homeFor(me: Me, preferred?: string | null): string | null {
  if (me.user.mustChangePassword) return '/account/password';
  const slug = pickTenant(me, preferred);
  if (slug) return `/t/${slug}`;
  return me.user.isPlatformAdmin ? '/admin/tenants' : null;
}
