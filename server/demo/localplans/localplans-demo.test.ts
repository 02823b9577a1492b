import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tenants } from '../../db/schema';
import { buildTestApp, createUser, login, type TestApp } from '../../test/harness';
import { seedDemo } from '../seed';
import { seedLocalPlans } from './seed';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('local development plan demo', () => {
  it("integrates the Phaya Kham weir joint plan into Chomphu's plan and Tha Kwang's, once", async () => {
    await seedDemo(t.database.db, () => {}, { dataDir: t.config.dataDir });
    const [ref] = await t.database.db
      .select({ id: tenants.id, slug: tenants.slug, nameTh: tenants.nameTh, nameEn: tenants.nameEn })
      .from(tenants)
      .where(eq(tenants.slug, 'chomphu'));
    expect(await seedLocalPlans(t.database.db, ref)).toBeNull(); // idempotent
    await t.app.tenantDirectory.reload();
    const admin = await createUser(t, { platformAdmin: true });
    const api = await login(t, admin.email, admin.password);
    const base = '/api/v1/t/chomphu';
    const plans = (await api.get(`${base}/local-plans`)).json() as {
      id: string;
      localGovernment: { partyId: string | null; name: string };
      projectCount: number;
    }[];
    expect(plans).toHaveLength(3);
    expect(plans[0].localGovernment.partyId).toBeNull();
    expect(plans[1].localGovernment.name).toContain('ท่ากว้าง');
    expect(plans[2].localGovernment.name).toContain('ยางเนิ้ง');
    const own = (await api.get(`${base}/local-plans/${plans[0].id}`)).json();
    expect(own.projects.length).toBeGreaterThanOrEqual(1);
    expect(own.projects[0].jointPlan.name).toContain('ฝายพญาคำ');
    const board = (await api.get(`${base}/local-plans/board?planId=${own.projects[0].jointPlan.id}`)).json();
    const weir = board.projects.find((p: { assignments: unknown[] }) => p.assignments.length === 2);
    expect(weir.assignments.reduce((s: number, a: { totalSatang: number }) => s + a.totalSatang, 0)).toBe(weir.budgetSatang);
    const p02 = await api.get(`${base}/local-plans/${plans[1].id}/p02.xlsx`);
    expect(p02.statusCode).toBe(200);
    // Tha Kwang is a tenant too: the weir is in its own space, where it put it into its annual budget; that came back
    const shared = (await api.get('/api/v1/t/thakwang/local-plans/shared')).json() as { status: string; content: { project: { name: string } } }[];
    expect(shared.map((s) => s.status)).toEqual(['in_budget']);
    const theirs = (await api.get(`${base}/local-plans/${plans[1].id}`)).json() as { linkedTenant: { slug: string }; projects: { status: string }[] };
    expect(theirs.linkedTenant.slug).toBe('thakwang');
    expect(theirs.projects.map((p) => p.status)).toEqual(['in_budget']);
    // Yang Noeng carries a share of a third project, already in its annual budget
    const yangNoeng = (await api.get(`${base}/local-plans/${plans[2].id}`)).json() as { projects: { status: string }[] };
    expect(yangNoeng.projects.map((p) => p.status)).toEqual(['in_budget']);
  }, 120_000);
});
