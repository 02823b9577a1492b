import { IMAGE_KINDS } from '../../platform/files/kinds';
import { DOCUMENT_ZIP_LIMITS, readEntries } from '../../platform/zip';
import type { AttachmentKind } from '../../../common/schemas/knowledge';
import { normalizeText } from './thai-text';

/** The text inside PDF, DOCX, PPTX, XLSX and plain-text attachments, for the search index. */

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
