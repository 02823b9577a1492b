/** What other features use of budget: import it from '../budget', never its files. */
export { useFunds, useLines } from './api';
