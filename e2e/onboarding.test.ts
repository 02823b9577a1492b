import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { ADMIN, launch, PHONE, screenshot, seriousA11yViolations, startServer } from './support';

// A real municipality starts: the platform admin sets it up on a phone, its first admin opens the one-time link,
// chooses a password the strength meter accepts, and lands in an empty tenant on its first-steps checklist.

let server: Awaited<ReturnType<typeof startServer>>;
let admin: BrowserContext;
let palad: BrowserContext;
beforeAll(async () => {
  server = await startServer();
  admin = await launch(PHONE);
  palad = await launch(PHONE);
});
afterAll(async () => {
  await admin?.close();
  await palad?.close();
  await server?.stop();
});

describe('onboarding a local government', () => {
  let link = '';

  it('the platform admin creates it from the tenants page and gets the first admin’s link', async () => {
    const page = await admin.newPage();
    await page.goto(`${server.url}/login`);
    await page.getByTestId('login-email').fill(ADMIN.email);
    await page.getByTestId('login-password').fill(ADMIN.password);
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/t\/chomphu/);
    await page.goto(`${server.url}/admin/tenants`);
    await page.getByTestId('tenants-list').waitFor();
    await page.getByTestId('new-tenant').click();
    await page.getByTestId('tenant-name-th').fill('เทศบาลตำบลแม่แฝก');
    await page.getByTestId('tenant-name-en').fill('Mae Faek Subdistrict Municipality');
    await page.getByTestId('address-search').fill('แม่แฝก');
    await page
      .getByRole('option', { name: /แม่แฝก.*สันทราย/ })
      .first()
      .click();
    expect(await page.getByTestId('tenant-district').inputValue()).toBe('สันทราย');
    expect(await page.getByTestId('tenant-slug').inputValue()).toBe('mae-faek');
    await page.getByTestId('first-admin-name').fill('นางสาวพรทิพย์ ปลัดเทศบาล');
    await page.getByTestId('first-admin-email').fill('palad@maefaek.go.th');
    await screenshot(page, 'onboarding-new-tenant-phone-th');
    await page.getByTestId('tenant-submit').click();
    const field = page.getByTestId('first-admin-link');
    await field.waitFor();
    link = await field.inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/invite/[A-Za-z0-9_-]{43}$`));
    await page.getByText('เทศบาลตำบลแม่แฝก').first().waitFor();
    await screenshot(page, 'onboarding-link-phone-th');
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('the first admin opens the link, a weak password is refused, a strong one lands on the first steps', async () => {
    const page = await palad.newPage();
    await page.goto(link);
    await page.getByTestId('invite-form').waitFor();
    await page.getByText('เทศบาลตำบลแม่แฝก').first().waitFor();
    expect(await page.getByTestId('invite-name').inputValue()).toBe('นางสาวพรทิพย์ ปลัดเทศบาล');
    await page.getByTestId('invite-password').fill('aaaaaaaaaa');
    await expect.poll(() => page.getByTestId('password-strength').textContent()).toContain('ยังใช้ไม่ได้');
    await page.getByTestId('invite-submit').click();
    await page.getByText('เดาได้ง่าย').first().waitFor();
    await page.getByTestId('invite-password').fill('แม่แฝกน้ำใส-ฝายเก่า-2570');
    await expect.poll(() => page.getByTestId('password-strength').textContent()).toMatch(/ปลอดภัย/);
    await screenshot(page, 'onboarding-invite-phone-th');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByTestId('invite-submit').click();
    await page.waitForURL(/\/t\/mae-faek\/?$/);
    const steps = page.getByTestId('first-steps');
    await steps.waitFor();
    expect(await steps.locator('li[data-done="false"]').count()).toBe(3);
    await screenshot(page, 'onboarding-first-steps-phone-th');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // the empty tenant's pages open without errors
    for (const path of ['networks', 'partners', 'plans', 'participation', 'knowledge', 'budget', 'users']) {
      await page.goto(`${server.url}/t/mae-faek/${path}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      expect(
        await page
          .getByRole('alert')
          .filter({ hasText: /ผิดพลาด|error/i })
          .count(),
        path,
      ).toBe(0);
    }

    // the link worked once
    const again = await palad.newPage();
    await again.goto(link);
    await again.getByText('ลิงก์นี้ใช้ไม่ได้แล้ว').waitFor();
  });

  it('the new admin invites an officer; the step ticks itself off', async () => {
    const page = await palad.newPage();
    await page.goto(`${server.url}/t/mae-faek/users`);
    await page.getByTestId('new-user').click();
    await page.getByTestId('invite-email').fill('officer@maefaek.go.th');
    await page.getByTestId('invite-name').fill('นายสมชาย เจ้าหน้าที่');
    await page.getByTestId('invite-submit').click();
    expect(await page.getByTestId('invitation-link').inputValue()).toMatch(/\/invite\//);
    await page.keyboard.press('Escape');
    await page.getByTestId('pending-invitations').getByText('officer@maefaek.go.th').first().waitFor();
    await page.goto(`${server.url}/t/mae-faek`);
    await page.getByTestId('first-steps').locator('li[data-done="true"]').first().waitFor();
  });
});
