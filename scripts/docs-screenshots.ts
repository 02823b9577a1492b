// Refresh docs/screenshots/: dashboard and a network page, in Thai, desktop and phone.
// Usage: npm run build:web && npx tsx scripts/docs-screenshots.ts
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
    await page.waitForTimeout(800);
    await page.screenshot({ path: path.join(OUT, `dashboard-${label}-th.png`), fullPage: label === 'desktop' });
    await page.goto(`${server.url}/t/chomphu/networks?q=${encodeURIComponent('เหมืองฝายพญาคำ')}`);
    await page.getByText('เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ').first().click();
    await page.waitForURL(/\/networks\/[0-9a-f-]{36}$/);
    await page.getByTestId('add-member').waitFor();
    await page.waitForTimeout(500);
    await page.screenshot({ path: path.join(OUT, `network-${label}-th.png`), fullPage: false });
    await ctx.close();
  }
} finally {
  await server.stop();
}
console.log(`screenshots in ${OUT}`);
