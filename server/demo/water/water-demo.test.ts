import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { tenants } from '../../db/schema';
import { buildTestApp, createUser, login, type TestApp } from '../../test/harness';
import { seedDemo } from '../seed';
import { demoClock } from '../clock';
import { seedWater } from './seed';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('water demo', () => {
  it('loads the Chomphu water regulation in two versions, the Phaya Kham weir system, groups in three zones and dry-season rotas, once', async () => {
    const started = Date.now();
    await seedDemo(t.database.db, () => {}, { dataDir: t.config.dataDir });
    const [ref] = await t.database.db
      .select({ id: tenants.id, slug: tenants.slug, nameTh: tenants.nameTh, nameEn: tenants.nameEn })
      .from(tenants)
      .where(eq(tenants.slug, 'chomphu'));
    const again = Date.now();
    expect(await seedWater(t.database.db, ref, demoClock())).toBeNull(); // idempotent
    expect(Date.now() - again).toBeLessThan(2000);
    await t.app.tenantDirectory.reload();
    const admin = await createUser(t, { platformAdmin: true });
    const api = await login(t, admin.email, admin.password);
    const base = '/api/v1/t/chomphu';

    const [reg] = (await api.get(`${base}/regulations`)).json() as { id: string; title: string; versionCount: number; inForceVersion: number }[];
    expect(reg).toMatchObject({ title: 'กฎระเบียบการบริหารน้ำตำบลชมภู', versionCount: 3, inForceVersion: 2 });
    const detail = (await api.get(`${base}/regulations/${reg.id}`)).json() as { versions: { id: string; adoption: { kind: string } | null }[] };
    expect(detail.versions.map((v) => v.adoption?.kind ?? 'draft')).toEqual(['community_vote', 'resolution', 'draft']);
    const diff = (await api.get(`${base}/regulations/${reg.id}/diff?from=${detail.versions[0].id}&to=${detail.versions[1].id}`)).json() as {
      clauses: { number: string; change: string }[];
    };
    expect(diff.clauses.filter((c) => c.change !== 'unchanged').map((c) => [c.number, c.change])).toEqual([
      ['8', 'changed'],
      ['10/1', 'added'],
      ['12', 'changed'],
      ['16', 'moved'],
    ]);

    const sources = (await api.get(`${base}/water/sources`)).json() as { kind: string; localGovernment: { name: string } }[];
    expect(sources.filter((s) => s.kind === 'side_canal')).toHaveLength(9);
    expect(new Set(sources.map((s) => s.localGovernment.name)).size).toBeGreaterThanOrEqual(5);
    const groups = (await api.get(`${base}/water/groups`)).json() as { zone: string; memberCount: number; head: unknown }[];
    expect(new Set(groups.map((g) => g.zone))).toEqual(new Set(['upstream', 'midstream', 'downstream']));
    expect(groups.every((g) => g.memberCount >= 6 && g.head)).toBe(true);
    const rotas = (await api.get(`${base}/water/rota`)).json() as { id: string; season: string; status: string; turnCount: number }[];
    expect(rotas).toHaveLength(2);
    expect(rotas.every((r) => r.status === 'published' && r.season.startsWith('ฤดูแล้ง') && r.turnCount >= 119)).toBe(true);
    const rota = (await api.get(`${base}/water/rota/${rotas[0].id}`)).json() as { shares: { quota: number; turns: number }[]; turns: { zone: string }[] };
    for (const s of rota.shares) expect(Math.abs(s.turns - s.quota)).toBeLessThan(1);
    expect(rota.turns[0].zone).toBe('downstream');
    // incidents: fines from the version in force on the day, two paid into the fund through the ledger
    const incidents = (await api.get(`${base}/water/incidents`)).json() as {
      occurredOn: string;
      fines: { amountSatang: number; regulationVersion: { number: number }; ledgerTransactionId: string | null }[];
    }[];
    expect(incidents).toHaveLength(6);
    const fines = incidents.flatMap((i) => i.fines);
    expect(fines.map((f) => f.regulationVersion.number).sort()).toEqual([1, 2, 2, 2]);
    expect(fines.find((f) => f.regulationVersion.number === 1)!.amountSatang).toBe(200_00);
    expect(fines.filter((f) => f.ledgerTransactionId).length).toBeGreaterThanOrEqual(1);
    expect(((await api.get(`${base}/ledger/verify`)).json() as { valid: boolean }).valid).toBe(true);
    // a third draft open for comment, with comments of citizens and a member, one answered
    const [period] = (await api.get(`${base}/regulations/comment-periods`)).json() as {
      id: string;
      status: string;
      commentCount: number;
      unansweredCount: number;
    }[];
    expect(period).toMatchObject({ status: 'open', commentCount: 3, unansweredCount: 2 });
    // this year's repair and dredging: labour as confirmed volunteer hours, materials in the ledger
    const works = (await api.get(`${base}/water/maintenance`)).json() as { id: string; people: number; labourMinutes: number; materialSatang: number }[];
    expect(works).toHaveLength(3);
    expect(works.every((w) => w.people > 0 && w.labourMinutes > 0)).toBe(true);
    expect(works.reduce((s, w) => s + w.materialSatang, 0)).toBe(3_600_00);
    const gs = (await api.get(`${base}/water/groups`)).json() as { id: string }[];
    const duty = (await api.get(`${base}/water/groups/${gs.at(-1)!.id}/duty`)).json() as { members: { given: number }[] };
    expect(duty.members.some((m) => m.given >= 2)).toBe(true);
    expect(Date.now() - started).toBeLessThan(600_000);
  });
});
