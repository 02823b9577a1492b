import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTrustProxy } from '../platform/config';
import { ORIGIN, buildTestApp, createUser, tenantWithUser, type Client, type TestApp } from './harness';

/** Issue 15 (3) the login limit bypassed by X-Forwarded-For; (7) public routes without limit or cache. */
let t: TestApp;
let admin: Client;
let base: string;
let slug: string;
const PUBLIC_LIMIT = 12;

beforeAll(async () => {
  t = await buildTestApp({ loginRateLimit: 10, publicRateLimit: PUBLIC_LIMIT, publicCacheSeconds: 30 });
  const a = await tenantWithUser(t, 'admin');
  ({ api: admin, base } = a);
  slug = a.tenant.slug;
});
afterAll(() => t.close());

describe('trustProxy', () => {
  it('is off by default: 30 wrong passwords with 30 different X-Forwarded-For still hit 429', async () => {
    const user = await createUser(t);
    const codes: number[] = [];
    for (let i = 0; i < 30; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: `wrong-${i}` },
        headers: { origin: ORIGIN, host: 'localhost', 'x-forwarded-for': `203.0.113.${i + 1}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10).every((c) => c === 429)).toBe(true);
  });

  it('is read from PHAKHI_TRUST_PROXY: false, true, a hop count, or addresses and CIDRs', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(true);
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.1, 192.168.0.0/16,::1')).toEqual(['10.0.0.1', '192.168.0.0/16', '::1']);
    expect(() => parseTrustProxy('loopback-ish')).toThrow(/PHAKHI_TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/PHAKHI_TRUST_PROXY/);
  });
});

describe('public routes', () => {
  const get = (url: string, ip = '198.51.100.7') => t.app.inject({ method: 'GET', url, remoteAddress: ip });

  it('answer with Cache-Control and from a short in-process cache that a write in the tenant clears', async () => {
    const url = `/api/v1/public/${slug}/volunteers`;
    const first = await get(url, '198.51.100.1');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers['cache-control']).toBe('public, max-age=30');
    expect(first.headers['x-cache']).toBe('miss');
    const second = await get(url, '198.51.100.1');
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.headers['cache-control']).toBe('public, max-age=30');
    expect(second.body).toBe(first.body);
    // a write in the tenant: the next public answer is fresh
    expect((await admin.post(`${base}/partners`, { kind: 'person', name: 'นางใหม่ ใจดี', sector: 'civil_society' })).statusCode).toBe(201);
    expect((await get(url, '198.51.100.1')).headers['x-cache']).toBe('miss');
    // an error is never cached
    expect((await get('/api/v1/public/no-such-tenant/volunteers', '198.51.100.1')).headers['cache-control']).toBeUndefined();
  });

  it(`allow ${PUBLIC_LIMIT} requests a minute per IP, then 429, while logged-in users and other IPs go on`, async () => {
    const url = `/api/v1/public/${slug}/budget`;
    const codes: number[] = [];
    for (let i = 0; i < PUBLIC_LIMIT + 3; i++) codes.push((await get(url, '198.51.100.99')).statusCode);
    expect(codes.slice(0, PUBLIC_LIMIT).every((c) => c === 200)).toBe(true);
    const refused = await get(url, '198.51.100.99');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate_limited');
    expect(refused.json().error.message).toMatch(/บ่อยเกินไป/);
    expect((await get(url, '198.51.100.100')).statusCode).toBe(200);
    expect((await admin.get(`${base}/partners`)).statusCode).toBe(200);
  });
});
