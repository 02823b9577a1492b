import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, can, type Action } from '../../common/permissions';
import { buildTestApp, createTenant, createUser, login, ORIGIN, type TestApp } from './harness';

/**
 * The authorisation matrix of issue 15, generated from the route table (the OpenAPI document, which lists
 * every route registered — a new route cannot escape it): every route × anonymous, member, coordinator,
 * officer, admin and another tenant's admin. What each caller should get comes from outside the routes' own
 * `config.access`:
 *   - a tenant route named by an action of common/permissions.ts (the table the web's buttons read):
 *     exactly the roles the action names; a tenant route named by none: every role of the tenant (reads),
 *     except the exceptions listed below; another tenant's admin: never;
 *   - a platform route (/api/v1/admin/…): nobody of these six;
 *   - an account route (me, password): any signed-in caller; a public route (logout included): everyone.
 * "Refused" is 401 for the anonymous caller and 403 for the others; "allowed" is any other answer (calls
 * carry no body and unknown ids, so an allowed one stops at validation or 404 and changes nothing).
 */

const CALLERS = ['anonymous', 'member', 'coordinator', 'officer', 'admin', 'other_admin'] as const;
type Caller = (typeof CALLERS)[number];
const NO_ID = '00000000-0000-4000-8000-000000000000';

/** Tenant routes not named by an action, with who may call them. */
const TENANT_EXCEPTIONS: Record<string, readonly Caller[]> = {
  // creating an account directly is the platform admin's (users.routes.ts: platformAdminInTenant); admins invite
  'POST /users': [],
  // a member sees their own hours only (hours.service.ts totals): the matrix's member has no linked person
  'GET /volunteer-hours/totals': ['coordinator', 'officer', 'admin'],
};
/** Routes outside /api/v1/t/ and /api/v1/admin/ that need a session (any account, tenant or none). */
const SIGNED_IN = new Set(['GET /api/v1/auth/me', 'POST /api/v1/auth/password']);

let t: TestApp;
let slug = '';
const cookies = {} as Record<Caller, string>;

beforeAll(async () => {
  t = await buildTestApp({ publicRateLimit: 1_000_000, loginRateLimit: 1_000_000 });
  const tenant = await createTenant(t);
  slug = tenant.slug;
  cookies.anonymous = '';
  for (const role of ['member', 'coordinator', 'officer', 'admin'] as const) {
    const u = await createUser(t, { tenantId: tenant.id, role });
    cookies[role] = (await login(t, u.email, u.password)).cookie;
  }
  const other = await createTenant(t);
  const outsider = await createUser(t, { tenantId: other.id, role: 'admin' });
  cookies.other_admin = (await login(t, outsider.email, outsider.password)).cookie;
}, 120_000);
afterAll(() => t?.close());

const actionOf = new Map<string, Action>();
for (const [action, { routes }] of Object.entries(ACTIONS) as [Action, { routes: readonly string[] }][])
  for (const route of routes) actionOf.set(route, action);

function expectedAllowed(method: string, path: string, caller: Caller): boolean {
  const key = `${method} ${path}`;
  if (path.startsWith('/api/v1/t/{tenant}/')) {
    if (caller === 'anonymous' || caller === 'other_admin') return false;
    const route = `${method} ${path.slice('/api/v1/t/{tenant}'.length).replace(/\{(\w+)\}/g, ':$1')}`;
    if (route in TENANT_EXCEPTIONS) return TENANT_EXCEPTIONS[route].includes(caller);
    const action = actionOf.get(route);
    if (action) return can(caller, action);
    return true;
  }
  if (path.startsWith('/api/v1/admin/')) return false;
  if (SIGNED_IN.has(key)) return caller !== 'anonymous';
  return true;
}

describe('authorisation matrix: every route of the route table × six callers', () => {
  it('each caller is refused exactly where the permission table says', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const routes: [string, string][] = [];
    for (const [path, ops] of Object.entries(doc.paths)) for (const method of Object.keys(ops)) routes.push([method.toUpperCase(), path]);
    // logging out ends the caller's session: last
    routes.sort(([, a], [, b]) => Number(a === '/api/v1/auth/logout') - Number(b === '/api/v1/auth/logout'));
    const seen: string[] = [];
    const expected: string[] = [];
    const cells: Record<string, number> = {};
    for (const [method, path] of routes) {
      const url = path
        .replace('{tenant}', slug)
        .replace(/\{version\}/g, '1')
        .replace(/\{\w+\}/g, NO_ID);
      for (const caller of CALLERS) {
        const res = await t.app.inject({ method: method as 'GET', url, headers: { cookie: cookies[caller], origin: ORIGIN, host: 'localhost' } });
        const refusal = caller === 'anonymous' ? 401 : 403;
        const allowed = expectedAllowed(method, path, caller);
        seen.push(`${method} ${path} as ${caller}: ${res.statusCode === refusal || res.statusCode === 401 ? 'refused' : 'allowed'}`);
        expected.push(`${method} ${path} as ${caller}: ${allowed ? 'allowed' : 'refused'}`);
        cells[allowed ? 'allowed' : 'refused'] = (cells[allowed ? 'allowed' : 'refused'] ?? 0) + 1;
        expect(res.statusCode, `${method} ${path} as ${caller}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      }
    }
    expect(seen).toEqual(expected);
    expect(routes.length).toBeGreaterThan(250);
    console.info(
      `authorisation matrix: ${routes.length} routes × ${CALLERS.length} callers = ${seen.length} calls (${cells.allowed} allowed, ${cells.refused} refused), all as the permission table says`,
    );
  }, 300_000);
});
