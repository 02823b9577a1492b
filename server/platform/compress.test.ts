import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, buildTestApp, tenantWithUser, type Client, type TestApp } from '../test/harness';
import { COMPRESS_FROM_BYTES, pickEncoding } from './compress';

/** Issue 12 (6): JSON answers go out compressed; compressed request bodies are refused before they are read. */
let t: TestApp;
let admin: Client;
let base: string;

beforeAll(async () => {
  t = await buildTestApp();
  ({ api: admin, base } = await tenantWithUser(t, 'admin'));
  // enough partners for a list answer well over the threshold
  for (let i = 1; i <= 12; i++) {
    const res = await admin.post(`${base}/partners`, { kind: 'person', name: `นางสาวบัวตอง ใจดี ${i}`, sector: 'civil_society' });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => t.close());

describe('compressed answers', () => {
  it('sends a JSON answer over the threshold as brotli, or gzip, as accepted, with Vary: Accept-Encoding', async () => {
    const plain = await admin.get(`${base}/partners?pageSize=50`);
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_FROM_BYTES);
    expect(plain.json().items).toHaveLength(12);

    const br = await admin.get(`${base}/partners?pageSize=50`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/^application\/json/);
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(JSON.parse(zlib.brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());

    const gz = await admin.get(`${base}/partners?pageSize=50`, { 'accept-encoding': 'br;q=0, gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(zlib.gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it('leaves small answers and HEAD alone', async () => {
    const health = await t.app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(health.statusCode).toBe(200);
    expect(health.rawPayload.length).toBeLessThan(COMPRESS_FROM_BYTES);
    expect(health.headers['content-encoding']).toBeUndefined();
    const head = await t.app.inject({ method: 'HEAD', url: `${base}/partners?pageSize=50`, headers: { cookie: admin.cookie, 'accept-encoding': 'br' } });
    expect(head.headers['content-encoding']).toBeUndefined();
  });

  it('reads Accept-Encoding with its weights', () => {
    expect(pickEncoding(undefined)).toBeNull();
    expect(pickEncoding('identity')).toBeNull();
    expect(pickEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(pickEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('*;q=0, gzip')).toBe('gzip');
    expect(pickEncoding('deflate')).toBeNull();
  });
});

describe('compressed request bodies', () => {
  // 64 MiB of JSON-looking text; it compresses to ~64 KB of gzip and ~50 bytes of brotli
  const inflated = Buffer.alloc(64 * 1024 * 1024, ' ');
  inflated.write('{"email":"a@example.org","password":"', 0);
  const bombs = { gzip: zlib.gzipSync(inflated, { level: 9 }), br: zlib.brotliCompressSync(inflated) };

  it.each(['gzip', 'br'] as const)('refuses a %s bomb with 415 before reading it, quickly and without growing', async (coding) => {
    const bomb = bombs[coding];
    expect(bomb.length).toBeLessThan(128 * 1024);
    const before = process.memoryUsage().rss;
    const started = performance.now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: bomb,
      headers: { 'content-type': 'application/json', 'content-encoding': coding, origin: ORIGIN, host: 'localhost', 'accept-language': 'en' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: 'unsupported_file', fields: { _body: expect.stringMatching(/Compressed request bodies/) } });
    expect(performance.now() - started).toBeLessThan(2000);
    expect((process.memoryUsage().rss - before) / 1024 / 1024).toBeLessThan(32); // 64 MiB inflated would show
  });

  it('refuses a compressed upload too, in Thai by default', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bombs.gzip)]), 'notes.txt');
    const item = await admin.post(`${base}/knowledge`, { title: 'บันทึกการประชุม', type: 'manual', body: 'ดูไฟล์แนบ' });
    const res = await t.app.inject({
      method: 'POST',
      url: `${base}/knowledge/${item.json().id}/attachments`,
      payload: form as never,
      headers: { cookie: admin.cookie, origin: ORIGIN, host: 'localhost', 'content-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.fields._body).toContain('บีบอัด');
    expect((await admin.get(`${base}/knowledge/${item.json().id}`)).json().attachments).toEqual([]);
  });

  it('still takes an ordinary body, and one marked identity', async () => {
    const res = await admin.post(`${base}/partners`, { kind: 'person', name: 'นายสมชาย รักถิ่น', sector: 'civil_society' }, { 'content-encoding': 'identity' });
    expect(res.statusCode, res.body).toBe(201);
  });
});
