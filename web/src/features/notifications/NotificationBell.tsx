import { ActionIcon, Indicator, Popover, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { useUnreadCount } from './api';

const NotificationPanel = lazy(() => import('./NotificationPanel'));

/** The bell in the header: the unread count, and the latest notifications in a panel. */
export function NotificationBell({ tenant }: { tenant: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount(tenant).data?.unread ?? 0;
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width="min(24rem, calc(100vw - 1rem))" shadow="md" withinPortal trapFocus>
      {/* the target must be the button itself: Popover puts aria-expanded/aria-controls on its child, which a plain div may not carry */}
      <Indicator label={formatNumber(unread, lang)} size={18} disabled={unread === 0} color="red" offset={4} data-testid="bell-count">
        <Popover.Target>
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={() => setOpened((o) => !o)}
            aria-label={unread ? t('bell.unread', { count: unread }) : t('bell.label')}
            aria-expanded={opened}
            data-testid="bell"
          >
            <IconBell size={22} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0}>
        {/* the panel's code (the list, its rows) loads when the bell is first opened: the shell stays small (issue 12) */}
        {opened ? (
          <Suspense fallback={<Text p="sm">…</Text>}>
            <NotificationPanel tenant={tenant} unread={unread} onClose={() => setOpened(false)} />
          </Suspense>
        ) : null}
      </Popover.Dropdown>
    </Popover>
  );
}
