import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, apiCall, apiLogin, DESKTOP, hasHorizontalScroll, launch, PHONE, screenshot, seriousA11yViolations, startServer } from './support';

/**
 * PDPA in Chromium: an admin opens a person's page, sees the consents, downloads the person's data as Excel,
 * erases the person with a confirmation, and finds them gone from the search while the ledger still verifies;
 * the privacy settings and the public notice on a phone (390 px).
 */

let server: Awaited<ReturnType<typeof startServer>>;
let desktop: BrowserContext;
let phone: BrowserContext;
let admin = '';
const NAME = 'นางสาวบุญเรือน ทดสอบลบ';
let personId = '';
const call = <T>(method: string, path: string, body?: unknown) => apiCall<T>(server.url, admin, method, path, body);

beforeAll(async () => {
  server = await startServer();
  admin = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  const p = await call<{ id: string }>('POST', '/partners', {
    kind: 'person',
    name: NAME,
    sector: 'civil_society',
    phone: '089-555-0142',
    email: 'boonruean.t@example.org',
    address: { line: '45', moo: 2, subdistrict: 'ชมภู', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140' },
  });
  personId = p.id;
  await call('POST', `/privacy/people/${personId}/consents`, {
    purpose: 'ติดต่อประสานงานกิจกรรมเครือข่ายผู้สูงอายุ',
    lawfulBasis: 'consent',
    givenOn: '2026-06-01',
    method: 'paper_form',
  });
  const c = await call<{ id: string }>('POST', `/privacy/people/${personId}/consents`, {
    purpose: 'เผยแพร่ภาพถ่ายกิจกรรมบนเพจเทศบาล',
    lawfulBasis: 'consent',
    givenOn: '2026-06-01',
    method: 'meeting',
  });
  await call('POST', `/privacy/consents/${c.id}/withdraw`, { withdrawnOn: '2026-09-15', note: 'แจ้งด้วยวาจาที่ศูนย์ผู้สูงอายุ' });
  [desktop, phone] = await Promise.all([launch(DESKTOP), launch(PHONE)]);
}, 240_000);
afterAll(async () => {
  await desktop?.close();
  await phone?.close();
  await server?.stop();
});

async function logIn(page: Page) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(ADMIN.email);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/t\/chomphu\/?$/);
}

describe('an admin exports a person’s data and erases the person', () => {
  it('shows consents with the withdrawal kept, downloads a Thai workbook, erases after confirming the name', async () => {
    const page = await desktop.newPage();
    await logIn(page);
    await page.goto(`${server.url}/t/chomphu/partners/${personId}`);
    const card = page.getByTestId('privacy-card');
    await expect.poll(() => card.getByTestId('consent-row').count(), { timeout: 15_000 }).toBe(2);
    await expect.poll(() => card.textContent()).toContain('ถอนแล้ว');
    // opening the page showed the unmasked phone: counted in the access log
    await expect.poll(() => page.getByTestId('access-count').textContent()).toMatch(/[1-9]\d* ครั้ง/);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'privacy-person-desktop-th');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
    expect(download.suggestedFilename()).toMatch(/^personal-data-.*\.xlsx$/);
    const file = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file!) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['ข้อมูลบุคคล', 'ความยินยอม', 'บันทึกการใช้งาน']));
    expect(wb.getWorksheet('ความยินยอม')!.rowCount).toBe(3);

    await page.getByTestId('erase-person').click();
    const submit = page.getByTestId('erase-submit');
    await page.getByTestId('erase-confirm-name').fill('นางสาวบุญเรือน');
    await page.getByTestId('erase-note').fill('คำร้องขอลบข้อมูล เลขที่ 12/2569');
    expect(await submit.isDisabled()).toBe(true);
    await page.getByTestId('erase-confirm-name').fill(NAME);
    await screenshot(page, 'privacy-erase-confirm-desktop-th');
    await submit.click();
    await page.getByTestId('erased-banner').waitFor();
    await expect.poll(() => page.locator('h1').first().textContent()).toMatch(/^ผู้ถูกลบข้อมูล/);
    await screenshot(page, 'privacy-person-erased-desktop-th');

    // gone from the search; the ledger still verifies
    await page.goto(`${server.url}/t/chomphu/partners?q=${encodeURIComponent('ทดสอบลบ')}`);
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'privacy-search-after-erase-desktop-th');
    expect(await page.locator('main').getByText('ทดสอบลบ').count()).toBe(0);
    expect((await call<{ total: number }>('GET', `/partners?q=${encodeURIComponent('ทดสอบลบ')}`)).total).toBe(0);
    expect((await call<{ total: number }>('GET', `/partners?q=${encodeURIComponent('089-555-0142')}`)).total).toBe(0);
    expect((await call<{ valid: boolean }>('GET', '/ledger/verify')).valid).toBe(true);
    await page.close();
  }, 120_000);
});

describe('phone: privacy settings and the public notice', () => {
  it('reads the ROPA, the access log and the retention settings at 390 px; the public notice is Thai and has no personal data', async () => {
    const page = await phone.newPage();
    await logIn(page);
    await page.goto(`${server.url}/t/chomphu/privacy`);
    await page.getByTestId('notice-controllerName').waitFor();
    await page.getByTestId('notice-dpoContact').fill('dpo@chomphu.go.th โทร 053-322-100');
    await page.getByTestId('save-notice').click();
    await expect.poll(() => page.getByText('บันทึกแล้ว').count()).toBeGreaterThan(0);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'privacy-notice-form-phone-th');

    await page.getByTestId('tab-ropa').click();
    await page.getByTestId('ropa-table').or(page.getByText('ทะเบียนภาคีเครือข่าย (บุคคล)')).first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'privacy-ropa-phone-th');

    await page.getByTestId('tab-access').click();
    await page.getByText('หน้าภาคี').first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'privacy-access-log-phone-th');

    await page.getByTestId('tab-retention').click();
    await page.getByTestId('retention-people').fill('10');
    await page.getByTestId('save-retention').click();
    await expect.poll(() => page.getByText('บันทึกแล้ว').count()).toBeGreaterThan(0);
    await screenshot(page, 'privacy-retention-phone-th');

    const pub = await phone.newPage();
    await pub.goto(`${server.url}/p/chomphu/privacy`);
    await pub.getByTestId('notice-contact').waitFor();
    const text = (await pub.getByTestId('privacy-notice').textContent()) ?? '';
    expect(text).toContain('ประกาศความเป็นส่วนตัว');
    expect(text).toContain('dpo@chomphu.go.th');
    expect(text).toContain('ไม่มีความเคลื่อนไหวเกิน 10 ปี');
    expect(text).not.toContain('089-555-0142');
    expect(await hasHorizontalScroll(pub)).toBe(false);
    expect(await seriousA11yViolations(pub)).toEqual([]);
    await screenshot(pub, 'privacy-public-notice-phone-th');
    await pub.close();
    await page.close();
  }, 120_000);
});
