import type { VersionContent } from '../schemas/regulations';

/**
 * Regulation text as people type or paste it from a word processor, both ways:
 *   หมวด 1 บททั่วไป
 *   ข้อ 1 ระเบียบนี้เรียกว่า …
 *   (further lines continue the clause)
 * and a fine schedule, one line per entry: ข้อ 9 | เปิดประตูน้ำนอกรอบเวร | 500 | 1,000 (baht; the repeat amount optional).
 * Thai digits are read as Arabic ones. Lines before the first หมวด or ข้อ are ignored; a clause before any หมวด opens หมวด 1.
 */
const THAI_DIGITS = /[๐-๙]/g;
const arabic = (s: string) => s.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50));

export function parseChapters(text: string): VersionContent['chapters'] {
  const chapters: VersionContent['chapters'] = [];
  let clause: { number: string; text: string } | null = null;
  for (const raw of arabic(text).split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const ch = /^หมวด(?:ที่)?\s*(\d+)\s*(.*)$/.exec(line);
    const cl = /^ข้อ\s*(\d+(?:\/\d+)?)\s*(.*)$/.exec(line);
    if (ch) {
      chapters.push({ number: Number(ch[1]), title: ch[2].trim(), clauses: [] });
      clause = null;
    } else if (cl) {
      if (!chapters.length) chapters.push({ number: 1, title: '', clauses: [] });
      clause = { number: cl[1], text: cl[2].trim() };
      chapters[chapters.length - 1].clauses.push(clause);
    } else if (clause) clause.text = `${clause.text} ${line}`.trim();
  }
  return chapters;
}

export function formatChapters(chapters: VersionContent['chapters']): string {
  return chapters.map((ch) => [`หมวด ${ch.number} ${ch.title}`, ...ch.clauses.map((c) => `ข้อ ${c.number} ${c.text}`)].join('\n')).join('\n\n');
}

const satangOf = (s: string | undefined) => {
  if (!s || !s.trim()) return null;
  const n = Number(s.replace(/[,\s]|บาท/g, ''));
  return Number.isFinite(n) ? Math.round(n * 100) : NaN;
};

export function parseFines(text: string): VersionContent['fines'] {
  return arabic(text)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [clause, offence, amount, repeat] = line.split('|').map((x) => x.trim());
      return {
        clauseNumber: clause.replace(/^ข้อ\s*/, ''),
        offence: offence ?? '',
        amountSatang: satangOf(amount) ?? NaN,
        repeatAmountSatang: satangOf(repeat),
      };
    });
}

export function formatFines(fines: VersionContent['fines']): string {
  const baht = (s: number) => String(s / 100);
  return fines
    .map((f) => [`ข้อ ${f.clauseNumber}`, f.offence, baht(f.amountSatang), ...(f.repeatAmountSatang === null ? [] : [baht(f.repeatAmountSatang)])].join(' | '))
    .join('\n');
}
