import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, createUser, login, tenantWithUser, type TestApp } from '../../test/harness';
import { todayInThailand } from '../../platform/today';
import { fiscalYearOf } from '../../../common/thai/dates';
import { dutyOwed } from './duty-days.service';
import { day, fieldsOf, ok } from './fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

interface Work {
  id: string;
  people: number;
  labourMinutes: number;
  materialSatang: number;
  contributions: {
    id: string;
    kind: string;
    party: { id: string };
    minutes: number | null;
    hours: { id: string; status: string } | null;
    ledger: { id: string; status: string; seq: number | null } | null;
  }[];
}
interface Duty {
  season: string;
  seasons: string[];
  members: { name: string; irrigatedRai: number; owed: number; given: number; balance: number }[];
  totals: { owed: number; given: number };
}

/** A weir, a side canal with a group of three ลูกฝาย, a plan activity for the labour and an in-kind fund for the materials. */
async function setup(role: 'officer' | 'admin' = 'officer') {
  const ctx = await tenantWithUser(t, role);
  const { api, base } = ctx;
  const fy = fiscalYearOf(todayInThailand());
  const weir = await ok<{ id: string }>(api.post(`${base}/water/sources`, { kind: 'weir', name: 'ฝายพญาคำ', zone: 'upstream', condition: 'fair' }), 201);
  const main = await ok<{ id: string }>(
    api.post(`${base}/water/sources`, { kind: 'main_canal', name: 'เหมืองหลวง', parentId: weir.id, zone: 'upstream', condition: 'fair' }),
    201,
  );
  const side = await ok<{ id: string }>(
    api.post(`${base}/water/sources`, { kind: 'side_canal', name: 'เหมืองซอยบ้านดอนชัย', parentId: main.id, zone: 'downstream', condition: 'poor' }),
    201,
  );
  const people: { id: string }[] = [];
  for (const name of ['นายคำปัน ใจยา', 'นางบัวผัน คำมา', 'นายสุข ปัญญาดี'])
    people.push(await ok(api.post(`${base}/partners`, { kind: 'person', name, sector: 'civil_society' }), 201));
  const group = await ok<{ id: string }>(api.post(`${base}/water/groups`, { name: 'กลุ่มผู้ใช้น้ำบ้านดอนชัย', sourceId: side.id, zone: 'downstream' }), 201);
  await ok(
    api.put(`${base}/water/groups/${group.id}/members`, {
      members: [
        { partyId: people[0].id, role: 'head', irrigatedRai: 12 },
        { partyId: people[1].id, irrigatedRai: 7.5 },
        { partyId: people[2].id, irrigatedRai: 0 },
      ],
    }),
  );
  const network = await ok<{ id: string }>(api.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', pillar: 'people' }), 201);
  const plan = await ok<{ id: string }>(api.post(`${base}/plans`, { name: `แผนบริหารจัดการน้ำ ${fy}`, fiscalYear: fy, networkIds: [network.id] }), 201);
  const project = await ok<{ id: string }>(api.post(`${base}/plans/${plan.id}/projects`, { name: 'ซ่อมแซมและขุดลอกเหมืองฝาย' }), 201);
  const activity = await ok<{ id: string }>(
    api.post(`${base}/plans/${plan.id}/projects/${project.id}/activities`, { name: 'ลงแขกขุดลอกเหมืองประจำปี', budgetSatang: 0 }),
    201,
  );
  const users = await ok<{ id: string }>(api.post(`${base}/partners`, { kind: 'organization', name: 'กลุ่มผู้ใช้น้ำเหมืองฝายพญาคำ', sector: 'civil_society' }), 201);
  const inKind = await ok<{ id: string }>(
    api.post(`${base}/budget/funds`, { name: `วัสดุและแรงงานของลูกฝาย ปี ${fy}`, kind: 'in_kind', partyId: users.id, fiscalYear: fy }),
    201,
  );
  const municipal = await ok<{ id: string }>(api.post(`${base}/budget/funds`, { name: `งบเทศบัญญัติ ${fy}`, kind: 'municipal', fiscalYear: fy }), 201);
  const work = (body: Record<string, unknown> = {}) =>
    api.post(`${base}/water/maintenance`, {
      kind: 'dredging',
      title: 'ขุดลอกเหมืองซอยบ้านดอนชัย',
      season: 'ฤดูแล้ง ทดสอบ',
      sourceId: side.id,
      groupId: group.id,
      startsOn: day(-3),
      endsOn: day(0),
      activityId: activity.id,
      fundId: inKind.id,
      ...body,
    });
  return { ...ctx, weir, side, people, group, activity, inKind, municipal, work };
}

describe('duty days arithmetic', () => {
  it('owes the rule’s days per member, or per so many rai rounded up, in whole hundredths of a rai', () => {
    expect(dutyOwed({ basis: 'per_member', days: 3, rai: null }, 40)).toBe(3);
    expect(dutyOwed({ basis: 'per_rai', days: 1, rai: 5 }, 7.5)).toBe(2);
    expect(dutyOwed({ basis: 'per_rai', days: 1, rai: 5 }, 10)).toBe(2);
    expect(dutyOwed({ basis: 'per_rai', days: 2, rai: 5 }, 10.01)).toBe(5);
    expect(dutyOwed({ basis: 'per_rai', days: 1, rai: 0.1 }, 0.3)).toBe(3); // 0.3 / 0.1 is 2.9999… in floats
    expect(dutyOwed({ basis: 'per_rai', days: 1, rai: 5 }, 0)).toBe(0);
  });
});

describe('maintenance works', () => {
  it('counts labour as confirmed volunteer hours and materials as in-kind ledger contributions; the chain still verifies', async () => {
    const s = await setup();
    const { api, base, people } = s;
    const w = await ok<Work>(s.work(), 201);
    const done = await ok<Work>(
      api.post(`${base}/water/maintenance/${w.id}/contributions`, {
        entries: [
          { kind: 'labour', partyId: people[0].id, date: day(-3), hours: 6 },
          { kind: 'labour', partyId: people[1].id, date: day(-3), hours: 4.5 },
          { kind: 'labour', partyId: people[0].id, date: day(-2), hours: 7 },
          { kind: 'material', partyId: people[1].id, date: day(-2), description: 'กระสอบทราย 40 ใบ', valueSatang: 60_000 },
        ],
      }),
      201,
    );
    expect(done).toMatchObject({ people: 2, labourMinutes: (6 + 4.5 + 7) * 60, materialSatang: 60_000 });
    expect(done.contributions.filter((c) => c.kind === 'labour').every((c) => c.hours?.status === 'confirmed')).toBe(true);

    // the same hours in the manpower module: the person's confirmed total and the log under the activity
    const totals = await ok<{ items: { key: string; minutes: number }[] }>(api.get(`${base}/volunteer-hours/totals?by=person`));
    expect(totals.items.find((x) => x.key === people[0].id)!.minutes).toBe(13 * 60);
    const logs = await ok<{ items: { id: string; activity: { id: string } }[] }>(api.get(`${base}/volunteer-hours?activityId=${s.activity.id}`));
    expect(logs.items.map((l) => l.id).sort()).toEqual(done.contributions.flatMap((c) => (c.hours ? [c.hours.id] : [])).sort());

    // the material in the ledger: a posted contribution into the in-kind fund, and the chain verifies
    const material = done.contributions.find((c) => c.kind === 'material')!;
    expect(material.ledger).toMatchObject({ status: 'posted', seq: 1 });
    const tx = await ok<{
      kind: string;
      party: { id: string };
      totalSatang: number;
      entries: { account: string; fund: { id: string }; debitSatang: number }[];
    }>(api.get(`${base}/ledger/transactions/${material.ledger!.id}`));
    expect(tx).toMatchObject({ kind: 'contribution', party: { id: people[1].id }, totalSatang: 60_000 });
    expect(tx.entries.map((e) => [e.account, e.fund.id, e.debitSatang])).toEqual([
      ['fund', s.inKind.id, 60_000],
      ['contribution', s.inKind.id, 0],
    ]);
    const funds = await ok<{ items: { id: string; receivedSatang: number }[] }>(api.get(`${base}/budget/funds`));
    expect(funds.items.find((f) => f.id === s.inKind.id)!.receivedSatang).toBe(60_000);
    expect(await ok(api.get(`${base}/ledger/verify`))).toMatchObject({ valid: true, checked: 1 });

    // the group's duty days: two per member by default; given = days with labour in this season's works
    const duty = await ok<Duty>(api.get(`${base}/water/groups/${s.group.id}/duty`));
    expect(duty.season).toBe('ฤดูแล้ง ทดสอบ');
    expect(duty.members.map((m) => [m.name, m.owed, m.given, m.balance])).toEqual([
      ['นายคำปัน ใจยา', 2, 2, 0],
      ['นางบัวผัน คำมา', 2, 1, -1],
      ['นายสุข ปัญญาดี', 2, 0, -2],
    ]);
    // per rai: one day for every 5 rai, rounded up (12 → 3, 7.5 → 2, 0 → 0)
    expect(await ok(api.put(`${base}/water/groups/${s.group.id}/duty-rule`, { basis: 'per_rai', days: 1, rai: 5 }))).toEqual({
      basis: 'per_rai',
      days: 1,
      rai: 5,
    });
    const perRai = await ok<Duty>(api.get(`${base}/water/groups/${s.group.id}/duty?season=${encodeURIComponent('ฤดูแล้ง ทดสอบ')}`));
    expect(perRai.members.map((m) => [m.owed, m.given, m.balance])).toEqual([
      [3, 2, -1],
      [2, 1, -1],
      [0, 0, 0],
    ]);
    expect(perRai.totals).toEqual({ owed: 5, given: 3 });
    // a whole-system work (no group) counts for the group too; another season does not
    const system = await ok<Work>(s.work({ groupId: null, sourceId: s.weir.id, title: 'ซ่อมหัวฝายพญาคำ', kind: 'repair' }), 201);
    await ok(
      api.post(`${base}/water/maintenance/${system.id}/contributions`, { entries: [{ kind: 'labour', partyId: people[2].id, date: day(-1), hours: 8 }] }),
      201,
    );
    const other = await ok<Work>(s.work({ season: 'ฤดูฝน ทดสอบ' }), 201);
    await ok(
      api.post(`${base}/water/maintenance/${other.id}/contributions`, { entries: [{ kind: 'labour', partyId: people[1].id, date: day(-1), hours: 8 }] }),
      201,
    );
    const again = await ok<Duty>(api.get(`${base}/water/groups/${s.group.id}/duty?season=${encodeURIComponent('ฤดูแล้ง ทดสอบ')}`));
    expect(again.members.map((m) => m.given)).toEqual([2, 1, 1]);
    expect(again.seasons.sort()).toEqual(['ฤดูฝน ทดสอบ', 'ฤดูแล้ง ทดสอบ']);
  });

  it('refuses bad sheets whole (dates, funds, duplicates, the 24-hour day) with field messages, and bad works', async () => {
    const s = await setup();
    const { api, base, people } = s;
    const w = await ok<Work>(s.work(), 201);
    const url = `${base}/water/maintenance/${w.id}/contributions`;
    const bad = async (entries: unknown[]) => {
      const r = await api.post(url, { entries });
      expect(r.statusCode, r.body).toBe(400);
      return fieldsOf(r);
    };
    expect(await bad([{ kind: 'labour', partyId: people[0].id, date: day(-10), hours: 4 }])).toEqual({ 'entries.0.date': 'outside_work_dates' });
    expect(await bad([{ kind: 'labour', partyId: people[0].id, date: day(-1), hours: 0 }])).toEqual({ 'entries.0.hours': 'hours_positive' });
    expect(await bad([{ kind: 'material', partyId: people[0].id, date: day(-1), description: 'ไม้ไผ่', valueSatang: -5 }])).toEqual({
      'entries.0.valueSatang': 'amount_not_zero',
    });
    expect(
      await bad([
        { kind: 'labour', partyId: people[0].id, date: day(-1), hours: 4 },
        { kind: 'labour', partyId: people[0].id, date: day(-1), hours: 3 },
      ]),
    ).toEqual({ 'entries.1.partyId': 'duplicate_labour_day' });
    // the manpower module's own rule, reported under the entry: 24 h a day across all the person's logs
    await ok(api.post(`${base}/volunteer-hours`, { personId: people[2].id, activityId: s.activity.id, date: day(-1), hours: 20 }), 201);
    expect(
      await bad([
        { kind: 'labour', partyId: people[0].id, date: day(-1), hours: 4 },
        { kind: 'labour', partyId: people[2].id, date: day(-1), hours: 5 },
      ]),
    ).toEqual({ 'entries.1.hours': 'day_over_24h' });
    // all or nothing: the first entry of the refused sheet left no hours and no contribution behind
    expect((await ok<Work>(api.get(`${base}/water/maintenance/${w.id}`))).contributions).toEqual([]);
    const hours = await ok<{ items: { person: { id: string } }[] }>(api.get(`${base}/volunteer-hours?activityId=${s.activity.id}`));
    expect(hours.items.map((h) => h.person.id)).toEqual([people[2].id]);

    const noFund = await ok<Work>(s.work({ fundId: null }), 201);
    const r = await api.post(`${base}/water/maintenance/${noFund.id}/contributions`, {
      entries: [{ kind: 'material', partyId: people[0].id, date: day(-1), description: 'ไม้ไผ่ 20 ลำ', valueSatang: 40_000 }],
    });
    expect(fieldsOf(r)).toEqual({ 'entries.0.kind': 'maintenance_no_fund' });

    expect(fieldsOf(await s.work({ fundId: s.municipal.id }))).toEqual({ fundId: 'fund_not_in_kind' });
    expect(fieldsOf(await s.work({ startsOn: day(0), endsOn: day(-2) }))).toEqual({ endsOn: 'end_before_start' });
    expect(fieldsOf(await s.work({ startsOn: day(-90), endsOn: day(0) }))).toEqual({ endsOn: 'maintenance_too_long' });
    expect((await s.work({ kind: 'painting' })).statusCode).toBe(400);
    expect(fieldsOf(await api.put(`${base}/water/groups/${s.group.id}/duty-rule`, { basis: 'per_rai', days: 1 }))).toEqual({ rai: 'duty_rai_required' });
    expect(fieldsOf(await api.put(`${base}/water/groups/${s.group.id}/duty-rule`, { basis: 'per_member', days: -1 }))).toEqual({
      days: 'must_not_be_negative',
    });
  });

  it('lets a member read but not record; keeps works away from another tenant', async () => {
    const s = await setup();
    const { base } = s;
    const w = await ok<Work>(s.work(), 201);
    const u = await createUser(t, { tenantId: s.tenant.id, role: 'member', partyId: s.people[1].id });
    const member = await login(t, u.email, u.password);
    expect((await member.get(`${base}/water/maintenance`)).statusCode).toBe(200);
    expect((await member.get(`${base}/water/groups/${s.group.id}/duty`)).statusCode).toBe(200);
    expect(
      (await member.post(`${base}/water/maintenance/${w.id}/contributions`, { entries: [{ kind: 'labour', partyId: s.people[1].id, date: day(0), hours: 2 }] }))
        .statusCode,
    ).toBe(403);

    // RLS enabled, forced and with the tenant policy on every maintenance table: test/rls-catalog.test.ts (read from the catalog)
    const b = await tenantWithUser(t, 'admin');
    expect(await ok(b.api.get(`${b.base}/water/maintenance`))).toEqual([]);
    expect((await b.api.get(`${b.base}/water/maintenance/${w.id}`)).statusCode).toBe(404);
    expect((await b.api.get(`${b.base}/water/groups/${s.group.id}/duty`)).statusCode).toBe(404);
    expect((await b.api.put(`${b.base}/water/groups/${s.group.id}/duty-rule`, { basis: 'per_member', days: 1 })).statusCode).toBe(404);
    expect(
      (
        await b.api.post(`${b.base}/water/maintenance/${w.id}/contributions`, {
          entries: [{ kind: 'labour', partyId: s.people[1].id, date: day(0), hours: 2 }],
        })
      ).statusCode,
    ).toBe(404);
    const foreign = await b.api.post(`${b.base}/water/maintenance`, {
      kind: 'repair',
      title: 'x',
      season: 'x',
      sourceId: s.side.id,
      startsOn: day(0),
      endsOn: day(0),
      activityId: s.activity.id,
      fundId: s.inKind.id,
    });
    expect(fieldsOf(foreign)).toEqual({ sourceId: 'unknown_source', activityId: 'unknown_activity', fundId: 'unknown_fund' });
  });
});

describe('correcting and removing maintenance works', () => {
  const received = async (s: Awaited<ReturnType<typeof setup>>, fundId: string) =>
    (await ok<{ items: { id: string; receivedSatang: number }[] }>(s.api.get(`${s.base}/budget/funds`))).items.find((f) => f.id === fundId)!.receivedSatang;
  const hoursOf = async (s: Awaited<ReturnType<typeof setup>>, activityId: string) =>
    (await ok<{ items: { person: { id: string }; minutes: number; status: string }[] }>(s.api.get(`${s.base}/volunteer-hours?activityId=${activityId}`))).items;

  it('edits a contribution and a work through the ledger (reversals) and the hours log, and deletes them the same way', async () => {
    const s = await setup('admin');
    const { api, base, people } = s;
    const w = await ok<Work>(s.work(), 201);
    const sheet = await ok<typeof w>(
      api.post(`${base}/water/maintenance/${w.id}/contributions`, {
        entries: [
          { kind: 'labour', partyId: people[0].id, date: day(-3), hours: 6 },
          { kind: 'labour', partyId: people[1].id, date: day(-3), hours: 4 },
          { kind: 'material', partyId: people[1].id, date: day(-2), description: 'กระสอบทราย 40 ใบ', valueSatang: 60_000 },
        ],
      }),
      201,
    );
    const material = sheet.contributions.find((c) => c.kind === 'material')!;
    const labour0 = sheet.contributions.find((c) => c.kind === 'labour' && c.party.id === people[0].id)!;
    const labour1 = sheet.contributions.find((c) => c.kind === 'labour' && c.party.id === people[1].id)!;
    const cUrl = (id: string) => `${base}/water/maintenance/${w.id}/contributions/${id}`;

    // a material's value corrected: the old contribution stays in the chain, a reversal and a new one follow
    const edited = await ok<typeof w>(api.patch(cUrl(material.id), { kind: 'material', valueSatang: 80_000, description: 'กระสอบทราย 50 ใบ' }));
    expect(edited.materialSatang).toBe(80_000);
    const now = edited.contributions.find((c) => c.id === material.id)!;
    expect(now.ledger!.id).not.toBe(material.ledger!.id);
    expect(now.ledger!.status).toBe('posted');
    const old = await ok<{ status: string }>(api.get(`${base}/ledger/transactions/${material.ledger!.id}`));
    expect(old.status).toBe('posted');
    const ledger = await ok<{ items: { kind: string; reverses: { id: string } | null; totalSatang: number }[] }>(api.get(`${base}/ledger/transactions`));
    expect(ledger.items.filter((x) => x.kind === 'reversal')).toHaveLength(1);
    expect(await received(s, s.inKind.id)).toBe(80_000);
    expect(await ok(api.get(`${base}/ledger/verify`))).toMatchObject({ valid: true, checked: 3 });

    // a labour day's hours corrected through the manpower log: still confirmed, the person's total follows
    const hours = await ok<typeof w>(api.patch(cUrl(labour0.id), { kind: 'labour', hours: 5 }));
    expect(hours.labourMinutes).toBe(9 * 60);
    expect((await hoursOf(s, s.activity.id)).find((h) => h.person.id === people[0].id)).toMatchObject({ minutes: 300, status: 'confirmed' });

    // the work moved to another in-kind fund: its materials re-recorded there (reversal + contribution)
    const fy = fiscalYearOf(todayInThailand());
    const other = await ok<{ id: string }>(
      api.post(`${base}/budget/funds`, { name: `วัสดุสมทบเหมืองซอย ปี ${fy}`, kind: 'in_kind', partyId: people[1].id, fiscalYear: fy }),
      201,
    );
    const moved = await ok<typeof w>(api.patch(`${base}/water/maintenance/${w.id}`, { fundId: other.id, title: 'ขุดลอกเหมืองซอยบ้านดอนชัย (แก้ไข)' }));
    expect(moved).toMatchObject({ fund: { id: other.id }, title: 'ขุดลอกเหมืองซอยบ้านดอนชัย (แก้ไข)', materialSatang: 80_000 });
    expect([await received(s, s.inKind.id), await received(s, other.id)]).toEqual([0, 80_000]);
    expect(await ok(api.get(`${base}/ledger/verify`))).toMatchObject({ valid: true, checked: 5 });
    // dates that would leave contributions outside the work are refused; no fund while materials are in one too
    expect(fieldsOf(await api.patch(`${base}/water/maintenance/${w.id}`, { endsOn: day(-3) }))).toEqual({ endsOn: 'contributions_outside_dates' });
    expect(fieldsOf(await api.patch(`${base}/water/maintenance/${w.id}`, { fundId: null }))).toEqual({ fundId: 'maintenance_has_materials' });
    expect(fieldsOf(await api.patch(`${base}/water/maintenance/${w.id}`, { fundId: s.municipal.id }))).toEqual({ fundId: 'fund_not_in_kind' });
    expect(fieldsOf(await api.patch(cUrl(labour0.id), { kind: 'material', valueSatang: 5 }))).toEqual({ kind: 'contribution_kind_fixed' });
    expect(fieldsOf(await api.patch(cUrl(labour0.id), { kind: 'labour', date: day(-10) }))).toEqual({ date: 'outside_work_dates' });

    // one labour day removed: its hours withdrawn from the manpower log, the duty days follow
    const less = await ok<typeof w>(api.delete(cUrl(labour1.id)));
    expect(less.contributions.map((c) => c.id)).not.toContain(labour1.id);
    expect((await hoursOf(s, s.activity.id)).map((h) => h.person.id)).toEqual([people[0].id]);
    const duty = await ok<Duty>(api.get(`${base}/water/groups/${s.group.id}/duty`));
    expect(duty.members.map((m) => m.given)).toEqual([1, 0, 0]);

    // the whole work removed: its material reversed, its hours withdrawn; the ledger keeps every entry and still verifies
    expect(await ok(api.delete(`${base}/water/maintenance/${w.id}`))).toMatchObject({ hoursWithdrawn: 1, reversalIds: [expect.any(String)] });
    expect((await api.get(`${base}/water/maintenance/${w.id}`)).statusCode).toBe(404);
    expect(await hoursOf(s, s.activity.id)).toEqual([]);
    expect([await received(s, s.inKind.id), await received(s, other.id)]).toEqual([0, 0]);
    expect(await ok(api.get(`${base}/ledger/verify`))).toMatchObject({ valid: true, checked: 6 });
    const log = await ok<{ items: { entity: string; action: string }[] }>(api.get(`${base}/audit?entity=water_maintenance_work`));
    expect(log.items.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
  });

  it('lets only officers correct works and editors contributions; another tenant sees none of it', async () => {
    const s = await setup();
    const { api, base, people } = s;
    const w = await ok<Work>(s.work(), 201);
    const sheet = await ok<typeof w>(
      api.post(`${base}/water/maintenance/${w.id}/contributions`, { entries: [{ kind: 'labour', partyId: people[0].id, date: day(-1), hours: 3 }] }),
      201,
    );
    const cUrl = `${base}/water/maintenance/${w.id}/contributions/${sheet.contributions[0].id}`;
    const u = await createUser(t, { tenantId: s.tenant.id, role: 'member', partyId: people[1].id });
    const member = await login(t, u.email, u.password);
    expect((await member.patch(`${base}/water/maintenance/${w.id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await member.delete(`${base}/water/maintenance/${w.id}`)).statusCode).toBe(403);
    expect((await member.patch(cUrl, { kind: 'labour', hours: 1 })).statusCode).toBe(403);
    expect((await member.delete(cUrl)).statusCode).toBe(403);
    const b = await tenantWithUser(t, 'admin');
    expect((await b.api.patch(`${b.base}/water/maintenance/${w.id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await b.api.delete(`${b.base}/water/maintenance/${w.id}`)).statusCode).toBe(404);
    expect((await b.api.delete(`${b.base}/water/maintenance/${w.id}/contributions/${sheet.contributions[0].id}`)).statusCode).toBe(404);
    expect((await api.patch(`${base}/water/maintenance/${w.id}`, { kind: 'painting' })).statusCode).toBe(400);
    expect((await ok<Work>(api.get(`${base}/water/maintenance/${w.id}`))).labourMinutes).toBe(180);
  });
});
