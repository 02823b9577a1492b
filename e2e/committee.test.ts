import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { ADMIN, DESKTOP, hasHorizontalScroll, launch, PHONE, SCREENSHOTS, screenshot, seriousA11yViolations, startServer } from './support';

/**
 * The steering committee in Chromium: open the demo Phaya Kham weir committee, schedule a meeting, take
 * attendance on a phone and see the quorum badge turn, pass a resolution adopting a joint plan and see the
 * plan's page name that resolution, assign an action item and find it in the task list, download the
 * invitation (.ics) and the minutes (PDF). Screenshots and accessibility checks of the meeting page.
 */

let server: Awaited<ReturnType<typeof startServer>>;
let desktop: BrowserContext;
let phone: BrowserContext;
let page: Page; // desktop
beforeAll(async () => {
  server = await startServer();
  [desktop, phone] = await Promise.all([launch(DESKTOP), launch(PHONE)]);
  page = await desktop.newPage();
  await logIn(page);
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

/** Types a day of the previous or next month into a B.E. date field (dd/mm/yyyy B.E.), as an officer does. */
async function pickDay(p: Page, testId: string, month: 'ก่อนหน้า' | 'ถัดไป', day: number) {
  const now = new Date();
  const d = new Date(now.getFullYear(), now.getMonth() + (month === 'ถัดไป' ? 1 : -1), day);
  const typed = `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear() + 543}`;
  await p.getByTestId(testId).fill(typed);
  await p.getByTestId(testId).press('Tab');
}

/** The form's dialog closes on success; if it stays, the failure names what the form says. */
async function dialogClosed(p: Page) {
  const dialog = p.getByRole('dialog');
  await dialog.waitFor({ state: 'detached', timeout: 10_000 }).catch(async (e: Error) => {
    throw new Error(`the dialog stayed open: ${await dialog.innerText().catch(() => '')}\n${e.message}`);
  });
}

const COMMITTEE = 'คณะกรรมการขับเคลื่อนการบริหารจัดการน้ำเหมืองฝายพญาคำ';
const PLACE = 'ทดสอบอัตโนมัติ: ศาลาอเนกประสงค์บ้านหัวฝาย';
const AGENDA = 'พิจารณาแผนปฏิบัติการร่วมซ่อมแซมฝายหลังฤดูน้ำหลาก';
const RUN = Date.now().toString(36).slice(-4); // names unique per run
const PLAN = `ทดสอบอัตโนมัติ: แผนร่วมซ่อมแซมฝายพญาคำหลังฤดูน้ำหลาก ${RUN}`;
const RESOLUTION = 'เห็นชอบแผนร่วมซ่อมแซมฝาย และให้ฝ่ายเลขานุการแจ้งองค์กรปกครองส่วนท้องถิ่นในลุ่มน้ำ';
const ACTION = `ทดสอบอัตโนมัติ: แจ้งมติให้เทศบาลเพื่อนบ้านบรรจุในแผนพัฒนาท้องถิ่น ${RUN}`;

let meetingUrl = '';
let meetingNumber = ''; // e.g. ครั้งที่ 7/2569
let planId = '';

/** A fresh joint plan of the water network for the coming fiscal year (the newest, so first in the picker). */
async function createPlan(p: Page): Promise<string> {
  return p.evaluate(async (name) => {
    const nets = (await (await fetch(`/api/v1/t/chomphu/networks?q=${encodeURIComponent('เหมืองฝายพญาคำ')}`)).json()) as { items: { id: string }[] };
    const thisYear = new Date().getFullYear() + 543 + (new Date().getMonth() >= 9 ? 1 : 0);
    const r = await fetch('/api/v1/t/chomphu/plans', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name, fiscalYear: thisYear + 1, networkIds: [nets.items[0].id] }),
    });
    if (!r.ok) throw new Error(`plan: ${r.status} ${await r.text()}`);
    return ((await r.json()) as { id: string }).id;
  }, PLAN);
}

describe('steering committee: meeting → attendance on a phone → resolution adopting a plan → action item → files', () => {
  it('opens the demo committee and schedules a new meeting', async () => {
    await page.goto(`${server.url}/t/chomphu/committees`);
    await page.getByTestId('committees-list').getByRole('link', { name: COMMITTEE }).click();
    await page.getByRole('heading', { level: 1, name: COMMITTEE }).waitFor();
    // years of demo meetings; members in office and one who left
    await page.getByTestId('committee-meetings').getByRole('link').first().waitFor();
    expect(await page.getByTestId('committee-meetings').getByRole('link').count()).toBeGreaterThanOrEqual(10);
    await page.getByTestId('committee-members').getByText('ประธาน', { exact: true }).first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByTestId('meeting-new').click();
    // the place of the last meeting is proposed; a place is required: nothing is sent without it
    expect(await page.getByTestId('meeting-place').inputValue()).not.toBe('');
    await page.getByTestId('meeting-place').fill('');
    await page.getByTestId('meeting-save').click();
    expect(await page.getByTestId('meeting-place').getAttribute('aria-invalid')).toBe('true');
    await page.getByTestId('meeting-place').fill(PLACE);
    // held on the 15th of last month and recorded afterwards (resolutions need a meeting that took place)
    await pickDay(page, 'meeting-date', 'ก่อนหน้า', 15);
    await page.getByTestId('meeting-save').click();
    await page.waitForURL(/\/meetings\/[0-9a-f-]{36}$/);
    meetingUrl = page.url();
    const heading = page.getByRole('heading', { level: 1 });
    await heading.waitFor();
    const title = (await heading.textContent())!;
    expect(title).toMatch(new RegExp(`^การประชุม${COMMITTEE} ครั้งที่ \\d+/25\\d\\d$`));
    meetingNumber = title.slice(`การประชุม${COMMITTEE} `.length);
    await page.getByText(PLACE).first().waitFor();

    // an item under ระเบียบวาระที่ 4 (the default section)
    await page.getByTestId('agenda-title').fill(AGENDA);
    await page.getByTestId('agenda-add').click();
    await page.getByTestId('agenda').getByText(`4.1 ${AGENDA}`).waitFor();
  });

  it('takes attendance on a phone: the quorum badge turns from not met to met', async () => {
    const p = await phone.newPage();
    await logIn(p);
    await p.goto(meetingUrl);
    const badge = p.getByTestId('quorum-badge');
    await badge.waitFor();
    expect(await badge.textContent()).toBe('ไม่ครบองค์ประชุม');
    const quorum = (await p.getByTestId('quorum-text').textContent())!;
    const [, present, inOffice, required] = quorum.match(/มาประชุม (\d+) จาก (\d+) คน \(ต้องมีอย่างน้อย (\d+) คน\)/)!.map(Number);
    expect(present).toBe(0);
    expect(inOffice).toBe(await p.getByTestId('attendance-list').locator(':scope > *').count());
    expect(required).toBeGreaterThan(inOffice / 2);

    // one short of the quorum: still not met after saving
    for (let i = 0; i < required - 1; i++) await p.getByTestId(`attendance-${i}`).getByText('มา', { exact: true }).click();
    await p
      .getByTestId(`attendance-${required - 1}`)
      .getByText('ลา', { exact: true })
      .click();
    await p.getByTestId('attendance-save').click();
    await expect.poll(() => p.getByTestId('quorum-text').textContent()).toContain(`มาประชุม ${required - 1} จาก ${inOffice} คน`);
    expect(await badge.textContent()).toBe('ไม่ครบองค์ประชุม');

    // a substitute comes for the member on leave: the quorum is met
    await p
      .getByTestId(`attendance-${required - 1}`)
      .getByText('ผู้แทน', { exact: true })
      .click();
    await p.getByLabel(/^ชื่อผู้มาประชุมแทน/).fill('นายสมศักดิ์ ผู้แทนกลุ่มผู้ใช้น้ำ');
    await p.getByTestId('attendance-save').click();
    await expect.poll(() => badge.textContent()).toBe('ครบองค์ประชุม');
    expect(await p.getByTestId('quorum-text').textContent()).toContain(`มาประชุม ${required} จาก ${inOffice} คน`);

    await p.waitForTimeout(300);
    expect(await hasHorizontalScroll(p)).toBe(false);
    await screenshot(p, 'meeting-phone-th');
    expect(await seriousA11yViolations(p)).toEqual([]);
    await p.close();
  });

  it('passes a resolution adopting a joint plan; the plan page names the resolution', async () => {
    planId = await createPlan(page);
    await page.goto(meetingUrl);
    await page.getByTestId('quorum-badge').filter({ hasText: 'ครบองค์ประชุม' }).waitFor();
    await page.getByTestId('resolution-new').click();
    await page.getByRole('dialog').getByLabel('ภายใต้เรื่อง').click();
    await page.getByRole('option', { name: `4. ${AGENDA}` }).click();
    await page.getByTestId('resolution-text').fill(RESOLUTION);
    // the votes cannot add up to more than those present (5 of 8 in the attendance above)
    await page.getByTestId('resolution-votesFor').fill('4');
    await page.getByTestId('resolution-votesAgainst').fill('1');
    await page.getByTestId('resolution-action').click();
    await page.getByRole('option', { name: 'เห็นชอบแผนปฏิบัติการร่วม', exact: true }).click();
    await page.getByTestId('resolution-plan').click();
    await page.getByTestId('resolution-plan').fill('ซ่อมแซมฝายพญาคำ');
    await page.getByRole('option', { name: new RegExp(`^${PLAN}`) }).click();
    await page.getByTestId('resolution-save').click();
    await dialogClosed(page);

    const card = page.getByTestId('resolution').filter({ hasText: RESOLUTION });
    await card.waitFor();
    expect(await card.getByTestId('resolution-target').textContent()).toBe(`เห็นชอบแผน: ${PLAN}`);
    expect(await card.textContent()).toContain('ผ่าน');
    expect(await card.textContent()).toContain('เห็นด้วย 4 ไม่เห็นด้วย 1 งดออกเสียง 0');
    const number = (await card.getByText(/^มติที่ \d+$/).textContent())!.replace('มติที่ ', '');

    await page.goto(`${server.url}/t/chomphu/plans/${planId}`);
    await page.getByRole('heading', { level: 1, name: PLAN }).waitFor();
    const adopted = page.getByTestId('adopted-by');
    await expect.poll(() => adopted.textContent()).toBe(`ได้รับความเห็นชอบโดย มติ${COMMITTEE} ${meetingNumber} ข้อ ${number}`);
  });

  it('assigns an action item to a person; it shows under the resolution and in the task list', async () => {
    await page.goto(meetingUrl);
    const card = page.getByTestId('resolution').filter({ hasText: RESOLUTION });
    await card.getByTestId('action-item-new').click();
    await page.getByTestId('action-title').fill(ACTION);
    await page.getByTestId('action-owner').click();
    const owner = page.getByRole('option').first();
    await owner.waitFor();
    const ownerName = (await owner.textContent())!.trim();
    await owner.click();
    // due: the 15th of next month, picked in the B.E. calendar
    await page.getByTestId('action-due').click();
    await page.getByRole('button', { name: 'ถัดไป' }).first().click();
    await page
      .locator('[data-dates-dropdown] button:not([data-outside])', { hasText: /^15$/ })
      .or(page.locator('table button:not([data-outside])', { hasText: /^15$/ }))
      .first()
      .click();
    await page.getByTestId('action-activity').click();
    await page.getByRole('option').first().click();
    await page.getByTestId('action-save').click();
    await dialogClosed(page);
    const item = card.getByTestId('action-item').filter({ hasText: ACTION });
    await item.waitFor();
    expect(await item.textContent()).toContain(ownerName);
    expect(await item.textContent()).toMatch(/กำหนดเสร็จ \d{1,2} [ก-๙.]+ 25\d\d/);

    // the task list: the task is there, assigned to the owner (paging through if needed)
    await page.goto(`${server.url}/t/chomphu/tasks`);
    const list = page.getByTestId('tasks-list');
    await list.waitFor();
    const row = list.locator('tr, [data-testid$="-card"], .mantine-Card-root').filter({ hasText: ACTION });
    for (let i = 0; i < 20 && !(await row.count()); i++) {
      const next = page.getByRole('button', { name: 'หน้าถัดไป', exact: true });
      if (await next.isDisabled()) break;
      await next.click();
      await page.waitForTimeout(200);
    }
    expect(await row.first().textContent()).toContain(ownerName);
  });

  it('downloads the invitation (.ics) and the minutes (PDF)', async () => {
    await page.goto(meetingUrl);
    const ics = page.getByTestId('meeting-ics');
    await ics.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), ics.click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const icsRes = await desktop.request.get(new URL((await ics.getAttribute('href'))!, server.url).toString());
    expect(icsRes.status()).toBe(200);
    expect(icsRes.headers()['content-type']).toMatch(/^text\/calendar/);
    const cal = await icsRes.text();
    expect(cal.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(cal).toContain('BEGIN:VEVENT');
    expect(cal.replace(/\r\n[ \t]/g, '')).toContain(PLACE);

    const pdfHref = (await page.getByTestId('meeting-pdf').getAttribute('href'))!;
    const pdfRes = await desktop.request.get(new URL(pdfHref, server.url).toString());
    expect(pdfRes.status()).toBe(200);
    expect(pdfRes.headers()['content-type']).toMatch(/^application\/pdf/);
    const pdf = await pdfRes.body();
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(5000);
  });

  it('meeting page on a desktop: screenshot and accessibility', async () => {
    await page.goto(meetingUrl);
    await page.getByTestId('resolution').first().waitFor();
    await page.waitForTimeout(300);
    await screenshot(page, 'meeting-desktop-th');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('resolution-new').click();
    await page.getByRole('dialog').waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${SCREENSHOTS}/resolution-form-desktop-th.png` });
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('finds a committee by a word of its name on a phone, and says so when none matches', async () => {
    const context = await launch(PHONE);
    const p = await context.newPage();
    await logIn(p);
    await p.goto(`${server.url}/t/chomphu/committees`);
    const list = p.getByTestId('committees-list');
    await list.getByRole('link').first().waitFor();
    await p.getByTestId('list-search').fill('พญาคำ');
    await expect.poll(() => list.getByRole('link').allTextContents()).toEqual([COMMITTEE]);
    await screenshot(p, 'committees-search-phone-th');
    expect(await hasHorizontalScroll(p)).toBe(false);
    // the search is kept in the address: back from the committee's page, the list is still the searched one
    await p.waitForURL(/\/committees\?q=/);
    await list.getByRole('link', { name: COMMITTEE }).click();
    await p.waitForURL(/\/committees\/[0-9a-f-]{36}$/);
    await p.goBack();
    await expect.poll(() => p.getByTestId('list-search').inputValue()).toBe('พญาคำ');
    await expect.poll(() => list.getByRole('link').allTextContents()).toEqual([COMMITTEE]);
    await p.getByTestId('list-search').fill('ไม่มีคณะกรรมการชื่อนี้');
    await expect.poll(() => list.getByRole('link').count()).toBe(0);
    await p.getByTestId('list-search').fill('');
    await expect.poll(() => list.getByRole('link').allTextContents()).toEqual([COMMITTEE]);
    await context.close();
  });
});
