import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { tenants } from '../../db/schema';
import { buildTestApp, createUser, login, type TestApp } from '../../test/harness';
import { seedDemo } from '../seed';
import { BASE_AS_OF, demoClock } from '../clock';
import { seedManpower } from './seed';
import { rows } from '../../platform/sql';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('manpower demo', () => {
  it('loads teams spanning the water, elderly and environment networks, tasks, skills and a year of hours, once', async () => {
    await seedDemo(t.database.db, () => {}, { dataDir: t.config.dataDir, today: BASE_AS_OF });
    const [ref] = await t.database.db
      .select({ id: tenants.id, slug: tenants.slug, nameTh: tenants.nameTh, nameEn: tenants.nameEn })
      .from(tenants)
      .where(eq(tenants.slug, 'chomphu'));
    const started = Date.now();
    expect(await seedManpower(t.database.db, ref, demoClock(BASE_AS_OF))).toBeNull(); // idempotent
    expect(Date.now() - started).toBeLessThan(2000);
    await t.app.tenantDirectory.reload();
    const admin = await createUser(t, { platformAdmin: true });
    const api = await login(t, admin.email, admin.password);
    const base = '/api/v1/t/chomphu';

    const teams = (await api.get(`${base}/teams`)).json();
    expect(teams.total).toBe(4);
    const names = new Set(teams.items.flatMap((x: { networks: { name: string }[] }) => x.networks.map((n) => n.name)));
    for (const n of ['เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', 'เครือข่ายฟื้นฟูสมรรถภาพผู้สูงอายุ', 'เครือข่ายลดการเผาในที่โล่งและฝุ่นควัน PM2.5 ตำบลชมภู']) expect(names).toContain(n);
    for (const team of teams.items) expect(team.networks.length).toBeGreaterThanOrEqual(2);
    const detail = (await api.get(`${base}/teams/${teams.items[0].id}`)).json();
    expect(detail.activities.length).toBeGreaterThan(0);
    expect(Object.keys(detail.pillars).length).toBeGreaterThan(0);

    const tasks = (await api.get(`${base}/tasks?pageSize=100`)).json();
    expect(tasks.total).toBeGreaterThanOrEqual(8);
    const helpers = (await api.get(`${base}/tasks/${tasks.items[0].id}/helpers`)).json();
    expect(helpers.items.length).toBeGreaterThan(0);

    // a year of hours: every month of 2025, mostly confirmed, some pending and returned
    const months = await rows<{ months: number; pending: number; returned: number; total: number }>(
      t.database.db,
      sql`select count(distinct to_char(worked_on, 'YYYY-MM'))::int as months, count(*) filter (where status = 'pending')::int as pending,
                 count(*) filter (where status = 'returned')::int as returned, count(*)::int as total
          from volunteer_hours where tenant_id = ${ref.id}`,
    );
    expect(months[0].months).toBe(12);
    expect(months[0].pending).toBeGreaterThan(0);
    expect(months[0].returned).toBeGreaterThan(0);
    const byYear = (await api.get(`${base}/volunteer-hours/totals?by=fiscalYear`)).json();
    expect(byYear.items.map((x: { key: string }) => x.key)).toEqual(['2569', '2568']);
    const list = (await api.get(`/api/v1/public/chomphu/volunteers?fiscalYear=2568`)).json();
    expect(list.items.length).toBeGreaterThan(5);
  }, 120_000);
});
