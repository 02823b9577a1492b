import { sql } from 'drizzle-orm';
import { fiscalYearOf } from '../../../common/thai/dates';
import { SYSTEM_USER, type TenantContext } from '../../platform/context';
import { withTenant, type Db } from '../../platform/db';
import { tenantRows } from '../query';
import { todayInThailand } from '../../platform/today';
import { addComment, addPublicComment, answerComment, openCommentPeriod } from '../../modules/regulations/comments.service';
import { createDraft } from '../../modules/regulations/regulations.service';
import { setDutyRule } from '../../modules/water/duty-days.service';
import { addContributions } from '../../modules/water/maintenance-contributions.service';
import { createWork } from '../../modules/water/maintenance-works.service';
import { REGULATION_V2 } from './regulation';

const q = tenantRows;
const addDays = (iso: string, n: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue 14's later parts in the demo: a third draft of the water regulation open for comment (members and citizens,
 * one answered), this year's repair and dredging before the dry season with the members' labour (volunteer hours)
 * and materials (in-kind contributions in the ledger), and a pending and an accepted swap of turns in the coming rota.
 */
export async function seedWaterExtras(db: Db, ctx: TenantContext, regulationId: string, today: string, season: string) {
  const tid = ctx.tenant.id;
  const tenant = ctx.tenant;

  // ---- a draft amendment open for comment
  const draft = await createDraft(ctx, regulationId, {
    ...REGULATION_V2,
    title: REGULATION_V2.title,
    changeNote: 'ร่างแก้ไขข้อ 11 ให้นับวันลงแขกตามพื้นที่รับน้ำทุกห้าไร่ต่อหนึ่งวัน และเพิ่มข้อ 11/1 การบันทึกวัสดุที่ลูกฝายนำมาสมทบ',
    chapters: REGULATION_V2.chapters.map((ch) =>
      ch.number !== 4
        ? ch
        : {
            ...ch,
            clauses: [
              { number: '11', text: 'ลูกฝายต้องมาลงแขกซ่อมฝายและขุดลอกลำเหมืองตามวันที่แก่ฝายเรียก ปีละหนึ่งวันต่อพื้นที่รับน้ำทุกห้าไร่ เศษของห้าไร่ให้นับเป็นหนึ่งวัน' },
              { number: '11/1', text: 'วัสดุที่ลูกฝายนำมาสมทบงานซ่อมฝาย ให้แก่เหมืองบันทึกชนิด จำนวน และมูลค่า แจ้งในที่ประชุมลูกฝาย และลงบัญชีกองทุนเหมืองฝายพญาคำ' },
              ...ch.clauses.filter((c) => c.number !== '11'),
            ],
          },
    ),
  });
  // open around the real today (a demo pinned to an earlier day would otherwise open a period already over)
  const now = todayInThailand();
  const period = await openCommentPeriod(ctx, regulationId, draft.id, {
    startsOn: addDays(now, -6),
    endsOn: addDays(now, 14),
    note: 'ติดประกาศที่ศาลาอเนกประสงค์บ้านหัวฝาย วัดศรีบุญเรือง และที่ทำการเทศบาลตำบลชมภู ประชุมชี้แจงลูกฝายวันเสาร์ถัดไป',
  });
  const citizen = (clauseNumber: string, body: string, name: string | null) => addPublicComment(db, tenant, period.id, { clauseNumber, body, name });
  const first = await citizen('11', 'เห็นด้วยที่ให้นับตามพื้นที่ แต่ผู้สูงอายุที่ทำนาเองควรส่งลูกหลานมาแทนได้โดยไม่ต้องจ่ายค่าแรงแทน', 'นายบุญมา ใจเย็น');
  await citizen('11', 'นาห้าไร่กับนาหกไร่ไม่ควรต้องมาสองวันเท่ากับนาสิบไร่ ขอให้ปัดเศษเมื่อเกินครึ่ง', null);
  await citizen('11/1', 'ควรประกาศรายชื่อผู้สมทบวัสดุให้ทุกคนเห็น จะได้โปร่งใส', null);
  const [member] = await q<{ id: string; name: string }>(
    db,
    tid,
    sql`select u.id, u.name from tenant_users tu join users u on u.id = tu.user_id where tu.tenant_id = ${tid} and tu.role = 'member' order by u.created_at limit 1`,
  );
  if (member)
    await addComment({ ...ctx, actor: { user: { ...SYSTEM_USER, id: member.id, name: member.name, isPlatformAdmin: false }, role: 'member' } }, period.id, {
      clauseNumber: '12',
      body: 'ค่าแรงแทนวันละสามร้อยบาทสูงไปสำหรับครัวเรือนปลายน้ำที่ได้น้ำน้อย ขอให้พิจารณาลดให้กลุ่มปลายน้ำ',
    });
  await answerComment({ ...ctx, actor: { user: { ...SYSTEM_USER, name: 'นายสมบูรณ์ อินทร์แก้ว (แก่ฝายพญาคำ)' }, role: 'system' } }, first.id, {
    reply: 'คณะทำงานรับข้อเสนอ จะเพิ่มความในข้อ 12 ให้ส่งสมาชิกในครัวเรือนมาแทนได้ และนำเข้าที่ประชุมลูกฝายก่อนเสนอคณะกรรมการ',
  });

  // ---- this year's repair and dredging before the dry season
  const fy = fiscalYearOf(today);
  const [activity] = await q<{ id: string }>(
    db,
    tid,
    sql`select a.id from plan_activities a join plans p on p.tenant_id = a.tenant_id and p.id = a.plan_id
        where a.tenant_id = ${tid} and p.fiscal_year = ${fy} and a.name like 'ลงแขกซ่อมฝาย%' order by a.created_at limit 1`,
  );
  const [fund] = await q<{ id: string }>(
    db,
    tid,
    sql`select id from budget_funds where tenant_id = ${tid} and kind = 'in_kind' and fiscal_year = ${fy} and name like 'แรงงานลงแขกของลูกฝาย%' limit 1`,
  );
  const [weir] = await q<{ id: string }>(db, tid, sql`select id from water_sources where tenant_id = ${tid} and kind = 'weir' limit 1`);
  const groups = await q<{ id: string; name: string; sourceId: string }>(
    db,
    tid,
    sql`select g.id, g.name, g.source_id as "sourceId" from water_user_groups g where g.tenant_id = ${tid} order by g.name collate "und-x-icu"`,
  );
  let works = 0;
  if (activity && weir && groups.length >= 2) {
    // a third of the groups count duty days per five rai (as the draft proposes), the others one or two days a member
    for (const [i, g] of groups.entries())
      await setDutyRule(ctx, g.id, i % 3 === 0 ? { basis: 'per_rai', days: 1, rai: 5 } : { basis: 'per_member', days: i % 3 === 1 ? 2 : 1, rai: null });
    const membersOf = async (groupId: string) =>
      q<{ partyId: string }>(
        db,
        tid,
        sql`select party_id as "partyId" from water_group_members where tenant_id = ${tid} and group_id = ${groupId} order by role, irrigated_rai desc`,
      );
    const weirWork = await createWork(ctx, {
      kind: 'repair',
      title: 'ลงแขกซ่อมหัวฝายพญาคำและวางกระสอบทรายก่อนฤดูแล้ง',
      season,
      sourceId: weir.id,
      groupId: null,
      startsOn: addDays(today, -24),
      endsOn: addDays(today, -23),
      activityId: activity.id,
      fundId: fund?.id ?? null,
      note: 'แก่ฝายเรียกลูกฝายทุกกลุ่ม กลุ่มละไม่น้อยกว่าสี่คน',
    });
    const labour: { kind: 'labour'; partyId: string; date: string; hours: number }[] = [];
    for (const [i, g] of groups.entries()) {
      const ms = await membersOf(g.id);
      ms.slice(0, 4 + (i % 3)).forEach((m, k) => labour.push({ kind: 'labour', partyId: m.partyId, date: addDays(today, -24), hours: 6 + (k % 2) }));
      ms.slice(0, 2).forEach((m) => labour.push({ kind: 'labour', partyId: m.partyId, date: addDays(today, -23), hours: 5 }));
    }
    // a person in two groups comes once a day
    const seen = new Set<string>();
    const once = labour.filter((e) => !seen.has(`${e.partyId} ${e.date}`) && seen.add(`${e.partyId} ${e.date}`));
    await addContributions(ctx, weirWork.id, { entries: once });
    if (fund) {
      const [a, b] = await membersOf(groups[0].id);
      const [c] = await membersOf(groups[4 % groups.length].id);
      await addContributions(ctx, weirWork.id, {
        entries: [
          { kind: 'material', partyId: a.partyId, date: addDays(today, -24), description: 'กระสอบทราย 60 ใบ', valueSatang: 900_00 },
          { kind: 'material', partyId: b.partyId, date: addDays(today, -24), description: 'ไม้ไผ่ทำหลักฝาย 30 ลำ', valueSatang: 1_200_00 },
          { kind: 'material', partyId: c.partyId, date: addDays(today, -23), description: 'หินใหญ่ 2 คันรถอีแต๋น', valueSatang: 1_500_00 },
        ],
      });
    }
    works++;
    // two side canals dredged by their own groups
    for (const g of [groups[groups.length - 2], groups[groups.length - 1]]) {
      const w = await createWork(ctx, {
        kind: 'dredging',
        title: `ขุดลอก${g.name.replace('กลุ่มผู้ใช้น้ำ', '')}`,
        season,
        sourceId: g.sourceId,
        groupId: g.id,
        startsOn: addDays(today, -12),
        endsOn: addDays(today, -11),
        activityId: activity.id,
        fundId: fund?.id ?? null,
        note: null,
      });
      const ms = await membersOf(g.id);
      await addContributions(ctx, w.id, {
        entries: ms.flatMap((m, k) => [
          ...(k % 4 === 3 ? [] : [{ kind: 'labour' as const, partyId: m.partyId, date: addDays(today, -12), hours: 7 }]),
          ...(k % 2 === 0 ? [{ kind: 'labour' as const, partyId: m.partyId, date: addDays(today, -11), hours: 4 }] : []),
        ]),
      });
      works++;
    }
  }

  // ---- swaps in the coming rota: one accepted, one waiting for the other group's consent
  const turns = await q<{ id: string; rotaId: string; groupId: string; zone: string }>(
    db,
    tid,
    sql`select x.id, x.rota_id as "rotaId", x.group_id as "groupId", g.zone from water_rota_turns x
        join water_rotas r on r.tenant_id = x.tenant_id and r.id = x.rota_id
        join water_user_groups g on g.tenant_id = x.tenant_id and g.id = x.group_id
        where x.tenant_id = ${tid} and r.status = 'published' and x.starts_at > now() + interval '3 days'
        order by x.starts_at limit 40`,
  );
  const pair = (skip: number) => {
    const a = turns[skip];
    const b = a && turns.slice(skip + 1).find((x) => x.groupId !== a.groupId && x.zone !== a.zone);
    return a && b ? [a, b] : null;
  };
  const lead = async (groupId: string, role: string) =>
    (
      await q<{ partyId: string }>(
        db,
        tid,
        sql`select party_id as "partyId" from water_group_members where tenant_id = ${tid} and group_id = ${groupId} and role = ${role} limit 1`,
      )
    )[0]?.partyId ?? null;
  let swaps = 0;
  const accepted = pair(2);
  const pending = pair(12);
  // the people first: a query inside the transaction below would wait on PGlite's one connection for ever
  const acceptedBy = accepted ? { member: await lead(accepted[0].groupId, 'member'), head: await lead(accepted[1].groupId, 'head') } : null;
  const pendingBy = pending ? await lead(pending[0].groupId, 'member') : null;
  await withTenant(db, tid, async (tx) => {
    if (accepted && acceptedBy) {
      const [a, b] = accepted;
      await tx.execute(sql`update water_rota_turns set group_id = case when id = ${a.id}::uuid then ${b.groupId}::uuid else ${a.groupId}::uuid end
                           where tenant_id = ${tid} and id in (${a.id}::uuid, ${b.id}::uuid)`);
      await tx.execute(sql`insert into water_turn_swaps (tenant_id, rota_id, turn_id, with_turn_id, requested_by_party_id, status, decided_by_party_id, decided_at)
                           values (${tid}, ${a.rotaId}, ${a.id}, ${b.id}, ${acceptedBy.member}, 'accepted', ${acceptedBy.head}, now() - interval '2 days')`);
      swaps++;
    }
    if (pending) {
      const [a, b] = pending;
      await tx.execute(sql`insert into water_turn_swaps (tenant_id, rota_id, turn_id, with_turn_id, requested_by_party_id)
                           values (${tid}, ${a.rotaId}, ${a.id}, ${b.id}, ${pendingBy})`);
      swaps++;
    }
  });
  return { commentPeriods: 1, works, swaps };
}
