import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { buildTestApp, type TestApp } from '../test/harness';
import { precompressFolder } from './precompress';

// The web app's assets go out compressed: brotli or gzip copies made at build time, chosen by Accept-Encoding.
describe('precompressed web assets', () => {
  let t: TestApp;
  let dist: string;
  const script = `console.log(${JSON.stringify('ภาคีเครือข่าย '.repeat(400))});\n`;

  beforeAll(async () => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'phakhi-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>ภาคี</title>');
    fs.writeFileSync(path.join(dist, 'assets/app-abc123.js'), script);
    fs.writeFileSync(path.join(dist, 'assets/tiny.js'), 'x');
    t = await buildTestApp();
  });
  afterAll(async () => {
    await t?.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('writes brotli and gzip copies of compressible files, not of tiny ones', () => {
    const totals = precompressFolder(dist);
    expect(totals.files).toBe(1);
    expect(totals.brotli).toBeLessThan(totals.bytes / 10);
    expect(fs.existsSync(path.join(dist, 'assets/tiny.js.br'))).toBe(false);
  });

  it('serves brotli, then gzip, then the plain file, as the browser accepts', async () => {
    // the static routes are registered when the app starts, after the copies above were written
    const app = await buildApp({ config: { ...t.config, serveWeb: true }, database: t.database, logger: false, webDist: dist });
    try {
      const get = (encoding?: string) => app.inject({ url: '/assets/app-abc123.js', headers: encoding ? { 'accept-encoding': encoding } : {} });
      const br = await get('gzip, deflate, br');
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.headers['cache-control']).toContain('immutable');
      expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(script);
      const gz = await get('gzip');
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(script);
      const plain = await get();
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body).toBe(script);
    } finally {
      await app.close();
    }
  });
});
