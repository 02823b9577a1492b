import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN, DESKTOP, hasHorizontalScroll, launch, PHONE, screenshot, seriousA11yViolations, startServer } from './support';

/**
 * Notifications in Chromium: the demo gives the platform admin a few (one already read). On a 390 px
 * phone: the bell shows the unread count, opens the list, marks one read and the count drops. On a
 * desktop: opening one marks it read and leads to its page; the page turns e-mail on only with the
 * consent ticked; "mark all read" clears the bell. Screenshots of the bell's list and the page, both sizes.
 */

let server: Awaited<ReturnType<typeof startServer>>;
let desktop: BrowserContext;
let phone: BrowserContext;
beforeAll(async () => {
  server = await startServer();
  [desktop, phone] = await Promise.all([launch(DESKTOP), launch(PHONE)]);
});
afterAll(async () => {
  await desktop?.close();
  await phone?.close();
  await server?.stop();
});

async function logIn(p: Page) {
  await p.goto(`${server.url}/login`);
  await p.getByTestId('login-email').fill(ADMIN.email);
  await p.getByTestId('login-password').fill(ADMIN.password);
  await p.getByTestId('login-submit').click();
  await p.waitForURL(/\/t\/chomphu\/?$/);
  await p.getByTestId('total-networks').waitFor();
}

/** The number on the bell (0 when it shows none). */
async function bellCount(p: Page): Promise<number> {
  const label = (await p.getByTestId('bell').getAttribute('aria-label')) ?? '';
  const m = /(\d+)/.exec(label);
  return m ? Number(m[1]) : 0;
}
async function waitForCount(p: Page, n: number) {
  for (let i = 0; i < 100 && (await bellCount(p)) !== n; i++) await p.waitForTimeout(100);
  expect(await bellCount(p)).toBe(n);
}

/** What the demo gave the platform admin: at least three, the oldest read. */
const mine = (p: Page) => p.evaluate(async () => (await (await fetch('/api/v1/t/chomphu/notifications')).json()) as { total: number; unread: number });

describe('notifications', () => {
  it('on a phone: the bell shows the unread count, opens the list and marks one read', async () => {
    const p = await phone.newPage();
    await logIn(p);
    const start = await mine(p);
    expect(start.total).toBeGreaterThanOrEqual(3);
    expect(start.unread).toBe(start.total - 1);
    await waitForCount(p, start.unread);
    await expect(p.getByTestId('bell-count').innerText()).resolves.toContain(String(start.unread));
    await p.getByTestId('bell').click();
    const rows = p.getByTestId('notification');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(start.total);
    expect(await p.locator('[data-testid="notification"][data-unread="true"]').count()).toBe(start.unread);
    await expect(p.getByRole('dialog').innerText()).resolves.toContain('เชิญประชุม');
    expect(await hasHorizontalScroll(p)).toBe(false);
    // the panel fits the phone's width
    const box = await p.getByRole('dialog').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await screenshot(p, 'notifications-bell-phone');
    await p.getByTestId('notification-mark-read').first().click();
    await waitForCount(p, start.unread - 1);
    expect(await p.locator('[data-testid="notification"][data-unread="true"]').count()).toBe(start.unread - 1);
    await p.getByTestId('bell-view-all').click();
    await p.waitForURL(/\/t\/chomphu\/notifications$/);
    await p.getByTestId('channel-settings').waitFor();
    expect(await hasHorizontalScroll(p)).toBe(false);
    await screenshot(p, 'notifications-page-phone');
    await p.close();
  });

  it('on a desktop: opening one leads to its page, e-mail needs consent, and all can be marked read', async () => {
    const p = await desktop.newPage();
    await logIn(p);
    const start = await mine(p);
    expect(start.unread).toBeGreaterThanOrEqual(1);
    await waitForCount(p, start.unread);
    await p.getByTestId('bell').click();
    await p.getByTestId('notification').first().waitFor();
    await screenshot(p, 'notifications-bell-desktop');
    // opening an unread one (on the phone the newest, the invitation, was marked read) marks it read and shows its page
    const unread = p.locator('[data-testid="notification"][data-unread="true"]').first();
    await unread.getByTestId('notification-open').click();
    await p.waitForURL(/\/t\/chomphu\/(meetings|budget\/ledger)\/[0-9a-f-]+$/);
    await waitForCount(p, start.unread - 1);

    await p.goto(`${server.url}/t/chomphu/notifications`);
    await p.getByTestId('notification-list').waitFor();
    expect(await p.getByTestId('notification').count()).toBe(start.total);
    // e-mail: the switch alone does not save; the consent must be ticked
    await p.getByTestId('email-switch').click({ force: true });
    await expect(p.getByTestId('save-channels').isDisabled()).resolves.toBe(true);
    await p.getByTestId('email-consent').click({ force: true });
    await p.getByTestId('save-channels').click();
    await p.getByText('ให้ความยินยอมเมื่อ').waitFor();
    const prefs = await p.evaluate(async () => (await fetch('/api/v1/t/chomphu/notifications/preferences')).json());
    expect(prefs).toMatchObject({ email: true, emailConsentMethod: 'web_settings_checkbox' });
    expect(await seriousA11yViolations(p)).toEqual([]);
    await screenshot(p, 'notifications-page-desktop');

    await p.getByTestId('page-mark-all-read').click();
    await waitForCount(p, 0);
    // the bell's count and the page's list are two queries: the list may refresh a moment after the bell
    await p.locator('[data-testid="notification"][data-unread="true"]').first().waitFor({ state: 'detached' });
    expect(await p.getByTestId('notification').count()).toBe(start.total);
    await p.close();
  });
});
