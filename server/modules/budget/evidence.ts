import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { and, eq } from 'drizzle-orm';
import type { Evidence } from '../../../common/schemas/budget';
import { ledgerEvidence, ledgerTransactions } from '../../db/schema';
import { audit } from '../../platform/audit';
import { type TenantContext, actorUserId } from '../../platform/context';
import { withTenant } from '../../platform/db';
import { AppError } from '../../platform/errors';
import type { Upload } from '../../platform/files/upload';
import type { AttachmentKind } from '../../../common/schemas/knowledge';
import { blobPath, removeBlob, sendStoredFile, sha256, storeBlob } from '../../platform/files/blobs';
import { detectKind, IMAGE_KINDS, MEDIA_TYPES, withExtension } from '../../platform/files/kinds';

/** Receipts are photos or PDFs; the kind comes from the bytes (the knowledge module's detection). */
const EVIDENCE_KINDS = new Set(['pdf', 'png', 'jpeg', 'webp']);

/**
 * Evidence blobs live under `<dataDir>/ledger/files/sha256/<tenant>/…`, apart from the knowledge files:
 * the knowledge module removes a blob when its last knowledge attachment goes, and must never take a
 * receipt with it. Evidence is never removed (the ledger is append-only).
 */
const evidenceRoot = (dataDir: string) => path.join(dataDir, 'ledger');

type Row = typeof ledgerEvidence.$inferSelect;

export function presentEvidence(tenantSlug: string, r: Row): Evidence {
  return {
    id: r.id,
    filename: r.filename,
    kind: r.kind,
    mediaType: r.mediaType,
    sizeBytes: r.sizeBytes,
    sha256: r.sha256,
    uploadedBy: r.uploadedByName,
    createdAt: new Date(r.createdAt).toISOString(),
    url: `/api/v1/t/${tenantSlug}/ledger/transactions/${r.transactionId}/evidence/${r.id}`,
  };
}

export async function addEvidence(ctx: TenantContext, dataDir: string, transactionId: string, upload: Upload): Promise<Evidence> {
  const kind = await detectKind(upload.buffer);
  if (!kind || !EVIDENCE_KINDS.has(kind)) throw new AppError('unsupported_file', { file: 'evidence_type_not_allowed' });
  const filename = withExtension(upload.filename, kind);
  const hash = sha256(upload.buffer);
  let created = false;
  try {
    return await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
      const [t] = await tx
        .select({ id: ledgerTransactions.id, description: ledgerTransactions.description, status: ledgerTransactions.status })
        .from(ledgerTransactions)
        .where(and(eq(ledgerTransactions.tenantId, ctx.tenant.id), eq(ledgerTransactions.id, transactionId)))
        .limit(1);
      if (!t) throw new AppError('not_found');
      if (t.status === 'rejected') throw new AppError('conflict', { status: 'rejected' });
      const [row] = await tx
        .insert(ledgerEvidence)
        .values({
          tenantId: ctx.tenant.id,
          transactionId,
          filename,
          kind,
          mediaType: MEDIA_TYPES[kind],
          sizeBytes: upload.buffer.length,
          sha256: hash,
          uploadedByUserId: actorUserId(ctx),
          uploadedByName: ctx.actor.user.name,
        })
        .returning();
      await audit(tx, ctx, {
        entity: 'ledger_evidence',
        entityId: row.id,
        entityLabel: `${t.description}: ${filename}`,
        action: 'create',
        after: { transactionId, filename, kind, sizeBytes: row.sizeBytes, sha256: hash },
      });
      created = await storeBlob(evidenceRoot(dataDir), ctx.tenant.id, hash, upload.buffer);
      return presentEvidence(ctx.tenant.slug, row);
    });
  } catch (err) {
    if (created) await removeBlob(evidenceRoot(dataDir), ctx.tenant.id, hash).catch(() => {});
    throw err;
  }
}

export async function sendEvidence(ctx: TenantContext, dataDir: string, transactionId: string, id: string, reply: FastifyReply) {
  const row = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const [r] = await tx
      .select()
      .from(ledgerEvidence)
      .where(and(eq(ledgerEvidence.tenantId, ctx.tenant.id), eq(ledgerEvidence.transactionId, transactionId), eq(ledgerEvidence.id, id)))
      .limit(1);
    return r;
  });
  if (!row) throw new AppError('not_found');
  const file = blobPath(evidenceRoot(dataDir), ctx.tenant.id, row.sha256);
  if (!fs.existsSync(file)) throw new AppError('not_found');
  return sendStoredFile(reply, file, row, { inline: IMAGE_KINDS.has(row.kind as AttachmentKind) || row.kind === 'pdf' });
}
