import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { DOCUMENT_ZIP_LIMITS, readEntries, ZipLimitError } from '../platform/zip';
import { ORIGIN, buildTestApp, tenantWithUser, type Client, type TestApp } from './harness';
import { documentRepeat, makeDocxZip, makeZip } from './zip-fixtures';

/** Issue 15 (1): zip bombs in DOCX/XLSX/PPTX uploads and in the XLSX import. */
let t: TestApp;
let admin: Client;
let base: string;
let itemId: string;

beforeAll(async () => {
  t = await buildTestApp();
  ({ api: admin, base } = await tenantWithUser(t, 'admin'));
  itemId = (await admin.post(`${base}/knowledge`, { title: 'เอกสารแนบ', type: 'manual', body: 'ดูไฟล์แนบ' })).json().id;
});
afterAll(() => t.close());

function upload(url: string, content: Buffer, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(content)]), filename);
  return t.app.inject({ method: 'POST', url, payload: form as never, headers: { cookie: admin.cookie, origin: ORIGIN, host: 'localhost' } });
}

/** Upload, and measure the time and how much the process grew meanwhile. */
async function measured(url: string, content: Buffer, filename: string) {
  const before = process.memoryUsage();
  const started = performance.now();
  const res = await upload(url, content, filename);
  const after = process.memoryUsage();
  return { res, ms: performance.now() - started, grewMb: (after.rss - before.rss) / 1024 / 1024 };
}

function expectRefusedAsBomb(res: { statusCode: number; json(): { error: { code: string; fields?: Record<string, string> } } }) {
  expect(res.statusCode).toBe(413);
  expect(res.json().error.code).toBe('payload_too_large');
  expect(res.json().error.fields?.file).toMatch(/zip bomb/);
}

describe('zip bombs', () => {
  it('refuses a DOCX whose document.xml inflates to 1 GiB while declaring 2 KB, quickly and without growing', async () => {
    const bomb = makeDocxZip([{ name: 'word/document.xml', repeat: documentRepeat(1024), declaredSize: 2048 }]);
    expect(bomb.length).toBeLessThan(8 * 1024 * 1024);
    const { res, ms, grewMb } = await measured(`${base}/knowledge/${itemId}/attachments`, bomb, 'bomb.docx');
    expectRefusedAsBomb(res);
    expect(res.json().error.fields.file).toContain('ไฟล์นี้เมื่อแตกออกมา');
    expect(ms).toBeLessThan(5000); // generous: it stops after 32 MB
    expect(grewMb).toBeLessThan(200);
    expect((await admin.get(`${base}/knowledge/${itemId}`)).json().attachments).toEqual([]);
  });

  it('refuses a declared size that JSZip reads as negative (≥ 2³¹)', async () => {
    const bomb = makeDocxZip([{ name: 'word/document.xml', repeat: documentRepeat(100), declaredSize: 2 ** 31 + 5 }]);
    expectRefusedAsBomb(await upload(`${base}/knowledge/${itemId}/attachments`, bomb, 'negative.docx'));
  });

  it('refuses an entry under the byte cap whose compression ratio is a bomb’s, and an archive of too many entries', async () => {
    const ratio = makeDocxZip([{ name: 'word/document.xml', repeat: { chunk: Buffer.alloc(64 * 1024, 0x20), times: 64 } }]); // 4 MB of spaces
    expectRefusedAsBomb(await upload(`${base}/knowledge/${itemId}/attachments`, ratio, 'ratio.docx'));
    const many = makeDocxZip(Array.from({ length: DOCUMENT_ZIP_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `word/media/p${i}.xml`, data: 'x' })));
    expectRefusedAsBomb(await upload(`${base}/knowledge/${itemId}/attachments`, many, 'many.docx'));
  });

  it('still takes an honest DOCX and extracts its text', async () => {
    const ok = makeDocxZip([{ name: 'word/document.xml', data: '<w:p><w:r><w:t>ฝายมีชีวิตบ้านหนองบัว</w:t></w:r></w:p>' }]);
    const res = await upload(`${base}/knowledge/${itemId}/attachments`, ok, 'ok.docx');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'docx', textStatus: 'extracted' });
  });

  it('refuses an XLSX import whose sheet is a bomb before exceljs sees it (preview and commit)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('ภาคี').addRow(['ชื่อ']);
    const honest = Buffer.from(await wb.xlsx.writeBuffer());
    // the honest workbook's own entries, plus one sheet that inflates to 1 GiB while declaring 1 KB
    const bomb = makeZip([
      ...[...(await readEntries(honest, () => true, DOCUMENT_ZIP_LIMITS))].map(([name, data]) => ({ name, data })),
      { name: 'xl/worksheets/sheet2.xml', repeat: { chunk: Buffer.alloc(64 * 1024, 0x3c), times: 16 * 1024 }, declaredSize: 1024 },
    ]);
    for (const url of [`${base}/partners/import/preview`, `${base}/partners/import`]) {
      const { res, ms, grewMb } = await measured(url, bomb, 'partners.xlsx');
      expectRefusedAsBomb(res);
      expect(ms).toBeLessThan(5000);
      expect(grewMb).toBeLessThan(200);
    }
    expect((await admin.get(`${base}/partners`)).json().total).toBe(0);
  });

  it('measures inflated bytes, not declared ones, in the reader itself', async () => {
    const zip = makeZip([{ name: 'a.xml', repeat: { chunk: 'abc'.repeat(1000), times: 20_000 }, declaredSize: 10 }]);
    await expect(readEntries(zip, () => true, DOCUMENT_ZIP_LIMITS)).rejects.toBeInstanceOf(ZipLimitError);
    const small = makeZip([{ name: 'a.xml', data: 'สวัสดี', declaredSize: 1 }]);
    expect((await readEntries(small, () => true, DOCUMENT_ZIP_LIMITS)).get('a.xml')!.toString()).toBe('สวัสดี');
  });
});
