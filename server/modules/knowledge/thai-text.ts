/**
 * Thai-aware words for full-text search. Thai is written without spaces between words, so Postgres'
 * parser alone would index a whole sentence as one "word". We segment with ICU's dictionary
 * (Intl.Segmenter 'th', granularity 'word') at write time and for the query alike, normalise each
 * word, and hand Postgres only plain words separated by spaces, which its 'simple' configuration
 * turns into lexemes one for one on PGlite and PostgreSQL, whatever the database's locale.
 *
 * Index terms are the words and every pair of adjacent words written together ("การ จัดการ น้ำ" →
 * การ, การจัดการ, จัดการ, จัดการน้ำ, น้ำ). A phrase is then a plain AND of its pairs, which the GIN index
 * answers exactly (a tsquery with <-> needs every candidate row re-read to check positions, far too slow
 * for common words at 100k items), and a compound that the segmenter splits differently in the document
 * and in the query (ต้นน้ำ vs ต้น|น้ำ) still meets on the joined pair.
 *
 * Query language: words separated by spaces must all occur (AND); the words of one space-free run of
 * Thai ("การจัดการน้ำ") must occur in that order, next to each other (each adjacent pair must occur:
 * การจัดการ & จัดการน้ำ), and so must the words inside "double quotes". Snippets are cut from the
 * original text, not from the segmented copy, and the matched words are marked.
 */

const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * V8's Intl.Segmenter is super-linear in the length of the string it segments (measured on Node 20: 4 000
 * Thai characters segment at ~0.6 µs each, 48 000 at ~2.5 µs, and from 65 536 on a whole text takes ~50 s),
 * so long texts are segmented in pieces of at most SEGMENT_CHUNK characters, cut after a space or line break
 * (always a word boundary) when there is one in the piece's second half.
 */
export const SEGMENT_CHUNK = 4000;

export interface Segment {
  segment: string;
  /** Offset in the whole text. */
  index: number;
  isWordLike: boolean;
}

/** Where to end the piece that starts at `start`: after its last whitespace, else before a combining mark or low surrogate. */
function chunkEnd(text: string, start: number): number {
  const end = start + SEGMENT_CHUNK;
  if (end >= text.length) return text.length;
  for (let i = end - 1; i > start + SEGMENT_CHUNK / 2; i--) if (/\s/.test(text[i])) return i + 1;
  let cut = end;
  while (cut > start + 1 && /[\p{M}\uDC00-\uDFFF]/u.test(text[cut])) cut--;
  return cut;
}

/** Intl.Segmenter's word segments of `text`, in linear time (see SEGMENT_CHUNK). */
export function* segments(text: string): Generator<Segment> {
  for (let start = 0; start < text.length;) {
    const end = chunkEnd(text, start);
    for (const s of segmenter.segment(start === 0 && end === text.length ? text : text.slice(start, end)))
      yield { segment: s.segment, index: start + s.index, isWordLike: s.isWordLike ?? false };
    start = end;
  }
}

const THAI_DIGITS = /[\u0E50-\u0E59]/g;
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/u;

/** NFC, no zero-width characters, one SARA AM (also from PDFs that split it into NIKHAHIT + SARA AA). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
    .replace(/\u0E4D\u0E32/g, '\u0E33')
    .replace(/\u0E33\u0E32/g, '\u0E33');
}

/** One search word: lower case, Arabic digits. */
export function normalizeWord(word: string): string {
  return word.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50)).toLowerCase();
}

/** The words of a text, in order, normalised. Punctuation and spaces are dropped. */
export function words(text: string, limit = Infinity): string[] {
  const out: string[] = [];
  if (!text) return out;
  for (const s of segments(normalizeText(text))) {
    if (!s.isWordLike) continue;
    for (const part of s.segment.split(NOT_WORD)) {
      if (!part) continue;
      out.push(normalizeWord(part));
      if (out.length >= limit) return out;
    }
  }
  return out;
}

/** Words and adjacent pairs of words (see above). */
export function indexTerms(ws: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    out.push(ws[i]);
    if (i + 1 < ws.length) out.push(ws[i] + ws[i + 1]);
  }
  return out;
}

/** Spelling-dictionary terms of a title and its tags: runs of one to four adjacent words, written together. */
export function titleTerms(title: string, tags: string[] = []): string[] {
  const out = new Set<string>();
  const ws = words(title, 200);
  for (let i = 0; i < ws.length; i++) {
    for (let n = 1; n <= 4 && i + n <= ws.length; n++) out.add(ws.slice(i, i + n).join(''));
  }
  for (const tag of tags) out.add(words(tag, 16).join(''));
  return [...out].filter((t) => t.length >= 2 && t.length <= 100);
}

/** The text handed to to_tsvector('simple', …): the index terms separated by single spaces. */
export function segmented(text: string | null | undefined, limit = 200_000): string {
  return text ? indexTerms(words(text, limit)).join(' ') : '';
}

/** A parsed query: each group is a phrase (its words must be adjacent and in order); all groups must match. */
const NOMINALISERS = new Set(['การ', 'ความ']);

export interface ParsedQuery {
  groups: string[][];
}

export function parseQuery(q: string): ParsedQuery {
  const groups: string[][] = [];
  const text = normalizeText(q).replace(/[“”„«»]/g, '"');
  const re = /"([^"]*)"?|(\S+)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = words(m[1] ?? m[2] ?? '');
    // การ/ความ + verb makes a noun, and the segmenter often glues that การ to the word before it in a
    // document (ประวัติการ|จัดการ|น้ำ); the phrase is matched without it (จัดการน้ำ)
    if (w.length > 1 && NOMINALISERS.has(w[0])) w.shift();
    if (w.length) groups.push(w);
  }
  // at most 16 groups of 16 words: a query is a handful of words, not a document
  return { groups: groups.slice(0, 16).map((g) => g.slice(0, 16)) };
}

/** The index terms a query needs: a one-word group's word, or each adjacent pair of a longer group. */
export function queryTerms(parsed: ParsedQuery): string[] {
  const terms = parsed.groups.flatMap((g) => (g.length === 1 ? g : g.slice(1).map((w, i) => g[i] + w)));
  return [...new Set(terms)];
}

/**
 * The tsquery text for to_tsquery('simple', …): all the terms, ANDed. Terms contain only letters, marks
 * and digits, so they cannot carry tsquery operators; they are quoted anyway.
 */
export function toTsQuery(parsed: ParsedQuery): string | null {
  const terms = queryTerms(parsed);
  if (!terms.length) return null;
  return terms.map((w) => `'${w.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(' & ');
}

// ---- snippets ----

interface Token {
  start: number;
  end: number;
  word: string;
}

/** The words of already normalised text (normalizeText) with their offsets. */
function tokenize(text: string, base = 0, range = 0): (Token & { range: number })[] {
  const out: (Token & { range: number })[] = [];
  for (const s of segments(text)) {
    if (!s.isWordLike) continue;
    // the same split as words(), keeping offsets
    let offset = 0;
    for (const part of s.segment.split(NOT_WORD)) {
      const at = s.segment.indexOf(part, offset);
      offset = at + part.length;
      if (!part) continue;
      out.push({ start: base + s.index + at, end: base + s.index + at + part.length, word: normalizeWord(part), range });
    }
  }
  return out;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface Snippet {
  html: string;
  hits: number;
}

/**
 * The part of `text` (about `width` characters) with the most matches of the query's groups, HTML-escaped,
 * with each match wrapped in <mark>. Null when nothing in the text matches.
 */
/**
 * Segmenting a whole body costs milliseconds; only the text around the first places where a group's first
 * word occurs as a substring is segmented (and then matched word by word, so a substring inside another
 * word still does not count). Null when the lower-cased text cannot be searched that way (its length changes).
 */
function tokensNearHits(source: string, parsed: ParsedQuery, width: number): (Token & { range: number })[] | null {
  const lower = normalizeWord(source);
  if (lower.length !== source.length) return null;
  const hits: number[] = [];
  for (const g of parsed.groups) {
    for (let at = lower.indexOf(g[0]), n = 0; at >= 0 && n < 4; at = lower.indexOf(g[0], at + 1), n++) hits.push(at);
  }
  hits.sort((a, b) => a - b);
  const ranges: [number, number][] = [];
  for (const h of hits.slice(0, 12)) {
    // the snippet starts a third of its width before its first match: segment a little more either side
    const from = Math.max(0, h - Math.floor(width / 2));
    const to = Math.min(source.length, h + Math.floor(width * 1.5));
    const last = ranges[ranges.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else ranges.push([from, to]);
  }
  return ranges.flatMap(([from, to], i) => tokenize(source.slice(from, to), from, i));
}

export function snippet(text: string, parsed: ParsedQuery, width = 180): Snippet | null {
  if (!text || !parsed.groups.length) return null;
  const source = normalizeText(text);
  const tokens = tokensNearHits(source, parsed, width) ?? tokenize(source);
  const matches: { start: number; end: number; group: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    parsed.groups.forEach((g, gi) => {
      if (i + g.length > tokens.length) return;
      for (let k = 0; k < g.length; k++) if (tokens[i + k].word !== g[k] || tokens[i + k].range !== tokens[i].range) return;
      matches.push({ start: tokens[i].start, end: tokens[i + g.length - 1].end, group: gi });
    });
  }
  if (!matches.length) return null;
  // the window with the most distinct groups, then the most matches
  let best = { from: 0, score: -1 };
  for (let i = 0; i < matches.length; i++) {
    const groups = new Set<number>();
    let count = 0;
    for (let j = i; j < matches.length && matches[j].end - matches[i].start <= width; j++) {
      groups.add(matches[j].group);
      count++;
    }
    const score = groups.size * 1000 + count;
    if (score > best.score) best = { from: i, score };
  }
  const first = matches[best.from];
  let start = Math.max(0, first.start - Math.floor(width / 3));
  let end = Math.min(source.length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  // do not cut inside a word
  const boundaries = tokens.map((t) => t.start);
  if (start > 0) start = boundaries.find((b) => b >= start && b <= first.start) ?? first.start;
  if (end < source.length) {
    const lastEnd = [...tokens].reverse().find((t) => t.end <= end)?.end;
    if (lastEnd && lastEnd > first.end) end = lastEnd;
  }
  const inWindow = matches.filter((m) => m.start >= start && m.end <= end).sort((a, b) => a.start - b.start || b.end - a.end);
  let html = start > 0 ? '…' : '';
  let at = start;
  for (const m of inWindow) {
    if (m.start < at) continue; // overlapping match
    html += escapeHtml(source.slice(at, m.start)).replace(/\s+/g, ' ');
    html += `<mark>${escapeHtml(source.slice(m.start, m.end))}</mark>`;
    at = m.end;
  }
  html += escapeHtml(source.slice(at, end)).replace(/\s+/g, ' ');
  if (end < source.length) html += '…';
  return { html: html.trim(), hits: inWindow.length };
}
