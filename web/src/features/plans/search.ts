import { fiscalYear, oneOf, page, text, uuid } from '../../context/search-params';

export interface PlanSearch {
  q?: string;
  page?: number;
  fiscalYear?: number;
  networkId?: string;
}
export function validatePlanSearch(s: Record<string, unknown>): PlanSearch {
  return { q: text(s.q), page: page(s.page), fiscalYear: fiscalYear(s.fiscalYear), networkId: uuid(s.networkId) };
}

/** Plan form: a new plan may come with its network and year chosen (from a network page). */
export interface PlanNewSearch {
  networkId?: string;
  fiscalYear?: number;
}
export function validatePlanNewSearch(s: Record<string, unknown>): PlanNewSearch {
  return { networkId: uuid(s.networkId), fiscalYear: fiscalYear(s.fiscalYear) };
}

export interface StrategyMapSearch {
  fiscalYear?: number;
  networkId?: string;
}
export function validateStrategyMapSearch(s: Record<string, unknown>): StrategyMapSearch {
  return { fiscalYear: fiscalYear(s.fiscalYear), networkId: uuid(s.networkId) };
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
  const networkId = s.networkId === 'none' ? 'none' : uuid(s.networkId);
  return {
    fiscalYear: fiscalYear(s.fiscalYear),
    level: oneOf(LEVELS, s.level),
    networkId,
    pillar: text(s.pillar)?.slice(0, 30),
    sector: text(s.sector)?.slice(0, 30),
    page: page(s.page),
  };
}
