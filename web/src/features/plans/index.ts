/** What other features use of plans (status badge, continuity card, plan queries, formats, search types): import it from '../plans'. */
export { usePlan, usePlans } from './api';
export { StatusBadge } from './badges';
export { NetworkContinuityCard } from './Continuity';
export { DARK_ORANGE, percent, planPermissions } from './format';
export type { ParticipationSearch, StrategyMapSearch } from './search';
