import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { fiscalYearOf } from '../common/thai/dates';
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
  screenshot,
  seriousA11yViolations,
  startServer,
} from './support';

/**
 * Manpower on a phone (390×844) in Chromium: a member logs volunteer hours, the water network's
 * coordinator confirms them, the member's totals update, and the certificate renders in Thai.
 */

let server: Awaited<ReturnType<typeof startServer>>;
const FIRST_PASSWORD = 'E2e-Volunteer-Password-2569';
const PASSWORD = 'ลูกฝายพญาคำ-Volunteer-2569!';
const MEMBER_EMAIL = 'e2e-member@example.org';
const COORDINATOR_EMAIL = 'e2e-coordinator@example.org';
let member: { id: string; name: string };
let activityName = '';
const fiscalYear = fiscalYearOf(new Date());

const apiLogin = (email: string, password: string) => loginThroughApi(server.url, email, password);
const call = <T>(cookie: string, method: string, path: string, body?: unknown) => apiCall<T>(server.url, cookie, method, path, body);

beforeAll(async () => {
  server = await startServer();
  // accounts for a water-network member and the network's coordinator, linked to their registry persons
  const admin = await apiLogin(ADMIN.email, ADMIN.password);
  const nets = await call<{ items: { id: string; name: string; coordinator: { id: string } | null }[] }>(
    admin,
    'GET',
    `/networks?q=${encodeURIComponent('เหมืองฝายพญาคำ')}`,
  );
  const water = nets.items.find((n) => n.name === 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ')!;
  const members = await call<{ items: { party: { id: string; name: string; kind: string } }[] }>(
    admin,
    'GET',
    `/networks/${water.id}/members?role=member&pageSize=100`,
  );
  member = members.items.map((m) => m.party).find((p) => p.kind === 'person')!;
  await call(admin, 'POST', '/users', { email: MEMBER_EMAIL, name: member.name, role: 'member', password: FIRST_PASSWORD, partyId: member.id });
  await call(admin, 'POST', '/users', {
    email: COORDINATOR_EMAIL,
    name: 'ผู้ประสานงานเหมืองฝาย',
    role: 'coordinator',
    password: FIRST_PASSWORD,
    partyId: water.coordinator!.id,
  });
  await changeFirstPassword(server.url, MEMBER_EMAIL, FIRST_PASSWORD, PASSWORD);
  await changeFirstPassword(server.url, COORDINATOR_EMAIL, FIRST_PASSWORD, PASSWORD);
  const mine = await call<{ activities: { name: string; planName: string }[] }>(await apiLogin(MEMBER_EMAIL, PASSWORD), 'GET', '/me/manpower');
  activityName = mine.activities.find((a) => a.planName.includes('เหมืองฝายพญาคำ'))!.name;
}, 180_000);
afterAll(async () => {
  await server?.stop();
});

async function logIn(page: Page, email: string) {
  await page.goto(`${server.url}/login?tenant=chomphu`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/t\/chomphu\/?$/);
}

const NOTE = 'ทดสอบอัตโนมัติ: ช่วยขนกระสอบทรายหัวฝาย';

describe('phone: a member logs hours, a coordinator confirms, totals update, the certificate prints in Thai', () => {
  let memberCtx: BrowserContext;
  let coordinatorCtx: BrowserContext;
  let confirmedBefore = '';
  beforeAll(async () => {
    memberCtx = await launch(PHONE);
    coordinatorCtx = await launch(PHONE);
    await logIn(await memberCtx.newPage(), MEMBER_EMAIL);
    await logIn(await coordinatorCtx.newPage(), COORDINATOR_EMAIL);
  }, 120_000);
  afterAll(async () => {
    await memberCtx?.close();
    await coordinatorCtx?.close();
  });

  it('the member logs 2.5 hours from the "my" page', async () => {
    const page = await memberCtx.newPage();
    await page.goto(`${server.url}/t/chomphu/my`);
    await page.getByRole('heading', { level: 1, name: 'ของฉัน' }).waitFor();
    confirmedBefore = (await page.getByTestId('my-confirmed').textContent()) ?? '';
    await page.getByTestId('log-activity').click();
    await page.getByRole('option', { name: activityName }).first().click();
    await page.getByTestId('log-hours').fill('2.5');
    await page.getByLabel('ทำอะไรบ้าง (ไม่บังคับ)').fill(NOTE);
    await page.getByTestId('log-submit').click();
    await page.getByText('บันทึกแล้ว รอผู้ประสานงานยืนยัน').waitFor();
    const mine = page.getByTestId('my-hour').filter({ hasText: activityName }).first();
    await mine.getByText('รอยืนยัน').waitFor();
    await mine.getByText('2 ชั่วโมง 30 นาที').waitFor();
    await page.mouse.move(0, 0); // no hover colour on the submit button (phones have no hover)
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'manpower-my-page-phone-th');
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 60_000);

  it('the water coordinator confirms it from the queue', async () => {
    const page = await coordinatorCtx.newPage();
    await page.goto(`${server.url}/t/chomphu/volunteer-hours`);
    const queue = page.getByTestId('hours-queue');
    const card = queue.locator('li').filter({ hasText: member.name }).filter({ hasText: NOTE });
    await card.waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'manpower-confirm-queue-phone-th');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await card.getByTestId('confirm-hours').click();
    await page.getByText(`ยืนยันชั่วโมงของ ${member.name} แล้ว`).waitFor();
    await card.waitFor({ state: 'detached' });
    // totals by person for this fiscal year include the member
    await page.getByTestId('tab-totals').click();
    await page.getByTestId('totals-table').getByText(member.name).first().waitFor();
    await screenshot(page, 'manpower-totals-phone-th');
  }, 60_000);

  it("the member's confirmed total grows by 2 h 30 min and the certificate renders in Thai", async () => {
    const page = await memberCtx.newPage();
    await page.goto(`${server.url}/t/chomphu/my`);
    const mine = page.getByTestId('my-hour').filter({ hasText: activityName }).first();
    await mine.getByText('ยืนยันแล้ว').waitFor();
    const after = (await page.getByTestId('my-confirmed').textContent()) ?? '';
    const minutes = (s: string) => {
      const h = /([\d,]+) ชั่วโมง/.exec(s);
      const m = /(\d+) นาที/.exec(s);
      return (h ? Number(h[1].replace(/,/g, '')) * 60 : 0) + (m ? Number(m[1]) : 0);
    };
    expect(minutes(after) - minutes(confirmedBefore)).toBe(150);

    await page.goto(`${server.url}/print/chomphu/certificate?personId=${member.id}&fiscalYear=${fiscalYear}`);
    const cert = page.getByTestId('certificate');
    await cert.getByRole('heading', { name: 'เกียรติบัตร' }).waitFor();
    expect(await page.getByTestId('cert-name').textContent()).toBe(member.name);
    const text = (await cert.textContent()) ?? '';
    expect(text).toContain(`ปีงบประมาณ พ.ศ. ${fiscalYear}`);
    expect(text).toContain(activityName);
    expect(text).toMatch(/ให้ไว้ ณ วันที่ \d{1,2} [ก-๙]+ 25\d\d/); // B.E. date, Thai month
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'manpower-certificate-phone-th');
    expect(await seriousA11yViolations(page)).toEqual([]);
  }, 60_000);
});

describe('desktop: teams across networks, tasks with "who can help?", skills on the person page', () => {
  it("shows a team with its members networks and pillars, suggests helpers for a task, and a person's skills", async () => {
    const ctx = await launch(DESKTOP);
    try {
      const page = await ctx.newPage();
      await page.goto(`${server.url}/login`);
      await page.getByTestId('login-email').fill(ADMIN.email);
      await page.getByTestId('login-password').fill(ADMIN.password);
      await page.getByTestId('login-submit').click();
      await page.waitForURL(/\/t\/chomphu\/?$/);
      await page.goto(`${server.url}/t/chomphu/teams`);
      const teams = page.getByTestId('teams-list');
      const team = 'ทีมจิตอาสาดูแลฝายและผู้สูงอายุริมเหมือง';
      await teams.getByRole('link').first().waitFor();
      // the search is kept in the address: the back button brings the searched list back
      await page.getByTestId('list-search').fill('ริมเหมือง');
      await page.waitForURL(/\/teams\?q=/);
      await expect.poll(() => teams.getByRole('link').allTextContents()).toEqual([team]);
      await teams.getByRole('link', { name: team }).click();
      await page.waitForURL(/\/teams\/[0-9a-f-]{36}$/);
      const members = page.getByTestId('team-members-list');
      await members.getByText('เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', { exact: false }).first().waitFor();
      await members.getByText('เครือข่ายฟื้นฟูสมรรถภาพผู้สูงอายุ', { exact: false }).first().waitFor();
      await screenshot(page, 'manpower-team-desktop-th');
      expect(await seriousA11yViolations(page)).toEqual([]);
      await page.goBack();
      await expect.poll(() => page.getByTestId('list-search').inputValue()).toBe('ริมเหมือง');
      await expect.poll(() => teams.getByRole('link').allTextContents()).toEqual([team]);

      await page.goto(`${server.url}/t/chomphu/tasks`);
      await page.getByTestId('tasks-list').getByTestId('who-can-help').first().click();
      const helpers = page.getByTestId('helpers');
      await helpers.getByRole('button', { name: 'มอบหมาย' }).first().waitFor();
      await screenshot(page, 'manpower-who-can-help-desktop-th');
      expect(await seriousA11yViolations(page)).toEqual([]);

      await page.goto(`${server.url}/t/chomphu/partners/${member.id}`);
      await page.getByTestId('person-skills').getByText('หมู่บ้าน').waitFor();
      await screenshot(page, 'manpower-person-skills-desktop-th');
    } finally {
      await ctx.close();
    }
  }, 90_000);
});

describe('desktop: certificate print layout and the public list without login', () => {
  it('renders the certificate on a wide screen and the consent-only public list', async () => {
    const ctx = await launch(DESKTOP);
    try {
      const page = await ctx.newPage();
      await logIn(page, MEMBER_EMAIL);
      await page.goto(`${server.url}/print/chomphu/certificate?personId=${member.id}&fiscalYear=${fiscalYear}`);
      await page.getByTestId('certificate').waitFor();
      await screenshot(page, 'manpower-certificate-desktop-th');
    } finally {
      await ctx.close();
    }
    const anon = await launch(PHONE);
    try {
      const page = await anon.newPage();
      await page.goto(`${server.url}/public/chomphu/volunteers?fiscalYear=${DEMO_FY - 1}`);
      await page.getByRole('heading', { level: 1, name: 'ทำเนียบคนจิตอาสา' }).waitFor();
      const rows = page.getByTestId('public-list').locator('tbody tr');
      expect(await rows.count()).toBeGreaterThan(3);
      expect(await hasHorizontalScroll(page)).toBe(false);
      await screenshot(page, 'manpower-public-list-phone-th');
      expect(await seriousA11yViolations(page)).toEqual([]);
    } finally {
      await anon.close();
    }
  }, 90_000);
});
