import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { makeDocx } from '../server/demo/knowledge/documents';
import { ADMIN, DESKTOP, hasHorizontalScroll, launch, PHONE, screenshot, seriousA11yViolations, startServer } from './support';

/**
 * Knowledge management in Chromium: create an item with an attachment (a real DOCX with a Thai word that is
 * nowhere else), find it by that word through the Thai search, and open the version history.
 */

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

async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const TITLE = 'ทดสอบอัตโนมัติ: สมุนไพรไล่ยุงริมลำเหมือง';
/** Only in the attachment: neither the title, the summary, the body nor the tags contain it. */
const WORD = 'มะแขว่น';
const FILE = 'ภูมิปัญญาไล่ยุง.docx';
const NETWORK = 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ';
const FORUM = 'ทดสอบอัตโนมัติ: เวทีแลกเปลี่ยนการลอกเหมือง';

let itemUrl = '';

describe('desktop: knowledge item with an attachment, Thai search, versions', () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch(DESKTOP);
    // one login per browser: the session cookie serves every page below
    await logIn(await ctx.newPage());
  });
  afterAll(() => ctx?.close());

  it('creates an item with the Markdown editor and its preview', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/t/chomphu/knowledge/new`);
    await page.getByTestId('knowledge-title').fill(TITLE);
    await pick(page, 'knowledge-type', 'ภูมิปัญญาท้องถิ่น');
    await page.getByTestId('knowledge-summary').fill('ชาวบ้านริมลำเหมืองใช้พืชพื้นบ้านกันยุงช่วงลอกเหมือง');
    await page
      .getByTestId('knowledge-body-input')
      .fill('## วิธีทำ\n\nนำใบพืชมาตำ **ผสมน้ำมันมะพร้าว** แล้วทาผิว\n\n- ใช้ก่อนลงเหมือง\n- ทาซ้ำทุกสองชั่วโมง\n\n<script>alert(1)</script>');
    await page.getByTestId('knowledge-networks').click();
    await page.getByTestId('knowledge-networks').fill('เหมืองฝายพญาคำ');
    await page.getByRole('option', { name: NETWORK, exact: true }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('knowledge-tags').fill('สมุนไพร');
    await page.keyboard.press('Enter');

    // the preview is the server's rendering: Markdown applied, raw HTML shown as text
    await page.getByTestId('knowledge-preview-tab').click();
    const preview = page.getByTestId('knowledge-preview');
    await preview.locator('strong', { hasText: 'ผสมน้ำมันมะพร้าว' }).waitFor();
    expect(await preview.locator('script').count()).toBe(0);
    expect(await preview.textContent()).toContain('<script>alert(1)</script>');
    await screenshot(page, 'knowledge-editor-preview-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByTestId('knowledge-submit').click();
    await page.waitForURL(/\/t\/chomphu\/knowledge\/[0-9a-f-]{36}$/);
    itemUrl = page.url();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    // Markdown's ## renders as h3: the body's headings start one level below the item's h1 title
    await page.getByTestId('knowledge-body').locator('h3', { hasText: 'วิธีทำ' }).waitFor();
    expect(await page.getByTestId('knowledge-body').locator('script').count()).toBe(0);
  });

  it('refuses a disguised or oversized file with a Thai message, and attaches a real DOCX', async () => {
    const page = await ctx.newPage();
    await page.goto(itemUrl);
    const files = page.getByTestId('attachments');
    const input = files.locator('input[type=file]');

    // an executable renamed .pdf: the server looks at the bytes
    await input.setInputFiles({ name: 'คู่มือ.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('MZ\x90\x00\x03'), Buffer.alloc(2048, 1)]) });
    await page.getByTestId('attachment-upload').click();
    await expect.poll(() => page.getByTestId('attachment-error').textContent()).toContain('ไม่รองรับไฟล์ประเภทนี้');

    // over 10 MB: refused before sending
    await input.setInputFiles({
      name: 'ใหญ่เกิน.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024 + 10, 32)]),
    });
    await expect.poll(() => page.getByTestId('attachment-error').textContent()).toContain('ไม่เกิน 10 MB');
    expect(await files.getByTestId('attachment-list').count()).toBe(0);

    const docx = await makeDocx({
      title: 'บันทึกภูมิปัญญาจากแก่เหมือง',
      paragraphs: ['ชาวบ้านปลูกมะแขว่นและตะไคร้หอมไว้ขับไล่ยุงรอบเหมืองฝาย', 'ใช้ผลแห้งตำละเอียดผสมน้ำมันแล้วทาผิวก่อนลงลอกเหมือง'],
    });
    await input.setInputFiles({ name: FILE, mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: docx });
    await page.getByTestId('attachment-caption').fill('บันทึกจากเวทีแก่เหมือง');
    await page.getByTestId('attachment-upload').click();
    const list = files.getByTestId('attachment-list');
    await list.getByText(FILE).waitFor();
    await list.getByText('ค้นหาข้อความในไฟล์ได้').waitFor();
    expect(await page.getByTestId('attachment-error').count()).toBe(0);
    await page.waitForTimeout(300);
    await screenshot(page, 'knowledge-item-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('finds the item by a Thai word that is only inside the attachment, in the library and in the header search', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/t/chomphu/knowledge`);
    await page.getByTestId('list-total').waitFor();
    await page.getByTestId('list-search').fill(WORD);
    const card = page.getByTestId('knowledge-card').filter({ hasText: TITLE });
    await card.waitFor();
    // the highlighted snippet comes from the file, with the word marked (rendered as text, not injected HTML)
    await expect.poll(() => card.locator('mark').first().textContent()).toContain(WORD);
    expect(await card.textContent()).toContain(`พบในไฟล์แนบ: ${FILE}`);
    await page.waitForTimeout(300);
    await screenshot(page, 'knowledge-search-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.keyboard.press('Control+K');
    await page.getByTestId('global-search-input').fill(WORD);
    const hit = page.getByTestId('global-search-hit').filter({ hasText: TITLE });
    await hit.waitFor();
    await screenshot(page, 'global-search-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await page.waitForURL(itemUrl);
  });

  it('edits (a new version), refuses to overwrite a newer version, shows the history with a diff and restores', async () => {
    const page = await ctx.newPage();
    await page.goto(itemUrl);
    await page.getByTestId('knowledge-edit').click();
    await page.waitForURL(/\/edit$/);
    await page.getByTestId('knowledge-body-input').fill('## วิธีทำ\n\nนำใบพืชมาตำ **ผสมน้ำมันมะพร้าว** แล้วทาผิวบาง ๆ\n\n- ใช้ก่อนลงเหมือง\n- ทาซ้ำทุกสามชั่วโมง');
    await page.getByTestId('knowledge-note').fill('ปรับวิธีใช้ตามคำแนะนำ รพ.สต.');
    await page.getByTestId('knowledge-submit').click();
    await page.waitForURL(itemUrl);
    await page.getByText('ฉบับที่ 2').first().waitFor();

    // someone else saves version 3 while this editor still holds version 2
    await page.getByTestId('knowledge-edit').click();
    await page.waitForURL(/\/edit$/);
    await page.getByTestId('knowledge-title').waitFor();
    const id = itemUrl.split('/').pop();
    const status = await page.evaluate(async (itemId) => {
      const r = await fetch(`/api/v1/t/chomphu/knowledge/${itemId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ summary: 'ชาวบ้านริมลำเหมืองใช้พืชพื้นบ้านกันยุง (แก้โดยผู้ใช้อื่น)', baseVersion: 2 }),
      });
      return r.status;
    }, id);
    expect(status).toBe(200);
    await page.getByTestId('knowledge-summary').fill('สรุปของฉัน');
    await page.getByTestId('knowledge-submit').click();
    const conflict = page.getByTestId('knowledge-conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('ฉบับที่ 3');
    expect(page.url()).toMatch(/\/edit$/);
    await screenshot(page, 'knowledge-conflict-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('conflict-reload').click();
    await expect.poll(() => page.getByTestId('knowledge-summary').inputValue()).toContain('แก้โดยผู้ใช้อื่น');

    // the history: three versions, the diff of the last two, one version opened, version 1 restored as version 4
    await page.goto(itemUrl);
    await page.getByTestId('knowledge-history').click();
    await page.waitForURL(/\/history/);
    await expect.poll(() => page.getByTestId('version-row').count()).toBe(3);
    const diff = page.getByTestId('version-diff');
    await diff.waitFor();
    expect(await diff.textContent()).toContain('แก้โดยผู้ใช้อื่น');
    await page.getByTestId('diff-from').click();
    await page.getByRole('option', { name: 'ฉบับที่ 1', exact: true }).click();
    await expect.poll(() => page.getByTestId('diff-body').locator('[data-op="changed"], [data-op="added"]').count()).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await screenshot(page, 'knowledge-history-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByTestId('version-view').last().click();
    await page.getByTestId('version-body').locator('li', { hasText: 'ทาซ้ำทุกสองชั่วโมง' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('version-body').waitFor({ state: 'detached' });

    await page.getByTestId('version-restore').last().click();
    await page.getByTestId('confirm-restore').click();
    await expect.poll(() => page.getByTestId('version-row').count()).toBe(4);
    await page.getByText('กู้คืนจากฉบับที่ 1').first().waitFor();
  });

  it('records a forum whose participant rows are added and removed, shows it, and deletes it', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/t/chomphu/forums/new`);
    await page.getByTestId('forum-title').fill(FORUM);
    await page.getByTestId('forum-held-on').fill('15/01/2569');
    await page.getByTestId('forum-held-on').press('Tab');
    await page.getByTestId('forum-add-participant').click();
    await page.getByTestId('forum-add-participant').click();
    await expect.poll(() => page.getByTestId('forum-participant').count()).toBe(2);

    const first = page.getByTestId('forum-participant').first();
    await first.getByRole('combobox', { name: 'ผู้เข้าร่วมรายที่ 1', exact: true }).click();
    await first.getByRole('combobox', { name: 'ผู้เข้าร่วมรายที่ 1', exact: true }).fill('เหมืองฝายพญาคำ');
    await page.getByRole('option', { name: NETWORK, exact: true }).click();

    await first.getByRole('textbox', { name: 'จำนวนคน', exact: true }).fill('12');
    await page.getByTestId('forum-participant').nth(1).getByRole('textbox', { name: 'จำนวนคน', exact: true }).fill('5');
    // a row without a network or partner chosen does not count towards the total
    await page.getByText('รวม 12 คน').waitFor();

    // the second row goes; the first keeps its network and head count
    await page.getByRole('button', { name: 'ลบผู้เข้าร่วมรายที่ 2' }).click();
    await expect.poll(() => page.getByTestId('forum-participant').count()).toBe(1);
    expect(await first.getByRole('textbox', { name: 'จำนวนคน', exact: true }).inputValue()).toBe('12');

    expect(await first.getByRole('combobox', { name: 'ผู้เข้าร่วมรายที่ 1', exact: true }).inputValue()).toBe(NETWORK);

    await page.getByTestId('forum-submit').click();
    await page.waitForURL(/\/t\/chomphu\/forums\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: FORUM }).waitFor();
    await page.getByTestId('forum-participants').getByText(NETWORK).first().waitFor();

    await page.getByRole('button', { name: 'ลบ', exact: true }).click();
    await page.getByTestId('confirm-action').click();
    await page.waitForURL(/\/t\/chomphu\/forums$/);
    await page.getByText('ลบเวทีแล้ว').waitFor();
  });
});

describe('phone: 390×844', () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch(PHONE);
    await logIn(await ctx.newPage());
  });
  afterAll(() => ctx?.close());

  it('library, item, history, forums and metrics fit the screen; the header search works', async () => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}/t/chomphu/knowledge?q=${encodeURIComponent(WORD)}`);
    await page.getByTestId('knowledge-card').first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'knowledge-search-phone-th');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(itemUrl);
    await page.getByTestId('attachments').waitFor();
    await page.waitForTimeout(300);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'knowledge-item-phone-th');

    await page.goto(`${itemUrl}/history`);
    await page.getByTestId('version-diff').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'knowledge-history-phone-th');

    await page.goto(`${server.url}/t/chomphu/forums`);
    await page.getByTestId('list-total').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('forums-list').getByRole('link').first().click();
    await page.waitForURL(/\/forums\/[0-9a-f-]{36}$/);
    await page.getByTestId('attachments').waitFor();
    await page.waitForTimeout(300);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'forum-detail-phone-th');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto(`${server.url}/t/chomphu/knowledge/metrics`);
    await page.getByTestId('metrics-items').waitFor();
    await page.waitForTimeout(500);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'knowledge-metrics-phone-th');

    await page.getByTestId('global-search-open').click();
    await page.getByTestId('global-search-input').fill('ฝายพญาคำ');
    await page.getByTestId('global-search-hit').first().waitFor();
    expect(await page.locator('[data-testid="global-search-results"] [data-kind="network"]').count()).toBe(1);
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'global-search-phone-th');
  });
});
