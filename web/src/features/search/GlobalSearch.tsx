import { ActionIcon, Group, Kbd, Text, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useLocation } from '@tanstack/react-router';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsDesktop } from '../../ui/hooks';

const SearchDialog = lazy(() => import('./SearchDialog'));

/**
 * The search box in the app header: a button that opens a search dialog (full screen on phones; Ctrl+K / ⌘K
 * or "/" on a keyboard). The dialog's code loads on first use, so the shell stays small.
 */
export function GlobalSearch() {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const [opened, { open, close }] = useDisclosure(false);
  // mounted from the first open on, so the dialog can animate closed
  const [used, setUsed] = useState(false);
  const show = () => {
    setUsed(true);
    open();
  };
  const location = useLocation();
  useEffect(() => close(), [location.pathname, location.searchStr, close]);
  // Ctrl+K / ⌘K works even while typing in a field; "/" only outside fields
  useHotkeys([['mod+K', show]], []);
  useHotkeys([['/', show]]);
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

  return (
    <>
      {desktop ? (
        <UnstyledButton
          onClick={show}
          aria-haspopup="dialog"
          data-testid="global-search-open"
          style={{
            border: '1px solid var(--mantine-color-gray-4)',
            borderRadius: 'var(--mantine-radius-md)',
            padding: '4px 8px 4px 10px',
            minWidth: 0,
            width: 'clamp(10rem, 22vw, 20rem)',
          }}
        >
          <Group gap={8} wrap="nowrap" justify="space-between">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <IconSearch size={16} aria-hidden />
              <Text size="sm" c="dimmed" truncate="end">
                {t('search.placeholderShort')}
                <VisuallyHidden> {t('search.openSuffix')}</VisuallyHidden>
              </Text>
            </Group>
            <Kbd size="xs" aria-hidden style={{ flexShrink: 0 }}>
              {mac ? '⌘K' : 'Ctrl K'}
            </Kbd>
          </Group>
        </UnstyledButton>
      ) : (
        <ActionIcon
          variant="subtle"
          color="gray"
          size="lg"
          onClick={show}
          aria-label={t('search.open')}
          aria-haspopup="dialog"
          data-testid="global-search-open"
        >
          <IconSearch size={20} aria-hidden />
        </ActionIcon>
      )}
      {used ? (
        <Suspense fallback={null}>
          <SearchDialog opened={opened} onClose={close} fullScreen={!desktop} />
        </Suspense>
      ) : null}
    </>
  );
}
