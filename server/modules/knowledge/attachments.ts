import fs from 'node:fs';
import type { FastifyReply } from 'fastify';
import { type Attachment, type AttachmentKind } from '../../../common/schemas/knowledge';
import { audit } from '../../platform/audit';
import { type TenantContext, actorUserId } from '../../platform/context';
import { withTenant, type Tx } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { blobPath, removeBlob, sendStoredFile, sha256, storedFileFacts, storeBlob } from '../../platform/files/blobs';
import type { Upload } from '../../platform/files/upload';
import { detectKind, IMAGE_KINDS, MEDIA_TYPES, withExtension } from '../../platform/files/kinds';
import * as files from './attachments.repository';
import * as repo from './knowledge.repository';
import { extractOffLoop } from './text-work';
import { segmented } from './thai-text';

export type Owner = files.Owner;

export function presentAttachment(ctx: TenantContext, f: repo.AttachmentListRow): Attachment {
  const base = `/api/v1/t/${ctx.tenant.slug}`;
  return {
    ...storedFileFacts(f),
    kind: f.kind as AttachmentKind,
    caption: f.caption,
    textStatus: f.textStatus as Attachment['textStatus'],
    textChars: f.textChars,
    uploadedBy: f.uploadedByName,
    url: f.itemId ? `${base}/knowledge/${f.itemId}/attachments/${f.id}` : `${base}/forums/${f.forumId}/attachments/${f.id}`,
  };
}

async function assertOwner(tx: Tx, ctx: TenantContext, owner: Owner): Promise<string> {
  if ('itemId' in owner) {
    const item = await repo.getItem(tx, ctx, owner.itemId);
    if (!item) throw new AppError('not_found');
    return item.title;
  }
  const title = await files.forumTitle(tx, ctx.tenant.id, owner.forumId);
  if (title === null) throw new AppError('not_found');
  return title;
}

/** Remove the blobs of these hashes that no attachment of the tenant refers to any more. */
export async function collectBlobs(ctx: TenantContext, dataDir: string, hashes: string[]): Promise<void> {
  if (!hashes.length) return;
  const keep = await withTenant(ctx.db, ctx.tenant.id, (tx) => files.hashesInUse(tx, ctx.tenant.id, hashes));
  for (const h of hashes) if (!keep.has(h)) await removeBlob(dataDir, ctx.tenant.id, h);
}

/**
 * Delete an item or a forum with its attachments (their rows go with it, ON DELETE CASCADE). `remove` deletes and
 * audits the owner inside the transaction, told how many files go with it; after the commit, the blobs no other
 * attachment of the tenant refers to are removed.
 */
export async function deleteWithAttachments(
  ctx: TenantContext,
  dataDir: string,
  owner: Owner,
  remove: (tx: Tx, attachments: number) => Promise<void>,
): Promise<void> {
  const hashes = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const owned = await files.ownerFileHashes(tx, ctx.tenant.id, owner);
    await remove(tx, owned.length);
    return owned;
  });
  await collectBlobs(ctx, dataDir, [...new Set(hashes)]);
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
      const row = await files.insertAttachment(tx, {
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
        uploadedByUserId: actorUserId(ctx),
        uploadedByName: ctx.actor.user.name,
        ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
      });
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

/** Send a file to someone who may see its item (or forum). */
export async function sendAttachment(ctx: TenantContext, dataDir: string, owner: Owner, id: string, reply: FastifyReply, download: boolean) {
  const row = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    await assertOwner(tx, ctx, owner);
    return files.findAttachment(tx, ctx.tenant.id, owner, id);
  });
  if (!row) throw new AppError('not_found');
  const file = blobPath(dataDir, ctx.tenant.id, row.sha256);
  if (!fs.existsSync(file)) throw new AppError('not_found');
  return sendStoredFile(reply, file, row, { inline: !download && (IMAGE_KINDS.has(row.kind as AttachmentKind) || row.kind === 'pdf' || row.kind === 'text') });
}

export async function removeAttachment(ctx: TenantContext, dataDir: string, owner: Owner, id: string): Promise<void> {
  const hash = await withTenant(ctx.db, ctx.tenant.id, async (tx) => {
    const label = await assertOwner(tx, ctx, owner);
    const row = await files.findAttachment(tx, ctx.tenant.id, owner, id);
    if (!row) throw new AppError('not_found');
    await files.deleteAttachment(tx, ctx.tenant.id, id);
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
