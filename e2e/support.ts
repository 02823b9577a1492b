import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { fiscalYearOf } from '../common/thai/dates';
import { startLocalServer } from '../scripts/local-server';

/** The demo's last fiscal year: the demo is dated relative to today (server/demo/clock.ts). */
export const DEMO_FY = fiscalYearOf(new Date());
/** Years the demo moved from how it was written (2563–2569). */
export const DEMO_SHIFT = DEMO_FY - 2569;
export const ADMIN = { email: 'e2e-admin@example.org', password: 'E2e-Admin-Password-2569' };
export const SCREENSHOTS = path.resolve('test-output/screenshots');
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };

/** The real app (built web + API, demo data) on a random port and an empty data folder. */
export async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  fs.mkdirSync(path.resolve('test-output'), { recursive: true });
  const log = fs.openSync(path.resolve('test-output/e2e-server.log'), 'w');
  try {
    const server = await startLocalServer({ label: 'e2e', admin: ADMIN, stdio: ['ignore', log, log] });
    return { url: server.url, stop: server.stop };
  } catch (err) {
    throw new Error(`${(err as Error).message}; see test-output/e2e-server.log`);
  } finally {
    fs.closeSync(log);
  }
}

export async function launch(viewport: { width: number; height: number }): Promise<BrowserContext> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'phakhi-chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    viewport,
    locale: 'th-TH',
    bypassCSP: true, // lets the test inject axe-core; the app itself runs under its real CSP otherwise
    timezoneId: 'Asia/Bangkok',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Every translation key of the web app (shared and feature files), as i18next would show it when missing. */
const I18N_KEYS: Set<string> = (() => {
  const keys = new Set<string>();
  const walk = (o: unknown, prefix: string) => {
    if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) walk(v, prefix ? `${prefix}.${k}` : k);
    else keys.add(prefix.replace(/_(zero|one|two|few|many|other)$/, ''));
  };
  const files = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.json') ? [path.join(dir, e.name)] : []));
  for (const file of files(path.resolve('web/src')).filter((f) => f.includes(`${path.sep}i18n${path.sep}`)))
    walk(JSON.parse(fs.readFileSync(file, 'utf8')), '');
  return keys;
})();

/**
 * Translation keys shown as text: a string whose feature file did not load with the page (issue 12: feature
 * strings load with their code). Checked at every screenshot.
 */
export async function rawI18nKeys(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => document.body.innerText);
  return [...new Set(text.match(/[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+/g) ?? [])].filter((token) => I18N_KEYS.has(token));
}

export async function screenshot(page: Page, name: string) {
  const raw = await rawI18nKeys(page);
  if (raw.length) throw new Error(`${name}: the page shows translation keys instead of text: ${raw.join(', ')}`);
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Violations with impact serious or critical on the current page. */
export async function seriousA11yViolations(page: Page): Promise<{ id: string; impact: string; help: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected above
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical')
      .map((v: { id: string; impact: string; help: string; nodes: { target: string[] }[] }) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
      }));
  });
}

/** The page has no horizontal scroll (phone layouts). */
export const hasHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

/** Logs in through the API and answers the session cookie (`name=value`). */
export async function apiLogin(serverUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: serverUrl },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}

/** Calls a route of the demo tenant (`/api/v1/t/chomphu…`) as the holder of `cookie`; throws on a non-2xx answer. */
export async function apiCall<T>(serverUrl: string, cookie: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${serverUrl}/api/v1/t/chomphu${path}`, {
    method,
    headers: { cookie, origin: serverUrl, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return (res.status === 204 ? null : await res.json()) as T;
}

/**
 * An account an admin creates must change its password at first login: log in once through the API
 * and set `newPassword`, so that the browser then logs in with it.
 */
export async function changeFirstPassword(serverUrl: string, email: string, password: string, newPassword: string) {
  const cookie = await apiLogin(serverUrl, email, password);
  const changed = await fetch(`${serverUrl}/api/v1/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: serverUrl, cookie },
    body: JSON.stringify({ currentPassword: password, newPassword }),
  });
  if (changed.status !== 204) throw new Error(`password ${email}: ${changed.status} ${await changed.text()}`);
}
