import fs from 'node:fs';
import path from 'node:path';

/**
 * The HTML the server answers for a web address outside /api (client-side routes). `scripts/prerender.ts` draws
 * the login page, the public budget page and the signed-in shell at build time into `web/dist/pages/`; those
 * routes get their own file (the page shows before the JavaScript has run, and the file names the route's
 * chunks and the first API requests so that they load in parallel); every other address gets index.html.
 * `{{tenant}}` in a page (its API preloads) becomes the tenant of the address.
 */
const PAGES: { pattern: RegExp; file: string }[] = [
  { pattern: /^\/login\/?$/, file: 'login.html' },
  { pattern: /^\/p\/([a-z0-9-]{1,63})\/budget\/?$/, file: 'public-budget.html' },
  { pattern: /^\/t\/([a-z0-9-]{1,63})\/?$/, file: 'dashboard.html' },
];

export function webPages(dist: string): (url: string) => string {
  const index = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const pages = PAGES.flatMap(({ pattern, file }) => {
    const full = path.join(dist, 'pages', file);
    return fs.existsSync(full) ? [{ pattern, html: fs.readFileSync(full, 'utf8') }] : [];
  });
  return (url) => {
    const pathname = url.split(/[?#]/)[0];
    for (const { pattern, html } of pages) {
      const m = pattern.exec(pathname);
      if (m) return html.replaceAll('{{tenant}}', m[1] ?? '');
    }
    return index;
  };
}
