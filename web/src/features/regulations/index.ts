/** What other features use of regulations: import it from '../regulations', never its files. */
export { useRegulations } from './api';
