const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : undefined);
const beYear = (v: unknown) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 2500 && n <= 2700 ? n : undefined;
};
const page = (v: unknown) => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isInteger(n) && n > 1 && n < 100_000 ? n : undefined;
};
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.slice(0, 200) : undefined);

export interface PlanSearch {
  q?: string;
  page?: number;
  fiscalYear?: number;
  networkId?: string;
}
export function validatePlanSearch(s: Record<string, unknown>): PlanSearch {
  return { q: str(s.q), page: page(s.page), fiscalYear: beYear(s.fiscalYear), networkId: uuid(s.networkId) };
}

/** Plan form: a new plan may come with its network and year chosen (from a network page). */
export interface PlanNewSearch {
  networkId?: string;
  fiscalYear?: number;
}
export function validatePlanNewSearch(s: Record<string, unknown>): PlanNewSearch {
  return { networkId: uuid(s.networkId), fiscalYear: beYear(s.fiscalYear) };
}

export interface StrategyMapSearch {
  fiscalYear?: number;
  networkId?: string;
}
export function validateStrategyMapSearch(s: Record<string, unknown>): StrategyMapSearch {
  return { fiscalYear: beYear(s.fiscalYear), networkId: uuid(s.networkId) };
}

const LEVELS = ['issue', 'plan', 'operation'] as const;
export interface ParticipationSearch {
  fiscalYear?: number;
  /** Drill-down: one cell of the matrix. */
  level?: (typeof LEVELS)[number];
  networkId?: string;
  pillar?: string;
  sector?: string;
  page?: number;
}
export function validateParticipationSearch(s: Record<string, unknown>): ParticipationSearch {
  const level = typeof s.level === 'string' && (LEVELS as readonly string[]).includes(s.level) ? (s.level as ParticipationSearch['level']) : undefined;
  const networkId = s.networkId === 'none' ? 'none' : uuid(s.networkId);
  return { fiscalYear: beYear(s.fiscalYear), level, networkId, pillar: str(s.pillar)?.slice(0, 30), sector: str(s.sector)?.slice(0, 30), page: page(s.page) };
}
