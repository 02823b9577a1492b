/**
 * Thai helpers shared by the server and the web app. Everything here is
 * light and data-free. The address dataset (~380 KB) lives in `./address`
 * and is NOT re-exported: import it directly on the server, or lazily in the
 * web app with `loadThaiAddress()` / `import('…/common/thai/address')`.
 */
export * from './citizen-id';
export * from './dates';
export * from './money';
export * from './text';
export * from './schemas';
export type * from './address-types';

/** Lazily loads the address module (its own chunk in the Vite build). */
export const loadThaiAddress = () => import('./address');
