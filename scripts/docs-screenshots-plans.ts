// Refresh the plan, strategy-map and participation screenshots in docs/screenshots/ (Thai, desktop and phone).
// Usage: npm run build:web && npx tsx scripts/docs-screenshots-plans.ts
import fs from 'node:fs';
import path from 'node:path';
import { ADMIN, DESKTOP, launch, PHONE, startServer } from '../e2e/support';

const OUT = path.resolve('docs/screenshots');
fs.mkdirSync(OUT, { recursive: true });
const server = await startServer();
try {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    const ctx = await launch(viewport);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(ADMIN.email);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('total-networks').waitFor();
    const planId = await page.evaluate(async () => {
      const r = await fetch(`/api/v1/t/chomphu/plans?fiscalYear=2569&q=${encodeURIComponent('เหมืองฝายพญาคำ')}`);
      return ((await r.json()) as { items: { id: string }[] }).items[0].id;
    });
    await page.goto(`${server.url}/t/chomphu/plans/${planId}`);
    await page.getByTestId('plan-timeline').waitFor();
    if (label === 'phone') await page.getByTestId('plan-timeline').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, `plan-${label}-th.png`) });
    await page.goto(`${server.url}/t/chomphu/strategy?fiscalYear=2569`);
    await page.getByTestId('goal').first().waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, `strategy-map-${label}-th.png`) });
    await page.goto(`${server.url}/t/chomphu/participation?fiscalYear=2569`);
    await page.getByTestId('participation-matrix').waitFor();
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(OUT, `participation-${label}-th.png`) });
    await ctx.close();
  }
} finally {
  await server.stop();
}
console.log(`screenshots in ${OUT}`);
