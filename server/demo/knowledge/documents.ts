import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import type { PDFFont } from 'pdf-lib';

/**
 * Real documents made in code for the demo and the tests: a PDF with Thai text (Sarabun, SIL OFL, embedded
 * as subsets: the Thai and the Latin halves of the font are separate files, so each run of text is drawn
 * with the half that has its letters) and a minimal DOCX (WordprocessingML in a zip).
 */

const FONT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fonts');
let fonts: { thai: Buffer; latin: Buffer } | null = null;
const fontFiles = () =>
  (fonts ??= {
    thai: fs.readFileSync(path.join(FONT_DIR, 'sarabun-thai-400-normal.woff')),
    latin: fs.readFileSync(path.join(FONT_DIR, 'sarabun-latin-400-normal.woff')),
  });

const isThai = (ch: string) => ch >= '\u0E00' && ch <= '\u0E7F';
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/** Runs of Thai and non-Thai characters. */
function runs(text: string): { thai: boolean; text: string }[] {
  const out: { thai: boolean; text: string }[] = [];
  for (const ch of text) {
    const thai = isThai(ch);
    const last = out[out.length - 1];
    if (last && last.thai === thai) last.text += ch;
    else out.push({ thai, text: ch });
  }
  return out;
}

export interface PdfOptions {
  title: string;
  /** Each paragraph is wrapped to the page width, at word boundaries (Thai words from the segmenter). */
  paragraphs: string[];
  author?: string;
  created?: Date;
}

export async function makePdf({ title, paragraphs, author, created }: PdfOptions): Promise<Buffer> {
  // loaded on first use (start-up time, issue 12)
  const [{ PDFDocument, rgb }, { default: fontkit }] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const files = fontFiles();
  const thai = await doc.embedFont(files.thai, { subset: true });
  const latin = await doc.embedFont(files.latin, { subset: true });
  const width = (text: string, size: number) => runs(text).reduce((w, r) => w + (r.thai ? thai : latin).widthOfTextAtSize(r.text, size), 0);
  const draw = (page: ReturnType<typeof doc.addPage>, text: string, x: number, y: number, size: number) => {
    for (const r of runs(text)) {
      const font: PDFFont = r.thai ? thai : latin;
      page.drawText(r.text, { x, y, size, font, color: rgb(0.1, 0.1, 0.1) });
      x += font.widthOfTextAtSize(r.text, size);
    }
  };
  const [W, H, M] = [595.28, 841.89, 56];
  let page = doc.addPage([W, H]);
  let y = H - M;
  const line = (text: string, size: number, gap: number) => {
    if (y - size < M) {
      page = doc.addPage([W, H]);
      y = H - M;
    }
    draw(page, text, M, y - size, size);
    y -= size + gap;
  };
  const wrap = (text: string, size: number): string[] => {
    const lines: string[] = [];
    let cur = '';
    for (const { segment } of segmenter.segment(text)) {
      if (cur && width(cur + segment, size) > W - 2 * M) {
        lines.push(cur.trimEnd());
        cur = segment.trimStart();
      } else cur += segment;
    }
    if (cur.trim()) lines.push(cur.trimEnd());
    return lines;
  };
  for (const l of wrap(title, 18)) line(l, 18, 6);
  y -= 8;
  for (const p of paragraphs) {
    for (const l of wrap(p, 13)) line(l, 13, 5);
    y -= 6;
  }
  doc.setTitle(title);
  doc.setAuthor(author ?? 'Phakhi demo');
  doc.setProducer('Phakhi');
  doc.setCreator('Phakhi');
  const when = created ?? new Date('2025-01-01T00:00:00Z');
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

const xmlEscape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export async function makeDocx({ title, paragraphs }: { title: string; paragraphs: string[] }): Promise<Buffer> {
  const zip = new JSZip();
  const fixed = new Date('2025-01-01T00:00:00Z');
  const add = (name: string, content: string) => zip.file(name, content, { date: fixed });
  add(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  add(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  const run = (text: string, bold = false) =>
    `<w:r><w:rPr><w:rFonts w:ascii="TH Sarabun New" w:hAnsi="TH Sarabun New" w:cs="TH Sarabun New"/>${bold ? '<w:b/><w:bCs/>' : ''}<w:sz w:val="${bold ? 36 : 32}"/><w:szCs w:val="${bold ? 36 : 32}"/></w:rPr><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r>`;
  const body = [`<w:p>${run(title, true)}</w:p>`, ...paragraphs.map((p) => `<w:p>${run(p)}</w:p>`)].join('');
  add(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
