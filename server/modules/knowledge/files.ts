import { isUtf8 } from 'node:buffer';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AttachmentKind } from '../../../common/schemas/knowledge';
import { AppError } from '../../platform/errors';
import { assertZipWithinLimits, DOCUMENT_ZIP_LIMITS, listEntries, readEntries, ZipLimitError } from '../../platform/zip';
import { normalizeText } from './thai-text';

/**
 * Attachments: what a file is (from its bytes, never its name), a safe display name, content-addressed
 * storage, and the text inside PDF, DOCX, PPTX, XLSX and plain-text files for the search index.
 */

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
    const types = (await readEntries(buf, (n) => n === '[Content_Types].xml', { ...DOCUMENT_ZIP_LIMITS, maxEntryBytes: 1024 * 1024 })).get('[Content_Types].xml');
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

// ---- storage ----

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

// ---- text extraction ----

export const MAX_TEXT_CHARS = 500_000;
const MAX_PDF_PAGES = 500;
const PDF_TIME_BUDGET_MS = 20_000;

export interface Extracted {
  status: 'extracted' | 'empty' | 'none' | 'failed';
  text: string | null;
}

const decodeXml = (s: string) =>
  s.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const l = e.toLowerCase();
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    if (l === 'amp') return '&';
    if (l === 'quot') return '"';
    if (l === 'apos') return "'";
    const code = l.startsWith('#x') ? parseInt(l.slice(2), 16) : parseInt(l.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });

/** The named parts of an Office file as text, in natural order (slide2 before slide10), within DOCUMENT_ZIP_LIMITS. */
async function zipParts(buf: Buffer, pattern: RegExp): Promise<string[]> {
  const parts = await readEntries(buf, (name) => pattern.test(name), DOCUMENT_ZIP_LIMITS);
  return [...parts.entries()].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([, data]) => data.toString('utf8'));
}

/**
 * The text runs of an Office Open XML part: the content of `textTag` elements, a tab for `<x:tab/>`,
 * a line break for `<x:br/>` and after each `paragraphTag`. Everything else (properties, field codes) is skipped.
 */
export function ooxmlText(xml: string, textTag: string, paragraphTag: string): string {
  const out: string[] = [];
  let inText = false;
  for (const m of xml.matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>|([^<]+)/g)) {
    const [, closing, tag, selfClosing, text] = m;
    if (text !== undefined) {
      if (inText) out.push(decodeXml(text));
      continue;
    }
    if (tag === textTag) inText = !closing && !selfClosing;
    else if (closing && tag === paragraphTag) out.push('\n');
    else if (!closing && /:(tab)$/.test(tag)) out.push('\t');
    else if (!closing && /:(br|cr)$/.test(tag)) out.push('\n');
  }
  return out.join('');
}

async function docxText(buf: Buffer): Promise<string> {
  const parts = await zipParts(buf, /^word\/(document|footnotes|endnotes|header\d*|footer\d*)\.xml$/);
  return parts.map((x) => ooxmlText(x, 'w:t', 'w:p')).join('\n');
}

async function pptxText(buf: Buffer): Promise<string> {
  const parts = await zipParts(buf, /^ppt\/slides\/slide\d+\.xml$/);
  return parts.map((x) => ooxmlText(x, 'a:t', 'a:p')).join('\n');
}

async function xlsxText(buf: Buffer): Promise<string> {
  const parts = await zipParts(buf, /^xl\/sharedStrings\.xml$/);
  return parts.map((x) => ooxmlText(x, 't', 'si')).join('\n');
}

async function pdfText(buf: Buffer): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: new Uint8Array(buf),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const started = Date.now();
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    let chars = 0;
    for (let i = 1; i <= Math.min(doc.numPages, MAX_PDF_PAGES); i++) {
      if (Date.now() - started > PDF_TIME_BUDGET_MS || chars > MAX_TEXT_CHARS) break;
      const page = await doc.getPage(i);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? '\n' : '');
      pages.push(text);
      chars += text.length;
      page.cleanup();
    }
    return pages.join('\n\n');
  } finally {
    await doc.destroy();
  }
}

/** The text of a file for the search index, capped at MAX_TEXT_CHARS. Images have none. Never throws. */
export async function extractText(kind: AttachmentKind, buf: Buffer): Promise<Extracted> {
  if (IMAGE_KINDS.has(kind)) return { status: 'none', text: null };
  try {
    const raw =
      kind === 'pdf'
        ? await pdfText(buf)
        : kind === 'docx'
          ? await docxText(buf)
          : kind === 'pptx'
            ? await pptxText(buf)
            : kind === 'xlsx'
              ? await xlsxText(buf)
              : buf.toString('utf8');
    const text = normalizeText(raw)
      .replace(/[ \t]+/g, ' ')
      .replace(/\n\s*\n\s*\n+/g, '\n\n')
      .trim()
      .slice(0, MAX_TEXT_CHARS);
    return text ? { status: 'extracted', text } : { status: 'empty', text: null };
  } catch {
    return { status: 'failed', text: null };
  }
}
