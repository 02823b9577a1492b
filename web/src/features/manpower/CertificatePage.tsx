import { Alert, Anchor, Box, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useParams, useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { useCertificate } from './api';
import { formatMinutes } from './parts';
import './certificate.css';
import './i18n';

/** A printable certificate of volunteer hours (B.E. dates), outside the app shell so it prints alone. */
export default function CertificatePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { tenant } = useParams({ strict: false }) as { tenant: string };
  const search = useSearch({ strict: false }) as { personId?: string; fiscalYear?: number };
  const cert = useCertificate(tenant, search.personId ?? '', Number(search.fiscalYear));
  useEffect(() => {
    if (cert.data) document.title = `${t('manpower.cert.title')} · ${cert.data.person.name}`;
  }, [cert.data, t]);
  if (cert.isPending) return <Loading minHeight={320} />;
  if (cert.isError) {
    if (isApiError(cert.error) && cert.error.status === 401)
      return (
        <Stack p="xl" maw={560} mx="auto">
          <Text>{t('manpower.cert.login')}</Text>
          <Anchor href={`/login?tenant=${tenant}`}>{t('manpower.cert.loginLink')}</Anchor>
        </Stack>
      );
    return (
      <Box p="xl">
        <ErrorAlert error={cert.error} />
      </Box>
    );
  }
  const c = cert.data;
  const tenantName = lang === 'en' ? c.tenant.nameEn : c.tenant.nameTh;
  return (
    <Box className="cert-page" p={{ base: 'sm', sm: 'xl' }}>
      <Group justify="center" mb="md" className="no-print">
        <Button leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()} data-testid="cert-print">
          {t('manpower.cert.print')}
        </Button>
      </Group>
      {c.minutes === 0 ? (
        <Alert color="yellow" maw={640} mx="auto" className="no-print">
          {t('manpower.cert.noHours', { year: c.fiscalYear })}
        </Alert>
      ) : null}
      <Box component="article" className="certificate" data-testid="certificate" lang={lang}>
        <Text className="cert-org">{tenantName}</Text>
        <Title order={1} className="cert-title">
          {t('manpower.cert.title')}
        </Title>
        <Text className="cert-lead">{t('manpower.cert.givenTo')}</Text>
        <Text className="cert-name" data-testid="cert-name">
          {c.person.name}
        </Text>
        <Text className="cert-body">{t('manpower.cert.body', { hours: formatMinutes(c.minutes, lang), year: c.fiscalYear })}</Text>
        {c.activities.length ? (
          <Box className="cert-activities">
            <Text fw={600} mb={4}>
              {t('manpower.cert.activities')}
            </Text>
            <ol>
              {c.activities.map((a) => (
                <li key={a.id}>
                  {a.name} — {formatMinutes(a.minutes, lang)}
                </li>
              ))}
            </ol>
          </Box>
        ) : null}
        <Text className="cert-wish">{t('manpower.cert.wish')}</Text>
        <Text className="cert-date" data-testid="cert-date">
          {t('manpower.cert.issued', { date: formatDate(c.issuedOn, lang, 'long') })}
        </Text>
        <Box className="cert-sign">
          <Text>(.................................................)</Text>
          <Text>{t('manpower.cert.signer', { org: tenantName })}</Text>
        </Box>
      </Box>
    </Box>
  );
}
