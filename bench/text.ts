/**
 * npm run bench:text — the knowledge module's text path on Thai text of 1 000 to 200 000 characters:
 * segmentation (words), index terms (segmented), Markdown → plain text, Markdown → sanitised HTML, a search
 * snippet, all of it together (bodyDerived, what a write computes), and POST /knowledge end to end on PGlite.
 * Prints milliseconds (median of BENCH_ROUNDS, default 3) and microseconds per character: near-constant
 * µs/char is linear time. `unchunked` is V8's Intl.Segmenter on the whole text, as before issue 15; it is
 * measured only up to 48 000 characters (from 65 536 on it took ~50 s).
 */
import { markdownText, renderMarkdown } from '../server/modules/knowledge/markdown';
import { parseQuery, segmented, snippet, words } from '../server/modules/knowledge/thai-text';
import { bodyDerived } from '../server/modules/knowledge/text-worker';
import { textPool } from '../server/modules/knowledge/text-work';
import { buildTestApp, tenantWithUser } from '../server/test/harness';
import { thaiText } from '../server/test/thai-fixtures';

const SIZES = [1_000, 2_000, 5_000, 10_000, 20_000, 50_000, 100_000, 200_000];
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn: () => unknown | Promise<unknown>): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const at = performance.now();
    await fn();
    runs.push(performance.now() - at);
  }
  return median(runs);
}

async function main() {
  const t = await buildTestApp();
  const { api, base } = await tenantWithUser(t, 'admin');
  const query = parseQuery('ไม้พลอง');
  const rows: Record<string, string | number>[] = [];
  const stages: [string, (text: string) => unknown][] = [
    ['unchunked', (s) => (s.length <= 48_000 ? [...segmenter.segment(s)].length : null)],
    ['words', (s) => words(s)],
    ['segmented', (s) => segmented(s)],
    ['markdownText', (s) => markdownText(s)],
    ['renderMarkdown', (s) => renderMarkdown(s)],
    ['snippet', (s) => snippet(s, query)],
    ['bodyDerived', (s) => bodyDerived(s)],
  ];
  await api.post(`${base}/knowledge`, { title: 'อุ่นเครื่อง', type: 'lesson', body: thaiText(20_000) }); // start the pool's thread
  for (const n of SIZES) {
    const text = thaiText(n);
    const row: Record<string, string | number> = { chars: n };
    for (const [name, fn] of stages) row[name] = name === 'unchunked' && n > 48_000 ? '—' : Number((await time(() => fn(text))).toFixed(1));
    row['POST /knowledge'] = Number(
      (
        await time(async () => {
          const res = await api.post(`${base}/knowledge`, { title: `ยาว ${n}`, type: 'lesson', body: text });
          if (res.statusCode !== 201) throw new Error(res.body);
        })
      ).toFixed(1),
    );
    row['µs/char (bodyDerived)'] = Number((((row.bodyDerived as number) * 1000) / n).toFixed(2));
    row['µs/char (POST)'] = Number((((row['POST /knowledge'] as number) * 1000) / n).toFixed(2));
    rows.push(row);
    console.error(`${n} characters done`);
  }
  console.table(rows);
  await textPool().close();
  await t.close();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
