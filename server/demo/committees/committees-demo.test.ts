import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tenants } from '../../db/schema';
import { buildTestApp, createUser, login, type TestApp } from '../../test/harness';
import { seedDemo } from '../seed';
import { seedCommittees } from './seed';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('steering committee demo', () => {
  it('loads three years of meetings with certified minutes and plan adoptions, once', async () => {
    await seedDemo(t.database.db, () => {}, { dataDir: t.config.dataDir });
    const [ref] = await t.database.db
      .select({ id: tenants.id, slug: tenants.slug, nameTh: tenants.nameTh, nameEn: tenants.nameEn })
      .from(tenants)
      .where(eq(tenants.slug, 'chomphu'));
    expect(await seedCommittees(t.database.db, ref)).toBeNull(); // idempotent
    await t.app.tenantDirectory.reload();
    const admin = await createUser(t, { platformAdmin: true });
    const api = await login(t, admin.email, admin.password);
    const base = '/api/v1/t/chomphu';
    const list = (await api.get(`${base}/committees`)).json();
    expect(list.total).toBe(1);
    const c = (await api.get(`${base}/committees/${list.items[0].id}`)).json();
    expect(c.meetings).toHaveLength(13);
    expect(c.members.filter((m: { inOffice: boolean }) => m.inOffice).length).toBeGreaterThanOrEqual(4);
    const statuses = c.meetings.map((m: { minutesStatus: string }) => m.minutesStatus);
    // newest first: the scheduled one has none, the last held one is a draft, the rest are certified
    expect(statuses.slice(0, 2)).toEqual(['none', 'draft']);
    expect(new Set(statuses.slice(2))).toEqual(new Set(['certified']));
    const adopted = (await api.get(`${base}/plans?pageSize=100`)).json().items as { id: string }[];
    let adoptions = 0;
    for (const p of adopted) if ((await api.get(`${base}/resolutions/adoption?planId=${p.id}`)).json().adoptedBy) adoptions++;
    expect(adoptions).toBeGreaterThanOrEqual(2);
  }, 120_000);
});
