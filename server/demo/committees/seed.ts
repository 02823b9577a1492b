import { sql } from 'drizzle-orm';
import { SYSTEM_USER, type TenantContext, type TenantRef } from '../../platform/context';
import type { Db } from '../../platform/db';
import { tenantRows } from '../query';
import { addMember, createCommittee } from '../../modules/committees/committees.service';
import { addAgendaItem, certifyMinutes, createMeeting, saveMinutes, setAttendance } from '../../modules/committees/meetings.service';
import { createResolution } from '../../modules/committees/resolutions.service';
import { fiscalYearOf } from '../../../common/thai/dates';
import { Rng } from '../data/rng';

const q = tenantRows;

const DAY = 86_400_000;
/** A date `days` before (negative) or after today: the committee's record always ends near the present. */
const fromToday = (days: number) => new Date(Math.floor(Date.now() / DAY) * DAY + days * DAY).toISOString().slice(0, 10);

const POSITIONS = ['chair', 'vice_chair', 'member', 'member', 'member', 'member', 'member', 'member_secretary', 'assistant_secretary'] as const;

/**
 * The Phaya Kham weir steering committee of Chomphu: members from the water network (chair = its
 * coordinator), a meeting about every three months for three years up to last month, one scheduled in
 * two weeks; each meeting's attendance, agenda, minutes certified at the next one, and resolutions —
 * among them the adoption of each year's joint water plan. Written through the module's services (so
 * every rule holds and the audit log has it). Loaded once: a tenant with a committee is left alone.
 */
export async function seedCommittees(db: Db, tenant: TenantRef): Promise<{ meetings: number; resolutions: number } | null> {
  const ctx: TenantContext = { db, tenant, actor: { user: SYSTEM_USER, role: 'system' }, lang: 'th' };
  const tid = tenant.id;
  const [{ n }] = await q<{ n: number }>(db, tid, sql`select count(*)::int as n from committees where tenant_id = ${tid}`);
  if (n > 0) return null;
  const [net] = await q<{ id: string; coordinator: string | null }>(
    db,
    tid,
    sql`select id, coordinator_party_id as coordinator from networks where tenant_id = ${tid} and name like '%เหมืองฝายพญาคำ%' order by name limit 1`,
  );
  if (!net) return null;
  const people = await q<{ id: string }>(
    db,
    tid,
    sql`select p.id from network_members m join parties p on p.tenant_id = m.tenant_id and p.id = m.party_id
        where m.tenant_id = ${tid} and m.network_id = ${net.id} and p.kind = 'person' and m.end_date is null
        order by (p.id = ${net.coordinator}) desc, p.name collate "und-x-icu", p.id limit ${POSITIONS.length}`,
  );
  if (people.length < 5) return null;
  const rng = Rng.stream('committees');
  const start = fromToday(-3 * 365 - 30);
  const committee = await createCommittee(ctx, {
    name: 'คณะกรรมการขับเคลื่อนการบริหารจัดการน้ำเหมืองฝายพญาคำ',
    kind: 'steering',
    purpose: 'บูรณาการแผนปฏิบัติการร่วมของภาคีลุ่มน้ำเหมืองฝายพญาคำ ให้ความเห็นชอบแผนและงบประมาณ และติดตามผลการดำเนินงาน',
    orderNumber: `${rng.int(100, 400)}/${Number(start.slice(0, 4)) + 543}`,
    orderDate: start,
    quorumPercent: null,
    networkIds: [net.id],
  });
  const members = [];
  for (const [i, p] of people.entries()) {
    // one member left after a year and was replaced: the quorum counts who was in office on each date
    const leaves = i === 4 ? fromToday(-2 * 365) : null;
    members.push({
      ...(await addMember(ctx, committee.id, {
        partyId: p.id,
        position: POSITIONS[i],
        startDate: start,
        endDate: leaves,
        orderNumber: committee.orderNumber,
        orderDate: start,
      })),
      leaves,
    });
  }
  const plans = await q<{ id: string; fiscalYear: number }>(
    db,
    tid,
    sql`select p.id, p.fiscal_year as "fiscalYear" from plans p join plan_networks pn on pn.tenant_id = p.tenant_id and pn.plan_id = p.id
        where p.tenant_id = ${tid} and pn.network_id = ${net.id} order by p.fiscal_year`,
  );
  const planOfYear = new Map(plans.map((p) => [p.fiscalYear, p.id]));
  let previous: string | null = null;
  let resolutionCount = 0;
  const dates = Array.from({ length: 12 }, (_, k) => fromToday(-30 - (11 - k) * 91));
  for (const date of dates) {
    const m = await createMeeting(ctx, {
      committeeId: committee.id,
      meetingDate: date,
      startTime: '09:30',
      endTime: '12:00',
      place: 'ห้องประชุมเทศบาลตำบลชมภู',
      note: null,
      standardAgenda: true,
    });
    const topics = [
      { section: 3 as const, title: 'ติดตามผลการซ่อมแซมฝายและขุดลอกลำเหมือง' },
      { section: 4 as const, title: 'พิจารณาแผนปฏิบัติการร่วมและการแบ่งน้ำฤดูแล้ง' },
    ];
    let detail = m;
    for (const tpc of topics) detail = await addAgendaItem(ctx, m.id, { ...tpc, details: null });
    const entries = detail.attendance.map((a, i) => ({
      memberId: a.memberId,
      status: (i === 0 || rng.next() < 0.8 ? 'present' : rng.next() < 0.5 ? 'leave' : 'substitute') as 'present' | 'leave' | 'substitute',
      substituteName: null as string | null,
      note: null,
    }));
    for (const e of entries) if (e.status === 'substitute') e.substituteName = 'ผู้แทนกลุ่มผู้ใช้น้ำ';
    detail = await setAttendance(ctx, m.id, { entries });
    if (previous)
      detail = await certifyMinutes(ctx, m.id, {
        minutesOfMeetingId: previous,
        corrections: rng.next() < 0.3 ? 'แก้ไขชื่อลำเหมืองสาขาในระเบียบวาระที่ 3 ให้ถูกต้อง' : null,
      });
    const present = detail.quorum.present;
    const consider = detail.agenda.find((a) => a.section === 4)!;
    const followUp = detail.agenda.find((a) => a.section === 3)!;
    await createResolution(ctx, m.id, {
      agendaItemId: followUp.id,
      text: 'รับทราบผลการดำเนินงาน และมอบหมายฝ่ายเลขานุการติดตามต่อเนื่อง',
      votesFor: present,
      votesAgainst: 0,
      votesAbstain: 0,
      action: 'none',
    });
    resolutionCount++;
    // the plan of the coming fiscal year is adopted at the last meeting before it starts
    const fy = fiscalYearOf(date) + (date.slice(5) >= '07-01' ? 1 : 0);
    const planId = planOfYear.get(fy);
    const adopted = await q<{ a: string | null }>(
      db,
      tid,
      sql`select adopted_by_resolution_id as a from plans where tenant_id = ${tid} and id = ${planId ?? null}`,
    );
    if (planId && adopted[0] && !adopted[0].a && date.slice(5) >= '07-01') {
      const against = present > 4 ? 1 : 0;
      await createResolution(ctx, m.id, {
        agendaItemId: consider.id,
        text: `เห็นชอบแผนปฏิบัติการร่วมบริหารจัดการน้ำเหมืองฝายพญาคำ ปีงบประมาณ ${fy} และเสนอให้องค์กรปกครองส่วนท้องถิ่นในลุ่มน้ำบรรจุในแผนพัฒนาท้องถิ่น`,
        votesFor: present - against,
        votesAgainst: against,
        votesAbstain: 0,
        action: 'adopt_plan',
        planId,
      });
      resolutionCount++;
    }
    await saveMinutes(ctx, m.id, {
      recorder: 'นางสาวกนกวรรณ ศรีวิชัย',
      checker: 'นายวีระพงษ์ คำปัน',
      items: [
        { id: followUp.id, discussion: 'ฝ่ายเลขานุการรายงานความคืบหน้าการซ่อมแซมฝายและการขุดลอกลำเหมือง ที่ประชุมซักถามเรื่องกำหนดการลงแขก' },
        { id: consider.id, discussion: 'ที่ประชุมพิจารณาการแบ่งน้ำตามรอบเวรของลูกฝายแต่ละหมู่บ้าน' },
      ],
    });
    previous = m.id;
  }
  await createMeeting(ctx, {
    committeeId: committee.id,
    meetingDate: fromToday(14),
    startTime: '13:30',
    endTime: '16:00',
    place: 'ศาลาอเนกประสงค์บ้านหัวฝาย',
    note: null,
    standardAgenda: true,
  });
  return { meetings: dates.length + 1, resolutions: resolutionCount };
}
