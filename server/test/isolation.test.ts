import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, CHOMPHU_ADDRESS, client, tenantWithUser, type TestApp } from './harness';
import { rows } from '../platform/sql';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('tenant isolation', () => {
  it("tenant B's admin gets 403/404 on every tenant-A route and changes nothing", async () => {
    const a = await tenantWithUser(t, 'admin');
    const b = await tenantWithUser(t, 'admin');
    const party = (await a.api.post(`${a.base}/partners`, { kind: 'organization', name: 'วัดชมภู', sector: 'religious', address: CHOMPHU_ADDRESS })).json();
    const other = (await a.api.post(`${a.base}/partners`, { kind: 'organization', name: 'โรงเรียนบ้านชมภู', sector: 'public_agency' })).json();
    const net = (await a.api.post(`${a.base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำ', pillar: 'locality', coordinatorPartyId: party.id })).json();
    const member = (await a.api.get(`${a.base}/networks/${net.id}/members`)).json().items[0];
    const rel = (await a.api.post(`${a.base}/relationships`, { fromPartyId: party.id, toPartyId: other.id, type: 'collaborates_with' })).json();
    const snapshot = async () =>
      JSON.stringify([
        (await a.api.get(`${a.base}/partners`)).json(),
        (await a.api.get(`${a.base}/networks/${net.id}`)).json(),
        (await a.api.get(`${a.base}/relationships`)).json(),
        (await a.api.get(`${a.base}/users`)).json(),
      ]);
    const before = await snapshot();

    const attempts: [string, string, unknown?][] = [
      ['GET', `${a.base}/dashboard`],
      ['GET', `${a.base}/partners`],
      ['POST', `${a.base}/partners`, { kind: 'organization', name: 'x', sector: 'private' }],
      ['GET', `${a.base}/partners/${party.id}`],
      ['PATCH', `${a.base}/partners/${party.id}`, { name: 'hacked' }],
      ['DELETE', `${a.base}/partners/${party.id}`],
      ['GET', `${a.base}/partners/export?format=csv`],
      ['GET', `${a.base}/networks`],
      ['POST', `${a.base}/networks`, { name: 'x', pillar: 'people' }],
      ['GET', `${a.base}/networks/${net.id}`],
      ['PATCH', `${a.base}/networks/${net.id}`, { name: 'hacked' }],
      ['DELETE', `${a.base}/networks/${net.id}`],
      ['GET', `${a.base}/networks/${net.id}/members`],
      ['POST', `${a.base}/networks/${net.id}/members`, { partyId: other.id }],
      ['PATCH', `${a.base}/networks/${net.id}/members/${member.id}`, { role: 'advisor' }],
      ['DELETE', `${a.base}/networks/${net.id}/members/${member.id}`],
      ['GET', `${a.base}/relationships`],
      ['POST', `${a.base}/relationships`, { fromPartyId: party.id, toPartyId: other.id, type: 'other' }],
      ['PATCH', `${a.base}/relationships/${rel.id}`, { type: 'other' }],
      ['DELETE', `${a.base}/relationships/${rel.id}`],
      ['GET', `${a.base}/users`],
      ['POST', `${a.base}/users`, { email: 'x@example.org', name: 'x', role: 'admin', password: 'long-enough-pw' }],
      ['GET', `${a.base}/audit`],
      ['GET', `${a.base}/networks/export?format=xlsx`],
    ];
    for (const [method, url, body] of attempts) {
      const res = await t.app.inject({
        method: method as 'GET',
        url,
        payload: body as never,
        headers: { cookie: b.api.cookie, origin: 'http://localhost', host: 'localhost' },
      });
      expect([403, 404], `${method} ${url}`).toContain(res.statusCode);
    }
    // B's own routes cannot reach A's rows by id either
    expect((await b.api.get(`${b.base}/partners/${party.id}`)).statusCode).toBe(404);
    expect((await b.api.patch(`${b.base}/networks/${net.id}`, { name: 'hacked' })).statusCode).toBe(404);
    expect((await b.api.post(`${b.base}/relationships`, { fromPartyId: party.id, toPartyId: other.id, type: 'other' })).statusCode).toBe(400);
    const bNet = (await b.api.post(`${b.base}/networks`, { name: 'B', pillar: 'people' })).json();
    expect((await b.api.post(`${b.base}/networks/${bNet.id}/members`, { partyId: party.id })).statusCode).toBe(400);
    expect(await snapshot()).toBe(before);
  });

  it('row-level security is really on: the app role sees no tenant rows without a tenant set', async () => {
    const a = await tenantWithUser(t, 'admin');
    await a.api.post(`${a.base}/partners`, { kind: 'organization', name: 'วัดชมภู', sector: 'religious' });
    await a.api.post(`${a.base}/networks`, { name: 'เครือข่าย', pillar: 'people' });
    const counts = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role phakhi_app`);
      const [r] = await rows<Record<string, unknown>>(
        tx,
        sql`select current_user as who, (select count(*)::int from parties) p, (select count(*)::int from networks) n, (select count(*)::int from audit_log) a, (select count(*)::int from network_members) m, (select count(*)::int from tenant_users) tu`,
      );
      return r;
    });
    expect(counts).toEqual({ who: 'phakhi_app', p: 0, n: 0, a: 0, m: 0, tu: 0 });
    // and with tenant A set, it sees A's rows only, and cannot write into another tenant
    const seen = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.tenant_id', ${a.tenant.id}, true), set_config('role', 'phakhi_app', true)`);
      const [r] = await rows<{ c: number; t: number }>(tx, sql`select count(*)::int c, count(distinct tenant_id)::int t from parties`);
      return r;
    });
    expect(seen).toEqual({ c: 1, t: 1 });
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.tenant_id', ${a.tenant.id}, true), set_config('role', 'phakhi_app', true)`);
        await tx.execute(sql`insert into parties (tenant_id, kind, name, sector, pillar) values (gen_random_uuid(), 'organization', 'x', 'private', 'people')`);
      }),
    ).rejects.toThrow();
    // the application role may not rewrite the audit log
    await expect(
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('app.tenant_id', ${a.tenant.id}, true), set_config('role', 'phakhi_app', true)`);
        await tx.execute(sql`delete from audit_log`);
      }),
    ).rejects.toThrow();
  });

  it('a user without a role in a tenant is refused; unknown tenants are 404', async () => {
    const a = await tenantWithUser(t, 'admin');
    const anon = client(t);
    expect((await anon.get(`${a.base}/partners`)).statusCode).toBe(401);
    expect((await a.api.get('/api/v1/t/no-such-tenant/partners')).statusCode).toBe(404);
    expect((await a.api.get('/api/v1/t/no-such-tenant/partners')).json().error.code).toBe('tenant_not_found');
  });
});
