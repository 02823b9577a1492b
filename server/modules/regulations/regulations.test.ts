import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, client, tenantWithUser, type TestApp } from '../../test/harness';
import { day, fieldsOf, ok } from '../water/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

interface Version {
  id: string;
  number: number;
  status: string;
  effectiveFrom: string | null;
  inForce: boolean;
  adoption: { kind: string; adoptedOn: string; label: string; resolutionId: string | null; votesFor: number } | null;
  chapters: { number: number; title: string; clauses: { id: string; number: string; text: string }[] }[];
  fines: { clauseId: string; clauseNumber: string; offence: string; amountSatang: number }[];
}
interface Regulation {
  id: string;
  title: string;
  inForceVersion: number | null;
  versions: Version[];
}

const V1 = {
  title: 'กฎระเบียบการบริหารน้ำตำบลชมภู',
  preamble: 'เพื่อให้การใช้น้ำจากฝายพญาคำเป็นไปอย่างเป็นธรรม',
  chapters: [
    {
      number: 1,
      title: 'บททั่วไป',
      clauses: [
        { number: '1', text: 'ระเบียบนี้เรียกว่า "กฎระเบียบการบริหารน้ำตำบลชมภู"' },
        { number: '2', text: 'ให้ใช้ระเบียบนี้ตั้งแต่วันที่ที่ประชุมเห็นชอบ' },
      ],
    },
    {
      number: 2,
      title: 'การใช้น้ำและรอบเวร',
      clauses: [
        { number: '5', text: 'สมาชิกต้องรับน้ำตามรอบเวรที่แก่ฝายประกาศ' },
        { number: '6', text: 'ห้ามเปิดประตูน้ำนอกรอบเวรของตน' },
      ],
    },
  ],
  fines: [{ clauseNumber: '6', offence: 'เปิดประตูน้ำนอกรอบเวร', amountSatang: 200_00 }],
};

/** An officer's tenant with a steering committee of three, all present at a meeting a week ago. */
async function setup() {
  const ctx = await tenantWithUser(t, 'officer');
  const { api, base } = ctx;
  const people: { id: string }[] = [];
  for (const name of ['นายคำ ใจดี', 'นางแก้ว ศรีสุข', 'นายบุญ คำแสน'])
    people.push(await ok(api.post(`${base}/partners`, { kind: 'person', name, sector: 'civil_society' }), 201));
  const committee = await ok<{ id: string }>(
    api.post(`${base}/committees`, { name: 'คณะกรรมการเหมืองฝายพญาคำ', orderNumber: '1/2568', orderDate: day(-400) }),
    201,
  );
  const members: { id: string }[] = [];
  for (const [i, p] of people.entries())
    members.push(
      await ok(api.post(`${base}/committees/${committee.id}/members`, { partyId: p.id, position: i === 0 ? 'chair' : 'member', startDate: day(-400) }), 201),
    );
  const meeting = await ok<{ id: string }>(
    api.post(`${base}/meetings`, { committeeId: committee.id, meetingDate: day(-7), startTime: '09:00', place: 'ศาลาวัดชมภู' }),
    201,
  );
  await ok(api.put(`${base}/meetings/${meeting.id}/attendance`, { entries: members.map((m) => ({ memberId: m.id, status: 'present' })) }));
  return { ...ctx, meeting };
}

describe('regulations', () => {
  it('keeps chapters, clauses and fines; amends by a new draft; adopts by community vote and by resolution; knows the version in force on a day', async () => {
    const s = await setup();
    const { api, base } = s;
    const reg = await ok<Regulation>(api.post(`${base}/regulations`, { subject: 'น้ำ', draft: V1 }), 201);
    expect(reg.versions).toHaveLength(1);
    expect(reg.inForceVersion).toBeNull();
    const v1 = await ok<Version>(api.get(`${base}/regulations/${reg.id}/versions/${reg.versions[0].id}`));
    expect(v1.chapters.map((c) => [c.number, c.clauses.map((x) => x.number)])).toEqual([
      [1, ['1', '2']],
      [2, ['5', '6']],
    ]);
    // the fine points to clause 6 of this very version
    expect(v1.fines[0]).toMatchObject({ clauseNumber: '6', clauseId: v1.chapters[1].clauses[1].id, amountSatang: 200_00 });

    // nothing in force yet
    expect(fieldsOf(await api.get(`${base}/regulations/${reg.id}/in-force`))).toEqual({ on: 'no_version_in_force' });

    // adopted by the village assembly (ประชาคม) 30 days ago
    const failed = await api.post(`${base}/regulations/${reg.id}/versions/${v1.id}/community-vote`, {
      votedOn: day(-30),
      votesFor: 10,
      votesAgainst: 12,
      note: 'x',
    });
    expect(fieldsOf(failed)).toEqual({ votesFor: 'vote_not_passed' });
    const future = await api.post(`${base}/regulations/${reg.id}/versions/${v1.id}/community-vote`, { votedOn: day(3), votesFor: 50, note: 'x' });
    expect(fieldsOf(future)).toEqual({ votedOn: 'vote_in_future' });
    const adopted1 = await ok<Version>(
      api.post(`${base}/regulations/${reg.id}/versions/${v1.id}/community-vote`, {
        votedOn: day(-30),
        votesFor: 86,
        votesAgainst: 4,
        votesAbstain: 2,
        note: 'ประชุมประชาคมตำบล ณ ศาลาวัดชมภู',
      }),
    );
    expect(adopted1).toMatchObject({ status: 'adopted', effectiveFrom: day(-30), inForce: true, adoption: { kind: 'community_vote', votesFor: 86 } });
    // adopted text never changes
    expect(fieldsOf(await api.put(`${base}/regulations/${reg.id}/versions/${v1.id}`, V1))).toEqual({ versionId: 'version_adopted' });

    // amendment: copy v1, change clause 6 and its fine, insert clause 5/1, drop clause 2
    const v2 = await ok<Version>(api.post(`${base}/regulations/${reg.id}/versions`, { fromVersionId: v1.id }), 201);
    expect(v2).toMatchObject({ number: 2, status: 'draft', inForce: false });
    const amended = {
      ...V1,
      effectiveFrom: day(10),
      changeNote: 'เพิ่มค่าปรับและหน้าที่ลงแขก',
      chapters: [
        { ...V1.chapters[0], clauses: [V1.chapters[0].clauses[0]] },
        {
          ...V1.chapters[1],
          clauses: [
            V1.chapters[1].clauses[0],
            { number: '5/1', text: 'สมาชิกต้องลงแขกขุดลอกเหมืองปีละไม่น้อยกว่า 2 วัน' },
            { number: '6', text: 'ห้ามเปิดหรือปิดประตูน้ำนอกรอบเวรของตน' },
          ],
        },
      ],
      fines: [
        { clauseNumber: '6', offence: 'เปิดประตูน้ำนอกรอบเวร', amountSatang: 500_00, repeatAmountSatang: 1000_00 },
        { clauseNumber: '5/1', offence: 'ไม่มาลงแขกขุดลอกเหมือง', amountSatang: 300_00 },
      ],
    };
    // a fine must point to a clause of the same version; numbers unique
    const badFine = await api.put(`${base}/regulations/${reg.id}/versions/${v2.id}`, {
      ...amended,
      fines: [{ clauseNumber: '2', offence: 'x', amountSatang: 100 }],
    });
    expect(badFine.statusCode).toBe(400);
    expect(fieldsOf(badFine)).toEqual({ 'fines.0.clauseNumber': 'unknown_clause' });
    const dup = await api.put(`${base}/regulations/${reg.id}/versions/${v2.id}`, {
      ...amended,
      chapters: [amended.chapters[0], { ...amended.chapters[1], clauses: [...amended.chapters[1].clauses, { number: '1', text: 'ซ้ำ' }] }],
    });
    expect(fieldsOf(dup)).toEqual({ 'chapters.1.clauses.3.number': 'duplicate_clause' });
    const badInput = await api.put(`${base}/regulations/${reg.id}/versions/${v2.id}`, {
      ...amended,
      chapters: [{ number: 1, title: 'x', clauses: [{ number: 'ข้อหนึ่ง', text: 'x' }] }],
      fines: [{ clauseNumber: '1', offence: 'x', amountSatang: -5 }],
    });
    expect(badInput.statusCode).toBe(400);
    expect(fieldsOf(badInput)).toEqual({ 'chapters.0.clauses.0.number': 'clause_number', 'fines.0.amountSatang': 'must_not_be_negative' });
    await ok(api.put(`${base}/regulations/${reg.id}/versions/${v2.id}`, amended));

    // the clause-by-clause diff
    const diff = await ok<{ clauses: { number: string; change: string }[]; fines: { clauseNumber: string; change: string }[] }>(
      api.get(`${base}/regulations/${reg.id}/diff?from=${v1.id}&to=${v2.id}`),
    );
    expect(diff.clauses.map((c) => [c.number, c.change])).toEqual([
      ['1', 'unchanged'],
      ['2', 'removed'],
      ['5', 'unchanged'],
      ['5/1', 'added'],
      ['6', 'changed'],
    ]);
    expect(diff.fines.map((f) => [f.clauseNumber, f.change])).toEqual([
      ['5/1', 'added'],
      ['6', 'changed'],
    ]);

    // adopted by the committee's resolution: takes effect on the proposed day (in 10 days), not the meeting's
    const res = await api.post(`${base}/meetings/${s.meeting.id}/resolutions`, {
      text: 'เห็นชอบกฎระเบียบการบริหารน้ำ ฉบับที่ 2',
      votesFor: 3,
      action: 'adopt_regulation_version',
      regulationVersionId: v2.id,
    });
    expect(res.statusCode, res.body).toBe(200);
    const resolution = (res.json() as { resolutions: { id: string; target: { kind: string; id: string } }[] }).resolutions[0];
    expect(resolution.target).toMatchObject({ kind: 'regulation_version', id: v2.id });
    const again = await api.post(`${base}/meetings/${s.meeting.id}/resolutions`, {
      text: 'ซ้ำ',
      votesFor: 3,
      action: 'adopt_regulation_version',
      regulationVersionId: v2.id,
    });
    expect(fieldsOf(again)).toEqual({ regulationVersionId: 'version_adopted' });
    const after = await ok<Regulation>(api.get(`${base}/regulations/${reg.id}`));
    expect(after.versions[1]).toMatchObject({
      status: 'adopted',
      effectiveFrom: day(10),
      inForce: false,
      adoption: { kind: 'resolution', adoptedOn: day(-7) },
    });
    expect(after.versions[1].adoption!.label).toContain('คณะกรรมการเหมืองฝายพญาคำ');
    expect(after.inForceVersion).toBe(1);

    // version in force on a day: v1 today, v2 from its effective date; nothing before v1
    const on = async (d: string) => (await ok<Version>(api.get(`${base}/regulations/${reg.id}/in-force?on=${d}`))).number;
    expect(await on(day(0))).toBe(1);
    expect(await on(day(9))).toBe(1);
    expect(await on(day(10))).toBe(2);
    expect((await api.get(`${base}/regulations/${reg.id}/in-force?on=${day(-31)}`)).statusCode).toBe(404);

    // a later resolution revokes the adoption: v2 is a draft again
    await ok(api.post(`${base}/meetings/${s.meeting.id}/resolutions`, { text: 'ยกเลิกมติ', votesFor: 3, action: 'revoke', revokesResolutionId: resolution.id }));
    expect((await ok<Regulation>(api.get(`${base}/regulations/${reg.id}`))).versions[1].status).toBe('draft');
  });

  it('publishes adopted versions only, without people, on the public route', async () => {
    const s = await setup();
    const { api, base } = s;
    const reg = await ok<Regulation>(api.post(`${base}/regulations`, { subject: 'น้ำ', draft: V1 }), 201);
    const anon = client(t);
    expect((await ok<{ items: unknown[] }>(anon.get(`/api/v1/public/${s.tenant.slug}/regulations`))).items).toEqual([]);
    await ok(
      api.post(`${base}/regulations/${reg.id}/versions/${reg.versions[0].id}/community-vote`, {
        votedOn: day(-1),
        votesFor: 40,
        note: 'ประชาคมหมู่ 3',
      }),
    );
    await ok(api.post(`${base}/regulations/${reg.id}/versions`, { fromVersionId: reg.versions[0].id }), 201); // a draft stays private
    const pub = await ok<{ items: { version: number; inForce: boolean; chapters: unknown[]; fines: { amountSatang: number }[] }[] }>(
      anon.get(`/api/v1/public/${s.tenant.slug}/regulations`),
    );
    expect(pub.items.map((i) => [i.version, i.inForce])).toEqual([[1, true]]);
    expect(pub.items[0].fines[0].amountSatang).toBe(200_00);
    expect(JSON.stringify(pub)).not.toMatch(/นายคำ|user|email/);
    expect((await anon.get(`/api/v1/public/no-such-tenant/regulations`)).statusCode).toBe(404);
  });

  it('another tenant gets 404; members read but cannot write', async () => {
    // RLS enabled, forced and with the tenant policy on every regulation table: test/rls-catalog.test.ts (read from the catalog)
    const s = await setup();
    const reg = await ok<Regulation>(s.api.post(`${s.base}/regulations`, { subject: 'น้ำ', draft: V1 }), 201);
    const v = reg.versions[0].id;
    const b = await tenantWithUser(t, 'admin');
    expect(await ok(b.api.get(`${b.base}/regulations`))).toEqual([]);
    for (const url of [`/regulations/${reg.id}`, `/regulations/${reg.id}/versions/${v}`, `/regulations/${reg.id}/in-force`])
      expect((await b.api.get(`${b.base}${url}`)).statusCode, url).toBe(404);
    expect((await b.api.put(`${b.base}/regulations/${reg.id}/versions/${v}`, V1)).statusCode).toBe(404);
    expect((await b.api.post(`${b.base}/regulations/${reg.id}/versions`, { fromVersionId: v })).statusCode).toBe(404);
    const m = await tenantWithUser(t, 'member');
    expect((await m.api.post(`${m.base}/regulations`, { subject: 'น้ำ', draft: V1 })).statusCode).toBe(403);
  });
});
