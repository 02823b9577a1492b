import { Alert, Button, Card, Checkbox, Group, Paper, SegmentedControl, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications as toast } from '@mantine/notifications';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { PagedList } from '../../ui/ListPage';
import { formatDateTime } from '../../ui/dates';
import { useLang } from '../../ui/hooks';
import { usePermissions } from '../../context/tenant';
import { useFailedOutbox, useMarkAllRead, useNotifications, usePreferences, useRetryOutbox, useSavePreferences } from './api';
import { NotificationRow } from './NotificationRow';
import './i18n';

const PAGE_SIZE = 20;

/** My notifications, my channels, and (admins) the e-mails that failed. */
export default function NotificationsPage() {
  const { tenant } = useParams({ from: '/t/$tenant/notifications' });
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(tenant, { page, pageSize: PAGE_SIZE, unread: unreadOnly });
  const markAll = useMarkAllRead(tenant);
  const can = usePermissions();
  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        subtitle={t('notifications.subtitle')}
        actions={
          list.data?.unread ? (
            <Button variant="light" onClick={() => markAll.mutate()} loading={markAll.isPending} data-testid="page-mark-all-read">
              {t('notifications.markAllRead')}
            </Button>
          ) : null
        }
      />
      <Stack gap="lg">
        <Stack gap="xs">
          <Switch
            label={t('notifications.unreadOnly')}
            checked={unreadOnly}
            onChange={(e) => {
              setUnreadOnly(e.currentTarget.checked);
              setPage(1);
            }}
          />
          <PagedList
            query={list}
            page={page}
            pageSize={PAGE_SIZE}
            onPage={setPage}
            render={(items) =>
              items.length ? (
                <Paper withBorder>
                  <Stack gap={0} data-testid="notification-list">
                    {items.map((n) => (
                      <NotificationRow key={n.id} tenant={tenant} item={n} />
                    ))}
                  </Stack>
                </Paper>
              ) : (
                <Text c="dimmed">{unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</Text>
              )
            }
          />
        </Stack>
        <ChannelSettings tenant={tenant} />
        {can.manageOutbox ? <FailedOutbox tenant={tenant} /> : null}
      </Stack>
    </>
  );
}

function ChannelSettings({ tenant }: { tenant: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const prefs = usePreferences(tenant);
  const save = useSavePreferences(tenant);
  const [email, setEmail] = useState(false);
  const [consent, setConsent] = useState(false);
  const [language, setLanguage] = useState<'th' | 'en'>('th');
  useEffect(() => {
    if (!prefs.data) return;
    setEmail(prefs.data.email);
    setConsent(prefs.data.email);
    setLanguage(prefs.data.language);
  }, [prefs.data]);
  if (!prefs.data) return prefs.error ? <ErrorAlert error={prefs.error} /> : <Loading />;
  const p = prefs.data;
  const turningOn = email && !p.email;
  return (
    <Card withBorder component="section" aria-labelledby="channels-title" data-testid="channel-settings">
      <Stack gap="sm">
        <Title order={2} size="h3" id="channels-title">
          {t('notifications.settings.title')}
        </Title>
        <Checkbox label={t('notifications.settings.inApp')} defaultChecked disabled />
        <Switch
          label={t('notifications.settings.email')}
          description={t('notifications.settings.emailTo', { address: p.emailAddress })}
          checked={email}
          onChange={(e) => setEmail(e.currentTarget.checked)}
          data-testid="email-switch"
        />
        {!p.emailAvailable ? (
          <Alert color="yellow" variant="light">
            {t('notifications.settings.unavailable')}
          </Alert>
        ) : null}
        {turningOn ? (
          <Checkbox
            label={t('notifications.settings.consent')}
            checked={consent}
            onChange={(e) => setConsent(e.currentTarget.checked)}
            data-testid="email-consent"
            styles={{ label: { lineHeight: 1.5 } }}
          />
        ) : null}
        {p.email && p.emailConsentedAt ? (
          <Text size="sm" c="dimmed">
            {t('notifications.settings.consentedAt', { date: formatDateTime(p.emailConsentedAt, lang) })}
          </Text>
        ) : null}
        {!p.email && p.emailWithdrawnAt ? (
          <Text size="sm" c="dimmed">
            {t('notifications.settings.withdrawnAt', { date: formatDateTime(p.emailWithdrawnAt, lang) })}
          </Text>
        ) : null}
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            {t('notifications.settings.language')}
          </Text>
          <SegmentedControl
            value={language}
            onChange={(v) => setLanguage(v as 'th' | 'en')}
            data={[
              { value: 'th', label: t('notifications.settings.languages.th') },
              { value: 'en', label: t('notifications.settings.languages.en') },
            ]}
            style={{ alignSelf: 'flex-start' }}
          />
        </Stack>
        {save.error ? <ErrorAlert error={save.error} /> : null}
        <Group>
          <Button
            onClick={() =>
              save.mutate(
                { email, consent: turningOn ? consent : undefined, language },
                { onSuccess: () => toast.show({ message: t('notifications.settings.saved'), color: 'teal' }) },
              )
            }
            disabled={turningOn && !consent}
            loading={save.isPending}
            data-testid="save-channels"
          >
            {t('notifications.settings.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function FailedOutbox({ tenant }: { tenant: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const failed = useFailedOutbox(tenant, true);
  const retry = useRetryOutbox(tenant);
  return (
    <Card withBorder component="section" aria-labelledby="outbox-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="outbox-title">
          {t('notifications.outbox.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('notifications.outbox.subtitle')}
        </Text>
        {failed.data && !failed.data.items.length ? <Text c="dimmed">{t('notifications.outbox.empty')}</Text> : null}
        {failed.data?.items.length ? (
          <Table.ScrollContainer minWidth={560}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('notifications.outbox.recipient')}</Table.Th>
                  <Table.Th>{t('notifications.outbox.subject')}</Table.Th>
                  <Table.Th>{t('notifications.outbox.attempts')}</Table.Th>
                  <Table.Th>{t('notifications.outbox.error')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {failed.data.items.map((o) => (
                  <Table.Tr key={o.id}>
                    <Table.Td>{o.recipient}</Table.Td>
                    <Table.Td>
                      {o.subject}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(o.createdAt, lang)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{o.attempts}</Table.Td>
                    <Table.Td>
                      <Text size="xs">{o.lastError}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => retry.mutate(o.id, { onSuccess: () => toast.show({ message: t('notifications.outbox.queued') }) })}
                      >
                        {t('notifications.outbox.retry')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Card>
  );
}
