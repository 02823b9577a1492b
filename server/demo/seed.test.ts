import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from './seed';
import { buildTestApp, createUser, login, type TestApp } from '../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('demo data', () => {
  it('loads Chomphu with 50 networks on three pillars, 400+ partners and a second tenant, once', async () => {
    const first = await seedDemo(t.database.db);
    expect(first.created).toEqual(['chomphu', 'thakwang']);
    expect(await seedDemo(t.database.db)).toEqual({ created: [], skipped: ['chomphu', 'thakwang'] });
    await t.app.tenantDirectory.reload();

    const admin = await createUser(t, { platformAdmin: true });
    const api = await login(t, admin.email, admin.password);
    const d = (await api.get('/api/v1/t/chomphu/dashboard')).json();
    expect(d.totals.networks).toBe(50);
    expect(d.totals.partners).toBeGreaterThanOrEqual(400);
    expect(d.networksByPillar.map((p: { key: string }) => p.key)).toEqual(['local', 'locality', 'people']);
    expect(d.networksByIssue.length).toBeGreaterThanOrEqual(10);

    const weir = (await api.get(`/api/v1/t/chomphu/networks?q=${encodeURIComponent('พญาคำ')}`)).json();
    const weirNetwork = weir.items.find((n: { name: string }) => n.name.includes('เหมืองฝายพญาคำ'));
    expect(weirNetwork).toBeDefined();
    const members = (await api.get(`/api/v1/t/chomphu/networks/${weirNetwork.id}/members?pageSize=200`)).json();
    const lgus = members.items.filter((m: { party: { sector: string } }) => m.party.sector === 'local_government');
    expect(lgus.length).toBeGreaterThanOrEqual(8);
    expect((await api.get(`/api/v1/t/chomphu/networks?q=${encodeURIComponent('ผู้สูงอายุ')}`)).json().total).toBeGreaterThanOrEqual(1);

    const small = (await api.get('/api/v1/t/thakwang/dashboard')).json();
    expect(small.totals.networks).toBeGreaterThan(0);
    expect(small.totals.networks).toBeLessThan(10);
    // no citizen ID in the demo leaves the API unmasked
    const people = (await api.get('/api/v1/t/chomphu/partners?kind=person&pageSize=200')).json();
    const withIds = people.items.filter((p: { citizenId: string | null }) => p.citizenId);
    expect(withIds.length).toBeGreaterThan(0);
    for (const p of withIds) expect(p.citizenId).toMatch(/^\d-xxxx-xxxxx-\d\d-\d$/);
  }, 120_000);
});
