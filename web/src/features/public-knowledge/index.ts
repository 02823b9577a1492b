/** The frame of the public (no sign-in) pages now lives in ui/ (PublicShell, PublicPage); kept here for older imports. */
export { PublicShell } from '../../ui/PublicShell';
