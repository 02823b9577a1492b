import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Client, type TestApp } from '../../test/harness';
import { attachReceipt, budgetTenant, commitment, contributionBody, expense, posted, putSettings, txCount } from './fixtures';
import { verifyChain } from './verify-chain';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const fundOf = async (s: { api: Client; base: string }, id: string) =>
  (await s.api.get(`${s.base}/budget/funds?pageSize=100`)).json().items.find((f: { id: string }) => f.id === id);

describe('a fund cannot pay out more than it received', () => {
  it('refuses an expense from an empty fund, and takes it as an overdraft only with a reason a second officer approves', async () => {
    const s = await budgetTenant(t);
    const body = { kind: 'expense', occurredOn: '2026-01-10', description: 'ค่าอาหารลงแขก', entries: expense(s.municipal.id, s.line.id, 100_000) };
    const refused = await s.api.post(`${s.base}/ledger/transactions`, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields['entries.1.fundId']).toContain('ยอดคงเหลือไม่พอ');
    expect(refused.json().error.fields.exceptionReason).toContain('ระบุเหตุผลที่ต้องจ่ายเกินยอดคงเหลือ');
    expect(await txCount(s)).toBe(0);
    expect((await s.api.post(`${s.base}/ledger/transactions`, { ...body, exceptionReason: 'x' })).statusCode).toBe(400);

    const over = await s.api.post(`${s.base}/ledger/transactions`, { ...body, exceptionReason: 'เงินงวดแรกยังไม่โอน ผู้รับเหมาต้องได้ค่าอาหารวันนี้' });
    expect(over.statusCode, over.body).toBe(201);
    expect(over.json()).toMatchObject({ status: 'pending', reviewReasons: ['overdraft'], exceptionReason: 'เงินงวดแรกยังไม่โอน ผู้รับเหมาต้องได้ค่าอาหารวันนี้' });
    expect((await s.api.post(`${s.base}/ledger/transactions/${over.json().id}/approve`)).statusCode).toBe(403);
    const ok = await s.checker.post(`${s.base}/ledger/transactions/${over.json().id}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(await fundOf(s, s.municipal.id)).toMatchObject({ receivedSatang: 0, availableSatang: -100_000 });
  });

  it('checks the balance again when a waiting transaction is approved, and never lets two payments share one balance', async () => {
    const s = await budgetTenant(t);
    await posted(t, s, contributionBody(s.municipal.id, 6_000_000, '2026-01-05', 'รับงบงวดแรก'));
    const dredge = await s.json(s.api.post(`${s.base}/budget/lines`, { planId: s.plan.id, name: 'ขุดลอก', allocatedSatang: 20_000_000 }));
    const commit = (day: string, amount: number) =>
      s.api.post(`${s.base}/ledger/transactions`, {
        kind: 'commitment',
        occurredOn: `2026-01-${day}`,
        description: 'สัญญาจ้างขุดลอก',
        entries: commitment(s.municipal.id, dredge.id, amount),
      });
    // waits for the threshold (55,000 baht); the balance is enough when it is made
    const big = (await commit('06', 5_500_000)).json();
    expect(big).toMatchObject({ status: 'pending', reviewReasons: ['threshold'] });
    // meanwhile 49,000 baht is committed (under the threshold, two weeks later: posted at once)
    expect((await commit('20', 4_900_000)).json()).toMatchObject({ status: 'posted' });
    // now the first would overdraw: approving it is refused, the maker asked for no overdraft
    const late = await s.checker.post(`${s.base}/ledger/transactions/${big.id}/approve`);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.fields.fund).toContain('ยอดคงเหลือไม่พอ');
    expect((await s.api.get(`${s.base}/ledger/transactions/${big.id}`)).json().status).toBe('pending');
    // three payments of 4,500 baht made at once against 11,000 baht left: exactly one is refused
    const three = await Promise.all(
      [s.api, s.coordinator, s.checker].map((c, i) =>
        c.post(`${s.base}/ledger/transactions`, {
          kind: 'expense',
          occurredOn: '2026-01-21',
          description: `ค่าแรง ${i}`,
          entries: expense(s.municipal.id, s.line.id, 450_000),
        }),
      ),
    );
    expect(three.map((r) => r.statusCode).sort()).toEqual([201, 201, 409]);
    expect(await fundOf(s, s.municipal.id)).toMatchObject({ availableSatang: 6_000_000 - 4_900_000 - 900_000 });
    expect(await verifyChain(t.database.db, s.tenant.id)).toMatchObject({ valid: true });
  });
});

describe('a budget line cannot use more than its allocation', () => {
  it('refuses spending beyond the allocation unless the allocation is raised or a second officer approves a reason', async () => {
    const s = await budgetTenant(t);
    await posted(t, s, contributionBody(s.municipal.id, 20_000_000, '2026-01-05'));
    // the line's allocation is 45,000 baht; a contract of 42,000 fits, 4,000 more does not
    await posted(t, s, {
      kind: 'commitment',
      occurredOn: '2026-01-06',
      description: 'จ้างเหมาซ่อมฝาย',
      entries: commitment(s.municipal.id, s.line.id, 4_200_000),
    });
    const body = { kind: 'expense', occurredOn: '2026-01-07', description: 'ค่าวัสดุเพิ่มเติม', entries: expense(s.municipal.id, s.line.id, 400_000) };
    const refused = await s.api.post(`${s.base}/ledger/transactions`, body);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.fields['entries.0.budgetLineId']).toContain('เกินยอดจัดสรร');
    // paying out the commitment (expense debit, commitment credit) uses nothing new
    const payOut = await s.api.post(`${s.base}/ledger/transactions`, {
      kind: 'expense',
      occurredOn: '2026-01-20',
      description: 'เบิกจ่ายตามสัญญา',
      entries: [
        { account: 'expense', side: 'debit', fundId: s.municipal.id, budgetLineId: s.line.id, amountSatang: 400_000 },
        { account: 'commitment', side: 'credit', fundId: s.municipal.id, budgetLineId: s.line.id, amountSatang: 400_000 },
      ],
    });
    expect(payOut.statusCode, payOut.body).toBe(201);
    // an allocation change makes room
    expect((await s.api.patch(`${s.base}/budget/lines/${s.line.id}`, { allocatedSatang: 4_600_000 })).statusCode).toBe(200);
    expect((await s.api.post(`${s.base}/ledger/transactions`, body)).json().status).toBe('posted');
    const more = { ...body, occurredOn: '2026-01-25' };
    expect((await s.api.post(`${s.base}/ledger/transactions`, more)).statusCode).toBe(409);
    const beyond = await s.api.post(`${s.base}/ledger/transactions`, { ...more, exceptionReason: 'ราคาวัสดุขึ้นหลังน้ำท่วม' });
    expect(beyond.json()).toMatchObject({ status: 'pending', reviewReasons: ['over_allocation'] });
    expect((await s.checker.post(`${s.base}/ledger/transactions/${beyond.json().id}/approve`)).statusCode).toBe(200);
  });
});

describe('evidence above a threshold', () => {
  it('holds an expense of 5,000 baht or more until a receipt is attached, then posts it', async () => {
    const s = await budgetTenant(t);
    expect((await s.api.get(`${s.base}/budget/settings`)).json()).toMatchObject({ evidenceThresholdSatang: 500_000, approvalThresholdSatang: 5_000_000 });
    await posted(t, s, contributionBody(s.municipal.id, 4_000_000, '2026-01-05'));
    const under = await s.api.post(`${s.base}/ledger/transactions`, {
      kind: 'expense',
      occurredOn: '2026-01-06',
      description: 'ค่าน้ำดื่ม',
      entries: expense(s.municipal.id, s.line.id, 499_999),
    });
    expect(under.json()).toMatchObject({ status: 'posted', reviewReasons: [] });
    const at = (
      await s.api.post(`${s.base}/ledger/transactions`, {
        kind: 'expense',
        occurredOn: '2026-01-16',
        description: 'ค่ากระสอบทราย',
        partyId: s.org.id,
        entries: expense(s.municipal.id, s.line.id, 500_000),
      })
    ).json();
    expect(at).toMatchObject({ status: 'pending', reviewReasons: ['evidence'] });
    const noReceipt = await s.checker.post(`${s.base}/ledger/transactions/${at.id}/approve`);
    expect(noReceipt.statusCode).toBe(409);
    expect(noReceipt.json().error.fields.evidence).toContain('แนบหลักฐาน');
    expect((await attachReceipt(t, `${s.base}/ledger/transactions/${at.id}/evidence`, s.coordinator.cookie)).statusCode).toBe(201);
    expect((await s.api.get(`${s.base}/ledger/transactions/${at.id}`)).json()).toMatchObject({ status: 'posted', approver: null, evidence: [{ kind: 'png' }] });
    // a contribution needs no receipt
    expect((await s.api.post(`${s.base}/ledger/transactions`, contributionBody(s.municipal.id, 600_000, '2026-01-17', 'รับงบเพิ่ม'))).json().status).toBe(
      'posted',
    );
  });
});

describe('maker-checker cannot be skipped', () => {
  it('"raise the threshold, post alone, lower it" no longer works: a raise waits for a second officer', async () => {
    const s = await budgetTenant(t);
    const raised = await putSettings(t, s, s.api.cookie, { approvalThresholdSatang: 100_000_000_000_000 });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toMatchObject({
      approvalThresholdSatang: 5_000_000,
      proposal: { approvalThresholdSatang: 100_000_000_000_000, by: { name: s.user.name } },
      canDecideProposal: false,
    });
    const alone = (
      await s.api.post(`${s.base}/ledger/transactions`, contributionBody(s.municipal.id, 5_000_000_000_000, '2026-01-05', 'รับเงินห้าหมื่นล้าน'))
    ).json();
    expect(alone).toMatchObject({ status: 'pending', reviewReasons: ['threshold'], approvalThresholdSatang: 5_000_000 });
    // the proposer cannot approve their own raise; lowering applies at once
    expect((await s.api.post(`${s.base}/budget/settings/approve`)).statusCode).toBe(403);
    expect((await putSettings(t, s, s.api.cookie, { approvalThresholdSatang: 1_000_000 })).json()).toMatchObject({ approvalThresholdSatang: 1_000_000 });
    expect((await s.checker.get(`${s.base}/budget/settings`)).json()).toMatchObject({ canDecideProposal: true });
    const ok = await s.checker.post(`${s.base}/budget/settings/approve`);
    expect(ok.json()).toMatchObject({ approvalThresholdSatang: 100_000_000_000_000, proposal: null });
    // what was made before keeps the threshold it was made under: still waiting
    expect((await s.api.get(`${s.base}/ledger/transactions/${alone.id}`)).json()).toMatchObject({ status: 'pending', approvalThresholdSatang: 5_000_000 });
    expect((await s.checker.post(`${s.base}/budget/settings/approve`)).statusCode).toBe(409);
    // a withdrawn proposal never takes effect
    await putSettings(t, s, s.api.cookie, { approvalThresholdSatang: 1_000 });
    await putSettings(t, s, s.api.cookie, { evidenceThresholdSatang: 10_000_000 });
    expect((await s.api.post(`${s.base}/budget/settings/reject`)).json()).toMatchObject({ evidenceThresholdSatang: 500_000, proposal: null });
    expect((await s.coordinator.post(`${s.base}/budget/settings/approve`)).statusCode).toBe(403);
    const log = (await s.api.get(`${s.base}/audit?entity=budget_settings`)).json();
    expect(log.items.length).toBeGreaterThanOrEqual(5);
  });

  it('flags a payment split to stay under the threshold: the one that brings a payee over it waits', async () => {
    const s = await budgetTenant(t);
    await putSettings(t, s, s.api.cookie, { approvalThresholdSatang: 1_000_000 }); // 10,000 baht: stricter, at once
    for (let i = 0; i < 3; i++) await posted(t, s, contributionBody(s.municipal.id, 999_999, '2026-01-05'));
    const pay = (day: string, partyId: string) =>
      s.coordinator.post(`${s.base}/ledger/transactions`, {
        kind: 'expense',
        occurredOn: `2026-01-${day}`,
        description: 'ค่าวัสดุ',
        partyId,
        entries: expense(s.municipal.id, s.line.id, 400_000),
      });
    expect((await pay('10', s.org.id)).json()).toMatchObject({ status: 'posted' });
    expect((await pay('12', s.org.id)).json()).toMatchObject({ status: 'posted' });
    expect((await pay('13', s.person.id)).json()).toMatchObject({ status: 'posted' }); // another payee
    expect((await pay('30', s.org.id)).json()).toMatchObject({ status: 'posted' }); // outside the 7-day window
    const third = (await pay('15', s.org.id)).json();
    expect(third).toMatchObject({ status: 'pending', reviewReasons: ['split'] });
    expect((await s.coordinator.post(`${s.base}/ledger/transactions/${third.id}/approve`)).statusCode).toBe(403);
    expect((await s.checker.post(`${s.base}/ledger/transactions/${third.id}/approve`)).statusCode).toBe(200);
  });
});

describe('funds and plans', () => {
  it('edits a fund (audited), refuses a duplicate name in the same year, deletes it only while nothing is booked', async () => {
    const s = await budgetTenant(t);
    const dup = await s.api.post(`${s.base}/budget/funds`, { name: 'งบเทศบัญญัติ 2569', kind: 'municipal', fiscalYear: 2569 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.fields.name).toContain('มีแหล่งเงินชื่อนี้');
    expect((await s.api.post(`${s.base}/budget/funds`, { name: 'งบเทศบัญญัติ 2569', kind: 'municipal', fiscalYear: 2570 })).statusCode).toBe(201);
    const spare = await s.json(s.api.post(`${s.base}/budget/funds`, { name: 'ทุนสำรอง', kind: 'municipal', fiscalYear: 2569 }));
    const edited = await s.coordinator.patch(`${s.base}/budget/funds/${spare.id}`, { name: 'ทุน สสส.', kind: 'grant', partyId: s.org.id, note: 'ทุนปีเดียว' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ name: 'ทุน สสส.', kind: 'grant', party: { id: s.org.id }, note: 'ทุนปีเดียว', fiscalYear: 2569 });
    expect((await s.api.patch(`${s.base}/budget/funds/${spare.id}`, { kind: 'donation', partyId: null })).statusCode).toBe(400);
    expect((await s.api.patch(`${s.base}/budget/funds/${spare.id}`, { name: 'กระสอบทรายและรถขุด' })).statusCode).toBe(409);
    expect((await s.api.patch(`${s.base}/budget/funds/${spare.id}`, {})).statusCode).toBe(400);
    const audit = (await s.api.get(`${s.base}/audit?entity=budget_fund`)).json();
    expect(audit.items.some((e: { action: string; entityId: string }) => e.action === 'update' && e.entityId === spare.id)).toBe(true);

    await posted(t, s, contributionBody(s.municipal.id, 1000, '2026-01-05'));
    const booked = await s.api.delete(`${s.base}/budget/funds/${s.municipal.id}`);
    expect(booked.statusCode).toBe(409);
    expect(booked.json().error.fields.fund).toContain('ลบไม่ได้');
    expect((await s.coordinator.delete(`${s.base}/budget/funds/${spare.id}`)).statusCode).toBe(403);
    expect((await s.checker.delete(`${s.base}/budget/funds/${spare.id}`)).statusCode).toBe(204);
    expect(await fundOf(s, spare.id)).toBeUndefined();
    expect((await s.api.delete(`${s.base}/budget/funds/${spare.id}`)).statusCode).toBe(404);
  });

  it('refuses a second plan of the same name in the same fiscal year, by creation or rename', async () => {
    const s = await budgetTenant(t);
    const again = await s.api.post(`${s.base}/plans`, { name: 'แผนบริหารจัดการน้ำ 2569', fiscalYear: 2569, networkIds: [s.network.id] });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.fields.name).toContain('มีแผนชื่อนี้');
    expect((await s.api.post(`${s.base}/plans`, { name: 'แผนบริหารจัดการน้ำ 2569', fiscalYear: 2570, networkIds: [s.network.id] })).statusCode).toBe(201);
    const other = await s.json(s.api.post(`${s.base}/plans`, { name: 'แผนจัดการขยะ', fiscalYear: 2569, networkIds: [s.network.id] }));
    expect((await s.api.patch(`${s.base}/plans/${other.id}`, { name: 'แผนบริหารจัดการน้ำ 2569' })).statusCode).toBe(409);
  });
});
