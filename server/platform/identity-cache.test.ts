import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, createUser, login, tenantWithUser, type TestApp } from '../test/harness';
import { forgetIdentities, IdentityCache } from './identity-cache';

describe('IdentityCache', () => {
  const user = { id: 'u1', email: 'a@example.org', name: 'ก', isPlatformAdmin: false };
  const later = new Date(Date.now() + 3600_000);

  it('keeps a session user until the time-to-live, and never past the session itself', () => {
    const cache = new IdentityCache(60_000);
    cache.putSessionUser(cache.begin(), 'h1', user, later);
    expect(cache.sessionUser('h1')).toEqual(user);
    cache.putSessionUser(cache.begin(), 'h2', user, new Date(Date.now() - 1));
    expect(cache.sessionUser('h2')).toBeUndefined();
  });

  it('does not store what a lookup read before a change was announced', () => {
    const cache = new IdentityCache(60_000);
    const generation = cache.begin();
    cache.forgetAll(); // e.g. a logout committed while the lookup was in flight
    cache.putSessionUser(generation, 'h1', user, later);
    cache.putTenantRole(generation, 't1', 'u1', 'admin');
    expect(cache.sessionUser('h1')).toBeUndefined();
    expect(cache.tenantRole('t1', 'u1')).toBeUndefined();
  });

  it('remembers "no role here" as null, distinct from not knowing', () => {
    const cache = new IdentityCache(60_000);
    expect(cache.tenantRole('t1', 'u1')).toBeUndefined();
    cache.putTenantRole(cache.begin(), 't1', 'u1', null);
    expect(cache.tenantRole('t1', 'u1')).toBeNull();
  });

  it('stores nothing when turned off, and stays bounded', () => {
    const off = new IdentityCache(0);
    off.putSessionUser(off.begin(), 'h1', user, later);
    expect(off.sessionUser('h1')).toBeUndefined();
    const small = new IdentityCache(60_000, 2);
    for (const h of ['a', 'b', 'c']) small.putSessionUser(small.begin(), h, user, later);
    expect(small.sessionUser('a')).toBeUndefined();
    expect(small.sessionUser('c')).toEqual(user);
  });
});

describe('identity cache in the request path', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ identityCacheSeconds: 600 });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('is used: an edit made behind the application’s back shows only once the cache lets go', async () => {
    const u = await createUser(t);
    const api = await login(t, u.email, u.password);
    expect((await api.get('/api/v1/auth/me')).statusCode).toBe(200);
    await t.database.db.execute(sql`update sessions set expires_at = now() - interval '1 minute' where user_id = ${u.id}`);
    expect((await api.get('/api/v1/auth/me')).statusCode).toBe(200);
    forgetIdentities(t.database.db);
    expect((await api.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('a role change and a deactivation apply to the very next request', async () => {
    const { tenant, api: admin, base } = await tenantWithUser(t, 'admin');
    const officer = await createUser(t, { tenantId: tenant.id, role: 'officer' });
    const officerApi = await login(t, officer.email, officer.password);
    const network = { name: 'เครือข่ายทดสอบบทบาท', pillar: 'people', stage: 'forming' };
    expect((await officerApi.get(`${base}/users`)).statusCode).toBe(403);
    expect((await admin.patch(`${base}/users/${officer.id}`, { role: 'admin' })).statusCode).toBe(200);
    expect((await officerApi.get(`${base}/users`)).statusCode).toBe(200);
    expect((await admin.patch(`${base}/users/${officer.id}`, { active: false })).statusCode).toBe(200);
    expect((await officerApi.get(`${base}/users`)).statusCode).toBe(403);
    expect((await officerApi.post(`${base}/networks`, network)).statusCode).toBe(403);
  });

  it('a logout and a password change end sessions at once', async () => {
    const u = await createUser(t);
    const first = await login(t, u.email, u.password);
    const second = await login(t, u.email, u.password);
    expect((await first.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await second.get('/api/v1/auth/me')).statusCode).toBe(200);
    const changed = await first.post('/api/v1/auth/password', { currentPassword: u.password, newPassword: 'ฝายพญาคำ-Cache-Test-2570!' });
    expect(changed.statusCode).toBe(204);
    expect((await second.get('/api/v1/auth/me')).statusCode).toBe(401);
    expect((await first.get('/api/v1/auth/me')).statusCode).toBe(200);
    expect((await first.post('/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await first.get('/api/v1/auth/me')).statusCode).toBe(401);
  });
});
