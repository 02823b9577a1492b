import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, tenantWithUser, type TestApp } from './harness';

let t: TestApp;
let ctx: Awaited<ReturnType<typeof tenantWithUser>>;
beforeAll(async () => {
  t = await buildTestApp();
  ctx = await tenantWithUser(t, 'admin');
});
afterAll(() => t.close());

const raw = (method: 'POST' | 'PATCH', url: string, payload: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method,
    url,
    payload,
    headers: { cookie: ctx.api.cookie, origin: 'http://localhost', host: 'localhost', 'content-type': 'application/json', ...headers },
  });

describe('bad input gets a clear 4xx and changes nothing', () => {
  it('malformed JSON', async () => {
    const res = await raw('POST', `${ctx.base}/partners`, '{"kind": "organization", "name": ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'bad_request', fields: { _body: 'รูปแบบ JSON ไม่ถูกต้อง' } });
  });

  it('wrong types, unknown fields and over-long strings name the field, in Thai or English', async () => {
    const res = await ctx.api.post(`${ctx.base}/partners`, { kind: 'organization', name: 'ก'.repeat(201), sector: 42, color: 'red' });
    expect(res.statusCode).toBe(400);
    const { fields, message } = res.json().error;
    expect(message).toBe('ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบช่องที่ระบุ');
    expect(fields.name).toBe('ยาวได้ไม่เกิน 200 ตัวอักษร');
    expect(fields.sector).toContain('ค่าไม่ถูกต้อง');
    expect(fields.color).toBe('ไม่รู้จักช่องนี้');
    const en = await ctx.api.post(`${ctx.base}/partners`, { kind: 'organization', sector: 'private' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(en.json().error).toMatchObject({ message: 'Some fields are not valid.', fields: { name: 'Required.' } });
  });

  it('bad query strings and ids', async () => {
    expect((await ctx.api.get(`${ctx.base}/partners?page=0`)).statusCode).toBe(400);
    expect((await ctx.api.get(`${ctx.base}/partners?sector=moon`)).json().error.fields.sector).toBeDefined();
    expect((await ctx.api.get(`${ctx.base}/partners/not-a-uuid`)).statusCode).toBe(400);
    expect((await ctx.api.get(`${ctx.base}/partners/00000000-0000-4000-8000-000000000000`)).statusCode).toBe(404);
    expect((await ctx.api.get(`/api/v1/t/${'x'.repeat(100)}/partners`)).statusCode).toBe(404);
  });

  it('bad dates and emails', async () => {
    const res = await ctx.api.post(`${ctx.base}/partners`, {
      kind: 'person',
      name: 'นายทดสอบ ระบบ',
      sector: 'private',
      email: 'not-an-email',
      consent: { purpose: 'ติดต่อ', lawfulBasis: 'consent', date: '2568-13-45' },
    });
    expect(res.json().error.fields).toEqual({ email: 'รูปแบบอีเมลไม่ถูกต้อง', 'consent.date': 'วันที่ไม่ถูกต้อง' });
  });

  it('invitations: a bad e-mail, a present member (any case)', async () => {
    const bad = await ctx.api.post(`${ctx.base}/invitations`, { email: 'not-an-email', name: 'ผู้ใช้ใหม่', role: 'officer' });
    expect(bad.json().error.fields.email).toBe('รูปแบบอีเมลไม่ถูกต้อง');
    const present = await ctx.api.post(`${ctx.base}/invitations`, { email: ctx.user.email.toUpperCase(), name: 'ซ้ำ', role: 'officer' });
    expect(present.json().error.fields.email).toBe('ผู้ใช้อีเมลนี้เป็นสมาชิกของหน่วยงานนี้อยู่แล้ว');
    expect((await ctx.api.get(`${ctx.base}/invitations`)).json().items).toEqual([]);
  });

  it('nothing was written by any of the above', async () => {
    expect((await ctx.api.get(`${ctx.base}/partners`)).json().total).toBe(0);
    expect((await ctx.api.get(`${ctx.base}/audit?entity=party`)).json().total).toBe(0);
  });
});
