import JSZip from 'jszip';
import { thaiPdf } from '../../platform/thai-pdf';

/**
 * Real documents made in code for the demo and the tests: a PDF with Thai text (platform/thai-pdf.ts) and a
 * minimal DOCX (WordprocessingML in a zip).
 */

export interface PdfOptions {
  title: string;
  /** Each paragraph is wrapped to the page width, at word boundaries (Thai words from the segmenter). */
  paragraphs: string[];
  author?: string;
  created?: Date;
}

export async function makePdf({ title, paragraphs, author, created }: PdfOptions): Promise<Buffer> {
  const { doc, rgb, draw, wrap: wrapTo } = await thaiPdf();
  const [W, H, M] = [595.28, 841.89, 56];
  let page = doc.addPage([W, H]);
  let y = H - M;
  const line = (text: string, size: number, gap: number) => {
    if (y - size < M) {
      page = doc.addPage([W, H]);
      y = H - M;
    }
    draw(page, text, M, y - size, size, rgb(0.1, 0.1, 0.1));
    y -= size + gap;
  };
  const wrap = (text: string, size: number) => wrapTo(text, size, W - 2 * M);
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
