// Run by scripts/build-web.ts after the browser build: draws the first page of the login, the public budget and
// the dashboard routes to HTML (web/src/prerender.tsx through Vite's SSR build) and writes one HTML file per
// route into web/dist/pages/. The server answers those routes with them (server/platform/error-handler.ts), so
// the page appears as soon as the HTML and its stylesheets arrive instead of after ~240 KB of JavaScript ran.
// Each file also inlines the route's stylesheets and names its chunks, which otherwise are found only when the entry
// has run. The JavaScript (the entry, its chunks and the route's) is started by the page's inline script after the
// first paint (server/platform/web-pages.ts, PRERENDER_SCRIPT), not from the <head>.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PRERENDER_SCRIPT } from '../server/platform/web-pages';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'web/dist');
const ssrOut = path.join(root, 'web/dist-ssr');

/** The routes drawn at build time: the file, the address drawn, the route modules whose chunks it preloads. */
/** `api`: the requests the page makes first, fetched while the JavaScript loads (`{{tenant}}`: the server fills it in). */
export const PRERENDERED = [
  { file: 'login.html', url: '/login', modules: ['src/features/auth/LoginPage.tsx'], api: [] },
  {
    file: 'public-budget.html',
    url: '/p/_/budget',
    modules: ['src/features/budget/PublicBudgetPage.tsx'],
    api: ['/api/v1/public/{{tenant}}/fiscal-years'],
  },
  {
    file: 'dashboard.html',
    url: '/t/_',
    modules: ['src/features/shell/TenantLayout.tsx', 'src/features/dashboard/DashboardPage.tsx'],
    api: ['/api/v1/auth/me', '/api/v1/t/{{tenant}}/dashboard'],
  },
] as const;

type Manifest = Record<string, { file: string; isEntry?: boolean; imports?: string[]; css?: string[] }>;

/** A route module's chunks and stylesheets with everything they import statically, minus what the entry has. */
function assetsOf(manifest: Manifest, modules: readonly string[]): { js: string[]; css: string[] } {
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry)!;
  const walk = (keys: readonly string[], seen = new Set<string>()) => {
    for (const k of keys) {
      if (seen.has(k) || !manifest[k]) continue;
      seen.add(k);
      walk(manifest[k].imports ?? [], seen);
    }
    return seen;
  };
  const inEntry = walk([entry]);
  const own = [...walk(modules)].filter((k) => !inEntry.has(k));
  return { js: own.map((k) => manifest[k].file), css: [...new Set(own.flatMap((k) => manifest[k].css ?? []))] };
}

export async function prerenderPages(): Promise<void> {
  const started = Date.now();
  execFileSync(
    path.join(root, 'node_modules/.bin/vite'),
    ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn', '--ssr', 'src/prerender.tsx', '--outDir', ssrOut, '--emptyOutDir'],
    { cwd: root, stdio: 'inherit' },
  );
  const built = fs.readdirSync(ssrOut).find((f) => /^prerender\.m?js$/.test(f))!;
  const { renderRoute } = (await import(pathToFileURL(path.join(ssrOut, built)).href)) as { renderRoute: (url: string) => Promise<string> };
  const template = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  fs.mkdirSync(path.join(dist, 'pages'), { recursive: true });
  const cssText = (file: string) => fs.readFileSync(path.join(dist, file), 'utf8').replaceAll('</style', '<\\/style');
  // the entry's stylesheets, inlined: one request fewer each before the first paint
  const entryCss = /<link rel="stylesheet" crossorigin href="\/(assets\/[^"]+\.css)">/g;
  // the entry and its chunks: started after the first paint by PRERENDER_SCRIPT instead of from the <head>
  const entryJs = /\s*<script type="module" crossorigin src="(\/assets\/[^"]+\.js)"><\/script>/;
  const entryChunks = /\s*<link rel="modulepreload" crossorigin href="(\/assets\/[^"]+\.js)">/g;
  const entry = entryJs.exec(template)?.[1];
  if (!entry) throw new Error('prerender: the built index.html has no module entry script');
  const appJs = [entry, ...[...template.matchAll(entryChunks)].map((m) => m[1])];
  const pageTemplate = template.replace(entryJs, '').replace(entryChunks, '');
  for (const page of PRERENDERED) {
    // the router's scroll-restoration script is left out: the app runs its own, and the CSP allows no inline script
    // its fields are read-only until the app takes over: nothing typed into them is lost
    const body = (await renderRoute(page.url)).replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<(input|textarea)\b/g, '<$1 readonly');
    // Mantine's CSS-variable <style> blocks go to <head> and stay there: removing them with the page at the take-over
    // would make the browser recompute every style (the app renders its own identical copy)
    const mantineStyles: string[] = [];
    const markup = body.replace(/<style data-mantine-styles[^>]*>[\s\S]*?<\/style>/g, (tag) => (mantineStyles.push(tag), ''));
    const { js, css } = assetsOf(manifest, page.modules);
    const head = [
      ...mantineStyles,
      // the route's stylesheets, inlined; the disabled link (never fetched) tells Vite's loader it has them already
      ...css.map((f) => `<style>${cssText(f)}</style><link rel="stylesheet" href="/${f}" disabled>`),
      ...page.api.map((u) => `<link rel="preload" as="fetch" crossorigin href="${u}">`),
    ].join('\n    ');
    const scripts = [...appJs, ...js.map((f) => `/${f}`)].join(' ');
    const html = pageTemplate
      .replace(entryCss, (_, f: string) => `<style>${cssText(f)}</style><link rel="stylesheet" href="/${f}" disabled>`)
      .replace('</head>', `  ${head}\n  </head>`)
      .replace(
        '<div id="root"></div>',
        `<div id="prerender" inert data-js="${scripts}">${markup}</div><script>${PRERENDER_SCRIPT}</script><div id="root"></div>`,
      );
    if (!html.includes('<div id="prerender"')) throw new Error(`prerender: web/index.html has no <div id="root"></div> for ${page.url}`);
    fs.writeFileSync(path.join(dist, 'pages', page.file), html);
  }
  fs.rmSync(ssrOut, { recursive: true, force: true });
  console.log(`pre-rendered ${PRERENDERED.map((p) => p.url).join(', ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await prerenderPages();
