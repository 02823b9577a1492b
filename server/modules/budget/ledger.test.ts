import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { ledgerEntries, ledgerTransactions } from '../../db/schema';
import { withTenant } from '../../platform/db';
import { buildTestApp, tenantWithUser, type TestApp } from '../../test/harness';
import { attachReceipt, budgetTenant, contribution, contributionBody, expense, instalments, putSettings, RECEIPT_PNG, txCount } from './fixtures';
import { verifyChain } from './verify-chain';
import { ledgerVerifyCommand } from './verify-command';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/**
 * What an attacker with the owner's rights does: switch the ledger's guard triggers off, change rows, switch them on.
 * Three transactions, not one: a write queues the data version's deferred trigger (migration 0050), and a table
 * with pending trigger events cannot be altered in the same transaction (55006) — on Citus not even after
 * `set constraints all immediate`, which stays on the coordinator while the events wait on the worker. Citus also
 * refuses ALTER TABLE … TRIGGER on a distributed table unless `citus.enable_unsafe_triggers` is on (a mere placeholder
 * setting on PostgreSQL and PGlite). docs/operations/scaling.md
 */
async function withGuardsOff(tables: ('ledger_entries' | 'ledger_transactions')[], tamper: () => Promise<unknown>) {
  const guards = (state: 'disable' | 'enable') =>
    t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local citus.enable_unsafe_triggers = on`);
      for (const table of tables) await tx.execute(sql.raw(`alter table ${table} ${state} trigger ${table}_guard`));
    });
  await guards('disable');
  try {
    await tamper();
  } finally {
    await guards('enable');
  }
}

describe('double-entry rules', () => {
  it('refuses unbalanced, zero, fractional, negative, overflowing and one-sided transactions with 400 and writes nothing', async () => {
    const s = await budgetTenant(t);
    const url = `${s.base}/ledger/transactions`;
    const body = (entries: unknown[]) => ({ kind: 'contribution', occurredOn: '2026-01-15', description: 'ทดสอบ', entries });
    const cases: [unknown[], string, string][] = [
      [
        [
          { account: 'fund', side: 'debit', fundId: s.municipal.id, amountSatang: 100 },
          { account: 'contribution', side: 'credit', fundId: s.municipal.id, amountSatang: 99 },
        ],
        'entries',
        'ไม่เท่ากัน',
      ],
      [contribution(s.municipal.id, 0), 'entries.0.amountSatang', 'มากกว่าศูนย์'],
      [contribution(s.municipal.id, 12.5), 'entries.0.amountSatang', 'สตางค์'],
      [contribution(s.municipal.id, -100), 'entries.0.amountSatang', 'มากกว่าศูนย์'],
      [contribution(s.municipal.id, 1e15), 'entries.0.amountSatang', 'มากเกินไป'],
      [contribution(s.municipal.id, Number.MAX_SAFE_INTEGER + 2), 'entries.0.amountSatang', ''],
      [[{ account: 'fund', side: 'debit', fundId: s.municipal.id, amountSatang: 100 }], 'entries', ''],
      [[...expense(s.municipal.id, s.line.id, 100)].map((e) => ({ ...e, budgetLineId: undefined })), 'entries.0.budgetLineId', ''],
      [contribution('00000000-0000-4000-8000-000000000000', 100), 'entries.0.fundId', ''],
    ];
    for (const [entries, field, words] of cases) {
      const res = await s.api.post(url, body(entries));
      expect(res.statusCode, JSON.stringify(entries)).toBe(400);
      const err = res.json().error;
      expect(Object.keys(err.fields ?? {}), res.body).toContain(field);
      if (words) expect(err.fields[field]).toContain(words);
    }
    // two entries that overflow together: each at the maximum, the debit side twice the maximum
    const max = 100_000_000_000_000;
    const res = await s.api.post(
      url,
      body([
        ...contribution(s.municipal.id, max),
        { account: 'fund', side: 'debit', fundId: s.municipal.id, amountSatang: max },
        { account: 'contribution', side: 'credit', fundId: s.municipal.id, amountSatang: max },
      ]),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields.entries).toContain('มากเกินไป'); // the total, not one entry
    expect(await txCount(s)).toBe(0);
  });

  it('keeps every satang: odd amounts come back exactly in transactions, funds and lines', async () => {
    const s = await budgetTenant(t);
    await putSettings(t, s, s.api.cookie, { approvalThresholdSatang: 100_000_000_000_000, evidenceThresholdSatang: 100_000_000_000_000 });
    expect((await s.checker.post(`${s.base}/budget/settings/approve`)).statusCode).toBe(200);
    const received = 10_000_001; // 100,000.01 baht
    const c = await s.api.post(`${s.base}/ledger/transactions`, contributionBody(s.municipal.id, received));
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json()).toMatchObject({ status: 'posted', totalSatang: received, seq: 1 });
    // split a third three ways: 3,333,334 + 3,333,333 + 3,333,333 = 10,000,000 exactly (no 0.3333 anywhere)
    const parts = [3_333_334, 3_333_333, 3_333_333];
    const e = await s.api.post(`${s.base}/ledger/transactions`, {
      kind: 'expense',
      occurredOn: '2026-02-01',
      description: 'จ่ายค่าวัสดุสามงวด',
      exceptionReason: 'ค่าวัสดุขึ้นราคา เกินยอดจัดสรรของกิจกรรม',
      entries: [
        ...parts.map((p) => ({ account: 'expense', side: 'debit', fundId: s.municipal.id, budgetLineId: s.line.id, amountSatang: p })),
        { account: 'fund', side: 'credit', fundId: s.municipal.id, amountSatang: 10_000_000 },
      ],
    });
    expect(e.statusCode, e.body).toBe(201);
    expect((await s.checker.post(`${s.base}/ledger/transactions/${e.json().id}/approve`)).json().status).toBe('posted');
    const funds = (await s.api.get(`${s.base}/budget/funds?fiscalYear=2569`)).json().items;
    expect(funds.find((f: { id: string }) => f.id === s.municipal.id)).toMatchObject({ receivedSatang: received, spentSatang: 10_000_000, availableSatang: 1 });
    const lines = (await s.api.get(`${s.base}/budget/lines?fiscalYear=2569`)).json().items;
    expect(lines[0]).toMatchObject({ plannedSatang: 4_500_000, allocatedSatang: 4_500_000, spentSatang: 10_000_000, remainingSatang: -5_500_000 });
    const view = (await s.api.get(`${s.base}/budget/transparency?fiscalYear=2569`)).json();
    expect(view.totals).toMatchObject({ plannedSatang: 4_500_000, spentSatang: 10_000_000 });
    expect(view.leverage.municipalSatang).toBe(received);
  });
});

describe('append-only ledger', () => {
  it('refuses a direct UPDATE or DELETE of posted entries and transactions, as the app role and as the owner', async () => {
    const s = await budgetTenant(t);
    const res = await s.api.post(`${s.base}/ledger/transactions`, contributionBody(s.municipal.id, 500_000));
    expect(res.statusCode).toBe(201);
    const id = res.json().id as string;
    const db = t.database.db;
    const attempts = [
      sql`update ledger_entries set amount_satang = 1 where transaction_id = ${id} and amount_satang > 0`,
      sql`delete from ledger_entries where transaction_id = ${id}`,
      sql`update ledger_transactions set description = 'แก้ไข' where id = ${id}`,
      sql`update ledger_transactions set status = 'pending', seq = null, hash = null, prev_hash = null, posted_at = null where id = ${id}`,
      sql`delete from ledger_transactions where id = ${id}`,
      sql`truncate ledger_entries`,
      sql`insert into ledger_entries (tenant_id, transaction_id, line_no, account, fund_id, amount_satang) values (${s.tenant.id}, ${id}, 3, 'fund', ${s.municipal.id}, 5)`,
    ];
    for (const q of attempts) {
      await expect(
        withTenant(db, s.tenant.id, (tx) => tx.execute(q)),
        'as app role',
      ).rejects.toThrow();
      await expect(
        db.transaction((tx) => tx.execute(q)),
        'as owner',
      ).rejects.toThrow();
    }
    const [tr] = await db.select().from(ledgerTransactions).where(eq(ledgerTransactions.id, id));
    expect(tr).toMatchObject({ description: 'รับงบ', status: 'posted', seq: 1 });
    const entries = await db.select().from(ledgerEntries).where(eq(ledgerEntries.transactionId, id));
    expect(entries.map((e) => Number(e.amountSatang)).sort((a, b) => a - b)).toEqual([-500_000, 500_000]);
    expect((await verifyChain(db, s.tenant.id)).valid).toBe(true);
  });

  it('corrects with a reversing transaction: balances return, the original stays, a second reversal is refused', async () => {
    const s = await budgetTenant(t);
    const c = (await s.api.post(`${s.base}/ledger/transactions`, contributionBody(s.municipal.id, 900_000))).json();
    const e = (
      await s.api.post(`${s.base}/ledger/transactions`, {
        kind: 'expense',
        occurredOn: '2026-01-20',
        description: 'ค่าทรายผิดรายการ',
        entries: expense(s.municipal.id, s.line.id, 250_050),
      })
    ).json();
    expect(e.status).toBe('posted');
    expect((await s.api.post(`${s.base}/ledger/transactions/${e.id}/reverse`, { reason: '' })).statusCode).toBe(400);
    const r = await s.api.post(`${s.base}/ledger/transactions/${e.id}/reverse`, { reason: 'บันทึกผิดโครงการ', occurredOn: '2026-01-21' });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ kind: 'reversal', reversesId: e.id, status: 'posted', totalSatang: 250_050, seq: 3 });
    expect(r.json().entries.map((x: { debitSatang: number; creditSatang: number }) => [x.debitSatang, x.creditSatang])).toEqual([
      [0, 250_050],
      [250_050, 0],
    ]);
    expect((await s.api.post(`${s.base}/ledger/transactions/${e.id}/reverse`, { reason: 'อีกครั้ง' })).statusCode).toBe(409);
    expect((await s.api.post(`${s.base}/ledger/transactions/${r.json().id}/reverse`, { reason: 'กลับของกลับ' })).statusCode).toBe(409);
    const orig = (await s.api.get(`${s.base}/ledger/transactions/${e.id}`)).json();
    expect(orig).toMatchObject({ status: 'posted', reversedById: r.json().id, description: 'ค่าทรายผิดรายการ' });
    const line = (await s.api.get(`${s.base}/budget/lines`)).json().items[0];
    expect(line).toMatchObject({ spentSatang: 0, remainingSatang: 4_500_000 });
    const fund = (await s.api.get(`${s.base}/budget/funds`)).json().items.find((f: { id: string }) => f.id === s.municipal.id);
    expect(fund).toMatchObject({ receivedSatang: 900_000, availableSatang: 900_000 });
    expect(c.seq).toBe(1);
    expect((await s.api.get(`${s.base}/ledger/verify`)).json()).toMatchObject({ valid: true, checked: 3 });
  });
});

describe('hash chain', () => {
  it('links each posted transaction to the one before, and verify names the transaction whose stored amount was changed', async () => {
    const s = await budgetTenant(t);
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await s.api.post(`${s.base}/ledger/transactions`, contributionBody(s.municipal.id, i * 100_000, `2026-01-1${i}`, `รับงบงวดที่ ${i}`));
      ids.push(res.json().id);
    }
    const list = (await s.api.get(`${s.base}/ledger/transactions?pageSize=10`)).json().items.sort((a: { seq: number }, b: { seq: number }) => a.seq - b.seq);
    expect(list.map((x: { seq: number }) => x.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(list[0].prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < 5; i++) expect(list[i].prevHash).toBe(list[i - 1].hash);
    const settings = (await s.api.get(`${s.base}/budget/settings`)).json();
    expect(settings).toMatchObject({ headSeq: 5, headHash: list[4].hash });
    expect((await s.api.get(`${s.base}/ledger/verify`)).json()).toEqual({ valid: true, checked: 5, headHash: list[4].hash, headSeq: 5 });

    // a superuser who switches the guard off and changes one amount of the third transaction
    await withGuardsOff(['ledger_entries'], () =>
      t.database.db.execute(sql`update ledger_entries set amount_satang = amount_satang + 100 where transaction_id = ${ids[2]}`),
    );
    const broken = (await s.api.get(`${s.base}/ledger/verify`)).json();
    expect(broken).toMatchObject({ valid: false, firstInvalidId: ids[2], checked: 3, reason: 'hash_mismatch' });
    const out: string[] = [];
    expect(await ledgerVerifyCommand(t.database.db, s.tenant.slug, (x) => out.push(x))).toBe(2);
    expect(JSON.parse(out[0])).toMatchObject({ valid: false, firstInvalidId: ids[2] });
    // the public check says the same
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/public/${s.tenant.slug}/budget/verify` })).json()).toMatchObject({
      valid: false,
      firstInvalidId: ids[2],
    });
  });

  it('detects a changed description and a removed transaction (broken link)', async () => {
    const s = await budgetTenant(t);
    const ids = await instalments(s, 1, 3);
    await withGuardsOff(['ledger_transactions', 'ledger_entries'], () =>
      t.database.db.transaction(async (tx) => {
        await tx.execute(sql`delete from ledger_entries where transaction_id = ${ids[1]}`);
        await tx.execute(sql`delete from ledger_transactions where id = ${ids[1]}`);
      }),
    );
    expect(await verifyChain(t.database.db, s.tenant.id)).toMatchObject({ valid: false, firstInvalidId: ids[2], reason: 'sequence_gap' });
  });

  it('never forks under concurrent posts: sequence numbers are unique and the chain stays valid', async () => {
    const s = await budgetTenant(t);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? s.api : s.checker).post(`${s.base}/ledger/transactions`, contributionBody(s.municipal.id, 1000 + i, '2026-03-01', `พร้อมกัน ${i}`)),
      ),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const seqs = results.map((r) => r.json().seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    expect(await verifyChain(t.database.db, s.tenant.id)).toMatchObject({ valid: true, checked: 12 });
  });
});

describe('maker-checker', () => {
  it('holds transactions above the threshold until a different officer approves; rejection needs a reason', async () => {
    const s = await budgetTenant(t);
    const put = (cookie: string, body: unknown) => putSettings(t, s, cookie, body);
    expect((await put(s.checker.cookie, { approvalThresholdSatang: 1_000_000 })).statusCode).toBe(403); // officers do not set the threshold
    expect((await put(s.api.cookie, { approvalThresholdSatang: 1_000_000 })).statusCode).toBe(200); // 10,000 baht

    const small = (await s.coordinator.post(`${s.base}/ledger/transactions`, contributionBody(s.municipal.id, 999_999, '2026-01-10', 'ต่ำกว่าเกณฑ์'))).json();
    expect(small).toMatchObject({ status: 'posted', seq: 1, approver: null, approvalThresholdSatang: 1_000_000, reviewReasons: [] });
    // exactly the threshold waits too (>=)
    const exact = (await s.coordinator.post(`${s.base}/ledger/transactions`, contributionBody(s.municipal.id, 1_000_000, '2026-01-10', 'เท่ากับเกณฑ์พอดี'))).json();
    expect(exact).toMatchObject({ status: 'pending', reviewReasons: ['threshold'] });
    expect((await s.checker.post(`${s.base}/ledger/transactions/${exact.id}/reject`, { reason: 'ทดสอบเกณฑ์' })).statusCode).toBe(200);

    const big = await s.coordinator.post(`${s.base}/ledger/transactions`, contributionBody(s.inKind.id, 1_000_001, '2026-01-11', 'สิ่งของจากห้างฯ'));
    expect(big.statusCode).toBe(201);
    const pending = big.json();
    expect(pending).toMatchObject({ status: 'pending', seq: null, hash: null, party: { id: s.org.id } });
    // pending work is not in the chain yet
    expect(await verifyChain(t.database.db, s.tenant.id)).toMatchObject({ valid: true, checked: 1, headSeq: 1 });
    expect((await s.api.get(`${s.base}/budget/funds`)).json().items.find((f: { id: string }) => f.id === s.inKind.id).receivedSatang).toBe(0);

    // the maker cannot approve; a coordinator is not a checker
    const own = await s.api.post(`${s.base}/ledger/transactions`, contributionBody(s.municipal.id, 2_000_000, '2026-01-12', 'รายการของผู้ดูแล'));
    expect((await s.api.post(`${s.base}/ledger/transactions/${own.json().id}/approve`)).statusCode).toBe(403);
    expect((await s.coordinator.post(`${s.base}/ledger/transactions/${pending.id}/approve`)).statusCode).toBe(403);
    const listed = (await s.checker.get(`${s.base}/ledger/transactions?status=pending`)).json();
    expect(listed.items.map((x: { id: string; canDecide: boolean }) => [x.id, x.canDecide]).sort()).toEqual(
      [
        [own.json().id, true],
        [pending.id, true],
      ].sort(),
    );
    expect((await s.api.get(`${s.base}/ledger/transactions/${own.json().id}`)).json().canDecide).toBe(false);

    const ok = await s.checker.post(`${s.base}/ledger/transactions/${pending.id}/approve`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'posted', seq: 2, approver: { id: s.checkerUser.id, name: 'นางสาวผู้ตรวจ สอบทาน' } });
    expect((await s.checker.post(`${s.base}/ledger/transactions/${pending.id}/approve`)).statusCode).toBe(409);

    expect((await s.checker.post(`${s.base}/ledger/transactions/${own.json().id}/reject`, {})).statusCode).toBe(400);
    expect((await s.checker.post(`${s.base}/ledger/transactions/${own.json().id}/reject`, { reason: 'x' })).statusCode).toBe(400);
    const rej = await s.checker.post(`${s.base}/ledger/transactions/${own.json().id}/reject`, { reason: 'ไม่มีใบเสร็จประกอบ' });
    expect(rej.json()).toMatchObject({ status: 'rejected', rejectionReason: 'ไม่มีใบเสร็จประกอบ', seq: null });
    expect((await s.checker.post(`${s.base}/ledger/transactions/${own.json().id}/approve`)).statusCode).toBe(409);
    expect(await verifyChain(t.database.db, s.tenant.id)).toMatchObject({ valid: true, checked: 2, headSeq: 2 });
  });
});

describe('evidence', () => {
  it('attaches a receipt photo or PDF (by content), refuses other files, and serves it back', async () => {
    const s = await budgetTenant(t);
    const tr = (await s.api.post(`${s.base}/ledger/transactions`, contributionBody(s.municipal.id, 1000))).json();
    const upload = (name: string, bytes: Buffer) => attachReceipt(t, `${s.base}/ledger/transactions/${tr.id}/evidence`, s.api.cookie, name, bytes);
    const png = RECEIPT_PNG;
    const ok = await upload('ใบเสร็จ.png', png);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ kind: 'png', filename: 'ใบเสร็จ.png' });
    expect((await upload('receipt.pdf', Buffer.from('<html><script>alert(1)</script></html>'))).statusCode).toBe(415);
    expect((await upload('notes.txt', Buffer.from('plain text is not a receipt'))).statusCode).toBe(415);
    const got = await s.api.get(ok.json().url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(Buffer.from(got.rawPayload).equals(png)).toBe(true);
    expect((await s.api.get(`${s.base}/ledger/transactions/${tr.id}`)).json().evidence).toHaveLength(1);
  });
});

describe('tenant isolation', () => {
  it("keeps one tenant's ledger, funds and chain away from another", async () => {
    const a = await budgetTenant(t);
    const tr = (await a.api.post(`${a.base}/ledger/transactions`, contributionBody(a.municipal.id, 1000))).json();
    const b = await tenantWithUser(t, 'admin');
    expect((await b.api.get(`${b.base}/ledger/transactions/${tr.id}`)).statusCode).toBe(404);
    expect((await b.api.get(`${b.base}/ledger/transactions`)).json().total).toBe(0);
    expect((await b.api.get(`${b.base}/budget/funds`)).json().total).toBe(0);
    expect((await b.api.post(`${b.base}/ledger/transactions/${tr.id}/reverse`, { reason: 'ข้ามองค์กร' })).statusCode).toBe(404);
    const cross = await b.api.post(`${b.base}/ledger/transactions`, contributionBody(a.municipal.id, 1000, '2026-01-15', 'ใช้แหล่งเงินของที่อื่น'));
    expect(cross.statusCode).toBe(400);
    expect(cross.json().error.fields['entries.0.fundId']).toBe('ไม่พบแหล่งเงินนี้');
    expect((await a.api.get(`/api/v1/t/${b.tenant.slug}/ledger/verify`)).statusCode).toBe(403);
    expect((await b.api.get(`${b.base}/ledger/verify`)).json()).toMatchObject({ valid: true, checked: 0 });
    // row-level security: the app role set to tenant B sees none of A's ledger rows
    const seen = await withTenant(t.database.db, b.tenant.id, (tx) =>
      tx
        .select()
        .from(ledgerEntries)
        .where(and(eq(ledgerEntries.transactionId, tr.id))),
    );
    expect(seen).toHaveLength(0);
  });
});
