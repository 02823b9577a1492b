import { Badge, Box, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { NotificationItem } from '../../../../common/schemas/notifications';
import { formatDateTime } from '../../ui/dates';
import { useLang } from '../../ui/hooks';
import { useMarkRead } from './api';
import './i18n';

const KIND_COLOR: Record<NotificationItem['kind'], string> = {
  meeting_invitation: 'teal',
  minutes_to_certify: 'indigo',
  action_item_due: 'orange',
  approval_waiting: 'grape',
};
const EMAIL_COLOR = { pending: 'gray', sent: 'green', failed: 'red' } as const;

/** One notification: opening it marks it read and goes to the thing it is about. */
export function NotificationRow({ tenant, item, onOpen, compact = false }: { tenant: string; item: NotificationItem; onOpen?: () => void; compact?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const markRead = useMarkRead(tenant);
  const unread = !item.readAt;
  const open = () => {
    if (unread) markRead.mutate(item.id);
    onOpen?.();
    void navigate({ to: item.link as never });
  };
  return (
    <Box
      data-testid="notification"
      data-unread={unread ? 'true' : 'false'}
      px="sm"
      py={compact ? 6 : 'xs'}
      style={{
        borderInlineStart: `3px solid ${unread ? 'var(--mantine-color-teal-6)' : 'transparent'}`,
        background: unread ? 'var(--mantine-color-teal-0)' : undefined,
      }}
    >
      <Stack gap={4}>
        <Group gap={6} wrap="wrap">
          <Badge size="sm" variant="light" color={KIND_COLOR[item.kind]}>
            {t(`notifications.kind.${item.kind}`)}
          </Badge>
          {item.email ? (
            <Badge size="sm" variant="outline" color={EMAIL_COLOR[item.email]}>
              {t(`notifications.email.${item.email}`)}
            </Badge>
          ) : null}
          {unread ? (
            <Text size="xs" c="teal.9" fw={600}>
              {t('notifications.unread')}
            </Text>
          ) : null}
        </Group>
        <UnstyledButton onClick={open} data-testid="notification-open">
          <Text fw={unread ? 700 : 500} size="sm" className="break-words">
            {item.title}
          </Text>
          <Text size="sm" c="dimmed" lineClamp={compact ? 2 : undefined} className="break-words">
            {item.body}
          </Text>
        </UnstyledButton>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed">
            <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, lang)}</time>
          </Text>
          {unread ? (
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => markRead.mutate(item.id)}
              loading={markRead.isPending}
              data-testid="notification-mark-read"
            >
              {t('notifications.markRead')}
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Box>
  );
}
