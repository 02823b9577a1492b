/** What other features use of forums: import it from '../forums', never its files. */
export { fiscalYearLabel, fiscalYearOptions } from './format';
