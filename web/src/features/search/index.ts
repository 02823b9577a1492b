/** The global search box in the shell: import it from '../search'. */
export { GlobalSearch } from './GlobalSearch';
