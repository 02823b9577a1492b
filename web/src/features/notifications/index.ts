/** What other features use of notifications (the bell in the shell): import it from '../notifications'. */
export { NotificationBell } from './NotificationBell';
