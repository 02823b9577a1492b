import { useMutation } from '@tanstack/react-query';
import type { EvidenceFile } from '../../../../common/schemas/evidence';
import { api, API_BASE, tenantPath } from '../../api/client';

/** The same limits as the server (common/schemas/evidence.ts, knowledge ATTACHMENT_MAX_BYTES); the server checks the bytes anyway. */
export const EVIDENCE_ACCEPT = 'image/png,image/jpeg,image/webp,application/pdf,.png,.jpg,.jpeg,.webp,.pdf';
export const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
export const EVIDENCE_MAX_FILES = 20;
const TYPES = new Set(['image/png', 'image/jpeg', 'image/webp', 'application/pdf']);

/** What owns the files: a progress report of an activity, or a measurement of an indicator. */
export type EvidenceOwner =
  | { kind: 'report'; planId: string; activityId: string; reportId: string }
  | { kind: 'measurement'; indicatorId: string; measurementId: string }
  | { kind: 'incident'; incidentId: string };

export const filesPath = (tenant: string, o: EvidenceOwner) =>
  tenantPath(
    tenant,
    o.kind === 'report'
      ? `/plans/${o.planId}/activities/${o.activityId}/progress/${o.reportId}/files`
      : o.kind === 'incident'
        ? `/water/incidents/${o.incidentId}/files`
        : `/strategy/indicators/${o.indicatorId}/measurements/${o.measurementId}/files`,
  );

export function uploadEvidence(tenant: string, owner: EvidenceOwner, file: File) {
  const body = new FormData();
  body.append('file', file);
  return api<EvidenceFile>(filesPath(tenant, owner), { method: 'POST', body });
}

/** Upload files one after another; the names of those refused, with the server's reason. */
export async function uploadAll(tenant: string, owner: EvidenceOwner, files: File[]): Promise<{ ok: number; failed: { name: string; error: unknown }[] }> {
  const failed: { name: string; error: unknown }[] = [];
  let ok = 0;
  for (const f of files) {
    try {
      await uploadEvidence(tenant, owner, f);
      ok++;
    } catch (error) {
      failed.push({ name: f.name, error });
    }
  }
  return { ok, failed };
}

/** Why a chosen file cannot go (checked before sending: the browser's type and size), or null. */
export function pendingProblem(f: File): 'tooLarge' | 'wrongType' | null {
  if (f.size > EVIDENCE_MAX_BYTES) return 'tooLarge';
  if (f.type ? !TYPES.has(f.type) : !/\.(png|jpe?g|webp|pdf)$/i.test(f.name)) return 'wrongType';
  return null;
}

export function useDeleteEvidence(onDone: () => void) {
  return useMutation({
    mutationFn: (f: EvidenceFile) => api<null>(f.url.startsWith(API_BASE) ? f.url.slice(API_BASE.length) : f.url, { method: 'DELETE' }),
    onSuccess: onDone,
  });
}
