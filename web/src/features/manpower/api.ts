import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../common/schemas/api';
import type {
  Certificate,
  Helper,
  HourLog,
  HoursInput,
  MyManpower,
  PersonProfile,
  PersonProfileInput,
  PublicList,
  Task,
  TaskInput,
  Team,
  TeamInput,
  TeamSummary,
  Totals,
} from '../../../../common/schemas/manpower';
import { api, type Query, tenantPath } from '../../api/client';
import type { ActivityOption } from '../../../../common/schemas/plans';

export const PAGE_SIZE = 20;

export type { ActivityOption };

const key = (tenant: string, ...rest: unknown[]) => ['t', tenant, 'manpower', ...rest];

/** Everything manpower shows depends on everything else (a confirmation changes totals, the team page, my page). */
function useInvalidate(tenant: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['t', tenant, 'manpower'] });
}

export function useMyManpower(tenant: string) {
  return useQuery({ queryKey: key(tenant, 'me'), queryFn: ({ signal }) => api<MyManpower>(tenantPath(tenant, '/me/manpower'), { signal }) });
}

export function useActivityOptions(tenant: string, q: string, enabled = true) {
  return useQuery({
    queryKey: key(tenant, 'activities', q),
    queryFn: ({ signal }) => api<{ items: ActivityOption[] }>(tenantPath(tenant, '/manpower/activities'), { query: { q: q || undefined, limit: 30 }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

// ---- profiles
export function useProfile(tenant: string, partyId: string) {
  return useQuery({
    queryKey: key(tenant, 'profile', partyId),
    queryFn: ({ signal }) => api<PersonProfile>(tenantPath(tenant, `/people/${partyId}/profile`), { signal }),
  });
}
export function useSaveProfile(tenant: string, partyId: string) {
  const inv = useInvalidate(tenant);
  return useMutation({
    mutationFn: (body: PersonProfileInput) => api<PersonProfile>(tenantPath(tenant, `/people/${partyId}/profile`), { method: 'PUT', body }),
    onSuccess: () => inv(),
  });
}

// ---- teams
export function useTeams(tenant: string, query: Query) {
  return useQuery({
    queryKey: key(tenant, 'teams', query),
    queryFn: ({ signal }) => api<ListResult<TeamSummary>>(tenantPath(tenant, '/teams'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}
export function useTeam(tenant: string, id: string) {
  return useQuery({ queryKey: key(tenant, 'team', id), queryFn: ({ signal }) => api<Team>(tenantPath(tenant, `/teams/${id}`), { signal }) });
}
export function useSaveTeam(tenant: string, id?: string) {
  const inv = useInvalidate(tenant);
  return useMutation({
    mutationFn: (body: TeamInput) => api<Team>(tenantPath(tenant, id ? `/teams/${id}` : '/teams'), { method: id ? 'PATCH' : 'POST', body }),
    onSuccess: () => inv(),
  });
}
export function useDeleteTeam(tenant: string) {
  const inv = useInvalidate(tenant);
  return useMutation({ mutationFn: (id: string) => api<void>(tenantPath(tenant, `/teams/${id}`), { method: 'DELETE' }), onSuccess: () => inv() });
}

// ---- tasks
export function useTasks(tenant: string, query: Query) {
  return useQuery({
    queryKey: key(tenant, 'tasks', query),
    queryFn: ({ signal }) => api<ListResult<Task>>(tenantPath(tenant, '/tasks'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}
export function useSaveTask(tenant: string, id?: string) {
  const inv = useInvalidate(tenant);
  return useMutation({
    mutationFn: (body: Partial<TaskInput>) => api<Task>(tenantPath(tenant, id ? `/tasks/${id}` : '/tasks'), { method: id ? 'PATCH' : 'POST', body }),
    onSuccess: () => inv(),
  });
}
export function useDeleteTask(tenant: string) {
  const inv = useInvalidate(tenant);
  return useMutation({ mutationFn: (id: string) => api<void>(tenantPath(tenant, `/tasks/${id}`), { method: 'DELETE' }), onSuccess: () => inv() });
}
export function useTaskHelpers(tenant: string, id: string | null) {
  return useQuery({
    queryKey: key(tenant, 'helpers', id),
    queryFn: ({ signal }) => api<{ task: Task; items: Helper[] }>(tenantPath(tenant, `/tasks/${id}/helpers`), { signal }),
    enabled: !!id,
  });
}

// ---- hours
export function useHours(tenant: string, query: Query) {
  return useQuery({
    queryKey: key(tenant, 'hours', query),
    queryFn: ({ signal }) => api<ListResult<HourLog>>(tenantPath(tenant, '/volunteer-hours'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}
export function useLogHours(tenant: string) {
  const inv = useInvalidate(tenant);
  return useMutation({
    mutationFn: (body: HoursInput) => api<HourLog>(tenantPath(tenant, '/volunteer-hours'), { method: 'POST', body }),
    onSuccess: () => inv(),
  });
}
export function useUpdateHours(tenant: string) {
  const inv = useInvalidate(tenant);
  return useMutation({
    mutationFn: ({ id, ...body }: Partial<HoursInput> & { id: string }) =>
      api<HourLog>(tenantPath(tenant, `/volunteer-hours/${id}`), { method: 'PATCH', body }),
    onSuccess: () => inv(),
  });
}
export function useDeleteHours(tenant: string) {
  const inv = useInvalidate(tenant);
  return useMutation({ mutationFn: (id: string) => api<void>(tenantPath(tenant, `/volunteer-hours/${id}`), { method: 'DELETE' }), onSuccess: () => inv() });
}
export function useReviewHours(tenant: string) {
  const inv = useInvalidate(tenant);
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason?: string }) =>
      api<HourLog>(tenantPath(tenant, `/volunteer-hours/${id}/${reason === undefined ? 'confirm' : 'return'}`), {
        method: 'POST',
        body: reason === undefined ? undefined : { reason },
      }),
    onSuccess: () => inv(),
  });
}
export function useTotals(tenant: string, query: Query) {
  return useQuery({
    queryKey: key(tenant, 'totals', query),
    queryFn: ({ signal }) => api<Totals>(tenantPath(tenant, '/volunteer-hours/totals'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}
export function useCertificate(tenant: string, personId: string, fiscalYear: number) {
  return useQuery({
    queryKey: key(tenant, 'certificate', personId, fiscalYear),
    queryFn: ({ signal }) => api<Certificate>(tenantPath(tenant, '/volunteer-hours/certificate'), { query: { personId, fiscalYear }, signal }),
    enabled: !!personId && !!fiscalYear,
  });
}
export function usePublicList(tenant: string, fiscalYear: number | undefined) {
  return useQuery({
    queryKey: ['public', tenant, 'volunteers', fiscalYear],
    queryFn: ({ signal }) => api<PublicList>(`/public/${encodeURIComponent(tenant)}/volunteers`, { query: { fiscalYear }, signal }),
  });
}
