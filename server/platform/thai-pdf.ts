import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PDFFont, PDFPage, RGB } from 'pdf-lib';

/**
 * PDFs with Thai text, as the committee minutes and the demo's documents make them: pdf-lib with Sarabun (SIL OFL,
 * vendored with the demo), whose Thai and Latin halves are separate files embedded as subsets, so each run of text
 * is measured and drawn with the half that has its letters; lines wrap at word boundaries (Thai words from
 * Intl.Segmenter).
 */
const FONT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '../demo/knowledge/fonts');
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

/** A new document with both halves of the font embedded, and the measure, draw and wrap that use them. */
export async function thaiPdf() {
  // loaded on first use (start-up time, issue 12)
  const [{ PDFDocument, rgb }, { default: fontkit }] = await Promise.all([import('pdf-lib'), import('@pdf-lib/fontkit')]);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const files = fontFiles();
  const thai = await doc.embedFont(files.thai, { subset: true });
  const latin = await doc.embedFont(files.latin, { subset: true });
  const width = (text: string, size: number) => runs(text).reduce((w, r) => w + (r.thai ? thai : latin).widthOfTextAtSize(r.text, size), 0);
  /** Draw one line with its baseline at (x, y). */
  const draw = (page: PDFPage, text: string, x: number, y: number, size: number, color: RGB) => {
    for (const r of runs(text)) {
      const font: PDFFont = r.thai ? thai : latin;
      page.drawText(r.text, { x, y, size, font, color });
      x += font.widthOfTextAtSize(r.text, size);
    }
  };
  /** The lines of `text` at most `max` wide (none for blank text). */
  const wrap = (text: string, size: number, max: number): string[] => {
    const lines: string[] = [];
    let cur = '';
    for (const { segment } of segmenter.segment(text)) {
      if (cur && width(cur + segment, size) > max) {
        lines.push(cur.trimEnd());
        cur = segment.trimStart();
      } else cur += segment;
    }
    if (cur.trim()) lines.push(cur.trimEnd());
    return lines;
  };
  return { doc, rgb, width, draw, wrap };
}
