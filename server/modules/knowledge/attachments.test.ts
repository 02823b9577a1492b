import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { makeDocx, makePdf } from '../../demo/knowledge/documents';
import { ORIGIN, buildTestApp, createUser, login, tenantWithUser, type Client, type TestApp } from '../../test/harness';

let t: TestApp;
let admin: Client;
let base: string;
let outsider: Client; // a member whose partner is in no network
let itemId = '';
let secretId = '';

function upload(api: Client, url: string, content: Buffer | string, filename: string, caption?: string) {
  const form = new FormData();
  if (caption) form.append('caption', caption);
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), filename);
  return t.app.inject({ method: 'POST', url, payload: form as never, headers: { cookie: api.cookie, origin: ORIGIN, host: 'localhost' } });
}

/** Every file under the data folder's store. */
function storedFiles(): string[] {
  const root = path.join(t.config.dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

beforeAll(async () => {
  t = await buildTestApp();
  const a = await tenantWithUser(t, 'admin');
  admin = a.api;
  base = a.base;
  const p = (await admin.post(`${base}/partners`, { kind: 'person', name: 'นายคนนอก', sector: 'civil_society' })).json().id;
  const email = `out-${crypto.randomUUID()}@example.org`;
  const account = await createUser(t, { tenantId: a.tenant.id, role: 'member', email, name: 'คนนอก', partyId: p });
  outsider = await login(t, email, account.password);
  itemId = (await admin.post(`${base}/knowledge`, { title: 'เอกสารประกอบเวที', type: 'manual', body: 'ดูไฟล์แนบ' })).json().id;
  const n = (await admin.post(`${base}/networks`, { name: 'เครือข่ายปิด', pillar: 'people' })).json().id;
  secretId = (await admin.post(`${base}/knowledge`, { title: 'เอกสารภายใน', type: 'manual', visibility: 'network', networkIds: [n] })).json().id;
});
afterAll(() => t.close());

describe('attachments', () => {
  it('stores a PDF and a DOCX by content, extracts their Thai text into the search, and serves them only to readers', async () => {
    const pdf = await makePdf({ title: 'รายงานการประชุม', paragraphs: ['ที่ประชุมตกลงเรื่องการขุดลอกลำเหมืองสาขาก่อนฤดูทำนา และการตั้งกองทุนซ่อมบำรุงฝาย'] });
    const res = await upload(admin, `${base}/knowledge/${itemId}/attachments`, pdf, 'รายงาน การประชุม.pdf', 'ฉบับลงนาม');
    expect(res.statusCode, res.body).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({
      filename: 'รายงาน การประชุม.pdf',
      kind: 'pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      caption: 'ฉบับลงนาม',
      textStatus: 'extracted',
    });
    expect(a.textChars).toBeGreaterThan(40);
    expect(storedFiles().map((f) => path.basename(f))).toEqual([a.sha256]);

    const docx = await makeDocx({ title: 'คู่มือ', paragraphs: ['การฟื้นฟูสมรรถภาพผู้สูงอายุที่บ้านด้วยไม้พลองป้าบุญมี'] });
    expect((await upload(admin, `${base}/knowledge/${itemId}/attachments`, docx, 'manual.docx')).json()).toMatchObject({
      kind: 'docx',
      textStatus: 'extracted',
    });

    for (const [word, file] of [
      ['ขุดลอกลำเหมือง', 'รายงาน การประชุม.pdf'],
      ['ไม้พลอง', 'manual.docx'],
      ['กองทุนซ่อมบำรุงฝาย', 'รายงาน การประชุม.pdf'],
    ]) {
      const hit = (await admin.get(`${base}/knowledge/search?q=${encodeURIComponent(word)}`)).json().items[0];
      expect(hit, word).toMatchObject({ id: itemId, snippetSource: 'attachment', snippetFile: file });
      expect(hit.snippet).toContain(`<mark>${word}</mark>`);
    }

    const file = await admin.get(a.url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('รายงาน การประชุม.pdf')}`);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(file.rawPayload, pdf)).toBe(0);
    expect((await admin.get(`${a.url}?download=1`)).headers['content-disposition']).toMatch(/^attachment;/);
    expect((await outsider.get(a.url)).statusCode).toBe(200); // tenant-wide item

    const detail = (await admin.get(`${base}/knowledge/${itemId}`)).json();
    expect(detail.attachments.map((x: { filename: string }) => x.filename)).toEqual(['รายงาน การประชุม.pdf', 'manual.docx']);
    expect((await admin.get(`${base}/knowledge?pageSize=200`)).json().items.find((i: { id: string }) => i.id === itemId).attachmentCount).toBe(2);

    // a network-only item's file is not served to someone outside the network
    const s = (await upload(admin, `${base}/knowledge/${secretId}/attachments`, 'บันทึกภายใน รหัสลับ', 'note.txt')).json();
    expect(s).toMatchObject({ kind: 'text', mediaType: 'text/plain; charset=utf-8' });
    expect((await outsider.get(s.url)).statusCode).toBe(404);
    expect((await outsider.get(`${base}/knowledge/search?q=${encodeURIComponent('รหัสลับ')}`)).json().total).toBe(0);
    expect((await admin.get(s.url)).body).toBe('บันทึกภายใน รหัสลับ');
    // members cannot upload or remove
    expect((await upload(outsider, `${base}/knowledge/${itemId}/attachments`, 'x', 'x.txt')).statusCode).toBe(403);
    expect((await outsider.delete(a.url)).statusCode).toBe(403);
  });

  it('refuses oversized, disguised and path-traversal uploads with a clear 4xx and stores nothing', async () => {
    const before = storedFiles();
    const count = async () => (await admin.get(`${base}/knowledge/${itemId}`)).json().attachments.length;
    const n = await count();
    const zip = new JSZip();
    zip.file('hello.txt', 'not an office file');
    const plainZip = await zip.generateAsync({ type: 'nodebuffer' });
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 0x41);
    big.write('%PDF-1.7\n');
    const cases: [Buffer | string, string, number, string, string][] = [
      [big, 'big.pdf', 413, 'payload_too_large', 'file_too_large'],
      [
        Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00', 'latin1'), Buffer.alloc(200, 1)]),
        'report.pdf',
        415,
        'unsupported_file',
        'file_type_not_allowed',
      ],
      [Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(200, 0)]), 'photo.jpg', 415, 'unsupported_file', 'file_type_not_allowed'],
      ['<!DOCTYPE html><script>alert(1)</script>', 'notes.txt', 415, 'unsupported_file', 'file_type_not_allowed'],
      ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'logo.png', 415, 'unsupported_file', 'file_type_not_allowed'],
      [plainZip, 'form.docx', 415, 'unsupported_file', 'file_type_not_allowed'],
      ['%PDF-1.4 fine', '../../etc/passwd.pdf', 400, 'validation_failed', 'unsafe_filename'],
      ['%PDF-1.4 fine', '..\\..\\boot.ini.pdf', 400, 'validation_failed', 'unsafe_filename'],
      ['%PDF-1.4 fine', '/etc/cron.d/x.pdf', 400, 'validation_failed', 'unsafe_filename'],
      ['%PDF-1.4 fine', '..', 400, 'validation_failed', 'unsafe_filename'],
      ['', 'empty.txt', 400, 'validation_failed', 'required'],
    ];
    for (const [content, name, status, code, field] of cases) {
      const res = await upload(admin, `${base}/knowledge/${itemId}/attachments`, content, name);
      expect(res.statusCode, name).toBe(status);
      expect(res.json().error.code, name).toBe(code);
      expect(res.json().error.fields.file, name).toBe((await import('../../platform/messages')).t(field, 'th'));
    }
    const en = await upload(admin, `${base}/knowledge/${itemId}/attachments`, Buffer.from('MZ\x90\x00', 'latin1'), 'x.pdf');
    expect(en.statusCode).toBe(415);
    // not multipart at all
    expect((await admin.post(`${base}/knowledge/${itemId}/attachments`, { file: 'x' })).statusCode).toBe(400);
    expect(await count()).toBe(n);
    expect(storedFiles()).toEqual(before);
  });

  it('keeps one copy of identical bytes and removes it with its last attachment', async () => {
    const id = (await admin.post(`${base}/knowledge`, { title: 'ภาพกิจกรรม', type: 'lesson' })).json().id;
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('fake image payload')]);
    const a = (await upload(admin, `${base}/knowledge/${id}/attachments`, png, 'ภาพ')).json();
    const b = (await upload(admin, `${base}/knowledge/${id}/attachments`, png, 'copy.png')).json();
    expect(a).toMatchObject({ filename: 'ภาพ.png', kind: 'png', textStatus: 'none' });
    expect(a.sha256).toBe(b.sha256);
    const blobs = () => storedFiles().filter((f) => path.basename(f) === a.sha256);
    expect(blobs()).toHaveLength(1);
    expect((await admin.delete(a.url)).statusCode).toBe(204);
    expect(blobs()).toHaveLength(1);
    expect((await admin.delete(b.url)).statusCode).toBe(204);
    expect(blobs()).toHaveLength(0);
    expect((await admin.get(b.url)).statusCode).toBe(404);
    const audit = (await admin.get(`${base}/audit?entity=knowledge_attachment`)).json();
    expect(audit.items.filter((x: { action: string }) => x.action === 'delete').length).toBe(2);
  });

  it('deleting an item or a forum removes the files no other attachment uses, and the audit counts them', async () => {
    const id = (await admin.post(`${base}/knowledge`, { title: 'บันทึกที่จะลบ', type: 'lesson' })).json().id;
    const forumId = (await admin.post(`${base}/forums`, { title: 'เวทีที่จะลบ', heldOn: '2024-01-01' })).json().id;
    const shared = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('photo of both')]);
    const own = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('photo of the item only')]);
    const a = (await upload(admin, `${base}/knowledge/${id}/attachments`, shared, 'both.png')).json();
    const b = (await upload(admin, `${base}/knowledge/${id}/attachments`, own, 'own.png')).json();
    expect((await upload(admin, `${base}/forums/${forumId}/attachments`, shared, 'both.png')).statusCode).toBe(201);
    const blobs = (hash: string) => storedFiles().filter((f) => path.basename(f) === hash);

    expect((await admin.delete(`${base}/knowledge/${id}`)).statusCode).toBe(204);
    expect(blobs(b.sha256)).toHaveLength(0);
    expect(blobs(a.sha256)).toHaveLength(1);
    expect((await admin.delete(`${base}/forums/${forumId}`)).statusCode).toBe(204);
    expect(blobs(a.sha256)).toHaveLength(0);

    const deleted = async (entity: string, entityId: string) =>
      (await admin.get(`${base}/audit?entity=${entity}`))
        .json()
        .items.find((x: { action: string; entityId: string }) => x.action === 'delete' && x.entityId === entityId);
    expect((await deleted('knowledge_item', id)).changes.attachments).toEqual({ before: 2, after: null });
    expect((await deleted('knowledge_forum', forumId)).changes.attachments).toEqual({ before: 1, after: null });
  });
});
