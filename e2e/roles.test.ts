import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import {
  ADMIN,
  apiCall,
  apiLogin as loginThroughApi,
  changeFirstPassword,
  DEMO_FY,
  DESKTOP,
  hasHorizontalScroll,
  launch,
  PHONE,
  SCREENSHOTS,
  startServer,
} from './support';

/**
 * Roles in Chromium: a member opens the main list and detail pages and sees no button or menu item
 * that creates, edits, deletes, imports or approves (the API would refuse them all); an officer sees
 * them on the same pages. common/permissions.ts is the table both sides read.
 */

let server: Awaited<ReturnType<typeof startServer>>;
const FIRST_PASSWORD = 'E2e-Roles-First-2569';
const PASSWORD = 'สมาชิกชมภู-Roles-Password-2569!';
const MEMBER = { email: 'e2e-roles-member@example.org', name: 'นางสาวสมใจ ใจดี' };
const OFFICER = { email: 'e2e-roles-officer@example.org', name: 'นายวิชัย ตรวจงาน' };
const COORDINATOR = { email: 'e2e-roles-coordinator@example.org', name: 'นางบัวเรียว คำปัน' };

/** Pages under /t/chomphu; detail pages get the first item's id from the API. */
const LIST_PAGES = [
  'networks',
  'partners',
  'plans',
  'strategy',
  'knowledge',
  'forums',
  'budget',
  'budget/ledger',
  'committees',
  'local-plans',
  'teams',
  'tasks',
] as const;
/** Read-only for everyone, or writes that depend on the data (a second version to restore): a member must see none. */
const MORE_PAGES = ['', 'participation', 'volunteer-hours', 'relationships', 'knowledge/metrics'];
const detailPages: string[] = [];

/** The words a create/edit/delete/import/approve control starts with (its text or aria-label). */
const WRITE = /^(เพิ่ม(?!เติม)|เลื่อนเป็น|กู้คืน|สร้าง|แก้ไข|ลบ|นำเข้า|บันทึก|ตั้งคณะ|อนุมัติ|ไม่อนุมัติ|แต่งตั้ง|นัดประชุม|กลับรายการ|แนบ|ยืนยัน|ตีกลับ)/;

const apiLogin = (email: string, password: string) => loginThroughApi(server.url, email, password);
const call = <T>(cookie: string, method: string, path: string, body?: unknown) => apiCall<T>(server.url, cookie, method, path, body);
const firstId = async (cookie: string, path: string) => {
  const r = await call<{ items: { id: string }[] } | { id: string }[]>(cookie, 'GET', path);
  return (Array.isArray(r) ? r : r.items)[0].id;
};

beforeAll(async () => {
  server = await startServer();
  const admin = await apiLogin(ADMIN.email, ADMIN.password);
  await call(admin, 'POST', '/users', { ...MEMBER, role: 'member', password: FIRST_PASSWORD });
  await call(admin, 'POST', '/users', { ...OFFICER, role: 'officer', password: FIRST_PASSWORD });
  await changeFirstPassword(server.url, MEMBER.email, FIRST_PASSWORD, PASSWORD);
  await call(admin, 'POST', '/users', { ...COORDINATOR, role: 'coordinator', password: FIRST_PASSWORD });
  await changeFirstPassword(server.url, OFFICER.email, FIRST_PASSWORD, PASSWORD);
  await changeFirstPassword(server.url, COORDINATOR.email, FIRST_PASSWORD, PASSWORD);
  detailPages.push(
    `networks/${await firstId(admin, '/networks')}`,
    `partners/${await firstId(admin, '/partners')}`,
    `plans/${await firstId(admin, '/plans')}`,
    `knowledge/${await firstId(admin, '/knowledge')}`,
    `forums/${await firstId(admin, '/forums')}`,
    `committees/${await firstId(admin, '/committees')}`,
    `local-plans/${await firstId(admin, '/local-plans')}`,
    `teams/${await firstId(admin, '/teams')}`,
    `budget/ledger/${await firstId(admin, '/ledger/transactions')}`,
  );
  MORE_PAGES.push(`${detailPages[3]}/history`, `meetings/${await firstId(admin, '/meetings')}`);
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

/** What a person sees: the viewport, or one part of the page (a phone's full page is metres long). */
async function screenshot(target: Page | Locator, name: string) {
  await target.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) });
}

/** A dialog has faded in (Mantine animates its opacity), so the screenshot shows it, not a ghost. */
async function shown(dialog: Locator) {
  await expect.poll(() => dialog.evaluate((el) => getComputedStyle(el).opacity)).toBe('1');
}

async function logIn(page: Page, email: string) {
  await page.goto(`${server.url}/login?tenant=chomphu`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/t\/chomphu\/?$/);
}

/** Opens a page and names every visible control on it that would write. */
async function writeControlsOn(page: Page, path: string): Promise<string[]> {
  await page.goto(`${server.url}/t/chomphu/${path}`);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
  const names = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('main button, main a, main [role="menuitem"], header button, header a')]
      .filter((el) => el.getClientRects().length > 0 && !el.closest('[aria-hidden="true"]'))
      .map((el) => (el.getAttribute('aria-label') ?? el.innerText ?? '').trim().replace(/\s+/g, ' ')),
  );
  return names.filter((n) => WRITE.test(n)).map((n) => `${path}: ${n}`);
}

describe('buttons follow the role', () => {
  let memberCtx: BrowserContext;
  let officerCtx: BrowserContext;
  beforeAll(async () => {
    memberCtx = await launch(PHONE);
    officerCtx = await launch(DESKTOP);
    await logIn(await memberCtx.newPage(), MEMBER.email);
    await logIn(await officerCtx.newPage(), OFFICER.email);
  }, 120_000);
  afterAll(async () => {
    await memberCtx?.close();
    await officerCtx?.close();
  });

  it('a member (on a phone: cards, not tables) sees no create, edit, delete, import or approve control', async () => {
    const page = await memberCtx.newPage();
    const seen: string[] = [];
    for (const path of [...LIST_PAGES, ...detailPages, ...MORE_PAGES]) seen.push(...(await writeControlsOn(page, path)));
    await page.goto(`${server.url}/t/chomphu/budget`);
    await page.getByTestId('budget-funds').waitFor();
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'roles-member-budget-phone-th');
    await page.getByTestId('budget-funds').scrollIntoViewIfNeeded();
    await screenshot(page, 'roles-member-funds-phone-th');
    expect(seen).toEqual([]);
    // the panel of review thresholds is for officers
    expect(await page.getByTestId('budget-settings').count()).toBe(0);
  }, 240_000);

  it('an officer sees them on the same pages, fund edit and delete included', async () => {
    const page = await officerCtx.newPage();
    const without: string[] = [];
    // local development plans are created through the API (a plan per term); their rows carry the officer's actions
    for (const path of [...LIST_PAGES.filter((p) => p !== 'local-plans'), ...detailPages]) {
      if ((await writeControlsOn(page, path)).length === 0) without.push(path);
    }
    expect(without).toEqual([]);
    const budget = await writeControlsOn(page, 'budget');
    expect(budget.some((n) => n.startsWith('budget: แก้ไขแหล่งเงิน'))).toBe(true);
    expect(budget.some((n) => n.startsWith('budget: ลบแหล่งเงิน'))).toBe(true);
    await page.getByTestId('budget-settings').waitFor();
    await page.mouse.move(0, 0);
    await screenshot(page.getByTestId('budget-funds'), 'roles-officer-funds-desktop-th');
  }, 240_000);
});

describe('a coordinator: between the two', () => {
  it('edits funds, partners and measurements but deletes none and shapes no strategy or committee', async () => {
    const ctx = await launch(DESKTOP);
    try {
      const page = await ctx.newPage();
      await logIn(page, COORDINATOR.email);
      const budget = await writeControlsOn(page, 'budget');
      expect(budget.filter((n) => n.startsWith('budget: แก้ไขแหล่งเงิน')).length).toBeGreaterThan(0);
      expect(budget.filter((n) => /^budget: ลบ/.test(n))).toEqual([]);
      expect(await page.getByTestId('budget-settings').count()).toBe(0);
      const strategy = await writeControlsOn(page, 'strategy');
      expect(strategy.filter((n) => n.startsWith('strategy: บันทึกค่า')).length).toBeGreaterThan(0);
      // measuring and attaching evidence to a measurement are a coordinator's (measure, attachEvidence); shaping the map is not
      expect(strategy.filter((n) => !n.startsWith('strategy: บันทึกค่า') && !n.startsWith('strategy: แนบไฟล์เพิ่ม'))).toEqual([]);
      expect(await writeControlsOn(page, 'committees')).toEqual([]);
      const partner = await writeControlsOn(page, detailPages[1]);
      expect(partner).toContain(`${detailPages[1]}: แก้ไข`);
      expect(partner.filter((n) => n === `${detailPages[1]}: ลบ`)).toEqual([]);
    } finally {
      await ctx.close();
    }
  }, 120_000);
});

describe('funds: edit and delete from the budget page', () => {
  let officerCtx: BrowserContext;
  const FUND = 'เงินบริจาคงานบุญสลากภัตวัดชมภู (ทดสอบ e2e)';
  const RENAMED = 'เงินบริจาคงานบุญสลากภัตวัดชมภู ปี 2 (ทดสอบ e2e)';
  beforeAll(async () => {
    officerCtx = await launch(DESKTOP);
    await logIn(await officerCtx.newPage(), OFFICER.email);
    const officer = await apiLogin(OFFICER.email, PASSWORD);
    const partner = await call<{ items: { id: string }[] }>(officer, 'GET', `/partners?q=${encodeURIComponent('วัด')}&pageSize=1`);
    await call(officer, 'POST', '/budget/funds', { name: FUND, kind: 'donation', partyId: partner.items[0].id, fiscalYear: DEMO_FY });
  }, 120_000);
  afterAll(async () => {
    await officerCtx?.close();
  });

  it('renames a fund and adds a note, then deletes it after a confirm', async () => {
    const page = await officerCtx.newPage();
    await page.goto(`${server.url}/t/chomphu/budget?fiscalYear=${DEMO_FY}`);
    const funds = page.getByTestId('budget-funds');
    await funds.getByText(FUND, { exact: true }).waitFor();
    await page.getByRole('button', { name: `แก้ไขแหล่งเงิน ${FUND}` }).click();
    const dialog = page.getByRole('dialog', { name: 'แก้ไขแหล่งเงิน' });
    await expect.poll(() => dialog.getByTestId('fund-name').inputValue()).toBe(FUND);
    await dialog.getByTestId('fund-name').fill(RENAMED);
    await dialog.getByTestId('fund-note').fill('รับบริจาคจากผู้มาร่วมงานบุญ นับเงินต่อหน้ากรรมการวัด');
    await shown(dialog);
    await screenshot(page, 'roles-fund-edit-desktop-th');
    await dialog.getByTestId('fund-save').click();
    await page.getByText('บันทึกแหล่งเงินแล้ว').waitFor();
    await funds.getByText(RENAMED, { exact: true }).waitFor();
    expect(await funds.getByText(FUND, { exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: `ลบแหล่งเงิน ${RENAMED}` }).click();
    const confirm = page.getByRole('dialog', { name: 'ลบแหล่งเงิน' });
    await confirm.getByText(`ลบแหล่งเงิน “${RENAMED}” หรือไม่`).waitFor();
    await shown(confirm);
    await screenshot(page, 'roles-fund-delete-confirm-desktop-th');
    await confirm.getByTestId('confirm-action').click();
    await page.getByText(`ลบแหล่งเงิน ${RENAMED} แล้ว`).waitFor();
    await funds.getByText(RENAMED, { exact: true }).waitFor({ state: 'detached' });
  }, 90_000);

  it('refuses, in Thai, to delete a fund that has money booked', async () => {
    const page = await officerCtx.newPage();
    await page.goto(`${server.url}/t/chomphu/budget?fiscalYear=${DEMO_FY}`);
    const officer = await apiLogin(OFFICER.email, PASSWORD);
    const funds = await call<{ items: { name: string; receivedSatang: number }[] }>(officer, 'GET', `/budget/funds?fiscalYear=${DEMO_FY}&pageSize=200`);
    const booked = funds.items.find((f) => f.receivedSatang > 0)!;
    await page.getByRole('button', { name: `ลบแหล่งเงิน ${booked.name}`, exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'ลบแหล่งเงิน' });
    await confirm.getByTestId('confirm-action').click();
    await confirm.getByText('ลบไม่ได้ เพราะมีรายการบัญชีบันทึกกับแหล่งเงินนี้แล้ว (แก้ชื่อ ประเภท หรือหมายเหตุได้)').waitFor();
    await shown(confirm);
    await screenshot(page, 'roles-fund-delete-refused-desktop-th');
    await confirm.getByRole('button', { name: 'ยกเลิก' }).click();
    await page.getByTestId('budget-funds').getByText(booked.name, { exact: true }).first().waitFor();
  }, 90_000);
});

describe('review thresholds: a raise waits for another officer', () => {
  it('the admin raises the approval threshold, cannot approve it; the officer approves it (phone)', async () => {
    const adminCtx = await launch(DESKTOP);
    const officerCtx = await launch(PHONE);
    try {
      const admin = await adminCtx.newPage();
      await admin.goto(`${server.url}/login?tenant=chomphu`);
      await admin.getByTestId('login-email').fill(ADMIN.email);
      await admin.getByTestId('login-password').fill(ADMIN.password);
      await admin.getByTestId('login-submit').click();
      await admin.waitForURL(/\/t\/chomphu\/?$/);
      await admin.goto(`${server.url}/t/chomphu/budget`);
      const panel = admin.getByTestId('budget-settings');
      await panel.waitFor();
      const before = (await panel.getByTestId('approval-threshold').textContent())!;
      await panel.getByTestId('settings-approval').fill('75,000');
      await panel.getByTestId('settings-save').click();
      await admin.getByText('ส่งขอเพิ่มเกณฑ์แล้ว รอเจ้าหน้าที่อีกคนอนุมัติ').waitFor();
      const proposal = panel.getByTestId('settings-proposal');
      await proposal.getByText(/75,000\.00/).waitFor();
      await proposal.getByText('ผู้ขอเปลี่ยนอนุมัติเองไม่ได้ ต้องให้เจ้าหน้าที่อีกคนอนุมัติ').waitFor();
      expect(await proposal.getByTestId('settings-approve').count()).toBe(0);
      expect(await panel.getByTestId('approval-threshold').textContent()).toBe(before);
      await admin.mouse.move(0, 0);
      await screenshot(panel, 'roles-settings-proposed-desktop-th');

      const officer = await officerCtx.newPage();
      await logIn(officer, OFFICER.email);
      await officer.goto(`${server.url}/t/chomphu/budget`);
      const opanel = officer.getByTestId('budget-settings');
      await opanel.getByTestId('settings-proposal').waitFor();
      // an officer decides; only admins change the thresholds themselves
      expect(await opanel.getByTestId('settings-save').count()).toBe(0);
      expect(await hasHorizontalScroll(officer)).toBe(false);
      await screenshot(opanel, 'roles-settings-pending-phone-th');
      await opanel.getByTestId('settings-approve').click();
      await officer.getByText('เกณฑ์ใหม่มีผลแล้ว').waitFor();
      await expect.poll(() => opanel.getByTestId('approval-threshold').textContent()).toMatch(/75,000\.00/);
      expect(await opanel.getByTestId('settings-proposal').count()).toBe(0);
      // on a phone the funds are cards, each with its edit and delete controls
      await officer.getByTestId('budget-funds').scrollIntoViewIfNeeded();
      await screenshot(officer, 'roles-officer-funds-phone-th');

      // the audit log names the changed fields in Thai, and the thresholds in baht
      await admin.goto(`${server.url}/t/chomphu/audit?entity=budget_settings`);
      const list = admin.getByTestId('audit-list');
      await list
        .getByRole('button', { name: /ดูการเปลี่ยนแปลง|การเปลี่ยนแปลง/ })
        .first()
        .click();
      await list.getByText('เกณฑ์ยอดเงินที่ต้องอนุมัติ').first().waitFor();
      await list
        .getByText(/75,000\.00/)
        .first()
        .waitFor();
      const text = await admin.locator('main').innerText();
      expect(text.match(/\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+_[a-z_]+\b/g) ?? []).toEqual([]);
      await screenshot(admin, 'roles-audit-settings-desktop-th');
    } finally {
      await adminCtx.close();
      await officerCtx.close();
    }
  }, 120_000);
});
