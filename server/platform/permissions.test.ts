import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, ROLE_GROUPS, can, type Action } from '../../common/permissions';
import { TENANT_ROLES, type TenantRole } from '../../common/schemas/enums';
import { buildTestApp, createTenant, createUser, login, ORIGIN, type TestApp } from '../test/harness';

/**
 * The web hides what a role may not use by asking common/permissions.ts; this proves the API agrees:
 * every route an action names is called as each role, and exactly the roles the action leaves out are
 * refused (403). Allowed calls carry no body and unknown ids, so they stop at validation or 404.
 */

let t: TestApp;
let slug = '';
const cookies = {} as Record<TenantRole | 'platform_admin', string>;
const NO_ID = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  t = await buildTestApp();
  const tenant = await createTenant(t);
  slug = tenant.slug;
  for (const role of TENANT_ROLES) {
    const u = await createUser(t, { tenantId: tenant.id, role });
    cookies[role] = (await login(t, u.email, u.password)).cookie;
  }
  const admin = await createUser(t, { platformAdmin: true });
  cookies.platform_admin = (await login(t, admin.email, admin.password)).cookie;
}, 60_000);
afterAll(() => t?.close());

function call(route: string, who: keyof typeof cookies) {
  const [method, path] = route.split(' ');
  const url = `/api/v1/t/${slug}${path}`.replace(/:version\b/g, '1').replace(/:[a-zA-Z]+/g, NO_ID);
  return t.app.inject({ method: method as 'GET', url, headers: { cookie: cookies[who], origin: ORIGIN, host: 'localhost' } });
}

describe('common/permissions.ts agrees with the routes', () => {
  const actions = Object.keys(ACTIONS) as Action[];
  for (const action of actions) {
    const { routes, who } = ACTIONS[action];
    if (!routes.length) continue;
    it(`${action}: ${who} only`, async () => {
      const seen: string[] = [];
      const expected: string[] = [];
      for (const route of routes) {
        for (const role of [...TENANT_ROLES, 'platform_admin'] as const) {
          const res = await call(route, role);
          seen.push(`${route} as ${role}: ${res.statusCode === 403 ? 'refused' : 'allowed'}`);
          expected.push(`${route} as ${role}: ${can(role, action) ? 'allowed' : 'refused'}`);
        }
      }
      expect(seen).toEqual(expected);
    });
  }

  it('the groups nest: admins ⊂ officers ⊂ editors ⊂ everyone', () => {
    const chain = [ROLE_GROUPS.admins, ROLE_GROUPS.officers, ROLE_GROUPS.editors, ROLE_GROUPS.everyone];
    for (let i = 1; i < chain.length; i++) for (const r of chain[i - 1]) expect(chain[i]).toContain(r);
  });

  it('every tenant route that changes something is named by an action (add new ones to common/permissions.ts)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const named = new Set(Object.values(ACTIONS).flatMap((a) => a.routes as readonly string[]));
    // creating an account directly is the platform admin's (users.routes.ts: platformAdminInTenant); admins invite
    const platformOnly = new Set(['POST /users']);
    // a person's own profile: any role, and the service lets a member change only their own
    const ownData = new Set(['PUT /people/:id/profile']);
    const missing: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/t/{tenant}/')) continue;
      for (const method of Object.keys(ops)) {
        if (method === 'get' || method === 'head') continue;
        const route = `${method.toUpperCase()} ${path.slice('/api/v1/t/{tenant}'.length).replace(/\{(\w+)\}/g, ':$1')}`;
        if (!named.has(route) && !platformOnly.has(route) && !ownData.has(route)) missing.push(route);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every tenant route in the route table refuses an anonymous caller (401) and another tenant’s admin (403)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const other = await createTenant(t);
    const outsider = await createUser(t, { tenantId: other.id, role: 'admin' });
    const outsiderCookie = (await login(t, outsider.email, outsider.password)).cookie;
    const wrong: string[] = [];
    let calls = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/v1/t/{tenant}/')) continue;
      const url = path
        .replace('{tenant}', slug)
        .replace(/\{version\}/g, '1')
        .replace(/\{\w+\}/g, NO_ID);
      for (const method of Object.keys(ops)) {
        for (const [who, cookie, expected] of [
          ['anonymous', '', 401],
          ['another tenant’s admin', outsiderCookie, 403],
        ] as const) {
          const res = await t.app.inject({ method: method.toUpperCase() as 'GET', url, headers: { cookie, origin: ORIGIN, host: 'localhost' } });
          calls++;
          if (res.statusCode !== expected) wrong.push(`${method.toUpperCase()} ${path} as ${who}: ${res.statusCode}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(calls).toBeGreaterThan(300);
    console.info(`authorisation matrix: ${calls} anonymous and outsider calls over the route table, all refused`);
  }, 120_000);
});
