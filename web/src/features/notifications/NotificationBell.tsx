import { ActionIcon, Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../ui/format';
import { ButtonLink } from '../../ui/links';
import { useLang } from '../../ui/hooks';
import { useMarkAllRead, useNotifications, useUnreadCount } from './api';
import { NotificationRow } from './NotificationRow';
import './i18n';

/** The bell in the header: the unread count, and the latest notifications in a panel. */
export function NotificationBell({ tenant }: { tenant: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount(tenant).data?.unread ?? 0;
  const list = useNotifications(tenant, { page: 1, pageSize: 8 }, opened);
  const markAll = useMarkAllRead(tenant);
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
            aria-label={unread ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell')}
            aria-expanded={opened}
            data-testid="bell"
          >
            <IconBell size={22} />
          </ActionIcon>
        </Popover.Target>
      </Indicator>
      <Popover.Dropdown p={0}>
        <Group justify="space-between" px="sm" py="xs" wrap="nowrap">
          <Text fw={700}>{t('notifications.title')}</Text>
          {unread > 0 ? (
            <Button size="compact-xs" variant="subtle" onClick={() => markAll.mutate()} loading={markAll.isPending} data-testid="mark-all-read">
              {t('notifications.markAllRead')}
            </Button>
          ) : null}
        </Group>
        <Divider />
        <ScrollArea.Autosize mah="min(60vh, 28rem)">
          {list.data?.items.length ? (
            <Stack gap={0}>
              {list.data.items.map((n) => (
                <NotificationRow key={n.id} tenant={tenant} item={n} compact onOpen={() => setOpened(false)} />
              ))}
            </Stack>
          ) : (
            <Text c="dimmed" size="sm" p="sm">
              {list.isLoading ? '…' : t('notifications.empty')}
            </Text>
          )}
        </ScrollArea.Autosize>
        <Divider />
        <ButtonLink
          to="/t/$tenant/notifications"
          params={{ tenant }}
          variant="subtle"
          fullWidth
          radius={0}
          onClick={() => setOpened(false)}
          data-testid="bell-view-all"
        >
          {t('notifications.viewAll')}
        </ButtonLink>
      </Popover.Dropdown>
    </Popover>
  );
}
