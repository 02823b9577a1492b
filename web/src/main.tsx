// Mantine's global styles only: each component's own CSS comes with its code (web/vite.config.ts)
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/notifications/styles.css';
import './app/fonts.css';
import './app/global.css';
import { ensureLanguage, initialLang } from './i18n';
import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { lazy, StrictMode, Suspense, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api/client';
import { router } from './app/router';
import { cssVariablesResolver, theme } from './app/theme';

// The toasts' container loads after the first paint (a toast shown before it arrives waits in the store)
const Notifications = lazy(() => import('@mantine/notifications').then((m) => ({ default: m.Notifications })));

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

/** The theme with labels in the reader's language: a notification's close button needs an accessible name. */
function App() {
  const { t } = useTranslation();
  const localized = useMemo(
    () => mergeThemeOverrides(theme, { components: { Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('common.closeNotification') } } } } }),
    [t],
  );
  return (
    <MantineProvider theme={localized} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <Suspense fallback={null}>
        <Notifications position="top-right" />
      </Suspense>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}

// English is fetched first when it is the stored choice (web/src/i18n/index.ts); Thai is in the entry
void ensureLanguage(initialLang).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  ),
);
