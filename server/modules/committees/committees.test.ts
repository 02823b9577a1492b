import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/sql';
import { buildTestApp, createUser, login, tenantWithUser, type Client, type TestApp } from '../../test/harness';
import { expectNoRowsWithoutTenant, expectTenantIsolation } from '../../test/tenant-isolation';
import { MESSAGES } from '../../platform/messages';
import { extractText } from '../knowledge/extract-text';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

/** Field messages back to their keys (the API words them in the caller's language). */
const keysOf = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, Object.keys(MESSAGES).find((key) => MESSAGES[key].th === v) ?? v]));
const fieldsOf = (res: { json(): { error: { fields: Record<string, string> } } }) => keysOf(res.json().error.fields);

/** A logged-in client with PUT as well. */
const withPut = (api: Client) =>
  Object.assign(api, {
    put: (url: string, body: unknown) =>
      t.app.inject({ method: 'PUT', url, payload: body as never, headers: { cookie: api.cookie, origin: 'http://localhost', host: 'localhost' } }),
  });

/** yyyy-mm-dd, `days` from today (negative = past). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function ok(res: Promise<{ statusCode: number; body: string; json(): unknown }>, status = 200) {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return r.json() as never;
}

/** A tenant with five people and a steering committee; `api` acts with the given role. */
async function setup(role: 'officer' | 'coordinator' = 'officer') {
  const ctx = await tenantWithUser(t, 'officer');
  const { base, api } = ctx;
  const person = (name: string) =>
    ok(api.post(`${base}/partners`, { kind: 'person', name, sector: 'civil_society' }), 201) as Promise<{ id: string; name: string }>;
  const people = [];
  for (const n of ['นายสมชาย ใจดี', 'นางมาลี ศรีสุข', 'นายบุญมา คำแก้ว', 'นางสาวจันทร์เพ็ญ ปัญญา', 'นายทองดี มีสุข']) people.push(await person(n));
  const net = (await ok(api.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', pillar: 'locality' }), 201)) as { id: string };
  const committee = (await ok(
    api.post(`${base}/committees`, {
      name: 'คณะกรรมการขับเคลื่อนการบริหารจัดการน้ำฝายพญาคำ',
      orderNumber: '123/2567',
      orderDate: '2024-01-15',
      networkIds: [net.id],
    }),
    201,
  )) as { id: string; networks: { id: string }[] };
  let actor: Client = api;
  if (role === 'coordinator') {
    const u = await createUser(t, { tenantId: ctx.tenant.id, role });
    actor = await login(t, u.email, u.password);
  }
  return { ...ctx, api: withPut(api), actor, people, net, committee };
}

type Setup = Awaited<ReturnType<typeof setup>>;

/** Appoint the five people: the last one's term ended last year, and one more starts next year. */
async function appoint(s: Setup) {
  const positions = ['chair', 'vice_chair', 'member', 'member_secretary', 'member'];
  const members = [];
  for (const [i, p] of s.people.entries()) {
    members.push(
      (await ok(
        s.api.post(`${s.base}/committees/${s.committee.id}/members`, {
          partyId: p.id,
          position: positions[i],
          startDate: day(-3 * 365),
          endDate: i === 4 ? day(-365) : null,
          orderNumber: '123/2567',
        }),
        201,
      )) as { id: string; inOffice: boolean },
    );
  }
  return members;
}

async function meeting(s: Setup, date: string, startTime = '09:30') {
  return (await ok(
    s.api.post(`${s.base}/meetings`, {
      committeeId: s.committee.id,
      meetingDate: date,
      startTime,
      endTime: startTime < '12:00' ? '12:00' : null,
      place: 'ห้องประชุมเทศบาลตำบลชมภู',
    }),
    201,
  )) as {
    id: string;
    number: number;
    yearBE: number;
    agenda: { id: string; section: number; title: string }[];
  };
}

describe('committees', () => {
  it('keeps members with positions and terms, refuses an overlapping term, and serves networks', async () => {
    const s = await setup();
    const members = await appoint(s);
    expect(members.map((m) => m.inOffice)).toEqual([true, true, true, true, false]);
    expect(s.committee.networks.map((n) => n.id)).toEqual([s.net.id]);
    const overlap = await s.api.post(`${s.base}/committees/${s.committee.id}/members`, { partyId: s.people[0].id, position: 'member', startDate: day(-30) });
    expect(overlap.statusCode).toBe(409);
    expect(fieldsOf(overlap)).toEqual({ startDate: 'overlapping_term' });
    // a new term for the member whose term ended is fine
    await ok(
      s.api.post(`${s.base}/committees/${s.committee.id}/members`, { partyId: s.people[4].id, position: 'assistant_secretary', startDate: day(-10) }),
      201,
    );
    const detail = (await ok(s.api.get(`${s.base}/committees/${s.committee.id}`))) as {
      membersInOffice: number;
      members: { position: string }[];
      orderNumber: string;
    };
    expect(detail.membersInOffice).toBe(5);
    expect(detail.orderNumber).toBe('123/2567');
    expect(detail.members[0].position).toBe('chair');
    // members may read, only officers appoint
    const list = (await ok(s.api.get(`${s.base}/committees`))) as { total: number };
    expect(list.total).toBe(1);
    const coord = await setup('coordinator');
    expect((await coord.actor.post(`${coord.base}/committees`, { name: 'x' })).statusCode).toBe(403);
  });

  it('numbers meetings per committee and B.E. year by date, whatever the order they were entered', async () => {
    const s = await setup();
    const march = await meeting(s, '2025-03-01');
    const jan = await meeting(s, '2025-01-10');
    const next = await meeting(s, '2026-02-01');
    const sameDayLater = await meeting(s, '2025-03-01', '13:30');
    const get = async (id: string) => (await ok(s.api.get(`${s.base}/meetings/${id}`))) as { number: number; yearBE: number };
    expect(await get(jan.id)).toMatchObject({ number: 1, yearBE: 2568 });
    expect(await get(march.id)).toMatchObject({ number: 2, yearBE: 2568 });
    expect(await get(sameDayLater.id)).toMatchObject({ number: 3, yearBE: 2568 });
    expect(await get(next.id)).toMatchObject({ number: 1, yearBE: 2569 });
    // the standard agenda: item 1, and item 2 naming the meeting before it when it was scheduled (2/2568 then)
    expect(next.agenda.map((a) => [a.section, a.title])).toEqual([
      [1, 'เรื่องที่ประธานแจ้งให้ที่ประชุมทราบ'],
      [2, 'รับรองรายงานการประชุมคณะกรรมการขับเคลื่อนการบริหารจัดการน้ำฝายพญาคำ ครั้งที่ 2/2568'],
    ]);
    const invalid = await s.api.post(`${s.base}/meetings`, { committeeId: s.committee.id, meetingDate: '2025-13-01', startTime: '25:00', place: '' });
    expect(invalid.statusCode).toBe(400);
    expect(Object.keys(invalid.json().error.fields).sort()).toEqual(['meetingDate', 'place', 'startTime']);
  });

  it('computes the quorum from the members in office on the meeting date, counting substitutes', async () => {
    const s = await setup();
    const members = await appoint(s);
    const m = await meeting(s, day(-7));
    let d = (await ok(s.api.get(`${s.base}/meetings/${m.id}`))) as { attendance: { memberId: string }[]; quorum: unknown };
    // four in office (the fifth's term ended): more than half = 3
    expect(d.attendance.map((a) => a.memberId)).toEqual(members.slice(0, 4).map((x) => x.id));
    expect(d.quorum).toEqual({ inOffice: 4, present: 0, required: 3, met: false });
    const bad = await s.api.put(`${s.base}/meetings/${m.id}/attendance`, {
      entries: [
        { memberId: members[4].id, status: 'present' },
        { memberId: members[0].id, status: 'substitute' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad)).toEqual({ 'entries.0.memberId': 'not_in_office', 'entries.1.substituteName': 'substitute_name_required' });
    await ok(
      s.api.put(`${s.base}/meetings/${m.id}/attendance`, {
        entries: [
          { memberId: members[0].id, status: 'present' },
          { memberId: members[1].id, status: 'leave' },
          { memberId: members[2].id, status: 'absent' },
        ],
      }),
    );
    // no quorum: no resolution
    const early = await s.api.post(`${s.base}/meetings/${m.id}/resolutions`, { text: 'รับทราบ', votesFor: 1 });
    expect(fieldsOf(early)).toEqual({ votesFor: 'no_quorum' });
    d = (await ok(
      s.api.put(`${s.base}/meetings/${m.id}/attendance`, {
        entries: [
          { memberId: members[2].id, status: 'substitute', substituteName: 'นายประเสริฐ แทนคำ' },
          { memberId: members[3].id, status: 'present' },
        ],
      }),
    )) as never;
    expect(d.quorum).toEqual({ inOffice: 4, present: 3, required: 3, met: true });
    // a committee with its own rule: two thirds of 4 = 3 (rounded up)
    await ok(s.api.patch(`${s.base}/committees/${s.committee.id}`, { quorumPercent: 75 }));
    d = (await ok(s.api.get(`${s.base}/meetings/${m.id}`))) as never;
    expect(d.quorum).toEqual({ inOffice: 4, present: 3, required: 3, met: true });
    // vote arithmetic: at most those present
    const tooMany = await s.api.post(`${s.base}/meetings/${m.id}/resolutions`, { text: 'เห็นชอบ', votesFor: 2, votesAgainst: 1, votesAbstain: 1 });
    expect(fieldsOf(tooMany)).toEqual({ votesFor: 'votes_exceed_present' });
    const passed = (await ok(s.api.post(`${s.base}/meetings/${m.id}/resolutions`, { text: 'เห็นชอบ', votesFor: 2, votesAgainst: 0, votesAbstain: 1 }))) as {
      resolutions: { number: number; passed: boolean }[];
    };
    expect(passed.resolutions).toMatchObject([{ number: 1, passed: true }]);
    // a future meeting cannot resolve
    const future = await meeting(s, day(30));
    expect(fieldsOf(await s.api.post(`${s.base}/meetings/${future.id}/resolutions`, { text: 'x', votesFor: 1 }))).toEqual({ text: 'meeting_not_held' });
  });

  it('certifies draft minutes only at a later meeting, with corrections, and freezes them', async () => {
    const s = await setup();
    const members = await appoint(s);
    const first = await meeting(s, day(-60));
    const second = await meeting(s, day(-30));
    const item = first.agenda[0];
    // nothing to certify before a draft exists
    expect(fieldsOf(await s.api.post(`${s.base}/meetings/${second.id}/certify-minutes`, { minutesOfMeetingId: first.id }))).toEqual({
      minutesOfMeetingId: 'no_draft_minutes',
    });
    const drafted = (await ok(
      s.api.put(`${s.base}/meetings/${first.id}/minutes`, {
        recorder: 'นางสาวจันทร์เพ็ญ ปัญญา',
        checker: 'นายสมชาย ใจดี',
        items: [{ id: item.id, discussion: 'ประธานแจ้งกำหนดการซ่อมฝาย' }],
      }),
    )) as { minutesStatus: string; agenda: { discussion: string | null }[] };
    expect(drafted.minutesStatus).toBe('draft');
    expect(drafted.agenda[0].discussion).toBe('ประธานแจ้งกำหนดการซ่อมฝาย');
    // not at the same meeting, not at an earlier one
    expect(fieldsOf(await s.api.post(`${s.base}/meetings/${first.id}/certify-minutes`, { minutesOfMeetingId: first.id }))).toEqual({
      minutesOfMeetingId: 'certify_later_meeting',
    });
    await ok(s.api.put(`${s.base}/meetings/${second.id}/minutes`, { items: [] }));
    expect(fieldsOf(await s.api.post(`${s.base}/meetings/${first.id}/certify-minutes`, { minutesOfMeetingId: second.id }))).toEqual({
      minutesOfMeetingId: 'certify_later_meeting',
    });
    const secondView = (await ok(s.api.get(`${s.base}/meetings/${second.id}`))) as { minutesToCertify: { id: string }[] };
    expect(secondView.minutesToCertify.map((x) => x.id)).toEqual([first.id]);
    const certified = (await ok(
      s.api.post(`${s.base}/meetings/${second.id}/certify-minutes`, { minutesOfMeetingId: first.id, corrections: 'หน้า 2 บรรทัด 5 แก้ "ฝายแม้ว" เป็น "ฝายพญาคำ"' }),
    )) as { certified: { id: string; corrections: string }[] };
    expect(certified.certified).toMatchObject([{ id: first.id, corrections: 'หน้า 2 บรรทัด 5 แก้ "ฝายแม้ว" เป็น "ฝายพญาคำ"' }]);
    const firstView = (await ok(s.api.get(`${s.base}/meetings/${first.id}`))) as { minutesStatus: string; certifiedBy: { id: string; number: number } };
    expect(firstView).toMatchObject({ minutesStatus: 'certified', certifiedBy: { id: second.id } });
    // frozen: minutes, agenda, attendance; certifying twice is refused; the certifier cannot move before it
    expect((await s.api.put(`${s.base}/meetings/${first.id}/minutes`, { items: [] })).statusCode).toBe(409);
    expect((await s.api.post(`${s.base}/meetings/${first.id}/agenda`, { section: 5, title: 'x' })).statusCode).toBe(409);
    expect((await s.api.put(`${s.base}/meetings/${first.id}/attendance`, { entries: [{ memberId: members[0].id, status: 'present' }] })).statusCode).toBe(409);
    expect((await s.api.post(`${s.base}/meetings/${second.id}/certify-minutes`, { minutesOfMeetingId: first.id })).statusCode).toBe(409);
    expect(fieldsOf(await s.api.patch(`${s.base}/meetings/${second.id}`, { meetingDate: day(-90) }))).toEqual({ meetingDate: 'certification_order' });
    // the audit log has the certification
    const [logged] = await rows<{ c: number }>(
      t.database.db,
      sql`select count(*)::int as c from audit_log where entity = 'meeting_minutes' and entity_id = ${first.id}`,
    );
    expect(logged.c).toBe(2);
  });

  it('serves the invitation as .ics and the minutes as a Thai PDF', async () => {
    const s = await setup();
    const members = await appoint(s);
    const m = await meeting(s, day(-3));
    await ok(s.api.post(`${s.base}/meetings/${m.id}/agenda`, { section: 4, title: 'พิจารณาแผนซ่อมแซมฝายพญาคำ, ปี 2569; งบประมาณ' }));
    await ok(s.api.put(`${s.base}/meetings/${m.id}/attendance`, { entries: members.slice(0, 4).map((x) => ({ memberId: x.id, status: 'present' })) }));
    await ok(s.api.post(`${s.base}/meetings/${m.id}/resolutions`, { text: 'เห็นชอบแผนซ่อมแซมฝาย', votesFor: 4 }));
    const ics = await s.api.get(`${s.base}/meetings/${m.id}/invitation.ics`);
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    const unfolded = ics.body.replace(/\r\n /g, '');
    expect(unfolded).toContain(`DTSTART;TZID=Asia/Bangkok:${m.agenda.length ? day(-3).replaceAll('-', '') : ''}T093000`);
    expect(unfolded).toContain('4.1 พิจารณาแผนซ่อมแซมฝายพญาคำ\\, ปี 2569\\; งบประมาณ');
    expect(unfolded).toContain(`SUMMARY:การประชุมคณะกรรมการขับเคลื่อนการบริหารจัดการน้ำฝายพญาคำ ครั้งที่ ${m.number}/${m.yearBE}`);

    const pdf = await s.api.get(`${s.base}/meetings/${m.id}/minutes.pdf?thaiDigits=true`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = (await extractText('pdf', pdf.rawPayload)).text!.replace(/\s+/g, '');
    expect(text).toContain('รายงานการประชุม');
    expect(text).toContain('ระเบียบวาระที่๔');
    expect(text).toContain('ผู้จดรายงานการประชุม');
    expect(text).toContain('เห็นด้วย๔เสียง');
  });
});

describe('resolutions that act', () => {
  async function heldMeeting(s: Setup, daysAgo = 5) {
    const members = await appoint(s);
    const m = await meeting(s, day(-daysAgo));
    await ok(s.api.put(`${s.base}/meetings/${m.id}/attendance`, { entries: members.slice(0, 4).map((x) => ({ memberId: x.id, status: 'present' })) }));
    return m;
  }

  it('adopts a plan: the plan records it, a second adoption and deleting it are refused, a new resolution revokes it', async () => {
    const s = await setup();
    const m = await heldMeeting(s);
    const plan = (await ok(s.api.post(`${s.base}/plans`, { name: 'แผนปฏิบัติการร่วมฝายพญาคำ ปี 2569', fiscalYear: 2569, networkIds: [s.net.id] }), 201)) as {
      id: string;
    };
    const notPassed = await s.api.post(`${s.base}/meetings/${m.id}/resolutions`, {
      text: 'ไม่เห็นชอบ',
      votesFor: 1,
      votesAgainst: 2,
      action: 'adopt_plan',
      planId: plan.id,
    });
    expect(fieldsOf(notPassed)).toEqual({ votesFor: 'not_passed' });
    const adopted = (await ok(
      s.api.post(`${s.base}/meetings/${m.id}/resolutions`, {
        text: 'เห็นชอบแผนปฏิบัติการร่วม',
        votesFor: 3,
        votesAbstain: 1,
        action: 'adopt_plan',
        planId: plan.id,
      }),
    )) as { resolutions: { id: string; target: { kind: string; id: string; name: string } }[] };
    const r1 = adopted.resolutions[0];
    expect(r1.target).toEqual({ kind: 'plan', id: plan.id, name: 'แผนปฏิบัติการร่วมฝายพญาคำ ปี 2569' });
    const side = (await ok(s.api.get(`${s.base}/resolutions/adoption?planId=${plan.id}`))) as { adoptedBy: { id: string; label: string } | null };
    expect(side.adoptedBy).toMatchObject({ id: r1.id, label: `มติคณะกรรมการขับเคลื่อนการบริหารจัดการน้ำฝายพญาคำ ครั้งที่ ${m.number}/${m.yearBE} ข้อ 1` });
    const [col] = await rows<{ r: string }>(t.database.db, sql`select adopted_by_resolution_id as r from plans where id = ${plan.id}`);
    expect(col.r).toBe(r1.id);
    const again = await s.api.post(`${s.base}/meetings/${m.id}/resolutions`, { text: 'ซ้ำ', votesFor: 4, action: 'adopt_plan', planId: plan.id });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual({ planId: 'already_adopted' });
    expect(fieldsOf(await s.api.delete(`${s.base}/resolutions/${r1.id}`))).toEqual({ id: 'resolution_acted' });
    // a coordinator records meetings but cannot make a resolution act
    const coordUser = await createUser(t, { tenantId: s.tenant.id, role: 'coordinator' });
    const coord = await login(t, coordUser.email, coordUser.password);
    expect(
      (await coord.post(`${s.base}/meetings/${m.id}/resolutions`, { text: 'ยกเลิก', votesFor: 4, action: 'revoke', revokesResolutionId: r1.id })).statusCode,
    ).toBe(403);
    // undo: a new resolution at a later meeting
    const later = await meeting(s, day(-1));
    const members = (await ok(s.api.get(`${s.base}/meetings/${later.id}`))) as { attendance: { memberId: string }[] };
    await ok(s.api.put(`${s.base}/meetings/${later.id}/attendance`, { entries: members.attendance.map((a) => ({ memberId: a.memberId, status: 'present' })) }));
    const revoked = (await ok(
      s.api.post(`${s.base}/meetings/${later.id}/resolutions`, {
        text: 'ยกเลิกมติเห็นชอบแผน เพื่อปรับปรุงแผนใหม่',
        votesFor: 4,
        action: 'revoke',
        revokesResolutionId: r1.id,
      }),
    )) as { resolutions: { id: string; target: { kind: string } }[] };
    expect(revoked.resolutions[0].target.kind).toBe('resolution');
    const after = (await ok(s.api.get(`${s.base}/resolutions/adoption?planId=${plan.id}`))) as {
      adoptedBy: unknown;
      history: { id: string; action: string }[];
    };
    expect(after.adoptedBy).toBeNull();
    expect(after.history.map((h) => h.action)).toEqual(['adopt_plan', 'revoke']);
    const first = (await ok(s.api.get(`${s.base}/meetings/${m.id}`))) as { resolutions: { id: string; revokedBy: { id: string } | null }[] };
    expect(first.resolutions.find((r) => r.id === r1.id)!.revokedBy!.id).toBe(revoked.resolutions[0].id);
    expect(
      (await s.api.post(`${s.base}/meetings/${later.id}/resolutions`, { text: 'ซ้ำ', votesFor: 4, action: 'revoke', revokesResolutionId: r1.id })).statusCode,
    ).toBe(409);
    // and the plan can be adopted again
    await ok(s.api.post(`${s.base}/meetings/${later.id}/resolutions`, { text: 'เห็นชอบแผนที่ปรับปรุงแล้ว', votesFor: 4, action: 'adopt_plan', planId: plan.id }));
  });

  it('approves a budget line, leaving the ledger alone', async () => {
    const s = await setup();
    const m = await heldMeeting(s);
    const plan = (await ok(s.api.post(`${s.base}/plans`, { name: 'แผนฝาย', fiscalYear: 2569, networkIds: [s.net.id] }), 201)) as { id: string };
    const line = (await ok(s.api.post(`${s.base}/budget/lines`, { planId: plan.id, name: 'ค่าวัสดุซ่อมฝาย', allocatedSatang: 5_000_000 }), 201)) as { id: string };
    await ok(
      s.api.post(`${s.base}/meetings/${m.id}/resolutions`, { text: 'อนุมัติงบประมาณค่าวัสดุ', votesFor: 4, action: 'approve_budget_line', budgetLineId: line.id }),
    );
    const side = (await ok(s.api.get(`${s.base}/resolutions/adoption?budgetLineId=${line.id}`))) as { adoptedBy: { text: string } };
    expect(side.adoptedBy.text).toBe('อนุมัติงบประมาณค่าวัสดุ');
    expect(
      fieldsOf(await s.api.post(`${s.base}/meetings/${m.id}/resolutions`, { text: 'ซ้ำ', votesFor: 4, action: 'approve_budget_line', budgetLineId: line.id })),
    ).toEqual({
      budgetLineId: 'already_approved',
    });
    const unknown = await s.api.post(`${s.base}/meetings/${m.id}/resolutions`, {
      text: 'x',
      votesFor: 4,
      action: 'approve_budget_line',
      budgetLineId: plan.id,
    });
    expect(fieldsOf(unknown)).toEqual({ budgetLineId: 'unknown_budget_line' });
  });

  it("puts an action item into its owner's tasks, linked back to the resolution", async () => {
    const s = await setup();
    const m = await heldMeeting(s);
    const plan = (await ok(s.api.post(`${s.base}/plans`, { name: 'แผนฝาย', fiscalYear: 2569, networkIds: [s.net.id] }), 201)) as { id: string };
    const project = (await ok(s.api.post(`${s.base}/plans/${plan.id}/projects`, { name: 'ซ่อมฝาย' }), 201)) as { id: string };
    const activity = (await ok(s.api.post(`${s.base}/plans/${plan.id}/projects/${project.id}/activities`, { name: 'ลงแขกซ่อมฝาย', budgetSatang: 0 }), 201)) as {
      id: string;
    };
    const withRes = (await ok(s.api.post(`${s.base}/meetings/${m.id}/resolutions`, { text: 'มอบหมายสำรวจความเสียหายของฝาย', votesFor: 4 }))) as {
      resolutions: { id: string }[];
    };
    const rid = withRes.resolutions[0].id;
    const bad = await s.api.post(`${s.base}/resolutions/${rid}/action-items`, {
      title: 'สำรวจฝาย',
      ownerPartyId: s.net.id,
      dueDate: day(14),
      activityId: plan.id,
    });
    expect(fieldsOf(bad)).toEqual({ ownerPartyId: 'unknown_person', activityId: 'unknown_activity' });
    const owner = s.people[2];
    const done = (await ok(
      s.api.post(`${s.base}/resolutions/${rid}/action-items`, {
        title: 'สำรวจความเสียหายของฝาย',
        ownerPartyId: owner.id,
        dueDate: day(14),
        activityId: activity.id,
      }),
    )) as {
      resolutions: { actionItems: { taskId: string; taskStatus: string; owner: { id: string } }[] }[];
    };
    const ai = done.resolutions[0].actionItems[0];
    expect(ai).toMatchObject({ taskStatus: 'open', owner: { id: owner.id } });
    const tasks = (await ok(s.api.get(`${s.base}/tasks?assigneePartyId=${owner.id}`))) as {
      items: { id: string; title: string; dueDate: string; description: string }[];
    };
    expect(tasks.items).toHaveLength(1);
    expect(tasks.items[0]).toMatchObject({ id: ai.taskId, title: 'สำรวจความเสียหายของฝาย', dueDate: day(14) });
    expect(tasks.items[0].description).toContain(`ครั้งที่ ${m.number}/${m.yearBE} ข้อ 1`);
    // a resolution with action items and no act can still be deleted before certification; its task stays
    await ok(s.api.delete(`${s.base}/resolutions/${rid}`));
    expect(((await ok(s.api.get(`${s.base}/tasks?assigneePartyId=${owner.id}`))) as { total: number }).total).toBe(1);
  });
});

describe('isolation', () => {
  const TABLES = [
    'committees',
    'committee_networks',
    'committee_members',
    'meetings',
    'meeting_agenda_items',
    'meeting_attendance',
    'resolutions',
    'resolution_action_items',
  ];

  it('has RLS forced on every committee table, and another tenant sees nothing', async () => {
    await expectTenantIsolation(t, TABLES);

    const s = await setup();
    const m = await meeting(s, day(-2));
    const b = await tenantWithUser(t, 'admin');
    expect((await b.api.get(`${b.base}/committees`)).json().total).toBe(0);
    expect((await b.api.get(`${b.base}/meetings`)).json().total).toBe(0);
    for (const url of [`/committees/${s.committee.id}`, `/meetings/${m.id}`, `/meetings/${m.id}/minutes.pdf`, `/meetings/${m.id}/invitation.ics`])
      expect((await b.api.get(`${b.base}${url}`)).statusCode, url).toBe(404);
    expect((await b.api.get(`${s.base}/committees/${s.committee.id}`)).statusCode).toBe(403);
    expect(fieldsOf(await b.api.post(`${b.base}/meetings`, { committeeId: s.committee.id, meetingDate: day(1), startTime: '09:00', place: 'x' }))).toEqual({
      committeeId: 'unknown_committee',
    });
    await expectNoRowsWithoutTenant(t, TABLES);
  });
});
