/** The frame of the public (no sign-in) pages, used by every public page: import it from '../public-knowledge'. */
export { PublicShell } from './PublicShell';
