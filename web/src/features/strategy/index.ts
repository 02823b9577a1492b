/** What other features use of strategy: import it from '../strategy', never its files. */
export { useStrategyOptions } from './api';
