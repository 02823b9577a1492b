import { List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { enumLabel } from '../../ui/enums';
import { formatDate } from '../../ui/dates';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { PublicShell } from '../public-knowledge';
import { usePublicNotice } from './api';
import './i18n';

const RIGHTS = ['access', 'portability', 'object', 'erasure', 'restrict', 'rectify', 'withdraw', 'complain'] as const;

/** A local government's privacy notice for anyone, no login (PDPA section 23): who, what, why, on what basis, how long, rights. */
export default function PublicPrivacyNoticePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { tenant } = useParams({ from: '/p/$tenant/privacy' });
  const notice = usePublicNotice(tenant);
  useEffect(() => {
    document.title = `${t('privacy.notice.publicTitle')} · ${notice.data?.tenantName ?? t('app.name')}`;
  }, [t, notice.data]);
  const n = notice.data;
  return (
    <PublicShell>
      {notice.isPending ? (
        <Loading />
      ) : notice.isError ? (
        <ErrorAlert error={notice.error} />
      ) : (
        <Stack gap="lg" data-testid="privacy-notice">
          <Stack gap={4}>
            <Text fw={600}>{n!.tenantName}</Text>
            <Title order={1}>{t('privacy.notice.publicTitle')}</Title>
            {n!.updatedAt ? (
              <Text size="sm" c="dimmed">
                {t('privacy.notice.updated', { date: formatDate(n!.updatedAt.slice(0, 10), lang, 'long') })}
              </Text>
            ) : null}
          </Stack>
          {n!.intro ? <Text style={{ whiteSpace: 'pre-wrap' }}>{n!.intro}</Text> : null}

          <Stack gap="sm">
            <Title order={2} size="h3">
              {t('privacy.notice.whatWeCollect')}
            </Title>
            {n!.activities.map((a) => (
              <Paper key={a.name} withBorder p="md" radius="md">
                <Stack gap={6}>
                  <Title order={3} size="h4">
                    {a.name}
                  </Title>
                  <Text>{a.purpose}</Text>
                  <Fact label={t('privacy.consent.lawfulBasis')}>{enumLabel(t, 'lawfulBasis', a.lawfulBasis)}</Fact>
                  <Fact label={t('privacy.ropa.dataCategories').replace(/ \(.*\)$/, '')}>{a.dataCategories.join(', ')}</Fact>
                  {a.recipients ? <Fact label={t('privacy.notice.recipients')}>{a.recipients}</Fact> : null}
                  <Fact label={t('privacy.notice.retention')}>{a.retention}</Fact>
                </Stack>
              </Paper>
            ))}
          </Stack>

          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('privacy.notice.retention')}
            </Title>
            <Text>
              {n!.retention.inactivePeopleYears
                ? t('privacy.notice.retentionPeople', { years: n!.retention.inactivePeopleYears })
                : t('privacy.notice.retentionPeopleOff')}
            </Text>
            {n!.retention.accessLogMonths ? <Text>{t('privacy.notice.retentionAccess', { months: n!.retention.accessLogMonths })}</Text> : null}
          </Stack>

          <Stack gap="xs">
            <Title order={2} size="h3">
              {t('privacy.notice.rights')}
            </Title>
            <List spacing={4}>
              {RIGHTS.map((r) => (
                <List.Item key={r}>{t(`privacy.notice.rightsList.${r}`)}</List.Item>
              ))}
            </List>
          </Stack>

          <Paper withBorder p="md" radius="md" data-testid="notice-contact">
            <Stack gap={6}>
              <Title order={2} size="h3">
                {t('privacy.notice.contact')}
              </Title>
              <Text fw={600}>
                {t('privacy.notice.controller')}: {n!.controllerName}
              </Text>
              {n!.controllerAddress ? <Text>{n!.controllerAddress}</Text> : null}
              {n!.controllerContact ? <Text>{n!.controllerContact}</Text> : null}
              {n!.dpoName || n!.dpoContact ? (
                <Text>
                  {t('privacy.notice.dpo')}: {[n!.dpoName, n!.dpoContact].filter(Boolean).join(' · ')}
                </Text>
              ) : null}
            </Stack>
          </Paper>
          {n!.extra ? <Text style={{ whiteSpace: 'pre-wrap' }}>{n!.extra}</Text> : null}
        </Stack>
      )}
    </PublicShell>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="div">
        {label}
      </Text>
      <Text component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}
