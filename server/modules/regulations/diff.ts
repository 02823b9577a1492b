import type { ClauseChange, ClauseDiff } from '../../../common/schemas/regulations';

/**
 * Clause-by-clause comparison of two versions (pure). Clauses are paired by their number, as Thai
 * amendments refer to them ("ให้ยกเลิกความในข้อ 7 และให้ใช้ความต่อไปนี้แทน", "ให้เพิ่มความต่อไปนี้เป็นข้อ 7/1"):
 * same number and text → unchanged (or moved, when it sits in another chapter); other text → changed;
 * a number only in the newer version → added; only in the older → removed. Whitespace runs count as one space.
 */
export interface DiffClause {
  number: string;
  chapter: number;
  text: string;
}
export interface DiffFine {
  clauseNumber: string;
  offence: string;
  amountSatang: number;
}

/** "5" < "5/1" < "5/2" < "6" < "10". */
export function compareClauseNumbers(a: string, b: string): number {
  const [a1, a2 = '0'] = a.split('/');
  const [b1, b2 = '0'] = b.split('/');
  return Number(a1) - Number(b1) || Number(a2) - Number(b2);
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

export function diffClauses(before: DiffClause[], after: DiffClause[]): ClauseDiff[] {
  const old = new Map(before.map((c) => [c.number, c]));
  const now = new Map(after.map((c) => [c.number, c]));
  const numbers = [...new Set([...old.keys(), ...now.keys()])].sort(compareClauseNumbers);
  return numbers.map((number) => {
    const b = old.get(number);
    const a = now.get(number);
    let change: ClauseChange;
    if (!b) change = 'added';
    else if (!a) change = 'removed';
    else if (norm(a.text) !== norm(b.text)) change = 'changed';
    else change = a.chapter === b.chapter ? 'unchanged' : 'moved';
    return { number, change, fromChapter: b?.chapter ?? null, toChapter: a?.chapter ?? null, before: b?.text ?? null, after: a?.text ?? null };
  });
}

/** Fines paired by the clause they enforce and the offence's wording; another amount → changed. */
export function diffFines(before: DiffFine[], after: DiffFine[]) {
  const key = (f: DiffFine) => `${f.clauseNumber}\u0000${norm(f.offence)}`;
  const old = new Map(before.map((f) => [key(f), f]));
  const now = new Map(after.map((f) => [key(f), f]));
  const keys = [...new Set([...old.keys(), ...now.keys()])].sort((x, y) => {
    const fx = (old.get(x) ?? now.get(x))!;
    const fy = (old.get(y) ?? now.get(y))!;
    return compareClauseNumbers(fx.clauseNumber, fy.clauseNumber) || fx.offence.localeCompare(fy.offence, 'th');
  });
  return keys.map((k) => {
    const b = old.get(k);
    const a = now.get(k);
    const f = (a ?? b)!;
    const change: ClauseChange = !b ? 'added' : !a ? 'removed' : a.amountSatang !== b.amountSatang ? 'changed' : 'unchanged';
    return { clauseNumber: f.clauseNumber, offence: f.offence, change, beforeSatang: b?.amountSatang ?? null, afterSatang: a?.amountSatang ?? null };
  });
}
