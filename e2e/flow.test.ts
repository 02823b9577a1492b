import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN, DESKTOP, hasHorizontalScroll, launch, PHONE, screenshot, seriousA11yViolations, startServer } from './support';

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function logIn(page: Page) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(ADMIN.email);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/t\/chomphu\/?$/);
  await page.getByTestId('total-networks').waitFor();
}

const total = async (page: Page, id: string) => Number(await page.getByTestId(id).getAttribute('data-value'));

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

describe('desktop: the officer flow', () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch(DESKTOP);
  });
  afterAll(() => ctx?.close());

  it('logs in, creates an organisation with a Thai address and a network, adds the member, and the dashboard counts change', async () => {
    const page = await ctx.newPage();
    await logIn(page);
    expect(await total(page, 'total-networks')).toBe(50);
    const partnersBefore = await total(page, 'total-partners');
    await page.waitForTimeout(500); // charts animate in
    await screenshot(page, 'dashboard-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // an organisation with a Thai address
    await page.goto(`${server.url}/t/chomphu/partners/new`);
    await page.getByTestId('kind-organization').check();
    await page.getByTestId('partner-name').fill('ร้านข้าวซอยป้าแก้ว สาขาชมภู');
    await pick(page, 'partner-sector', 'ภาคเอกชน');
    await page.getByTestId('address-subdistrict').fill('ชมภู');
    await page.getByTestId('address-district').fill('สารภี');
    await page.getByTestId('address-province').fill('เชียงใหม่');
    await page.getByTestId('address-postcode').fill('50140');
    await page.getByTestId('partner-submit').click();
    await page.waitForURL(/\/t\/chomphu\/partners\/[0-9a-f-]{36}$/);
    await page.getByText('ร้านข้าวซอยป้าแก้ว สาขาชมภู').first().waitFor();
    await expect.poll(() => page.getByText('50140').count()).toBeGreaterThan(0);

    // a network
    await page.goto(`${server.url}/t/chomphu/networks/new`);
    await page.getByTestId('network-name').fill('เครือข่ายร้านอาหารปลอดภัยชมภู');
    await pick(page, 'network-pillar', 'ภาคประชาชน');
    await page.getByTestId('network-form').locator('button[type=submit]').click();
    await page.waitForURL(/\/t\/chomphu\/networks\/[0-9a-f-]{36}$/);

    // the organisation joins it
    await page.getByTestId('add-member').click();
    await page.getByTestId('member-party').fill('ข้าวซอยป้าแก้ว');
    await page.getByRole('option', { name: /ร้านข้าวซอยป้าแก้ว สาขาชมภู/ }).click();
    await page.getByRole('dialog').locator('button[type=submit]').click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByText('ร้านข้าวซอยป้าแก้ว สาขาชมภู').count()).toBeGreaterThan(0);
    await screenshot(page, 'network-new-desktop-th');

    await page.goto(`${server.url}/t/chomphu`);
    await page.getByTestId('total-networks').waitFor();
    await expect.poll(() => total(page, 'total-networks')).toBe(51);
    expect(await total(page, 'total-partners')).toBe(partnersBefore + 1);
    expect(await total(page, 'total-memberships')).toBeGreaterThan(0);
  });

  it('lists are searchable in Thai and pass the accessibility check', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/t/chomphu/networks`);
    await page.getByTestId('list-total').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('list-search').fill('เหมืองฝาย');
    await expect.poll(() => page.getByText('เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ').count()).toBeGreaterThan(0);
    await screenshot(page, 'networks-list-desktop-th');
    await page.getByText('เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ').first().click();
    await page.waitForURL(/\/networks\/[0-9a-f-]{36}$/);
    await page.getByText('ยั่งยืน').first().waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'network-detail-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(`${server.url}/t/chomphu/partners`);
    await page.getByTestId('list-total').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'partners-list-desktop-th');
  });
});

describe('phone: 390×844', () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch(PHONE);
  });
  afterAll(() => ctx?.close());

  it('dashboard, lists and a network page fit the screen', async () => {
    const page = await ctx.newPage();
    await logIn(page);
    await page.waitForTimeout(500);
    await screenshot(page, 'dashboard-phone-th');
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(`${server.url}/t/chomphu/networks?q=${encodeURIComponent('ผู้สูงอายุ')}`);
    await page.getByTestId('list-total').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'networks-list-phone-th');
    await page.getByText('เครือข่ายฟื้นฟูสมรรถภาพผู้สูงอายุ').first().click();
    await page.waitForURL(/\/networks\/[0-9a-f-]{36}$/);
    await page.getByTestId('add-member').waitFor();
    await page.waitForTimeout(300);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'network-detail-phone-th');
  });
});
