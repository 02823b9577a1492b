import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import {
  ADMIN,
  apiCall,
  apiLogin as loginThroughApi,
  changeFirstPassword,
  DESKTOP,
  hasHorizontalScroll,
  launch,
  PHONE,
  screenshot,
  seriousA11yViolations,
  startServer,
} from './support';

/**
 * Community regulations and water management in Chromium on the demo data: read the water regulation and its
 * amendment, see the canal diagram, generate and publish a rota, and a water user's "my next turn" on a phone.
 */

let server: Awaited<ReturnType<typeof startServer>>;
let ctx: BrowserContext;
let page: Page;
const MEMBER_EMAIL = 'e2e-water-member@example.org';
const FIRST_PASSWORD = 'First-Password-2569';
const PASSWORD = 'Water-Member-Password-2569';
let memberGroup = '';
let memberName = '';

const apiLogin = (email: string, password: string) => loginThroughApi(server.url, email, password);
const call = <T>(cookie: string, method: string, path: string, body?: unknown) => apiCall<T>(server.url, cookie, method, path, body);

/** yyyy-mm-dd (Thai time) `days` from today, as the API takes dates. */
const iso = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
/** dd/mm/yyyy (B.E.) `days` from today, as people type dates. */
const typed = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear() + 543}`;
};

beforeAll(async () => {
  server = await startServer();
  // an account for a member of a downstream water-user group, linked to the registry person
  const admin = await apiLogin(ADMIN.email, ADMIN.password);
  const groups = await call<{ id: string; name: string; zone: string }[]>(admin, 'GET', '/water/groups');
  const down = groups.find((g) => g.zone === 'downstream')!;
  const detail = await call<{ members: { partyId: string; name: string; role: string }[] }>(admin, 'GET', `/water/groups/${down.id}`);
  const person = detail.members.find((m) => m.role === 'member')!;
  memberGroup = down.name;
  memberName = person.name;
  await call(admin, 'POST', '/users', { email: MEMBER_EMAIL, name: person.name, role: 'member', password: FIRST_PASSWORD, partyId: person.partyId });
  await changeFirstPassword(server.url, MEMBER_EMAIL, FIRST_PASSWORD, PASSWORD);

  ctx = await launch(DESKTOP);
  page = await ctx.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(ADMIN.email);
  await page.getByTestId('login-password').fill(ADMIN.password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/t\/chomphu\/?$/);
}, 240_000);
afterAll(async () => {
  await ctx?.close();
  await server?.stop();
});

describe('regulations and water', () => {
  it('reads the water regulation in force, its fine schedule and the clause-by-clause amendment', async () => {
    await page.goto(`${server.url}/t/chomphu/regulations`);
    await page.getByTestId('regulations-list').getByRole('link', { name: 'กฎระเบียบการบริหารน้ำตำบลชมภู' }).first().click();
    const reader = page.getByTestId('regulation-reader');
    await reader.getByText('ฉบับที่ 2').first().waitFor();
    await reader.getByText('ข้อ 10/1').first().waitFor();
    expect(await reader.getByTestId('in-force-badge').count()).toBe(1);
    // a fine links to the clause it enforces
    const fines = page.getByTestId('fine-schedule');
    expect(await fines.getByRole('link', { name: 'ข้อ 10/1' }).getAttribute('href')).toBe('#clause-10-1');
    // the amendment, clause by clause: 10/1 added, 8 reworded, 16 moved
    const diff = page.getByTestId('regulation-diff');
    await diff.getByTestId('diff-added').first().waitFor();
    expect(await diff.getByTestId('diff-added').count()).toBe(1);
    expect(await diff.getByTestId('diff-changed').count()).toBe(2);
    expect(await diff.getByTestId('diff-moved').count()).toBe(1);
    // the history says who adopted each version
    const history = page.getByTestId('regulation-versions');
    await history
      .getByText(/มติคณะกรรมการ/)
      .first()
      .waitFor();
    await history
      .getByText(/มติประชาคม/)
      .first()
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'regulation');
  });

  it('draws the canal system as a diagram with side canals, gates and a legend', async () => {
    await page.goto(`${server.url}/t/chomphu/water`);
    const diagram = page.getByTestId('canal-diagram');
    await diagram.waitFor();
    expect(await diagram.getByTestId('diagram-side-canal').count()).toBe(9);
    expect(await diagram.getByTestId('diagram-gate').count()).toBe(10);
    for (const z of ['ต้นน้ำ', 'กลางน้ำ', 'ปลายน้ำ']) await diagram.getByText(z, { exact: true }).waitFor();
    await diagram.getByText('ฝายพญาคำ', { exact: true }).waitFor();
    await page.getByTestId('diagram-legend').getByText('ชำรุด').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'water-diagram');
  });

  it('generates a rota for the weir, downstream first, and publishes it', async () => {
    await page.goto(`${server.url}/t/chomphu/water`);
    await page.getByRole('tab', { name: 'รอบเวร' }).click();
    await page.getByTestId('water-rotas').waitFor();
    await page.getByTestId('rota-generate').click();
    await page.getByTestId('rota-source').click();
    await page.getByRole('option', { name: 'ฝายพญาคำ (ฝาย)' }).click();
    await page.getByTestId('rota-season').fill('ฤดูนาปี ทดสอบ');
    await page.getByTestId('rota-starts').fill(typed(200));
    await page.keyboard.press('Tab');
    await page.getByTestId('rota-ends').fill(typed(229));
    await page.keyboard.press('Tab');
    await page.getByTestId('rota-submit').click();
    await page.waitForURL(/\/water\/rota\//);
    const shares = page.getByTestId('rota-shares');
    await shares.waitFor();
    expect(await shares.locator('tbody tr').count()).toBe(9);
    // the first turn goes downstream
    const firstTurn = page.getByTestId('rota-turns').locator('tbody tr').first();
    await firstTurn.getByText('ปลายน้ำ').waitFor();
    expect(await page.getByTestId('rota-status').textContent()).toBe('ร่าง');
    await page.getByTestId('rota-publish').click();
    await page.getByTestId('rota-status').getByText('ประกาศแล้ว').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'water-rota');
  });

  it('records an incident, fines it by the regulation in force, and the paid fine shows in the ledger', async () => {
    await page.goto(`${server.url}/t/chomphu/water`);
    await page.getByRole('tab', { name: 'เหตุการณ์และค่าปรับ' }).click();
    await page.getByTestId('water-incidents').waitFor();
    await page.getByTestId('incident-new').click();
    await page.getByTestId('incident-date').fill(typed(-1));
    await page.keyboard.press('Tab');
    await page.getByTestId('incident-kind').click();
    await page.getByRole('option', { name: 'เอาน้ำนอกรอบเวร' }).click();
    await page.getByTestId('incident-place').fill('ประตูน้ำปากเหมืองซอยบ้านดอนชัย (ทดสอบ)');
    await page.getByTestId('incident-description').fill('ทดสอบอัตโนมัติ: เปิดประตูน้ำเข้านานอกรอบเวร');
    await page.getByTestId('incident-submit').click();
    const card = page.getByTestId('incident').filter({ hasText: 'ทดสอบอัตโนมัติ' });
    await card.waitFor();
    await card.getByTestId('fine-levy').click();
    await page.getByTestId('fine-clause').click();
    await page.getByRole('option', { name: /^ข้อ 9 / }).click();
    await page.getByTestId('fine-party').fill('บุญทา');
    await page.getByRole('option', { name: /บุญทา/ }).first().click();
    await page.getByTestId('fine-submit').click();
    // version 2 is in force: 500 baht for clause 9
    await card.getByTestId('incident-fine').getByText('500.00 บาท').waitFor();
    await card.getByTestId('fine-pay').click();
    await page.getByTestId('fine-paid-on').fill(typed(0));
    await page.keyboard.press('Tab');
    await page.getByTestId('fine-fund').click();
    await page.getByRole('option', { name: /กองทุนเหมืองฝายพญาคำ/ }).click();
    await page.getByTestId('fine-pay-submit').click();
    await card.getByRole('link', { name: /ชำระแล้ว/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'water-incidents');
    await card.getByRole('link', { name: /ชำระแล้ว/ }).click();
    await page.waitForURL(/\/budget\/ledger\//);
    await page
      .getByText(/ค่าปรับตามกฎระเบียบ ข้อ 9/)
      .first()
      .waitFor();
    await screenshot(page, 'water-fine-ledger');
  });

  it('drafts an amendment as text: a new clause and its fine', async () => {
    await page.goto(`${server.url}/t/chomphu/regulations`);
    await page.getByTestId('regulations-list').getByRole('link', { name: 'กฎระเบียบการบริหารน้ำตำบลชมภู' }).first().click();
    await page.getByTestId('regulation-reader').waitFor();
    await page.getByTestId('draft-from-version').click();
    await page.getByTestId('regulation-reader').getByText('ร่าง', { exact: true }).first().waitFor();
    await page.getByTestId('draft-edit').click();
    const text = page.getByTestId('draft-text');
    await text.fill(`${await text.inputValue()}\nข้อ 17 ห้ามเลี้ยงเป็ดในลำเหมืองหลวง\nในฤดูแล้ง`);
    const fines = page.getByTestId('draft-fines');
    await fines.fill(`${await fines.inputValue()}\nข้อ 17 | เลี้ยงเป็ดในลำเหมืองหลวง | 200`);
    await page.getByTestId('draft-save').click();
    const reader = page.getByTestId('regulation-reader');
    await reader.getByText('ห้ามเลี้ยงเป็ดในลำเหมืองหลวง ในฤดูแล้ง').waitFor();
    await page.getByTestId('fine-schedule').getByRole('link', { name: 'ข้อ 17' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'regulation-draft');
  });

  it('adopts a new draft of the regulation by a committee resolution; it is in force from the meeting', async () => {
    const admin = await apiLogin(ADMIN.email, ADMIN.password);
    const [reg] = await call<{ id: string }[]>(admin, 'GET', '/regulations');
    const detail = await call<{ versions: { id: string; inForce: boolean }[] }>(admin, 'GET', `/regulations/${reg.id}`);
    const draft = await call<{ number: number }>(admin, 'POST', `/regulations/${reg.id}/versions`, {
      fromVersionId: detail.versions.find((v) => v.inForce)!.id,
    });
    const committees = await call<{ items: { id: string }[] }>(admin, 'GET', '/committees');
    const committee = await call<{ meetings: { id: string; minutesStatus: string }[] }>(admin, 'GET', `/committees/${committees.items[0].id}`);
    const held = committee.meetings.find((m) => m.minutesStatus === 'draft')!;
    await page.goto(`${server.url}/t/chomphu/meetings/${held.id}`);
    await page.getByTestId('resolution-new').click();
    await page.getByTestId('resolution-text').fill('ทดสอบอัตโนมัติ: เห็นชอบกฎระเบียบการบริหารน้ำ ฉบับแก้ไขล่าสุด');
    await page.getByTestId('resolution-action').click();
    await page.getByRole('option', { name: 'เห็นชอบกฎระเบียบชุมชน (ร่างฉบับ)' }).click();
    await page.getByTestId('resolution-regulation').click();
    await page.getByRole('option', { name: 'กฎระเบียบการบริหารน้ำตำบลชมภู' }).click();
    await page.getByTestId('resolution-regulation-version').click();
    await page.getByRole('option', { name: new RegExp(`ร่างฉบับที่ ${draft.number}`) }).click();
    await page.getByTestId('resolution-save').click();
    const card = page.getByTestId('resolution').filter({ hasText: 'ทดสอบอัตโนมัติ: เห็นชอบกฎระเบียบ' });
    await card.getByText(`เห็นชอบกฎระเบียบ: กฎระเบียบการบริหารน้ำตำบลชมภู (ฉบับที่ ${draft.number})`).waitFor();
    await page.goto(`${server.url}/t/chomphu/regulations/${reg.id}`);
    const history = page.getByTestId('regulation-versions');
    await history.getByText(`ฉบับที่ ${draft.number}`).waitFor();
    const reader = page.getByTestId('regulation-reader');
    await reader.getByText(`ฉบับที่ ${draft.number}`).first().waitFor();
    expect(await reader.getByTestId('in-force-badge').count()).toBe(1);
    await screenshot(page, 'regulation-adopted-by-resolution');
  });

  it('publishes the adopted regulation on the public page, readable on a phone without login', async () => {
    const anon = await launch(PHONE);
    try {
      const p = await anon.newPage();
      await p.goto(`${server.url}/p/chomphu/regulations`);
      const first = p.getByTestId('public-regulation').first();
      await first.getByText('ใช้บังคับอยู่').waitFor();
      await first.getByText('บัญชีอัตราค่าปรับท้ายระเบียบ', { exact: true }).waitFor();
      expect(await p.getByTestId('public-regulation').count()).toBeGreaterThanOrEqual(2);
      expect(await hasHorizontalScroll(p)).toBe(false);
      expect(await seriousA11yViolations(p)).toEqual([]);
      await p.screenshot({ path: 'test-output/screenshots/regulation-public-phone.png' });
    } finally {
      await anon.close();
    }
  });

  it('shows a water user the next turn on a phone', async () => {
    const phone = await launch(PHONE);
    try {
      const p = await phone.newPage();
      await p.goto(`${server.url}/login?tenant=chomphu`);
      await p.getByTestId('login-email').fill(MEMBER_EMAIL);
      await p.getByTestId('login-password').fill(PASSWORD);
      await p.getByTestId('login-submit').click();
      await p.waitForURL(/\/t\/chomphu\/?$/);
      await p.goto(`${server.url}/t/chomphu/water`);
      const card = p.getByTestId('my-next-turn');
      await card.waitFor();
      await card.getByText(memberGroup, { exact: false }).first().waitFor();
      await card.getByText(/รอบเวรถัดไป|กำลังได้รับน้ำ/).waitFor();
      // the diagram scrolls inside its own box; the page never scrolls sideways
      await p.getByTestId('canal-diagram').waitFor();
      expect(await hasHorizontalScroll(p)).toBe(false);
      expect(await seriousA11yViolations(p)).toEqual([]);
      await screenshot(p, 'water-phone');
      await p.screenshot({ path: 'test-output/screenshots/water-phone-top.png' }); // what the member sees first
    } finally {
      await phone.close();
    }
  });

  it('collects comments on a draft by clause: an officer answers, a citizen comments on a phone without login', async () => {
    // its own draft and comment period, and a member's and a citizen's comment on clause 11, made through the API
    const admin = await apiLogin(ADMIN.email, ADMIN.password);
    const [reg] = await call<{ id: string }[]>(admin, 'GET', '/regulations');
    const detail = await call<{ versions: { id: string; inForce: boolean }[] }>(admin, 'GET', `/regulations/${reg.id}`);
    const draft = await call<{ id: string; number: number }>(admin, 'POST', `/regulations/${reg.id}/versions`, {
      fromVersionId: detail.versions.find((v) => v.inForce)!.id,
    });
    const note = `ทดสอบอัตโนมัติ: ติดประกาศร่างฉบับที่ ${draft.number} ที่ศาลาหมู่บ้านดอนชัย`;
    const period = await call<{ id: string }>(admin, 'POST', `/regulations/${reg.id}/versions/${draft.id}/comment-periods`, {
      startsOn: iso(0),
      endsOn: iso(14),
      note,
    });
    const member = await apiLogin(MEMBER_EMAIL, PASSWORD);
    await call(member, 'POST', `/regulations/comment-periods/${period.id}/comments`, {
      clauseNumber: '11',
      body: 'ขอให้นับพื้นที่ตามโฉนดล่าสุด',
    });
    const citizen = await fetch(`${server.url}/api/v1/public/chomphu/regulations/comment-periods/${period.id}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ clauseNumber: '11', body: 'ควรปัดเศษพื้นที่ขึ้นเมื่อเกินครึ่ง', name: null }),
    });
    expect(citizen.status).toBe(201);

    await page.goto(`${server.url}/t/chomphu/regulations/${reg.id}`);
    await page.getByTestId(`version-${draft.number}`).click();
    const periods = page.getByTestId('comment-periods');
    await periods.getByText('เปิดรับฟังอยู่').waitFor();
    // each clause of the draft links to its comments
    await page.getByTestId('clause-comment-link').first().waitFor();
    await periods.getByTestId('comment-period-link').click();
    await page.getByTestId('comment-reader').waitFor();
    const clause11 = page.getByTestId('comment-clause-11');
    await clause11.getByText(memberName).waitFor();
    await clause11.getByText('ไม่ระบุชื่อ').waitFor();
    // answer the citizen's comment on clause 11
    const open = clause11.getByTestId('comment').filter({ hasText: 'ควรปัดเศษพื้นที่ขึ้นเมื่อเกินครึ่ง' });
    await open.getByText('ยังไม่ตอบ').waitFor();
    await open.getByTestId('comment-answer').click();
    await open.getByTestId('comment-reply-text').fill('รับไปพิจารณาปัดเศษเมื่อเกินครึ่งของห้าไร่ในที่ประชุมลูกฝาย');
    await open.getByTestId('comment-reply-submit').click();
    await clause11.getByText('รับไปพิจารณาปัดเศษเมื่อเกินครึ่งของห้าไร่ในที่ประชุมลูกฝาย', { exact: false }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'regulation-comments');

    const anon = await launch(PHONE);
    try {
      const p = await anon.newPage();
      await p.goto(`${server.url}/p/chomphu/regulations/comments`);
      const ours = p.getByTestId('public-comment-period').filter({ hasText: note });
      await ours.waitFor();
      const c = ours.getByTestId('public-clause-11');
      // the two comments made above are counted, nobody's words or names are shown
      await c.getByText('มีผู้แสดงความคิดเห็น 2 รายการ').waitFor();
      await c.getByTestId('public-comment-write').click();
      await c.getByTestId('public-comment-body').fill('ขอให้ติดประกาศรายการวัสดุที่ศาลาหมู่บ้านด้วย');
      await c.getByTestId('public-comment-submit').click();
      await c.getByTestId('public-comment-sent').waitFor();
      await c.getByText('มีผู้แสดงความคิดเห็น 3 รายการ').waitFor();
      expect(await p.getByText(memberName).count()).toBe(0);
      expect(await p.getByText('ควรปัดเศษพื้นที่ขึ้นเมื่อเกินครึ่ง').count()).toBe(0);
      expect(await hasHorizontalScroll(p)).toBe(false);
      expect(await seriousA11yViolations(p)).toEqual([]);
      await screenshot(p, 'regulation-comments-public-phone');
    } finally {
      await anon.close();
    }
  });

  it('shows this year’s repair and dredging with labour and materials, and the duty days owed vs given', async () => {
    await page.goto(`${server.url}/t/chomphu/water`);
    await page.getByTestId('maint-link').click();
    const works = page.getByTestId('maint-work');
    await works.first().waitFor();
    expect(await works.count()).toBe(3);
    const weir = works.filter({ hasText: 'ลงแขกซ่อมหัวฝายพญาคำ' });
    await weir.getByTestId('maint-toggle').click();
    const rows = weir.getByTestId('maint-contributions');
    await rows.getByText('กระสอบทราย 60 ใบ').waitFor();
    await rows
      .getByText(/ชั่วโมงจิตอาสา: ยืนยันแล้ว/)
      .first()
      .waitFor();
    await rows
      .getByText(/บัญชีรายการที่ \d+/)
      .first()
      .waitFor();
    // a contribution can be corrected or removed: the dialog says what happens in the ledger
    await rows
      .getByRole('row', { name: /กระสอบทราย 60 ใบ/ })
      .getByTestId('maint-contribution-edit')
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('บัญชีเดิมจะกลับรายการ แล้วลงรายการใหม่ตามที่แก้ไข').waitFor();
    await dialog.getByTestId('maint-c-value').waitFor();
    await screenshot(page, 'water-maintenance-correct');
    await dialog.getByRole('button', { name: 'ยกเลิก' }).click();
    await dialog.waitFor({ state: 'detached' });
    const duty = page.getByTestId('duty-table');
    await duty.waitFor();
    expect(await duty.locator('tbody tr').count()).toBeGreaterThanOrEqual(6);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'water-maintenance');
  });

  it('resolves an incident with its resolution text and takes a photo with a new report', async () => {
    await page.goto(`${server.url}/t/chomphu/water`);
    await page.getByRole('tab', { name: 'เหตุการณ์และค่าปรับ' }).click();
    const card = page
      .getByTestId('incident')
      .filter({ has: page.getByTestId('incident-resolve') })
      .first();
    await card.getByTestId('incident-resolve').click();
    await page.getByTestId('incident-resolution-text').fill('แก่เหมืองไกล่เกลี่ยแล้ว คู่กรณียอมรับรอบเวรตามประกาศ');
    await page.getByTestId('incident-resolve-submit').click();
    await page.getByText('แก่เหมืองไกล่เกลี่ยแล้ว คู่กรณียอมรับรอบเวรตามประกาศ', { exact: false }).waitFor();

    await page.getByTestId('incident-new').click();
    await page.getByTestId('incident-date').fill(typed(0));
    await page.getByTestId('incident-kind').click();
    await page.getByRole('option', { name: 'กั้นขวางลำเหมือง' }).click();
    await page.getByTestId('incident-place').fill('ปากเหมืองซอยบ้านดอนชัย');
    await page.getByTestId('incident-description').fill('มีไม้ไผ่และกระสอบกั้นลำเหมืองซอย น้ำไม่ไหลลงปลายเหมือง');
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    await page.getByTestId('incident-photos-input').setInputFiles({ name: 'ลำเหมือง.png', mimeType: 'image/png', buffer: png });
    await page.getByTestId('incident-photos-pending').waitFor();
    await page.getByTestId('incident-submit').click();
    const created = page.getByTestId('incident').filter({ hasText: 'ปากเหมืองซอยบ้านดอนชัย' }).first();
    await created.getByRole('img').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'water-incident-photo');
  });

  it('lets a member ask to swap a turn on a phone, and shows the public rota without login', async () => {
    // its own published rota of the weir, so that what earlier tests did to the demo's rotas does not matter
    const admin = await apiLogin(ADMIN.email, ADMIN.password);
    const sources = await call<{ id: string; name: string }[]>(admin, 'GET', '/water/sources');
    const season = 'ฤดูแล้ง ทดสอบแลกรอบเวร';
    const rota = await call<{ id: string }>(admin, 'POST', '/water/rota', {
      sourceId: sources.find((s) => s.name === 'ฝายพญาคำ')!.id,
      season,
      startsOn: iso(240),
      endsOn: iso(254),
      turnHours: 24,
      rule: 'proportional',
      order: 'downstream_first',
    });
    await call(admin, 'POST', `/water/rota/${rota.id}/publish`);
    const phone = await launch(PHONE);
    try {
      const p = await phone.newPage();
      await p.goto(`${server.url}/login?tenant=chomphu`);
      await p.getByTestId('login-email').fill(MEMBER_EMAIL);
      await p.getByTestId('login-password').fill(PASSWORD);
      await p.getByTestId('login-submit').click();
      await p.waitForURL(/\/t\/chomphu\/?$/);
      await p.goto(`${server.url}/t/chomphu/water/rota/${rota.id}`);
      const panel = p.getByTestId('rota-swaps');
      await panel.waitFor();
      const before = await panel.getByTestId('swap').count();
      await panel.getByTestId('swap-turn').click();
      await p.getByRole('option').first().click();
      await panel.getByTestId('swap-with').click();
      await p.getByRole('option').first().click();
      await panel.getByTestId('swap-submit').click();
      await p.waitForFunction((n) => document.querySelectorAll('[data-testid="swap"]').length > n, before);
      await panel.getByText('รอความยินยอม').first().waitFor();
      expect(await hasHorizontalScroll(p)).toBe(false);
      expect(await seriousA11yViolations(p)).toEqual([]);
      await panel.scrollIntoViewIfNeeded();
      await p.screenshot({ path: 'test-output/screenshots/water-swaps-phone.png' });

      await p.goto(`${server.url}/p/chomphu/water/rota`);
      // every published rota, this one among them, with groups but no people
      const published = (await (await fetch(`${server.url}/api/v1/public/chomphu/water/rota`)).json()) as { items: unknown[] };
      await p.getByTestId('public-rota').filter({ hasText: season }).waitFor();
      expect(await p.getByTestId('public-rota').count()).toBe(published.items.length);
      expect(await p.getByText(memberName).count()).toBe(0);
      expect(await hasHorizontalScroll(p)).toBe(false);
      // a long group name (กลุ่มผู้ใช้น้ำเหมืองซอย…) wraps: the turns fit their box at 390 px, nothing is cut off at its edge
      const overflowing = await p
        .getByTestId('public-rota-turns')
        .evaluateAll(
          (tables) => tables.filter((table) => table.getBoundingClientRect().right > table.closest('[tabindex="0"]')!.getBoundingClientRect().right + 1).length,
        );
      expect(overflowing).toBe(0);
      expect(await seriousA11yViolations(p)).toEqual([]);
      await p.screenshot({ path: 'test-output/screenshots/water-public-rota-phone.png' });
      // the maintenance page and the duty table on the same phone
      await p.goto(`${server.url}/t/chomphu/water/maintenance`);
      await p.getByTestId('duty-table').waitFor();
      expect(await hasHorizontalScroll(p)).toBe(false);
      await screenshot(p, 'water-maintenance-phone');
    } finally {
      await phone.close();
    }
  });
});
