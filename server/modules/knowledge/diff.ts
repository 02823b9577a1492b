import { diffArrays } from 'diff';
import type { DiffLine, DiffPart } from '../../../common/schemas/knowledge';
import { segments } from './thai-text';

/** Words, spaces and punctuation of a line, so that joining them gives the line back. */
const pieces = (text: string) => [...segments(text)].map((s) => s.segment);

function merge(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (last && last.op === p.op) last.text += p.text;
    else if (p.text) out.push({ ...p });
  }
  return out;
}

/**
 * Myers' diff costs (n + m) × d: two long, very different texts would take minutes. Past these edit
 * distances the texts are shown as replaced whole (lines) or as one removal and one addition (words).
 */
const MAX_LINE_EDITS = 2000;
const MAX_WORD_EDITS = 500;

/** Word-level differences between two short texts (Thai words split by the segmenter). */
export function diffWords(before: string, after: string): DiffPart[] {
  const changes = diffArrays(pieces(before), pieces(after), { maxEditLength: MAX_WORD_EDITS });
  if (!changes)
    return merge([
      { op: 'removed', text: before },
      { op: 'added', text: after },
    ]);
  return merge(changes.map((c) => ({ op: c.added ? 'added' : c.removed ? 'removed' : 'equal', text: c.value.join('') })));
}

/**
 * Line-by-line differences; a run of removed lines followed by added lines is paired up as
 * 'changed' lines with word-level parts, the rest are 'added' or 'removed'.
 */
export function diffLines(before: string, after: string): { lines: DiffLine[]; added: number; removed: number } {
  const a = before.split(/\r?\n/);
  const b = after.split(/\r?\n/);
  const changes = diffArrays(a, b, { maxEditLength: MAX_LINE_EDITS }) ?? [
    { removed: true, added: false, value: a, count: a.length },
    { removed: false, added: true, value: b, count: b.length },
  ];
  const lines: DiffLine[] = [];
  let oldNo = 1;
  let newNo = 1;
  let added = 0;
  let removed = 0;
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i];
    if (!c.added && !c.removed) {
      for (const text of c.value) lines.push({ op: 'equal', oldLine: oldNo++, newLine: newNo++, oldText: text, newText: text, parts: null });
      continue;
    }
    if (c.removed && changes[i + 1]?.added) {
      const gone = c.value;
      const came = changes[i + 1].value;
      const paired = Math.min(gone.length, came.length);
      for (let k = 0; k < paired; k++) {
        lines.push({ op: 'changed', oldLine: oldNo++, newLine: newNo++, oldText: gone[k], newText: came[k], parts: diffWords(gone[k], came[k]) });
      }
      for (const text of gone.slice(paired)) lines.push({ op: 'removed', oldLine: oldNo++, newLine: null, oldText: text, newText: null, parts: null });
      for (const text of came.slice(paired)) lines.push({ op: 'added', oldLine: null, newLine: newNo++, oldText: null, newText: text, parts: null });
      removed += gone.length;
      added += came.length;
      i++;
      continue;
    }
    for (const text of c.value) {
      if (c.removed) lines.push({ op: 'removed', oldLine: oldNo++, newLine: null, oldText: text, newText: null, parts: null });
      else lines.push({ op: 'added', oldLine: null, newLine: newNo++, oldText: null, newText: text, parts: null });
    }
    if (c.removed) removed += c.value.length;
    else added += c.value.length;
  }
  return { lines, added, removed };
}
