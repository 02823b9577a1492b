/** What other features use of auth (who is signed in, sign-out, redirects to sign-in): import it from '../auth'. */
export { homeFor, meKey, useLogout, useMe } from './api';
export { RedirectTo, RedirectToLogin } from './RedirectToLogin';
