import { sql } from 'drizzle-orm';
import { budgetFunds, waterGroupMembers, waterRotas, waterRotaTurns, waterSources, waterUserGroups } from '../../db/schema';
import { fiscalYearOf } from '../../../common/thai/dates';
import { createIncident, levyFine, payFine, updateIncident } from '../../modules/water/incidents.service';
import { SYSTEM_USER, type TenantContext, type TenantRef } from '../../platform/context';
import { withTenant, type Db } from '../../platform/db';
import { tenantRows } from '../query';
import { rows, thaiOrder } from '../../platform/sql';
import { createResolution } from '../../modules/committees/resolutions.service';
import { adoptByVote, createDraft, createRegulation } from '../../modules/regulations/regulations.service';
import { generateRota } from '../../modules/water/rota';
import type { DemoClock } from '../clock';
import { seedWaterExtras } from './extras';
import { REGULATION_V1, REGULATION_V2 } from './regulation';

const q = tenantRows;

const DAY = 86_400_000;
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);

type Zone = 'upstream' | 'midstream' | 'downstream';
type Condition = 'good' | 'fair' | 'poor' | 'broken';
/** The side canals along the 25 km main canal, head to tail: where they branch, whose area, the state of their head gate. */
// prettier-ignore
const SIDE_CANALS: { name: string; at: number; zone: Zone; lg: string | null; gate: Condition; canal: Condition; village: string }[] = [
  { name: 'เหมืองซอยหนองผึ้ง', at: 2_500, zone: 'upstream', lg: 'เทศบาลตำบลหนองผึ้ง', gate: 'good', canal: 'good', village: 'หนองผึ้ง' },
  { name: 'เหมืองซอยไชยสถาน', at: 4_500, zone: 'upstream', lg: 'เทศบาลตำบลไชยสถาน', gate: 'fair', canal: 'good', village: 'ไชยสถาน' },
  { name: 'เหมืองซอยท่าวังตาล', at: 6_500, zone: 'upstream', lg: 'เทศบาลตำบลท่าวังตาล', gate: 'good', canal: 'fair', village: 'ท่าวังตาล' },
  { name: 'เหมืองซอยยางเนิ้ง', at: 9_000, zone: 'midstream', lg: 'เทศบาลตำบลยางเนิ้ง', gate: 'fair', canal: 'fair', village: 'ยางเนิ้ง' },
  { name: 'เหมืองซอยบ้านหัวฝาย', at: 13_000, zone: 'midstream', lg: null, gate: 'good', canal: 'good', village: 'บ้านหัวฝาย หมู่ 5' },
  { name: 'เหมืองซอยบ้านป่าเปา', at: 14_500, zone: 'midstream', lg: null, gate: 'poor', canal: 'fair', village: 'บ้านป่าเปา หมู่ 2' },
  { name: 'เหมืองซอยบ้านดอนชัย', at: 16_500, zone: 'downstream', lg: null, gate: 'fair', canal: 'poor', village: 'บ้านดอนชัย หมู่ 6' },
  { name: 'เหมืองซอยบ้านศรีบุญเรือง', at: 18_000, zone: 'downstream', lg: null, gate: 'broken', canal: 'poor', village: 'บ้านศรีบุญเรือง หมู่ 9' },
  { name: 'เหมืองซอยหนองแฝก', at: 22_000, zone: 'downstream', lg: 'เทศบาลตำบลหนองแฝก', gate: 'fair', canal: 'fair', village: 'หนองแฝก' },
];

/**
 * The water demo for Chomphu, loaded once: the water regulation in two versions (v1 by the subdistrict assembly three
 * years ago, v2 by the steering committee's last meeting), the Phaya Kham weir with its main canal, nine side canals,
 * gates, a pond, a well and a pump; a water-user group on each side canal (three zones, five local governments) with
 * registry people as members; last dry season's rota and the coming one's, both published. Bulk inserts.
 */
export async function seedWater(
  db: Db,
  tenant: TenantRef,
  clock: DemoClock,
): Promise<{ sources: number; groups: number; members: number; turns: number; incidents: number } | null> {
  const tid = tenant.id;
  const [{ n }] = await q<{ n: number }>(db, tid, sql`select count(*)::int as n from water_sources where tenant_id = ${tid}`);
  if (n > 0) return null;
  const ctx: TenantContext = { db, tenant, actor: { user: SYSTEM_USER, role: 'system' }, lang: 'th' };
  const today = clock.asOf;

  // ---- the regulation: v1 by the subdistrict assembly, v2 by the steering committee
  const [net] = await q<{ id: string }>(db, tid, sql`select id from networks where tenant_id = ${tid} and name = 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ' limit 1`);
  const reg = await createRegulation(ctx, { subject: 'น้ำ', networkId: net?.id ?? null, draft: REGULATION_V1 });
  await adoptByVote(ctx, reg.id, reg.versions[0].id, {
    votedOn: addDays(today, -3 * 365 + 40),
    votesFor: 214,
    votesAgainst: 6,
    votesAbstain: 11,
    note: 'ประชุมประชาคมตำบลชมภู ณ ศาลาอเนกประสงค์บ้านหัวฝาย ลูกฝายเข้าร่วม 231 คน',
  });
  const v2 = await createDraft(ctx, reg.id, REGULATION_V2);
  const [meeting] = await q<{ id: string; present: number }>(
    db,
    tid,
    sql`select m.id, (select count(*)::int from meeting_attendance a where a.tenant_id = m.tenant_id and a.meeting_id = m.id and a.status in ('present', 'substitute')) as present
        from meetings m join committees c on c.tenant_id = m.tenant_id and c.id = m.committee_id
        where m.tenant_id = ${tid} and c.name like '%เหมืองฝายพญาคำ%' and m.meeting_date <= ${today}::date and m.minutes_status <> 'certified'
        order by m.meeting_date desc limit 1`,
  );
  if (meeting && meeting.present > 0)
    await createResolution(ctx, meeting.id, {
      text: 'เห็นชอบกฎระเบียบการบริหารน้ำตำบลชมภู (ฉบับแก้ไข) ตามที่กลุ่มผู้ใช้น้ำเสนอ และให้ประกาศให้ลูกฝายทราบโดยทั่วกัน',
      votesFor: meeting.present,
      votesAgainst: 0,
      votesAbstain: 0,
      action: 'adopt_regulation_version',
      regulationVersionId: v2.id,
    });
  else await adoptByVote(ctx, reg.id, v2.id, { votedOn: addDays(today, -30), votesFor: 180, votesAgainst: 12, votesAbstain: 9, note: 'ประชุมประชาคมตำบลชมภู' });

  const made = await withTenant(db, tid, async (tx) => {
    const lgs = new Map(
      (await rows<{ id: string; name: string }>(tx, sql`select id, name from parties where tenant_id = ${tid} and org_type = 'local_government'`)).map((r) => [
        r.name,
        r.id,
      ]),
    );
    const src = (v: Omit<typeof waterSources.$inferInsert, 'tenantId'>) => ({ tenantId: tid, ...v });
    const [weir] = await tx
      .insert(waterSources)
      .values(
        src({
          kind: 'weir',
          name: 'ฝายพญาคำ',
          zone: 'upstream',
          condition: 'fair',
          lat: 18.7437,
          lon: 99.0034,
          localGovernmentPartyId: lgs.get('เทศบาลตำบลหนองผึ้ง') ?? null,
          note: 'ฝายทดน้ำบนแม่น้ำปิง สร้างด้วยไม้และหินแบบดั้งเดิม ปรับปรุงเป็นฝายคอนกรีตบางส่วน ซ่อมแซมทุกปีก่อนฤดูแล้ง',
        }),
      )
      .returning({ id: waterSources.id });
    const [main] = await tx
      .insert(waterSources)
      .values(
        src({
          kind: 'main_canal',
          name: 'เหมืองหลวงพญาคำ',
          parentId: weir.id,
          lengthM: 25_000,
          zone: 'upstream',
          condition: 'fair',
          lat: 18.741,
          lon: 99.006,
          note: 'ลำเหมืองหลวงรับน้ำจากฝายพญาคำ ไหลผ่านสารภีลงไปถึงลำพูน',
        }),
      )
      .returning({ id: waterSources.id });
    const lat = (at: number) => Math.round((18.74 - at * 0.0000036) * 10000) / 10000;
    const lon = (at: number) => Math.round((99.006 + at * 0.0000012) * 10000) / 10000;
    const sides = await tx
      .insert(waterSources)
      .values(
        SIDE_CANALS.map((s, i) =>
          src({
            kind: 'side_canal',
            name: s.name,
            parentId: main.id,
            chainageM: s.at,
            lengthM: 1_800 + ((i * 700) % 2_400),
            zone: s.zone,
            condition: s.canal,
            localGovernmentPartyId: s.lg ? (lgs.get(s.lg) ?? null) : null,
            lat: lat(s.at),
            lon: lon(s.at) + 0.004,
            note: `รับน้ำเข้านาและสวนลำไยของ${s.village}`,
          }),
        ),
      )
      .returning({ id: waterSources.id, name: waterSources.name });
    const sideId = new Map(sides.map((s) => [s.name, s.id]));
    const structures = [
      src({ kind: 'gate', name: 'ประตูระบายน้ำปากเหมืองหลวง', parentId: main.id, chainageM: 0, zone: 'upstream', condition: 'good', lat: 18.7425, lon: 99.0045 }),
      ...SIDE_CANALS.map((s) =>
        src({
          kind: 'gate',
          name: `ประตูน้ำปาก${s.name}`,
          parentId: main.id,
          chainageM: s.at,
          zone: s.zone,
          condition: s.gate,
          localGovernmentPartyId: s.lg ? (lgs.get(s.lg) ?? null) : null,
          lat: lat(s.at),
          lon: lon(s.at),
          note: s.gate === 'broken' ? 'บานประตูไม้ผุ ปิดน้ำไม่สนิท แจ้งกองช่างแล้ว' : null,
        }),
      ),
      src({
        kind: 'reservoir',
        name: 'หนองน้ำสาธารณะหนองเขียว',
        parentId: sideId.get('เหมืองซอยบ้านหัวฝาย')!,
        chainageM: 900,
        zone: 'midstream',
        condition: 'fair',
        lat: 18.695,
        lon: 99.03,
        note: 'แก้มลิงเก็บน้ำไว้ใช้ปลายฤดูแล้ง ต้องขุดลอกตะกอน',
      }),
      src({
        kind: 'pump',
        name: 'สถานีสูบน้ำด้วยไฟฟ้าบ้านป่าแงะ',
        parentId: main.id,
        chainageM: 20_000,
        zone: 'downstream',
        condition: 'good',
        lat: lat(20_000),
        lon: lon(20_000),
        note: 'สูบน้ำจากลำเหมืองหลวงช่วยพื้นที่ปลายน้ำเมื่อประกาศภาวะน้ำน้อย',
      }),
      src({
        kind: 'well',
        name: 'บ่อบาดาลบ้านศรีบุญเรือง',
        parentId: sideId.get('เหมืองซอยบ้านศรีบุญเรือง')!,
        chainageM: 1_200,
        zone: 'downstream',
        condition: 'poor',
        lat: lat(18_000) - 0.003,
        lon: lon(18_000) + 0.006,
        note: 'บ่อบาดาลสำรองของหมู่ 9 เครื่องสูบต้องซ่อม',
      }),
    ];
    await tx.insert(waterSources).values(structures);

    // ---- groups: one per side canal; members from the registry, the weir's leaders heading the Hua Fai group
    const groups = await tx
      .insert(waterUserGroups)
      .values(
        SIDE_CANALS.map((s) => ({
          tenantId: tid,
          name: `กลุ่มผู้ใช้น้ำ${s.name}`,
          sourceId: sideId.get(s.name)!,
          zone: s.zone,
          networkId: net?.id ?? null,
        })),
      )
      .returning({ id: waterUserGroups.id, name: waterUserGroups.name, sourceId: waterUserGroups.sourceId });
    const leaders = await rows<{ id: string }>(
      tx,
      sql`select id, name from parties where tenant_id = ${tid} and kind = 'person' and position like '%ฝาย%' order by position like 'แก่ฝาย%' desc, name`,
    );
    const leaderIds = new Set(leaders.map((l) => l.id));
    const people = (
      await rows<{ id: string }>(
        tx,
        sql`select id from parties where tenant_id = ${tid} and kind = 'person' order by ${thaiOrder(sql.raw('name'))}, id limit 400`,
      )
    ).filter((p) => !leaderIds.has(p.id));
    const members: (typeof waterGroupMembers.$inferInsert)[] = [];
    let next = 0;
    groups.forEach((g, gi) => {
      const size = 6 + ((gi * 5) % 6);
      const ids: string[] = [];
      if (SIDE_CANALS[gi].name === 'เหมืองซอยบ้านหัวฝาย') ids.push(...leaders.slice(0, 3).map((l) => l.id));
      while (ids.length < size && next < people.length) ids.push(people[next++].id);
      ids.forEach((partyId, k) => {
        // upstream plots are larger (longan orchards); downstream rice plots smaller; hundredths of a rai
        const rai = ((SIDE_CANALS[gi].zone === 'upstream' ? 600 : SIDE_CANALS[gi].zone === 'midstream' ? 450 : 300) + ((gi * 131 + k * 257) % 700)) / 100;
        members.push({
          tenantId: tid,
          groupId: g.id,
          partyId,
          role: k === 0 ? 'head' : k <= 2 ? 'officer' : 'member',
          plot: `ทุ่งนาริม${SIDE_CANALS[gi].name} แปลงที่ ${k + 1}`,
          irrigatedRai: rai.toFixed(2),
        });
      });
    });
    await tx.insert(waterGroupMembers).values(members);

    // ---- rotas: last dry season's and the coming one's (1 January – 30 April), downstream first, turns of 24 hours
    const year = Number(today.slice(0, 4));
    const coming = Number(today.slice(5, 7)) <= 4 ? year : year + 1;
    const area = new Map<string, number>();
    for (const m of members) area.set(m.groupId, (area.get(m.groupId) ?? 0) + Math.round(Number(m.irrigatedRai) * 100));
    const specGroups = groups.map((g, i) => ({ id: g.id, name: g.name, zone: SIDE_CANALS[i].zone, areaCentiRai: area.get(g.id) ?? 0 }));
    let turnCount = 0;
    for (const y of [coming - 1, coming]) {
      const spec = { startsOn: `${y}-01-01`, endsOn: `${y}-04-30`, turnHours: 24, rule: 'proportional' as const, order: 'downstream_first' as const };
      const out = generateRota({ ...spec, groups: specGroups });
      const [rota] = await tx
        .insert(waterRotas)
        .values({
          tenantId: tid,
          sourceId: weir.id,
          season: `ฤดูแล้ง ${y + 543}`,
          startsOn: spec.startsOn,
          endsOn: spec.endsOn,
          turnHours: spec.turnHours,
          rule: spec.rule,
          orderRule: spec.order,
          status: 'published',
          publishedAt: new Date(Math.min(Date.parse(`${y - 1}-11-20T09:00:00+07:00`), Date.now())),
        })
        .returning({ id: waterRotas.id });
      await tx.insert(waterRotaTurns).values(
        out.turns.map((x) => ({
          tenantId: tid,
          rotaId: rota.id,
          groupId: x.groupId,
          seq: x.seq,
          startsAt: new Date(x.startsAt),
          endsAt: new Date(x.endsAt),
        })),
      );
      turnCount += out.turns.length;
    }
    return { sources: 2 + sides.length + structures.length, groups: groups.length, members: members.length, turns: turnCount };
  });
  const incidents = await seedIncidents(db, ctx, reg.id, today);
  const year = Number(today.slice(0, 4));
  const coming = Number(today.slice(5, 7)) <= 4 ? year : year + 1;
  await seedWaterExtras(db, ctx, reg.id, today, `ฤดูแล้ง ${coming + 543}`);
  return { ...made, incidents };
}

/**
 * Incidents of the last two months along the canal, reported by the kae fai: fines from the version in force on each
 * day (v1 before the committee adopted v2, v2 after), two of them paid into the weir users' fund through the ledger.
 */
async function seedIncidents(db: Db, ctx: TenantContext, regulationId: string, today: string): Promise<number> {
  const tid = ctx.tenant.id;
  const [users] = await q<{ id: string }>(db, tid, sql`select id from parties where tenant_id = ${tid} and name = 'กลุ่มผู้ใช้น้ำเหมืองฝายพญาคำ' limit 1`);
  const [kaeFai] = await q<{ id: string }>(
    db,
    tid,
    sql`select id from parties where tenant_id = ${tid} and kind = 'person' and position like 'แก่ฝาย%' limit 1`,
  );
  const place = async (name: string) =>
    (await q<{ id: string }>(db, tid, sql`select id from water_sources where tenant_id = ${tid} and name = ${name}`))[0]?.id ?? null;
  const group = async (name: string) =>
    (await q<{ id: string }>(db, tid, sql`select id from water_user_groups where tenant_id = ${tid} and name = ${name}`))[0]?.id ?? null;
  const offenders = await q<{ id: string }>(
    db,
    tid,
    sql`select m.party_id as id from water_group_members m join water_user_groups g on g.tenant_id = m.tenant_id and g.id = m.group_id
        where m.tenant_id = ${tid} and m.role = 'member' and g.zone in ('midstream', 'downstream') order by g.name, m.party_id limit 4`,
  );
  if (!users || offenders.length < 3) return 0;
  const fy = fiscalYearOf(today);
  const [fund] = await withTenant(db, tid, (tx) =>
    tx
      .insert(budgetFunds)
      .values({
        tenantId: tid,
        name: `กองทุนเหมืองฝายพญาคำ (ค่าปรับและค่าบำรุงเหมือง) ปี ${fy}`,
        kind: 'partner_cash',
        partyId: users.id,
        fiscalYear: fy,
        note: 'ค่าปรับตามกฎระเบียบการบริหารน้ำตำบลชมภูและค่าแรงแทน ใช้ซ่อมแซมฝายและลำเหมือง',
      })
      .returning({ id: budgetFunds.id }),
  );
  const fyStart = `${fy - 544}-10-01`;
  const specs = [
    {
      days: -50,
      kind: 'out_of_turn' as const,
      source: 'ประตูน้ำปากเหมืองซอยบ้านดอนชัย',
      group: 'กลุ่มผู้ใช้น้ำเหมืองซอยบ้านดอนชัย',
      place: 'ประตูน้ำปากเหมืองซอยบ้านดอนชัย หมู่ 6',
      text: 'ลูกฝายเปิดประตูน้ำเข้านาของตนในรอบเวรของกลุ่มปลายน้ำ แก่เหมืองพบขณะตรวจแนวลำเหมืองตอนเช้า',
      fine: { clause: '9', who: 0, repeat: false },
      pay: 4,
    },
    {
      days: -35,
      kind: 'dispute' as const,
      source: 'เหมืองซอยบ้านป่าเปา',
      group: 'กลุ่มผู้ใช้น้ำเหมืองซอยบ้านป่าเปา',
      place: 'ลำเหมืองซอยบ้านป่าเปา หมู่ 2',
      text: 'ลูกฝายสองแปลงติดกันโต้แย้งเรื่องร่องน้ำเข้าแปลงสวนลำไย',
      resolution: 'แก่เหมืองไกล่เกลี่ยตามข้อ 16 ตกลงเปิดร่องน้ำสลับวันกัน',
      fine: null,
      pay: null,
    },
    {
      days: -20,
      kind: 'gate_without_right' as const,
      source: 'ประตูน้ำปากเหมืองซอยบ้านศรีบุญเรือง',
      group: 'กลุ่มผู้ใช้น้ำเหมืองซอยบ้านศรีบุญเรือง',
      place: 'ประตูน้ำปากเหมืองซอยบ้านศรีบุญเรือง หมู่ 9',
      text: 'มีผู้ยกบานประตูน้ำที่ชำรุดออกเพื่อเอาน้ำเข้าเหมืองซอยนอกรอบเวร',
      fine: { clause: '9', who: 1, repeat: false },
      pay: 2,
    },
    {
      days: -12,
      kind: 'damage' as const,
      source: 'เหมืองซอยบ้านป่าเปา',
      group: 'กลุ่มผู้ใช้น้ำเหมืองซอยบ้านป่าเปา',
      place: 'ลำเหมืองซอยบ้านป่าเปา ท้ายสวนลำไย',
      text: 'ทิ้งกิ่งลำไยที่ตัดแต่งขวางลำเหมือง น้ำล้นคันเหมืองเข้าถนน',
      fine: { clause: '13', who: 2, repeat: false },
      pay: null,
    },
    {
      days: -8,
      kind: 'drought' as const,
      source: 'ฝายพญาคำ',
      group: null,
      place: 'หน้าฝายพญาคำ',
      text: 'ระดับน้ำหน้าฝายต่ำกว่าหลักวัดระดับ แก่ฝายประกาศภาวะน้ำน้อยตามข้อ 8 ให้ปลายน้ำรับน้ำก่อนทุกรอบ',
      fine: null,
      pay: null,
    },
    {
      days: -3,
      kind: 'out_of_turn' as const,
      source: 'เหมืองซอยบ้านดอนชัย',
      group: 'กลุ่มผู้ใช้น้ำเหมืองซอยบ้านดอนชัย',
      place: 'ลำเหมืองซอยบ้านดอนชัย หมู่ 6',
      text: 'ใช้เครื่องสูบน้ำสูบจากลำเหมืองซอยนอกรอบเวรโดยไม่ได้ขออนุญาต',
      fine: { clause: '10/1', who: 0, repeat: false },
      pay: null,
    },
  ];
  for (const s of specs) {
    const occurredOn = addDays(today, s.days);
    const incident = await createIncident(ctx, {
      occurredOn,
      kind: s.kind,
      sourceId: await place(s.source),
      groupId: s.group ? await group(s.group) : null,
      reporterPartyId: kaeFai?.id ?? null,
      place: s.place,
      description: s.text,
      evidenceNote: s.fine ? 'ภาพถ่ายจากโทรศัพท์ของแก่เหมือง' : null,
    });
    if (s.resolution) await updateIncident(ctx, incident.id, { status: 'resolved', resolution: s.resolution });
    if (!s.fine) continue;
    const fined = await levyFine(ctx, incident.id, { regulationId, clauseNumber: s.fine.clause, partyId: offenders[s.fine.who].id, repeat: s.fine.repeat });
    if (s.pay === null) continue;
    const paidOn = [addDays(occurredOn, s.pay), fyStart].sort()[1];
    if (paidOn <= today) await payFine(ctx, incident.id, fined.fines[0].id, { paidOn, fundId: fund.id });
  }
  return specs.length;
}
