import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed';
import { BASE_AS_OF } from '../clock';
import { buildTestApp, createUser, login, type Client, type TestApp } from '../../test/harness';
import { DEMO_FORUMS } from './forums';
import { DEMO_KNOWLEDGE } from './items';

let t: TestApp;
let api: Client;
const base = '/api/v1/t/chomphu';
const q = (s: string) => encodeURIComponent(s);

beforeAll(async () => {
  t = await buildTestApp();
  await seedDemo(t.database.db, () => {}, { dataDir: t.config.dataDir, today: BASE_AS_OF });
  await t.app.tenantDirectory.reload();
  const admin = await createUser(t, { platformAdmin: true });
  api = await login(t, admin.email, admin.password);
}, 120_000);
afterAll(() => t.close());

describe('knowledge demo data', () => {
  it('has 60+ items in Thai and 12+ forums over several fiscal years, loaded once', async () => {
    expect(DEMO_KNOWLEDGE.length).toBeGreaterThanOrEqual(60);
    expect(new Set(DEMO_KNOWLEDGE.map((k) => k.key)).size).toBe(DEMO_KNOWLEDGE.length);
    expect(new Set(DEMO_KNOWLEDGE.map((k) => k.title)).size).toBe(DEMO_KNOWLEDGE.length);
    const list = (await api.get(`${base}/knowledge?pageSize=1`)).json();
    expect(list.total).toBe(DEMO_KNOWLEDGE.length);
    const forums = (await api.get(`${base}/forums?pageSize=200`)).json();
    expect(forums.total).toBe(DEMO_FORUMS.length);
    expect(forums.total).toBeGreaterThanOrEqual(12);
    expect(new Set(forums.items.map((f: { fiscalYear: number }) => f.fiscalYear)).size).toBeGreaterThanOrEqual(5);
    // a second run adds nothing
    await seedDemo(t.database.db, () => {}, { dataDir: t.config.dataDir, today: BASE_AS_OF });
    expect((await api.get(`${base}/knowledge?pageSize=1`)).json().total).toBe(DEMO_KNOWLEDGE.length);
    expect((await api.get(`${base}/forums?pageSize=1`)).json().total).toBe(DEMO_FORUMS.length);
  });

  it('covers the Phaya Kham weir, water sharing, elderly rehabilitation and forum lessons, searchable in Thai', async () => {
    for (const [word, title] of [
      ['ประวัติการจัดการน้ำ', 'ประวัติการจัดการน้ำเหมืองฝายพญาคำ'],
      ['ต้นน้ำ กลางน้ำ ปลายน้ำ', 'การแบ่งปันน้ำต้นน้ำ กลางน้ำ ปลายน้ำ ด้วยรอบเวรปันน้ำ'],
      ['ฟื้นฟูสมรรถภาพผู้สูงอายุ', 'แนวปฏิบัติการฟื้นฟูสมรรถภาพผู้สูงอายุในชุมชนชมภู'],
      ['สรุปบทเรียนจากเวที', 'สรุปบทเรียนจากเวทีแลกเปลี่ยนเรียนรู้ภาคีเครือข่าย ปีงบประมาณ 2567'],
    ]) {
      const hits = (await api.get(`${base}/knowledge/search?q=${q(word)}`)).json().items.map((i: { title: string }) => i.title);
      expect(hits, word).toContain(title);
    }
    const weir = (await api.get(`${base}/knowledge/search?q=${q('ประวัติการจัดการน้ำเหมืองฝายพญาคำ')}`)).json().items[0];
    const detail = (await api.get(`${base}/knowledge/${weir.id}?track=0`)).json();
    expect(detail.version).toBe(3);
    expect(detail.networks[0].name).toBe('เครือข่ายผู้ใช้น้ำเหมืองฝายพญาคำ');
    expect(detail.parties.length).toBeGreaterThanOrEqual(2);
    expect(detail.forums.length).toBeGreaterThanOrEqual(0);
    expect(detail.attachments[0]).toMatchObject({ kind: 'pdf', textStatus: 'extracted' });
    expect((await api.get(detail.attachments[0].url)).headers['content-type']).toBe('application/pdf');
    // words only in the generated PDF and DOCX are found, with the file as the snippet source
    const pdfHit = (await api.get(`${base}/knowledge/search?q=${q('ปลัดอำเภอเป็นพยาน')}`))
      .json()
      .items.find((i: { snippetSource: string }) => i.snippetSource === 'attachment');
    expect(pdfHit.snippetFile).toBe('สัญญาเหมืองฝายพญาคำและรอบเวรปันน้ำ.pdf');
    const docxHit = (await api.get(`${base}/knowledge/search?q=${q('สมุดประจำตัวผู้สูงอายุ')}`)).json().items[0];
    expect(docxHit).toMatchObject({ snippetSource: 'attachment', snippetFile: 'คู่มือท่าบริหารผู้สูงอายุที่บ้าน.docx' });
  });

  it('gives the metrics something to show', async () => {
    const m = (await api.get(`${base}/knowledge/metrics`)).json();
    expect(m.fiscalYears.length).toBeGreaterThanOrEqual(5);
    expect(m.byNetwork.length).toBeGreaterThan(30);
    expect(m.reused.length).toBeGreaterThan(0);
    expect(m.mostRead.length).toBe(10);
    const forum = (await api.get(`${base}/forums?pageSize=1`)).json().items[0];
    expect(forum.totalHeadCount).toBeGreaterThan(0);
    const f = (await api.get(`${base}/forums/${forum.id}`)).json();
    expect(f.attachments.every((a: { kind: string }) => a.kind === 'png')).toBe(true);
  });
});
