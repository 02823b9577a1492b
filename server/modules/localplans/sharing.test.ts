import { sql } from 'drizzle-orm';
import type { LocalPlanDetail as Plan, SharedProject as Shared } from '../../../common/schemas/localplans';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../platform/db';
import { rows } from '../../platform/sql';
import { buildTestApp, tenantWithUser, type TestApp } from '../../test/harness';
import { fieldsOf, ok } from '../water/fixtures';
import { relayAll } from './sharing';

/**
 * docs/decisions/0016: a neighbour that is itself a tenant gets its assignments as a copy in its own space through
 * the owner's outbox, and its status travels back the same way; relaying again changes nothing; RLS keeps each
 * tenant's outbox, inbox and copies to itself.
 */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const STRATEGY = { name: 'การพัฒนาโครงสร้างพื้นฐาน', provinceStrategy: 'ยุทธศาสตร์ที่ 2 การบริหารจัดการทรัพยากรน้ำ', programmes: [{ name: 'แผนงานการเกษตร' }] };

/** Chomphu (owner, admin) keeps a plan for its neighbour Tha Kwang, which is a tenant too (an officer there). */
async function setup() {
  const owner = await tenantWithUser(t, 'admin');
  const neighbour = await tenantWithUser(t, 'officer');
  const party = await ok<{ id: string }>(
    owner.api.post(`${owner.base}/partners`, { kind: 'organization', name: 'เทศบาลตำบลท่ากว้าง', sector: 'local_government', orgType: 'local_government' }),
    201,
  );
  const net = await ok<{ id: string }>(owner.api.post(`${owner.base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', pillar: 'locality' }), 201);
  const joint = await ok<{ id: string }>(owner.api.post(`${owner.base}/plans`, { name: 'แผนปฏิบัติการร่วมฝายพญาคำ', fiscalYear: 2569, networkIds: [net.id] }), 201);
  const project = async (name: string, budget: number) => {
    const p = await ok<{ id: string }>(owner.api.post(`${owner.base}/plans/${joint.id}/projects`, { name }), 201);
    await ok(owner.api.post(`${owner.base}/plans/${joint.id}/projects/${p.id}/activities`, { name: 'กิจกรรมหลัก', budgetSatang: budget }), 201);
    return p;
  };
  const weir = await project('ซ่อมแซมฝายพญาคำ', 90_000_00);
  const health = await project('คัดกรองสุขภาพผู้ใช้น้ำ', 20_000_00);
  const own = await ok<Plan>(owner.api.post(`${owner.base}/local-plans`, { startYear: 2566, strategies: [STRATEGY] }), 201);
  const theirs = await ok<Plan>(owner.api.post(`${owner.base}/local-plans`, { partyId: party.id, startYear: 2566, strategies: [STRATEGY] }), 201);
  const assign = (projectId: string, parts: [Plan, number][]) =>
    owner.api.put(`${owner.base}/local-plans/assignments/${projectId}`, {
      assignments: parts.map(([plan, budget]) => ({
        localPlanId: plan.id,
        programmeId: plan.strategies[0].programmes[0].id,
        shares: [{ year: 2569, budgetSatang: budget }],
      })),
    });
  const shared = () => ok<Shared[]>(neighbour.api.get(`${neighbour.base}/local-plans/shared`));
  return { owner, neighbour, party, weir, health, own, theirs, assign, shared };
}

const count = async (table: string, tenantId: string) =>
  (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from ${sql.raw(table)} where tenant_id = ${tenantId}`))[0].n;

describe('local plans between tenants (outbox)', () => {
  it('sends an assignment to the linked neighbour, brings its status back, and relaying again changes nothing', async () => {
    const s = await setup();
    // an unlinked neighbour gets nothing; an unknown tenant cannot be linked
    expect(
      (
        await s.assign(s.weir.id, [
          [s.own, 50_000_00],
          [s.theirs, 40_000_00],
        ])
      ).statusCode,
    ).toBe(200);
    expect(await s.shared()).toEqual([]);
    expect(await count('local_plan_outbox', s.owner.tenant.id)).toBe(0);
    const bad = await s.owner.api.put(`${s.owner.base}/local-plans/local-governments/${s.party.id}/link`, { tenantSlug: 'no-such-tenant' });
    expect(fieldsOf(bad)).toEqual({ tenantSlug: 'unknown_tenant' });

    // linking sends what the neighbour's plan already carries
    const linked = await ok<{ linkedTenant: { slug: string } }>(
      s.owner.api.put(`${s.owner.base}/local-plans/local-governments/${s.party.id}/link`, { tenantSlug: s.neighbour.tenant.slug }),
    );
    expect(linked.linkedTenant.slug).toBe(s.neighbour.tenant.slug);
    let copies = await s.shared();
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatchObject({
      withdrawn: false,
      status: 'proposed',
      content: {
        owner: { name: s.owner.tenant.nameTh },
        project: { name: 'ซ่อมแซมฝายพญาคำ' },
        strategy: 'การพัฒนาโครงสร้างพื้นฐาน',
        programme: 'แผนงานการเกษตร',
        shares: [{ year: 2569, budgetSatang: 40_000_00 }],
        totalSatang: 40_000_00,
      },
    });

    // a change of shares reaches the copy at once
    await ok(
      s.assign(s.weir.id, [
        [s.own, 30_000_00],
        [s.theirs, 60_000_00],
      ]),
    );
    copies = await s.shared();
    expect(copies[0].content.shares).toEqual([{ year: 2569, budgetSatang: 60_000_00 }]);

    // the neighbour records its status; it reaches the owner's record, with the neighbour's edition
    const url = `${s.neighbour.base}/local-plans/shared/${copies[0].id}`;
    expect(fieldsOf(await s.neighbour.api.patch(url, { status: 'integrated' }))).toEqual({ edition: 'edition_required' });
    const integrated = await ok<Shared>(
      s.neighbour.api.patch(url, {
        status: 'integrated',
        edition: { kind: 'addition', number: 1, approvedOn: '2025-06-01', approvingAct: 'ประกาศเทศบาลตำบลท่ากว้าง ลงวันที่ 1 มิถุนายน 2568' },
      }),
    );
    expect(integrated).toMatchObject({ status: 'integrated', edition: { kind: 'addition', number: 1 } });
    const ownersView = await ok<Plan>(s.owner.api.get(`${s.owner.base}/local-plans/${s.theirs.id}`));
    expect(ownersView.projects[0]).toMatchObject({ status: 'integrated', edition: { kind: 'addition', number: 1 } });
    expect(ownersView.editions.map((e) => [e.kind, e.number])).toEqual([['addition', 1]]);
    // the owner no longer sets that local government's status itself
    const refused = await s.owner.api.patch(`${s.owner.base}/local-plans/${s.theirs.id}/projects/${ownersView.projects[0].id}`, { status: 'in_budget' });
    expect(refused.statusCode).toBe(409);
    expect(fieldsOf(refused)).toEqual({ status: 'status_kept_by_neighbour' });

    // every event was delivered; delivering all of them again (a crash after applying, before marking) changes nothing
    const pending = sql`select count(*)::int as n from local_plan_outbox where delivered_at is null`;
    expect((await rows<{ n: number }>(t.database.db, pending))[0].n).toBe(0);
    const inboxBefore = [await count('local_plan_inbox', s.owner.tenant.id), await count('local_plan_inbox', s.neighbour.tenant.id)];
    const copyBefore = await s.shared();
    const ownerBefore = await ok<Plan>(s.owner.api.get(`${s.owner.base}/local-plans/${s.theirs.id}`));
    await t.database.db.execute(sql`update local_plan_outbox set delivered_at = null where tenant_id in (${s.owner.tenant.id}, ${s.neighbour.tenant.id})`);
    const first = await relayAll(t.database.db);
    const second = await relayAll(t.database.db);
    expect(first.delivered).toBe(inboxBefore[0] + inboxBefore[1]);
    expect(second).toEqual({ delivered: 0, failed: 0 });
    expect([await count('local_plan_inbox', s.owner.tenant.id), await count('local_plan_inbox', s.neighbour.tenant.id)]).toEqual(inboxBefore);
    expect(await s.shared()).toEqual(copyBefore);
    expect(await ok<Plan>(s.owner.api.get(`${s.owner.base}/local-plans/${s.theirs.id}`))).toEqual(ownerBefore);
  });

  it('applies only the newest state of an item when an older event arrives late, and withdraws a removed assignment', async () => {
    const s = await setup();
    await ok(s.owner.api.put(`${s.owner.base}/local-plans/local-governments/${s.party.id}/link`, { tenantSlug: s.neighbour.tenant.slug }));
    await ok(s.assign(s.health.id, [[s.theirs, 20_000_00]]));
    // the first event "was lost": take it out of the neighbour's inbox and copy, then send a newer state before it
    const [firstEvent] = await rows<{ eventId: string }>(
      t.database.db,
      sql`select event_id as "eventId" from local_plan_outbox where tenant_id = ${s.owner.tenant.id} order by seq limit 1`,
    );
    await t.database.db.execute(sql`delete from local_plan_inbox where tenant_id = ${s.neighbour.tenant.id}`);
    await t.database.db.execute(sql`delete from shared_local_plan_projects where tenant_id = ${s.neighbour.tenant.id}`);
    await ok(
      s.assign(s.health.id, [
        [s.own, 5_000_00],
        [s.theirs, 15_000_00],
      ]),
    );
    expect((await s.shared())[0].content.totalSatang).toBe(15_000_00);
    await t.database.db.execute(
      sql`update local_plan_outbox set delivered_at = null where tenant_id = ${s.owner.tenant.id} and event_id = ${firstEvent.eventId}`,
    );
    expect(await relayAll(t.database.db)).toEqual({ delivered: 1, failed: 0 });
    expect((await s.shared())[0].content.totalSatang).toBe(15_000_00); // the late, older state is recorded, not applied
    const [late] = await rows<{ applied: boolean }>(
      t.database.db,
      sql`select applied from local_plan_inbox where tenant_id = ${s.neighbour.tenant.id} and event_id = ${firstEvent.eventId}`,
    );
    expect(late.applied).toBe(false);

    // taken off the neighbour's plan while still proposed: its copy is withdrawn and no longer takes a status
    await ok(s.assign(s.health.id, [[s.own, 20_000_00]]));
    const [copy] = await s.shared();
    expect(copy.withdrawn).toBe(true);
    const refused = await s.neighbour.api.patch(`${s.neighbour.base}/local-plans/shared/${copy.id}`, { status: 'dropped', dropReason: 'ไม่มีงบประมาณ' });
    expect(refused.statusCode).toBe(409);
    expect(fieldsOf(refused)).toEqual({ status: 'assignment_withdrawn' });
  });

  it('starts a copy made by a later link from the status the owner had recorded', async () => {
    const s = await setup();
    const [item] = await ok<{ id: string }[]>(s.assign(s.weir.id, [[s.theirs, 90_000_00]]));
    const plan = await ok<Plan>(
      s.owner.api.post(`${s.owner.base}/local-plans/${s.theirs.id}/editions`, {
        kind: 'original',
        approvedOn: '2022-10-20',
        approvingAct: 'ประกาศใช้แผนพัฒนาท้องถิ่น',
      }),
      201,
    );
    await ok(s.owner.api.patch(`${s.owner.base}/local-plans/${s.theirs.id}/projects/${item.id}`, { status: 'integrated', editionId: plan.editions[0].id }));
    await ok(s.owner.api.put(`${s.owner.base}/local-plans/local-governments/${s.party.id}/link`, { tenantSlug: s.neighbour.tenant.slug }));
    const [copy] = await s.shared();
    expect(copy).toMatchObject({ status: 'integrated', edition: { kind: 'original', number: 0 } });
    // and it moves on from there
    await ok(s.neighbour.api.patch(`${s.neighbour.base}/local-plans/shared/${copy.id}`, { status: 'in_budget' }));
    expect((await ok<Plan>(s.owner.api.get(`${s.owner.base}/local-plans/${s.theirs.id}`))).projects[0].status).toBe('in_budget');
  });

  it('keeps each tenant to its own outbox, inbox and copies (RLS)', async () => {
    const s = await setup();
    await ok(s.owner.api.put(`${s.owner.base}/local-plans/local-governments/${s.party.id}/link`, { tenantSlug: s.neighbour.tenant.slug }));
    await ok(s.assign(s.weir.id, [[s.theirs, 90_000_00]]));
    const [copy] = await s.shared();
    await ok(s.neighbour.api.patch(`${s.neighbour.base}/local-plans/shared/${copy.id}`, { status: 'dropped', dropReason: 'ซ้ำกับโครงการของจังหวัด' }));
    const tables = ['local_plan_tenant_links', 'local_plan_outbox', 'local_plan_inbox', 'shared_local_plan_projects'];
    for (const [me, other] of [
      [s.owner.tenant.id, s.neighbour.tenant.id],
      [s.neighbour.tenant.id, s.owner.tenant.id],
    ]) {
      for (const table of tables) {
        const seen = await withTenant(t.database.db, me, (tx) =>
          rows<{ n: number }>(tx, sql`select count(*)::int as n from ${sql.raw(table)} where tenant_id <> ${me}`),
        );
        expect(seen[0].n, `${table} read from ${me}`).toBe(0);
      }
      await expect(
        withTenant(t.database.db, me, (tx) =>
          tx.execute(sql`insert into local_plan_inbox (tenant_id, event_id, source_tenant_id, kind, item_id, seq, applied)
                         values (${other}, gen_random_uuid(), ${me}, 'status', gen_random_uuid(), 1, true)`),
        ),
      ).rejects.toThrow();
    }
    // there was something to hide: each side holds rows the other cannot see
    expect(await count('shared_local_plan_projects', s.neighbour.tenant.id)).toBe(1);
    expect(await count('local_plan_outbox', s.owner.tenant.id)).toBeGreaterThan(0);
    expect(await count('local_plan_outbox', s.neighbour.tenant.id)).toBe(1);
    expect(await count('local_plan_inbox', s.owner.tenant.id)).toBe(1);
  });
});
