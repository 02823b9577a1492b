import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, tenantWithUser, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('participation occasions and head counts', () => {
  it('one forum recorded with 1 partner and 2 groups is 1 occasion of 38 people, in the totals and in every row', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const water = (await api.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำ', pillar: 'locality' })).json();
    const headman = (await api.post(`${base}/partners`, { kind: 'organization', name: 'บ้านป่าเป้า หมู่ 3', sector: 'locality', orgType: 'village' })).json();
    const forum = await api.post(`${base}/participation/bulk`, {
      occurredOn: '2025-10-05',
      level: 'issue',
      subjectKind: 'forum',
      title: 'เวทีประชาคมเรื่องน้ำ',
      networkId: water.id,
      contribution: 'opinion',
      entries: [
        { partyId: headman.id, headCount: 5 },
        { groupName: 'กลุ่มแม่บ้านหมู่ 5', headCount: 20, pillar: 'people', sector: 'civil_society' },
        { groupName: 'ลูกฝายบ้านหัวฝาย', headCount: 13, pillar: 'people', sector: 'civil_society' },
      ],
    });
    expect(forum.statusCode, forum.body).toBe(201);
    // a second forum on another day is a second occasion
    await api.post(`${base}/participation/bulk`, {
      occurredOn: '2025-11-05',
      level: 'issue',
      subjectKind: 'forum',
      title: 'เวทีประชาคมเรื่องน้ำ',
      networkId: water.id,
      contribution: 'opinion',
      entries: [{ groupName: 'กลุ่มแม่บ้านหมู่ 5', headCount: 12, pillar: 'people', sector: 'civil_society' }],
    });

    const m = (await api.get(`${base}/participation/matrix?fiscalYear=2569`)).json();
    expect(m.occasions).toEqual({ issue: 2, plan: 0, operation: 0 });
    expect(m.counts).toEqual({ issue: 4, plan: 0, operation: 0 });
    expect(m.people).toEqual({ issue: 50, plan: 0, operation: 0 });
    const net = m.networks.find((r: { key: string }) => r.key === water.id);
    expect(net).toMatchObject({ occasions: { issue: 2 }, counts: { issue: 4 }, people: { issue: 50 } });
    // two pillars took part in the first forum: each row counts it once, the total still counts it once
    const people = m.pillars.find((r: { key: string }) => r.key === 'people');
    const locality = m.pillars.find((r: { key: string }) => r.key === 'locality');
    expect(people).toMatchObject({ occasions: { issue: 2 }, people: { issue: 45 } });
    expect(locality).toMatchObject({ occasions: { issue: 1 }, people: { issue: 5 } });
  });
});
