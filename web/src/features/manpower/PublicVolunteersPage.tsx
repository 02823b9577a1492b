import { Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { PublicShell } from '../../ui/PublicShell';
import { usePublicList } from './api';
import { fiscalYearOptions, formatMinutes } from './parts';
import './i18n';

/** The yearly public-mindedness list: public, no login, only people who agreed, name and hours only. */
export default function PublicVolunteersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { tenant } = useParams({ strict: false }) as { tenant: string };
  const search = useSearch({ strict: false }) as { fiscalYear?: number };
  const navigate = useNavigate();
  const list = usePublicList(tenant, search.fiscalYear);
  useEffect(() => {
    document.title = `${t('manpower.public.title')} · ${t('app.name')}`;
  }, [t]);
  return (
    <PublicShell>
      {list.isPending ? (
        <Loading minHeight={240} />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : (
        <Stack gap="md">
          <Stack gap={4}>
            <Text fw={600}>{lang === 'en' ? list.data.tenant.nameEn : list.data.tenant.nameTh}</Text>
            <Title order={1}>{t('manpower.public.title')}</Title>
            <Text c="dimmed">{t('manpower.public.subtitle', { year: list.data.fiscalYear })}</Text>
          </Stack>
          <Select
            label={t('manpower.totals.year')}
            data={fiscalYearOptions(8).map((y) => ({ value: y, label: t('manpower.fy', { year: y }) }))}
            value={String(list.data.fiscalYear)}
            onChange={(v) => v && void navigate({ to: '/public/$tenant/volunteers', params: { tenant }, search: { fiscalYear: Number(v) } })}
            allowDeselect={false}
            maw={240}
            comboboxProps={{ withinPortal: true }}
          />
          {list.data.items.length === 0 ? (
            <Paper withBorder p="lg">
              <Text c="dimmed" ta="center">
                {t('manpower.public.empty')}
              </Text>
            </Paper>
          ) : (
            <Table striped withTableBorder data-testid="public-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="right">{t('manpower.public.rank')}</Table.Th>
                  <Table.Th>{t('manpower.public.name')}</Table.Th>
                  <Table.Th ta="right">{t('manpower.public.hours')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((x) => (
                  <Table.Tr key={x.rank}>
                    <Table.Td ta="right">{formatNumber(x.rank, lang)}</Table.Td>
                    <Table.Td className="break-words">{x.name}</Table.Td>
                    <Table.Td ta="right" className="nowrap">
                      {formatMinutes(x.minutes, lang)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <Text size="sm" c="dimmed">
            {t('manpower.public.note')}
          </Text>
        </Stack>
      )}
    </PublicShell>
  );
}
