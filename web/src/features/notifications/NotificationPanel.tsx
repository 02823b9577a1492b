import { Button, Divider, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/links';
import { useMarkAllRead, useNotifications } from './api';
import { NotificationRow } from './NotificationRow';
import './i18n';

/** The bell's panel: the latest notifications (loaded with the panel, on the first open of the bell). */
export default function NotificationPanel({ tenant, unread, onClose }: { tenant: string; unread: number; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useNotifications(tenant, { page: 1, pageSize: 8 }, true);
  const markAll = useMarkAllRead(tenant);
  return (
    <>
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
              <NotificationRow key={n.id} tenant={tenant} item={n} compact onOpen={() => onClose()} />
            ))}
          </Stack>
        ) : (
          <Text c="dimmed" size="sm" p="sm">
            {list.isLoading ? '…' : t('notifications.empty')}
          </Text>
        )}
      </ScrollArea.Autosize>
      <Divider />
      <ButtonLink to="/t/$tenant/notifications" params={{ tenant }} variant="subtle" fullWidth radius={0} onClick={() => onClose()} data-testid="bell-view-all">
        {t('notifications.viewAll')}
      </ButtonLink>
    </>
  );
}
