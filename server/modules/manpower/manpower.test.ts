import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditLog, volunteerHours } from '../../db/schema';
import { withTenant } from '../../platform/db';
import { assertDayWithin24h } from './hours-logging.service';
import { buildTestApp, client, createUser, login, tenantWithUser, type Client, type TestApp } from '../../test/harness';
import { expectTenantIsolation } from '../../test/tenant-isolation';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Rows<T> = { rows: T[] };
/** PUT through the real HTTP layer with the client's session (the harness client has no put). */
const countHours = async (tenantId: string) =>
  ((await t.database.db.execute(sql`select count(*)::int as n from ${volunteerHours} where tenant_id = ${tenantId}`)) as unknown as Rows<{ n: number }>).rows[0]
    .n;

/** A tenant with water and elderly networks, a plan activity for each, and accounts linked to registry people. */
async function setup() {
  const admin = await tenantWithUser(t, 'admin');
  const { api, base, tenant } = admin;
  const post = async (url: string, body: unknown) => {
    const res = await api.post(`${base}${url}`, body);
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const person = (name: string, sector = 'civil_society') => post('/partners', { kind: 'person', name, sector });
  const somchai = await person('นายสมชาย ใจอาสา');
  const malee = await person('นางมาลี รักถิ่น');
  const waterLead = await person('นายบุญมา ผู้ประสานเหมืองฝาย', 'locality');
  const elderlyLead = await person('นางสายใจ ผู้ประสาน อผส.');
  const water = await post('/networks', { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', pillar: 'locality', issues: ['water'], coordinatorPartyId: waterLead.id });
  const elderly = await post('/networks', { name: 'เครือข่ายผู้สูงอายุ', pillar: 'people', issues: ['elderly'] });
  await post(`/networks/${elderly.id}/members`, { partyId: elderlyLead.id, role: 'coordinator' });
  await post(`/networks/${water.id}/members`, { partyId: somchai.id, role: 'member' });
  await post(`/networks/${elderly.id}/members`, { partyId: malee.id, role: 'member' });
  const waterPlan = await post('/plans', { name: 'แผนน้ำ 2570', fiscalYear: 2570, networkIds: [water.id] });
  const waterProject = await post(`/plans/${waterPlan.id}/projects`, { name: 'ซ่อมฝาย' });
  const weir = await post(`/plans/${waterPlan.id}/projects/${waterProject.id}/activities`, { name: 'ลงแขกซ่อมฝายพญาคำ', budgetSatang: 0 });
  const elderlyPlan = await post('/plans', { name: 'แผนผู้สูงอายุ 2570', fiscalYear: 2570, networkIds: [elderly.id] });
  const elderlyProject = await post(`/plans/${elderlyPlan.id}/projects`, { name: 'เยี่ยมบ้าน' });
  const visits = await post(`/plans/${elderlyPlan.id}/projects/${elderlyProject.id}/activities`, { name: 'เยี่ยมบ้านผู้สูงอายุติดเตียง', budgetSatang: 0 });

  const account = async (role: 'member' | 'coordinator', partyId: string): Promise<Client> => {
    const email = `${role}-${partyId.slice(0, 8)}@example.org`;
    const user = await createUser(t, { tenantId: tenant.id, role, email, name: role, partyId });
    return login(t, email, user.password);
  };
  return {
    ...admin,
    post,
    somchai,
    malee,
    waterLead,
    elderlyLead,
    water,
    elderly,
    weir,
    visits,
    member: await account('member', somchai.id),
    waterCoordinator: await account('coordinator', waterLead.id),
    elderlyCoordinator: await account('coordinator', elderlyLead.id),
  };
}

describe('volunteer hours', () => {
  it('a member logs own hours; bad hours, other people, other tenants and days over 24 h are refused and write nothing', async () => {
    const s = await setup();
    const { base, member } = s;
    const ok = await member.post(`${base}/volunteer-hours`, { activityId: s.weir.id, date: '2026-10-05', hours: 3.5, note: 'ขุดลอกหน้าฝาย' });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ person: { id: s.somchai.id }, minutes: 210, hours: 3.5, status: 'pending', fiscalYear: 2570, canReview: false });

    const before = await countHours(s.tenant.id);
    const bad = async (body: Record<string, unknown>, status: number, field?: string, who: Client = member) => {
      const res = await who.post(`${base}/volunteer-hours`, { activityId: s.weir.id, date: '2026-10-06', hours: 1, ...body });
      expect(res.statusCode, res.body).toBe(status);
      if (field) expect(Object.keys(res.json().error.fields ?? {})).toContain(field);
    };
    await bad({ hours: -2 }, 400, 'hours');
    await bad({ hours: 0 }, 400, 'hours');
    await bad({ hours: 25 }, 400, 'hours');
    await bad({ hours: 0.001 }, 400, 'hours'); // not a whole minute
    await bad({ hours: '2' }, 400, 'hours');
    await bad({ date: '2026-02-30' }, 400, 'date');
    await bad({ date: '2999-01-01' }, 400, 'date');
    await bad({ activityId: undefined }, 400, 'activityId');
    await bad({ personId: s.malee.id }, 403); // a member logs only their own hours
    // 3.5 h already on 5 Oct: 20.5 more is 24 h exactly (allowed), then one more minute is not
    await bad({ date: '2026-10-05', hours: 21 }, 400, 'hours');
    // another tenant's activity
    const other = await tenantWithUser(t, 'admin');
    const on = (await other.api.post(`${other.base}/networks`, { name: 'เครือข่ายที่อื่น', pillar: 'people', issues: ['water'] })).json();
    const op = (await other.api.post(`${other.base}/plans`, { name: 'แผนอื่น', fiscalYear: 2570, networkIds: [on.id] })).json();
    const opj = (await other.api.post(`${other.base}/plans/${op.id}/projects`, { name: 'โครงการอื่น' })).json();
    const oa = (await other.api.post(`${other.base}/plans/${op.id}/projects/${opj.id}/activities`, { name: 'กิจกรรมของที่อื่น', budgetSatang: 0 })).json();
    expect(oa.id).toBeTruthy();
    await bad({ activityId: oa.id }, 400, 'activityId');
    await bad({ activityId: oa.id, personId: s.somchai.id }, 400, 'activityId', s.api);
    expect(await countHours(s.tenant.id)).toBe(before);
    expect(await countHours(other.tenant.id)).toBe(0);

    const full = await member.post(`${base}/volunteer-hours`, { activityId: s.visits.id, date: '2026-10-05', hours: 20.5 });
    expect(full.statusCode, full.body).toBe(201);
    await bad({ date: '2026-10-05', hours: 1 / 60 }, 400, 'hours');
    // the other tenant cannot see or touch this tenant's hours
    const foreign = await other.api.get(`${other.base}/volunteer-hours/${ok.json().id}`);
    expect(foreign.statusCode).toBe(404);
    // unauthenticated
    expect((await client(t).post(`${base}/volunteer-hours`, { activityId: s.weir.id, date: '2026-10-05', hours: 1 })).statusCode).toBe(401);
  });

  // PGlite has one connection (transactions queue anyway); on PostgreSQL two transactions really overlap.
  it.skipIf(!process.env.PHAKHI_TEST_DATABASE_URL)('on PostgreSQL, a second log for the same day waits for the first before checking 24 h', async () => {
    const s = await setup();
    const day = '2026-10-08';
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let inserted!: () => void;
    const firstInserted = new Promise<void>((r) => (inserted = r));
    const first = withTenant(t.database.db, s.tenant.id, async (tx) => {
      await assertDayWithin24h(tx, s.tenant.id, s.malee.id, day, 20 * 60, null);
      await tx
        .insert(volunteerHours)
        .values({ tenantId: s.tenant.id, partyId: s.malee.id, activityId: s.visits.id, workedOn: day, fiscalYear: 2570, minutes: 20 * 60 });
      inserted();
      await held; // still uncommitted
    });
    await firstInserted;
    const second = withTenant(t.database.db, s.tenant.id, (tx) => assertDayWithin24h(tx, s.tenant.id, s.malee.id, day, 10 * 60, null));
    const outcome = second.then(
      () => 'passed',
      (e: { fields?: Record<string, string> }) => e.fields?.hours,
    );
    await new Promise((r) => setTimeout(r, 300));
    release();
    await first;
    expect(await outcome).toBe('day_over_24h');
  });

  it("only a coordinator of the activity's network (or an officer) confirms; returns need a reason; totals are sums of confirmed logs", async () => {
    const s = await setup();
    const { base, member } = s;
    const log = async (activityId: string, date: string, hours: number) => {
      const res = await member.post(`${base}/volunteer-hours`, { activityId, date, hours });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const a = await log(s.weir.id, '2026-10-05', 2.25);
    const b = await log(s.weir.id, '2026-10-12', 4);
    const c = await log(s.visits.id, '2026-10-13', 1.5);
    const d = await log(s.weir.id, '2026-09-30', 6); // fiscal year 2569

    // a member, and the elderly coordinator, cannot confirm water hours
    expect((await member.post(`${base}/volunteer-hours/${a}/confirm`)).statusCode).toBe(403);
    expect((await s.elderlyCoordinator.post(`${base}/volunteer-hours/${a}/confirm`)).statusCode).toBe(403);
    // the queue shows each coordinator only what they may confirm
    const waterQueue = (await s.waterCoordinator.get(`${base}/volunteer-hours?reviewable=true&status=pending`)).json();
    expect(waterQueue.items.map((x: { id: string }) => x.id).sort()).toEqual([a, b, d].sort());
    const elderlyQueue = (await s.elderlyCoordinator.get(`${base}/volunteer-hours?reviewable=true&status=pending`)).json();
    expect(elderlyQueue.items.map((x: { id: string }) => x.id)).toEqual([c]);

    const confirmed = await s.waterCoordinator.post(`${base}/volunteer-hours/${a}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', reviewedBy: 'coordinator' });
    expect((await s.waterCoordinator.post(`${base}/volunteer-hours/${a}/confirm`)).statusCode).toBe(409);
    expect((await s.waterCoordinator.post(`${base}/volunteer-hours/${d}/confirm`)).statusCode).toBe(200);
    expect((await s.elderlyCoordinator.post(`${base}/volunteer-hours/${c}/confirm`)).statusCode).toBe(200);
    // return with a reason (empty reason refused)
    expect((await s.waterCoordinator.post(`${base}/volunteer-hours/${b}/return`, { reason: ' ' })).statusCode).toBe(400);
    const returned = await s.waterCoordinator.post(`${base}/volunteer-hours/${b}/return`, { reason: 'วันที่ 12 ไม่มีการลงแขก กรุณาตรวจสอบวันที่' });
    expect(returned.json()).toMatchObject({ status: 'returned', returnReason: 'วันที่ 12 ไม่มีการลงแขก กรุณาตรวจสอบวันที่' });
    // confirmed hours cannot be changed by the member; returned ones can, and go back to pending
    expect((await member.patch(`${base}/volunteer-hours/${a}`, { hours: 9 })).statusCode).toBe(409);
    const fixed = await member.patch(`${base}/volunteer-hours/${b}`, { date: '2026-10-11' });
    expect(fixed.json()).toMatchObject({ status: 'pending', returnReason: null, date: '2026-10-11' });

    // totals = sum of confirmed logs (2.25 + 1.5 in 2570; 6 in 2569), per person, network, fiscal year
    const byPerson = (await s.api.get(`${base}/volunteer-hours/totals?by=person&fiscalYear=2570`)).json();
    expect(byPerson.items).toEqual([{ key: s.somchai.id, label: 'นายสมชาย ใจอาสา', minutes: 225, hours: 3.75, logs: 2, people: 1 }]);
    expect(byPerson.minutes).toBe(225);
    const byNetwork = (await s.api.get(`${base}/volunteer-hours/totals?by=network&fiscalYear=2570`)).json();
    expect(Object.fromEntries(byNetwork.items.map((x: { key: string; minutes: number }) => [x.key, x.minutes]))).toEqual({
      [s.water.id]: 135,
      [s.elderly.id]: 90,
    });
    const byYear = (await s.api.get(`${base}/volunteer-hours/totals?by=fiscalYear`)).json();
    expect(byYear.items.map((x: { key: string; minutes: number }) => [x.key, x.minutes])).toEqual([
      ['2570', 225],
      ['2569', 360],
    ]);
    // the database agrees: confirmed rows only
    const raw = (await t.database.db.execute(
      sql`select coalesce(sum(minutes), 0)::int as m from volunteer_hours where tenant_id = ${s.tenant.id} and status = 'confirmed'`,
    )) as unknown as Rows<{ m: number }>;
    expect(raw.rows[0].m).toBe(225 + 360);
    // a member's totals are their own only
    expect((await member.get(`${base}/volunteer-hours/totals?personId=${s.malee.id}`)).statusCode).toBe(403);
    expect((await member.get(`${base}/volunteer-hours/totals`)).json().minutes).toBe(585);

    // certificate: confirmed hours and activities of the year; a member only their own
    const cert = (await member.get(`${base}/volunteer-hours/certificate?personId=${s.somchai.id}&fiscalYear=2570`)).json();
    expect(cert).toMatchObject({
      person: { name: 'นายสมชาย ใจอาสา' },
      fiscalYear: 2570,
      minutes: 225,
      hours: 3.75,
      firstDate: '2026-10-05',
      lastDate: '2026-10-13',
    });
    expect(cert.activities.map((x: { name: string }) => x.name)).toEqual(['ลงแขกซ่อมฝายพญาคำ', 'เยี่ยมบ้านผู้สูงอายุติดเตียง']);
    expect((await member.get(`${base}/volunteer-hours/certificate?personId=${s.malee.id}&fiscalYear=2570`)).statusCode).toBe(403);

    // every review is audited
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.tenantId} = ${s.tenant.id} and ${auditLog.entity} = 'volunteer_hours'`);
    expect(audits.length).toBeGreaterThanOrEqual(4 + 4 + 1);
  });

  it('the public list shows only consenting people, with name and hours only, without login', async () => {
    const s = await setup();
    const { base, api } = s;
    for (const p of [s.somchai, s.malee]) {
      const res = await api.post(`${base}/volunteer-hours`, { personId: p.id, activityId: s.weir.id, date: '2026-10-20', hours: 5 });
      expect(res.statusCode, res.body).toBe(201);
      expect((await api.post(`${base}/volunteer-hours/${res.json().id}/confirm`)).statusCode).toBe(200);
    }
    // Somchai agrees to be listed (his own account); Malee has skills but did not agree
    const mine = await s.member.put(`${base}/people/${s.somchai.id}/profile`, { skills: ['irrigation_repair'], publicListConsent: true });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().publicListConsentDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await api.put(`${base}/people/${s.malee.id}/profile`, { skills: ['elderly_care'], publicListConsent: false });
    // the member cannot set someone else's profile
    expect((await s.member.put(`${base}/people/${s.malee.id}/profile`, { publicListConsent: true })).statusCode).toBe(403);

    const anonymous = client(t);
    const res = await anonymous.get(`/api/v1/public/${s.tenant.slug}/volunteers?fiscalYear=2570`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items).toEqual([{ rank: 1, name: 'นายสมชาย ใจอาสา', minutes: 300, hours: 5 }]);
    expect(res.body).not.toContain('มาลี');
    expect(res.body).not.toContain(s.somchai.id);
    // withdrawing consent removes him
    await s.member.put(`${base}/people/${s.somchai.id}/profile`, { publicListConsent: false });
    expect((await anonymous.get(`/api/v1/public/${s.tenant.slug}/volunteers?fiscalYear=2570`)).json().items).toEqual([]);
    expect((await anonymous.get(`/api/v1/public/no-such-tenant/volunteers`)).statusCode).toBe(404);
  });
});

describe('skills, teams and tasks', () => {
  it('teams span networks; tasks suggest helpers by skill, village and availability; members see their own page', async () => {
    const s = await setup();
    const { base, api } = s;
    await api.put(`${base}/people/${s.somchai.id}/profile`, {
      skills: ['irrigation_repair', 'first_aid'],
      freeSkills: ['ขับรถไถ'],
      availability: ['weekend'],
      village: 'บ้านป่าเป้า หมู่ 3',
    });
    await api.put(`${base}/people/${s.malee.id}/profile`, { skills: ['elderly_care', 'first_aid'], availability: ['weekday_day'], village: 'บ้านดอนไชย หมู่ 5' });
    expect((await api.put(`${base}/people/${s.malee.id}/profile`, { skills: ['juggling'] })).statusCode).toBe(400);

    const bad = await api.post(`${base}/teams`, { name: 'ทีมผิด', memberIds: [s.somchai.id, s.water.id] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toHaveProperty('memberIds.1');
    const created = await api.post(`${base}/teams`, {
      name: 'ทีมจิตอาสาน้ำและผู้สูงอายุ',
      purpose: 'ดูแลฝายและเยี่ยมผู้สูงอายุริมเหมือง',
      leadPartyId: s.waterLead.id,
      memberIds: [s.somchai.id, s.malee.id],
      activityIds: [s.weir.id, s.visits.id],
    });
    expect(created.statusCode, created.body).toBe(201);
    const team = created.json();
    expect(team.memberCount).toBe(3); // the lead is a member
    expect(team.networks.map((n: { id: string }) => n.id).sort()).toEqual([s.water.id, s.elderly.id].sort());
    expect(team.pillars).toEqual({ people: 2, locality: 1 });
    const malee = team.members.find((m: { id: string }) => m.id === s.malee.id);
    expect(malee.networks).toEqual([{ id: s.elderly.id, name: 'เครือข่ายผู้สูงอายุ', pillar: 'people', role: 'member' }]);
    expect((await api.get(`${base}/teams?networkId=${s.elderly.id}`)).json().items.map((x: { id: string }) => x.id)).toContain(team.id);

    const task = (
      await api.post(`${base}/tasks`, {
        activityId: s.weir.id,
        title: 'ซ่อมประตูระบายน้ำหน้าฝาย',
        teamId: team.id,
        dueDate: '2026-12-15',
        neededSkills: ['irrigation_repair'],
        village: 'บ้านป่าเป้า หมู่ 3',
        when: 'weekend',
      })
    ).json();
    expect(task).toMatchObject({ status: 'open', team: { id: team.id }, activity: { id: s.weir.id } });
    const helpers = (await api.get(`${base}/tasks/${task.id}/helpers`)).json();
    expect(helpers.items[0]).toMatchObject({ party: { id: s.somchai.id }, matchedSkills: ['irrigation_repair'], sameVillage: true, available: true, score: 6 });
    expect(helpers.items.map((h: { party: { id: string } }) => h.party.id)).not.toContain(s.malee.id);
    const firstAid = (await api.get(`${base}/people/helpers?skills=first_aid&skills=elderly_care&village=${encodeURIComponent('บ้านดอนไชย หมู่ 5')}`)).json();
    expect(firstAid.items.map((h: { party: { id: string }; score: number }) => [h.party.id, h.score])).toEqual([
      [s.malee.id, 8],
      [s.somchai.id, 3],
    ]);
    expect((await api.post(`${base}/tasks`, { activityId: s.weir.id, title: 'x', teamId: s.water.id })).statusCode).toBe(400);
    expect((await s.member.post(`${base}/tasks`, { activityId: s.weir.id, title: 'สมาชิกสร้างงาน' })).statusCode).toBe(403);

    // hours on the task count for the team
    const h = (await s.member.post(`${base}/volunteer-hours`, { taskId: task.id, date: '2026-10-25', hours: 2 })).json();
    expect(h).toMatchObject({ activity: { id: s.weir.id }, task: { id: task.id } });
    await s.waterCoordinator.post(`${base}/volunteer-hours/${h.id}/confirm`);
    expect((await api.get(`${base}/teams/${team.id}`)).json().confirmedMinutes).toBe(120);
    expect((await api.get(`${base}/volunteer-hours/totals?by=team`)).json().items).toEqual([
      { key: team.id, label: 'ทีมจิตอาสาน้ำและผู้สูงอายุ', minutes: 120, hours: 2, logs: 1, people: 1 },
    ]);

    // the member's own page
    const me = (await s.member.get(`${base}/me/manpower`)).json();
    expect(me.person.id).toBe(s.somchai.id);
    expect(me.networks.map((n: { id: string }) => n.id)).toEqual([s.water.id]);
    expect(me.teams.map((x: { id: string }) => x.id)).toEqual([team.id]);
    expect(me.tasks.map((x: { id: string }) => x.id)).toEqual([task.id]);
    expect(me.recentHours.map((x: { id: string }) => x.id)).toEqual([h.id]);
    expect(me.activities.map((x: { id: string }) => x.id)).toEqual(expect.arrayContaining([s.weir.id, s.visits.id]));
    // a member sees only their own hours in the list
    await api.post(`${base}/volunteer-hours`, { personId: s.malee.id, activityId: s.visits.id, date: '2026-10-25', hours: 1 });
    expect((await s.member.get(`${base}/volunteer-hours`)).json().items.map((x: { id: string }) => x.id)).toEqual([h.id]);
    // an account without a linked person gets an empty page and cannot log
    const loose = await createUser(t, { tenantId: s.tenant.id, role: 'member' });
    const looseApi = await login(t, loose.email, loose.password);
    expect((await looseApi.get(`${base}/me/manpower`)).json().person).toBeNull();
    const refused = await looseApi.post(`${base}/volunteer-hours`, { activityId: s.weir.id, date: '2026-10-25', hours: 1 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields.personId).toMatch(/เชื่อม/);
  });

  it('links an account to a registry person only within the tenant', async () => {
    const s = await setup();
    const other = await tenantWithUser(t, 'admin');
    const stranger = (await other.api.post(`${other.base}/partners`, { kind: 'person', name: 'คนต่างถิ่น', sector: 'civil_society' })).json();
    const users = (await s.api.get(`${s.base}/users?q=member`)).json().items;
    const res = await s.api.patch(`${s.base}/users/${users[0].id}`, { partyId: stranger.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toHaveProperty('partyId');
    const ok = await s.api.patch(`${s.base}/users/${users[0].id}`, { partyId: s.malee.id });
    expect(ok.json().partyId).toBe(s.malee.id);
    expect((await s.member.get(`${s.base}/me/manpower`)).json().person.id).toBe(s.malee.id);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const p of [
      '/api/v1/t/{tenant}/teams',
      '/api/v1/t/{tenant}/teams/{id}',
      '/api/v1/t/{tenant}/tasks',
      '/api/v1/t/{tenant}/tasks/{id}/helpers',
      '/api/v1/t/{tenant}/volunteer-hours',
      '/api/v1/t/{tenant}/volunteer-hours/{id}/confirm',
      '/api/v1/t/{tenant}/volunteer-hours/totals',
      '/api/v1/t/{tenant}/volunteer-hours/certificate',
      '/api/v1/t/{tenant}/people/{id}/profile',
      '/api/v1/t/{tenant}/me/manpower',
      '/api/v1/public/{tenant}/volunteers',
    ])
      expect(doc.paths, p).toHaveProperty([p]);
    const body = doc.paths['/api/v1/t/{tenant}/volunteer-hours'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties).sort()).toEqual(['activityId', 'date', 'hours', 'note', 'personId', 'taskId']);
  });

  it('row-level security is on for every manpower table', async () => {
    const tables = ['person_profiles', 'teams', 'team_members', 'team_activities', 'tasks', 'volunteer_hours'];
    await expectTenantIsolation(t, tables);
  });
});
