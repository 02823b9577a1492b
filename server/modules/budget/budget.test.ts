import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bahtText } from '../../../common/thai/bahttext';
import { buildTestApp, type TestApp } from '../../test/harness';
import { budgetTenant, commitment, contributionBody, expense, posted } from './fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** A tenant with municipal money, a company's in-kind help and a private donor, all spent on the weir activity. */
async function withActivity() {
  const s = await budgetTenant(t);
  // at or above the default threshold (50,000 baht) the second officer approves; an expense of 5,000 baht or more gets its receipt
  const post = (body: unknown) => posted(t, s, body);
  await post(contributionBody(s.municipal.id, 20_000_000, '2025-10-05', 'รับงบเทศบัญญัติ'));
  await post(contributionBody(s.inKind.id, 3_500_050, '2025-12-01', 'กระสอบทราย 300 ใบและรถขุด 2 วัน'));
  await post(contributionBody(s.donation.id, 150_000, '2025-12-02', 'นายสมชาย ใจดีมาก บริจาคค่าอาหารลงแขก'));
  await post({ kind: 'expense', occurredOn: '2025-12-10', description: 'ใช้กระสอบทรายและรถขุดซ่อมฝาย', entries: expense(s.inKind.id, s.line.id, 3_500_050) });
  await post({ kind: 'expense', occurredOn: '2025-12-10', description: 'ค่าอาหารลงแขก', entries: expense(s.donation.id, s.line.id, 150_000) });
  await post({
    kind: 'commitment',
    occurredOn: '2026-01-05',
    description: 'สัญญาจ้างขุดลอกลำเหมือง',
    entries: commitment(s.municipal.id, s.line.id, 800_000),
  });
  return s;
}

/** The company's line among the contributors of withActivity(): its sandbags and diggers, in kind. */
const companyContributor = (s: { org: { id: string; name: string } }) => ({
  partyId: s.org.id,
  name: s.org.name,
  kind: 'organization',
  sector: 'private',
  cashSatang: 0,
  inKindSatang: 3_500_050,
  totalSatang: 3_500_050,
  count: 1,
});

describe('funds and budget lines', () => {
  it('counts all the funds and transactions on a page past the end too (the total does not ride on an empty page)', async () => {
    const s = await budgetTenant(t);
    const funds = await s.api.get(`${s.base}/budget/funds?pageSize=2&page=9`);
    expect(funds.statusCode).toBe(200);
    expect(funds.json()).toMatchObject({ items: [], total: 3 });
    expect((await s.api.get(`${s.base}/budget/funds?pageSize=2&page=2`)).json()).toMatchObject({ total: 3 });
    expect((await s.api.post(`${s.base}/ledger/transactions`, contributionBody(s.municipal.id, 100_000))).statusCode).toBe(201);
    const ledger = await s.api.get(`${s.base}/ledger/transactions?pageSize=5&page=4`);
    expect(ledger.statusCode).toBe(200);
    expect(ledger.json()).toMatchObject({ items: [], total: 1 });
  });

  it('ties every non-municipal fund to a party of the tenant and every line to a plan', async () => {
    const s = await budgetTenant(t);
    const f = await s.api.post(`${s.base}/budget/funds`, { name: 'ทุน สสส.', kind: 'grant', fiscalYear: 2569 });
    expect(f.statusCode).toBe(400);
    expect(f.json().error.fields.partyId).toBe('แหล่งเงินนี้ต้องระบุภาคีผู้ให้');
    expect(
      (await s.api.post(`${s.base}/budget/funds`, { name: 'x', kind: 'grant', partyId: '00000000-0000-4000-8000-000000000000', fiscalYear: 2569 })).statusCode,
    ).toBe(400);
    expect((await s.api.post(`${s.base}/budget/funds`, { name: 'x', kind: 'municipal', fiscalYear: 69 })).statusCode).toBe(400);
    const other = (await s.api.post(`${s.base}/plans`, { name: 'แผนอื่น', fiscalYear: 2569, networkIds: [s.network.id] })).json();
    const wrong = await s.api.post(`${s.base}/budget/lines`, { planId: other.id, activityId: s.activity.id });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.activityId).toBe('กิจกรรมนี้ไม่ได้อยู่ในแผนที่เลือก');
    const projectLine = await s.api.post(`${s.base}/budget/lines`, { planId: s.plan.id, projectId: s.project.id, allocatedSatang: 1_234_550 });
    expect(projectLine.json()).toMatchObject({
      name: 'ซ่อมแซมฝายพญาคำ',
      plannedSatang: 4_500_000,
      allocatedSatang: 1_234_550,
      remainingSatang: 1_234_550,
      project: { id: s.project.id },
      activity: null,
    });
    expect((await s.api.post(`${s.base}/budget/lines`, { planId: s.plan.id, allocatedSatang: 1.5 })).statusCode).toBe(400);
    expect((await s.coordinator.post(`${s.base}/budget/funds`, { name: 'เงินบริจาค', kind: 'municipal', fiscalYear: 2569 })).statusCode).toBe(201);
  });
});

describe('editing and deleting budget lines', () => {
  it('renames a line and changes its allocation, never below what it has committed and spent', async () => {
    const s = await withActivity();
    const lineOf = async (api = s.api) =>
      (await api.get(`${s.base}/budget/lines?fiscalYear=2569`)).json().items.find((l: { id: string }) => l.id === s.line.id);
    // spent 3,500,050 + 150,000 and committed 800,000 satang of 4,500,000
    expect(await lineOf()).toMatchObject({ allocatedSatang: 4_500_000, spentSatang: 3_650_050, committedSatang: 800_000, remainingSatang: 49_950 });
    const renamed = await s.api.patch(`${s.base}/budget/lines/${s.line.id}`, { name: 'ค่าวัสดุซ่อมฝาย' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'ค่าวัสดุซ่อมฝาย', allocatedSatang: 4_500_000, remainingSatang: 49_950 });
    const below = await s.api.patch(`${s.base}/budget/lines/${s.line.id}`, { allocatedSatang: 4_450_049 });
    expect(below.statusCode).toBe(400);
    expect(below.json().error.fields.allocatedSatang).toContain('ผูกพันและใช้จ่ายแล้ว');
    expect(await lineOf()).toMatchObject({ name: 'ค่าวัสดุซ่อมฝาย', allocatedSatang: 4_500_000 });
    const exact = await s.coordinator.patch(`${s.base}/budget/lines/${s.line.id}`, { allocatedSatang: 4_450_050 });
    expect(exact.statusCode, exact.body).toBe(200);
    expect(exact.json().remainingSatang).toBe(0);
    // spent beyond its allocation, the line can still be renamed (the unchanged allocation is not re-checked)
    // spending beyond the allocation needs a reason and a second officer
    const overBody = { kind: 'expense', occurredOn: '2026-01-10', description: 'ค่าน้ำมันรถขุดเพิ่ม', entries: expense(s.municipal.id, s.line.id, 100_000) };
    const refused = await s.api.post(`${s.base}/ledger/transactions`, overBody);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields['entries.0.budgetLineId']).toContain('เกินยอดจัดสรร');
    const over = await s.api.post(`${s.base}/ledger/transactions`, { ...overBody, exceptionReason: 'น้ำหลากเพิ่ม ต้องเติมน้ำมันรถขุดอีกหนึ่งวัน' });
    expect(over.json()).toMatchObject({ status: 'pending', reviewReasons: ['over_allocation'], exceptionReason: 'น้ำหลากเพิ่ม ต้องเติมน้ำมันรถขุดอีกหนึ่งวัน' });
    expect((await s.checker.post(`${s.base}/ledger/transactions/${over.json().id}/approve`)).json().status).toBe('posted');
    const renamedOver = await s.api.patch(`${s.base}/budget/lines/${s.line.id}`, { name: 'ค่าวัสดุและน้ำมันซ่อมฝาย', allocatedSatang: 4_450_050 });
    expect(renamedOver.statusCode, renamedOver.body).toBe(200);
    expect(renamedOver.json()).toMatchObject({ name: 'ค่าวัสดุและน้ำมันซ่อมฝาย', remainingSatang: -100_000 });
    const empty = await s.api.patch(`${s.base}/budget/lines/${s.line.id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields._body).toBe('ไม่มีข้อมูลที่จะแก้ไข');
    expect((await s.api.patch(`${s.base}/budget/lines/${s.line.id}`, { allocatedSatang: 1.5 })).statusCode).toBe(400);
    expect((await s.api.patch(`${s.base}/budget/lines/00000000-0000-4000-8000-000000000000`, { name: 'x' })).statusCode).toBe(404);
    const other = await budgetTenant(t);
    expect((await other.api.patch(`${other.base}/budget/lines/${s.line.id}`, { name: 'x' })).statusCode).toBe(404);
    const audit = (await s.api.get(`${s.base}/audit?entity=budget_line`)).json();
    expect(audit.items.some((e: { action: string; entityId: string }) => e.action === 'update' && e.entityId === s.line.id)).toBe(true);
  });

  it('deletes only a line no ledger entry names, and only officers may', async () => {
    const s = await withActivity();
    const booked = await s.api.delete(`${s.base}/budget/lines/${s.line.id}`);
    expect(booked.statusCode).toBe(409);
    expect(booked.json().error.fields.line).toContain('ลบไม่ได้');
    const spare = await s.json(s.api.post(`${s.base}/budget/lines`, { planId: s.plan.id, name: 'สำรองจ่าย', allocatedSatang: 100_000 }));
    expect((await s.coordinator.delete(`${s.base}/budget/lines/${spare.id}`)).statusCode).toBe(403);
    expect((await s.checker.delete(`${s.base}/budget/lines/${spare.id}`)).statusCode).toBe(204);
    const ids = (await s.api.get(`${s.base}/budget/lines?fiscalYear=2569`)).json().items.map((l: { id: string }) => l.id);
    expect(ids).toContain(s.line.id);
    expect(ids).not.toContain(spare.id);
    expect((await s.api.delete(`${s.base}/budget/lines/${spare.id}`)).statusCode).toBe(404);
  });
});

describe('transparency', () => {
  it('shows planned vs committed vs spent, who gave what (cash and in-kind) and the leverage of municipal money', async () => {
    const s = await withActivity();
    const v = (await s.api.get(`${s.base}/budget/transparency?fiscalYear=2569`)).json();
    expect(v.totals).toEqual({
      plannedSatang: 4_500_000,
      allocatedSatang: 4_500_000,
      committedSatang: 800_000,
      spentSatang: 3_650_050,
      remainingSatang: 4_500_000 - 800_000 - 3_650_050,
    });
    expect(v.byProject[0]).toMatchObject({ id: s.project.id, plannedSatang: 4_500_000, spentSatang: 3_650_050 });
    expect(v.byNetwork[0]).toMatchObject({ id: s.network.id, committedSatang: 800_000 });
    expect(v.contributors).toEqual([
      companyContributor(s),
      {
        partyId: s.person.id,
        name: s.person.name,
        kind: 'person',
        sector: 'civil_society',
        cashSatang: 150_000,
        inKindSatang: 0,
        totalSatang: 150_000,
        count: 1,
      },
    ]);
    expect(v.leverage).toEqual({ municipalSatang: 20_000_000, partnerSatang: 3_650_050, perBaht: 0.18 });
    expect(v.byFund.find((f: { id: string }) => f.id === s.municipal.id)).toMatchObject({
      receivedSatang: 20_000_000,
      committedSatang: 800_000,
      spentSatang: 0,
      availableSatang: 19_200_000,
    });
    expect(v.chain.headSeq).toBe(6);
    // by network: what the partners' funds paid there
    const byNet = (await s.api.get(`${s.base}/budget/transparency?networkId=${s.network.id}`)).json();
    expect(byNet.contributors.map((c: { totalSatang: number }) => c.totalSatang)).toEqual([3_500_050, 150_000]);
    // the fund filter narrows committed and spent to that fund's money
    const byFund = (await s.api.get(`${s.base}/budget/transparency?fiscalYear=2569&fundId=${s.inKind.id}`)).json();
    expect(byFund.totals).toMatchObject({ spentSatang: 3_500_050, committedSatang: 0 });
    expect((await s.api.get(`${s.base}/ledger/transactions?fundId=${s.inKind.id}`)).json().total).toBe(2);
  });
});

describe('public budget pages', () => {
  it('answer without login and carry no personal data: no private donor, no user, no contact', async () => {
    const s = await withActivity();
    const pub = await t.app.inject({ method: 'GET', url: `/api/v1/public/${s.tenant.slug}/budget?fiscalYear=2569` });
    expect(pub.statusCode).toBe(200);
    const v = pub.json();
    expect(v.tenant.slug).toBe(s.tenant.slug);
    expect(v.contributors).toEqual([
      companyContributor(s),
      { partyId: null, name: 'individuals', kind: 'individuals', sector: null, cashSatang: 150_000, inKindSatang: 0, totalSatang: 150_000, count: 1 },
    ]);
    const ledger = await t.app.inject({ method: 'GET', url: `/api/v1/public/${s.tenant.slug}/budget/ledger?fiscalYear=2569` });
    expect(ledger.statusCode).toBe(200);
    expect(ledger.json().total).toBe(6);
    const donation = ledger.json().items.find((x: { seq: number }) => x.seq === 3);
    expect(donation).toMatchObject({ description: null, counterparty: null, totalSatang: 150_000 });
    expect(ledger.json().items.find((x: { seq: number }) => x.seq === 2)).toMatchObject({
      counterparty: s.org.name,
      description: 'กระสอบทราย 300 ใบและรถขุด 2 วัน',
    });
    const verify = await t.app.inject({ method: 'GET', url: `/api/v1/public/${s.tenant.slug}/budget/verify` });
    expect(verify.json()).toMatchObject({ valid: true, checked: 6 });
    for (const body of [pub.body, ledger.body, verify.body]) {
      for (const secret of [
        'สมชาย',
        'ใจดีมาก',
        '0812345678',
        s.user.name,
        s.user.email,
        s.checkerUser.name,
        s.coordUser.name,
        s.person.id,
        'maker',
        'approver',
        'email',
      ]) {
        expect(body, secret).not.toContain(secret);
      }
    }
    // the signed-in view does name them (so the test would notice if the public filter went away)
    expect((await s.api.get(`${s.base}/budget/transparency?fiscalYear=2569`)).body).toContain('สมชาย');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/public/no-such-town/budget' })).statusCode).toBe(404);
  });
});

describe('XLSX exports', () => {
  it('ledger and summary workbooks read back with the right totals and the totals in Thai words', async () => {
    const s = await withActivity();
    const load = async (url: string) => {
      const res = await s.api.get(url);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      return wb;
    };
    const satangOf = (v: ExcelJS.CellValue) => Math.round(Number(v) * 100);
    const ledger = (await load(`${s.base}/budget/export/ledger.xlsx?fiscalYear=2569`)).worksheets[0];
    let debit = 0;
    let credit = 0;
    let totalRow: ExcelJS.Row | undefined;
    ledger.eachRow((row, n) => {
      if (n <= 3) return;
      if (row.getCell(4).value === 'รวม') totalRow = row;
      else if (typeof row.getCell(1).value === 'number') {
        debit += satangOf(row.getCell(10).value ?? 0);
        credit += satangOf(row.getCell(11).value ?? 0);
      }
    });
    const expected = 20_000_000 + 3_500_050 + 150_000 + 3_500_050 + 150_000 + 800_000;
    expect(debit).toBe(expected);
    expect(credit).toBe(expected);
    expect(satangOf(totalRow!.getCell(10).value)).toBe(expected);
    const words: string[] = [];
    ledger.eachRow((row) => words.push(String(row.getCell(5).value ?? '')));
    expect(words).toContain(`(${bahtText(expected)})`);
    expect(bahtText(expected)).toBe('สองแสนแปดหมื่นหนึ่งพันเอ็ดบาทถ้วน');

    const summary = await load(`${s.base}/budget/export/summary.xlsx?fiscalYear=2569`);
    const lines = summary.getWorksheet('สรุปงบประมาณ')!;
    let sumRow: ExcelJS.Row | undefined;
    lines.eachRow((row) => {
      if (row.getCell(1).value === 'รวม') sumRow = row;
    });
    expect([4, 5, 6, 7, 8].map((c) => satangOf(sumRow!.getCell(c).value))).toEqual([4_500_000, 4_500_000, 800_000, 3_650_050, 4_500_000 - 800_000 - 3_650_050]);
    const texts: string[] = [];
    lines.eachRow((row) => texts.push(String(row.getCell(3).value ?? '')));
    expect(texts).toContain(`(${bahtText(3_650_050)})`);
    expect(bahtText(3_650_050)).toBe('สามหมื่นหกพันห้าร้อยบาทห้าสิบสตางค์');
    const sources = summary.getWorksheet('แหล่งเงินและผู้สนับสนุน')!;
    let partners = 0;
    sources.eachRow((row) => {
      if (row.getCell(1).value === 'รวมภาคีสนับสนุน') partners = satangOf(row.getCell(5).value);
    });
    expect(partners).toBe(3_650_050);
    expect((await s.api.get(`${s.base}/budget/export/ledger.xlsx?fiscalYear=69`)).statusCode).toBe(400);
  });
});
