// Mantine's global styles only: each component's own CSS comes with its code (web/vite.config.ts)
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/notifications/styles.css';
import './app/fonts.css';
import './app/global.css';
import { ensureLanguage, initialLang } from './i18n';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiError } from './api/client';
import { App } from './app/App';
import { router } from './app/router';

/** A session that expired mid-work: forget "me", and the tenant layout sends the person to the login page. */
function onSessionError(err: unknown) {
  if (err instanceof ApiError && err.status === 401) queryClient.setQueryData(['me'], null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onSessionError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
    },
  },
  mutationCache: new MutationCache({ onError: onSessionError }),
});

// The page drawn at build time is in Thai (scripts/prerender.ts): a reader who chose English sees the app's own
// first paint instead of Thai text that would then change under them.
if (initialLang !== 'th') document.getElementById('prerender')?.remove();

// English is fetched first when it is the stored choice (web/src/i18n/index.ts); Thai is in the entry.
// The first render is a transition: React yields to the browser every few milliseconds instead of holding the
// main thread for the whole tree (on a slow phone that one task was most of the page's blocking time).
void ensureLanguage(initialLang).then(() => {
  const root = createRoot(document.getElementById('root')!);
  startTransition(() =>
    root.render(
      <StrictMode>
        <App queryClient={queryClient} router={router} />
      </StrictMode>,
    ),
  );
});
