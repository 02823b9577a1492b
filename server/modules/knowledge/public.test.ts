import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, client, ORIGIN, tenantWithUser, type Client, type TestApp } from '../../test/harness';

let t: TestApp;
let admin: Client;
let base: string;
let slug: string;
const ids = { public: '', tenant: '', network: '' };
let fileId = '';

beforeAll(async () => {
  t = await buildTestApp();
  const a = await tenantWithUser(t, 'admin');
  admin = a.api;
  base = a.base;
  slug = a.tenant.slug;
  const coordinator = (await admin.post(`${base}/partners`, { kind: 'person', name: 'นายบุญมา แก่ฝาย', sector: 'locality' })).json().id;
  const net = (await admin.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำ', pillar: 'locality', coordinatorPartyId: coordinator })).json().id;
  const make = async (title: string, visibility: string) => {
    const res = await admin.post(`${base}/knowledge`, {
      type: 'local_wisdom',
      title,
      body: `เนื้อหา **${title}**`,
      visibility,
      networkIds: [net],
      publishedOn: '2026-11-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  ids.public = await make('ภูมิปัญญาการปันน้ำ', 'public');
  ids.tenant = await make('บันทึกภายในเทศบาล', 'tenant');
  ids.network = await make('บันทึกของเครือข่าย', 'network');
  const form = new FormData();
  form.append('file', new Blob(['กติกาการปันน้ำ ฉบับประชาคม']), 'กติกา.txt');
  const up = await t.app.inject({
    method: 'POST',
    url: `${base}/knowledge/${ids.public}/attachments`,
    payload: form as never,
    headers: { cookie: admin.cookie, origin: ORIGIN, host: 'localhost' },
  });
  expect(up.statusCode, up.body).toBe(201);
  fileId = up.json().id;
});
afterAll(() => t.close());

describe('public knowledge (no login)', () => {
  it('lists and opens only items marked public; the others are not found', async () => {
    const visitor = client(t);
    const list = await visitor.get(`/api/v1/public/${slug}/knowledge`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((i: { title: string }) => i.title)).toEqual(['ภูมิปัญญาการปันน้ำ']);
    expect(list.json().items[0].networks).toEqual(['เครือข่ายผู้ใช้น้ำ']);
    expect((await visitor.get(`/api/v1/public/${slug}/knowledge?q=${encodeURIComponent('ภายใน')}`)).json().total).toBe(0);

    const item = await visitor.get(`/api/v1/public/${slug}/knowledge/${ids.public}`);
    expect(item.statusCode, item.body).toBe(200);
    expect(item.json().bodyHtml).toContain('<strong>ภูมิปัญญาการปันน้ำ</strong>');
    expect(item.json().attachments.map((f: { filename: string }) => f.filename)).toEqual(['กติกา.txt']);
    const file = await visitor.get(item.json().attachments[0].url);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe('กติกาการปันน้ำ ฉบับประชาคม');
    expect(file.headers['x-content-type-options']).toBe('nosniff');

    for (const hidden of [ids.tenant, ids.network]) {
      expect((await visitor.get(`/api/v1/public/${slug}/knowledge/${hidden}`)).statusCode).toBe(404);
      expect((await visitor.get(`/api/v1/public/${slug}/knowledge/${hidden}/attachments/${fileId}`)).statusCode).toBe(404);
    }
    // the signed-in API stays signed-in only
    expect((await visitor.get(`${base}/knowledge/${ids.public}`)).statusCode).toBe(401);
    expect((await visitor.get(`/api/v1/public/no-such-tenant/knowledge`)).statusCode).toBe(404);
  });
});

describe('fiscal years', () => {
  it('the default year is the latest with data, not in the future; a new tenant opens on today’s', async () => {
    const fresh = await tenantWithUser(t, 'member');
    const y = (await fresh.api.get(`${fresh.base}/fiscal-years`)).json();
    expect(y.years).toEqual([]);
    expect(y.default).toBe(y.current);
    // a fund two years back and one next year: the default is the past one
    expect((await admin.post(`${base}/budget/funds`, { name: 'กองทุนปีก่อน', kind: 'municipal', fiscalYear: y.current - 2 })).statusCode).toBe(201);
    expect((await admin.post(`${base}/budget/funds`, { name: 'กองทุนปีหน้า', kind: 'municipal', fiscalYear: y.current + 1 })).statusCode).toBe(201);
    const mine = (await admin.get(`${base}/fiscal-years`)).json();
    expect(mine.years).toEqual([y.current + 1, y.current - 2]);
    expect(mine.default).toBe(y.current - 2);
    expect((await client(t).get(`/api/v1/public/${slug}/fiscal-years`)).json()).toEqual(mine);
  });
});
