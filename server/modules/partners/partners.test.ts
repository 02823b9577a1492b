import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { generateThaiCitizenId } from '../../../common/thai';
import { buildTestApp, CHOMPHU_ADDRESS, tenantWithUser, type TestApp } from '../../test/harness';
import { rows } from '../../platform/sql';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const org = (over: Record<string, unknown> = {}) => ({
  kind: 'organization',
  name: 'วัดชมภู',
  sector: 'religious',
  orgType: 'temple',
  address: CHOMPHU_ADDRESS,
  ...over,
});

describe('partner registry', () => {
  it('creates an organisation with a Thai address and defaults the pillar from the sector', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const res = await api.post(`${base}/partners`, org());
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ kind: 'organization', name: 'วัดชมภู', sector: 'religious', pillar: 'people', address: { subdistrict: 'ชมภู', postcode: '50140' } });
    const local = await api.post(`${base}/partners`, org({ name: 'เทศบาลตำบลชมภู', sector: 'local_government', orgType: 'local_government' }));
    expect(local.json().pillar).toBe('local');
    const overridden = await api.post(`${base}/partners`, org({ name: 'โรงเรียนบ้านชมภู', sector: 'public_agency', pillar: 'people' }));
    expect(overridden.json().pillar).toBe('people');
  });

  it('accepts address prefixes (ตำบล/อำเภอ/จังหวัด) and refuses inconsistent addresses with field messages', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const ok = await api.post(
      `${base}/partners`,
      org({ address: { subdistrict: 'ตำบลชมภู', district: 'อำเภอสารภี', province: 'จังหวัดเชียงใหม่', postcode: '50140' } }),
    );
    expect(ok.statusCode).toBe(201);
    const wrongDistrict = await api.post(`${base}/partners`, org({ address: { ...CHOMPHU_ADDRESS, district: 'สันทราย' } }));
    expect(wrongDistrict.statusCode).toBe(400);
    expect(wrongDistrict.json().error.fields).toHaveProperty(['address.subdistrict']);
    const wrongPostcode = await api.post(`${base}/partners`, org({ address: { ...CHOMPHU_ADDRESS, postcode: '10200' } }));
    expect(wrongPostcode.json().error.fields['address.postcode']).toBe('รหัสไปรษณีย์ไม่ตรงกับตำบล/อำเภอ');
    const unknownProvince = await api.post(`${base}/partners`, org({ address: { ...CHOMPHU_ADDRESS, province: 'แอตแลนติส' } }), { 'accept-language': 'en' });
    expect(unknownProvince.json().error.fields['address.province']).toBe('Unknown province.');
    const incomplete = await api.post(`${base}/partners`, org({ address: { subdistrict: 'ชมภู' } }));
    expect(Object.keys(incomplete.json().error.fields).sort()).toEqual(['address.district', 'address.province']);
  });

  it('stores a citizen ID so that the API only ever returns it masked', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const id = generateThaiCitizenId(() => 0.42);
    const res = await api.post(`${base}/partners`, {
      kind: 'person',
      name: 'นางบัวคำ ใจมา',
      sector: 'civil_society',
      citizenId: id,
      consent: { purpose: 'ติดต่อประสานงาน', lawfulBasis: 'consent', date: '2025-06-01' },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.citizenId).not.toContain(id.slice(1, 10));
    expect(created.citizenId).toMatch(/x/);
    expect(created.consent).toEqual({ purpose: 'ติดต่อประสานงาน', lawfulBasis: 'consent', date: '2025-06-01' });
    for (const body of [
      (await api.get(`${base}/partners/${created.id}`)).body,
      (await api.get(`${base}/partners?q=${encodeURIComponent('บัวคำ')}`)).body,
      (await api.get(`${base}/partners/export?format=csv`)).body,
      (await api.get(`${base}/audit`)).body,
    ]) {
      expect(body).not.toContain(id);
    }
    const [raw] = await rows<Record<string, unknown>>(t.database.db, sql`select * from parties where id = ${created.id}`);
    expect(raw).toBeDefined();
    expect(JSON.stringify(raw)).not.toContain(id);
    // the same person twice is a conflict
    const dup = await api.post(`${base}/partners`, { kind: 'person', name: 'นางบัวคำ ใจมา (ซ้ำ)', sector: 'civil_society', citizenId: id });
    expect(dup.statusCode).toBe(409);
  });

  it('refuses invalid citizen IDs and citizen IDs on organisations', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const valid = generateThaiCitizenId(() => 0.7);
    const badCheck = valid.slice(0, 12) + String((Number(valid[12]) + 1) % 10);
    for (const citizenId of [badCheck, '12345', 'abcdefghijklm']) {
      const res = await api.post(`${base}/partners`, { kind: 'person', name: 'นายทดสอบ', sector: 'private', citizenId });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.fields.citizenId).toContain('เลขประจำตัวประชาชน');
    }
    const onOrg = await api.post(`${base}/partners`, org({ citizenId: valid }));
    expect(onOrg.statusCode).toBe(400);
    expect(onOrg.json().error.fields).toHaveProperty('citizenId');
    expect((await api.get(`${base}/partners`)).json().total).toBe(0);
  });

  it('lists with Thai search, filters and pagination', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const names = ['วัดชมภู', 'วัดป่าเป้า', 'โรงเรียนบ้านชมภู', 'ร้านลำไยอบแห้งแม่บัว', 'เหมืองฝายพญาคำ'];
    for (const name of names) await api.post(`${base}/partners`, org({ name, sector: name.startsWith('วัด') ? 'religious' : 'private' }));
    const search = (await api.get(`${base}/partners?q=${encodeURIComponent('ชมภู')}`)).json();
    expect(search.items.map((p: { name: string }) => p.name).sort()).toEqual(['วัดชมภู', 'โรงเรียนบ้านชมภู'].sort());
    const religious = (await api.get(`${base}/partners?sector=religious`)).json();
    expect(religious.total).toBe(2);
    const page2 = (await api.get(`${base}/partners?pageSize=2&page=2`)).json();
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.items).toHaveLength(2);
    const all = (await api.get(`${base}/partners?pageSize=200`)).json().items.map((p: { name: string }) => p.name);
    // Thai collation: leading vowels (เ โ ไ) sort by the consonant after them
    expect(all.indexOf('โรงเรียนบ้านชมภู')).toBeLessThan(all.indexOf('วัดชมภู'));
    expect((await api.get(`${base}/partners?pageSize=201`)).statusCode).toBe(400);
  });

  it('updates, audits the change, and deletes', async () => {
    const { api, base } = await tenantWithUser(t, 'admin');
    const p = (await api.post(`${base}/partners`, org())).json();
    const upd = await api.patch(`${base}/partners/${p.id}`, { phone: '053-123456', sector: 'civil_society' });
    expect(upd.statusCode).toBe(200);
    expect(upd.json()).toMatchObject({ phone: '053-123456', sector: 'civil_society', pillar: 'people', name: 'วัดชมภู' });
    const log = (await api.get(`${base}/audit?entityId=${p.id}`)).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(log.items[0].changes).toEqual({ phone: { before: null, after: '053-123456' }, sector: { before: 'religious', after: 'civil_society' } });
    expect((await api.delete(`${base}/partners/${p.id}`)).statusCode).toBe(204);
    expect((await api.get(`${base}/partners/${p.id}`)).statusCode).toBe(404);
  });

  it('members may read but not write', async () => {
    const { api, base } = await tenantWithUser(t, 'member');
    expect((await api.get(`${base}/partners`)).statusCode).toBe(200);
    expect((await api.post(`${base}/partners`, org())).statusCode).toBe(403);
  });
});

describe('relationships', () => {
  it('creates typed, dated relationships and shows them on both parties', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const a = (await api.post(`${base}/partners`, org({ name: 'บริษัท ลำไยทอง จำกัด', sector: 'private', orgType: 'company' }))).json();
    const b = (await api.post(`${base}/partners`, org({ name: 'กลุ่มผู้สูงอายุบ้านชมภู', sector: 'civil_society', orgType: 'community_group' }))).json();
    const rel = await api.post(`${base}/relationships`, { fromPartyId: a.id, toPartyId: b.id, type: 'funds', startDate: '2024-10-01', endDate: '2025-09-30' });
    expect(rel.statusCode).toBe(201);
    expect(rel.json()).toMatchObject({ type: 'funds', from: { name: a.name }, to: { name: b.name } });
    expect((await api.get(`${base}/partners/${b.id}`)).json().relationships).toHaveLength(1);
    const backwards = await api.post(`${base}/relationships`, {
      fromPartyId: a.id,
      toPartyId: b.id,
      type: 'other',
      startDate: '2025-01-01',
      endDate: '2024-01-01',
    });
    expect(backwards.json().error.fields.endDate).toBe('วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้น');
    const self = await api.post(`${base}/relationships`, { fromPartyId: a.id, toPartyId: a.id, type: 'other' });
    expect(self.statusCode).toBe(400);
    const unknown = await api.post(`${base}/relationships`, { fromPartyId: a.id, toPartyId: '00000000-0000-4000-8000-000000000000', type: 'other' });
    expect(unknown.json().error.fields.toPartyId).toBe('ไม่พบภาคีนี้');
    expect((await api.get(`${base}/relationships?partyId=${a.id}`)).json().total).toBe(1);
  });
});
