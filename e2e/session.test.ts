import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN, DESKTOP, launch, startServer } from './support';

// Logging out, a session that ends on the server, and a deep link opened while logged out all lead to the
// login page, and the tab keeps responding (these used to loop React renders until Chromium killed the tab).

let server: Awaited<ReturnType<typeof startServer>>;
let ctx: BrowserContext;
beforeAll(async () => {
  server = await startServer();
  ctx = await launch(DESKTOP);
});
afterAll(async () => {
  await ctx?.close();
  await server?.stop();
});

/** The page answers a script within a few seconds (a render loop starves it). */
async function responsive(page: Page): Promise<boolean> {
  const answer = page.evaluate(() => document.title.length >= 0);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5_000));
  return Promise.race([answer, timeout]);
}

async function logIn(page: Page) {
  await page.getByTestId('login-email').fill(ADMIN.email);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
}

describe('session ends', () => {
  beforeEach(() => ctx.clearCookies());

  it('a deep link opened while logged out goes to the login page and back to the link after login', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/t/chomphu/networks`);
    await page.waitForURL(/\/login\?/);
    expect(await responsive(page)).toBe(true);
    const url = new URL(page.url());
    expect(url.searchParams.get('tenant')).toBe('chomphu');
    expect(url.searchParams.get('next')).toBe('/t/chomphu/networks');
    await logIn(page);
    await page.waitForURL(/\/t\/chomphu\/networks$/);
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.close();
  });

  it('logging out lands on the login page and the tab stays responsive', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/login`);
    await logIn(page);
    await page.waitForURL(/\/t\/chomphu\/?$/);
    await page.getByTestId('total-networks').waitFor();
    await page.getByTestId('user-menu').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    expect(await responsive(page)).toBe(true);
    await page.getByTestId('login-form').waitFor();
    expect((await ctx.cookies()).some((c) => c.name === 'phakhi_session')).toBe(false);
    await page.close();
  });

  it('a session that ended on the server sends the next request to the login page', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/login`);
    await logIn(page);
    await page.waitForURL(/\/t\/chomphu\/?$/);
    await page.getByTestId('total-networks').waitFor();
    // the session ends behind the page's back (expired, revoked, or logged out in another tab)
    await page.request.post(`${server.url}/api/v1/auth/logout`, { headers: { origin: server.url } });
    await page.getByRole('link', { name: 'ภาคี', exact: true }).first().click();
    await page.waitForURL(/\/login\?/);
    expect(await responsive(page)).toBe(true);
    expect(new URL(page.url()).searchParams.get('next')).toBe('/t/chomphu/partners');
    await page.getByTestId('login-form').waitFor();
    await page.close();
  });
});
