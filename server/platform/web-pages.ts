import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Placed right after a pre-rendered page (scripts/prerender.ts), it runs before the first paint:
 * - the page is drawn in Thai, so a reader who chose English (web/src/i18n/index.ts keeps the choice in
 *   localStorage) never sees it; the app draws in English instead;
 * - it starts the app's JavaScript (the entry and its chunks, listed in the page's `data-js`) only after the page has
 *   been painted: requested from the <head>, ~240 KB of module scripts at high priority would be fetched ahead of
 *   the first paint on a slow link (Lighthouse counted them as render-blocking). A hidden tab, which paints
 *   nothing, starts them at once.
 * The CSP allows exactly this script by its hash (`PRERENDER_SCRIPT_HASH`, server/app.ts).
 */
export const PRERENDER_SCRIPT =
  "(function(){var p=document.getElementById('prerender'),js=p.dataset.js.split(' ');" +
  "try{if(localStorage.getItem('phakhi.lang')==='en')p.remove()}catch(e){}" +
  "function load(){js.forEach(function(f,i){var e=document.createElement(i?'link':'script');" +
  "if(i){e.rel='modulepreload';e.href=f}else{e.type='module';e.src=f}e.crossOrigin='';document.head.appendChild(e)})}" +
  "if(document.visibilityState==='hidden')load();else requestAnimationFrame(function(){setTimeout(load,0)})})()";
export const PRERENDER_SCRIPT_HASH = `'sha256-${crypto.createHash('sha256').update(PRERENDER_SCRIPT).digest('base64')}'`;

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
