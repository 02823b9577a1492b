import { describe, expect, it } from 'vitest';
import { useTenantApp } from '../../test/harness';
import { thaiText } from '../../test/thai-fixtures';
import { BODY_MAX_CHARS } from '../../../common/schemas/knowledge';
import { SEGMENT_CHUNK, words } from './thai-text';
import { textPool } from './text-work';

/** Issue 15 (2): long Thai text froze every tenant (80 000 characters: 25 s with /api/health blocked). */
const s = useTenantApp('admin');

describe('long Thai text', () => {
  it('segments in linear time and as the whole text would be segmented', () => {
    const mid = thaiText(3 * SEGMENT_CHUNK);
    expect(words(mid)).toEqual([...new Intl.Segmenter('th', { granularity: 'word' }).segment(mid)].filter((s) => s.isWordLike).map((s) => s.segment));
    // no space for 200 000 characters: cut anyway, the words still come out
    const started = performance.now();
    const ws = words(thaiText(200_000, { spaces: false }));
    expect(ws.length).toBeGreaterThan(40_000);
    expect(performance.now() - started).toBeLessThan(10_000); // was minutes: V8 segments ≥ 65 536 characters in ~50 s
  });

  it('accepts a body of the maximum length while /api/health keeps answering', async () => {
    expect(BODY_MAX_CHARS).toBe(200_000);
    const body = thaiText(BODY_MAX_CHARS - 20) + ' คำท้ายสุดไม้พลอง';
    const pool = textPool();
    const tasksBefore = pool.started;
    // over real sockets, as people would: an in-process inject loop would never let the loop poll
    const { t, api: admin, base } = s;
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    let finished = false;
    const started = performance.now();
    const post = fetch(`${address}${base}/knowledge`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, origin: address },
      body: JSON.stringify({ title: 'บันทึกยาวมาก', type: 'lesson', body }),
    }).finally(() => (finished = true));
    // ask for /api/health again and again while the item is being written: answers must keep coming back
    // before the write ends (the event loop is free while the text work runs in the pool)
    const pings: number[] = [];
    let sawTextWork = false;
    for (let i = 0; !finished; i++) {
      if (i > 100_000) throw new Error('the write never ended');
      const at = performance.now();
      const health = await fetch(`${address}/api/health`);
      expect(health.status).toBe(200);
      if (!finished) pings.push(performance.now() - at);
      if (pool.running > 0) sawTextWork = true;
    }
    const res = await post;
    const created = await res.json();
    expect(res.status, JSON.stringify(created)).toBe(201);
    expect(performance.now() - started).toBeLessThan(30_000); // generous; 200 000 characters took 304 s
    expect(pool.started).toBeGreaterThan(tasksBefore);
    expect(sawTextWork).toBe(true);
    expect(pings.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...pings)).toBeLessThan(3000);
    // and it is searchable to its last word
    const hit = (await admin.get(`${base}/knowledge/search?q=${encodeURIComponent('คำท้ายสุด')}`)).json();
    expect(hit.items.map((i: { id: string }) => i.id)).toContain(created.id);
  });
});
