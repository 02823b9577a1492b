import { sql } from 'drizzle-orm';
import type { Availability, Skill } from '../../../common/schemas/manpower';
import { fiscalYearOf } from '../../../common/thai/dates';
import { personProfiles, tasks, teamActivities, teamMembers, teams, volunteerHours } from '../../db/schema';
import { audit } from '../../platform/audit';
import { SYSTEM_USER, type TenantContext, type TenantRef } from '../../platform/context';
import { withTenant, type Db } from '../../platform/db';
import { rows } from '../../platform/sql';
import { BASE_AS_OF, type DemoClock } from '../clock';
import { Rng } from '../data/rng';
import { CHOMPHU_VILLAGES } from '../data/villages';

const q = rows;

/** The networks the demo teams draw from, and the skills their people tend to have. */
const NETWORKS = {
  water: { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', skills: ['irrigation_repair', 'construction', 'agriculture', 'facilitation'] as Skill[] },
  elderly: { name: 'เครือข่ายฟื้นฟูสมรรถภาพผู้สูงอายุ', skills: ['elderly_care', 'first_aid', 'cooking', 'traditional_medicine'] as Skill[] },
  haze: { name: 'เครือข่ายลดการเผาในที่โล่งและฝุ่นควัน PM2.5 ตำบลชมภู', skills: ['agriculture', 'media', 'first_aid', 'driving'] as Skill[] },
  waste: { name: 'เครือข่ายธนาคารขยะชุมชนตำบลชมภู', skills: ['accounting', 'local_crafts', 'teaching', 'media'] as Skill[] },
};
type NetKey = keyof typeof NETWORKS;
const GENERIC: Skill[] = ['accounting', 'facilitation', 'media', 'it', 'local_crafts', 'driving', 'cooking'];
const FREE_SKILLS = [
  'ขับรถไถเดินตาม',
  'จักสานไม้ไผ่',
  'ฟ้อนเล็บ',
  'ตีกลองสะบัดชัย',
  'ซ่อมเครื่องสูบน้ำ',
  'ทำปุ๋ยหมัก',
  'ถ่ายภาพด้วยโดรน',
  'นวดแผนไทย',
  'ทำอาหารพื้นเมือง',
  'ซ่อมรถจักรยานยนต์',
];
const AVAILABILITY: Availability[] = ['weekday_day', 'weekday_evening', 'weekend', 'on_call'];

const TEAMS: { name: string; purpose: string; networks: NetKey[]; lead: NetKey }[] = [
  {
    name: 'ทีมจิตอาสาดูแลฝายและผู้สูงอายุริมเหมือง',
    purpose: 'ลงแขกซ่อมฝายและลำเหมือง พร้อมแวะเยี่ยมผู้สูงอายุที่อยู่ลำพังริมลำเหมืองระหว่างทาง',
    networks: ['water', 'elderly'],
    lead: 'water',
  },
  {
    name: 'ทีมเฝ้าระวังไฟและฝุ่นควันภาคประชาชน',
    purpose: 'ทำแนวกันไฟ เฝ้าระวังการเผาในช่วงฤดูแล้ง และดูแลผู้สูงอายุกลุ่มเสี่ยงเมื่อค่าฝุ่นสูง',
    networks: ['haze', 'elderly', 'water'],
    lead: 'haze',
  },
  {
    name: 'ทีมเยี่ยมบ้านและส่งยาผู้สูงอายุติดบ้านติดเตียง',
    purpose: 'เยี่ยมบ้าน วัดความดัน ส่งยา และสอนญาติทำกายภาพบำบัดเบื้องต้น',
    networks: ['elderly', 'waste'],
    lead: 'elderly',
  },
  {
    name: 'ทีมสื่อสารชุมชนและบันทึกภาพกิจกรรมเครือข่าย',
    purpose: 'ถ่ายภาพ เขียนข่าว และทำสื่อให้ทุกเครือข่าย เพื่อให้ชาวบ้านรู้และมาร่วมกิจกรรม',
    networks: ['water', 'elderly', 'haze', 'waste'],
    lead: 'waste',
  },
];

/** Task templates by the network whose activity they belong to. */
const TASK_TEMPLATES: Record<NetKey, { title: string; skills: Skill[]; when: Availability }[]> = {
  water: [
    { title: 'สำรวจจุดรั่วของฝายและทำรายการวัสดุ', skills: ['irrigation_repair', 'construction'], when: 'weekend' },
    { title: 'ปฐมพยาบาลประจำจุดระหว่างลงแขก', skills: ['first_aid'], when: 'weekend' },
    { title: 'ทำบัญชีรับจ่ายกิจกรรมและสรุปค่าใช้จ่าย', skills: ['accounting'], when: 'weekday_evening' },
  ],
  elderly: [
    { title: 'จัดเวรเยี่ยมบ้านผู้สูงอายุที่อยู่ลำพัง', skills: ['elderly_care', 'facilitation'], when: 'weekday_day' },
    { title: 'ประกอบอาหารเลี้ยงผู้ร่วมกิจกรรม', skills: ['cooking'], when: 'weekend' },
    { title: 'วัดความดันและส่งยาผู้สูงอายุติดบ้าน', skills: ['elderly_care', 'first_aid'], when: 'weekday_day' },
  ],
  haze: [
    { title: 'ทำแนวกันไฟรอบป่าชุมชน', skills: ['agriculture', 'construction'], when: 'weekend' },
    { title: 'ถ่ายภาพและเขียนข่าวลงเพจเทศบาล', skills: ['media', 'it'], when: 'weekday_evening' },
    { title: 'ขับรถรับส่งอาสาสมัครไปจุดเฝ้าระวังไฟ', skills: ['driving'], when: 'on_call' },
  ],
  waste: [
    { title: 'สอนคัดแยกขยะให้นักเรียนและผู้ปกครอง', skills: ['teaching', 'facilitation'], when: 'weekday_day' },
    { title: 'ทำบัญชีธนาคารขยะประจำเดือน', skills: ['accounting'], when: 'weekday_evening' },
    { title: 'ทำของใช้จากวัสดุเหลือใช้ไปขายที่กาดชุมชน', skills: ['local_crafts'], when: 'weekend' },
  ],
};
const RETURN_REASONS = ['วันที่ไม่ตรงกับวันจัดกิจกรรม กรุณาตรวจสอบ', 'ชั่วโมงมากกว่าเวลากิจกรรมจริง กรุณาแก้ไข', 'ไม่พบชื่อในใบลงเวลา กรุณาแนบหลักฐาน'];

const iso = (d: Date) => d.toISOString().slice(0, 10);
const minIso = (a: string, b: string) => (a < b ? a : b);
const addDays = (s: string, n: number) => iso(new Date(Date.parse(`${s}T00:00:00Z`) + n * 86_400_000));

/**
 * Manpower demo for Chomphu: skills of the people in the water, elderly, haze and waste networks,
 * four teams spanning them, tasks on their plan activities, and a year of volunteer hours (mostly
 * confirmed, some pending, a few returned). Loaded once: a tenant with any team is left alone.
 */
export async function seedManpower(
  db: Db,
  tenant: TenantRef,
  clock: DemoClock,
): Promise<{ teams: number; tasks: number; hours: number; people: number } | null> {
  const ctx: TenantContext = { db, tenant, actor: { user: SYSTEM_USER, role: 'system' }, lang: 'th' };
  const tenantId = tenant.id;
  return withTenant(db, tenantId, async (tx) => {
    const [{ n }] = await q<{ n: number }>(tx, sql`select count(*)::int as n from teams where tenant_id = ${tenantId}`);
    if (n > 0) return null;
    const rng = Rng.stream('manpower');
    const nets = await q<{ id: string; name: string; coordinator: string | null }>(
      tx,
      sql`select id, name, coordinator_party_id as coordinator from networks where tenant_id = ${tenantId}`,
    );
    const netId = new Map<NetKey, { id: string; coordinator: string | null; name: string }>();
    for (const [key, spec] of Object.entries(NETWORKS) as [NetKey, (typeof NETWORKS)[NetKey]][]) {
      const found = nets.find((x) => x.name === spec.name);
      if (found) netId.set(key, found);
    }
    if (netId.size < 3) return null; // not the Chomphu dataset
    const ids = [...netId.values()].map((x) => x.id);
    const idList = sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const people = await q<{ networkId: string; id: string; name: string; moo: number | null }>(
      tx,
      sql`select distinct m.network_id as "networkId", p.id, p.name, p.moo
          from network_members m join parties p on p.tenant_id = m.tenant_id and p.id = m.party_id
          where m.tenant_id = ${tenantId} and p.kind = 'person' and m.network_id in (${idList}) and (m.end_date is null or m.end_date >= ${BASE_AS_OF})
          order by p.name, p.id`,
    );
    const activities = await q<{ id: string; name: string; networkId: string; fiscalYear: number; start: string | null; end: string | null }>(
      tx,
      sql`select a.id, a.name, pn.network_id as "networkId", pl.fiscal_year as "fiscalYear", a.start_date::text as start, a.end_date::text as "end"
          from plan_activities a join plans pl on pl.tenant_id = a.tenant_id and pl.id = a.plan_id
          join plan_networks pn on pn.tenant_id = pl.tenant_id and pn.plan_id = pl.id
          where a.tenant_id = ${tenantId} and pn.network_id in (${idList}) and pl.fiscal_year in (${clock.fy(2568)}, ${clock.fy(2569)}) and a.status <> 'cancelled'
          order by pl.fiscal_year, a.sort_order, a.name, a.id`,
    );
    if (!activities.length) return null;
    const keyOf = new Map([...netId.entries()].map(([k, v]) => [v.id, k]));

    // ---- skills ----
    const byPerson = new Map<string, { id: string; name: string; moo: number | null; nets: NetKey[] }>();
    for (const p of people) {
      const e = byPerson.get(p.id) ?? { id: p.id, name: p.name, moo: p.moo, nets: [] };
      e.nets.push(keyOf.get(p.networkId)!);
      byPerson.set(p.id, e);
    }
    const profileRows: (typeof personProfiles.$inferInsert)[] = [];
    for (const p of byPerson.values()) {
      const own = [...new Set(p.nets.flatMap((k) => rng.sample(NETWORKS[k].skills, rng.int(1, 2))))];
      if (rng.chance(0.4)) own.push(rng.pick(GENERIC));
      const village = p.moo ? CHOMPHU_VILLAGES.find((v) => v.moo === p.moo) : undefined;
      const consent = rng.chance(0.7);
      profileRows.push({
        tenantId,
        partyId: p.id,
        skills: [...new Set(own)],
        freeSkills: rng.chance(0.3) ? [rng.pick(FREE_SKILLS)] : [],
        availability: rng.sample(AVAILABILITY, rng.int(1, 2)),
        village: village ? `${village.name} หมู่ ${village.moo}` : null,
        publicListConsent: consent,
        publicListConsentDate: consent ? clock.date('2025-01-15') : null,
      });
    }
    if (profileRows.length) await tx.insert(personProfiles).values(profileRows);

    // ---- teams, members, linked activities ----
    const peopleOf = (k: NetKey) => [...byPerson.values()].filter((p) => p.nets.includes(k));
    const actsOf = (k: NetKey, fy: number) => activities.filter((a) => a.networkId === netId.get(k)?.id && a.fiscalYear === fy);
    const teamRows: { id: string; members: string[]; activities: typeof activities; networks: NetKey[] }[] = [];
    for (const spec of TEAMS) {
      const nk = spec.networks.filter((k) => netId.has(k));
      if (nk.length < 2) continue;
      const lead = netId.get(spec.lead)?.coordinator ?? peopleOf(spec.lead)[0]?.id ?? null;
      const members = new Set<string>(lead ? [lead] : []);
      for (const k of nk) for (const p of rng.sample(peopleOf(k), rng.int(3, 5))) members.add(p.id);
      const linked = [...new Map(nk.flatMap((k) => rng.sample(actsOf(k, clock.fy(2569)), 2)).map((a) => [a.id, a])).values()];
      const [row] = await tx.insert(teams).values({ tenantId, name: spec.name, purpose: spec.purpose, leadPartyId: lead }).returning({ id: teams.id });
      await tx.insert(teamMembers).values([...members].map((partyId) => ({ tenantId, teamId: row.id, partyId })));
      if (linked.length) await tx.insert(teamActivities).values(linked.map((a) => ({ tenantId, teamId: row.id, activityId: a.id })));
      teamRows.push({ id: row.id, members: [...members], activities: linked, networks: nk });
    }

    // ---- tasks ----
    const taskRows: (typeof tasks.$inferInsert)[] = [];
    teamRows.forEach((team, ti) => {
      team.activities.slice(0, 3).forEach((a, ai) => {
        const templates = TASK_TEMPLATES[keyOf.get(a.networkId)!];
        const tpl = templates[(ti + ai) % templates.length];
        const due = addDays(a.start ?? clock.date('2025-11-01'), rng.int(10, 60));
        const assignee = rng.chance(0.5) ? rng.pick(team.members) : null;
        const village = rng.pick(CHOMPHU_VILLAGES.filter((v) => v.moo > 0));
        taskRows.push({
          tenantId,
          activityId: a.id,
          title: tpl.title,
          description: `งานย่อยของกิจกรรม "${a.name}"`,
          teamId: team.id,
          assigneePartyId: assignee,
          dueDate: due,
          status: due < clock.date('2025-11-15') ? 'done' : due < clock.asOf ? 'in_progress' : 'open',
          neededSkills: tpl.skills,
          village: `${village.name} หมู่ ${village.moo}`,
          when: tpl.when,
        });
      });
    });
    const taskIds = taskRows.length
      ? await tx.insert(tasks).values(taskRows).returning({ id: tasks.id, activityId: tasks.activityId, teamId: tasks.teamId })
      : [];

    // ---- a year of hours (the calendar year before the demo's today: its last two fiscal years) ----
    const coordinatorName = new Map<string, string>();
    for (const v of netId.values()) {
      if (!v.coordinator) continue;
      const [c] = await q<{ name: string }>(tx, sql`select name from parties where tenant_id = ${tenantId} and id = ${v.coordinator}`);
      if (c) coordinatorName.set(v.id, c.name);
    }
    const hourRows: (typeof volunteerHours.$inferInsert)[] = [];
    const HOURS = [1, 1.5, 2, 2, 2.5, 3, 3, 4, 4, 5, 6];
    const teamOf = new Map<string, (typeof teamRows)[number]>();
    for (const t of teamRows) for (const m of t.members) if (!teamOf.has(m)) teamOf.set(m, t);
    for (const p of byPerson.values()) {
      const inTeam = teamOf.get(p.id);
      const count = inTeam ? rng.int(8, 16) : rng.chance(0.5) ? rng.int(1, 6) : 0;
      const days = new Set<string>();
      for (let i = 0; i < count; i++) days.add(addDays(clock.date('2025-01-01'), rng.int(0, 364)));
      for (const day of [...days].sort()) {
        if (day > clock.asOf) break; // nothing logged after today
        const fy = fiscalYearOf(day);
        const choices = p.nets.flatMap((k) => actsOf(k, fy));
        if (!choices.length) continue;
        const a = rng.pick(choices);
        const task = taskIds.find((x) => x.activityId === a.id && inTeam && x.teamId === inTeam.id);
        const roll = rng.next();
        const recent = day >= clock.date('2025-12-01');
        const status = recent ? (roll < 0.5 ? 'pending' : 'confirmed') : roll < 0.04 ? 'returned' : roll < 0.08 ? 'pending' : 'confirmed';
        const reviewed = status !== 'pending';
        const minutes = Math.round(rng.pick(HOURS) * 60);
        hourRows.push({
          tenantId,
          partyId: p.id,
          activityId: a.id,
          taskId: task?.id ?? null,
          workedOn: day,
          fiscalYear: fy,
          minutes,
          note: rng.chance(0.3) ? rng.pick(['ช่วยขนกระสอบทราย', 'ช่วยลงทะเบียนผู้ร่วมงาน', 'เยี่ยมบ้านผู้สูงอายุ 3 หลัง', 'ถ่ายภาพกิจกรรม', 'ช่วยทำอาหาร']) : null,
          status,
          returnReason: status === 'returned' ? rng.pick(RETURN_REASONS) : null,
          reviewedByName: reviewed ? (coordinatorName.get(a.networkId) ?? 'เจ้าหน้าที่เทศบาล') : null,
          reviewedAt: reviewed ? new Date(`${minIso(addDays(day, rng.int(1, 10)), clock.asOf)}T09:00:00+07:00`) : null,
        });
      }
    }
    for (let i = 0; i < hourRows.length; i += 500) await tx.insert(volunteerHours).values(hourRows.slice(i, i + 500));
    await audit(tx, ctx, {
      entity: 'tenant',
      entityId: tenantId,
      entityLabel: `${tenant.nameTh}: ข้อมูลตัวอย่างกำลังคน ${teamRows.length} ทีม ${taskRows.length} งาน ชั่วโมงจิตอาสา ${hourRows.length} รายการ`,
      action: 'create',
      after: { teams: teamRows.length, tasks: taskRows.length, hours: hourRows.length, profiles: profileRows.length },
    });
    return { teams: teamRows.length, tasks: taskRows.length, hours: hourRows.length, people: profileRows.length };
  });
}
