import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { EVIDENCE_FILE_KINDS, EVIDENCE_MAX_FILES, type EvidenceFile, type EvidenceFileKind } from '../../../common/schemas/evidence';
import { audit } from '../../platform/audit';
import { canAct, type TenantContext, actorUserId } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { checkedUpload, type Upload } from '../../platform/files/upload';
import { blobPath, removeBlob, sendStoredFile, storedFileFacts, storeBlob } from '../../platform/files/blobs';
import { IMAGE_KINDS } from '../../platform/files/kinds';
import * as repo from './evidence.repository';

/**
 * Evidence files of progress reports and indicator measurements: photos (PNG, JPEG, WebP) and PDFs, judged
 * from their bytes by the knowledge module's `detectKind`, named through its `safeFilename` (readUpload) and
 * stored with its content-addressed `storeBlob`. The blobs live under `<dataDir>/evidence/files/sha256/<tenant>/…`,
 * apart from the knowledge files and the ledger's receipts: each store removes a blob only when its own last
 * reference goes, and can never take another's file with it.
 */
const evidenceRoot = (dataDir: string) => path.join(dataDir, 'evidence');
const ALLOWED: ReadonlySet<string> = new Set(EVIDENCE_FILE_KINDS);
/** A blob younger than this is never swept: its row may still be in an open transaction. */
const SWEEP_GRACE_MS = 60 * 60 * 1000;

export type EvidenceOwner =
  | { kind: 'report'; planId: string; activityId: string; reportId: string }
  | { kind: 'measurement'; indicatorId: string; measurementId: string }
  | { kind: 'incident'; incidentId: string };

type Row = repo.EvidenceRow;

function ownerUrl(slug: string, owner: EvidenceOwner): string {
  if (owner.kind === 'incident') return `/api/v1/t/${slug}/water/incidents/${owner.incidentId}/files`;
  return owner.kind === 'report'
    ? `/api/v1/t/${slug}/plans/${owner.planId}/activities/${owner.activityId}/progress/${owner.reportId}/files`
    : `/api/v1/t/${slug}/strategy/indicators/${owner.indicatorId}/measurements/${owner.measurementId}/files`;
}

/** Officers and admins may remove any evidence; a coordinator the files they uploaded themselves. */
function mayDelete(ctx: TenantContext, r: Pick<Row, 'uploadedByUserId'>): boolean {
  if (canAct(ctx.actor, ['admin', 'officer'])) return true;
  return canAct(ctx.actor, ['coordinator']) && r.uploadedByUserId !== null && r.uploadedByUserId === ctx.actor.user.id;
}

function present(ctx: TenantContext, owner: EvidenceOwner, r: Row): EvidenceFile {
  return {
    ...storedFileFacts(r),
    kind: r.kind as EvidenceFileKind,
    uploadedBy: r.uploadedByName,
    url: `${ownerUrl(ctx.tenant.slug, owner)}/${r.id}`,
    canDelete: mayDelete(ctx, r),
  };
}

/** The owner exists in this tenant along its whole path (plan → activity → report, indicator → measurement); its label for the audit log. */
async function ownerLabel(tx: Tx, ctx: TenantContext, owner: EvidenceOwner): Promise<string> {
  if (owner.kind === 'incident') {
    const i = await repo.incidentLabel(tx, ctx.tenant.id, owner.incidentId);
    if (!i) throw new AppError('not_found');
    return `${i.place} (${i.occurredOn})`;
  }
  if (owner.kind === 'report') {
    const r = await repo.reportLabel(tx, ctx.tenant.id, owner);
    if (!r) throw new AppError('not_found');
    return `${r.name} (${r.reportedOn})`;
  }
  const m = await repo.measurementLabel(tx, ctx.tenant.id, owner);
  if (!m) throw new AppError('not_found');
  return `${m.name}: ${m.value} ${m.unit} (${m.measuredOn})`;
}

const ownerKey = (owner: EvidenceOwner): repo.OwnerKey =>
  owner.kind === 'report'
    ? { reportId: owner.reportId }
    : owner.kind === 'incident'
      ? { incidentId: owner.incidentId }
      : { measurementId: owner.measurementId };

/**
 * Check and store one file. The kind comes from the bytes and must be a photo or a PDF (415 otherwise, so a
 * text file named .jpg is refused); at most EVIDENCE_MAX_FILES per owner. The row and the audit entry are one
 * transaction; the bytes are written last inside it and removed again if it fails.
 */
export async function addEvidenceFile(ctx: TenantContext, dataDir: string, owner: EvidenceOwner, upload: Upload): Promise<EvidenceFile> {
  const file = await checkedUpload(upload, ALLOWED, 'evidence_type_not_allowed');
  const { filename, kind, sha256: hash } = file;
  let created = false;
  try {
    return await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
      const label = await ownerLabel(tx, ctx, owner);
      const n = await repo.countFiles(tx, ctx.tenant.id, ownerKey(owner));
      if (n >= EVIDENCE_MAX_FILES) throw new AppError('validation_failed', { file: 'too_many_evidence_files' });
      const row = await repo.insertFile(tx, {
        tenantId: ctx.tenant.id,
        progressReportId: owner.kind === 'report' ? owner.reportId : null,
        measurementId: owner.kind === 'measurement' ? owner.measurementId : null,
        incidentId: owner.kind === 'incident' ? owner.incidentId : null,
        ...file,
        uploadedByUserId: actorUserId(ctx),
        uploadedByName: ctx.actor.user.name,
      });
      const { kind: _k, ...where } = owner;
      await audit(tx, ctx, {
        entity: 'evidence_file',
        entityId: row.id,
        entityLabel: `${label}: ${filename}`,
        action: 'create',
        after: { ...where, filename, kind, sizeBytes: row.sizeBytes, sha256: hash },
      });
      created = await storeBlob(evidenceRoot(dataDir), ctx.tenant.id, hash, upload.buffer);
      // a blob that was already there is in use again: the sweep's grace period starts over
      if (!created) await touch(blobPath(evidenceRoot(dataDir), ctx.tenant.id, hash));
      return present(ctx, owner, row);
    });
  } catch (err) {
    if (created) await collect(ctx, dataDir, [hash]).catch(() => removeBlob(evidenceRoot(dataDir), ctx.tenant.id, hash));
    throw err;
  }
}

async function touch(file: string) {
  const now = new Date();
  await fs.promises.utimes(file, now, now).catch(() => {});
}

function findFile(tx: Tx, ctx: TenantContext, owner: EvidenceOwner, id: string) {
  return repo.findFile(tx, ctx.tenant.id, ownerKey(owner), id);
}

/** Send the bytes to someone of the tenant: photos and PDFs inline, with the safe file name; nothing in them may run. */
export async function sendEvidenceFile(ctx: TenantContext, dataDir: string, owner: EvidenceOwner, id: string, reply: FastifyReply, download: boolean) {
  const row = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await ownerLabel(tx, ctx, owner);
    return findFile(tx, ctx, owner, id);
  });
  if (!row) throw new AppError('not_found');
  const file = blobPath(evidenceRoot(dataDir), ctx.tenant.id, row.sha256);
  if (!fs.existsSync(file)) throw new AppError('not_found');
  return sendStoredFile(reply, file, row, { inline: !download && (IMAGE_KINDS.has(row.kind as EvidenceFileKind) || row.kind === 'pdf') });
}

/** Remove one file: its uploader (still an editor) or an officer/admin; 403 for anyone else. */
export async function removeEvidenceFile(ctx: TenantContext, dataDir: string, owner: EvidenceOwner, id: string): Promise<void> {
  const hash = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const label = await ownerLabel(tx, ctx, owner);
    const row = await findFile(tx, ctx, owner, id);
    if (!row) throw new AppError('not_found');
    if (!mayDelete(ctx, row)) throw new AppError('forbidden');
    await repo.deleteFile(tx, ctx.tenant.id, id);
    const { kind: _k, ...where } = owner;
    await audit(tx, ctx, {
      entity: 'evidence_file',
      entityId: id,
      entityLabel: `${label}: ${row.filename}`,
      action: 'delete',
      before: { ...where, filename: row.filename, kind: row.kind, sizeBytes: row.sizeBytes, sha256: row.sha256, uploadedBy: row.uploadedByName },
    });
    return row.sha256;
  });
  await collect(ctx, dataDir, [hash]);
}

/** Remove the blobs of these hashes that no evidence file of the tenant refers to any more. */
async function collect(ctx: TenantContext, dataDir: string, hashes: string[]): Promise<void> {
  const keep = await withTenant(ctx.db, ctx.tenant.id, (tx) => repo.usedHashes(tx, ctx.tenant.id, hashes));
  for (const h of hashes) if (!keep.has(h)) await removeBlob(evidenceRoot(dataDir), ctx.tenant.id, h);
}

/**
 * After a plan, project, activity, goal, strategy, indicator or measurement is deleted, its evidence rows went
 * with it (ON DELETE CASCADE): remove the tenant's blobs that no row refers to any more. Blobs younger than an
 * hour stay (an upload's row may not be committed yet); a later sweep takes them.
 */
export async function sweepEvidenceBlobs(ctx: TenantContext, dataDir: string): Promise<number> {
  const dir = path.dirname(path.dirname(blobPath(evidenceRoot(dataDir), ctx.tenant.id, '0'.repeat(64))));
  if (!fs.existsSync(dir)) return 0;
  const files = (await fs.promises.readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile() && /^[0-9a-f]{64}$/.test(d.name));
  if (!files.length) return 0;
  const keep = await withTenant(ctx.db, ctx.tenant.id, (tx) => repo.usedHashes(tx, ctx.tenant.id));
  let removed = 0;
  for (const f of files) {
    if (keep.has(f.name)) continue;
    const stat = await fs.promises.stat(path.join(f.parentPath, f.name)).catch(() => null);
    if (!stat || Date.now() - stat.mtimeMs < SWEEP_GRACE_MS) continue;
    await removeBlob(evidenceRoot(dataDir), ctx.tenant.id, f.name);
    removed++;
  }
  return removed;
}

/** The files of these progress reports (all of one plan), oldest first, by report id. */
export async function filesOfReports(
  tx: Tx,
  ctx: TenantContext,
  planId: string,
  reports: { id: string; activityId: string }[],
): Promise<Map<string, EvidenceFile[]>> {
  const out = new Map<string, EvidenceFile[]>();
  if (!reports.length) return out;
  const activityOf = new Map(reports.map((r) => [r.id, r.activityId]));
  const rows = await repo.filesOf(tx, ctx.tenant.id, 'progressReportId', [...activityOf.keys()]);
  for (const r of rows) {
    const reportId = r.progressReportId!;
    const list = out.get(reportId) ?? [];
    list.push(present(ctx, { kind: 'report', planId, activityId: activityOf.get(reportId)!, reportId }, r));
    out.set(reportId, list);
  }
  return out;
}

/** The files of these measurements, oldest first, by measurement id. */
export async function filesOfMeasurements(
  tx: Tx,
  ctx: TenantContext,
  measurements: { id: string; indicatorId: string }[],
): Promise<Map<string, EvidenceFile[]>> {
  const out = new Map<string, EvidenceFile[]>();
  if (!measurements.length) return out;
  const indicatorOf = new Map(measurements.map((m) => [m.id, m.indicatorId]));
  const rows = await repo.filesOf(tx, ctx.tenant.id, 'measurementId', [...indicatorOf.keys()]);
  for (const r of rows) {
    const measurementId = r.measurementId!;
    const list = out.get(measurementId) ?? [];
    list.push(present(ctx, { kind: 'measurement', indicatorId: indicatorOf.get(measurementId)!, measurementId }, r));
    out.set(measurementId, list);
  }
  return out;
}

/** The photos of these water incidents, oldest first, by incident id. */
export async function filesOfIncidents(tx: Tx, ctx: TenantContext, incidentIds: string[]): Promise<Map<string, EvidenceFile[]>> {
  const out = new Map<string, EvidenceFile[]>();
  if (!incidentIds.length) return out;
  const rows = await repo.filesOf(tx, ctx.tenant.id, 'incidentId', incidentIds);
  for (const r of rows) {
    const list = out.get(r.incidentId!) ?? [];
    list.push(present(ctx, { kind: 'incident', incidentId: r.incidentId! }, r));
    out.set(r.incidentId!, list);
  }
  return out;
}
