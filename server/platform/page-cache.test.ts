import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { buildTestApp, client, createUser, login, tenantWithUser, type Client, type TestApp } from '../test/harness';
import { openDatabase } from './db';
import { ifNoneMatch, PageCache, pageCache, VersionReads } from './page-cache';
import { rows } from './sql';

// The network list and the dashboard are answered from memory while the tenant's data version is unchanged
// (page-cache.ts, migration 0050). These tests go through the HTTP layer and fail when a change does not reach
// the next read: through the API, from a second app on the same database, and by SQL around the app.

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const cache = () => pageCache(t.database.db);

async function list(api: Client, base: string) {
  const res = await api.get(`${base}/networks?pageSize=50`);
  expect(res.statusCode).toBe(200);
  return res.json() as { items: { id: string; name: string; memberCount: number; coordinator: { name: string } | null }[]; total: number };
}
async function dash(api: Client, base: string) {
  const res = await api.get(`${base}/dashboard`);
  expect(res.statusCode).toBe(200);
  return res.json() as { totals: Record<string, number>; recentActivity: unknown[] };
}

/** Reads twice and checks the second read came from the cache (so the next check is about invalidation). */
async function warm(api: Client, base: string) {
  await list(api, base);
  await dash(api, base);
  const hits = cache().hits;
  await list(api, base);
  await dash(api, base);
  expect(cache().hits).toBe(hits + 2);
}

describe('page cache', () => {
  it('serves a repeated read from memory, the same bytes, and keys by query string', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    await api.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', pillar: 'locality', stage: 'build' });
    const first = await api.get(`${base}/networks?pageSize=50`);
    const hits = cache().hits;
    const second = await api.get(`${base}/networks?pageSize=50`);
    expect(cache().hits).toBe(hits + 1);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    // another filter is another answer
    expect((await api.get(`${base}/networks?pageSize=50&stage=seek`)).json().total).toBe(0);
    expect((await api.get(`${base}/networks?pageSize=50&stage=build`)).json().total).toBe(1);
  });

  it('shows every write through the API on the next read: create, rename, members, the coordinator’s rename, delete', async () => {
    const { api, base } = await tenantWithUser(t, 'admin');
    const coordinator = (await api.post(`${base}/partners`, { kind: 'person', name: 'นางบัวตอง ใจงาม', sector: 'locality' })).json();
    const member = (await api.post(`${base}/partners`, { kind: 'person', name: 'นายคำแปง ศรีวงค์', sector: 'locality' })).json();
    await warm(api, base);

    const n = (
      await api.post(`${base}/networks`, { name: 'เครือข่ายอาสาสมัครดูแลผู้สูงอายุ', pillar: 'people', stage: 'seek', coordinatorPartyId: coordinator.id })
    ).json();
    expect((await list(api, base)).items.map((x) => x.name)).toEqual(['เครือข่ายอาสาสมัครดูแลผู้สูงอายุ']);
    expect((await dash(api, base)).totals.networks).toBe(1);

    await warm(api, base);
    expect((await api.patch(`${base}/networks/${n.id}`, { name: 'เครือข่ายผู้สูงอายุตำบลชมภู' })).statusCode).toBe(200);
    expect((await list(api, base)).items[0].name).toBe('เครือข่ายผู้สูงอายุตำบลชมภู');

    await warm(api, base);
    const before = (await list(api, base)).items[0].memberCount;
    expect((await api.post(`${base}/networks/${n.id}/members`, { partyId: member.id, role: 'member' })).statusCode).toBe(201);
    expect((await list(api, base)).items[0].memberCount).toBe(before + 1);
    expect((await dash(api, base)).totals.memberships).toBe(before + 1);

    await warm(api, base);
    expect((await api.patch(`${base}/partners/${coordinator.id}`, { name: 'นางบัวตอง ใจงามยิ่ง' })).statusCode).toBe(200);
    expect((await list(api, base)).items[0].coordinator?.name).toBe('นางบัวตอง ใจงามยิ่ง');

    await warm(api, base);
    expect((await api.delete(`${base}/networks/${n.id}`)).statusCode).toBe(204);
    expect((await list(api, base)).total).toBe(0);
    expect((await dash(api, base)).totals.networks).toBe(0);
  });

  it('shows a write made by SQL around the app, as the owner and as the app role', async () => {
    const { tenant, api, base } = await tenantWithUser(t, 'officer');
    const n = (await api.post(`${base}/networks`, { name: 'เครือข่ายเยาวชนรักษ์น้ำ', pillar: 'people', stage: 'build' })).json();
    await warm(api, base);
    await t.database.db.execute(sql`update networks set name = 'เครือข่ายเยาวชนรักษ์น้ำปิง' where tenant_id = ${tenant.id} and id = ${n.id}`);
    expect((await list(api, base)).items[0].name).toBe('เครือข่ายเยาวชนรักษ์น้ำปิง');

    await warm(api, base);
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local app.tenant_id = '${tenant.id}'`));
      await tx.execute(sql`set local role phakhi_app`);
      await tx.execute(sql`delete from networks where tenant_id = ${tenant.id} and id = ${n.id}`);
    });
    expect((await list(api, base)).total).toBe(0);
    expect((await dash(api, base)).totals.networks).toBe(0);
  });

  it('a rolled-back write changes nothing, and a write in another tenant leaves this one cached', async () => {
    const a = await tenantWithUser(t, 'officer');
    const b = await tenantWithUser(t, 'officer');
    await a.api.post(`${a.base}/networks`, { name: 'เครือข่ายเกษตรอินทรีย์', pillar: 'locality', stage: 'develop' });
    await warm(a.api, a.base);
    const version = async () =>
      (await rows<{ v: string }>(t.database.db, sql`select version::text as v from tenant_data_versions where tenant_id = ${a.tenant.id}`))[0]?.v;
    const v1 = await version();
    await t.database.db
      .transaction(async (tx) => {
        const changed = await tx.execute(sql`update networks set name = 'ไม่บันทึก' where tenant_id = ${a.tenant.id}`);
        const r = changed as unknown as { rowCount?: number; affectedRows?: number };
        expect(r.rowCount ?? r.affectedRows).toBe(1);
        tx.rollback();
      })
      .catch(() => {});
    expect(await version()).toBe(v1);
    expect((await b.api.post(`${b.base}/networks`, { name: 'เครือข่ายท่ากว้าง', pillar: 'local', stage: 'seek' })).statusCode).toBe(201);
    const hits = cache().hits;
    expect((await list(a.api, a.base)).items[0].name).toBe('เครือข่ายเกษตรอินทรีย์');
    expect(cache().hits).toBe(hits + 1);
  });

  it('sees a write made by a second app (another process) on the same database', async () => {
    const { tenant, user, api, base } = await tenantWithUser(t, 'officer');
    await warm(api, base);
    // a second server: its own pool and caches (PostgreSQL); on PGlite, which one process owns, SQL through the
    // same handle stands in for it (the test above)
    if (!t.config.databaseUrl) return;
    const other = await openDatabase({ databaseUrl: t.config.databaseUrl, poolSize: 2 });
    const app2 = await buildApp({ config: t.config, database: other, logger: false });
    try {
      await app2.ready();
      const res = await app2.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email: user.email, password: user.password },
        headers: { origin: 'http://localhost', host: 'localhost' },
      });
      const cookie = res.cookies.find((c) => c.name === 'phakhi_session')!;
      const api2 = {
        post: (url: string, body: unknown) =>
          app2.inject({
            method: 'POST',
            url,
            payload: body as never,
            headers: { cookie: `phakhi_session=${cookie.value}`, origin: 'http://localhost', host: 'localhost' },
          }),
      };
      expect((await api2.post(`/api/v1/t/${tenant.slug}/networks`, { name: 'เครือข่ายจากอีกเครื่อง', pillar: 'local', stage: 'seek' })).statusCode).toBe(201);
      expect((await list(api, base)).items.map((x) => x.name)).toEqual(['เครือข่ายจากอีกเครื่อง']);
      expect((await dash(api, base)).totals.networks).toBe(1);
    } finally {
      await app2.close();
      await other.close();
    }
  });

  it('two writers of one tenant that take their locks in opposite orders do not deadlock on the version', async () => {
    // The token is replaced at commit (a deferred trigger), after every other lock a transaction holds, so it cannot
    // close a cycle. Taken at a transaction's first write instead, this order deadlocks: PostgreSQL only.
    if (!t.config.databaseUrl) return;
    const { tenant, api, base } = await tenantWithUser(t, 'officer');
    const made = await Promise.all(
      ['เครือข่ายหนึ่ง', 'เครือข่ายสอง'].map(async (name) => (await api.post(`${base}/networks`, { name, pillar: 'local', stage: 'seek' })).json().id as string),
    );
    const [before] = await rows<{ version: string }>(t.database.db, sql`select version::text from tenant_data_versions where tenant_id = ${tenant.id}`);
    const one = new pg.Client({ connectionString: t.config.databaseUrl });
    const two = new pg.Client({ connectionString: t.config.databaseUrl });
    await Promise.all([one.connect(), two.connect()]);
    try {
      await one.query('begin');
      await one.query('select pg_advisory_xact_lock(6021)');
      await two.query('begin');
      // with the tenant named, as the app writes (on Citus a write without it is a multi-shard one, which takes
      // Citus's shard locks and deadlocks in this order whatever the version does)
      await two.query(`update networks set name = name || ' ' where tenant_id = $2 and id = $1`, [made[1], tenant.id]);
      // kept settled so that a failure of the first writer is reported as the test's, not as an unhandled rejection
      const twoWaits = two.query('select pg_advisory_xact_lock(6021)').then(
        () => null,
        (err: unknown) => err,
      );
      // until the second writer is queued behind the first one's lock
      for (let i = 0; ; i++) {
        if ((await rows(t.database.db, sql`select 1 from pg_locks where locktype = 'advisory' and not granted`)).length) break;
        if (i > 5000) throw new Error('the second writer never queued for the lock');
      }
      await one.query(`update networks set name = name || ' ' where tenant_id = $2 and id = $1`, [made[0], tenant.id]);
      await one.query('commit');
      const twoFailed = await twoWaits;
      if (twoFailed) throw twoFailed;
      await two.query('commit');
    } finally {
      await Promise.all([one.end(), two.end()]);
    }
    const [after] = await rows<{ version: string }>(t.database.db, sql`select version::text from tenant_data_versions where tenant_id = ${tenant.id}`);
    expect(after.version).not.toBe(before.version);
    expect((await list(api, base)).items.map((x) => x.name).sort()).toEqual(['เครือข่ายสอง ', 'เครือข่ายหนึ่ง ']);
  });

  it('under concurrent reads, a read that starts after a write has committed sees it', async () => {
    const { api, base } = await tenantWithUser(t, 'officer');
    await warm(api, base);
    for (let round = 0; round < 3; round++) {
      const name = `เครือข่ายรอบที่ ${round + 1}`;
      const before = Array.from({ length: 20 }, () => api.get(`${base}/networks?pageSize=50`));
      const write = api.post(`${base}/networks`, { name, pillar: 'people', stage: 'seek' });
      const during = Array.from({ length: 20 }, () => api.get(`${base}/networks?pageSize=50`));
      expect((await write).statusCode).toBe(201);
      const after = await Promise.all(Array.from({ length: 20 }, () => list(api, base)));
      for (const page of after) expect(page.items.map((x) => x.name)).toContain(name);
      for (const r of await Promise.all([...before, ...during])) expect(r.statusCode).toBe(200);
    }
  });

  it('keys the dashboard by what the role may see; role change, deactivation and logout act at once', async () => {
    const { tenant, api: officer, base } = await tenantWithUser(t, 'officer');
    await officer.post(`${base}/partners`, { kind: 'person', name: 'นายอินสม ปัญญาดี', sector: 'locality' });
    const admin = await createUser(t, { tenantId: tenant.id, role: 'admin' });
    const adminApi = await login(t, admin.email, admin.password);
    const member = await createUser(t, { tenantId: tenant.id, role: 'member' });
    const memberApi = await login(t, member.email, member.password);
    const m = await createUser(t, { tenantId: tenant.id, role: 'officer' });
    const mApi = await login(t, m.email, m.password);
    // the same data, two answers: officers see recent activity, members do not
    expect((await dash(officer, base)).recentActivity.length).toBeGreaterThan(0);
    expect((await dash(memberApi, base)).recentActivity).toEqual([]);
    expect((await dash(mApi, base)).recentActivity.length).toBeGreaterThan(0);

    // the officer becomes a member: the next read is a member's (no activity), though the data did not change
    expect((await adminApi.patch(`${base}/users/${m.id}`, { role: 'member' })).statusCode).toBe(200);
    await dash(officer, base); // refill the officers' answer after the membership write
    expect((await dash(mApi, base)).recentActivity).toEqual([]);
    expect((await dash(officer, base)).recentActivity.length).toBeGreaterThan(0);

    // deactivated: refused, not served the cached answer
    expect((await adminApi.patch(`${base}/users/${m.id}`, { active: false })).statusCode).toBe(200);
    expect((await mApi.get(`${base}/dashboard`)).statusCode).toBe(403);
    expect((await mApi.get(`${base}/networks?pageSize=50`)).statusCode).toBe(403);

    // logged out: refused
    await dash(officer, base);
    await list(officer, base);
    expect((await officer.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    expect((await officer.get(`${base}/dashboard`)).statusCode).toBe(401);
    expect((await officer.get(`${base}/networks?pageSize=50`)).statusCode).toBe(401);
    expect((await client(t).get(`${base}/networks?pageSize=50`)).statusCode).toBe(401);
  });
});

describe('compressed once, validated by ETag', () => {
  const BROWSER = { 'accept-encoding': 'gzip, deflate, br, zstd' };

  it('compresses a stored answer once per encoding, sends the stored bytes after, and counts them in memory', async () => {
    const { tenant, api, base } = await tenantWithUser(t, 'officer');
    for (let i = 1; i <= 8; i++) await api.post(`${base}/networks`, { name: `เครือข่ายอนุรักษ์ป่าต้นน้ำบ้านป่าตาล หมู่ ${i}`, pillar: 'locality', stage: 'build' });
    const plain = await api.get(`${base}/networks?pageSize=50`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const plainBytes = cache().tenantBytes(tenant.id);
    const compressions = cache().compressions;

    // ten browsers at once: one compression, shared
    const many = await Promise.all(Array.from({ length: 10 }, () => api.get(`${base}/networks?pageSize=50`, BROWSER)));
    expect(cache().compressions).toBe(compressions + 1);
    for (const r of many) {
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-encoding']).toBe('br');
      expect(r.headers.vary).toMatch(/accept-encoding/i);
      expect(r.rawPayload.equals(many[0].rawPayload)).toBe(true);
    }
    const br = many[0].rawPayload;
    expect(br.length).toBeLessThan(plain.rawPayload.length / 4);
    expect(zlib.brotliDecompressSync(br).equals(plain.rawPayload)).toBe(true);
    // the compressed copy is counted in the tenant's (and the cache's) bytes
    expect(cache().tenantBytes(tenant.id)).toBe(plainBytes + br.length);

    const gz = await api.get(`${base}/networks?pageSize=50`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).equals(plain.rawPayload)).toBe(true);
    await api.get(`${base}/networks?pageSize=50`, { 'accept-encoding': 'gzip' });
    await api.get(`${base}/networks?pageSize=50`, BROWSER);
    expect(cache().compressions).toBe(compressions + 2);

    // a write: a new entry, compressed anew
    await api.post(`${base}/networks`, { name: 'เครือข่ายใหม่', pillar: 'people', stage: 'seek' });
    const after = await api.get(`${base}/networks?pageSize=50`, BROWSER);
    expect(JSON.parse(zlib.brotliDecompressSync(after.rawPayload).toString()).total).toBe(9);
    expect(cache().compressions).toBe(compressions + 3);
  });

  it('answers 304 to the current ETag; a write, another user, role or language, or another encoding gets another', async () => {
    const { tenant, api, base } = await tenantWithUser(t, 'officer');
    await api.post(`${base}/networks`, { name: 'เครือข่ายแม่บ้านเกษตรกร', pillar: 'people', stage: 'develop' });
    for (const path of [`${base}/networks?pageSize=50`, `${base}/dashboard`]) {
      const first = await api.get(path, BROWSER);
      expect(first.statusCode).toBe(200);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+-br"$/);
      expect(first.headers['cache-control']).toBe('private, no-cache');
      expect(first.headers.vary).toMatch(/accept-encoding/i);

      const again = await api.get(path, { ...BROWSER, 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.rawPayload.length).toBe(0);
      expect(again.headers.etag).toBe(etag);
      expect(again.headers['cache-control']).toBe('private, no-cache');
      // a weak form of the same tag, and a list that names it, also match (If-None-Match compares weakly)
      expect((await api.get(path, { ...BROWSER, 'if-none-match': `"other", W/${etag}` })).statusCode).toBe(304);

      // another encoding is another representation: the br tag does not match a gzip or plain answer
      const plain = await api.get(path, { 'if-none-match': etag });
      expect(plain.statusCode).toBe(200);
      expect(plain.headers.etag).not.toBe(etag);
      expect((await api.get(path, { 'if-none-match': plain.headers.etag as string })).statusCode).toBe(304);

      // English: another answer, another tag
      const en = await api.get(path, { ...BROWSER, 'accept-language': 'en', 'if-none-match': etag });
      expect(en.statusCode).toBe(200);
      expect(en.headers.etag).not.toBe(etag);
    }

    // another user with the same role, and another role: their own tags, never this one's
    const other = await createUser(t, { tenantId: tenant.id, role: 'officer' });
    const otherApi = await login(t, other.email, other.password);
    const member = await createUser(t, { tenantId: tenant.id, role: 'member' });
    const memberApi = await login(t, member.email, member.password);
    const mine = (await api.get(`${base}/networks?pageSize=50`, BROWSER)).headers.etag as string;
    for (const someone of [otherApi, memberApi]) {
      const theirs = await someone.get(`${base}/networks?pageSize=50`, { ...BROWSER, 'if-none-match': mine });
      expect(theirs.statusCode).toBe(200);
      expect(theirs.headers.etag).not.toBe(mine);
    }

    // a write anywhere in the tenant: the old tag gets the new answer with a new tag
    const before = (await api.get(`${base}/dashboard`, BROWSER)).headers.etag as string;
    await api.post(`${base}/partners`, { kind: 'person', name: 'นางจันทร์เพ็ญ คำมูล', sector: 'locality' });
    for (const [path, old] of [
      [`${base}/networks?pageSize=50`, mine],
      [`${base}/dashboard`, before],
    ]) {
      const res = await api.get(path, { ...BROWSER, 'if-none-match': old });
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).not.toBe(old);
      expect(res.rawPayload.length).toBeGreaterThan(0);
    }
    // a write by SQL around the app as well
    const now = (await api.get(`${base}/networks?pageSize=50`, BROWSER)).headers.etag as string;
    expect((await api.get(`${base}/networks?pageSize=50`, { ...BROWSER, 'if-none-match': now })).statusCode).toBe(304);
    await t.database.db.execute(sql`update networks set name = name || ' (แก้)' where tenant_id = ${tenant.id}`);
    const changed = await api.get(`${base}/networks?pageSize=50`, { ...BROWSER, 'if-none-match': now });
    expect(changed.statusCode).toBe(200);
    expect(JSON.parse(zlib.brotliDecompressSync(changed.rawPayload).toString()).items[0].name).toBe('เครือข่ายแม่บ้านเกษตรกร (แก้)');
  });

  it('a deactivated or logged-out caller gets 403 or 401 with the old ETag, never a 304', async () => {
    const { tenant, api: admin, base } = await tenantWithUser(t, 'admin');
    const officer = await createUser(t, { tenantId: tenant.id, role: 'officer' });
    const officerApi = await login(t, officer.email, officer.password);
    const list = `${base}/networks?pageSize=50`;
    const dash = `${base}/dashboard`;
    const tags = {
      list: (await officerApi.get(list, BROWSER)).headers.etag as string,
      dash: (await officerApi.get(dash, BROWSER)).headers.etag as string,
      adminList: (await admin.get(list, BROWSER)).headers.etag as string,
    };
    expect((await officerApi.get(list, { ...BROWSER, 'if-none-match': tags.list })).statusCode).toBe(304);
    expect((await officerApi.get(dash, { ...BROWSER, 'if-none-match': tags.dash })).statusCode).toBe(304);

    expect((await admin.patch(`${base}/users/${officer.id}`, { active: false })).statusCode).toBe(200);
    expect((await officerApi.get(list, { ...BROWSER, 'if-none-match': tags.list })).statusCode).toBe(403);
    expect((await officerApi.get(dash, { ...BROWSER, 'if-none-match': tags.dash })).statusCode).toBe(403);
    expect((await officerApi.get(list, { ...BROWSER, 'if-none-match': '*' })).statusCode).toBe(403);

    const fresh = (await admin.get(list, BROWSER)).headers.etag as string;
    expect((await admin.get(list, { ...BROWSER, 'if-none-match': fresh })).statusCode).toBe(304);
    expect((await admin.post('/api/v1/auth/logout')).statusCode).toBeLessThan(300);
    expect((await admin.get(list, { ...BROWSER, 'if-none-match': fresh })).statusCode).toBe(401);
    expect((await client(t).get(list, { ...BROWSER, 'if-none-match': fresh })).statusCode).toBe(401);
    expect(tags.adminList).not.toBe(tags.list);
  });

  it('reads If-None-Match as RFC 9110 has it', () => {
    expect(ifNoneMatch(undefined, '"a-br"')).toBe(false);
    expect(ifNoneMatch('"a-br"', '"a-br"')).toBe(true);
    expect(ifNoneMatch('W/"a-br"', '"a-br"')).toBe(true);
    expect(ifNoneMatch('"x", "a-br"', '"a-br"')).toBe(true);
    expect(ifNoneMatch('*', '"a-br"')).toBe(true);
    expect(ifNoneMatch('"a"', '"a-br"')).toBe(false);
    expect(ifNoneMatch('"a-br', '"a-br"')).toBe(false);
  });
});

describe('the data version, from the catalog', () => {
  it('every table with a tenant_id column has the deferred version trigger for insert, update and delete', async () => {
    const tables = await rows<{ name: string; ok: boolean }>(
      t.database.db,
      sql`select c.relname as name,
                 exists (select 1 from pg_trigger g join pg_proc p on p.oid = g.tgfoid
                          where g.tgrelid = c.oid and p.proname = 'phakhi_bump_data_version' and g.tgenabled <> 'D'
                            and g.tgdeferrable and g.tginitdeferred
                            and (g.tgtype & 1) = 1 -- for each row
                            and (g.tgtype & 4) = 4 and (g.tgtype & 8) = 8 and (g.tgtype & 16) = 16) as ok -- insert, delete, update
          from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
          where c.relkind in ('r', 'p') and c.relname <> 'tenant_data_versions'
            and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
          order by 1`,
    );
    expect(tables.length).toBeGreaterThan(50);
    expect(tables.filter((x) => !x.ok).map((x) => x.name)).toEqual([]);
  });

  it('the cached pages read no table without tenant_id (whose changes would not move the version)', async () => {
    // take the app role's SELECT on every table without tenant_id for the length of two cold reads: a page that
    // joined one (a user's name, the tenant's row) would fail with "permission denied" instead of going stale
    const global = await rows<{ name: string }>(
      t.database.db,
      sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
          where c.relkind = 'r' and has_table_privilege('phakhi_app', c.oid, 'select')
            and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`,
    );
    expect(global.map((g) => g.name)).toContain('users');
    const { api, base } = await tenantWithUser(t, 'admin');
    await api.post(`${base}/networks`, { name: 'เครือข่ายวัฒนธรรมล้านนา', pillar: 'people', stage: 'develop' });
    const misses = cache().misses;
    for (const g of global) await t.database.db.execute(sql.raw(`revoke select on ${g.name} from phakhi_app`));
    try {
      expect((await api.get(`${base}/networks?pageSize=50`)).statusCode).toBe(200);
      expect((await api.get(`${base}/dashboard`)).statusCode).toBe(200);
    } finally {
      for (const g of global) await t.database.db.execute(sql.raw(`grant select on ${g.name} to phakhi_app`));
    }
    expect(cache().misses).toBe(misses + 2);
  });
});

describe('VersionReads', () => {
  it('shares one read among requests, but never one sent before a request arrived', async () => {
    let version = 'v1';
    const answer: (() => void)[] = [];
    // a read sees the version of the moment it is sent, as a statement sees its snapshot
    const reads = new VersionReads(
      () =>
        new Promise<string>((resolve) => {
          const seen = version;
          answer.push(() => resolve(seen));
        }),
    );
    const a = reads.get();
    version = 'v2'; // a write commits while the first read is in flight
    const b = reads.get();
    const c = reads.get();
    expect(reads.reads).toBe(1);
    answer.shift()!();
    expect(await a).toBe('v1');
    await new Promise((r) => setImmediate(r));
    expect(reads.reads).toBe(2); // b and c share one read, started after they arrived
    answer.shift()!();
    expect([await b, await c]).toEqual(['v2', 'v2']);
    // nothing in flight: the next request starts its own read
    const d = reads.get();
    expect(reads.reads).toBe(3);
    answer.shift()!();
    expect(await d).toBe('v2');
  });
});

describe('PageCache memory', () => {
  it('drops the least recently used answers past the total, and a tenant past its share loses only its own', () => {
    const c = new PageCache(16_000, 4_000);
    const body = Buffer.from('x'.repeat(1_800)); // ≈ 1.9 kB counted
    c.put('a', 'k1', 'v', body);
    c.put('a', 'k2', 'v', body);
    for (let i = 0; i < 6; i++) c.put('b', `k${i}`, 'v', body);
    // b holds at most its share; a's two answers are untouched by b's
    expect(c.tenantBytes('b')).toBeLessThanOrEqual(4_000);
    expect(c.get('a', 'k1', 'v')).toBe(body);
    expect(c.get('a', 'k2', 'v')).toBe(body);
    expect(c.get('b', 'k5', 'v')).toBe(body);
    expect(c.get('b', 'k0', 'v')).toBeUndefined();
    // many tenants: the total stays under the cap, the most recently used survive
    for (let i = 0; i < 40; i++) c.put(`t${i}`, 'k', 'v', body);
    expect(c.size.bytes).toBeLessThanOrEqual(16_000);
    expect(c.get('t39', 'k', 'v')).toBe(body);
    expect(c.get('a', 'k1', 'v')).toBeUndefined();
    // a stale version is a miss and frees its memory
    const before = c.size.bytes;
    expect(c.get('t39', 'k', 'other')).toBeUndefined();
    expect(c.size.bytes).toBeLessThan(before);
    // an answer larger than a tenant's share is not kept
    c.put('big', 'k', 'v', Buffer.alloc(5_000));
    expect(c.get('big', 'k', 'v')).toBeUndefined();
  });

  it('counts compressed copies against the caps', async () => {
    const c = new PageCache(64_000, 8_000);
    const text = (n: number) => Buffer.from(JSON.stringify(Array.from({ length: n }, (_, i) => ({ id: i, name: `เครือข่าย ${i}` }))));
    const e = c.put('a', 'k', 'v', text(40));
    const before = c.tenantBytes('a');
    const [x, y] = await Promise.all([c.encoded(e, 'br'), c.encoded(e, 'br')]);
    expect(x).toBe(y);
    expect(c.compressions).toBe(1);
    expect(c.tenantBytes('a')).toBe(before + x.length);
    expect(c.size.bytes).toBe(before + x.length);
    const g = await c.encoded(e, 'gzip');
    expect(c.tenantBytes('a')).toBe(before + x.length + g.length);
    // past the tenant's share, the oldest answers go, the compressed bytes with them
    const big = c.put('a', 'k2', 'v', text(150));
    expect(c.get('a', 'k', 'v')).toBeUndefined();
    expect(c.tenantBytes('a')).toBe(big.bytes);
    // a copy made for an answer that was dropped meanwhile is not counted
    const stale = c.put('b', 'k', 'v', text(40));
    const pending = c.encoded(stale, 'br');
    expect(c.get('b', 'k', 'other')).toBeUndefined();
    await pending;
    expect(c.tenantBytes('b')).toBe(0);
    expect(c.size.bytes).toBe(c.tenantBytes('a'));
  });
});
