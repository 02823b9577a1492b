/** What other features use of users: import it from '../users', never its files. */
export { useUsers } from './api';
