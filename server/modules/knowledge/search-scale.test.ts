import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { knowledgeItems } from '../../db/schema';
import { withTenant } from '../../platform/db';
import { buildTestApp, tenantWithUser, type Client, type TestApp } from '../../test/harness';
import { derived } from './knowledge.service';
import { BROAD_MATCHES } from './search-plan';

/**
 * Searches that match more items than are worth ranking (BROAD_MATCHES) are answered newest first with the
 * planner's estimate as the total; narrower ones are ranked and counted exactly. 3,000 items: 1,125 about
 * drying longan with solar dryers (the two words always together), 30 about cocoa (5 in the title), the rest
 * about waste sorting.
 */
let t: TestApp;
let admin: Client;
let base: string;

interface Hit {
  id: string;
  title: string;
  publishedOn: string;
  snippet: string | null;
}
interface Result {
  items: Hit[];
  total: number;
  totalIsEstimate: boolean;
}

const ALL = 3000;
/** Three items in eight are about longan (1,125); 30 others about cocoa, the first 5 of them in the title. */
function kindOf(i: number): { longan: boolean; cocoa: 'title' | 'body' | null } {
  const longan = i % 8 < 3;
  const cocoa = i % 8 === 3 && i < 8 * 30 ? (i < 8 * 5 ? 'title' : 'body') : null;
  return { longan, cocoa };
}
const LONGAN = Array.from({ length: ALL }, (_, i) => i).filter((i) => kindOf(i).longan);
const NEWEST_LONGAN = dayOf(LONGAN[LONGAN.length - 1]);
const COCOA = 30;

function dayOf(i: number) {
  return new Date(Date.UTC(2018, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await buildTestApp();
  const a = await tenantWithUser(t, 'admin');
  admin = a.api;
  base = a.base;
  const rows = Array.from({ length: ALL }, (_, i) => {
    const { longan, cocoa } = kindOf(i);
    const title = longan ? `การอบลำไยกลุ่มที่ ${i}` : cocoa === 'title' ? `การปลูกโกโก้ในสวนหลังบ้าน ${i}` : `บันทึกการประชุมกลุ่ม ${i}`;
    const body = longan
      ? 'กลุ่มเกษตรกรอบลำไยด้วยตู้อบพลังงานแสงอาทิตย์ ลดต้นทุนค่าไฟและได้ลำไยอบแห้งสีสวย'
      : `ชุมชนคัดแยกขยะอินทรีย์ทำปุ๋ยหมัก${cocoa ? ' และทดลองปลูกโกโก้แซมในสวน' : ''}`;
    const state = { title, summary: null, body, tags: [] as string[] };
    return {
      tenantId: a.tenant.id,
      type: 'lesson',
      title,
      body,
      tags: [],
      visibility: 'tenant',
      publishedOn: dayOf(i),
      ...derived({ ...state, type: 'lesson', visibility: 'tenant', publishedOn: dayOf(i), networkIds: [], parties: [] }),
    };
  });
  await withTenant(t.database.db, a.tenant.id, async (tx) => {
    for (let i = 0; i < rows.length; i += 500) await tx.insert(knowledgeItems).values(rows.slice(i, i + 500));
  });
  await t.database.db.execute(sql`analyze knowledge_items`);
}, 120_000);

afterAll(() => t?.close());

const search = async (q: string, page = 1): Promise<Result> => {
  const res = await admin.get(`${base}/knowledge/search?q=${encodeURIComponent(q)}&page=${page}&pageSize=20`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const newestFirst = (items: Hit[]) => items.every((h, i) => i === 0 || items[i - 1].publishedOn >= h.publishedOn);

describe('knowledge search at scale', () => {
  it('answers a word in more than BROAD_MATCHES items newest first with an estimated total', async () => {
    expect(LONGAN.length).toBeGreaterThan(BROAD_MATCHES);
    const r = await search('ลำไย');
    expect(r.totalIsEstimate).toBe(true);
    expect(r.total).toBeGreaterThan(BROAD_MATCHES);
    expect(r.total).toBeLessThan(ALL);
    expect(r.items).toHaveLength(20);
    expect(newestFirst(r.items)).toBe(true);
    // the newest longan item comes first; every hit is one, marked in its snippet
    expect(r.items[0].publishedOn).toBe(NEWEST_LONGAN);
    for (const h of r.items) {
      expect(h.title).toContain('ลำไย');
      expect(h.snippet).toContain('<mark>ลำไย</mark>');
    }
    const next = await search('ลำไย', 2);
    expect(next.items).toHaveLength(20);
    expect(next.items[0].publishedOn <= r.items[19].publishedOn).toBe(true);
    expect(next.items.some((h) => r.items.some((x) => x.id === h.id))).toBe(false);
  });

  it('finds that words which always occur together are broad although their estimate (a product) is low', async () => {
    const r = await search('ลำไย แสงอาทิตย์');
    expect(r.totalIsEstimate).toBe(true);
    expect(r.total).toBeGreaterThan(BROAD_MATCHES);
    expect(newestFirst(r.items)).toBe(true);
    expect(r.items[0].publishedOn).toBe(NEWEST_LONGAN);
  });

  it('ranks and counts a narrow search exactly: title matches first', async () => {
    const r = await search('โกโก้');
    expect(r.totalIsEstimate).toBe(false);
    expect(r.total).toBe(COCOA);
    expect(r.items.slice(0, 5).every((h) => h.title.startsWith('การปลูกโกโก้'))).toBe(true);
    expect(r.items.slice(5).some((h) => h.title.startsWith('การปลูกโกโก้'))).toBe(false);
    const rest = await search('โกโก้', 2);
    expect(rest.total).toBe(COCOA);
    expect(rest.items).toHaveLength(COCOA - 20);
  });
});
