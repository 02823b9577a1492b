import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, client, createUser, login, tenantWithUser, type TestApp } from '../../test/harness';
import { day, fieldsOf, ok } from '../water/fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const draft = {
  title: 'ร่างกฎระเบียบการบริหารน้ำตำบลชมภู (ฉบับแก้ไข)',
  chapters: [
    {
      number: 1,
      title: 'การใช้น้ำ',
      clauses: [
        { number: '5', text: 'ลูกฝายต้องใช้น้ำตามรอบเวรที่แก่ฝายประกาศ' },
        { number: '6', text: 'ห้ามปิดกั้นลำเหมืองซอย' },
      ],
    },
  ],
};

interface Detail {
  id: string;
  status: string;
  commentCount: number;
  unansweredCount: number;
  canComment: boolean;
  canAnswer: boolean;
  clauses: {
    number: string;
    inDraft: boolean;
    comments: { id: string; body: string; authorName: string | null; channel: string; mine: boolean; reply: string | null }[];
  }[];
}

async function setup() {
  const ctx = await tenantWithUser(t, 'officer');
  const { api, base } = ctx;
  const reg = await ok<{ id: string; versions: { id: string }[] }>(api.post(`${base}/regulations`, { subject: 'น้ำ', draft }), 201);
  const versionId = reg.versions[0].id;
  const open = (body: Record<string, unknown>) => api.post(`${base}/regulations/${reg.id}/versions/${versionId}/comment-periods`, body);
  const u = await createUser(t, { tenantId: ctx.tenant.id, role: 'member', name: 'นางบัวผัน คำมา' });
  const member = await login(t, u.email, u.password);
  return { ...ctx, reg, versionId, open, member };
}

describe('comment periods on a draft', () => {
  it('takes comments by clause from members and citizens while open; officers read them by clause and answer', async () => {
    const s = await setup();
    const { api, base, member } = s;
    const period = await ok<Detail>(s.open({ startsOn: day(-1), endsOn: day(14), note: 'ติดประกาศที่ศาลาอเนกประสงค์บ้านหัวฝาย' }), 201);
    expect(period).toMatchObject({ status: 'open', commentCount: 0 });
    const url = `${base}/regulations/comment-periods/${period.id}/comments`;
    const mine = await ok<Detail>(member.post(url, { clauseNumber: '6', body: 'ขอให้ระบุโทษกรณีปิดกั้นลำเหมืองซอยชั่วคราวช่วงซ่อม' }), 201);
    expect(mine.canAnswer).toBe(false);
    expect(mine.clauses.find((c) => c.number === '6')!.comments).toMatchObject([{ mine: true, channel: 'member' }]);

    // a citizen through the public page: name optional, never shown publicly
    const pub = `/api/v1/public/${s.tenant.slug}/regulations/comment-periods/${period.id}/comments`;
    const anon = client(t);
    await ok(anon.post(pub, { clauseNumber: '5', body: 'ควรประกาศรอบเวรล่วงหน้าอย่างน้อย 7 วัน', name: 'นายสมศักดิ์ ชาวนา' }), 201);
    await ok(anon.post(pub, { clauseNumber: '5', body: 'เห็นด้วยกับร่าง' }), 201);
    const open = await ok<{ items: { id: string; counts: Record<string, number>; chapters: unknown[] }[] }>(
      anon.get(`/api/v1/public/${s.tenant.slug}/regulations/comment-periods`),
    );
    expect(open.items).toHaveLength(1);
    expect(open.items[0].counts).toEqual({ '5': 2, '6': 1 });
    expect(JSON.stringify(open)).not.toMatch(/สมศักดิ์|บัวผัน|ประกาศรอบเวรล่วงหน้า/);
    // the public answer is cached, but a citizen's comment drops it at once: the next reader sees the new count
    await ok(anon.post(pub, { clauseNumber: '6', body: 'ควรมีข้อยกเว้นช่วงซ่อมลำเหมือง' }), 201);
    const again = await anon.get(`/api/v1/public/${s.tenant.slug}/regulations/comment-periods`);
    expect(again.headers['x-cache']).toBe('miss');
    expect(again.json().items[0].counts).toEqual({ '5': 2, '6': 2 });

    // a member sees only their own comments; officers see all, grouped by clause, with authors
    const asMember = await ok<Detail>(member.get(`${base}/regulations/comment-periods/${period.id}`));
    expect(asMember.clauses.flatMap((c) => c.comments)).toHaveLength(1);
    const asOfficer = await ok<Detail>(api.get(`${base}/regulations/comment-periods/${period.id}`));
    expect(asOfficer).toMatchObject({ commentCount: 4, unansweredCount: 4, canAnswer: true });
    expect(asOfficer.clauses.map((c) => [c.number, c.comments.map((x) => x.authorName)])).toEqual([
      ['5', ['นายสมศักดิ์ ชาวนา', null]],
      ['6', ['นางบัวผัน คำมา', null]],
    ]);
    const target = asOfficer.clauses[0].comments[0];
    expect((await member.post(`${base}/regulations/comments/${target.id}/answer`, { reply: 'x' })).statusCode).toBe(403);
    const answered = await ok<Detail>(api.post(`${base}/regulations/comments/${target.id}/answer`, { reply: 'คณะทำงานรับไปปรับข้อ 5 ให้ประกาศล่วงหน้า 7 วัน' }));
    expect(answered.unansweredCount).toBe(3);
    expect(answered.clauses[0].comments[0].reply).toBe('คณะทำงานรับไปปรับข้อ 5 ให้ประกาศล่วงหน้า 7 วัน');
    expect(fieldsOf(await api.post(`${base}/regulations/comments/${target.id}/answer`, { reply: '' }))).toEqual({ reply: 'required' });
    const list = await ok<{ id: string; commentCount: number }[]>(api.get(`${base}/regulations/comment-periods?regulationId=${s.reg.id}`));
    expect(list.map((p) => [p.id, p.commentCount])).toEqual([[period.id, 4]]);
  });

  it('refuses comments on a closed or not yet open period, unknown clauses, and bad periods', async () => {
    const s = await setup();
    const { api, base, member } = s;
    const later = await ok<Detail>(s.open({ startsOn: day(20), endsOn: day(30) }), 201);
    expect(later.status).toBe('upcoming');
    const r1 = await member.post(`${base}/regulations/comment-periods/${later.id}/comments`, { clauseNumber: '5', body: 'ก่อนเวลา' });
    expect(r1.statusCode).toBe(409);
    expect(fieldsOf(r1)).toEqual({ body: 'comment_period_not_open' });
    expect(fieldsOf(await s.open({ startsOn: day(25), endsOn: day(40) }))).toEqual({ startsOn: 'comment_period_overlap' });
    expect(fieldsOf(await s.open({ startsOn: day(5), endsOn: day(2) }))).toEqual({ endsOn: 'end_before_start' });
    expect(fieldsOf(await s.open({ startsOn: day(-10), endsOn: day(-1) }))).toEqual({ endsOn: 'comment_period_in_past' });
    expect(
      (await member.post(`${base}/regulations/${s.reg.id}/versions/${s.versionId}/comment-periods`, { startsOn: day(0), endsOn: day(1) })).statusCode,
    ).toBe(403);

    // a period that has ended refuses with a Thai field message (closed in the database: the dates moved into the past)
    const now = await ok<Detail>(s.open({ startsOn: day(0), endsOn: day(3) }), 201);
    const url = `${base}/regulations/comment-periods/${now.id}/comments`;
    expect(fieldsOf(await member.post(url, { clauseNumber: '99', body: 'ข้อที่ไม่มี' }))).toEqual({ clauseNumber: 'unknown_clause' });
    expect(fieldsOf(await member.post(url, { clauseNumber: '5 ก', body: 'x' }))).toEqual({ clauseNumber: 'clause_number' });
    expect((await member.post(url, { clauseNumber: '5', body: '' })).statusCode).toBe(400);
    await t.database.db.execute(sql`update regulation_comment_periods set starts_on = ${day(-10)}::date, ends_on = ${day(-1)}::date where id = ${now.id}`);
    const closed = await member.post(url, { clauseNumber: '5', body: 'ส่งช้าไป' });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.fields.body).toBe('ปิดรับฟังความคิดเห็นแล้ว ไม่สามารถแสดงความคิดเห็นเพิ่มได้');
    const pubClosed = await client(t).post(`/api/v1/public/${s.tenant.slug}/regulations/comment-periods/${now.id}/comments`, { clauseNumber: '5', body: 'x' });
    expect(pubClosed.statusCode).toBe(409);
    expect((await ok<{ items: unknown[] }>(client(t).get(`/api/v1/public/${s.tenant.slug}/regulations/comment-periods`))).items).toEqual([]);

    // an adopted version takes no period
    const adopted = await ok<{ id: string }>(
      api.post(`${base}/regulations/${s.reg.id}/versions/${s.versionId}/community-vote`, { votedOn: day(0), votesFor: 30, note: 'ประชาคมหมู่บ้าน' }),
    );
    expect(adopted.id).toBe(s.versionId);
    expect(fieldsOf(await s.open({ startsOn: day(50), endsOn: day(60) }))).toEqual({ versionId: 'not_a_draft' });
  });

  it('keeps periods and comments away from another tenant', async () => {
    // RLS enabled, forced and with the tenant policy on every comment table: test/rls-catalog.test.ts (read from the catalog)
    const s = await setup();
    const period = await ok<Detail>(s.open({ startsOn: day(0), endsOn: day(7) }), 201);
    const b = await tenantWithUser(t, 'admin');
    expect(await ok(b.api.get(`${b.base}/regulations/comment-periods`))).toEqual([]);
    expect((await b.api.get(`${b.base}/regulations/comment-periods/${period.id}`)).statusCode).toBe(404);
    expect((await b.api.post(`${b.base}/regulations/comment-periods/${period.id}/comments`, { clauseNumber: '5', body: 'x' })).statusCode).toBe(404);
    expect(
      (await b.api.post(`${b.base}/regulations/${s.reg.id}/versions/${s.versionId}/comment-periods`, { startsOn: day(0), endsOn: day(1) })).statusCode,
    ).toBe(404);
    // the other tenant's public address does not reach this period
    expect(
      (await client(t).post(`/api/v1/public/${b.tenant.slug}/regulations/comment-periods/${period.id}/comments`, { clauseNumber: '5', body: 'x' })).statusCode,
    ).toBe(404);
  });
});
