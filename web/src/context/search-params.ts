/**
 * Validators of one search param each, for the routes' `validateSearch`: the value when the address may hold it,
 * undefined otherwise (so a mistyped address drops that filter instead of failing). Every route's search is built
 * from these; context/search.ts and the plans and budget search files use them.
 */

/** Search words or a label: trimmed-non-empty text, cut to 200 characters (a number, as the router parses `?q=12`, is text too). */
export function text(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v.slice(0, 200) : undefined;
}

function integer(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) ? n : undefined;
}
function between(v: unknown, min: number, max: number): number | undefined {
  const n = integer(v);
  return n !== undefined && n >= min && n <= max ? n : undefined;
}

/** A list's page: 2 and up (page 1 stays out of the address). */
export const page = (v: unknown): number | undefined => between(v, 2, 99_999);

/** A positive whole number (a version number). */
export const positive = (v: unknown): number | undefined => between(v, 1, 999_999);

/**
 * A fiscal year (B.E.) as the server's fiscal-year filters accept it: 2500–2700 (`fiscalYearQuery`,
 * common/schemas/plans.ts) — plans, strategy, participation, budget, manpower.
 */
export const fiscalYear = (v: unknown): number | undefined => between(v, 2500, 2700);

/**
 * A B.E. year as the knowledge filters accept it: 2400–2700 (`beYear`, common/schemas/knowledge.ts) — a knowledge
 * item's year, and the fiscal year of the knowledge, forum and metrics lists.
 */
export const knowledgeYear = (v: unknown): number | undefined => between(v, 2400, 2700);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A record's id. */
export function uuid(v: unknown): string | undefined {
  return typeof v === 'string' && UUID.test(v) ? v : undefined;
}

/** One value of an enumeration. */
export function oneOf<T extends string>(list: readonly T[], v: unknown): T | undefined {
  return typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined;
}
