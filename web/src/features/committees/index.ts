/** What other features use of committees (the resolution that adopted a plan or regulation): import it from '../committees'. */
export { AdoptedBy } from './Resolutions';
