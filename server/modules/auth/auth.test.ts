import { forgetIdentities } from '../../platform/identity-cache';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, client, createTenant, createUser, login, ORIGIN, type TestApp } from '../../test/harness';
import { rows } from '../../platform/sql';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ loginRateLimit: 5 });
});
afterAll(() => t.close());

const loginReq = (email: string, password: string, extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password }, headers: { origin: ORIGIN, host: 'localhost', ...extra } });

describe('login, sessions and logout', () => {
  it('logs in with the right password, sets an HttpOnly SameSite cookie, and /me answers', async () => {
    const tenant = await createTenant(t);
    const u = await createUser(t, { tenantId: tenant.id, role: 'officer' });
    const res = await loginReq(u.email.toUpperCase(), u.password);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'phakhi_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.value.length).toBeGreaterThanOrEqual(40);
    expect(res.json().tenants).toEqual([expect.objectContaining({ slug: tenant.slug, role: 'officer' })]);
    const me = await client(t, `phakhi_session=${cookie.value}`).get('/api/v1/auth/me');
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(u.email);
  });

  it('stores only a hash of the session token', async () => {
    const u = await createUser(t);
    const res = await loginReq(u.email, u.password);
    const token = res.cookies.find((c) => c.name === 'phakhi_session')!.value;
    const stored = await rows<{ token_hash: string }>(t.database.db, sql`select token_hash from sessions`);
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.some((r) => r.token_hash === token)).toBe(false);
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
  });

  it('refuses a wrong password and an unknown email the same way', async () => {
    const u = await createUser(t);
    const wrong = await loginReq(u.email, 'not-the-password');
    const unknown = await loginReq('nobody@example.org', 'whatever-password');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(wrong.json().error.message).toBe('อีเมลหรือรหัสผ่านไม่ถูกต้อง');
  });

  it('rotates the session on login and ends it on logout', async () => {
    const u = await createUser(t);
    const first = await login(t, u.email, u.password);
    const again = await loginReq(u.email, u.password, { cookie: first.cookie });
    const second = `phakhi_session=${again.cookies.find((c) => c.name === 'phakhi_session')!.value}`;
    expect(second).not.toBe(first.cookie);
    expect((await first.get('/api/v1/auth/me')).statusCode).toBe(401);
    const api = client(t, second);
    expect((await api.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await api.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await api.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('expires sessions', async () => {
    const u = await createUser(t);
    const api = await login(t, u.email, u.password);
    await t.database.db.execute(sql`update sessions set expires_at = now() - interval '1 minute'`);
    // an edit behind the application's back shows once the identity cache lets go of the session
    forgetIdentities(t.database.db);
    expect((await api.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('rate-limits repeated logins for one email', async () => {
    const u = await createUser(t);
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await loginReq(u.email, 'wrong-password-x')).statusCode);
    expect(codes.slice(0, 5).every((c) => c === 401)).toBe(true);
    expect(codes.slice(5)).toEqual([429, 429]);
    const limited = await loginReq(u.email, u.password);
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error.code).toBe('rate_limited');
  });

  it('refuses unsafe requests from another origin', async () => {
    const u = await createUser(t);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: u.email, password: u.password },
      headers: { origin: 'https://evil.example', host: 'localhost' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('bad_origin');
  });

  it('refuses a deactivated account', async () => {
    const tenant = await createTenant(t);
    const admin = await createUser(t, { tenantId: tenant.id, role: 'admin' });
    const u = await createUser(t, { tenantId: tenant.id, role: 'officer' });
    const api = await login(t, admin.email, admin.password);
    const officer = await login(t, u.email, u.password);
    expect((await officer.get(`/api/v1/t/${tenant.slug}/partners`)).statusCode).toBe(200);
    const res = await api.patch(`/api/v1/t/${tenant.slug}/users/${u.id}`, { active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await officer.get(`/api/v1/t/${tenant.slug}/partners`)).statusCode).toBe(403);
  });
});

describe('public platform routes', () => {
  it('health and tenants answer without login', async () => {
    const tenant = await createTenant(t);
    expect((await t.app.inject({ url: '/api/health' })).json()).toEqual({ status: 'ok', db: t.database.kind, seeding: false, demo: 'off' });
    const list = (await t.app.inject({ url: '/api/v1/tenants' })).json();
    expect(list.items).toContainEqual(expect.objectContaining({ slug: tenant.slug, nameTh: tenant.nameTh }));
  });

  it('the OpenAPI document covers the tenant routes', async () => {
    const doc = (await t.app.inject({ url: '/api/openapi.json' })).json();
    for (const p of [
      '/api/v1/t/{tenant}/partners',
      '/api/v1/t/{tenant}/networks/{id}/members',
      '/api/v1/t/{tenant}/dashboard',
      '/api/v1/auth/login',
      '/api/v1/t/{tenant}/users',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });

  it('suggests Thai addresses', async () => {
    const res = await t.app.inject({ url: `/api/v1/reference/addresses?q=${encodeURIComponent('ชมภู')}` });
    expect(res.json().items).toContainEqual({ subdistrict: 'ชมภู', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140' });
  });
});
