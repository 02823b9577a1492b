import { Anchor, Badge, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTenant } from '../../context/tenant';
import { DataView } from '../../ui/DataView';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useRegulations } from './api';
import './i18n';

export default function RegulationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const list = useRegulations(slug);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('regulations.title')}
        subtitle={t('regulations.subtitle')}
        actions={
          <Anchor href={`/p/${slug}/regulations`} target="_blank" rel="noopener" data-testid="regulations-public-link">
            {t('regulations.publicPage')}
          </Anchor>
        }
      />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{t('regulations.empty')}</Text>
      ) : (
        <DataView
          rows={list.data}
          rowKey={(r) => r.id}
          caption={t('regulations.title')}
          testId="regulations-list"
          columns={[
            {
              key: 'title',
              header: t('regulations.regulation'),
              primary: true,
              render: (r) => (
                <AnchorLink to="/t/$tenant/regulations/$id" params={{ tenant: slug, id: r.id }}>
                  {r.title}
                </AnchorLink>
              ),
            },
            { key: 'subject', header: t('regulations.subject'), render: (r) => r.subject },
            { key: 'network', header: t('regulations.network'), render: (r) => r.network?.name ?? '–' },
            {
              key: 'inForce',
              header: t('regulations.inForce'),
              render: (r) =>
                r.inForceVersion ? (
                  <Badge color="teal" variant="light">
                    {t('regulations.versionN', { n: r.inForceVersion })}
                  </Badge>
                ) : (
                  <Badge color="gray" variant="light">
                    {t('regulations.noneInForce')}
                  </Badge>
                ),
            },
            { key: 'versions', header: t('regulations.versions'), align: 'right', render: (r) => formatNumber(r.versionCount, lang) },
            { key: 'drafts', header: t('regulations.drafts'), align: 'right', render: (r) => formatNumber(r.draftCount, lang) },
          ]}
        />
      )}
    </Stack>
  );
}
