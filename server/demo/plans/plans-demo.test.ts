import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tenants } from '../../db/schema';
import { buildTestApp, createUser, login, type TestApp } from '../../test/harness';
import { buildDemoDataset } from '../data';
import { seedDemo } from '../seed';
import { BASE_AS_OF, demoClock } from '../clock';
import { seedPlans } from './seed';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

type Continuity = { networkId: string; name: string; years: number[]; gaps: number[]; latestRun: { length: number } | null };

describe('joint plans demo', () => {
  it('loads plans 2563–2569 with runs and gaps, strategy with measurements, and participation at every level from every pillar, once', async () => {
    await seedDemo(t.database.db, () => {}, { dataDir: t.config.dataDir, today: BASE_AS_OF });
    const [ref] = await t.database.db
      .select({ id: tenants.id, slug: tenants.slug, nameTh: tenants.nameTh, nameEn: tenants.nameEn })
      .from(tenants)
      .where(eq(tenants.slug, 'chomphu'));
    const chomphu = buildDemoDataset().tenants.find((x) => x.slug === 'chomphu')!;
    expect(await seedPlans(t.database.db, ref, chomphu, demoClock(BASE_AS_OF))).toBeNull();
    await t.app.tenantDirectory.reload();
    const admin = await createUser(t, { platformAdmin: true });
    const api = await login(t, admin.email, admin.password);
    const base = '/api/v1/t/chomphu';

    const c = (await api.get(`${base}/plans/continuity`)).json().items as Continuity[];
    const withPlans = c.filter((x) => x.years.length > 0);
    expect(withPlans.length).toBeGreaterThanOrEqual(11);
    const water = c.find((x) => x.name === 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ')!;
    expect(water.years).toEqual([2563, 2564, 2565, 2566, 2567, 2568, 2569]);
    expect(water.gaps).toEqual([]);
    expect(withPlans.filter((x) => x.gaps.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(withPlans.filter((x) => x.gaps.length === 0 && x.years.length >= 5).length).toBeGreaterThanOrEqual(3);

    const plans = (await api.get(`${base}/plans?networkId=${water.networkId}&pageSize=50`)).json();
    expect(plans.items.map((p: { fiscalYear: number }) => p.fiscalYear)).toEqual([2569, 2568, 2567, 2566, 2565, 2564, 2563]);
    const p69 = (await api.get(`${base}/plans/${plans.items[0].id}`)).json();
    expect(p69.predecessorPlanId).toBe(plans.items[1].id);
    expect(p69.networks.length).toBe(2);
    expect(p69.progress).toBeGreaterThan(0);
    expect(p69.progress).toBeLessThan(100);
    for (const p of p69.projects) for (const a of p.activities) expect(a.budgetSatang % 100).toBe(0);
    // carried work is linked to its predecessor somewhere in the series
    const details = await Promise.all(plans.items.map(async (p: { id: string }) => (await api.get(`${base}/plans/${p.id}`)).json()));
    const linked = details
      .flatMap((d) => d.projects.flatMap((p: { activities: { predecessorActivityId: string | null }[] }) => p.activities))
      .filter((a) => a.predecessorActivityId);
    expect(linked.length).toBeGreaterThan(0);

    for (const fy of [2566, 2568]) {
      const m = (await api.get(`${base}/participation/matrix?fiscalYear=${fy}`)).json();
      for (const level of ['issue', 'plan', 'operation']) expect(m.counts[level], `${fy} ${level}`).toBeGreaterThan(0);
      for (const pillar of ['local', 'locality', 'people']) {
        const row = m.pillars.find((r: { key: string }) => r.key === pillar);
        expect(row, `${fy} ${pillar}`).toBeDefined();
        expect(row.counts.issue + row.counts.plan + row.counts.operation).toBeGreaterThan(0);
      }
      expect(m.networks.length).toBeGreaterThanOrEqual(8);
    }

    const map = (await api.get(`${base}/strategy/map?fiscalYear=2568`)).json();
    expect(map.vision).toContain('ชมภู');
    expect(map.goals.length).toBe(4);
    const indicators = map.goals.flatMap((g: { strategies: { indicators: { latest: unknown; target: number | null }[] }[] }) =>
      g.strategies.flatMap((s) => s.indicators),
    );
    expect(indicators.length).toBeGreaterThanOrEqual(8);
    for (const i of indicators) expect(i.latest).not.toBeNull();
    const projects = map.goals.flatMap((g: { strategies: { projects: unknown[] }[] }) => g.strategies.flatMap((s) => s.projects));
    expect(projects.length).toBeGreaterThanOrEqual(5);
  }, 120_000);
});
