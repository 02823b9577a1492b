import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUser, login, tenantWithUser, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('dashboard', () => {
  it('counts every chart in the database, in the charts’ order', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const networks = [
      { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', pillar: 'locality', stage: 'build', issues: ['water', 'agriculture'] },
      { name: 'เครือข่ายอาสาสมัครดูแลผู้สูงอายุ', pillar: 'people', stage: 'seek', issues: ['health'] },
      { name: 'เครือข่ายเยาวชนรักษ์น้ำ', pillar: 'people', stage: 'build', issues: ['water'] },
      { name: 'เครือข่ายท้องถิ่นลุ่มน้ำ', pillar: 'local', stage: 'sustain', issues: [] },
    ];
    for (const n of networks) expect((await api.post(`${base}/networks`, n)).statusCode).toBe(201);
    const partners = [
      { kind: 'organization', name: 'วัดหัวฝาย', sector: 'religious' },
      { kind: 'person', name: 'นางบังอร ใจดี', sector: 'locality' },
      { kind: 'person', name: 'นายบุญเลิศ ทองคำ', sector: 'locality' },
    ];
    for (const p of partners) expect((await api.post(`${base}/partners`, p)).statusCode).toBe(201);

    const d = (await api.get(`${base}/dashboard`)).json();
    expect(d.totals).toEqual({ networks: 4, partners: 3, organizations: 1, people: 2, memberships: 0, relationships: 0 });
    expect(d.networksByPillar).toEqual([
      { key: 'local', count: 1 },
      { key: 'locality', count: 1 },
      { key: 'people', count: 2 },
    ]);
    expect(d.networksByStage).toEqual([
      { key: 'seek', count: 1 },
      { key: 'build', count: 2 },
      { key: 'sustain', count: 1 },
    ]);
    expect(d.networksByIssue).toEqual([
      { key: 'water', count: 2 },
      { key: 'agriculture', count: 1 },
      { key: 'health', count: 1 },
    ]);
    expect(d.partnersBySector).toEqual([
      { key: 'locality', count: 2 },
      { key: 'religious', count: 1 },
    ]);
  });

  it('an empty tenant answers zeros and empty charts', async () => {
    const { api, base } = await tenantWithUser(t, 'admin');
    const d = (await api.get(`${base}/dashboard`)).json();
    expect(d.totals).toEqual({ networks: 0, partners: 0, organizations: 0, people: 0, memberships: 0, relationships: 0 });
    expect([d.networksByPillar, d.networksByStage, d.networksByIssue, d.partnersBySector, d.recentActivity]).toEqual([[], [], [], [], []]);
  });

  it('shows recent activity to officers without what changed, and none to members', async () => {
    const { tenant, api, base } = await tenantWithUser(t, 'officer');
    await api.post(`${base}/partners`, { kind: 'person', name: 'นายอินสม ปัญญาดี', sector: 'locality', phone: '0812345678' });
    const officerView = (await api.get(`${base}/dashboard`)).json();
    expect(officerView.recentActivity).toHaveLength(1);
    expect(officerView.recentActivity[0]).toMatchObject({ entity: 'party', action: 'create', entityLabel: 'นายอินสม ปัญญาดี' });
    expect(officerView.recentActivity[0]).not.toHaveProperty('changes');
    expect(JSON.stringify(officerView)).not.toContain('0812345678');

    const member = await createUser(t, { tenantId: tenant.id, role: 'member' });
    const memberView = (await (await login(t, member.email, member.password)).get(`${base}/dashboard`)).json();
    expect(memberView.totals.partners).toBe(1);
    expect(memberView.recentActivity).toEqual([]);
  });
});
