import { MantineProvider, mergeThemeOverrides } from '@mantine/core';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { router as appRouter } from './router';
import { cssVariablesResolver, theme } from './theme';

// The toasts' container loads after the first paint (a toast shown before it arrives waits in the store)
const Notifications = lazy(() => import('@mantine/notifications').then((m) => ({ default: m.Notifications })));

/**
 * The theme with labels in the reader's language (a notification's close button needs an accessible name), the
 * data cache and the router: what `main.tsx` draws in the browser and `prerender.tsx` draws at build time.
 */
export function App({ queryClient, router, toasts = true }: { queryClient: QueryClient; router: typeof appRouter; toasts?: boolean }) {
  const { t } = useTranslation();
  const localized = useMemo(
    () => mergeThemeOverrides(theme, { components: { Notification: { defaultProps: { closeButtonProps: { 'aria-label': t('common.closeNotification') } } } } }),
    [t],
  );
  return (
    <MantineProvider theme={localized} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      {toasts ? (
        <Suspense fallback={null}>
          <Notifications position="top-right" />
        </Suspense>
      ) : null}
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
