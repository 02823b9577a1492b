import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUser, login, tenantWithUser, type TestApp } from '../../test/harness';
import { rows } from '../../platform/sql';

/**
 * Masking beyond the partner registry (issue 15, PDPA). A person's contact data — phone, e-mail, LINE ID,
 * citizen ID, house address — may reach a tenant user only where it is masked or its unmasked showing is
 * logged (privacy/sensitive.ts). Every JSON answer is serialised through its route's response schema, which
 * drops any property the schema does not name; so the route table says exactly which answers can carry a
 * contact field, and a new list that starts to show one fails the first test until it is listed here with how
 * it is protected. Lists of committee members, manpower people and helpers, volunteer hours and participation
 * carry a person as `partySummary` (id, name, kind, sector, pillar, position): no contact field at all.
 */

const CONTACT_KEYS = new Set(['phone', 'email', 'lineId', 'citizenId', 'citizenIdMasked', 'address', 'line']);

/** Routes whose answers may carry a contact field, and why that is allowed. */
const CONTACT_SURFACES: Record<string, string> = {
  // the partner registry: masked in the list and for members, logged when unmasked (partners.service.ts)
  'GET /api/v1/t/{tenant}/partners': 'masked',
  'GET /api/v1/t/{tenant}/partners/{id}': 'masked for members; editors unmasked and logged',
  'POST /api/v1/t/{tenant}/partners': "the editor's own input, echoed",
  'PATCH /api/v1/t/{tenant}/partners/{id}': "the editor's own input, echoed",
  // accounts (admins only): an account's e-mail is its login; linked to a person, each showing is logged
  'GET /api/v1/t/{tenant}/users': 'admins; logged for accounts linked to a person',
  'POST /api/v1/t/{tenant}/users': "the platform admin's own input, echoed",
  'PATCH /api/v1/t/{tenant}/users/{id}': 'admins; the account being changed',
  'GET /api/v1/t/{tenant}/invitations': "admins; an invitee's e-mail, not yet anyone's account",
  // the caller's own account and notification address
  'POST /api/v1/auth/login': 'own account',
  'GET /api/v1/auth/me': 'own account',
  'GET /api/v1/links/{token}': 'the holder of the link: the address it was sent to',
  'POST /api/v1/invitations/{token}/accept': 'own account',
  'POST /api/v1/password-reset/{token}': 'own account',
  'GET /api/v1/t/{tenant}/notifications': 'own notifications',
  'GET /api/v1/t/{tenant}/notifications/preferences': 'own address',
  'PUT /api/v1/t/{tenant}/notifications/preferences': 'own address',
};

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
}, 60_000);
afterAll(() => t?.close());

function contactKeysIn(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) for (const s of schema) contactKeysIn(s, out);
  else if (schema && typeof schema === 'object')
    for (const [k, v] of Object.entries(schema)) {
      if (k === 'properties' && v && typeof v === 'object') for (const name of Object.keys(v)) if (CONTACT_KEYS.has(name)) out.add(name);
      contactKeysIn(v, out);
    }
  return out;
}

describe('contact data outside the partner registry', () => {
  it('only the listed routes can answer with a contact field (committees, manpower, participation carry none)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
    };
    const found: Record<string, string[]> = {};
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops)) {
        // water lists are masked by the water module's own helper (another task): not judged here
        if (path.startsWith('/api/v1/t/{tenant}/water') || path.startsWith('/api/v1/public/{tenant}/water')) continue;
        const keys = contactKeysIn(op.responses);
        if (keys.size) found[`${method.toUpperCase()} ${path}`] = [...keys].sort();
      }
    const unlisted = Object.keys(found).filter((route) => !(route in CONTACT_SURFACES));
    expect(unlisted, JSON.stringify(found, null, 1)).toEqual([]);
    // and the lists that name people without their contacts really are in the route table
    for (const route of [
      'GET /api/v1/t/{tenant}/committees/{id}',
      'GET /api/v1/t/{tenant}/people/helpers',
      'GET /api/v1/t/{tenant}/participation',
      'GET /api/v1/t/{tenant}/volunteer-hours',
    ]) {
      const [method, path] = route.split(' ');
      expect(doc.paths[path]?.[method.toLowerCase()], route).toBeDefined();
      expect(found[route], route).toBeUndefined();
    }
  });

  it('the users list: a member is refused; an admin sees the e-mails and each linked person’s showing is logged', async () => {
    const { tenant, api, base } = await tenantWithUser(t, 'admin');
    const person = (
      await api.post(`${base}/partners`, { kind: 'person', name: 'นางคำปัน ใจดี', sector: 'civil_society', email: 'kampan@example.org' })
    ).json() as { id: string };
    const linked = await createUser(t, { tenantId: tenant.id, role: 'member', email: 'kampan.account@example.org', partyId: person.id });
    await createUser(t, { tenantId: tenant.id, role: 'officer', email: 'staff.only@example.org' });
    const member = await login(t, linked.email, linked.password);
    const officer = await login(t, 'staff.only@example.org', 'Test-Password-2569');

    expect((await member.get(`${base}/users`)).statusCode).toBe(403);
    expect((await officer.get(`${base}/users`)).statusCode).toBe(403);
    const logged = () =>
      rows<{ party_id: string; fields: string[]; route: string; viewer_role: string }>(
        t.database.db,
        sql`select party_id, fields, route, viewer_role from privacy_access_log where tenant_id = ${tenant.id} and route = 'GET /users'`,
      );
    expect(await logged()).toEqual([]);

    const res = await api.get(`${base}/users`);
    expect(res.statusCode).toBe(200);
    const emails = (res.json() as { items: { email: string }[] }).items.map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(['kampan.account@example.org', 'staff.only@example.org']));
    // one row, for the account linked to a person; the staff account with no person and the admin are not people
    expect(await logged()).toEqual([{ party_id: person.id, fields: ['email'], route: 'GET /users', viewer_role: 'admin' }]);
    // and the admin reads it in the privacy module's access log
    const log = await api.get(`${base}/privacy/access-log`);
    expect(log.statusCode, log.body).toBe(200);
    expect(JSON.stringify(log.json())).toContain('GET /users');
  });
});
