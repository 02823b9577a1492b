import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';
import { isoTime } from '../sql';

/**
 * Content-addressed storage of uploaded files: `<root>/files/sha256/<tenant>/<xx>/<sha256>`. Each module
 * that keeps files passes its own root, so one module's clean-up can never remove another's bytes.
 */

export const sha256 = (buf: Buffer) => crypto.createHash('sha256').update(buf).digest('hex');

/** `<dataDir>/files/sha256/<tenant id>/<first two hex digits>/<sha256>`. Both parts are checked, so no input reaches the path. */
export function blobPath(dataDir: string, tenantId: string, hash: string): string {
  if (!/^[0-9a-f]{64}$/.test(hash) || !/^[0-9a-f-]{36}$/.test(tenantId)) throw new Error('bad blob address');
  return path.join(dataDir, 'files', 'sha256', tenantId, hash.slice(0, 2), hash);
}

/** Write the bytes under their hash unless they are there already. Returns whether this call created the file. */
export async function storeBlob(dataDir: string, tenantId: string, hash: string, buf: Buffer): Promise<boolean> {
  const target = blobPath(dataDir, tenantId, hash);
  if (fs.existsSync(target)) return false;
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  await fs.promises.writeFile(tmp, buf, { mode: 0o640 });
  await fs.promises.rename(tmp, target);
  return true;
}

export async function removeBlob(dataDir: string, tenantId: string, hash: string): Promise<void> {
  await fs.promises.rm(blobPath(dataDir, tenantId, hash), { force: true });
}

/** What a download needs to know about a stored file. */
export interface StoredFile {
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  kind: string;
}

/**
 * What every list of stored files (knowledge attachments, ledger receipts, evidence files) shows of one; its kind,
 * uploader and address are its owner's to add.
 */
export const storedFileFacts = (f: Omit<StoredFile, 'kind'> & { id: string; createdAt: Date | string }) => ({
  id: f.id,
  filename: f.filename,
  mediaType: f.mediaType,
  sizeBytes: f.sizeBytes,
  sha256: f.sha256,
  createdAt: isoTime(f.createdAt),
});

/**
 * Send stored bytes to someone allowed to read them, under their safe file name. Nothing in a served file
 * may run: every file is sandboxed except PDFs, which keep the browser's viewer (a sandboxed document cannot show it).
 */
export function sendStoredFile(reply: FastifyReply, file: string, f: StoredFile, { inline }: { inline: boolean }) {
  const ascii = f.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return reply
    .header('content-type', f.mediaType)
    .header('content-length', String(f.sizeBytes))
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
    .header('cache-control', 'private, max-age=3600')
    .header('etag', `"${f.sha256}"`)
    .header('x-content-type-options', 'nosniff')
    .header(
      'content-security-policy',
      f.kind === 'pdf'
        ? "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
        : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
    )
    .send(fs.createReadStream(file));
}
