import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, CHOMPHU_ADDRESS, tenantWithUser, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('partner search for pickers', () => {
  it('lists the organisation named by the words before the staff whose position mentions it', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const add = async (body: Record<string, unknown>) => {
      const res = await api.post(`${base}/partners`, body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    await add({ kind: 'person', name: 'นางบังอร คำดี', sector: 'local_government', position: 'ครูผู้ดูแลเด็ก ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลชมภู' });
    await add({ kind: 'person', name: 'นายบุญเลิศ ใจงาม', sector: 'local_government', position: 'ผู้ดูแลศูนย์พัฒนาเด็กเล็ก' });
    const centre = await add({ kind: 'organization', name: 'ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลชมภู', sector: 'local_government', orgType: 'school' });
    const res = (await api.get(`${base}/partners?q=${encodeURIComponent('ศูนย์พัฒนาเด็กเล็ก')}&sort=name`)).json();
    expect(res.total).toBe(3);
    expect(res.items[0].id).toBe(centre.id);
    // without a search the list stays in Thai alphabetical order
    const all = (await api.get(`${base}/partners?sort=name`)).json();
    expect(all.items.map((p: { name: string }) => p.name)).toEqual(['นางบังอร คำดี', 'นายบุญเลิศ ใจงาม', 'ศูนย์พัฒนาเด็กเล็กเทศบาลตำบลชมภู']);
  });

  it('gives a picker what tells two people of one name apart: village, role and a masked ID tail', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const a = await api.post(`${base}/partners`, {
      kind: 'person',
      name: 'นายบุญเลิศ ใจดี',
      sector: 'locality',
      position: 'ผู้ใหญ่บ้าน',
      address: { ...CHOMPHU_ADDRESS, moo: 3 },
      citizenId: '1101700203450',
    });
    expect(a.statusCode, a.body).toBe(201);
    await api.post(`${base}/partners`, { kind: 'person', name: 'นายบุญเลิศ ใจดี', sector: 'civil_society', address: { ...CHOMPHU_ADDRESS, moo: 5 } });
    const found = (await api.get(`${base}/partners?q=${encodeURIComponent('บุญเลิศ')}`)).json().items;
    expect(found.map((p: { address: { moo: number } }) => p.address.moo).sort()).toEqual([3, 5]);
    const withId = found.find((p: { citizenId: string | null }) => p.citizenId);
    expect(withId.citizenId).toMatch(/\d-\d$/); // masked, the tail shows
    expect(withId.citizenId).not.toContain('1101700203450');
  });
});
