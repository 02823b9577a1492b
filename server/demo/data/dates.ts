import type { Rng } from './rng';

/** No date in the demo dataset is later than this (end of calendar year B.E. 2568). */
export const AS_OF = '2025-12-31';
/** No date in the demo dataset is earlier than this (B.E. 2548). */
export const EARLIEST = '2005-01-01';

const DAY_MS = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_RE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Days since 1970-01-01 (UTC). */
export function toDays(iso: string): number {
  if (!isIsoDate(iso)) throw new Error(`not an ISO date: ${iso}`);
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

export function fromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string {
  return fromDays(toDays(iso) + n);
}

export function minDate(a: string, b: string): string {
  return a <= b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

/** A date in [from, to], both inclusive. If to < from, returns from. */
export function dateBetween(rng: Rng, from: string, to: string): string {
  const a = toDays(from);
  const b = toDays(to);
  if (b <= a) return from;
  return fromDays(rng.int(a, b));
}

/** Gregorian year of a Buddhist-era year. */
export function ceYear(beYear: number): number {
  return beYear - 543;
}
