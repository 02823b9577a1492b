import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, participationRecords } from '../../db/schema';
import { buildTestApp, tenantWithUser, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Counts = { issue: number; plan: number; operation: number };
type Row = { key: string; counts: Counts; people: Counts };

async function setup() {
  const ctx = await tenantWithUser(t, 'officer');
  const { api, base } = ctx;
  const water = (await api.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', pillar: 'locality', issues: ['water'] })).json();
  const elderly = (await api.post(`${base}/networks`, { name: 'เครือข่ายฟื้นฟูสมรรถภาพผู้สูงอายุ', pillar: 'people', issues: ['elderly'] })).json();
  const mk = async (body: Record<string, unknown>) => (await api.post(`${base}/partners`, body)).json();
  const lgu = await mk({ kind: 'organization', name: 'เทศบาลตำบลชมภู', sector: 'local_government', orgType: 'local_government' });
  const headman = await mk({ kind: 'person', name: 'นายบุญมา ใจดี', sector: 'locality', position: 'ผู้ใหญ่บ้าน หมู่ 3' });
  const village = await mk({ kind: 'organization', name: 'บ้านป่าเป้า หมู่ 3', sector: 'locality', orgType: 'village' });
  const group = await mk({ kind: 'organization', name: 'กลุ่มผู้ใช้น้ำเหมืองฝาย', sector: 'civil_society', orgType: 'community_group' });
  const plan = (await api.post(`${base}/plans`, { name: 'แผนน้ำ 2569', fiscalYear: 2569, networkIds: [water.id] })).json();
  const project = (await api.post(`${base}/plans/${plan.id}/projects`, { name: 'ซ่อมฝาย' })).json();
  const activity = (await api.post(`${base}/plans/${plan.id}/projects/${project.id}/activities`, { name: 'ลงแขกซ่อมฝาย', budgetSatang: 0 })).json();
  return { ...ctx, water, elderly, lgu, headman, village, group, plan, activityId: activity.id };
}

describe('participation', () => {
  it('records participation at three levels, in bulk, and the matrix equals the sum of its records', async () => {
    const s = await setup();
    const { api, base } = s;
    // issue level: a forum on 30 Sep 2025 (fiscal year 2568) and one on 1 Oct 2025 (2569)
    const forum68 = await api.post(`${base}/participation`, {
      occurredOn: '2025-09-30',
      level: 'issue',
      subjectKind: 'forum',
      title: 'เวทีประชาคมปัญหาน้ำแล้งปลายเหมือง',
      networkId: s.water.id,
      partyId: s.headman.id,
      contribution: 'opinion',
    });
    expect(forum68.statusCode, forum68.body).toBe(201);
    expect(forum68.json()).toMatchObject({
      fiscalYear: 2568,
      pillar: 'locality',
      sector: 'locality',
      party: { id: s.headman.id },
      network: { id: s.water.id },
    });
    const bulkIssue = await api.post(`${base}/participation/bulk`, {
      occurredOn: '2025-10-01',
      level: 'issue',
      subjectKind: 'forum',
      title: 'เวทีประชาคมหมู่บ้าน รับฟังปัญหาน้ำ',
      networkId: s.water.id,
      contribution: 'opinion',
      entries: [
        { partyId: s.headman.id },
        { partyId: s.lgu.id },
        { partyId: s.village.id, headCount: 35 },
        { groupName: 'ชาวบ้านหมู่ 5 บ้านดอนไชย', headCount: 20, pillar: 'people', sector: 'civil_society' },
      ],
    });
    expect(bulkIssue.statusCode, bulkIssue.body).toBe(201);
    expect(bulkIssue.json()).toMatchObject({ created: 4, people: 57 });
    // plan level for the elderly network
    await api.post(`${base}/participation/bulk`, {
      occurredOn: '2026-01-15',
      level: 'plan',
      subjectKind: 'meeting',
      title: 'ประชุมจัดทำแผนฟื้นฟูผู้สูงอายุร่วม',
      networkId: s.elderly.id,
      contribution: 'decision',
      entries: [{ partyId: s.lgu.id }, { partyId: s.group.id, headCount: 3 }],
    });
    // operation level on an activity: network and plan follow from the activity's one-network plan
    const labour = await api.post(`${base}/participation`, {
      occurredOn: '2026-03-02',
      level: 'operation',
      subjectKind: 'activity',
      title: 'ลงแขกซ่อมฝาย',
      activityId: s.activityId,
      groupName: 'ลูกฝายบ้านหัวฝาย',
      headCount: 42,
      contribution: 'labour',
    });
    expect(labour.json()).toMatchObject({ network: { id: s.water.id }, planId: s.plan.id, pillar: null, fiscalYear: 2569 });
    await api.post(`${base}/participation`, {
      occurredOn: '2026-03-02',
      level: 'operation',
      subjectKind: 'activity',
      title: 'ลงแขกซ่อมฝาย',
      activityId: s.activityId,
      partyId: s.group.id,
      contribution: 'materials',
      amountSatang: 1_500_00,
    });

    const m = (await api.get(`${base}/participation/matrix?fiscalYear=2569`)).json();
    expect(m.fiscalYear).toBe(2569);
    expect(m.levels).toEqual(['issue', 'plan', 'operation']);
    expect(m.counts).toEqual({ issue: 4, plan: 2, operation: 2 });
    expect(m.people).toEqual({ issue: 57, plan: 4, operation: 43 });
    expect(m.networks.find((r: Row) => r.key === s.water.id)).toMatchObject({
      label: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ',
      counts: { issue: 4, plan: 0, operation: 2 },
    });
    expect(m.networks.find((r: Row) => r.key === s.elderly.id)).toMatchObject({ counts: { issue: 0, plan: 2, operation: 0 }, people: { plan: 4 } });
    expect(m.pillars.find((r: Row) => r.key === 'locality')).toMatchObject({
      label: 'ภาคท้องที่',
      counts: { issue: 2, plan: 0, operation: 0 },
      people: { issue: 36 },
    });
    expect(m.pillars.find((r: Row) => r.key === 'unknown')).toMatchObject({ counts: { operation: 1 }, people: { operation: 42 } });
    const en = (await api.get(`${base}/participation/matrix?fiscalYear=2569`, { 'accept-language': 'en' })).json();
    expect(en.sectors.find((r: Row) => r.key === 'local_government').label).toBe('Local government');
    // the year before holds only the 30 September forum
    expect((await api.get(`${base}/participation/matrix?fiscalYear=2568`)).json().counts).toEqual({ issue: 1, plan: 0, operation: 0 });

    // every cell equals the sum of the records the drill-down returns for the same filters
    const sumOf = async (qs: string) => {
      const list = (await api.get(`${base}/participation?fiscalYear=2569&pageSize=200&${qs}`)).json();
      return { records: list.total, people: list.items.reduce((s: number, r: { headCount: number }) => s + r.headCount, 0) };
    };
    for (const [dim, param] of [
      ['networks', 'networkId'],
      ['pillars', 'pillar'],
      ['sectors', 'sector'],
    ] as const) {
      for (const row of m[dim] as Row[]) {
        for (const level of m.levels as (keyof Counts)[]) {
          expect(await sumOf(`${param}=${row.key}&level=${level}`), `${dim} ${row.key} ${level}`).toEqual({
            records: row.counts[level],
            people: row.people[level],
          });
        }
      }
    }
    const all = await t.database.db.select().from(participationRecords);
    const mine = all.filter((r) => r.fiscalYear === 2569 && [s.water.id, s.elderly.id].includes(r.networkId ?? ''));
    expect(mine.length).toBe(8);

    // delete a record: the matrix follows
    const one = (await api.get(`${base}/participation?fiscalYear=2569&level=plan&partyId=${s.group.id}`)).json().items[0];
    expect((await api.delete(`${base}/participation/${one.id}`)).statusCode).toBe(204);
    expect((await api.get(`${base}/participation/matrix?fiscalYear=2569`)).json().counts.plan).toBe(1);

    // records without a network form the row keyed 'none', and its drill-down is networkId=none
    const loose = await api.post(`${base}/participation`, {
      occurredOn: '2026-02-02',
      level: 'issue',
      subjectKind: 'survey',
      title: 'สำรวจความเห็นเรื่องฝุ่นควัน',
      groupName: 'ชาวบ้านหมู่ 3',
      headCount: 12,
    });
    expect(loose.statusCode, loose.body).toBe(201);
    const none = (await api.get(`${base}/participation/matrix?fiscalYear=2569`)).json().networks.find((r: Row) => r.key === 'none');
    expect(none).toMatchObject({ counts: { issue: 1, plan: 0, operation: 0 }, people: { issue: 12 } });
    expect(await sumOf('networkId=none&level=issue')).toEqual({ records: 1, people: 12 });
  });

  it('refuses a bad attendance list as a whole, with field messages, and writes nothing', async () => {
    const s = await setup();
    const { api, base } = s;
    const audits = (await t.database.db.select().from(auditLog)).length;
    const bad = await api.post(`${base}/participation/bulk`, {
      occurredOn: '2026-01-10',
      level: 'plan',
      subjectKind: 'meeting',
      title: 'ประชุมแผน',
      entries: [
        { partyId: s.lgu.id },
        { partyId: '00000000-0000-4000-8000-000000000000' },
        { partyId: s.lgu.id },
        { headCount: 5 },
        { groupName: 'กลุ่มแม่บ้าน', headCount: 0 },
        { partyId: s.headman.id, amountSatang: 10.5 },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({
      'entries.4.headCount': 'จำนวนคนต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป',
      'entries.5.amountSatang': 'จำนวนเงินต้องเป็นจำนวนเต็มในหน่วยสตางค์ (ไม่มีทศนิยม)',
    });
    const bad2 = await api.post(`${base}/participation/bulk`, {
      occurredOn: '2026-01-10',
      level: 'plan',
      subjectKind: 'meeting',
      title: 'ประชุมแผน',
      entries: [{ partyId: s.lgu.id }, { partyId: '00000000-0000-4000-8000-000000000000' }, { partyId: s.lgu.id }, { headCount: 5 }],
    });
    expect(bad2.json().error.fields).toEqual({
      'entries.1.partyId': 'ไม่พบภาคีนี้',
      'entries.2.partyId': 'ผู้เข้าร่วมนี้ซ้ำกับรายการก่อนหน้า',
      'entries.3.partyId': 'ระบุภาคีหรือชื่อหมู่บ้าน/กลุ่มพร้อมจำนวนคน',
    });
    const badLevel = await api.post(`${base}/participation`, {
      occurredOn: '2026-02-30',
      level: 'policy',
      subjectKind: 'forum',
      title: 'x',
      partyId: s.lgu.id,
    });
    expect(Object.keys(badLevel.json().error.fields).sort()).toEqual(['level', 'occurredOn']);
    const badLinks = await api.post(`${base}/participation`, {
      occurredOn: '2026-02-01',
      level: 'operation',
      subjectKind: 'activity',
      title: 'x',
      partyId: s.lgu.id,
      networkId: '00000000-0000-4000-8000-000000000000',
      activityId: '00000000-0000-4000-8000-000000000001',
    });
    expect(badLinks.json().error.fields).toEqual({ networkId: 'ไม่พบเครือข่ายนี้', activityId: 'ไม่พบกิจกรรมนี้' });
    expect((await api.get(`${base}/participation/matrix?fiscalYear=2569`)).json().counts).toEqual({ issue: 0, plan: 0, operation: 0 });
    expect((await api.get(`${base}/participation`)).json().total).toBe(0);
    expect((await api.get(`${base}/participation/matrix?fiscalYear=69`)).statusCode).toBe(400);
    expect((await api.get(`${base}/participation/matrix`)).statusCode).toBe(400);
    // the plan/project/activity creation in setup wrote 3 entries; nothing since
    expect((await t.database.db.select().from(auditLog)).length).toBe(audits);
  });

  it("keeps tenants apart: tenant B's admin sees and changes nothing of A's", async () => {
    const a = await setup();
    const b = await tenantWithUser(t, 'admin');
    const rec = (
      await a.api.post(`${a.base}/participation`, {
        occurredOn: '2026-01-05',
        level: 'issue',
        subjectKind: 'survey',
        title: 'สำรวจความต้องการ',
        partyId: a.lgu.id,
      })
    ).json();
    expect((await b.api.delete(`${b.base}/participation/${rec.id}`)).statusCode).toBe(404);
    expect((await b.api.get(`${b.base}/participation`)).json().total).toBe(0);
    expect((await b.api.get(`${b.base}/participation/matrix?fiscalYear=2569`)).json().counts).toEqual({ issue: 0, plan: 0, operation: 0 });
    const steal = await b.api.post(`${b.base}/participation`, {
      occurredOn: '2026-01-05',
      level: 'issue',
      subjectKind: 'survey',
      title: 'x',
      partyId: a.lgu.id,
      activityId: a.activityId,
    });
    expect(steal.json().error.fields).toEqual({ activityId: 'ไม่พบกิจกรรมนี้' });
    const steal2 = await b.api.post(`${b.base}/participation/bulk`, {
      occurredOn: '2026-01-05',
      level: 'issue',
      subjectKind: 'survey',
      title: 'x',
      entries: [{ partyId: a.lgu.id }],
    });
    expect(steal2.json().error.fields).toEqual({ 'entries.0.partyId': 'ไม่พบภาคีนี้' });
    for (const res of [
      await b.api.get(`${a.base}/participation/matrix?fiscalYear=2569`),
      await b.api.get(`${a.base}/participation`),
      await b.api.post(`${a.base}/participation`, { occurredOn: '2026-01-05', level: 'issue', subjectKind: 'survey', title: 'x', groupName: 'x' }),
      await b.api.delete(`${a.base}/participation/${rec.id}`),
    ])
      expect(res.statusCode).toBe(403);
    expect((await a.api.get(`${a.base}/participation/matrix?fiscalYear=2569`)).json().counts).toEqual({ issue: 1, plan: 0, operation: 0 });
  });
});
