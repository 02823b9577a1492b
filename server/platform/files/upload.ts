import type { FastifyRequest } from 'fastify';
import { ATTACHMENT_MAX_BYTES, type AttachmentKind } from '../../../common/schemas/knowledge';
import { AppError } from '../errors';
import { sha256, type StoredFile } from './blobs';
import { detectKind, MEDIA_TYPES, safeFilename, UnsafeFilenameError, withExtension } from './kinds';

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

/**
 * An upload checked against the kinds a store takes: its kind judged from the bytes (415 with `refusal` on the
 * file field otherwise, so a text file named .jpg is refused), and the columns a stored file's row carries —
 * the name with the extension of that kind, the media type, the size and the SHA-256 it is stored under.
 */
export async function checkedUpload(upload: Upload, allowed: ReadonlySet<string>, refusal: string): Promise<StoredFile & { kind: AttachmentKind }> {
  const kind = await detectKind(upload.buffer);
  if (!kind || !allowed.has(kind)) throw new AppError('unsupported_file', { file: refusal });
  return { filename: withExtension(upload.filename, kind), kind, mediaType: MEDIA_TYPES[kind], sizeBytes: upload.buffer.length, sha256: sha256(upload.buffer) };
}
