import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListResult } from '../../../../common/schemas';
import type {
  Attachment,
  KnowledgeCreate,
  KnowledgeDetail,
  KnowledgeDiff,
  KnowledgeSearchResult,
  KnowledgeMetrics,
  KnowledgeUpdate,
  KnowledgeVersion,
  KnowledgeVersionSummary,
} from '../../../../common/schemas/knowledge';
import { api, type Query, tenantPath } from '../../api/client';

export const PAGE_SIZE = 20;

/** The library: a Thai full-text search (`/knowledge/search`, with snippets) when `q` is set, a plain list otherwise. */
export function useKnowledgeList(tenant: string, query: Query) {
  const searching = typeof query.q === 'string' && query.q.trim() !== '';
  return useQuery({
    queryKey: ['t', tenant, 'knowledge', 'list', query],
    queryFn: ({ signal }) => api<KnowledgeSearchResult>(tenantPath(tenant, searching ? '/knowledge/search' : '/knowledge'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}

/**
 * One item. `read`: the item page; its first fetch counts a read (sharing metrics), refetches after an
 * upload or an edit do not (`countRead` says which fetch counts). `quiet`: never counts (history page).
 * `edit`: never counts and is always fetched afresh, so the editor starts from the current version (baseVersion).
 */
export function useKnowledgeItem(tenant: string, id: string, mode: 'read' | 'quiet' | 'edit' = 'quiet', countRead?: () => boolean) {
  return useQuery({
    queryKey: ['t', tenant, 'knowledge', 'detail', id, mode],
    queryFn: ({ signal }) =>
      api<KnowledgeDetail>(tenantPath(tenant, `/knowledge/${id}`), { query: { track: mode === 'read' && (countRead?.() ?? true) ? '1' : '0' }, signal }),
    enabled: !!id,
    ...(mode === 'edit' ? { staleTime: 0, gcTime: 0 } : {}),
  });
}

/** The latest state of an item, fetched on demand (after a 409), without counting a read. */
export function fetchLatestItem(tenant: string, id: string) {
  return api<KnowledgeDetail>(tenantPath(tenant, `/knowledge/${id}`), { query: { track: '0' } });
}

export function useKnowledgeTags(tenant: string) {
  return useQuery({
    queryKey: ['t', tenant, 'knowledge', 'tags'],
    queryFn: ({ signal }) => api<{ items: { tag: string; count: number }[] }>(tenantPath(tenant, '/knowledge/tags'), { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useKnowledgeVersions(tenant: string, id: string, page: number, pageSize = 50) {
  return useQuery({
    queryKey: ['t', tenant, 'knowledge', 'versions', id, page, pageSize],
    queryFn: ({ signal }) => api<ListResult<KnowledgeVersionSummary>>(tenantPath(tenant, `/knowledge/${id}/versions`), { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useKnowledgeVersion(tenant: string, id: string, version: number | null) {
  return useQuery({
    queryKey: ['t', tenant, 'knowledge', 'version', id, version],
    queryFn: ({ signal }) => api<KnowledgeVersion>(tenantPath(tenant, `/knowledge/${id}/versions/${version}`), { signal }),
    enabled: !!version,
    staleTime: Infinity, // a version never changes
  });
}

export function useKnowledgeDiff(tenant: string, id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: ['t', tenant, 'knowledge', 'diff', id, from, to],
    queryFn: ({ signal }) => api<KnowledgeDiff>(tenantPath(tenant, `/knowledge/${id}/diff`), { query: { from: from!, to: to! }, signal }),
    enabled: !!from && !!to && from !== to,
    staleTime: Infinity,
    placeholderData: keepPreviousData,
  });
}

export function useKnowledgeMetrics(tenant: string, query: Query) {
  return useQuery({
    queryKey: ['t', tenant, 'knowledge', 'metrics', query],
    queryFn: ({ signal }) => api<KnowledgeMetrics>(tenantPath(tenant, '/knowledge/metrics'), { query, signal }),
    placeholderData: keepPreviousData,
  });
}

function useInvalidateKnowledge(tenant: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['t', tenant, 'knowledge'] }),
      qc.invalidateQueries({ queryKey: ['t', tenant, 'forums'] }),
      qc.invalidateQueries({ queryKey: ['t', tenant, 'search'] }),
      qc.invalidateQueries({ queryKey: ['t', tenant, 'dashboard'] }),
    ]);
}

export function useCreateKnowledge(tenant: string) {
  const inv = useInvalidateKnowledge(tenant);
  return useMutation({
    mutationFn: (body: KnowledgeCreate) => api<KnowledgeDetail>(tenantPath(tenant, '/knowledge'), { method: 'POST', body }),
    onSuccess: () => inv(),
  });
}

/** A new version; answers 409 (`conflict`, fields.baseVersion) when someone saved a newer version since `baseVersion`. */
export function useUpdateKnowledge(tenant: string, id: string) {
  const inv = useInvalidateKnowledge(tenant);
  return useMutation({
    mutationFn: (body: KnowledgeUpdate) => api<KnowledgeDetail>(tenantPath(tenant, `/knowledge/${id}`), { method: 'PATCH', body }),
    onSuccess: () => inv(),
  });
}

export function useDeleteKnowledge(tenant: string) {
  const inv = useInvalidateKnowledge(tenant);
  return useMutation({
    mutationFn: (id: string) => api<void>(tenantPath(tenant, `/knowledge/${id}`), { method: 'DELETE' }),
    onSuccess: () => inv(),
  });
}

export function useRestoreVersion(tenant: string, id: string) {
  const inv = useInvalidateKnowledge(tenant);
  return useMutation({
    mutationFn: ({ version, note }: { version: number; note: string | null }) =>
      api<KnowledgeDetail>(tenantPath(tenant, `/knowledge/${id}/versions/${version}/restore`), { method: 'POST', body: { note } }),
    onSuccess: () => inv(),
  });
}

/** Markdown rendered and sanitised by the server, exactly as the item page will show it. */
export function useMarkdownPreview(tenant: string) {
  return useMutation({
    mutationFn: (body: string) => api<{ html: string }>(tenantPath(tenant, '/knowledge/preview'), { method: 'POST', body: { body } }),
  });
}

/** Where a file belongs: a knowledge item or a forum (photos). */
export type AttachmentOwner = { kind: 'knowledge'; id: string } | { kind: 'forums'; id: string };

export function useUploadAttachment(tenant: string, owner: AttachmentOwner) {
  const inv = useInvalidateKnowledge(tenant);
  return useMutation({
    mutationFn: ({ file, caption }: { file: File; caption?: string }) => {
      const form = new FormData();
      if (caption?.trim()) form.append('caption', caption.trim());
      form.append('file', file, file.name);
      return api<Attachment>(tenantPath(tenant, `/${owner.kind}/${owner.id}/attachments`), { method: 'POST', body: form });
    },
    onSuccess: () => inv(),
  });
}

export function useDeleteAttachment(tenant: string, owner: AttachmentOwner) {
  const inv = useInvalidateKnowledge(tenant);
  return useMutation({
    mutationFn: (attachmentId: string) => api<void>(tenantPath(tenant, `/${owner.kind}/${owner.id}/attachments/${attachmentId}`), { method: 'DELETE' }),
    onSuccess: () => inv(),
  });
}
