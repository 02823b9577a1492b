import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, client, createTenant, createUser, login, tenantWithUser, type Client, type TestApp } from '../../test/harness';

const STRONG = 'ฝายพญาคำ-น้ำไหลถึงปลายเหมือง-2570';
const tokenOf = (path: string) => path.split('/').pop()!;

let t: TestApp;
let root: Client;
beforeAll(async () => {
  t = await buildTestApp();
  const admin = await createUser(t, { platformAdmin: true });
  root = await login(t, admin.email, admin.password);
});
afterAll(() => t.close());

const newTenant = (over: Record<string, unknown> = {}) => ({
  slug: 'nongkhwai',
  nameTh: 'เทศบาลตำบลหนองควาย',
  nameEn: 'Nong Khwai Subdistrict Municipality',
  type: 'subdistrict_municipality',
  province: 'เชียงใหม่',
  district: 'หางดง',
  subdistrict: 'หนองควาย',
  firstAdmin: { email: 'palad@nongkhwai.go.th', name: 'นางสาวปลัด ใจดี' },
  ...over,
});

describe('setting up a local government', () => {
  it('is for the platform admin only', async () => {
    const { api } = await tenantWithUser(t, 'admin');
    expect((await api.post('/api/v1/admin/tenants', newTenant())).statusCode).toBe(403);
    expect((await api.get('/api/v1/admin/tenants')).statusCode).toBe(403);
    expect((await client(t).get('/api/v1/admin/tenants')).statusCode).toBe(401);
  });

  it('checks the place against the address dataset and the slug, with field messages', async () => {
    const wrongPlace = await root.post('/api/v1/admin/tenants', newTenant({ district: 'สารภี', slug: 'wrong-place' }));
    expect(wrongPlace.statusCode).toBe(400);
    expect(wrongPlace.json().error.fields).toHaveProperty('subdistrict');
    const badSlug = await root.post('/api/v1/admin/tenants', newTenant({ slug: 'หนองควาย' }));
    expect(badSlug.json().error.fields.slug).toMatch(/อักษรภาษาอังกฤษ/);
    const existing = await createTenant(t);
    const taken = await root.post('/api/v1/admin/tenants', newTenant({ slug: existing.slug }));
    expect(taken.json().error.fields.slug).toBe('ชื่อย่อนี้มีหน่วยงานอื่นใช้แล้ว');
  });

  it('creates the tenant and a one-time link for its first admin, who sets a strong password and lands in it', async () => {
    const res = await root.post('/api/v1/admin/tenants', newTenant());
    expect(res.statusCode).toBe(201);
    const { tenant, invitation } = res.json();
    expect(tenant).toMatchObject({ slug: 'nongkhwai', nameTh: 'เทศบาลตำบลหนองควาย' });
    expect(invitation.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/);
    const listed = (await root.get('/api/v1/admin/tenants')).json().items.find((x: { slug: string }) => x.slug === 'nongkhwai');
    expect(listed).toMatchObject({ users: 0, partners: 0, networks: 0, pendingInvitations: 1 });

    const token = tokenOf(invitation.path);
    const anonymous = client(t);
    const info = (await anonymous.get(`/api/v1/links/${token}`)).json();
    expect(info).toMatchObject({ kind: 'invitation', email: 'palad@nongkhwai.go.th', role: 'admin', accountExists: false });
    expect(info.tenant.nameTh).toBe('เทศบาลตำบลหนองควาย');

    // ten characters are not enough when they are easy to guess
    const weak = await anonymous.post(`/api/v1/invitations/${token}/accept`, { name: 'นางสาวปลัด ใจดี', password: 'aaaaaaaaaa' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields.password).toMatch(/เดาได้ง่าย/);
    const accepted = await anonymous.post(`/api/v1/invitations/${token}/accept`, { name: 'นางสาวปลัด ใจดี', password: STRONG });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().tenants).toEqual([expect.objectContaining({ slug: 'nongkhwai', role: 'admin' })]);
    expect(accepted.cookies.some((c) => c.name === 'phakhi_session')).toBe(true);

    // a link works once
    expect((await anonymous.post(`/api/v1/invitations/${token}/accept`, { name: 'x', password: STRONG })).statusCode).toBe(410);
    expect((await anonymous.get(`/api/v1/links/${token}`)).statusCode).toBe(410);

    // the new admin works in an empty tenant, and the audit log names the acceptance
    const admin = await login(t, 'palad@nongkhwai.go.th', STRONG);
    expect((await admin.get('/api/v1/t/nongkhwai/partners')).json().total).toBe(0);
    const log = (await admin.get('/api/v1/t/nongkhwai/audit')).json().items;
    expect(log.map((e: { entity: string }) => e.entity)).toEqual(expect.arrayContaining(['invitation', 'user']));
  });
});

describe('invitations', () => {
  it('answer the same for an e-mail with an account elsewhere; that account joins a second tenant with its own password', async () => {
    const a = await tenantWithUser(t, 'admin');
    const b = await tenantWithUser(t, 'admin');
    const officer = await createUser(t, { tenantId: a.tenant.id, role: 'officer' });

    const forExisting = await b.api.post(`${b.base}/invitations`, { email: officer.email, name: 'ใครก็ได้', role: 'coordinator' });
    const forNew = await b.api.post(`${b.base}/invitations`, { email: 'nobody-yet@example.org', name: 'คนใหม่', role: 'member' });
    expect(forExisting.statusCode).toBe(201);
    expect(forNew.statusCode).toBe(201);
    expect(Object.keys(forExisting.json()).sort()).toEqual(Object.keys(forNew.json()).sort());

    // creating an account with a password is no longer a tenant admin's (it told them the e-mail was taken)
    const direct = await b.api.post(`${b.base}/users`, { email: officer.email, name: 'x', role: 'member', password: STRONG });
    expect(direct.statusCode).toBe(403);

    const token = tokenOf(forExisting.json().path);
    const anonymous = client(t);
    expect((await anonymous.get(`/api/v1/links/${token}`)).json().accountExists).toBe(true);
    const wrong = await anonymous.post(`/api/v1/invitations/${token}/accept`, { password: 'not-the-password-at-all' });
    expect(wrong.json().error.fields.password).toBe('รหัสผ่านไม่ถูกต้อง');
    const ok = await anonymous.post(`/api/v1/invitations/${token}/accept`, { password: officer.password });
    expect(ok.statusCode).toBe(200);
    const slugs = ok
      .json()
      .tenants.map((x: { slug: string; role: string }) => `${x.slug}:${x.role}`)
      .sort();
    expect(slugs).toEqual([`${a.tenant.slug}:officer`, `${b.tenant.slug}:coordinator`].sort());
    // the password did not change
    await login(t, officer.email, officer.password);
  });

  it('refuse a present member, can be listed and withdrawn by the admin only', async () => {
    const { api, base, user } = await tenantWithUser(t, 'admin');
    expect((await api.post(`${base}/invitations`, { email: user.email, name: 'ซ้ำ', role: 'member' })).json().error.fields.email).toBe(
      'ผู้ใช้อีเมลนี้เป็นสมาชิกของหน่วยงานนี้อยู่แล้ว',
    );
    const link = (await api.post(`${base}/invitations`, { email: 'later@example.org', name: 'ทีหลัง', role: 'officer' })).json();
    const pending = (await api.get(`${base}/invitations`)).json().items;
    expect(pending).toEqual([expect.objectContaining({ email: 'later@example.org', role: 'officer' })]);
    expect((await api.delete(`${base}/invitations/${pending[0].id}`)).statusCode).toBe(204);
    expect((await client(t).get(`/api/v1/links/${tokenOf(link.path)}`)).statusCode).toBe(410);
    expect((await api.get(`${base}/invitations`)).json().items).toEqual([]);
  });
});

describe('passwords', () => {
  it('change: the current password is checked, a weak one refused, other sessions end', async () => {
    const { user, api } = await tenantWithUser(t, 'officer');
    const other = await login(t, user.email, user.password);
    const wrong = await api.post('/api/v1/auth/password', { currentPassword: 'nope-nope-nope', newPassword: STRONG });
    expect(wrong.json().error.fields.currentPassword).toBe('รหัสผ่านไม่ถูกต้อง');
    const weak = await api.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: 'password123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.fields).toHaveProperty('newPassword');
    expect((await api.post('/api/v1/auth/password', { currentPassword: user.password, newPassword: STRONG })).statusCode).toBe(204);
    expect((await api.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/auth/me')).statusCode).toBe(401);
    await login(t, user.email, STRONG);
  });

  it('reset: an admin link for an account of their tenant alone; it sets a new password once and ends every session', async () => {
    const { api, base, tenant } = await tenantWithUser(t, 'admin');
    const member = await createUser(t, { tenantId: tenant.id, role: 'member' });
    const memberSession = await login(t, member.email, member.password);
    const res = await api.post(`${base}/users/${member.id}/reset-link`);
    expect(res.statusCode).toBe(201);
    const token = tokenOf(res.json().path);
    expect(res.json().path).toMatch(/^\/reset\//);
    expect((await client(t).get(`/api/v1/links/${token}`)).json()).toMatchObject({ kind: 'password_reset', email: member.email });
    expect((await client(t).post(`/api/v1/password-reset/${token}`, { password: 'qwertyuiop' })).statusCode).toBe(400);
    expect((await client(t).post(`/api/v1/password-reset/${token}`, { password: STRONG })).statusCode).toBe(200);
    expect((await client(t).post(`/api/v1/password-reset/${token}`, { password: STRONG + '!' })).statusCode).toBe(410);
    expect((await memberSession.get('/api/v1/auth/me')).statusCode).toBe(401);
    await expect(login(t, member.email, member.password)).rejects.toThrow();
    await login(t, member.email, STRONG);

    // an account that also works in another tenant: only the platform admin may reset it
    const elsewhere = await createTenant(t);
    const shared = await createUser(t, { tenantId: tenant.id, role: 'officer' });
    await t.database.db.execute(
      (await import('drizzle-orm')).sql`insert into tenant_users (tenant_id, user_id, role) values (${elsewhere.id}, ${shared.id}, 'member')`,
    );
    expect((await api.post(`${base}/users/${shared.id}/reset-link`)).json().error.code).toBe('reset_needs_platform_admin');
    expect((await root.post(`${base}/users/${shared.id}/reset-link`)).statusCode).toBe(201);
  });

  it('an account the platform admin created must change its password before anything else', async () => {
    const tenant = await createTenant(t);
    const created = await root.post(`/api/v1/t/${tenant.slug}/users`, { email: 'somchai@example.org', name: 'สมชาย', role: 'officer', password: STRONG });
    expect(created.statusCode).toBe(201);
    const api = await login(t, 'somchai@example.org', STRONG);
    expect((await api.get('/api/v1/auth/me')).json().user.mustChangePassword).toBe(true);
    expect((await api.get(`/api/v1/t/${tenant.slug}/partners`)).json().error.code).toBe('password_change_required');
    await api.post('/api/v1/auth/password', { currentPassword: STRONG, newPassword: 'สมชายรักษ์น้ำ-ชมภู-ต้นน้ำ' });
    expect((await api.get(`/api/v1/t/${tenant.slug}/partners`)).statusCode).toBe(200);
  });

  it('strength estimates come from the maintained estimator, with the name and e-mail counted as guessable', async () => {
    const check = (password: string, extra = {}) => client(t).post('/api/v1/auth/password-strength', { password, ...extra });
    expect((await check('aaaaaaaaaa')).json()).toMatchObject({ acceptable: false });
    expect((await check('Password2024')).json()).toMatchObject({ acceptable: false });
    expect((await check(STRONG)).json()).toMatchObject({ acceptable: true, score: 4 });
    // the e-mail's own local part is strong for a stranger, worthless as one's own password
    const own = (await check('kanyarat.somsri', { email: 'kanyarat.somsri@example.org', name: 'Kanyarat Somsri' })).json();
    const stranger = (await check('kanyarat.somsri')).json();
    expect(stranger.acceptable).toBe(true);
    expect(own).toMatchObject({ acceptable: false, score: 0 });
  });
});
