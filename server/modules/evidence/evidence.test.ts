import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { makePdf } from '../../demo/knowledge/documents';
import { placeholderPng } from '../../demo/knowledge/seed';
import { createUser, login, ORIGIN, buildTestApp, tenantWithUser, type Client, type TestApp } from '../../test/harness';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

function upload(api: Client, url: string, content: Buffer | string, filename: string) {
  const form = new FormData();
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), filename);
  return t.app.inject({ method: 'POST', url, payload: form as never, headers: { cookie: api.cookie, origin: ORIGIN, host: 'localhost' } });
}

/** The evidence store's files of one tenant. */
function storedEvidence(tenantId: string): string[] {
  const root = path.join(t.config.dataDir, 'evidence', 'files', 'sha256', tenantId);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name));
}

/** A tenant with an officer, a coordinator and a member; a plan with one activity and one progress report. */
async function setup() {
  const s = await tenantWithUser(t, 'officer');
  const { api, base } = s;
  const net = (await api.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', pillar: 'locality', issues: ['water'] })).json();
  const plan = (await api.post(`${base}/plans`, { name: 'แผนปฏิบัติการร่วมบริหารจัดการน้ำ ปีงบประมาณ 2569', fiscalYear: 2569, networkIds: [net.id] })).json();
  const project = (await api.post(`${base}/plans/${plan.id}/projects`, { name: 'ฟื้นฟูฝายพญาคำ' })).json();
  const activity = (await api.post(`${base}/plans/${plan.id}/projects/${project.id}/activities`, { name: 'ลอกลำเหมืองสาขา' })).json().plan.projects[0]
    .activities[0];
  const activityUrl = `${base}/plans/${plan.id}/activities/${activity.id}`;
  const report = await api.post(`${activityUrl}/progress`, { reportedOn: '2026-02-01', text: 'ลอกเหมืองไปแล้วครึ่งสาย', percentage: 50 });
  expect(report.statusCode, report.body).toBe(201);
  const filesUrl = `${activityUrl}/progress/${report.json().id}/files`;
  const person = async (role: 'coordinator' | 'member') => {
    const u = await createUser(t, { tenantId: s.tenant.id, role });
    return login(t, u.email, u.password);
  };
  return { ...s, plan, activityUrl, filesUrl, reportId: report.json().id as string, coordinator: await person('coordinator'), member: await person('member') };
}

describe('evidence files of progress reports', () => {
  it('stores a photo by its content, lists it with the report and serves the same bytes inline with a safe name', async () => {
    const s = await setup();
    const png = placeholderPng(16, 12, [40, 120, 200]);
    const res = await upload(s.api, s.filesUrl, png, 'ฝาย\u202Egnp.exe หลังลอก.png');
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json();
    expect(f).toMatchObject({ kind: 'png', mediaType: 'image/png', sizeBytes: png.length, filename: 'ฝายgnp.exe หลังลอก.png', canDelete: true });

    const list = (await s.api.get(`${s.activityUrl}/progress`)).json();
    expect(list.items[0].files).toEqual([f]);
    // every role of the tenant reads the reports, so the member sees the file too (without the right to remove it)
    expect((await s.member.get(`${s.activityUrl}/progress`)).json().items[0].files[0]).toMatchObject({ id: f.id, canDelete: false });

    const got = await s.member.get(f.url);
    expect(got.statusCode).toBe(200);
    expect(Buffer.from(got.rawPayload).equals(png)).toBe(true);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['content-disposition']).toBe(`inline; filename="___gnp.exe _______.png"; filename*=UTF-8''${encodeURIComponent(f.filename)}`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect((await s.api.get(`${f.url}?download=1`)).headers['content-disposition']).toMatch(/^attachment;/);
    expect(storedEvidence(s.tenant.id)).toHaveLength(1);

    const audit = await t.database.db
      .select({ action: auditLog.action, label: auditLog.entityLabel })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, s.tenant.id), eq(auditLog.entity, 'evidence_file')));
    expect(audit).toEqual([{ action: 'create', label: `ลอกลำเหมืองสาขา (2026-02-01): ${f.filename}` }]);
  });

  it('refuses a disguised file (text named .jpg) and markup with 415 and a Thai message, and keeps nothing', async () => {
    const s = await setup();
    const fake = await upload(s.api, s.filesUrl, 'นี่ไม่ใช่รูปถ่าย เป็นข้อความธรรมดา', 'รูปฝาย.jpg');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.fields.file).toBe('หลักฐานต้องเป็นรูปภาพ (PNG, JPEG, WebP) หรือ PDF ระบบตรวจจากเนื้อไฟล์');
    expect((await upload(s.api, s.filesUrl, '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'photo.png')).statusCode).toBe(415);
    // a Word file is a fine knowledge attachment but not evidence here
    const docx = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
    expect((await upload(s.api, s.filesUrl, docx, 'รายงาน.docx')).statusCode).toBe(415);
    expect((await upload(s.api, s.filesUrl, placeholderPng(2, 2, [0, 0, 0]), '../../etc/passwd.png')).statusCode).toBe(400);
    expect((await s.api.get(`${s.activityUrl}/progress`)).json().items[0].files).toEqual([]);
    expect(storedEvidence(s.tenant.id)).toEqual([]);
  });

  it('keeps files inside their tenant: another tenant can neither read, list, attach nor remove them', async () => {
    const a = await setup();
    const f = (await upload(a.api, a.filesUrl, placeholderPng(8, 8, [200, 30, 30]), 'ภาพ.png')).json();
    const b = await tenantWithUser(t, 'admin');
    // B's admin is no one in A
    expect((await b.api.get(f.url)).statusCode).toBe(403);
    expect((await upload(b.api, a.filesUrl, placeholderPng(2, 2, [0, 0, 0]), 'x.png')).statusCode).toBe(403);
    // A's ids under B's address: not found (row-level security and the owner path)
    const underB = f.url.replace(`/t/${a.tenant.slug}/`, `/t/${b.tenant.slug}/`);
    expect((await b.api.get(underB)).statusCode).toBe(404);
    expect((await upload(b.api, a.filesUrl.replace(`/t/${a.tenant.slug}/`, `/t/${b.tenant.slug}/`), placeholderPng(2, 2, [0, 0, 0]), 'x.png')).statusCode).toBe(
      404,
    );
    expect((await b.api.delete(underB)).statusCode).toBe(404);
    expect((await a.api.get(f.url)).statusCode).toBe(200);
  });

  it('lets whoever may report attach; removal by the uploader or an officer only', async () => {
    const s = await setup();
    const png = placeholderPng(4, 4, [10, 200, 10]);
    // a member may read reports but not record them, so not attach either
    expect((await upload(s.member, s.filesUrl, png, 'ภาพ.png')).statusCode).toBe(403);
    const mine = await upload(s.coordinator, s.filesUrl, png, 'ของผู้ประสานงาน.png');
    expect(mine.statusCode, mine.body).toBe(201);
    const officers = (await upload(s.api, s.filesUrl, await makePdf({ title: 'รายงาน', paragraphs: ['ผลการลอกเหมือง'] }), 'รายงาน.pdf')).json();
    expect(officers.kind).toBe('pdf');
    // the same photo twice is one blob
    const again = (await upload(s.api, s.filesUrl, png, 'ซ้ำ.png')).json();
    expect(storedEvidence(s.tenant.id)).toHaveLength(2);

    const other = await createUser(t, { tenantId: s.tenant.id, role: 'coordinator' });
    const otherCoordinator = await login(t, other.email, other.password);
    expect((await otherCoordinator.delete(officers.url)).statusCode).toBe(403);
    expect((await otherCoordinator.delete(mine.json().url)).statusCode).toBe(403);
    expect((await s.member.delete(mine.json().url)).statusCode).toBe(403);
    expect((await s.coordinator.get(`${s.activityUrl}/progress`)).json().items[0].files.map((f: { canDelete: boolean }) => f.canDelete)).toEqual([
      true,
      false,
      false,
    ]);

    expect((await s.coordinator.delete(mine.json().url)).statusCode).toBe(204);
    expect(storedEvidence(s.tenant.id)).toHaveLength(2); // the officer's copy of the photo still uses the blob
    expect((await s.api.delete(again.url)).statusCode).toBe(204);
    expect(storedEvidence(s.tenant.id)).toHaveLength(1);
    expect((await s.api.get(again.url)).statusCode).toBe(404);
    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, s.tenant.id), eq(auditLog.entity, 'evidence_file')));
    expect(actions.map((a) => a.action).sort()).toEqual(['create', 'create', 'create', 'delete', 'delete']);
  });

  it('removes the bytes when the activity goes with its reports', async () => {
    const s = await setup();
    await upload(s.api, s.filesUrl, placeholderPng(6, 6, [90, 90, 90]), 'ก่อนลบ.png');
    const [blob] = storedEvidence(s.tenant.id);
    // an hour old: the sweep leaves younger blobs alone (their rows may still be in an open transaction)
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(blob, old, old);
    expect((await s.api.delete(s.activityUrl)).statusCode).toBe(200);
    expect(storedEvidence(s.tenant.id)).toEqual([]);
  });
});

describe('evidence files of indicator measurements', () => {
  it('attaches a PDF to a measurement, shows it on the strategy map and serves it', async () => {
    const s = await tenantWithUser(t, 'officer');
    const { api, base } = s;
    const goalId = (await api.post(`${base}/strategy/goals`, { name: 'ทุกครัวเรือนมีน้ำใช้เพื่อการเกษตรเพียงพอ' })).json().id;
    const indicatorId = (await api.post(`${base}/strategy/indicators`, { goalId, name: 'ระยะลำเหมืองที่ขุดลอกแล้ว', unit: 'กิโลเมตร', direction: 'higher' })).json()
      .id;
    const m = await api.post(`${base}/strategy/indicators/${indicatorId}/measurements`, { value: 4.5, measuredOn: '2026-03-15', source: 'สำรวจร่วมกับกลุ่มผู้ใช้น้ำ' });
    expect(m.statusCode, m.body).toBe(201);
    expect(m.json().files).toEqual([]);
    const url = `${base}/strategy/indicators/${indicatorId}/measurements/${m.json().id}/files`;
    const pdf = await makePdf({ title: 'ผลสำรวจลำเหมือง', paragraphs: ['ขุดลอกแล้ว 4.5 กิโลเมตร'] });
    const res = await upload(api, url, pdf, 'ผลสำรวจ.pdf');
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json();

    expect((await api.get(`${base}/strategy/indicators/${indicatorId}/measurements`)).json().items[0].files).toEqual([f]);
    const map = (await api.get(`${base}/strategy/map?fiscalYear=2569`)).json();
    expect(map.goals[0].indicators[0].latest.files).toEqual([f]);
    const got = await api.get(f.url);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(Buffer.from(got.rawPayload).equals(pdf)).toBe(true);

    // another tenant and a member without the right to record measurements
    const b = await tenantWithUser(t, 'admin');
    expect((await b.api.get(f.url)).statusCode).toBe(403);
    const member = await createUser(t, { tenantId: s.tenant.id, role: 'member' });
    expect((await upload(await login(t, member.email, member.password), url, pdf, 'x.pdf')).statusCode).toBe(403);
    // a measurement of another indicator is not this one's
    const other = (await api.post(`${base}/strategy/indicators`, { goalId, name: 'จำนวนฝาย', unit: 'แห่ง', direction: 'higher' })).json().id;
    expect((await api.get(f.url.replace(indicatorId, other))).statusCode).toBe(404);
  });
});
