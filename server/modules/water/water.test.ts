import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, client, createUser, login, tenantWithUser, type TestApp } from '../../test/harness';
import { day, fieldsOf, ok } from './fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

interface Rota {
  id: string;
  status: string;
  shares: { groupName: string; zone: string; irrigatedRai: number; quota: number; turns: number }[];
  turns: { id: string; groupId: string; groupName: string; zone: string; startsAt: string; endsAt: string }[];
}

/** The Phaya Kham weir, its main canal and two side canals, three groups (one per zone) with members. */
async function setup() {
  const ctx = await tenantWithUser(t, 'officer');
  const { api, base } = ctx;
  const neighbour = await ok<{ id: string }>(
    api.post(`${base}/partners`, { kind: 'organization', name: 'เทศบาลตำบลท่ากว้าง', sector: 'local_government', orgType: 'local_government' }),
    201,
  );
  const src = (body: Record<string, unknown>) => ok<{ id: string }>(api.post(`${base}/water/sources`, { zone: 'upstream', condition: 'good', ...body }), 201);
  const weir = await src({ kind: 'weir', name: 'ฝายพญาคำ', lat: 18.7325, lon: 99.0051 });
  const main = await src({ kind: 'main_canal', name: 'เหมืองหลวงพญาคำ', parentId: weir.id, lengthM: 6000 });
  const side1 = await src({ kind: 'side_canal', name: 'เหมืองซอย 1', parentId: main.id, chainageM: 1500, zone: 'midstream', lengthM: 1200 });
  const side2 = await src({
    kind: 'side_canal',
    name: 'เหมืองซอย 2',
    parentId: main.id,
    chainageM: 4500,
    zone: 'downstream',
    lengthM: 1500,
    localGovernmentPartyId: neighbour.id,
  });
  const people: { id: string }[] = [];
  for (const name of ['นายคำปัน ใจยา', 'นางบัวผัน คำมา', 'นายสุข ปัญญาดี', 'นายอินสม วงศ์ใหญ่', 'นางจันทร์ดี ศรีวงค์'])
    people.push(await ok(api.post(`${base}/partners`, { kind: 'person', name, sector: 'civil_society' }), 201));
  const group = async (name: string, sourceId: string, zone: string, members: { partyId: string; role?: string; irrigatedRai: number }[]) => {
    const g = await ok<{ id: string }>(api.post(`${base}/water/groups`, { name, sourceId, zone }), 201);
    await ok(api.put(`${base}/water/groups/${g.id}/members`, { members }));
    return g;
  };
  const up = await group('กลุ่มผู้ใช้น้ำต้นเหมือง', main.id, 'upstream', [
    { partyId: people[0].id, role: 'head', irrigatedRai: 80 },
    { partyId: people[1].id, irrigatedRai: 40 },
  ]);
  const mid = await group('กลุ่มผู้ใช้น้ำเหมืองซอย 1', side1.id, 'midstream', [{ partyId: people[2].id, role: 'head', irrigatedRai: 60 }]);
  const down = await group('กลุ่มผู้ใช้น้ำท่ากว้าง', side2.id, 'downstream', [
    { partyId: people[3].id, role: 'head', irrigatedRai: 12.5 },
    { partyId: people[4].id, role: 'officer', irrigatedRai: 7.5 },
  ]);
  return { ...ctx, neighbour, weir, main, side1, side2, people, up, mid, down };
}

describe('water sources', () => {
  it('keeps the canal system with parents, zones, local government and condition, refusing impossible parents', async () => {
    const s = await setup();
    const { api, base } = s;
    const list = await ok<{ id: string; kind: string; parentId: string | null; localGovernment: { name: string }; lat: number | null }[]>(
      api.get(`${base}/water/sources`),
    );
    expect(list.map((x) => x.kind)).toEqual(['weir', 'main_canal', 'side_canal', 'side_canal']);
    expect(list[0]).toMatchObject({ parentId: null, lat: 18.7325, localGovernment: { name: s.tenant.nameTh } });
    expect(list.find((x) => x.id === s.side2.id)!.localGovernment.name).toBe('เทศบาลตำบลท่ากว้าง');

    const bad = async (body: Record<string, unknown>) => fieldsOf(await api.post(`${base}/water/sources`, { zone: 'upstream', condition: 'good', ...body }));
    expect(await bad({ kind: 'side_canal', name: 'x', parentId: s.weir.id })).toEqual({ parentId: 'parent_kind' });
    expect(await bad({ kind: 'weir', name: 'x', parentId: s.main.id })).toEqual({ parentId: 'parent_kind' });
    expect(await bad({ kind: 'gate', name: 'x', parentId: s.main.id, chainageM: -5, lat: 91 })).toEqual({
      chainageM: 'must_not_be_negative',
      lat: expect.any(String),
    });
    expect(await bad({ kind: 'gate', name: 'x', parentId: s.main.id, localGovernmentPartyId: s.people[0].id })).toEqual({
      localGovernmentPartyId: 'not_local_government',
    });
    // a side canal of side canal 2, then side canal 2 moved under it: a loop
    const sub = await ok<{ id: string }>(
      api.post(`${base}/water/sources`, { kind: 'side_canal', name: 'ลำเหมืองย่อย', parentId: s.side2.id, zone: 'downstream', condition: 'fair' }),
      201,
    );
    expect(fieldsOf(await api.patch(`${base}/water/sources/${s.side2.id}`, { parentId: sub.id }))).toEqual({ parentId: 'parent_cycle' });
    // an inspection marks the gate's condition
    const gate = await ok<{ id: string }>(
      api.post(`${base}/water/sources`, {
        kind: 'gate',
        name: 'ประตูน้ำปากเหมืองซอย 1',
        parentId: s.main.id,
        chainageM: 1500,
        zone: 'midstream',
        condition: 'good',
      }),
      201,
    );
    expect(await ok(api.patch(`${base}/water/sources/${gate.id}`, { condition: 'broken', note: 'บานประตูชำรุด' }))).toMatchObject({
      condition: 'broken',
      kind: 'gate',
    });
  });
});

describe('water-user groups', () => {
  it('have one head, members once each, and area that is never negative', async () => {
    const s = await setup();
    const { api, base } = s;
    const groups = await ok<{ name: string; zone: string; head: { name: string } | null; memberCount: number; irrigatedRai: number }[]>(
      api.get(`${base}/water/groups`),
    );
    expect(groups.map((g) => [g.zone, g.memberCount, g.irrigatedRai, g.head?.name])).toEqual([
      ['upstream', 2, 120, 'นายคำปัน ใจยา'],
      ['midstream', 1, 60, 'นายสุข ปัญญาดี'],
      ['downstream', 2, 20, 'นายอินสม วงศ์ใหญ่'],
    ]);
    const url = `${base}/water/groups/${s.mid.id}/members`;
    const negative = await api.put(url, { members: [{ partyId: s.people[2].id, irrigatedRai: -3 }] });
    expect(negative.statusCode).toBe(400);
    expect(fieldsOf(negative)).toEqual({ 'members.0.irrigatedRai': 'must_not_be_negative' });
    expect(fieldsOf(await api.put(url, { members: [{ partyId: s.people[2].id, irrigatedRai: 1.234 }] }))).toEqual({
      'members.0.irrigatedRai': 'rai_hundredths',
    });
    const twoHeads = await api.put(url, {
      members: [
        { partyId: s.people[2].id, role: 'head', irrigatedRai: 1 },
        { partyId: s.people[3].id, role: 'head', irrigatedRai: 1 },
        { partyId: s.people[3].id, irrigatedRai: 1 },
        { partyId: s.neighbour.id, irrigatedRai: 1 },
      ],
    });
    expect(fieldsOf(twoHeads)).toEqual({
      'members.1.role': 'one_head',
      'members.2.partyId': 'duplicate_water_member',
      'members.3.partyId': 'unknown_person',
    });
    const detail = await ok<{ members: { name: string; irrigatedRai: number }[] }>(api.get(`${base}/water/groups/${s.mid.id}`));
    expect(detail.members).toEqual([expect.objectContaining({ name: 'นายสุข ปัญญาดี', irrigatedRai: 60 })]);
    expect(fieldsOf(await api.post(`${base}/water/groups`, { name: 'กลุ่มผู้ใช้น้ำต้นเหมือง', sourceId: s.main.id, zone: 'upstream' }))).toEqual({
      name: 'group_name_taken',
    });
  });
});

describe('rotation turns', () => {
  it('shows members’ phones masked (PDPA), as the partner directory does; the whole number only on the logged registry page', async () => {
    const s = await setup();
    const { api, base } = s;
    const person = await ok<{ id: string }>(
      api.post(`${base}/partners`, { kind: 'person', name: 'นายมานพ คำแสน', sector: 'civil_society', phone: '081-234-5678' }),
      201,
    );
    const g = await ok<{ id: string }>(api.post(`${base}/water/groups`, { name: 'กลุ่มผู้ใช้น้ำบ้านป่าซาง', sourceId: s.side1.id, zone: 'midstream' }), 201);
    const set = await ok<{ members: { name: string; phone: string | null }[] }>(
      api.put(`${base}/water/groups/${g.id}/members`, { members: [{ partyId: person.id, role: 'head', irrigatedRai: 6 }] }),
    );
    expect(set.members).toEqual([expect.objectContaining({ name: 'นายมานพ คำแสน', phone: 'xxx-xxx-5678' })]);
    const read = await api.get(`${base}/water/groups/${g.id}`);
    expect(read.body).not.toContain('234-5678');
    expect(read.json().members[0].phone).toBe('xxx-xxx-5678');
    // members of a group without a phone on record
    const other = await ok<{ members: { phone: string | null }[] }>(api.get(`${base}/water/groups/${s.mid.id}`));
    expect(other.members.every((m) => m.phone === null)).toBe(true);
  });

  it('generates a fair rota for the whole weir, downstream first, refuses turns outside the season or overlapping, publishes, and shows a member the next turn', async () => {
    const s = await setup();
    const { api, base } = s;
    const body = {
      sourceId: s.weir.id,
      season: 'ฤดูแล้ง ทดสอบ',
      startsOn: day(-2),
      endsOn: day(7),
      turnHours: 24,
      rule: 'proportional',
      order: 'downstream_first',
    };
    expect(fieldsOf(await api.post(`${base}/water/rota`, { ...body, endsOn: day(-3) }))).toEqual({ endsOn: 'end_before_start' });
    expect(fieldsOf(await api.post(`${base}/water/rota`, { ...body, endsOn: day(400) }))).toEqual({ endsOn: 'season_too_long' });
    expect(fieldsOf(await api.post(`${base}/water/rota`, { ...body, turnHours: 0, rule: 'random' }))).toEqual({
      turnHours: expect.any(String),
      rule: expect.any(String),
    });
    const rota = await ok<Rota>(api.post(`${base}/water/rota`, body), 201);
    // 10 days; 120 : 60 : 20 rai → 6 : 3 : 1 turns, each group within one turn of its share
    expect(rota.shares.map((x) => [x.zone, x.irrigatedRai, x.quota, x.turns])).toEqual([
      ['downstream', 20, 1, 1],
      ['midstream', 60, 3, 3],
      ['upstream', 120, 6, 6],
    ]);
    expect(rota.turns.map((x) => x.zone.slice(0, 1))).toEqual(['d', 'm', 'u', 'u', 'm', 'u', 'u', 'm', 'u', 'u']);
    expect(rota.turns[0].startsAt).toBe(`${day(-2)}T06:00:00+07:00`);
    expect(rota.turns.at(-1)!.endsAt).toBe(`${day(8)}T06:00:00+07:00`);
    // only the side canal 2 subtree: the downstream group alone
    const sub = await ok<Rota>(api.post(`${base}/water/rota`, { ...body, sourceId: s.side2.id, rule: 'equal' }), 201);
    expect(new Set(sub.turns.map((x) => x.groupName))).toEqual(new Set(['กลุ่มผู้ใช้น้ำท่ากว้าง']));

    // moving a turn by hand: inside the season, no overlap
    const last = rota.turns.at(-1)!;
    const turnUrl = `${base}/water/rota/${rota.id}/turns/${last.id}`;
    const outside = await api.patch(turnUrl, { startsAt: `${day(8)}T06:00:00+07:00`, endsAt: `${day(9)}T06:00:00+07:00` });
    expect(outside.statusCode).toBe(400);
    expect(fieldsOf(outside)).toEqual({ endsAt: 'turn_outside_season' });
    expect(fieldsOf(await api.patch(turnUrl, { startsAt: `${day(-3)}T06:00:00+07:00`, endsAt: `${day(-2)}T07:00:00+07:00` }))).toEqual({
      startsAt: 'turn_outside_season',
    });
    const overlap = await api.patch(turnUrl, { startsAt: `${day(6)}T18:00:00+07:00`, endsAt: `${day(7)}T18:00:00+07:00` });
    expect(overlap.statusCode).toBe(409);
    expect(fieldsOf(overlap)).toEqual({ startsAt: 'turn_overlap' });
    expect(fieldsOf(await api.patch(turnUrl, { startsAt: 'พรุ่งนี้', endsAt: `${day(7)}T18:00:00+07:00` }))).toEqual({ startsAt: 'invalid_datetime' });
    const moved = await ok<Rota>(api.patch(turnUrl, { startsAt: `${day(7)}T18:00:00+07:00`, endsAt: `${day(8)}T06:00:00+07:00` }));
    expect(moved.turns.at(-1)).toMatchObject({ startsAt: `${day(7)}T18:00:00+07:00`, endsAt: `${day(8)}T06:00:00+07:00` });

    // a member linked to the downstream group's officer: nothing before publication, then the next turn
    const memberUser = await createUser(t, { tenantId: s.tenant.id, role: 'member', partyId: s.people[4].id });
    const member = await login(t, memberUser.email, memberUser.password);
    const before = await ok<{ linked: boolean; groups: { name: string; role: string }[]; next: unknown[] }>(member.get(`${base}/water/rota/my-turns`));
    expect(before).toMatchObject({ linked: true, groups: [{ name: 'กลุ่มผู้ใช้น้ำท่ากว้าง', role: 'officer' }], next: [] });
    expect((await member.post(`${base}/water/rota/${rota.id}/publish`)).statusCode).toBe(403);
    await ok(api.post(`${base}/water/rota/${sub.id}/publish`));
    await ok(api.post(`${base}/water/rota/${rota.id}/publish`));
    expect((await api.patch(turnUrl, { startsAt: `${day(7)}T06:00:00+07:00`, endsAt: `${day(8)}T06:00:00+07:00` })).statusCode).toBe(409);
    const mine = await ok<{ next: { groupName: string; startsAt: string; endsAt: string; season: string; current: boolean }[] }>(
      member.get(`${base}/water/rota/my-turns`),
    );
    expect(mine.next.length).toBeGreaterThan(0);
    for (const x of mine.next) {
      expect(x.groupName).toBe('กลุ่มผู้ใช้น้ำท่ากว้าง');
      expect(Date.parse(x.endsAt)).toBeGreaterThan(Date.now());
    }
    // ordered by start; the downstream group's turn in the whole-weir rota was on day -2, so it is over: only the sub-rota remains
    expect(mine.next.map((x) => x.startsAt)).toEqual([...mine.next.map((x) => x.startsAt)].sort());
    expect(new Set(mine.next.map((x) => x.season))).toEqual(new Set(['ฤดูแล้ง ทดสอบ']));
    // an account with no registry person
    const plain = await tenantWithUser(t, 'member');
    expect(await ok(plain.api.get(`${plain.base}/water/rota/my-turns`))).toEqual({ linked: false, groups: [], next: [] });

    // public: published rotas, group names, no people
    const pub = await ok<{ items: { turns: unknown[] }[] }>(client(t).get(`/api/v1/public/${s.tenant.slug}/water/rota`));
    expect(pub.items).toHaveLength(2);
    expect(JSON.stringify(pub)).not.toMatch(/นายคำปัน|นางจันทร์ดี/);
  });

  it("swaps turns between groups with the other group's consent; both keep their totals", async () => {
    const s = await setup();
    const { api, base } = s;
    const rota = await ok<Rota>(
      api.post(`${base}/water/rota`, {
        sourceId: s.weir.id,
        season: 'ทดสอบแลกเวร',
        startsOn: day(1),
        endsOn: day(10),
        turnHours: 24,
        rule: 'proportional',
        order: 'downstream_first',
      }),
      201,
    );
    const as = async (partyId: string) => {
      const u = await createUser(t, { tenantId: s.tenant.id, role: 'member', partyId });
      return login(t, u.email, u.password);
    };
    const upMember = await as(s.people[1].id); // a plain member upstream
    const midHead = await as(s.people[2].id);
    const downHead = await as(s.people[3].id);
    const upTurn = rota.turns.find((x) => x.zone === 'upstream')!;
    const downTurn = rota.turns.find((x) => x.zone === 'downstream')!;
    const otherUp = rota.turns.filter((x) => x.zone === 'upstream')[1];
    const url = `${base}/water/rota/${rota.id}/swaps`;
    expect(fieldsOf(await upMember.post(url, { turnId: upTurn.id, withTurnId: downTurn.id }))).toEqual({ turnId: 'swap_not_published' });
    await ok(api.post(`${base}/water/rota/${rota.id}/publish`));
    expect(fieldsOf(await upMember.post(url, { turnId: upTurn.id, withTurnId: otherUp.id }))).toEqual({ withTurnId: 'swap_same_group' });
    const notMine = await midHead.post(url, { turnId: upTurn.id, withTurnId: downTurn.id });
    expect(notMine.statusCode).toBe(403);
    const asked = await ok<{ id: string; status: string }>(upMember.post(url, { turnId: upTurn.id, withTurnId: downTurn.id }), 201);
    expect(asked).toMatchObject({ status: 'pending', canDecide: false });
    // the list tells the other group's head that he may decide, and the asker that he may not
    expect((await ok<{ canDecide: boolean }[]>(downHead.get(url)))[0].canDecide).toBe(true);
    expect((await ok<{ canDecide: boolean }[]>(upMember.get(url)))[0].canDecide).toBe(false);
    // only the other group's head or officer (or the local government's officer) consents
    expect((await midHead.post(`${base}/water/swaps/${asked.id}/accept`)).statusCode).toBe(403);
    expect((await upMember.post(`${base}/water/swaps/${asked.id}/accept`)).statusCode).toBe(403);
    const before = await ok<Rota>(api.get(`${base}/water/rota/${rota.id}`));
    const accepted = await ok<{ status: string; decidedBy: string; turn: { groupId: string }; withTurn: { groupId: string } }>(
      downHead.post(`${base}/water/swaps/${asked.id}/accept`),
    );
    expect(accepted).toMatchObject({ status: 'accepted', decidedBy: 'นายอินสม วงศ์ใหญ่', turn: { groupId: s.down.id }, withTurn: { groupId: s.up.id } });
    const after = await ok<Rota>(api.get(`${base}/water/rota/${rota.id}`));
    expect(after.shares.map((x) => [x.groupName, x.turns])).toEqual(before.shares.map((x) => [x.groupName, x.turns]));
    expect(after.turns.find((x) => x.id === upTurn.id)!.zone).toBe('downstream');
    expect(after.turns.find((x) => x.id === downTurn.id)!.zone).toBe('upstream');
    expect((await downHead.post(`${base}/water/swaps/${asked.id}/decline`)).statusCode).toBe(409);
    expect((await ok<unknown[]>(api.get(url))).length).toBe(1);
  });

  it('keeps the water data from another tenant: 404 on every read and write', async () => {
    // RLS enabled, forced and with the tenant policy on every water table: test/rls-catalog.test.ts (read from the catalog)
    const s = await setup();
    const rota = await ok<Rota>(
      s.api.post(`${s.base}/water/rota`, {
        sourceId: s.weir.id,
        season: 'x',
        startsOn: day(0),
        endsOn: day(3),
        turnHours: 12,
        rule: 'equal',
        order: 'upstream_first',
      }),
      201,
    );
    const b = await tenantWithUser(t, 'admin');
    expect(await ok(b.api.get(`${b.base}/water/sources`))).toEqual([]);
    expect(await ok(b.api.get(`${b.base}/water/groups`))).toEqual([]);
    for (const url of [`/water/groups/${s.up.id}`, `/water/rota/${rota.id}`]) expect((await b.api.get(`${b.base}${url}`)).statusCode, url).toBe(404);
    expect((await b.api.patch(`${b.base}/water/sources/${s.weir.id}`, { condition: 'broken' })).statusCode).toBe(404);
    expect((await b.api.put(`${b.base}/water/groups/${s.up.id}/members`, { members: [] })).statusCode).toBe(404);
    expect((await b.api.post(`${b.base}/water/rota/${rota.id}/publish`)).statusCode).toBe(404);
    expect((await b.api.post(`${b.base}/water/rota/${rota.id}/swaps`, { turnId: rota.turns[0].id, withTurnId: rota.turns[1].id })).statusCode).toBe(404);
    expect((await b.api.get(`${b.base}/water/rota/${rota.id}/swaps`)).statusCode).toBe(404);
    expect(
      fieldsOf(
        await b.api.post(`${b.base}/water/rota`, {
          ...{ season: 'x', startsOn: day(0), endsOn: day(3), turnHours: 12, rule: 'equal', order: 'upstream_first' },
          sourceId: s.weir.id,
        }),
      ),
    ).toEqual({
      sourceId: 'unknown_source',
    });
  });
});
