import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import type { Evidence } from '../../../common/schemas/budget';
import { audit } from '../../platform/audit';
import { type TenantContext, actorUserId } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { checkedUpload, type Upload } from '../../platform/files/upload';
import type { AttachmentKind } from '../../../common/schemas/knowledge';
import { blobPath, removeBlob, sendStoredFile, storedFileFacts, storeBlob } from '../../platform/files/blobs';
import { IMAGE_KINDS } from '../../platform/files/kinds';
import * as ledger from './ledger.repository';

/** Receipts are photos or PDFs; the kind comes from the bytes (the knowledge module's detection). */
const EVIDENCE_KINDS = new Set(['pdf', 'png', 'jpeg', 'webp']);

/**
 * Evidence blobs live under `<dataDir>/ledger/files/sha256/<tenant>/…`, apart from the knowledge files:
 * the knowledge module removes a blob when its last knowledge attachment goes, and must never take a
 * receipt with it. Evidence is never removed (the ledger is append-only).
 */
const evidenceRoot = (dataDir: string) => path.join(dataDir, 'ledger');

type Row = ledger.EvidenceRow;

export function presentEvidence(tenantSlug: string, r: Row): Evidence {
  return {
    ...storedFileFacts(r),
    kind: r.kind,
    uploadedBy: r.uploadedByName,
    url: `/api/v1/t/${tenantSlug}/ledger/transactions/${r.transactionId}/evidence/${r.id}`,
  };
}

export async function addEvidence(ctx: TenantContext, dataDir: string, transactionId: string, upload: Upload): Promise<Evidence> {
  const file = await checkedUpload(upload, EVIDENCE_KINDS, 'evidence_type_not_allowed');
  let created = false;
  try {
    return await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
      const t = await ledger.findTransaction(tx, ctx.tenant.id, transactionId);
      if (!t) throw new AppError('not_found');
      if (t.status === 'rejected') throw new AppError('conflict', { status: 'rejected' });
      const row = await ledger.insertEvidence(tx, {
        tenantId: ctx.tenant.id,
        transactionId,
        ...file,
        uploadedByUserId: actorUserId(ctx),
        uploadedByName: ctx.actor.user.name,
      });
      await audit(tx, ctx, {
        entity: 'ledger_evidence',
        entityId: row.id,
        entityLabel: `${t.description}: ${file.filename}`,
        action: 'create',
        after: { transactionId, filename: file.filename, kind: file.kind, sizeBytes: row.sizeBytes, sha256: file.sha256 },
      });
      created = await storeBlob(evidenceRoot(dataDir), ctx.tenant.id, file.sha256, upload.buffer);
      return presentEvidence(ctx.tenant.slug, row);
    });
  } catch (err) {
    if (created) await removeBlob(evidenceRoot(dataDir), ctx.tenant.id, file.sha256).catch(() => {});
    throw err;
  }
}

export async function sendEvidence(ctx: TenantContext, dataDir: string, transactionId: string, id: string, reply: FastifyReply) {
  const row = await withTenant(ctx.db, ctx.tenant.id, (tx) => ledger.findEvidence(tx, ctx.tenant.id, transactionId, id));
  if (!row) throw new AppError('not_found');
  const file = blobPath(evidenceRoot(dataDir), ctx.tenant.id, row.sha256);
  if (!fs.existsSync(file)) throw new AppError('not_found');
  return sendStoredFile(reply, file, row, { inline: IMAGE_KINDS.has(row.kind as AttachmentKind) || row.kind === 'pdf' });
}
