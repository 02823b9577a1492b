import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN, DESKTOP, launch, screenshot, seriousA11yViolations, startServer } from './support';

/**
 * Local development plans in Chromium on the demo data: the list with the integration board, a local plan's page,
 * moving a proposed project into an edition, and the ผ.02 download.
 */

let server: Awaited<ReturnType<typeof startServer>>;
let ctx: BrowserContext;
let page: Page;
beforeAll(async () => {
  server = await startServer();
  ctx = await launch(DESKTOP);
  page = await ctx.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(ADMIN.email);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/t\/chomphu\/?$/);
});
afterAll(async () => {
  await ctx?.close();
  await server?.stop();
});

describe('local development plans', () => {
  it('shows the plans and the board, integrates a proposed project into an edition, and downloads ผ.02', async () => {
    await page.goto(`${server.url}/t/chomphu/local-plans`);
    const list = page.getByTestId('local-plans-list');
    await list.getByText('เทศบาลตำบลท่ากว้าง').first().waitFor();
    // the joint plan the demo integrated, as the board's select names it
    const label = await page.evaluate(async () => {
      const plans = (await (await fetch('/api/v1/t/chomphu/local-plans')).json()) as { id: string }[];
      const own = (await (await fetch(`/api/v1/t/chomphu/local-plans/${plans[0].id}`)).json()) as {
        projects: { jointPlan: { name: string; fiscalYear: number } }[];
      };
      return `${own.projects[0].jointPlan.name} (${own.projects[0].jointPlan.fiscalYear})`;
    });
    await page.getByTestId('board-plan').click();
    await page.getByRole('option', { name: label, exact: true }).click();
    const board = page.getByTestId('integration-board');
    await board.getByText('บรรจุในแผนแล้ว').first().waitFor();
    expect(await board.getByText('บรรจุในแผนแล้ว').count()).toBe(2); // the weir, carried by both
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'local-plans-board');

    await list.getByRole('link').first().click();
    const projects = page.getByTestId('local-plan-projects');
    await projects.waitFor();
    const proposed = projects.getByRole('row').filter({ hasText: 'เสนอ' }).first();
    const name = (await proposed.getByRole('cell').first().textContent())!;
    await proposed.getByRole('button', { name: /เลื่อนเป็น: บรรจุในแผนแล้ว/ }).click();
    await projects.getByRole('row').filter({ hasText: name }).getByText('เพิ่มเติม ครั้งที่ 1').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'local-plan');

    const href = (await page.getByTestId('export-p02').getAttribute('href'))!;
    const res = await page.evaluate(async (url) => {
      const r = await fetch(url);
      return { status: r.status, type: r.headers.get('content-type'), size: (await r.arrayBuffer()).byteLength };
    }, href);
    expect(res.status).toBe(200);
    expect(res.type).toContain('spreadsheetml');
    expect(res.size).toBeGreaterThan(5000);
  });
});
