/**
 * Draws a route of the app to HTML at build time (scripts/prerender.ts runs it after the browser build, through
 * Vite's SSR build): the same components, theme and Thai strings as in the browser, with no data (queries stay
 * pending, as on a first visit). The browser shows this HTML at once; the app then draws the same route and
 * takes over (`PrerenderHandoff` in app/router.tsx).
 */
import './i18n';
import { QueryClient } from '@tanstack/react-query';
import { createMemoryHistory } from '@tanstack/react-router';
import { prerenderToNodeStream } from 'react-dom/static';
import { App } from './app/App';
import { createAppRouter } from './app/router';

export async function renderRoute(url: string): Promise<string> {
  const router = createAppRouter(createMemoryHistory({ initialEntries: [url] }));
  await router.load();
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const { prelude } = await prerenderToNodeStream(<App queryClient={queryClient} router={router} toasts={false} />);
  let html = '';
  for await (const chunk of prelude) html += String(chunk);
  return html;
}
