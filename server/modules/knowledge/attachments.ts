import fs from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { and, eq, inArray } from 'drizzle-orm';
import { ATTACHMENT_MAX_BYTES, type Attachment, type AttachmentKind } from '../../../common/schemas/knowledge';
import { knowledgeAttachments, knowledgeForums } from '../../db/schema';
import { audit } from '../../platform/audit';
import type { TenantContext } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import {
  blobPath,
  detectKind,
  IMAGE_KINDS,
  MEDIA_TYPES,
  removeBlob,
  safeFilename,
  sha256,
  storeBlob,
  UnsafeFilenameError,
  withExtension,
} from './files';
import * as repo from './knowledge.repository';
import { extractOffLoop } from './text-work';
import { segmented } from './thai-text';

export type Owner = { itemId: string } | { forumId: string };

export function presentAttachment(ctx: TenantContext, f: repo.AttachmentListRow): Attachment {
  const base = `/api/v1/t/${ctx.tenant.slug}`;
  return {
    id: f.id,
    filename: f.filename,
    kind: f.kind as AttachmentKind,
    mediaType: f.mediaType,
    sizeBytes: f.sizeBytes,
    sha256: f.sha256,
    caption: f.caption,
    textStatus: f.textStatus as Attachment['textStatus'],
    textChars: f.textChars,
    uploadedBy: f.uploadedByName,
    createdAt: new Date(f.createdAt).toISOString(),
    url: f.itemId ? `${base}/knowledge/${f.itemId}/attachments/${f.id}` : `${base}/forums/${f.forumId}/attachments/${f.id}`,
  };
}

export interface Upload {
  buffer: Buffer;
  filename: string;
  caption: string | null;
}

/**
 * Read the multipart request: one `file` part (at most ATTACHMENT_MAX_BYTES) and an optional `caption` field.
 * An unsafe file name is refused before its bytes are read.
 */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) throw new AppError('validation_failed', { file: 'required' });
  let upload: { buffer: Buffer; filename: string } | null = null;
  let caption: string | null = null;
  try {
    for await (const part of req.parts({ preservePath: true, limits: { fileSize: ATTACHMENT_MAX_BYTES, files: 1, fields: 5, fieldSize: 2000 } })) {
      if (part.type === 'file') {
        if (upload || part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        let filename: string;
        try {
          filename = safeFilename(part.filename);
        } catch (err) {
          part.file.resume();
          if (err instanceof UnsafeFilenameError) throw new AppError('validation_failed', { file: 'unsafe_filename' });
          throw err;
        }
        upload = { buffer: await part.toBuffer(), filename };
      } else if (part.fieldname === 'caption' && typeof part.value === 'string') {
        caption = part.value.trim().slice(0, 500) || null;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('payload_too_large', { file: 'file_too_large' });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new AppError('validation_failed', { file: 'one_file_only' });
    throw err;
  }
  if (!upload || upload.buffer.length === 0) throw new AppError('validation_failed', { file: 'required' });
  return { ...upload, caption };
}

async function assertOwner(tx: Tx, ctx: TenantContext, owner: Owner): Promise<string> {
  if ('itemId' in owner) {
    const item = await repo.getItem(tx, ctx, owner.itemId);
    if (!item) throw new AppError('not_found');
    return item.title;
  }
  const [forum] = await tx
    .select({ title: knowledgeForums.title })
    .from(knowledgeForums)
    .where(and(eq(knowledgeForums.tenantId, ctx.tenant.id), eq(knowledgeForums.id, owner.forumId)))
    .limit(1);
  if (!forum) throw new AppError('not_found');
  return forum.title;
}

/** Remove the blobs of these hashes that no attachment of the tenant refers to any more. */
export async function collectBlobs(ctx: TenantContext, dataDir: string, hashes: string[]): Promise<void> {
  if (!hashes.length) return;
  const used = await withTenant(ctx.db, ctx.tenant.id, (tx) =>
    tx
      .selectDistinct({ sha256: knowledgeAttachments.sha256 })
      .from(knowledgeAttachments)
      .where(and(eq(knowledgeAttachments.tenantId, ctx.tenant.id), inArray(knowledgeAttachments.sha256, hashes))),
  );
  const keep = new Set(used.map((u) => u.sha256));
  for (const h of hashes) if (!keep.has(h)) await removeBlob(dataDir, ctx.tenant.id, h);
}

/**
 * Check, store and index one file: the kind comes from the bytes and must be on the allowlist (415 otherwise);
 * the text of PDF/DOCX/PPTX/XLSX/text files goes into the owner item's search words. The row, the search
 * words and the audit entry are written in one transaction; the bytes are written last inside it, and
 * removed again if the transaction fails, so a refused upload leaves nothing behind.
 */
export async function addAttachment(
  ctx: TenantContext,
  dataDir: string,
  owner: Owner,
  upload: Upload,
  opts: { quiet?: boolean; createdAt?: Date; /** Text already known (the seeder made the file from it): no extraction. */ text?: string } = {},
): Promise<Attachment> {
  const kind = await detectKind(upload.buffer);
  if (!kind) throw new AppError('unsupported_file', { file: 'file_type_not_allowed' });
  const filename = withExtension(upload.filename, kind);
  const hash = sha256(upload.buffer);
  const extracted =
    'forumId' in owner
      ? { status: 'none' as const, text: null, searchText: '' }
      : opts.text !== undefined
        ? { status: 'extracted' as const, text: opts.text, searchText: segmented(opts.text, 60_000) }
        : await extractOffLoop(kind, upload.buffer);
  let created = false;
  try {
    return await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
      const label = await assertOwner(tx, ctx, owner);
      const [row] = await tx
        .insert(knowledgeAttachments)
        .values({
          tenantId: ctx.tenant.id,
          itemId: 'itemId' in owner ? owner.itemId : null,
          forumId: 'forumId' in owner ? owner.forumId : null,
          filename,
          kind,
          mediaType: MEDIA_TYPES[kind],
          sizeBytes: upload.buffer.length,
          sha256: hash,
          caption: upload.caption,
          textContent: extracted.text,
          textStatus: extracted.status,
          searchText: extracted.searchText,
          uploadedByUserId: ctx.actor.role === 'system' ? null : ctx.actor.user.id,
          uploadedByName: ctx.actor.user.name,
          ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
        })
        .returning();
      if ('itemId' in owner) await repo.refreshSearchFiles(tx, ctx.tenant.id, owner.itemId);
      if (!opts.quiet)
        await audit(tx, ctx, {
          entity: 'itemId' in owner ? 'knowledge_attachment' : 'forum_attachment',
          entityId: row.id,
          entityLabel: `${label}: ${filename}`,
          action: 'create',
          after: { ...owner, filename, kind, sizeBytes: row.sizeBytes, sha256: hash, caption: row.caption, textStatus: row.textStatus },
        });
      created = await storeBlob(dataDir, ctx.tenant.id, hash, upload.buffer);
      return presentAttachment(ctx, { ...row, textChars: row.textContent?.length ?? 0 });
    });
  } catch (err) {
    if (created) await collectBlobs(ctx, dataDir, [hash]).catch(() => removeBlob(dataDir, ctx.tenant.id, hash));
    throw err;
  }
}

async function findAttachment(tx: Tx, ctx: TenantContext, owner: Owner, id: string) {
  const ownerCond = 'itemId' in owner ? eq(knowledgeAttachments.itemId, owner.itemId) : eq(knowledgeAttachments.forumId, owner.forumId);
  const [row] = await tx
    .select()
    .from(knowledgeAttachments)
    .where(and(eq(knowledgeAttachments.tenantId, ctx.tenant.id), eq(knowledgeAttachments.id, id), ownerCond))
    .limit(1);
  return row ?? null;
}

/** Send a file to someone who may see its item (or forum). */
export async function sendAttachment(ctx: TenantContext, dataDir: string, owner: Owner, id: string, reply: FastifyReply, download: boolean) {
  const row = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await assertOwner(tx, ctx, owner);
    return findAttachment(tx, ctx, owner, id);
  });
  if (!row) throw new AppError('not_found');
  const file = blobPath(dataDir, ctx.tenant.id, row.sha256);
  if (!fs.existsSync(file)) throw new AppError('not_found');
  const inline = !download && (IMAGE_KINDS.has(row.kind as AttachmentKind) || row.kind === 'pdf' || row.kind === 'text');
  const ascii = row.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return (
    reply
      .header('content-type', row.mediaType)
      .header('content-length', String(row.sizeBytes))
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.filename)}`)
      .header('cache-control', 'private, max-age=3600')
      .header('etag', `"${row.sha256}"`)
      .header('x-content-type-options', 'nosniff')
      // nothing in a served file may run; PDFs keep the browser's viewer (a sandboxed document cannot show it)
      .header(
        'content-security-policy',
        row.kind === 'pdf'
          ? "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
          : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
      )
      .send(fs.createReadStream(file))
  );
}

export async function removeAttachment(ctx: TenantContext, dataDir: string, owner: Owner, id: string): Promise<void> {
  const hash = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const label = await assertOwner(tx, ctx, owner);
    const row = await findAttachment(tx, ctx, owner, id);
    if (!row) throw new AppError('not_found');
    await tx.delete(knowledgeAttachments).where(and(eq(knowledgeAttachments.tenantId, ctx.tenant.id), eq(knowledgeAttachments.id, id)));
    if ('itemId' in owner) await repo.refreshSearchFiles(tx, ctx.tenant.id, owner.itemId);
    await audit(tx, ctx, {
      entity: 'itemId' in owner ? 'knowledge_attachment' : 'forum_attachment',
      entityId: id,
      entityLabel: `${label}: ${row.filename}`,
      action: 'delete',
      before: { ...owner, filename: row.filename, kind: row.kind, sizeBytes: row.sizeBytes, sha256: row.sha256 },
    });
    return row.sha256;
  });
  await collectBlobs(ctx, dataDir, [hash]);
}
