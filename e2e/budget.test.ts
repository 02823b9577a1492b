import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN, DEMO_FY, DESKTOP, hasHorizontalScroll, launch, PHONE, screenshot, seriousA11yViolations, startServer } from './support';

/**
 * Budget in Chromium: an officer records a partner's in-kind contribution above the approval threshold;
 * it waits; a second officer approves it; the public page (no login) shows the partner and the chain
 * verifies.
 */

let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

const CHECKER = { email: 'e2e-checker@example.org', password: 'Checker-Password-2569', name: 'นางสาวตรวจสอบ บัญชีดี' };
const COMPANY = 'ห้างหุ้นส่วนจำกัด ชมภูการโยธา';
const FUND = 'ไม้ไผ่และรถขุดซ่อมฝายพญาคำ (ทดสอบ e2e)';
const LINE = 'ค่าวัสดุซ่อมฝายพญาคำ (ทดสอบ e2e)';
const NO_LINES = 'ยังไม่มีรายการงบประมาณในปีนี้';
const DESCRIPTION = 'รับมอบไม้ไผ่ 200 ลำและรถขุด 3 วันซ่อมฝายพญาคำ';

async function logIn(page: Page, who: { email: string; password: string }) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(who.email);
  await page.getByTestId('login-password').fill(who.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/t\/chomphu\/?$/);
}

let txUrl = '';

describe('budget: in-kind contribution, maker-checker, public page, chain', () => {
  let maker: BrowserContext;
  let checker: BrowserContext;
  beforeAll(async () => {
    maker = await launch(DESKTOP);
    checker = await launch(DESKTOP);
  });
  afterAll(async () => {
    await maker?.close();
    await checker?.close();
  });

  it('records a partner in-kind contribution that waits for a second person', async () => {
    const page = await maker.newPage();
    await logIn(page, ADMIN);
    const created = await page.request.post(`${server.url}/api/v1/t/chomphu/users`, { data: { ...CHECKER, role: 'officer' }, headers: { origin: server.url } });
    expect(created.status()).toBe(201);

    await page.goto(`${server.url}/t/chomphu/budget`);
    await page.getByTestId('chain-panel').waitFor();
    await screenshot(page, 'budget-overview-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // a source of funds tied to the company: in-kind help valued in baht
    await page.getByRole('button', { name: 'เพิ่มแหล่งเงิน' }).click();
    await page.getByTestId('fund-name').fill(FUND);
    await page.getByTestId('fund-kind').click();
    await page.getByRole('option', { name: 'สิ่งของ/แรงงาน (คิดมูลค่าเป็นเงิน)' }).click();
    await page.getByTestId('fund-party').click();
    await page.getByTestId('fund-party').fill('ชมภูการโยธา');
    await page.getByRole('option', { name: new RegExp(COMPANY) }).click();
    await page.getByTestId('fund-save').click();
    await page.getByTestId('fund-save').waitFor({ state: 'detached' });

    await page.goto(`${server.url}/t/chomphu/budget/ledger/new`);
    await page.getByTestId('tx-description').fill(DESCRIPTION);
    await page.getByTestId('entry-0-fund').click();
    await page.getByTestId('entry-0-fund').fill('ไม้ไผ่');
    await page.getByRole('option', { name: FUND }).click();
    await page.getByTestId('entry-0-amount').fill('60,000.50');
    await page.getByTestId('balance').filter({ hasText: 'เดบิตเท่ากับเครดิต' }).waitFor();
    await screenshot(page, 'budget-transaction-form-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('tx-save').click();
    await page.waitForURL(/\/t\/chomphu\/budget\/ledger\/[0-9a-f-]{36}$/);
    txUrl = page.url();
    await page.getByText('รอการอนุมัติ', { exact: true }).waitFor();
    await page.getByText('คุณเป็นผู้บันทึกรายการนี้').waitFor();
    expect(await page.getByTestId('approve').count()).toBe(0);
    expect(await page.getByText('หกหมื่นบาทห้าสิบสตางค์').count()).toBeGreaterThan(0);
    await screenshot(page, 'budget-transaction-pending-desktop-th');
  });

  it('adds a budget line through the form: a 400 shows on its field, then the line is listed', async () => {
    const page = await maker.newPage();
    await page.goto(`${server.url}/t/chomphu/budget?fiscalYear=${DEMO_FY}`);
    await page.getByTestId('chain-panel').waitFor();
    await page.getByRole('button', { name: 'เพิ่มรายการงบประมาณ' }).click();
    await page.getByTestId('line-plan').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('line-activity').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('line-name').fill(LINE);
    // a negative allocation parses, the API refuses it: the message sits under the allocation field
    await page.getByTestId('line-amount').fill('-5');
    await page.getByTestId('line-save').click();
    await page.getByText('ต้องไม่ติดลบ').waitFor();
    await page.getByTestId('line-amount').fill('12,345.50');
    expect(await page.getByText('ต้องไม่ติดลบ').count()).toBe(0);
    await page.mouse.move(0, 0); // off the save button: the hover shade of filled buttons is lighter
    await screenshot(page, 'budget-line-form-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('line-save').click();
    await page.getByTestId('line-save').waitFor({ state: 'detached' });
    await page.getByTestId('list-search').fill('ทดสอบ e2e');
    const row = page.getByTestId('budget-lines').getByText(LINE);
    await row.waitFor();
    expect(await page.getByTestId('budget-lines').textContent()).toContain('12,345.50');
    // rename it and lower its allocation, then delete it: nothing is booked against it yet
    await page.getByRole('button', { name: `แก้ไข ${LINE}` }).click();
    await page.getByTestId('line-edit-name').fill(`${LINE} แก้ไข`);
    await page.getByTestId('line-edit-amount').fill('12,000');
    await page.mouse.move(0, 0);
    await screenshot(page, 'budget-line-edit-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('line-edit-save').click();
    await page.getByTestId('line-edit-save').waitFor({ state: 'detached' });
    await page.getByTestId('budget-lines').getByText(`${LINE} แก้ไข`).waitFor();
    expect(await page.getByTestId('budget-lines').textContent()).toContain('12,000.00');
    await page.getByRole('button', { name: `ลบ ${LINE} แก้ไข` }).click();
    await page.getByTestId('confirm-action').click();
    await page.getByTestId('confirm-action').waitFor({ state: 'detached' });
    // the search still filters to 'ทดสอบ e2e': nothing is left
    await page.getByText(NO_LINES).waitFor();
    // a line the ledger names cannot go, and the dialog says why (not just "conflicts with existing data")
    const lines = await (await page.request.get(`${server.url}/api/v1/t/chomphu/budget/lines?fiscalYear=${DEMO_FY}&pageSize=100`)).json();
    const booked = lines.items.find((l: { spentSatang: number; committedSatang: number }) => l.spentSatang + l.committedSatang > 0);
    await page.getByTestId('list-search').fill(booked.name);
    await page.getByRole('button', { name: `ลบ ${booked.name}` }).first().click();
    await page.getByTestId('confirm-action').click();
    await page.getByText('ลบไม่ได้ เพราะมีรายการบัญชีผูกกับรายการงบประมาณนี้แล้ว', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'ยกเลิก' }).click();
  });

  it('a second officer approves it from the approvals queue', async () => {
    const page = await checker.newPage();
    await logIn(page, CHECKER);
    await page.goto(`${server.url}/t/chomphu/budget/ledger?status=pending`);
    await page.getByRole('link', { name: DESCRIPTION }).click();
    await page.waitForURL(txUrl);
    await page.getByTestId('approve').click();
    await page.getByText('บันทึกบัญชีแล้ว').first().waitFor();
    await page.getByText(`ผู้อนุมัติ: ${CHECKER.name}`).waitFor();
    await screenshot(page, 'budget-transaction-approved-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the public page shows the contribution without login, and the chain verifies', async () => {
    const anon = await launch(DESKTOP);
    try {
      const page = await anon.newPage();
      await page.goto(`${server.url}/p/chomphu/budget`);
      const contributors = page.getByTestId('contributors');
      await contributors.getByText(COMPANY).waitFor();
      expect(await contributors.textContent()).toContain('60,000.50');
      await page.getByTestId('public-ledger').getByText(DESCRIPTION).waitFor();
      await page.getByRole('button', { name: 'ตรวจสอบสายโซ่แฮช' }).click();
      await page.getByTestId('verify-result').filter({ hasText: 'ถูกต้องครบ' }).waitFor();
      // the pointer leaves the button: the theme's hover shade of filled buttons is lighter (a shared theme matter)
      await page.mouse.move(0, 0);
      await screenshot(page, 'budget-public-desktop-th');
      expect(await seriousA11yViolations(page)).toEqual([]);
      const verify = await (await page.request.get(`${server.url}/api/v1/public/chomphu/budget/verify`)).json();
      expect(verify.valid).toBe(true);
      expect(verify.checked).toBeGreaterThan(100);
      expect(await page.getByTestId('head-hash').textContent()).toBe(verify.headHash);

      await page.goto(`${server.url}/p/chomphu/budget/print`);
      await page.getByTestId('spent-words').waitFor();
      await screenshot(page, 'budget-print-desktop-th');
    } finally {
      await anon.close();
    }
  });
});

describe('phone: public budget page and the ledger', () => {
  it('fits a 390 px screen', async () => {
    const phone = await launch(PHONE);
    try {
      const page = await phone.newPage();
      await page.goto(`${server.url}/p/chomphu/budget?fiscalYear=${DEMO_FY - 1}`);
      await page.getByTestId('contributors').waitFor();
      await page.getByTestId('public-ledger').waitFor();
      expect(await hasHorizontalScroll(page)).toBe(false);
      await screenshot(page, 'budget-public-phone-th');
      await logIn(page, ADMIN);
      await page.goto(`${server.url}/t/chomphu/budget?fiscalYear=${DEMO_FY - 1}`);
      await page.getByTestId('chain-panel').waitFor();
      await page.getByTestId('contributors').waitFor();
      expect(await hasHorizontalScroll(page)).toBe(false);
      await screenshot(page, 'budget-overview-phone-th');
      await page.getByRole('button', { name: 'เพิ่มรายการงบประมาณ' }).click();
      await page.getByTestId('line-plan').click();
      await page.getByRole('option').first().click();
      await page.getByTestId('line-name').fill('ค่าวัสดุ');
      expect(await hasHorizontalScroll(page)).toBe(false);
      await screenshot(page, 'budget-line-form-phone-th');
      await page.getByRole('button', { name: 'ยกเลิก' }).click();
      await page.goto(`${server.url}/t/chomphu/budget/ledger/new`);
      await page.getByTestId('tx-description').waitFor();
      expect(await hasHorizontalScroll(page)).toBe(false);
      await screenshot(page, 'budget-transaction-form-phone-th');
    } finally {
      await phone.close();
    }
  });
});
