import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUser, login, tenantWithUser, type TestApp } from '../../test/harness';
import { attachReceipt, RECEIPT_PNG } from '../budget/fixtures';
import { todayInThailand } from '../../platform/today';
import { fiscalYearOf } from '../../../common/thai/dates';
import { day, fieldsOf, ok } from './fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const content = (fine: number) => ({
  title: 'กฎระเบียบการบริหารน้ำตำบลชมภู',
  chapters: [{ number: 1, title: 'การใช้น้ำ', clauses: [{ number: '9', text: 'ห้ามเปิดประตูน้ำนอกรอบเวร' }] }],
  fines: [{ clauseNumber: '9', offence: 'เปิดประตูน้ำนอกรอบเวร', amountSatang: fine, repeatAmountSatang: fine * 2 }],
});

interface Incident {
  id: string;
  fines: { id: string; amountSatang: number; regulationVersion: { number: number }; paidOn: string | null; ledgerTransactionId: string | null }[];
}

describe('incidents and fines', () => {
  it('fines by the version in force on the incident date, and a paid fine lands in the fund through the ledger', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    const offender = await ok<{ id: string }>(api.post(`${base}/partners`, { kind: 'person', name: 'นายแสง ใจร้อน', sector: 'civil_society' }), 201);
    // v1 (200 baht) in force from 60 days ago, v2 (500 baht) from 10 days ago
    const reg = await ok<{ id: string; versions: { id: string }[] }>(api.post(`${base}/regulations`, { subject: 'น้ำ', draft: content(200_00) }), 201);
    await ok(api.post(`${base}/regulations/${reg.id}/versions/${reg.versions[0].id}/community-vote`, { votedOn: day(-60), votesFor: 50, note: 'ประชาคม' }));
    const v2 = await ok<{ id: string }>(api.post(`${base}/regulations/${reg.id}/versions`, content(500_00)), 201);
    await ok(api.post(`${base}/regulations/${reg.id}/versions/${v2.id}/community-vote`, { votedOn: day(-10), votesFor: 50, note: 'ประชาคม' }));

    const report = (occurredOn: string) =>
      api.post(`${base}/water/incidents`, {
        occurredOn,
        kind: 'gate_without_right',
        place: 'ประตูน้ำปากเหมืองซอย 2',
        description: 'เปิดประตูน้ำเข้านาตนเองในรอบเวรของกลุ่มปลายน้ำ',
      });
    expect(fieldsOf(await report(day(2)))).toEqual({ occurredOn: 'incident_in_future' });
    const early = await ok<Incident>(report(day(-20)), 201);
    const late = await ok<Incident>(report(day(-5)), 201);
    const levy = (i: Incident, body: Record<string, unknown>) =>
      api.post(`${base}/water/incidents/${i.id}/fines`, { regulationId: reg.id, clauseNumber: '9', partyId: offender.id, ...body });
    const a = await ok<Incident>(levy(early, {}), 201);
    expect(a.fines[0]).toMatchObject({ amountSatang: 200_00, regulationVersion: { number: 1 } });
    const b = await ok<Incident>(levy(late, { repeat: true }), 201);
    expect(b.fines[0]).toMatchObject({ amountSatang: 1000_00, regulationVersion: { number: 2 } });
    expect(fieldsOf(await levy(late, { clauseNumber: '1' }))).toEqual({ clauseNumber: 'no_fine_for_clause' });
    const before = await ok<Incident>(report(day(-90)), 201);
    expect(fieldsOf(await levy(before, {}))).toEqual({ regulationId: 'no_version_in_force' });

    // paid into the group's fund: a posted contribution in the ledger, the chain still valid
    const users = await ok<{ id: string }>(
      api.post(`${base}/partners`, { kind: 'organization', name: 'กลุ่มผู้ใช้น้ำเหมืองฝายพญาคำ', sector: 'civil_society', orgType: 'community_group' }),
      201,
    );
    const fund = await ok<{ id: string }>(
      api.post(`${base}/budget/funds`, { name: 'กองทุนเหมืองฝายพญาคำ', kind: 'partner_cash', partyId: users.id, fiscalYear: fiscalYearOf(todayInThailand()) }),
      201,
    );
    const payUrl = `${base}/water/incidents/${late.id}/fines/${b.fines[0].id}/pay`;
    expect(fieldsOf(await api.post(payUrl, { paidOn: day(-6), fundId: fund.id }))).toEqual({ paidOn: 'paid_before_incident' });
    const paid = await ok<Incident>(api.post(payUrl, { paidOn: day(0), fundId: fund.id }));
    expect(paid.fines[0]).toMatchObject({ paidOn: day(0), ledgerTransactionId: expect.any(String) });
    const txn = await ok<{ kind: string; status: string; totalSatang: number }>(api.get(`${base}/ledger/transactions/${paid.fines[0].ledgerTransactionId}`));
    expect(txn).toMatchObject({ kind: 'contribution', status: 'posted', totalSatang: 1000_00 });
    const funds = await ok<{ items: { id: string; receivedSatang: number }[] }>(api.get(`${base}/budget/funds`));
    expect(funds.items.find((f) => f.id === fund.id)!.receivedSatang).toBe(1000_00);
    expect(await ok(api.get(`${base}/ledger/verify`))).toMatchObject({ valid: true });
    expect((await api.post(payUrl, { paidOn: day(0), fundId: fund.id })).statusCode).toBe(409);

    const other = await tenantWithUser(t, 'admin');
    expect((await other.api.get(`${other.base}/water/incidents/${late.id}`)).statusCode).toBe(404);
    expect(await ok(other.api.get(`${other.base}/water/incidents`))).toEqual([]);
  });

  it('takes photos from a phone through the evidence files: kind from the bytes, shown with the incident, resolved with its text', async () => {
    const { api, base, tenant } = await tenantWithUser(t, 'coordinator');
    const i = await ok<{ id: string }>(
      api.post(`${base}/water/incidents`, { occurredOn: day(0), kind: 'blocked_ditch', place: 'เหมืองซอยบ้านดอนชัย', description: 'มีผู้นำไม้ไผ่มากั้นลำเหมือง' }),
      201,
    );
    const url = `${base}/water/incidents/${i.id}/files`;
    const up = await attachReceipt(t, url, api.cookie, 'ลำเหมือง.png');
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json() as { id: string; kind: string; url: string; canDelete: boolean };
    expect(file).toMatchObject({ kind: 'png', url: `${url}/${file.id}`, canDelete: true });
    // a text file named .jpg is refused by its content
    const fake = await attachReceipt(t, url, api.cookie, 'photo.jpg', Buffer.from('not a photo at all'));
    expect(fake.statusCode).toBe(415);
    const shown = await ok<{ files: { id: string }[] }>(api.get(`${base}/water/incidents/${i.id}`));
    expect(shown.files.map((f) => f.id)).toEqual([file.id]);
    const bytes = await api.get(`${url}/${file.id}`);
    expect(bytes.statusCode).toBe(200);
    expect(bytes.rawPayload.equals(RECEIPT_PNG)).toBe(true);
    // a member sees the photo but cannot add one
    const u = await createUser(t, { tenantId: tenant.id, role: 'member' });
    const member = await login(t, u.email, u.password);
    expect((await member.get(`${url}/${file.id}`)).statusCode).toBe(200);
    expect((await attachReceipt(t, url, member.cookie)).statusCode).toBe(403);
    // another tenant neither sees nor adds
    const other = await tenantWithUser(t, 'admin');
    expect((await other.api.get(`${other.base}/water/incidents/${i.id}/files/${file.id}`)).statusCode).toBe(404);
    expect((await attachReceipt(t, `${other.base}/water/incidents/${i.id}/files`, other.api.cookie)).statusCode).toBe(404);
    // resolving: the resolution text and the status together
    const resolved = await ok<{ status: string; resolution: string }>(
      api.patch(`${base}/water/incidents/${i.id}`, { status: 'resolved', resolution: 'แก่ฝายเรียกเจ้าของไม้ไผ่มารื้อออกแล้ว ตักเตือนครั้งแรก' }),
    );
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'แก่ฝายเรียกเจ้าของไม้ไผ่มารื้อออกแล้ว ตักเตือนครั้งแรก' });
    expect((await api.delete(`${url}/${file.id}`)).statusCode).toBe(204);
    expect((await ok<{ files: unknown[] }>(api.get(`${base}/water/incidents/${i.id}`))).files).toEqual([]);
  });
});
