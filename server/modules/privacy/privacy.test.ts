import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetTenant, contribution } from '../budget/fixtures';
import { buildTestApp, client, createUser, login, tenantWithUser, type Client, type TestApp } from '../../test/harness';
import { MESSAGES } from '../../platform/messages';
import { rows } from '../../platform/sql';
import { runRetentionAll, startRetentionJob } from './retention-job';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
}, 60_000);
afterAll(() => t?.close());

type Res = { statusCode: number; body: string; json(): unknown };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read JSON answers loosely
async function ok<T = any>(res: Promise<Res>, status = 200): Promise<T> {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return (r.body ? r.json() : null) as T;
}
const keyOf = (message: string) => Object.keys(MESSAGES).find((k) => MESSAGES[k].th === message) ?? message;
const fieldsOf = (r: Res) =>
  Object.fromEntries(Object.entries((r.json() as { error: { fields: Record<string, string> } }).error.fields).map(([k, v]) => [k, keyOf(v)]));

const asOwner = <T>(q: ReturnType<typeof sql>) => rows<T>(t.database.db, q);
const accessRows = (tenantId: string, partyId: string) =>
  asOwner<{ viewer_name: string; fields: string[]; route: string }>(
    sql`select viewer_name, fields, route from privacy_access_log where tenant_id = ${tenantId} and party_id = ${partyId} order by viewed_at`,
  );

describe('consents', () => {
  it('records consents with a lawful basis; a withdrawal is added once and the history keeps both', async () => {
    const { api, base } = await tenantWithUser(t, 'coordinator');
    const p = await ok(api.post(`${base}/partners`, { kind: 'person', name: 'นางบัวคำ ใจงาม', sector: 'civil_society' }), 201);
    const org = await ok(api.post(`${base}/partners`, { kind: 'organization', name: 'วัดชมภู', sector: 'religious' }), 201);
    const give = (partyId: string, body: Record<string, unknown>) => api.post(`${base}/privacy/people/${partyId}/consents`, body);
    const c1 = await ok(
      give(p.id, { purpose: 'เผยแพร่ชื่อในรายชื่อจิตอาสา', lawfulBasis: 'consent', givenOn: '2026-01-10', method: 'paper_form', note: 'แบบฟอร์มเลขที่ 12' }),
      201,
    );
    expect(c1).toMatchObject({ lawfulBasis: 'consent', method: 'paper_form', withdrawnOn: null, recordedByName: expect.any(String) });
    await ok(give(p.id, { purpose: 'ติดต่อประสานงานเครือข่าย', lawfulBasis: 'public_task', givenOn: '2026-01-10', method: 'meeting' }), 201);

    // bad input: a 4xx with field messages, never a 500
    expect(fieldsOf(await give(org.id, { purpose: 'x', lawfulBasis: 'consent', givenOn: '2026-01-10', method: 'verbal' }))).toEqual({
      partyId: 'not_a_person',
    });
    expect((await give(p.id, { purpose: 'x', lawfulBasis: 'whim', givenOn: '2026-01-10', method: 'verbal' })).statusCode).toBe(400);
    expect(fieldsOf(await give(p.id, { purpose: 'x', lawfulBasis: 'consent', givenOn: '2099-01-10', method: 'verbal' }))).toEqual({
      givenOn: 'consent_in_future',
    });

    const withdraw = (id: string, body: Record<string, unknown>) => api.post(`${base}/privacy/consents/${id}/withdraw`, body);
    expect(fieldsOf(await withdraw(c1.id, { withdrawnOn: '2026-01-01' }))).toEqual({ withdrawnOn: 'withdrawal_before_given' });
    const w = await ok(withdraw(c1.id, { withdrawnOn: '2026-02-01', note: 'แจ้งทางโทรศัพท์' }));
    expect(w).toMatchObject({ id: c1.id, withdrawnOn: '2026-02-01', withdrawalNote: 'แจ้งทางโทรศัพท์', purpose: c1.purpose });
    const again = await withdraw(c1.id, { withdrawnOn: '2026-02-02' });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual({ withdrawnOn: 'consent_withdrawn_already' });
    // a new consent for the same purpose is a new record; the withdrawn one stays
    await ok(give(p.id, { purpose: 'เผยแพร่ชื่อในรายชื่อจิตอาสา', lawfulBasis: 'consent', givenOn: '2026-03-01', method: 'online_form' }), 201);

    const person = await ok(api.get(`${base}/privacy/people/${p.id}`));
    expect(person.consents).toHaveLength(3);
    expect(
      person.consents.filter((c: { purpose: string }) => c.purpose === 'เผยแพร่ชื่อในรายชื่อจิตอาสา').map((c: { withdrawnOn: string | null }) => c.withdrawnOn),
    ).toEqual([null, '2026-02-01']);

    // the database keeps the record as given, whoever asks: no delete for the app, no edit of a consent's content
    const [{ tenant_id: tenantId }] = await asOwner<{ tenant_id: string }>(sql`select tenant_id from privacy_consents where id = ${c1.id}`);
    await expect(t.database.db.execute(sql`update privacy_consents set purpose = 'อื่น' where id = ${c1.id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`update privacy_consents set withdrawn_on = null, withdrawn_by_name = null where id = ${c1.id}`)).rejects.toThrow();
    const [grant] = await asOwner<{ can: boolean }>(sql`select has_table_privilege('phakhi_app', 'privacy_consents', 'DELETE') as can`);
    expect(grant.can).toBe(false);

    const audit = await asOwner<{ action: string }>(
      sql`select action from audit_log where tenant_id = ${tenantId} and entity = 'privacy_consent' order by created_at`,
    );
    expect(audit.map((a) => a.action)).toEqual(['create', 'create', 'withdraw', 'create']);
  });
});

describe('access log of unmasked sensitive fields', () => {
  it('masks people’s contacts in the list and for members; logs each unmasked showing (detail, export) and lets an admin read it', async () => {
    const { tenant, api, base, user } = await tenantWithUser(t, 'admin');
    const p = await ok(
      api.post(`${base}/partners`, {
        kind: 'person',
        name: 'นายสมศักดิ์ รักน้ำ',
        sector: 'civil_society',
        phone: '081-234-5678',
        email: 'somsak.r@example.org',
        lineId: 'somsak99',
        address: { line: '12/3 ถนนเชียงใหม่-ลำพูน', moo: 3, subdistrict: 'ชมภู', district: 'สารภี', province: 'เชียงใหม่', postcode: '50140' },
      }),
      201,
    );
    const org = await ok(api.post(`${base}/partners`, { kind: 'organization', name: 'วัดชมภู', sector: 'religious', phone: '053-123456' }), 201);
    const memberUser = await createUser(t, { tenantId: tenant.id, role: 'member', name: 'นางสาวสมาชิก ทั่วไป' });
    const member = await login(t, memberUser.email, memberUser.password);
    expect(await accessRows(tenant.id, p.id)).toHaveLength(0);

    // the list masks a person (an organisation is not personal data) and logs nothing
    const list = await ok(api.get(`${base}/partners?pageSize=50`));
    const listed = list.items.find((x: { id: string }) => x.id === p.id);
    expect(listed).toMatchObject({ phone: 'xxx-xxx-5678', email: 'so***@example.org', lineId: 's***', address: { line: '1***', subdistrict: 'ชมภู' } });
    expect(list.items.find((x: { id: string }) => x.id === org.id).phone).toBe('053-123456');
    // a member sees the masked form on the page too, and is not logged
    expect((await ok(member.get(`${base}/partners/${p.id}`))).phone).toBe('xxx-xxx-5678');
    expect(await accessRows(tenant.id, p.id)).toHaveLength(0);

    // an admin sees it unmasked: one row naming the viewer and the fields
    expect((await ok(api.get(`${base}/partners/${p.id}`))).phone).toBe('081-234-5678');
    expect(await accessRows(tenant.id, p.id)).toEqual([
      { viewer_name: user.name, fields: ['phone', 'email', 'lineId', 'address'], route: 'GET /partners/:id' },
    ]);
    // an organisation's page is not logged
    await ok(api.get(`${base}/partners/${org.id}`));
    expect(await accessRows(tenant.id, org.id)).toHaveLength(0);

    // the export shows every person unmasked: one row each
    const csv = await api.get(`${base}/partners/export?format=csv`);
    expect(csv.statusCode).toBe(200);
    expect(csv.body).toContain('081-234-5678');
    expect((await accessRows(tenant.id, p.id)).map((r) => r.route)).toEqual(['GET /partners/:id', 'GET /partners/export']);

    const log = await ok(api.get(`${base}/privacy/access-log?partyId=${p.id}`));
    expect(log.total).toBe(2);
    expect(log.items[0]).toMatchObject({ viewerName: user.name, viewerRole: 'admin', partyName: 'นายสมศักดิ์ รักน้ำ', route: 'GET /partners/export' });
    expect((await member.get(`${base}/privacy/access-log`)).statusCode).toBe(403);
  });
});

describe('data-subject export and erasure', () => {
  it('exports everything about a person (JSON and XLSX), then erases them: gone from search and export, ledger verifies, totals unchanged', async () => {
    const s = await budgetTenant(t);
    const { api, base, person } = s;
    // the person in several modules: a network membership, confirmed hours, participation, a consent, a ledger contribution
    await ok(api.post(`${base}/networks/${s.network.id}/members`, { partyId: person.id, role: 'member', startDate: '2025-10-01' }), 201);
    const h = await ok(
      api.post(`${base}/volunteer-hours`, { personId: person.id, activityId: s.activity.id, date: '2026-03-10', hours: 4, note: 'ขนกระสอบทราย' }),
      201,
    );
    await ok(api.post(`${base}/volunteer-hours/${h.id}/confirm`));
    await ok(
      api.post(`${base}/participation`, {
        occurredOn: '2026-03-10',
        level: 'operation',
        subjectKind: 'activity',
        title: 'ลงแขกซ่อมฝาย',
        activityId: s.activity.id,
        partyId: person.id,
        contribution: 'labour',
        note: 'มากับลูกชาย',
      }),
      201,
    );
    await ok(
      api.post(`${base}/privacy/people/${person.id}/consents`, {
        purpose: 'ติดต่อเรื่องเงินบริจาค',
        lawfulBasis: 'consent',
        givenOn: '2026-01-05',
        method: 'paper_form',
      }),
      201,
    );
    await ok(
      api.post(`${base}/ledger/transactions`, {
        kind: 'contribution',
        occurredOn: '2026-01-15',
        description: 'รับบริจาค',
        partyId: person.id,
        entries: contribution(s.donation.id, 150_000),
      }),
      201,
    );
    await ok(
      api.post(`${base}/ledger/transactions`, {
        kind: 'contribution',
        occurredOn: '2026-01-16',
        description: 'รับงบ',
        entries: contribution(s.municipal.id, 900_000),
      }),
      201,
    );
    await ok(api.patch(`${base}/partners/${person.id}`, { email: 'somchai.j@example.org' }));

    // JSON: every kind, with the person's data
    const json = await ok(api.get(`${base}/privacy/people/${person.id}/export?format=json`));
    const sec = json.sections;
    expect(sec.party[0]).toMatchObject({ name: 'นายสมชาย ใจดีมาก', phone: '0812345678', email: 'somchai.j@example.org' });
    expect(sec.memberships).toEqual([expect.objectContaining({ network: 'เครือข่ายเหมืองฝายพญาคำ', role: 'member' })]);
    expect(sec.volunteerHours).toEqual([expect.objectContaining({ minutes: 240, status: 'confirmed', note: 'ขนกระสอบทราย' })]);
    expect(sec.participation).toHaveLength(1);
    expect(sec.consents).toEqual([expect.objectContaining({ purpose: 'ติดต่อเรื่องเงินบริจาค', lawful_basis: 'consent' })]);
    expect(sec.contributions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ record: 'fund', name: 'เงินบริจาคส่วนบุคคล' }),
        expect.objectContaining({ record: 'ledger_transaction', totalSatang: 150_000, status: 'posted' }),
      ]),
    );
    expect(sec.auditEvents.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['create', 'update']));

    // XLSX: a real workbook, one sheet per kind with Thai headers
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `${base}/privacy/people/${person.id}/export?format=xlsx`,
      headers: { cookie: api.cookie, host: 'localhost' },
    });
    expect(xlsx.statusCode, xlsx.body.slice(0, 200)).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(
      expect.arrayContaining(['สรุป', 'ข้อมูลบุคคล', 'ความยินยอม', 'สมาชิกเครือข่าย', 'ชั่วโมงจิตอาสา', 'การมีส่วนร่วม', 'การเงินและการสมทบ', 'บันทึกการใช้งาน']),
    );
    const partySheet = wb.getWorksheet('ข้อมูลบุคคล')!;
    const headers = (partySheet.getRow(1).values as unknown[]).slice(1);
    expect(headers).toEqual(expect.arrayContaining(['ชื่อ', 'โทรศัพท์', 'อีเมล']));
    expect(partySheet.getRow(2).getCell(headers.indexOf('โทรศัพท์') + 1).value).toBe('0812345678');
    const [{ n: exports }] = await asOwner<{ n: number }>(
      sql`select count(*)::int as n from audit_log where entity = 'party' and entity_id = ${person.id} and action = 'export'`,
    );
    expect(exports).toBe(2);
    // a coordinator may not export
    expect((await s.coordinator.get(`${base}/privacy/people/${person.id}/export`)).statusCode).toBe(403);

    // totals before
    const funds = async () =>
      (await ok(api.get(`${base}/budget/funds?fiscalYear=2569`))).items.map((f: Record<string, unknown>) => [f.name, f.receivedSatang, f.remainingSatang]);
    const hours = async () => (await ok(api.get(`${base}/volunteer-hours/totals?by=network`))).minutes;
    const participation = async () => (await ok(api.get(`${base}/participation/matrix?fiscalYear=2569`))).totals;
    const before = { funds: await funds(), hours: await hours(), participation: await participation() };
    expect(before.hours).toBe(240);
    expect((await ok(api.get(`${base}/ledger/verify`))).valid).toBe(true);

    // the confirmation must name the person; a coordinator or officer cannot erase
    expect(fieldsOf(await api.post(`${base}/privacy/people/${person.id}/erase`, { confirmName: 'นายสมชาย', note: 'คำขอลงวันที่ 1 ธ.ค.' }))).toEqual({
      confirmName: 'confirm_name_mismatch',
    });
    expect((await s.checker.post(`${base}/privacy/people/${person.id}/erase`, { confirmName: 'นายสมชาย ใจดีมาก', note: 'x' })).statusCode).toBe(403);
    const erased = await ok(api.post(`${base}/privacy/people/${person.id}/erase`, { confirmName: 'นายสมชาย ใจดีมาก', note: 'คำขอลบข้อมูลลงวันที่ 1 ธ.ค. 2569' }));
    expect(erased).toMatchObject({ partyId: person.id, name: expect.stringMatching(/^ผู้ถูกลบข้อมูล /) });
    expect(erased.auditEventsRedacted).toBeGreaterThanOrEqual(3);
    expect((await api.post(`${base}/privacy/people/${person.id}/erase`, { confirmName: erased.name, note: 'x' })).statusCode).toBe(409);

    // gone from search, the partner page and the export
    expect((await ok(api.get(`${base}/partners?q=${encodeURIComponent('สมชาย')}`))).total).toBe(0);
    expect((await ok(api.get(`${base}/partners?q=0812345678`))).total).toBe(0);
    const page = await ok(api.get(`${base}/partners/${person.id}`));
    expect(page).toMatchObject({ name: erased.name, phone: null, email: null, sector: 'civil_society', kind: 'person' });
    const after = await ok(api.get(`${base}/privacy/people/${person.id}/export?format=json`));
    const text = JSON.stringify(after);
    for (const trace of ['สมชาย', '0812345678', 'somchai.j@example.org', 'ขนกระสอบทราย', 'มากับลูกชาย']) expect(text, trace).not.toContain(trace);
    // nor anywhere in the audit log
    const [{ n: leaks }] = await asOwner<{ n: number }>(
      sql`select count(*)::int as n from audit_log where tenant_id = ${s.tenant.id} and (changes::text like '%0812345678%' or entity_label like '%สมชาย%' or changes::text like '%สมชาย%')`,
    );
    expect(leaks).toBe(0);

    // the ledger still verifies and every total is as it was
    expect((await ok(api.get(`${base}/ledger/verify`))).valid).toBe(true);
    expect({ funds: await funds(), hours: await hours(), participation: await participation() }).toEqual(before);
    const privacy = await ok(api.get(`${base}/privacy/people/${person.id}`));
    expect(privacy.erased).toMatchObject({ reason: 'request' });
    expect(privacy.consents).toEqual([expect.objectContaining({ purpose: 'ติดต่อเรื่องเงินบริจาค', withdrawalNote: 'ลบข้อมูลส่วนบุคคล' })]);
    // and nothing more can be recorded about them
    expect(
      (await api.post(`${base}/privacy/people/${person.id}/consents`, { purpose: 'x', lawfulBasis: 'consent', givenOn: '2026-01-05', method: 'verbal' }))
        .statusCode,
    ).toBe(409);
  });

  it('refuses with the reasons when the law requires keeping the data: a pending payment, an active account', async () => {
    const s = await budgetTenant(t);
    const { api, base } = s;
    const p = await ok(api.post(`${base}/partners`, { kind: 'person', name: 'นางสาวมะลิ ดอกงาม', sector: 'civil_society' }), 201);
    // a contribution at or above the approval threshold waits for a second officer: pending
    const pending = await ok(
      api.post(`${base}/ledger/transactions`, {
        kind: 'contribution',
        occurredOn: '2026-01-15',
        description: 'บริจาคสร้างฝาย',
        partyId: p.id,
        entries: contribution(s.municipal.id, 100_000_000),
      }),
      201,
    );
    expect(pending.status).toBe('pending');
    const res = await api.post(`${base}/privacy/people/${p.id}/erase`, { confirmName: 'นางสาวมะลิ ดอกงาม', note: 'คำขอ' });
    expect(res.statusCode).toBe(409);
    expect(fieldsOf(res)).toEqual({ erase: 'erasure_pending_payment' });
    expect((res.json() as { error: { details: { holds: { code: string; message: string }[] } } }).error.details.holds[0].message).toContain('หน้าที่ตามกฎหมาย');
    expect((await ok(api.get(`${base}/partners/${p.id}`))).name).toBe('นางสาวมะลิ ดอกงาม');

    const q = await ok(api.post(`${base}/partners`, { kind: 'person', name: 'นายบุญมี มีบัญชี', sector: 'civil_society' }), 201);
    await createUser(t, { tenantId: s.tenant.id, role: 'member', partyId: q.id });
    expect(fieldsOf(await api.post(`${base}/privacy/people/${q.id}/erase`, { confirmName: 'นายบุญมี มีบัญชี', note: 'คำขอ' }))).toEqual({
      erase: 'erasure_has_account',
    });
  });
});

describe('privacy notice and record of processing activities', () => {
  it('a public Thai notice by default, edited by an admin; the ROPA starts from defaults, is editable and exportable', async () => {
    const { tenant, api, base } = await tenantWithUser(t, 'admin');
    await ok(api.post(`${base}/partners`, { kind: 'person', name: 'นายเปิดเผย ไม่ควร', sector: 'civil_society', phone: '0899999999' }), 201);
    const anon = client(t);
    const notice = await ok(anon.get(`/api/v1/public/${tenant.slug}/privacy-notice`));
    expect(notice).toMatchObject({ isDefault: true, controllerName: tenant.nameTh, retention: { inactivePeopleYears: null, accessLogMonths: 24 } });
    expect(notice.intro).toContain('พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล');
    expect(notice.activities.length).toBeGreaterThanOrEqual(5);
    expect(notice.activities.map((a: { lawfulBasis: string }) => a.lawfulBasis)).toEqual(
      expect.arrayContaining(['consent', 'public_task', 'legal_obligation']),
    );

    const saved = await ok(
      api.put(`${base}/privacy/notice`, {
        controllerName: tenant.nameTh,
        controllerContact: '053-000000',
        dpoName: 'นิติกร (DPO)',
        dpoContact: 'dpo@chomphu.go.th',
      }),
    );
    expect(saved).toMatchObject({ isDefault: false, dpoContact: 'dpo@chomphu.go.th' });
    expect((await api.put(`${base}/privacy/notice`, { controllerName: '' })).statusCode).toBe(400);
    const pub = await anon.get(`/api/v1/public/${tenant.slug}/privacy-notice?fresh=1`);
    expect(pub.json()).toMatchObject({ dpoContact: 'dpo@chomphu.go.th', isDefault: false });
    expect(pub.body).not.toContain('นายเปิดเผย');
    expect(pub.body).not.toContain('0899999999');

    const ropa = await ok(api.get(`${base}/privacy/activities`));
    expect(ropa.every((a: { isDefault: boolean }) => a.isDefault)).toBe(true);
    const n = ropa.length;
    expect((await ok(api.get(`${base}/privacy/activities`))).length).toBe(n); // defaults are added once
    const added = await ok(
      api.post(`${base}/privacy/activities`, {
        name: 'กล้องวงจรปิดหน้าสำนักงาน',
        purpose: 'รักษาความปลอดภัย',
        lawfulBasis: 'legitimate_interest',
        dataSubjects: 'ผู้มาติดต่อ',
        retention: '30 วัน',
        dataCategories: ['ภาพเคลื่อนไหว'],
      }),
      201,
    );
    await ok(api.patch(`${base}/privacy/activities/${added.id}`, { retention: '60 วัน' }));
    await ok(api.delete(`${base}/privacy/activities/${ropa[0].id}`), 204);
    const csv = await api.get(`${base}/privacy/activities/export?format=csv`);
    expect(csv.body).toContain('กล้องวงจรปิดหน้าสำนักงาน');
    expect(csv.body).toContain('60 วัน');
    expect(csv.body).toContain('ประโยชน์โดยชอบด้วยกฎหมาย');
    expect(csv.body.split('\r\n').length - 1).toBe(n); // header + (n - 1 + 1) rows
  });
});

describe('retention job', () => {
  it('anonymises people inactive past the period and deletes old access-log rows, bounded per run, idempotent, audited', async () => {
    const { tenant, api, base } = await tenantWithUser(t, 'admin');
    const mk = async (name: string) => ok(api.post(`${base}/partners`, { kind: 'person', name, sector: 'civil_society', phone: '0811111111' }), 201);
    const old1 = await mk('นายเก่า หนึ่ง');
    const old2 = await mk('นายเก่า สอง');
    const recent = await mk('นางใหม่ สดใส');
    const oldWithConsent = await mk('นางยังยินยอม อยู่');
    await ok(
      api.post(`${base}/privacy/people/${oldWithConsent.id}/consents`, {
        purpose: 'ติดต่อ',
        lawfulBasis: 'consent',
        givenOn: '2015-01-01',
        method: 'paper_form',
      }),
      201,
    );
    await ok(api.get(`${base}/partners/${recent.id}`)); // an access-log row
    await t.database.db.execute(
      sql`update parties set updated_at = now() - interval '8 years' where tenant_id = ${tenant.id} and id in (${old1.id}, ${old2.id}, ${oldWithConsent.id})`,
    );
    await t.database.db.execute(sql`update privacy_access_log set viewed_at = now() - interval '3 years' where tenant_id = ${tenant.id}`);
    await ok(api.get(`${base}/partners/${recent.id}`)); // a fresh one

    // nothing happens to people until an admin sets a period
    expect(await runRetentionAll(t.database.db, { slug: tenant.slug })).toEqual([
      { tenant: tenant.slug, peopleAnonymised: 0, accessRowsDeleted: 1, morePending: false },
    ]);
    expect(fieldsOf(await api.put(`${base}/privacy/retention`, { inactivePeopleYears: 0, accessLogMonths: 12 }))).toHaveProperty('inactivePeopleYears');
    await ok(api.put(`${base}/privacy/retention`, { inactivePeopleYears: 5, accessLogMonths: 12 }));

    // bounded: one person per run here
    const first = await runRetentionAll(t.database.db, { slug: tenant.slug, limits: { people: 1, accessRows: 10 } });
    expect(first).toEqual([{ tenant: tenant.slug, peopleAnonymised: 1, accessRowsDeleted: 0, morePending: true }]);
    const second = await ok(api.post(`${base}/privacy/retention/run`));
    expect(second).toEqual({ peopleAnonymised: 1, accessRowsDeleted: 0, morePending: false });
    // idempotent
    expect(await ok(api.post(`${base}/privacy/retention/run`))).toEqual({ peopleAnonymised: 0, accessRowsDeleted: 0, morePending: false });

    const names = async (id: string) => (await ok(api.get(`${base}/partners/${id}`))).name;
    expect(await names(old1.id)).toMatch(/^ผู้ถูกลบข้อมูล/);
    expect(await names(old2.id)).toMatch(/^ผู้ถูกลบข้อมูล/);
    expect(await names(recent.id)).toBe('นางใหม่ สดใส');
    expect(await names(oldWithConsent.id)).toBe('นางยังยินยอม อยู่');
    const audit = await asOwner<{ actor_role: string; n: number }>(
      sql`select actor_role, count(*)::int as n from audit_log where tenant_id = ${tenant.id} and entity = 'privacy_erasure' and action = 'erase' group by actor_role`,
    );
    expect(audit).toEqual([{ actor_role: 'system', n: 2 }]);
    const settings = await ok(api.get(`${base}/privacy/retention`));
    expect(settings).toMatchObject({ inactivePeopleYears: 5, accessLogMonths: 12, lastRunPeople: 0, lastRunAccessRows: 0 });
  });
});

describe('retention applied by the scheduled job', () => {
  it('the job the server starts applies an admin’s settings on its own: nobody calls a run', async () => {
    const { tenant, api, base } = await tenantWithUser(t, 'admin');
    const old = await ok(api.post(`${base}/partners`, { kind: 'person', name: 'นายลืมแล้ว นานมาก', sector: 'civil_society', phone: '0833333333' }), 201);
    const kept = await ok(api.post(`${base}/partners`, { kind: 'person', name: 'นางยังอยู่ ประจำ', sector: 'civil_society', phone: '0844444444' }), 201);
    await ok(api.get(`${base}/partners/${kept.id}`)); // an access-log row, made old below
    await t.database.db.execute(sql`update parties set updated_at = now() - interval '8 years' where tenant_id = ${tenant.id} and id = ${old.id}`);
    await t.database.db.execute(sql`update privacy_access_log set viewed_at = now() - interval '3 years' where tenant_id = ${tenant.id}`);
    await ok(api.put(`${base}/privacy/retention`, { inactivePeopleYears: 5, accessLogMonths: 12 }));

    const runs: unknown[] = [];
    let ran!: () => void;
    const firstRun = new Promise<void>((resolve) => (ran = resolve));
    const stop = startRetentionJob(
      t.database.db,
      { info: () => {}, error: () => {} },
      { firstAfterMs: 0, everyMs: 3600_000, onRun: (r) => (runs.push(r), ran()) },
    );
    try {
      await firstRun;
    } finally {
      stop();
    }
    expect(runs).toHaveLength(1);
    expect(runs[0]).toEqual(expect.arrayContaining([{ tenant: tenant.slug, peopleAnonymised: 1, accessRowsDeleted: 1, morePending: false }]));
    expect((await ok(api.get(`${base}/partners/${old.id}`))).name).toMatch(/^ผู้ถูกลบข้อมูล/);
    expect((await ok(api.get(`${base}/partners/${kept.id}`))).name).toBe('นางยังอยู่ ประจำ');
    expect(await ok(api.get(`${base}/privacy/retention`))).toMatchObject({ lastRunPeople: 1, lastRunAccessRows: 1 });
  });
});

describe('who may call it', () => {
  it('a member is refused every privacy route; another tenant’s admin reaches nothing of this tenant', async () => {
    const a = await tenantWithUser(t, 'admin');
    const p = await ok(a.api.post(`${a.base}/partners`, { kind: 'person', name: 'นายลับ เฉพาะ', sector: 'civil_society', phone: '0822222222' }), 201);
    const c = await ok(
      a.api.post(`${a.base}/privacy/people/${p.id}/consents`, { purpose: 'ติดต่อ', lawfulBasis: 'consent', givenOn: '2026-01-05', method: 'verbal' }),
      201,
    );
    const memberUser = await createUser(t, { tenantId: a.tenant.id, role: 'member' });
    const member = await login(t, memberUser.email, memberUser.password);
    const calls: [string, string, unknown?][] = [
      ['GET', `/privacy/people/${p.id}`],
      ['POST', `/privacy/people/${p.id}/consents`, { purpose: 'x', lawfulBasis: 'consent', givenOn: '2026-01-05', method: 'verbal' }],
      ['POST', `/privacy/consents/${c.id}/withdraw`, { withdrawnOn: '2026-01-06' }],
      ['GET', `/privacy/people/${p.id}/export`],
      ['POST', `/privacy/people/${p.id}/erase`, { confirmName: 'นายลับ เฉพาะ', note: 'x' }],
      ['GET', '/privacy/notice'],
      ['PUT', '/privacy/notice', { controllerName: 'x' }],
      ['GET', '/privacy/activities'],
      ['GET', '/privacy/activities/export'],
      ['POST', '/privacy/activities', { name: 'x', purpose: 'x', lawfulBasis: 'consent', dataSubjects: 'x', retention: 'x' }],
      ['GET', '/privacy/access-log'],
      ['GET', '/privacy/retention'],
      ['PUT', '/privacy/retention', { inactivePeopleYears: 1, accessLogMonths: 1 }],
      ['POST', '/privacy/retention/run'],
    ];
    const send = (who: Client, base: string, [method, path, body]: [string, string, unknown?]) =>
      t.app.inject({
        method: method as 'GET',
        url: `${base}${path}`,
        payload: body as never,
        headers: { cookie: who.cookie, origin: 'http://localhost', host: 'localhost' },
      });
    for (const call of calls) expect((await send(member, a.base, call)).statusCode, `${call[0]} ${call[1]}`).toBe(403);

    const b = await tenantWithUser(t, 'admin');
    for (const call of calls) {
      expect((await send(b.api, a.base, call)).statusCode, `${call[0]} ${call[1]} via A`).toBe(403);
      const own = (await send(b.api, b.base, call)).statusCode;
      if (call[1].includes(p.id) || call[1].includes(c.id)) expect(own, `${call[0]} ${call[1]} via B`).toBe(404);
    }
    // nothing of A was changed or written by them
    expect((await ok(a.api.get(`${a.base}/partners/${p.id}`))).name).toBe('นายลับ เฉพาะ');
    expect((await ok(a.api.get(`${a.base}/privacy/people/${p.id}`))).consents[0].withdrawnOn).toBeNull();
    const bLog = await ok(b.api.get(`${b.base}/privacy/access-log`));
    expect(bLog.total).toBe(0);
  });
});
