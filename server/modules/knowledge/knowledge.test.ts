import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rows } from '../../platform/sql';
import { buildTestApp, createUser, login, tenantWithUser, type Client, type TestApp } from '../../test/harness';

let t: TestApp;
let admin: Client;
let base: string;
let memberWater: Client; // linked partner is a member of the water network
let memberElderly: Client; // linked partner is a member of the elderly network only
let coordinator: Client;
let other: { api: Client; base: string };
const net = { water: '', elderly: '' };
const party = { water: '', elderly: '' };

const q = (s: string) => encodeURIComponent(s);
const titles = (res: { json(): { items: { title: string }[] } }) => res.json().items.map((i) => i.title);

async function item(body: Record<string, unknown>, api = admin) {
  const res = await api.post(`${base}/knowledge`, { type: 'lesson', ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

beforeAll(async () => {
  t = await buildTestApp();
  const a = await tenantWithUser(t, 'admin');
  admin = a.api;
  base = a.base;
  party.water = (await admin.post(`${base}/partners`, { kind: 'person', name: 'นายบุญมา แก่ฝาย', sector: 'locality' })).json().id;
  party.elderly = (await admin.post(`${base}/partners`, { kind: 'person', name: 'นางแสงดา ใจดี', sector: 'civil_society' })).json().id;
  net.water = (await admin.post(`${base}/networks`, { name: 'เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ', pillar: 'locality', coordinatorPartyId: party.water })).json().id;
  net.elderly = (await admin.post(`${base}/networks`, { name: 'เครือข่ายฟื้นฟูสมรรถภาพผู้สูงอายุ', pillar: 'people', coordinatorPartyId: party.elderly })).json().id;
  const mk = async (role: 'member' | 'coordinator', partyId: string) => {
    const email = `m-${crypto.randomUUID()}@example.org`;
    const account = await createUser(t, { tenantId: a.tenant.id, role, email, name: `สมาชิก ${role}`, partyId });
    return login(t, email, account.password);
  };
  memberWater = await mk('member', party.water);
  memberElderly = await mk('member', party.elderly);
  coordinator = await mk('coordinator', party.elderly);
  other = await tenantWithUser(t, 'admin');

  await item({
    title: 'ระบบการจัดการน้ำชุมชน',
    summary: 'บทเรียนจากลำเหมือง',
    body: 'โครงการพัฒนาระบบการจัดการน้ำชุมชนของภาคีเครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำเพื่อแบ่งปันน้ำอย่างเป็นธรรม',
    tags: ['เหมืองฝาย', 'ปันน้ำ'],
    networkIds: [net.water],
    publishedOn: '2023-11-15',
  });
  await item({
    title: 'ฟื้นฟูร่างกายที่บ้าน',
    type: 'good_practice',
    body: 'กิจกรรมฟื้นฟูสมรรถภาพผู้สูงอายุที่มีภาวะพึ่งพิงโดยอาสาสมัครในชุมชนทุกสัปดาห์',
    tags: ['ผู้สูงอายุ'],
    networkIds: [net.elderly],
    publishedOn: '2024-03-01',
  });
  await item({ title: 'บันทึกหน้าฝนปี 2565', body: 'ปีนั้นเกิดน้ำท่วมขังในหมู่บ้านนานสองสัปดาห์', publishedOn: '2022-09-20' });
  await item({ title: 'เรื่องเล่าของพ่อหลวง', type: 'local_wisdom', body: 'ทุ่งนาท่วมน้ำหลากทั้งทุ่งแต่ข้าวพันธุ์พื้นเมืองยังรอด', publishedOn: '2022-10-05' });
  await item({ title: 'ประวัติเหมืองฝายพญาคำ', type: 'case_study', body: 'ประวัติโดยย่อ', publishedOn: '2021-01-10' });
  await item({
    title: 'แผนรอบเวรเฉพาะเครือข่าย',
    visibility: 'network',
    networkIds: [net.water],
    body: 'ตารางรอบเวรลับเฉพาะภายในเครือข่ายผู้ใช้น้ำ คำค้นพิเศษ ปันน้ำลับ',
    publishedOn: '2024-06-01',
  });
});
afterAll(() => t.close());

describe('knowledge items', () => {
  it('creates an item as version 1 and refuses bad input with field messages', async () => {
    const created = await item({
      title: 'คู่มืออาสาสมัคร',
      type: 'manual',
      body: '# ชื่อบท\n\n## หัวข้อ\n\n**สำคัญ** ข้อความ',
      tags: ['อาสา', 'อาสา'],
      networkIds: [net.elderly, net.water],
      parties: [
        { partyId: party.elderly, role: 'author' },
        { partyId: party.water, role: 'contributor' },
      ],
    });
    expect(created).toMatchObject({ version: 1, type: 'manual', tags: ['อาสา'], visibility: 'tenant', canEdit: true, attachments: [], forums: [] });
    expect(created.bodyHtml).toBe('<h2>ชื่อบท</h2>\n<h3>หัวข้อ</h3>\n<p><strong>สำคัญ</strong> ข้อความ</p>');
    expect(created.networks.map((n: { id: string }) => n.id)).toEqual([net.elderly, net.water]);
    expect(created.parties.map((p: { role: string }) => p.role)).toEqual(['author', 'contributor']);

    const bad = await admin.post(`${base}/knowledge`, { type: 'unknown', body: 5 }, { 'accept-language': 'en' });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['body', 'title', 'type']);
    const unknownNet = await admin.post(`${base}/knowledge`, {
      title: 'x',
      type: 'lesson',
      networkIds: [crypto.randomUUID()],
      parties: [{ partyId: crypto.randomUUID() }],
    });
    expect(unknownNet.statusCode).toBe(400);
    expect(unknownNet.json().error.fields).toEqual({ 'networkIds.0': 'ไม่พบเครือข่ายนี้', 'parties.0.partyId': 'ไม่พบภาคีนี้' });
    const noNet = await admin.post(`${base}/knowledge`, { title: 'x', type: 'lesson', visibility: 'network' }, { 'accept-language': 'en' });
    expect(noNet.json().error.fields).toEqual({ networkIds: 'Network-only visibility needs at least one network.' });
    // another tenant's network cannot be linked
    const foreign = (await other.api.post(`${other.base}/networks`, { name: 'อื่น', pillar: 'people' })).json().id;
    expect((await admin.post(`${base}/knowledge`, { title: 'x', type: 'lesson', networkIds: [foreign] })).statusCode).toBe(400);
    // members read but do not write
    expect((await memberWater.post(`${base}/knowledge`, { title: 'x', type: 'lesson' })).statusCode).toBe(403);
    const audit = (await admin.get(`${base}/audit?entity=knowledge_item&entityId=${created.id}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'create', entityLabel: 'คู่มืออาสาสมัคร' });
  });

  it('renders Markdown harmlessly: no script, no javascript: links, no event handlers', async () => {
    const body = [
      '<script>alert(1)</script>',
      '[คลิก](javascript:alert(1)) [x](JAVASCRIPT:alert(2)) [y](  javascript:alert(3)) [z](jav&#x09;ascript:alert(4)) [d](data:text/html;base64,PHNjcmlwdD4=)',
      '<img src=x onerror=alert(5)> <a href="javascript:alert(6)">a</a> <iframe src="https://evil.example"></iframe>',
      '![pic](javascript:alert(7)) ![ok](https://example.org/a.png) [ดี](https://example.org/?a=1&b=2)',
      '<svg onload=alert(8)>',
    ].join('\n\n');
    const created = await item({ title: 'ทดสอบความปลอดภัย', body });
    for (const html of [created.bodyHtml, (await admin.post(`${base}/knowledge/preview`, { body })).json().html]) {
      expect(html).not.toMatch(/<script/i);
      expect(html).not.toMatch(/<iframe/i);
      expect(html).not.toMatch(/<svg/i);
      expect(html).not.toMatch(/<a\s[^>]*href="\s*(javascript|data|vbscript):/i);
      expect(html).not.toMatch(/<img\s[^>]*src="\s*javascript:/i);
      expect(html).not.toMatch(/<[a-z][^>]*\son\w+=/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('<a href="https://example.org/?a=1&amp;b=2" rel="noopener noreferrer nofollow">ดี</a>');
      expect(html).toContain('<img src="https://example.org/a.png" alt="ok" />');
    }
  });

  it('edits as versions, shows a readable diff, restores an old version, and refuses a stale edit', async () => {
    const v1 = await item({ title: 'วิธีซ่อมฝาย', body: 'บรรทัดแรก\nใช้ไม้ไผ่และหินกั้นลำน้ำ\nบรรทัดสุดท้าย', tags: ['ฝาย'] });
    const url = `${base}/knowledge/${v1.id}`;
    const v2 = (await admin.patch(url, { body: 'บรรทัดแรก\nใช้ไม้ไผ่ หิน และกระสอบทรายกั้นลำน้ำ\nบรรทัดสุดท้าย\nเพิ่มบรรทัดใหม่', note: 'เพิ่มวัสดุ', baseVersion: 1 })).json();
    expect(v2.version).toBe(2);
    const v3 = await admin.patch(url, { title: 'วิธีซ่อมฝายแบบดั้งเดิม', tags: ['ฝาย', 'ภูมิปัญญา'] });
    expect(v3.json().version).toBe(3);
    // nothing changed: no new version
    expect((await admin.patch(url, { title: 'วิธีซ่อมฝายแบบดั้งเดิม' })).json().version).toBe(3);
    // an edit based on an old version is refused
    const stale = await admin.patch(url, { body: 'ทับของคนอื่น', baseVersion: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.fields.baseVersion).toContain('มีผู้อื่นแก้ไขชุดความรู้นี้ไปแล้ว');

    const history = (await admin.get(`${url}/versions`)).json();
    expect(history.total).toBe(3);
    expect(history.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    expect(history.items[1]).toMatchObject({ note: 'เพิ่มวัสดุ', changed: ['body'] });
    expect(history.items[0].changed).toEqual(['title', 'tags']);

    const diff = (await admin.get(`${url}/diff?from=1&to=3`)).json();
    expect(diff.fields.map((f: { field: string }) => f.field)).toEqual(['title', 'tags']);
    expect(diff.fields[0].parts).toEqual([
      { op: 'equal', text: 'วิธีซ่อมฝาย' },
      { op: 'added', text: 'แบบดั้งเดิม' },
    ]);
    expect(diff.bodyStats).toEqual({ added: 2, removed: 1 });
    const changed = diff.body.find((l: { op: string }) => l.op === 'changed');
    expect(changed.oldText).toBe('ใช้ไม้ไผ่และหินกั้นลำน้ำ');
    expect(changed.parts.some((p: { op: string; text: string }) => p.op === 'added' && p.text.includes('กระสอบทราย'))).toBe(true);
    expect(changed.parts.map((p: { text: string }) => p.text).join('')).not.toBe('');
    expect(diff.body.at(-1)).toMatchObject({ op: 'added', newText: 'เพิ่มบรรทัดใหม่', newLine: 4 });

    const old = (await admin.get(`${url}/versions/1`)).json();
    expect(old).toMatchObject({ version: 1, title: 'วิธีซ่อมฝาย', tags: ['ฝาย'] });
    const restored = await admin.post(`${url}/versions/1/restore`, { note: 'กลับไปฉบับแรก' });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ version: 4, title: 'วิธีซ่อมฝาย', body: v1.body, tags: ['ฝาย'] });
    const latest = (await admin.get(`${url}/versions?pageSize=1`)).json();
    expect(latest).toMatchObject({ total: 4, pageSize: 1 });
    expect(latest.items[0]).toMatchObject({ version: 4, restoredFrom: 1, note: 'กลับไปฉบับแรก' });
    expect((await admin.get(`${url}/diff?from=1&to=4`)).json()).toMatchObject({ fields: [], bodyStats: { added: 0, removed: 0 } });
    expect((await admin.get(`${url}/versions/9`)).statusCode).toBe(404);
    expect((await admin.get(`${url}/diff?from=1&to=9`)).statusCode).toBe(404);
    expect((await memberWater.patch(url, { title: 'x' })).statusCode).toBe(403);

    // deleting the item takes its history with it (the app may not delete versions itself)
    expect((await admin.delete(url)).statusCode).toBe(204);
    expect((await admin.get(`${url}/versions`)).statusCode).toBe(404);
    const [left] = await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from knowledge_versions where item_id = ${v1.id}`);
    expect(left.n).toBe(0);
  });
});

describe('Thai search', () => {
  it('finds words inside long runs of Thai text, with snippets of the original text', async () => {
    for (const [word, expected] of [
      ['เครือข่าย', 'ระบบการจัดการน้ำชุมชน'],
      ['การจัดการน้ำ', 'ระบบการจัดการน้ำชุมชน'],
      ['ผู้สูงอายุ', 'ฟื้นฟูร่างกายที่บ้าน'],
      ['แบ่งปันน้ำ', 'ระบบการจัดการน้ำชุมชน'],
      ['ภาวะพึ่งพิง', 'ฟื้นฟูร่างกายที่บ้าน'],
    ]) {
      const res = await admin.get(`${base}/knowledge/search?q=${q(word)}`);
      expect(res.statusCode).toBe(200);
      expect(titles(res), word).toContain(expected);
    }
    const hit = (await admin.get(`${base}/knowledge/search?q=${q('ผู้สูงอายุ')}`)).json().items[0];
    expect(hit).toMatchObject({ title: 'ฟื้นฟูร่างกายที่บ้าน', snippetSource: 'body' });
    expect(hit.snippet).toContain('สมรรถภาพ<mark>ผู้สูงอายุ</mark>ที่มีภาวะพึ่งพิง');
    expect(hit.rank).toBeGreaterThan(0);
    const water = (await admin.get(`${base}/knowledge/search?q=${q('เครือข่าย การจัดการน้ำ')}`)).json();
    expect(water.items[0].snippet).toContain('ระบบการ<mark>จัดการน้ำ</mark>ชุมชนของภาคี<mark>เครือข่าย</mark>ผู้ใช้น้ำ');
    // the list shape
    expect(Object.keys(water).sort()).toEqual(['correctedQuery', 'items', 'page', 'pageSize', 'total', 'totalIsEstimate']);
    expect(water).toMatchObject({ correctedQuery: null, totalIsEstimate: false });
  });

  it('phrase order matters; words apart from each other must all match', async () => {
    expect(titles(await admin.get(`${base}/knowledge/search?q=${q('น้ำท่วม')}`))).toEqual(['บันทึกหน้าฝนปี 2565']);
    expect(titles(await admin.get(`${base}/knowledge/search?q=${q('ท่วมน้ำ')}`))).toEqual(['เรื่องเล่าของพ่อหลวง']);
    expect(titles(await admin.get(`${base}/knowledge/search?q=${q('"ท่วม น้ำ"')}`))).toEqual(['เรื่องเล่าของพ่อหลวง']);
    expect(titles(await admin.get(`${base}/knowledge/search?q=${q('น้ำ ท่วม')}`)).sort()).toEqual(['บันทึกหน้าฝนปี 2565', 'เรื่องเล่าของพ่อหลวง']);
    expect((await admin.get(`${base}/knowledge/search?q=${q('ท่วม ไม่มีคำนี้เลยนะ')}`)).json().total).toBe(0);
  });

  it('ranks title matches first, tolerates a typo in a title, filters by type, network, tag and B.E. year', async () => {
    const weir = titles(await admin.get(`${base}/knowledge/search?q=${q('พญาคำ')}`));
    expect(weir[0]).toBe('ประวัติเหมืองฝายพญาคำ');
    expect(weir).toContain('ระบบการจัดการน้ำชุมชน');
    const typo = (await admin.get(`${base}/knowledge/search?q=${q('เหมืองฝายพยาคำ')}`)).json();
    expect(typo.items.map((i: { title: string }) => i.title)).toContain('ประวัติเหมืองฝายพญาคำ');
    expect(typo.correctedQuery).toBe('เหมืองฝายพญาคำ');
    // a word that finds something as typed is not corrected
    expect((await admin.get(`${base}/knowledge/search?q=${q('พญาคำ')}`)).json().correctedQuery).toBeNull();
    expect(titles(await admin.get(`${base}/knowledge/search?q=${q('น้ำ')}&type=local_wisdom`))).toEqual(['เรื่องเล่าของพ่อหลวง']);
    expect(titles(await admin.get(`${base}/knowledge/search?q=${q('น้ำ')}&networkId=${net.water}`)).sort()).toEqual(
      ['ระบบการจัดการน้ำชุมชน', 'แผนรอบเวรเฉพาะเครือข่าย'].sort(),
    );
    expect(titles(await admin.get(`${base}/knowledge?tag=${q('ปันน้ำ')}`))).toEqual(['ระบบการจัดการน้ำชุมชน']);
    // B.E. 2565 = 2022; fiscal year 2566 = 2022-10-01 … 2023-09-30
    expect(titles(await admin.get(`${base}/knowledge?year=2565`)).sort()).toEqual(['บันทึกหน้าฝนปี 2565', 'เรื่องเล่าของพ่อหลวง'].sort());
    expect(titles(await admin.get(`${base}/knowledge?fiscalYear=2566`))).toEqual(['เรื่องเล่าของพ่อหลวง']);
    expect(titles(await admin.get(`${base}/knowledge/search?q=${q('2565')}`))).toEqual(['บันทึกหน้าฝนปี 2565']);
    const tags = (await admin.get(`${base}/knowledge/tags`)).json().items;
    expect(tags).toContainEqual({ tag: 'ปันน้ำ', count: 1 });
    const bad = await admin.get(`${base}/knowledge/search?q=&year=99`);
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['q', 'year']);
    expect((await admin.get(`${base}/knowledge/search?q=${q('"')}`)).json().total).toBe(0);
  });

  it('never shows an item to someone outside its network, or to another tenant', async () => {
    const secret = (await admin.get(`${base}/knowledge/search?q=${q('ปันน้ำลับ')}`)).json().items[0];
    expect(secret.title).toBe('แผนรอบเวรเฉพาะเครือข่าย');
    expect((await admin.get(`${base}/knowledge/search?q=${q('รอบเวนเฉพาะ')}`)).json()).toMatchObject({ total: 1, correctedQuery: 'รอบเวรเฉพาะ' });
    // a member of the water network sees it; a member of the elderly network does not
    expect(titles(await memberWater.get(`${base}/knowledge/search?q=${q('ปันน้ำลับ')}`))).toEqual(['แผนรอบเวรเฉพาะเครือข่าย']);
    for (const api of [memberElderly, coordinator]) {
      // the word is only in the hidden item: nothing, and no 'closest spelling' either (ปันน้ำ is three letters away)
      const res = (await api.get(`${base}/knowledge/search?q=${q('ปันน้ำลับ')}`)).json();
      expect(res).toMatchObject({ total: 0, items: [], correctedQuery: null });
      expect(titles(await api.get(`${base}/knowledge?pageSize=200`))).not.toContain('แผนรอบเวรเฉพาะเครือข่าย');
      expect((await api.get(`${base}/knowledge/${secret.id}`)).statusCode).toBe(404);
      expect((await api.get(`${base}/knowledge/${secret.id}/versions`)).statusCode).toBe(404);
      expect((await api.get(`${base}/search?q=${q('ปันน้ำลับ')}`)).json().items.map((i: { title: string }) => i.title)).not.toContain('แผนรอบเวรเฉพาะเครือข่าย');
      // a misspelling of the hidden title is not corrected to it: the dictionary reveals nothing hidden
      expect((await api.get(`${base}/knowledge/search?q=${q('รอบเวนเฉพาะ')}`)).json()).toMatchObject({ total: 0, correctedQuery: null });
    }
    expect((await coordinator.patch(`${base}/knowledge/${secret.id}`, { title: 'x' })).statusCode).toBe(404);
    // tenant-wide items are visible to every member
    expect(titles(await memberElderly.get(`${base}/knowledge/search?q=${q('การจัดการน้ำ')}`))).toEqual(['ระบบการจัดการน้ำชุมชน']);
    // another tenant: refused on this tenant's routes, nothing on its own
    expect((await other.api.get(`${base}/knowledge/search?q=${q('น้ำ')}`)).statusCode).toBe(403);
    expect((await other.api.get(`${base}/knowledge/${secret.id}`)).statusCode).toBe(403);
    expect((await other.api.get(`${other.base}/knowledge/${secret.id}`)).statusCode).toBe(404);
    expect((await other.api.get(`${other.base}/knowledge/search?q=${q('น้ำ')}`)).json().total).toBe(0);
    expect((await other.api.get(`${other.base}/search?q=${q('พญาคำ')}`)).json().items).toEqual([]);
  });

  it('on a PostgreSQL server the full-text index leads with the tenant, so a search reads only its tenant (migration 0051)', async () => {
    const defs = await rows<{ indexname: string; indexdef: string }>(
      t.database.db,
      sql`select indexname, indexdef from pg_indexes where tablename = 'knowledge_items' and indexdef like '%search_vector%'`,
    );
    if (t.database.kind === 'pglite') expect(defs.map((d) => d.indexname)).toEqual(['knowledge_items_search_idx']);
    else {
      expect(defs).toHaveLength(1);
      expect(defs[0].indexdef).toMatch(/USING gin \(tenant_id, search_vector\)/);
    }
  });

  it('row-level security confines the knowledge tables to the tenant', async () => {
    const counts = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local role phakhi_app`);
      const [r] = await rows<Record<string, number>>(
        tx,
        sql`select (select count(*)::int from knowledge_items) i, (select count(*)::int from knowledge_versions) v, (select count(*)::int from knowledge_item_networks) n, (select count(*)::int from knowledge_forums) f, (select count(*)::int from knowledge_attachments) a, (select count(*)::int from knowledge_views) w`,
      );
      return r;
    });
    expect(counts).toEqual({ i: 0, v: 0, n: 0, f: 0, a: 0, w: 0 });
  });
});
