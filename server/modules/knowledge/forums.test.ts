import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN, buildTestApp, createUser, login, tenantWithUser, type Client, type TestApp } from '../../test/harness';

let t: TestApp;
let admin: Client;
let base: string;
let reader: Client; // member of the elderly network only
const net = { water: '', elderly: '', culture: '' };
const party = { weirChief: '', nurse: '', temple: '' };
const item = { weir: '', rehab: '', secret: '' };

beforeAll(async () => {
  t = await buildTestApp();
  const a = await tenantWithUser(t, 'admin');
  admin = a.api;
  base = a.base;
  const p = async (name: string, kind = 'person', sector = 'civil_society') =>
    (await admin.post(`${base}/partners`, { kind, name, sector })).json().id as string;
  party.weirChief = await p('นายคำปัน แก่ฝายใหญ่', 'person', 'locality');
  party.nurse = await p('นางสาวพิมพ์ใจ พยาบาลชุมชน');
  party.temple = await p('วัดศรีบุญเรือง', 'organization', 'religious');
  const n = async (name: string, coordinatorPartyId: string) =>
    (await admin.post(`${base}/networks`, { name, pillar: 'people', coordinatorPartyId })).json().id as string;
  net.water = await n('เครือข่ายผู้ใช้น้ำเหมืองฝาย', party.weirChief);
  net.elderly = await n('เครือข่ายฟื้นฟูสมรรถภาพผู้สูงอายุ', party.nurse);
  net.culture = await n('เครือข่ายวัฒนธรรม', party.temple);
  const k = async (title: string, networkIds: string[], publishedOn: string, visibility = 'tenant') =>
    (await admin.post(`${base}/knowledge`, { title, type: 'lesson', networkIds, publishedOn, visibility })).json().id as string;
  item.weir = await k('บทเรียนการซ่อมฝายร่วมกัน', [net.water, net.culture], '2023-12-01'); // FY 2567, reused by culture
  item.rehab = await k('แนวทางฟื้นฟูผู้สูงอายุ', [net.elderly], '2024-10-15'); // FY 2568
  item.secret = await k('บันทึกภายในเครือข่ายน้ำ', [net.water], '2024-11-01', 'network');
  const email = `r-${crypto.randomUUID()}@example.org`;
  const account = await createUser(t, { tenantId: a.tenant.id, role: 'member', email, name: 'ผู้อ่าน', partyId: party.nurse });
  reader = await login(t, email, account.password);
});
afterAll(() => t.close());

describe('learning-exchange forums', () => {
  let forumId = '';

  it('records a forum with participants, head counts, produced items and photos', async () => {
    const res = await admin.post(`${base}/forums`, {
      title: 'เวทีแลกเปลี่ยนเรียนรู้การปันน้ำต้นน้ำ–ปลายน้ำ',
      description: 'แก่ฝายทุกตำบลเล่าวิธีแบ่งรอบเวร',
      heldOn: '2023-12-10',
      place: 'ศาลาวัดศรีบุญเรือง',
      hostNetworkId: net.water,
      topics: ['รอบเวร', 'ซ่อมฝาย'],
      otherHeadCount: 7,
      participants: [
        { networkId: net.water, role: 'host', headCount: 25 },
        { networkId: net.elderly, headCount: 6 },
        { partyId: party.temple, role: 'speaker', headCount: 2 },
      ],
      itemIds: [item.weir, item.secret],
    });
    expect(res.statusCode, res.body).toBe(201);
    const f = res.json();
    forumId = f.id;
    expect(f).toMatchObject({ fiscalYear: 2567, totalHeadCount: 40, participantCount: 3, itemCount: 2, hostNetwork: { id: net.water } });
    expect(f.participants.map((p: { headCount: number }) => p.headCount)).toEqual([25, 6, 2]);
    expect(f.participants[2].party.name).toBe('วัดศรีบุญเรือง');

    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('photo')]);
    const form = new FormData();
    form.append('caption', 'บรรยากาศในเวที');
    form.append('file', new Blob([new Uint8Array(png)]), 'เวที.png');
    const photo = await t.app.inject({
      method: 'POST',
      url: `${base}/forums/${forumId}/attachments`,
      payload: form as never,
      headers: { cookie: admin.cookie, origin: ORIGIN, host: 'localhost' },
    });
    expect(photo.statusCode, photo.body).toBe(201);
    expect((await reader.get(photo.json().url)).headers['content-type']).toBe('image/png');

    // the network-only item the reader may not see is not listed for them, and stays linked when they could edit
    const seen = (await reader.get(`${base}/forums/${forumId}`)).json();
    expect(seen.items.map((i: { id: string }) => i.id)).toEqual([item.weir]);
    expect(seen).toMatchObject({ photoCount: 1, attachments: [{ caption: 'บรรยากาศในเวที', kind: 'png' }] });
    expect((await admin.get(`${base}/forums/${forumId}`)).json().items).toHaveLength(2);
    expect((await admin.get(`${base}/knowledge/${item.weir}`)).json().forums).toEqual([
      { id: forumId, title: 'เวทีแลกเปลี่ยนเรียนรู้การปันน้ำต้นน้ำ–ปลายน้ำ', heldOn: '2023-12-10' },
    ]);
  });

  it('refuses bad forums with field messages', async () => {
    const bad = await admin.post(`${base}/forums`, {
      title: '',
      heldOn: '2024-02-30',
      participants: [{ headCount: -1 }, { networkId: net.water, partyId: party.temple }],
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual([
      'heldOn',
      'participants.0.headCount',
      'participants.0.networkId',
      'participants.1.networkId',
      'title',
    ]);
    const links = await admin.post(
      `${base}/forums`,
      {
        title: 'x',
        heldOn: '2024-02-01',
        endOn: '2024-01-01',
        hostNetworkId: crypto.randomUUID(),
        participants: [{ networkId: net.water }, { networkId: net.water }],
        itemIds: [crypto.randomUUID()],
      },
      { 'accept-language': 'en' },
    );
    expect(links.statusCode).toBe(400);
    expect(links.json().error.fields).toEqual({
      hostNetworkId: 'Unknown network.',
      'participants.1': 'This participant is listed twice.',
      'itemIds.0': 'Unknown knowledge item, or not visible to you.',
      endOn: 'End date must not be before the start date.',
    });
    expect((await reader.post(`${base}/forums`, { title: 'x', heldOn: '2024-01-01' })).statusCode).toBe(403);
  });

  it('lists, filters, edits and deletes forums', async () => {
    await admin.post(`${base}/forums`, {
      title: 'เวทีผู้สูงอายุสุขภาพดี',
      heldOn: '2024-11-20',
      hostNetworkId: net.elderly,
      participants: [
        { networkId: net.elderly, headCount: 30 },
        { networkId: net.culture, headCount: 4 },
      ],
      itemIds: [item.rehab],
    });
    const all = (await admin.get(`${base}/forums`)).json();
    expect(all.items.map((f: { heldOn: string }) => f.heldOn)).toEqual(['2024-11-20', '2023-12-10']);
    expect((await admin.get(`${base}/forums?fiscalYear=2568`)).json().total).toBe(1);
    expect((await admin.get(`${base}/forums?networkId=${net.culture}`)).json().total).toBe(1);
    expect((await admin.get(`${base}/forums?q=${encodeURIComponent('ศรีบุญเรือง')}`)).json().items[0].id).toBe(forumId);
    const edited = await admin.patch(`${base}/forums/${forumId}`, { otherHeadCount: 10, place: null });
    expect(edited.json()).toMatchObject({ totalHeadCount: 43, place: null, participantCount: 3 });
    const audit = (await admin.get(`${base}/audit?entity=knowledge_forum&entityId=${forumId}`)).json();
    expect(audit.items.map((x: { action: string }) => x.action)).toEqual(['update', 'create']);
  });

  it('counts sharing per network and fiscal year, reuse across networks and the most-read items', async () => {
    // the elderly network's member reads the water network's item: reuse by another network
    await reader.get(`${base}/knowledge/${item.weir}`);
    await reader.get(`${base}/knowledge/${item.weir}`);
    await admin.get(`${base}/knowledge/${item.rehab}`);
    const m = (await admin.get(`${base}/knowledge/metrics`)).json();
    expect(m.fiscalYears).toEqual(expect.arrayContaining([2567, 2568]));
    const row = (id: string, fy: number) => m.byNetwork.find((r: { networkId: string; fiscalYear: number }) => r.networkId === id && r.fiscalYear === fy);
    expect(row(net.water, 2567)).toMatchObject({ itemsProduced: 1, itemsLinked: 1, forumsHosted: 1, forumsJoined: 0, attendance: 43 });
    expect(row(net.culture, 2567)).toMatchObject({ itemsProduced: 0, itemsLinked: 1 });
    expect(row(net.elderly, 2567)).toMatchObject({ forumsJoined: 1, attendance: 6 });
    expect(row(net.elderly, 2568)).toMatchObject({ itemsProduced: 1, forumsHosted: 1 });
    expect(row(net.culture, 2568)).toMatchObject({ forumsJoined: 1, attendance: 4 });
    const fy = (y: number) => m.totals.find((x: { fiscalYear: number }) => x.fiscalYear === y);
    expect(fy(2567)).toMatchObject({ items: 1, forums: 1, attendance: 43 });
    expect(fy(2568)).toMatchObject({ items: 2, forums: 1, attendance: 34 });
    const weir = m.reused.find((r: { id: string }) => r.id === item.weir);
    expect(weir).toMatchObject({ otherNetworksLinked: 1, otherNetworkReaders: 1, homeNetwork: { id: net.water } });
    expect(m.mostRead[0]).toMatchObject({ id: item.weir, views: 3, readers: 2 }); // the admin opened it once in the first test
    // per-fiscal-year and per-network filters
    const y = (await admin.get(`${base}/knowledge/metrics?fiscalYear=2568&networkId=${net.elderly}`)).json();
    expect(y.byNetwork.map((r: { networkId: string }) => r.networkId)).toEqual([net.elderly]);
    expect(y.fiscalYears).toEqual([2568]);
    // the reader's metrics leave out the item they cannot see
    const r = (await reader.get(`${base}/knowledge/metrics`)).json();
    expect(r.totals.find((x: { fiscalYear: number }) => x.fiscalYear === 2568).items).toBe(1);
  });

  it('the global search finds knowledge, networks, partners and forums, typos in names included', async () => {
    const res = (await reader.get(`${base}/search?q=${encodeURIComponent('ฝาย')}`)).json();
    const kinds = new Set(res.items.map((h: { kind: string }) => h.kind));
    expect([...kinds].sort()).toEqual(['forum', 'knowledge', 'network', 'partner']);
    expect(res.totals).toMatchObject({ knowledge: 1, network: 1, partner: 1, forum: 1 });
    expect(res.items.find((h: { kind: string }) => h.kind === 'forum').snippet).toContain('<mark>ฝาย</mark>');
    // the forum's date in B.E., as Thai readers write it
    expect(res.items.find((h: { kind: string }) => h.kind === 'forum').subtitle).toMatch(/^\d{1,2} \S+ 25\d\d/);
    const typo = (await admin.get(`${base}/search?q=${encodeURIComponent('วัดศรีบุญเรีอง')}`)).json();
    expect(typo.items.find((h: { kind: string }) => h.kind === 'partner')?.title).toBe('วัดศรีบุญเรือง');
    expect((await admin.get(`${base}/search?q=`)).statusCode).toBe(400);
  });

  it('deleting a host network keeps the forum; deleting the forum removes its photos', async () => {
    expect((await admin.delete(`${base}/networks/${net.water}`)).statusCode).toBe(204);
    const f = (await admin.get(`${base}/forums/${forumId}`)).json();
    expect(f.hostNetwork).toBeNull();
    expect(f.participantCount).toBe(2);
    expect((await reader.delete(`${base}/forums/${forumId}`)).statusCode).toBe(403);
    expect((await admin.delete(`${base}/forums/${forumId}`)).statusCode).toBe(204);
    expect((await admin.get(`${base}/forums/${forumId}`)).statusCode).toBe(404);
  });
});
