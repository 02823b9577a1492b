import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { satangToDecimalString } from '../common/thai/money';
import { ADMIN, apiLogin, changeFirstPassword, DESKTOP, hasHorizontalScroll, launch, PHONE, screenshot, seriousA11yViolations, startServer } from './support';

/**
 * Local development plans in Chromium on the demo data, as an officer: on a phone, integrate a joint project into a
 * neighbour's plan with its share (the server refuses shares that do not add up, and the form says why), move it on
 * into an edition and the annual budget, and download that neighbour's ผ.02; on a desktop, create a plan and record its
 * first edition; and Tha Kwang, a tenant itself, sees what Chomphu assigned to it in its own space.
 */

const OFFICER = { email: 'e2e-lplan-officer@example.org', name: 'นางสาวสุดา วางแผน' };
const FIRST = 'First-Password-2569';
const PASSWORD = 'Lplan-Officer-Password-2569';

let server: Awaited<ReturnType<typeof startServer>>;
let phone: BrowserContext;
let desktop: BrowserContext;

interface Summary {
  id: string;
  localGovernment: { partyId: string | null; name: string };
  startYear: number;
  endYear: number;
}
interface Assignment {
  localPlanId: string;
  status: string;
  shares: { year: number; budgetSatang: number }[];
}
interface Board {
  projects: { id: string; name: string; budgetSatang: number; assignments: Assignment[] }[];
}

async function call<T>(cookie: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${server.url}/api/v1/t/chomphu${path}`, {
    method: init.method ?? 'GET',
    headers: { cookie, origin: server.url, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function logIn(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/t\/chomphu\/?$/);
}

beforeAll(async () => {
  server = await startServer();
  const admin = await apiLogin(server.url, ADMIN.email, ADMIN.password);
  await call(admin, '/users', { method: 'POST', body: { ...OFFICER, role: 'officer', password: FIRST } });
  await changeFirstPassword(server.url, OFFICER.email, FIRST, PASSWORD);
  [phone, desktop] = await Promise.all([launch(PHONE), launch(DESKTOP)]);
}, 240_000);
afterAll(async () => {
  await phone?.close();
  await desktop?.close();
  await server?.stop();
});

describe('local development plans', () => {
  it("integrates a joint project into a neighbour's plan with shares on a phone, moves it on and downloads its ผ.02", async () => {
    const cookie = await apiLogin(server.url, OFFICER.email, PASSWORD);
    const plans = await call<Summary[]>(cookie, '/local-plans');
    const own = plans.find((p) => p.localGovernment.partyId === null)!;
    const yangNoeng = plans.find((p) => p.localGovernment.name.includes('ยางเนิ้ง'))!;
    const detail = await call<{ projects: { jointPlan: { id: string; name: string; fiscalYear: number } }[] }>(cookie, `/local-plans/${own.id}`);
    const joint = detail.projects[0].jointPlan;
    const board = await call<Board>(cookie, `/local-plans/board?planId=${joint.id}`);
    // a project Chomphu alone carries, still proposed, with a share of its own in the joint plan's year
    const project = board.projects.find(
      (p) => p.assignments.length === 1 && p.assignments[0].status === 'proposed' && p.assignments[0].shares.some((s) => s.budgetSatang >= 2_000_00),
    )!;
    expect(project).toBeTruthy();
    const ownShare = project.assignments[0].shares.find((s) => s.budgetSatang >= 2_000_00)!;

    const page = await phone.newPage();
    await logIn(page, OFFICER.email, PASSWORD);
    await page.goto(`${server.url}/t/chomphu/local-plans`);
    await page.getByTestId('local-plans-list').getByText('เทศบาลตำบลยางเนิ้ง').first().waitFor();
    await page.getByTestId('board-plan').click();
    await page.getByRole('option', { name: `${joint.name} (${joint.fiscalYear})`, exact: true }).click();
    const card = page.getByTestId('board-card').filter({ hasText: project.name });
    await card.getByTestId('board-assign').click();

    const form = page.getByTestId('assignment-form');
    await form.getByTestId('assignment-row-0').waitFor();
    await form.getByTestId('assignment-add').click();
    const row = form.getByTestId('assignment-row-1');
    await row.getByTestId('assignment-plan').click();
    await page.getByRole('option', { name: `เทศบาลตำบลยางเนิ้ง · ${yangNoeng.startYear}–${yangNoeng.endYear}` }).click();
    await row.getByTestId('assignment-programme').click();
    await page.getByRole('option', { name: 'การเกษตร', exact: true }).click();
    await row.getByTestId(`share-${ownShare.year}`).fill('1,000');
    await row.getByTestId('assignment-unit').fill('กองช่าง เทศบาลตำบลยางเนิ้ง');
    // the shares now exceed the project's budget: the server refuses and the form shows its message
    await form.getByTestId('assignment-form-save').click();
    await form.getByTestId('assignment-error').getByText('รวมกันต้องเท่ากับงบประมาณของโครงการ', { exact: false }).waitFor();
    await screenshot(page, 'local-plans-assign-refused-phone-th');
    await form
      .getByTestId('assignment-row-0')
      .getByTestId(`share-${ownShare.year}`)
      .fill(satangToDecimalString(ownShare.budgetSatang - 1_000_00));
    expect(await form.getByTestId('assignment-total').textContent()).toContain('แบ่งแล้ว');
    await form.getByTestId('assignment-form-save').click();
    await form.waitFor({ state: 'detached' });

    // the board shows the neighbour carrying it, proposed; move it into the neighbour's addition and its annual budget
    const cell = card.getByTestId('board-cell').filter({ hasText: '1,000' });
    await cell.getByText('เสนอ').waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'local-plans-board-phone-th');
    await cell.click();
    const modal = page.getByTestId('status-modal');
    await modal.getByRole('button', { name: 'เลื่อนเป็น: บรรจุในแผนแล้ว' }).click();
    await modal.getByText('เพิ่มเติม ครั้งที่ 1').waitFor();
    await modal.getByRole('button', { name: 'เลื่อนเป็น: ตั้งในงบประมาณรายจ่ายประจำปี' }).click();
    await modal.getByRole('button', { name: 'เลื่อนเป็น: ดำเนินการแล้ว' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'local-plans-status-phone-th');
    await page.keyboard.press('Escape');

    // Yang Noeng's plan lists it; its ผ.02 of เพิ่มเติม ครั้งที่ 1 contains the project with Yang Noeng's share
    await page.goto(`${server.url}/t/chomphu/local-plans/${yangNoeng.id}`);
    const projects = page.getByTestId('local-plan-projects');
    await projects.getByText(project.name).waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'local-plan-neighbour-phone-th');
    const href = (await page.getByTestId('export-p02-addition-1').getAttribute('href'))!;
    const file = await page.evaluate(async (url) => {
      const r = await fetch(url);
      const bytes = new Uint8Array(await r.arrayBuffer());
      let s = '';
      for (const b of bytes) s += String.fromCharCode(b);
      return { status: r.status, type: r.headers.get('content-type'), base64: btoa(s) };
    }, href);
    expect(file.status).toBe(200);
    expect(file.type).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0];
    const texts: string[] = [];
    sheet.eachRow((r) => r.eachCell((c) => texts.push(String(c.text ?? ''))));
    expect(texts.some((t) => t.includes('ยางเนิ้ง'))).toBe(true);
    expect(texts).toContain(project.name);
    const rowOf = sheet.getRows(1, sheet.rowCount)!.find((r) => r.values && (r.values as unknown[]).includes(project.name))!;
    expect(rowOf.values as unknown[]).toContain(1000);
  }, 240_000);

  it('creates a plan with its strategies and programmes on a desktop and records its original edition', async () => {
    const page = await desktop.newPage();
    await logIn(page, OFFICER.email, PASSWORD);
    await page.goto(`${server.url}/t/chomphu/local-plans`);
    await page.getByTestId('new-local-plan').click();
    const form = page.getByTestId('local-plan-form');
    await form.getByTestId('local-plan-lg').click();
    await page.getByRole('option', { name: 'เทศบาลตำบลหนองผึ้ง', exact: true }).click();
    await form.getByTestId('local-plan-start').fill('2571');
    await form.getByTestId('strategy-name').fill('การพัฒนาการบริหารจัดการน้ำและการเกษตร');
    await form.getByTestId('strategy-province').fill('ยุทธศาสตร์ที่ 3 การบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อมอย่างยั่งยืน');
    await form.getByTestId('strategy-programmes').fill('แผนงานการเกษตร\nแผนงานเคหะและชุมชน');
    await form.getByTestId('local-plan-form-save').click();
    await page.waitForURL(/\/local-plans\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'เทศบาลตำบลหนองผึ้ง: แผนพัฒนาท้องถิ่น (พ.ศ. 2571–2575)' }).waitFor();
    const strategies = page.getByTestId('local-plan-strategies');
    await strategies.getByText('แผนงานเคหะและชุมชน').waitFor();

    await page.getByTestId('add-edition').click();
    const edition = page.getByTestId('edition-form');
    await edition.getByTestId('edition-date').fill('20/10/2569');
    await edition.getByTestId('edition-date').press('Tab');
    await edition.getByTestId('edition-act').fill('ประกาศใช้โดยนายกเทศมนตรีตำบลหนองผึ้ง ลงวันที่ 20 ตุลาคม 2569');
    await edition.getByTestId('edition-form-save').click();
    await edition.waitFor({ state: 'detached' });
    await page.getByTestId('local-plan-editions').getByRole('cell', { name: 'ฉบับเดิม', exact: true }).waitFor();
    await page.getByTestId('export-p02-original-0').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'local-plan-new-desktop-th');
  }, 120_000);

  it('shows Tha Kwang, a tenant itself, the projects Chomphu assigned to it, in its own space', async () => {
    const ctx = await launch(PHONE);
    const page = await ctx.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(ADMIN.email);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/t\/chomphu\/?$/);
    await page.goto(`${server.url}/t/thakwang/local-plans`);
    const shared = page.getByTestId('shared-projects');
    await shared.getByTestId('shared-project').first().waitFor();
    await shared.getByText('จาก เทศบาลตำบลชมภู', { exact: false }).first().waitFor();
    await shared.getByText('ตั้งในงบประมาณรายจ่ายประจำปี').first().waitFor();
    expect(await hasHorizontalScroll(page)).toBe(false);
    await screenshot(page, 'local-plans-shared-thakwang-phone-th');
    await ctx.close();
  }, 120_000);
});
