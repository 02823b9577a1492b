import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './harness';
import { PRERENDER_SCRIPT, PRERENDER_SCRIPT_HASH, webPages } from '../platform/web-pages';

// The pages drawn at build time (scripts/prerender.ts) and the one the server picks for an address.
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'phakhi-web-pages-'));
fs.mkdirSync(path.join(dist, 'pages'));
fs.writeFileSync(path.join(dist, 'index.html'), 'index');
fs.writeFileSync(path.join(dist, 'pages/login.html'), 'login');
fs.writeFileSync(path.join(dist, 'pages/dashboard.html'), 'dashboard <link rel="preload" href="/api/v1/t/{{tenant}}/dashboard">');
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  fs.rmSync(dist, { recursive: true, force: true });
  await t.close();
});

describe('web pages', () => {
  const page = webPages(dist);

  it('answers a pre-rendered route with its page and fills in the tenant of the address', () => {
    expect(page('/login')).toBe('login');
    expect(page('/login?tenant=chomphu&next=/t/chomphu/networks')).toBe('login');
    expect(page('/t/chomphu')).toBe('dashboard <link rel="preload" href="/api/v1/t/chomphu/dashboard">');
    expect(page('/t/chomphu/')).toContain('/api/v1/t/chomphu/dashboard');
  });

  it('answers every other address, and a route whose page was not built, with index.html', () => {
    expect(page('/t/chomphu/networks')).toBe('index');
    expect(page('/p/chomphu/budget')).toBe('index'); // not in this build
    expect(page('/t/Bad%22Slug')).toBe('index'); // never copied into the page
    expect(page('/')).toBe('index');
  });

  it('the CSP allows the inline language check and app loader by its hash, and no other inline script', async () => {
    const csp = String((await t.app.inject({ method: 'GET', url: '/api/health' })).headers['content-security-policy']);
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
    const hash = crypto.createHash('sha256').update(PRERENDER_SCRIPT).digest('base64');
    expect(PRERENDER_SCRIPT_HASH).toBe(`'sha256-${hash}'`);
    expect(scriptSrc.trim()).toBe(`script-src 'self' ${PRERENDER_SCRIPT_HASH}`);
  });
});
