import { createUser, login, ORIGIN, tenantWithUser, type Client, type TestApp } from '../../test/harness';

/**
 * A tenant with a plan (network, project, activity with a planned budget), an organisation, a private
 * person, funds and a budget line, plus a second officer (the checker) and a coordinator. Test-only.
 */
export async function budgetTenant(t: TestApp) {
  const a = await tenantWithUser(t, 'admin');
  const { api, base } = a;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test fixture reading JSON answers loosely
  const json = async (p: Promise<{ statusCode: number; json(): any; body: string }>, status = 201) => {
    const res = await p;
    if (res.statusCode !== status) throw new Error(`${res.statusCode} ${res.body}`);
    return res.json();
  };
  const network = await json(api.post(`${base}/networks`, { name: 'เครือข่ายเหมืองฝายพญาคำ', pillar: 'people' }));
  const plan = await json(api.post(`${base}/plans`, { name: 'แผนบริหารจัดการน้ำ 2569', fiscalYear: 2569, networkIds: [network.id] }));
  const project = await json(api.post(`${base}/plans/${plan.id}/projects`, { name: 'ซ่อมแซมฝายพญาคำ' }));
  const activity = await json(
    api.post(`${base}/plans/${plan.id}/projects/${project.id}/activities`, { name: 'ลงแขกวางกระสอบทรายหัวฝาย', budgetSatang: 4_500_000 }),
  );
  const org = await json(api.post(`${base}/partners`, { kind: 'organization', name: 'ห้างหุ้นส่วนจำกัด ชมภูวัสดุก่อสร้าง', sector: 'private' }));
  const person = await json(api.post(`${base}/partners`, { kind: 'person', name: 'นายสมชาย ใจดีมาก', sector: 'civil_society', phone: '0812345678' }));
  const municipal = await json(api.post(`${base}/budget/funds`, { name: 'งบเทศบัญญัติ 2569', kind: 'municipal', fiscalYear: 2569 }));
  const inKind = await json(api.post(`${base}/budget/funds`, { name: 'กระสอบทรายและรถขุด', kind: 'in_kind', partyId: org.id, fiscalYear: 2569 }));
  const donation = await json(api.post(`${base}/budget/funds`, { name: 'เงินบริจาคส่วนบุคคล', kind: 'donation', partyId: person.id, fiscalYear: 2569 }));
  const line = await json(api.post(`${base}/budget/lines`, { planId: plan.id, activityId: activity.id }));
  const checkerUser = await createUser(t, { tenantId: a.tenant.id, role: 'officer', name: 'นางสาวผู้ตรวจ สอบทาน' });
  const checker: Client = await login(t, checkerUser.email, checkerUser.password);
  const coordUser = await createUser(t, { tenantId: a.tenant.id, role: 'coordinator', name: 'ผู้ประสาน งานเครือข่าย' });
  const coordinator: Client = await login(t, coordUser.email, coordUser.password);
  return { ...a, json, network, plan, project, activity, org, person, municipal, inKind, donation, line, checker, checkerUser, coordinator, coordUser };
}

/** Entries for "a fund receives `amount` from its source". */
export const contribution = (fundId: string, amount: number) => [
  { account: 'fund', side: 'debit', fundId, amountSatang: amount },
  { account: 'contribution', side: 'credit', fundId, amountSatang: amount },
];
/** Entries for "the fund pays `amount` for the budget line". */
export const expense = (fundId: string, lineId: string, amount: number) => [
  { account: 'expense', side: 'debit', fundId, budgetLineId: lineId, amountSatang: amount },
  { account: 'fund', side: 'credit', fundId, amountSatang: amount },
];

/** A tiny PNG "receipt" (the magic bytes are what the evidence check reads). */
export const RECEIPT_PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('receipt')]);

/** Upload a receipt to a transaction as the user of `cookie` (multipart, through the real route). */
export function attachReceipt(t: TestApp, url: string, cookie: string, name = 'ใบเสร็จ.png', bytes: Buffer = RECEIPT_PNG) {
  const boundary = 'x-boundary-budget';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.app.inject({
    method: 'POST',
    url,
    payload,
    headers: { cookie, origin: ORIGIN, host: 'localhost', 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

type BudgetTenant = Awaited<ReturnType<typeof budgetTenant>>;

/** Entries for "the fund commits `amount` to the budget line" (a contract signed, not yet paid). */
export const commitment = (fundId: string, lineId: string, amount: number) => [
  { account: 'commitment', side: 'debit', fundId, budgetLineId: lineId, amountSatang: amount },
  { account: 'fund', side: 'credit', fundId, amountSatang: amount },
];

/** A contribution's body: `amount` received into the fund (by default an instalment of the budget on 15 Jan 2026). */
export const contributionBody = (fundId: string, amount: number, occurredOn = '2026-01-15', description = 'รับงบ') => ({
  kind: 'contribution',
  occurredOn,
  description,
  entries: contribution(fundId, amount),
});

/** Instalments `from`…`to` of the municipal fund ("งวด i", 1,000 × i satang on 10 Jan 2026), one after another; their ids. */
export async function instalments(s: BudgetTenant, from: number, to: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = from; i <= to; i++)
    ids.push((await s.api.post(`${s.base}/ledger/transactions`, contributionBody(s.municipal.id, 1000 * i, '2026-01-10', `งวด ${i}`))).json().id);
  return ids;
}

/**
 * Record a transaction and see it posted: a receipt first when it waits for one (and is posted by it), else the
 * second officer's approval. Throws when any step is refused.
 */
export async function posted(t: TestApp, s: BudgetTenant, body: unknown) {
  const res = await s.api.post(`${s.base}/ledger/transactions`, body);
  if (res.statusCode !== 201) throw new Error(res.body);
  if (res.json().status !== 'pending') return res.json();
  if (res.json().reviewReasons.includes('evidence')) {
    const url = `${s.base}/ledger/transactions/${res.json().id}/evidence`;
    if ((await attachReceipt(t, url, s.api.cookie)).statusCode !== 201) throw new Error('receipt');
    const now = (await s.api.get(`${s.base}/ledger/transactions/${res.json().id}`)).json();
    if (now.status === 'posted') return now;
  }
  const ok = await s.checker.post(`${s.base}/ledger/transactions/${res.json().id}/approve`);
  if (ok.statusCode !== 200) throw new Error(ok.body);
  return ok.json();
}

/** PUT the budget settings as the user of `cookie`; the raw answer (some tests expect a refusal). */
export const putSettings = (t: TestApp, s: { base: string }, cookie: string, body: unknown) =>
  t.app.inject({ method: 'PUT', url: `${s.base}/budget/settings`, payload: body as never, headers: { cookie, origin: ORIGIN, host: 'localhost' } });

/** How many transactions the tenant's ledger holds, pending and rejected ones included (the admin's unfiltered list). */
export async function txCount(s: { api: Client; base: string }): Promise<number> {
  const res = await s.api.get(`${s.base}/ledger/transactions?pageSize=1`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json().total;
}
