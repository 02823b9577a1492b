import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import type { AttachmentKind } from '../../../common/schemas/knowledge';
import { AppError } from '../errors';
import { assertZipWithinLimits, DOCUMENT_ZIP_LIMITS, listEntries, readEntries, ZipLimitError } from '../zip';

/** What an uploaded file is (from its bytes, never its name) and a safe name to show and send it under. */

export const MEDIA_TYPES: Record<AttachmentKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  text: 'text/plain; charset=utf-8',
};
export const IMAGE_KINDS: ReadonlySet<AttachmentKind> = new Set(['png', 'jpeg', 'webp']);

/** The main part's content type in [Content_Types].xml for each Office Open XML format. */
const OOXML_MAIN: [AttachmentKind, string][] = [
  ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'],
  ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml'],
  ['pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml'],
];

const startsWith = (buf: Buffer, bytes: number[], at = 0) => buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);

/** Valid UTF-8 text without NUL or other binary control characters (tab, CR, LF and form feed are fine). */
function isPlainText(buf: Buffer): boolean {
  if (buf.length === 0 || !isUtf8(buf)) return false;
  const text = buf.toString('utf8');
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(text);
}

/**
 * The Office format of a zip, or null. The whole archive is first inflated once, measuring only, within
 * DOCUMENT_ZIP_LIMITS: a zip bomb is refused here (413) whatever later reads it (text extraction, a person's
 * Office program), and everything after may read its parts knowing their real size.
 */
async function ooxmlKind(buf: Buffer): Promise<AttachmentKind | null> {
  let xml: string;
  try {
    await assertZipWithinLimits(buf, DOCUMENT_ZIP_LIMITS);
    if (listEntries(buf, DOCUMENT_ZIP_LIMITS).some((e) => /vbaProject\.bin$/i.test(e.name))) return null; // no macros
    const types = (await readEntries(buf, (n) => n === '[Content_Types].xml', { ...DOCUMENT_ZIP_LIMITS, maxEntryBytes: 1024 * 1024 })).get(
      '[Content_Types].xml',
    );
    if (!types) return null;
    xml = types.toString('utf8');
  } catch (err) {
    if (err instanceof ZipLimitError && err.isBomb) throw new AppError('payload_too_large', { file: 'archive_too_large' });
    return null;
  }
  if (/vnd\.ms-[\w.-]*macroEnabled/i.test(xml)) return null; // no macros
  for (const [kind, contentType] of OOXML_MAIN) if (xml.includes(`ContentType="${contentType}"`)) return kind;
  return null;
}

/** What the bytes are, if they are one of the allowed kinds; null otherwise (executables, HTML, SVG, unknown zips…). */
export async function detectKind(buf: Buffer): Promise<AttachmentKind | null> {
  if (startsWith(buf, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(buf, [0x52, 0x49, 0x46, 0x46]) && startsWith(buf, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp'; // RIFF....WEBP
  if (startsWith(buf, [0x50, 0x4b, 0x03, 0x04])) return ooxmlKind(buf);
  // Text last: it must not look like markup a browser would run, even though it is served as text/plain.
  if (isPlainText(buf)) {
    const head = buf.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
    if (head.startsWith('<!doctype') || head.startsWith('<html') || head.startsWith('<svg') || head.startsWith('<?xml') || head.startsWith('<script'))
      return null;
    return 'text';
  }
  return null;
}

// ---- file names ----

export class UnsafeFilenameError extends Error {}

/**
 * A display name for an uploaded file. Names that try to leave the folder (path separators, "..",
 * NUL or other control characters, C0 and C1) are refused; invisible direction and format characters
 * (U+202A–U+202E, U+2066–U+2069, LRM/RLM/ALM, zero-width ones) are removed, since "รายงาน\u202Efdp.exe"
 * shows as "รายงานexe.pdf"; the name is normalised (NFC), characters that some systems forbid are replaced
 * with "_", and it is shortened to 200 characters keeping the extension.
 */
export function safeFilename(raw: string | undefined): string {
  const name = (raw ?? '')
    .normalize('NFC')
    .replace(/[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u061C\u2060\uFEFF]/g, '')
    .trim();
  if (!name) return 'file';
  // eslint-disable-next-line no-control-regex
  if (/[/\\\u0000-\u001F\u007F-\u009F]/.test(name) || name === '.' || name === '..' || name.startsWith('..') || /%2f|%5c|%00/i.test(name))
    throw new UnsafeFilenameError(name);
  let clean = name
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^\.+/, '');
  if (!clean) clean = 'file';
  if (clean.length > 200) {
    const ext = path.extname(clean).slice(0, 20);
    clean = clean.slice(0, 200 - ext.length) + ext;
  }
  return clean;
}

/** The name's extension made to agree with the detected kind ("รายงาน.PDF" stays; "photo" gets ".jpg"). */
export function withExtension(filename: string, kind: AttachmentKind): string {
  const wanted: Record<AttachmentKind, string[]> = {
    pdf: ['.pdf'],
    png: ['.png'],
    jpeg: ['.jpg', '.jpeg'],
    webp: ['.webp'],
    docx: ['.docx'],
    xlsx: ['.xlsx'],
    pptx: ['.pptx'],
    text: ['.txt', '.md', '.csv'],
  };
  const ext = path.extname(filename).toLowerCase();
  return wanted[kind].includes(ext) ? filename : `${filename}${wanted[kind][0]}`;
}
