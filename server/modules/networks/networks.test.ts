import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listOf } from '../../../common/schemas/api';
import { networkListItem } from '../../../common/schemas/networks';
import { buildTestApp, CHOMPHU_ADDRESS, tenantWithUser, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('networks', () => {
  it('creates a network, records its stage history, adds members, and the dashboard counts change', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const before = (await api.get(`${base}/dashboard`)).json();
    expect(before.totals.networks).toBe(0);

    const weirChief = (
      await api.post(`${base}/partners`, { kind: 'person', name: 'นายอินสม ปัญญาดี', sector: 'locality', position: 'แก่ฝาย', address: CHOMPHU_ADDRESS })
    ).json();
    const neighbour = (
      await api.post(`${base}/partners`, { kind: 'organization', name: 'เทศบาลตำบลท่ากว้าง', sector: 'local_government', orgType: 'local_government' })
    ).json();
    const created = await api.post(`${base}/networks`, {
      name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ',
      nameEn: 'Phaya Kham weir water users',
      pillar: 'locality',
      issues: ['water', 'agriculture'],
      tags: ['ต้นน้ำ-กลางน้ำ-ปลายน้ำ'],
      stage: 'develop',
      foundedOn: '2010-05-01',
      coordinatorPartyId: weirChief.id,
    });
    expect(created.statusCode).toBe(201);
    const n = created.json();
    expect(n).toMatchObject({ pillar: 'locality', stage: 'develop', coordinator: { id: weirChief.id }, memberCount: 1 });
    expect(n.stageHistory).toEqual([expect.objectContaining({ fromStage: null, toStage: 'develop', changedOn: '2010-05-01' })]);

    // a network may include other local governments as member organisations
    const m = await api.post(`${base}/networks/${n.id}/members`, { partyId: neighbour.id, role: 'committee', startDate: '2012-01-01' });
    expect(m.statusCode).toBe(201);
    expect(m.json()).toMatchObject({ role: 'committee', party: { name: 'เทศบาลตำบลท่ากว้าง', sector: 'local_government' } });
    const again = await api.post(`${base}/networks/${n.id}/members`, { partyId: neighbour.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields.partyId).toBe('ภาคีนี้เป็นสมาชิกเครือข่ายอยู่แล้ว');

    const members = (await api.get(`${base}/networks/${n.id}/members`)).json();
    expect(members.items.map((x: { role: string }) => x.role)).toEqual(['coordinator', 'committee']);

    const staged = await api.patch(`${base}/networks/${n.id}`, { stage: 'sustain', stageNote: 'มีกติกาการใช้น้ำร่วมกันครบ 8 ตำบล', stageChangedOn: '2019-03-15' });
    expect(staged.statusCode).toBe(200);
    expect(staged.json().stageHistory.map((s: { toStage: string }) => s.toStage)).toEqual(['develop', 'sustain']);
    expect(staged.json().stageHistory[1]).toMatchObject({ fromStage: 'develop', note: 'มีกติกาการใช้น้ำร่วมกันครบ 8 ตำบล', changedOn: '2019-03-15' });

    const after = (await api.get(`${base}/dashboard`)).json();
    expect(after.totals).toMatchObject({ networks: 1, partners: 2, memberships: 2 });
    expect(after.networksByPillar).toEqual([{ key: 'locality', count: 1 }]);
    expect(after.networksByStage).toEqual([{ key: 'sustain', count: 1 }]);
    expect(after.networksByIssue).toEqual(
      expect.arrayContaining([
        { key: 'water', count: 1 },
        { key: 'agriculture', count: 1 },
      ]),
    );
    expect(after.recentActivity[0].entity).toBe('network');
  });

  it('filters networks by pillar, stage, issue and Thai text', async () => {
    const { api, base } = await tenantWithUser(t, 'admin');
    const mk = (name: string, pillar: string, stage: string, issues: string[]) => api.post(`${base}/networks`, { name, pillar, stage, issues });
    await mk('เครือข่ายฟื้นฟูสมรรถภาพผู้สูงอายุ', 'people', 'build', ['elderly', 'health']);
    await mk('เครือข่ายอาสาสมัครสาธารณสุข', 'people', 'sustain', ['health']);
    await mk('เครือข่ายป้องกันภัยพิบัติ', 'local', 'develop', ['disaster', 'safety']);
    const q = async (qs: string) => (await api.get(`${base}/networks?${qs}`)).json();
    expect((await q('issue=health')).total).toBe(2);
    expect((await q('pillar=local')).items[0].name).toBe('เครือข่ายป้องกันภัยพิบัติ');
    expect((await q('stage=sustain&issue=health')).total).toBe(1);
    expect((await q(`q=${encodeURIComponent('ผู้สูงอายุ')}`)).total).toBe(1);
    const unknownIssue = await api.get(`${base}/networks?issue=unknown`);
    expect(unknownIssue.statusCode).toBe(400);
    expect(Object.keys(unknownIssue.json().error.fields)).toEqual(['issue']);
  });

  it('lists networks without descriptions, and exports them with descriptions as CSV and XLSX that open again', async () => {
    const { api, base } = await tenantWithUser(t, 'admin');
    const description = 'แยกขยะรีไซเคิลจากครัวเรือนทุกหมู่บ้าน นำรายได้เข้ากองทุนสวัสดิการชุมชน';
    const created = (await api.post(`${base}/networks`, { name: 'เครือข่ายธนาคารขยะ', pillar: 'people', issues: ['waste'], description })).json();
    // the list page's shape leaves the description out; the network's own page and the export keep it
    const [listed] = (await api.get(`${base}/networks`)).json().items;
    expect(listed).toMatchObject({ id: created.id, name: 'เครือข่ายธนาคารขยะ' });
    expect(listed).not.toHaveProperty('description');
    expect((await api.get(`${base}/networks/${created.id}`)).json().description).toBe(description);
    const csv = await api.get(`${base}/networks/export?format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('เครือข่ายธนาคารขยะ');
    expect(csv.body).toContain(description);
    const xlsx = await api.get(`${base}/networks/export?format=xlsx`);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('ชื่อเครือข่าย');
    expect(ws.getRow(2).getCell(1).value).toBe('เครือข่ายธนาคารขยะ');
  });

  it('lists exactly the schema fields, as the page of each network has them, in Thai order, by members or by change, page by page', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const chief = (
      await api.post(`${base}/partners`, { kind: 'person', name: 'นางศรีนวล ใจมา', sector: 'civil_society', position: 'ประธาน "กลุ่ม"\nแม่บ้าน' })
    ).json();
    const mk = async (name: string, extra: object = {}) => (await api.post(`${base}/networks`, { name, pillar: 'people', ...extra })).json();
    await mk('เครือข่ายสวัสดิการชุมชน', {
      nameEn: 'Community welfare',
      issues: ['elderly', 'livelihood'],
      tags: ['ออมวันละบาท', 'แท็ก "อัญประกาศ"'],
      foundedOn: '2009-01-15',
      stage: 'build',
      coordinatorPartyId: chief.id,
      description: 'ไม่แสดงในรายการ',
    });
    const kids = await mk('กลุ่มเยาวชนรักษ์ถิ่น');
    const elders = await mk('ชมรมผู้สูงอายุ');
    const other = (await api.post(`${base}/partners`, { kind: 'person', name: 'นายคำ ดี', sector: 'locality' })).json();
    await api.post(`${base}/networks/${elders.id}/members`, { partyId: other.id });
    await api.post(`${base}/networks/${elders.id}/members`, { partyId: chief.id });

    const res = await api.get(`${base}/networks`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    // strictly the declared shape: no field more (description, tenant) and none missing
    const strictItem = networkListItem.strict().extend({ coordinator: networkListItem.shape.coordinator.unwrap().strict().nullable() });
    const body = listOf(strictItem).strict().parse(res.json());
    expect(body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
    // Thai dictionary order: the leading vowel เ sorts by the consonant after it, so เค… comes between ก… and ช…
    expect(body.items.map((n) => n.name)).toEqual(['กลุ่มเยาวชนรักษ์ถิ่น', 'เครือข่ายสวัสดิการชุมชน', 'ชมรมผู้สูงอายุ']);
    // each item is the network's page without the description and history (timestamps included, to the millisecond)
    for (const item of body.items) {
      const { description: _d, stageHistory: _h, ...detail } = (await api.get(`${base}/networks/${item.id}`)).json();
      expect(item).toEqual(detail);
    }
    expect(body.items[1].coordinator).toMatchObject({ id: chief.id, position: 'ประธาน "กลุ่ม"\nแม่บ้าน' });
    expect(body.items[0].coordinator).toBeNull();

    const ids = async (qs: string) => (await api.get(`${base}/networks?${qs}`)).json().items.map((n: { id: string }) => n.id);
    expect((await ids('sort=-members')).slice(0, 1)).toEqual([elders.id]); // 2 members; the welfare network 1 (its coordinator), the youth 0
    expect((await ids('sort=-members'))[2]).toBe(kids.id);
    await api.patch(`${base}/networks/${kids.id}`, { nameEn: 'Youth' });
    expect((await ids('sort=-updatedAt'))[0]).toBe(kids.id);
    expect(await ids('pageSize=2&page=2')).toEqual([elders.id]);
    const past = (await api.get(`${base}/networks?pageSize=2&page=5`)).json();
    expect(past).toEqual({ items: [], total: 3, page: 5, pageSize: 2 });
    expect((await api.get(`${base}/networks?q=${encodeURIComponent('ไม่มีชื่อนี้')}`)).json()).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
  });

  it('refuses bad network input with field messages and changes nothing', async () => {
    const { api, base } = await tenantWithUser(t, 'admin');
    const bad = await api.post(`${base}/networks`, { name: '', pillar: 'moon', stage: 'grow', issues: ['water', 'chess'], foundedOn: '2025-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['foundedOn', 'issues.1', 'name', 'pillar', 'stage']);
    const unknownCoordinator = await api.post(`${base}/networks`, { name: 'x', pillar: 'people', coordinatorPartyId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownCoordinator.json().error.fields.coordinatorPartyId).toBe('ไม่พบภาคีนี้');
    expect((await api.get(`${base}/networks`)).json().total).toBe(0);
  });
});
