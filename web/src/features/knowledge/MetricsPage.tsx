import { BarChart } from '../../ui/charts';
import { Card, Grid, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBook, IconEye, IconUsersGroup, IconPresentation } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeMetrics } from '../../../../common/schemas/knowledge';
import { clean, type MetricsSearch } from '../../context/search';
import { useTenant } from '../../context/tenant';
import { type Column, DataView } from '../../ui/DataView';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { FilterGrid } from '../../ui/ListFilters';
import { Loading } from '../../ui/Loading';
import { useNetworkOptions } from '../../ui/NetworkSelect';
import { PageHeader } from '../../ui/PageHeader';
import { Pager } from '../../ui/Pager';
import { StatCard } from '../../ui/StatCard';
import { fiscalYearLabel } from '../forums';
import { useKnowledgeMetrics } from './api';
import { KnowledgeTypeBadge } from './parts';
import './i18n';

type NetworkRow = KnowledgeMetrics['byNetwork'][number];
const NETWORK_PAGE = 20;

/** Sharing metrics: items and forums per network per fiscal year (B.E.), items reused across networks, most-read items. */
/** One of the page's titled cards, named by its heading; a hint under the title when it needs saying. */
function MetricsSection({ id, title, hint, children }: { id: string; title: string; hint?: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb={hint ? 4 : 'sm'}>
        {title}
      </Title>
      {hint ? (
        <Text size="sm" c="dimmed" mb="sm">
          {hint}
        </Text>
      ) : null}
      {children}
    </Card>
  );
}

export default function MetricsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const desktop = useIsDesktop();
  const { slug } = useTenant();
  const search = useSearch({ from: '/t/$tenant/knowledge/metrics' });
  const navigate = useNavigate({ from: '/t/$tenant/knowledge/metrics' });
  const q = useKnowledgeMetrics(slug, { fiscalYear: search.fiscalYear, networkId: search.networkId, top: 10 });
  // the list of fiscal years comes from the unfiltered answer, so the filter keeps all its choices
  const all = useKnowledgeMetrics(slug, { top: 1 });
  const networks = useNetworkOptions();
  const [page, setPage] = useState(1);
  const set = (patch: Partial<MetricsSearch>) => {
    setPage(1);
    void navigate({ search: (prev) => clean({ ...prev, ...patch }) });
  };
  const fy = (y: number) => fiscalYearLabel(y, lang);
  const yearOptions = (all.data?.fiscalYears ?? [])
    .slice()
    .sort((a, b) => b - a)
    .map((y) => ({ value: String(y), label: fy(y) }));

  const m = q.data;
  const sum = (k: 'items' | 'forums' | 'attendance' | 'views') => (m?.totals ?? []).reduce((s, x) => s + x[k], 0);
  const chart = useMemo(
    () =>
      (m?.totals ?? [])
        .slice()
        .sort((a, b) => a.fiscalYear - b.fiscalYear)
        .map((x) => ({ year: String(x.fiscalYear), items: x.items, forums: x.forums })),
    [m],
  );
  const rows = useMemo(
    () =>
      (m?.byNetwork ?? [])
        .slice()
        .sort(
          (a, b) =>
            b.fiscalYear - a.fiscalYear ||
            b.itemsProduced + b.forumsHosted - (a.itemsProduced + a.forumsHosted) ||
            a.networkName.localeCompare(b.networkName, 'th'),
        ),
    [m],
  );

  const columns: Column<NetworkRow>[] = [
    {
      key: 'network',
      header: t('metrics.network'),
      primary: true,
      render: (r) => (
        <AnchorLink to="/t/$tenant/networks/$id" params={{ tenant: slug, id: r.networkId }}>
          {r.networkName}
        </AnchorLink>
      ),
    },
    { key: 'fy', header: t('metrics.fiscalYear'), render: (r) => String(r.fiscalYear), nowrap: true },
    { key: 'produced', header: t('metrics.itemsProduced'), render: (r) => formatNumber(r.itemsProduced, lang), align: 'right', nowrap: true },
    { key: 'linked', header: t('metrics.itemsLinked'), render: (r) => formatNumber(r.itemsLinked, lang), align: 'right', nowrap: true },
    { key: 'hosted', header: t('metrics.forumsHosted'), render: (r) => formatNumber(r.forumsHosted, lang), align: 'right', nowrap: true },
    { key: 'joined', header: t('metrics.forumsJoined'), render: (r) => formatNumber(r.forumsJoined, lang), align: 'right', nowrap: true },
    { key: 'attendance', header: t('metrics.attendance'), render: (r) => formatNumber(r.attendance, lang), align: 'right', nowrap: true },
  ];

  // the knowledge item, linked: first column of the reused and most-read tables
  const itemColumn: Column<{ id: string; title: string }> = {
    key: 'title',
    header: t('metrics.item'),
    primary: true,
    render: (r) => (
      <AnchorLink to="/t/$tenant/knowledge/$id" params={{ tenant: slug, id: r.id }}>
        {r.title}
      </AnchorLink>
    ),
  };

  type Reused = KnowledgeMetrics['reused'][number];
  const reusedColumns: Column<Reused>[] = [
    itemColumn,
    { key: 'home', header: t('metrics.homeNetwork'), render: (r) => r.homeNetwork?.name ?? '—' },
    { key: 'linked', header: t('metrics.otherNetworksLinked'), render: (r) => formatNumber(r.otherNetworksLinked, lang), align: 'right', nowrap: true },
    { key: 'readers', header: t('metrics.otherNetworkReaders'), render: (r) => formatNumber(r.otherNetworkReaders, lang), align: 'right', nowrap: true },
  ];

  type MostRead = KnowledgeMetrics['mostRead'][number];
  const mostReadColumns: Column<MostRead>[] = [
    itemColumn,
    { key: 'type', header: t('knowledge.type'), render: (r) => <KnowledgeTypeBadge type={r.type} />, nowrap: true },
    { key: 'views', header: t('metrics.views'), render: (r) => formatNumber(r.views, lang), align: 'right', nowrap: true },
    { key: 'readers', header: t('metrics.readers'), render: (r) => formatNumber(r.readers, lang), align: 'right', nowrap: true },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('metrics.title')}
        subtitle={t('metrics.subtitle')}
        actions={
          <AnchorLink to="/t/$tenant/knowledge" params={{ tenant: slug }}>
            {t('metrics.backToLibrary')}
          </AnchorLink>
        }
      />
      <FilterGrid
        address={{ search, set }}
        fields={[
          { key: 'fiscalYear', label: t('metrics.fiscalYear'), data: yearOptions, numeric: true, testId: 'metrics-year', span: { base: 12, sm: 6, md: 3 } },
          { key: 'networkId', label: t('metrics.network'), data: networks.data, searchable: true, testId: 'metrics-network', span: { base: 12, sm: 6, md: 4 } },
        ]}
      />

      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {q.isPending ? (
        <Loading />
      ) : m ? (
        <Stack gap="lg" style={{ opacity: q.isPlaceholderData ? 0.6 : 1 }} aria-busy={q.isFetching}>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
            <StatCard label={t('metrics.items')} value={sum('items')} icon={<IconBook size={28} />} testId="metrics-items" />
            <StatCard label={t('metrics.forums')} value={sum('forums')} icon={<IconPresentation size={28} />} testId="metrics-forums" />
            <StatCard label={t('metrics.attendance')} value={sum('attendance')} icon={<IconUsersGroup size={28} />} testId="metrics-attendance" />
            <StatCard label={t('metrics.views')} value={sum('views')} icon={<IconEye size={28} />} testId="metrics-views" />
          </SimpleGrid>

          <MetricsSection id="mt-years" title={t('metrics.perYear')}>
            {chart.length === 0 ? (
              <Text c="dimmed">{t('metrics.noData')}</Text>
            ) : (
              <>
                <div aria-hidden>
                  <BarChart
                    accessibilityLayer={false}
                    h={desktop ? 260 : 200}
                    data={chart}
                    dataKey="year"
                    series={[
                      { name: 'items', label: t('metrics.items'), color: 'teal.7' },
                      { name: 'forums', label: t('metrics.forums'), color: 'orange.7' },
                    ]}
                    withLegend
                    tickLine="y"
                    gridAxis="y"
                    textColor="gray.8"
                    yAxisProps={{ allowDecimals: false, width: 36 }}
                  />
                </div>
                <DataView
                  rows={(m.totals ?? []).slice().sort((a, b) => b.fiscalYear - a.fiscalYear)}
                  rowKey={(r) => String(r.fiscalYear)}
                  caption={t('metrics.perYear')}
                  columns={[
                    { key: 'fy', header: t('metrics.fiscalYear'), primary: true, render: (r) => fy(r.fiscalYear), nowrap: true },
                    { key: 'items', header: t('metrics.items'), render: (r) => formatNumber(r.items, lang), align: 'right' },
                    { key: 'forums', header: t('metrics.forums'), render: (r) => formatNumber(r.forums, lang), align: 'right' },
                    { key: 'attendance', header: t('metrics.attendance'), render: (r) => formatNumber(r.attendance, lang), align: 'right' },
                    { key: 'views', header: t('metrics.views'), render: (r) => formatNumber(r.views, lang), align: 'right' },
                  ]}
                />
              </>
            )}
          </MetricsSection>

          <MetricsSection id="mt-networks" title={t('metrics.perNetwork')} hint={t('metrics.perNetworkHint')}>
            <DataView
              rows={rows.slice((page - 1) * NETWORK_PAGE, page * NETWORK_PAGE)}
              columns={columns}
              rowKey={(r) => `${r.networkId}:${r.fiscalYear}`}
              caption={t('metrics.perNetwork')}
              empty={t('metrics.noData')}
              testId="metrics-networks"
            />
            {rows.length > NETWORK_PAGE ? <Pager page={page} pageSize={NETWORK_PAGE} total={rows.length} onChange={setPage} /> : null}
          </MetricsSection>

          <Grid gap="lg">
            <Grid.Col span={12}>
              <MetricsSection id="mt-reused" title={t('metrics.reused')} hint={t('metrics.reusedHint')}>
                <DataView
                  rows={m.reused}
                  columns={reusedColumns}
                  rowKey={(r) => r.id}
                  caption={t('metrics.reused')}
                  empty={t('metrics.noData')}
                  testId="metrics-reused"
                />
              </MetricsSection>
            </Grid.Col>
            <Grid.Col span={12}>
              <MetricsSection id="mt-read" title={t('metrics.mostRead')} hint={t('metrics.mostReadHint')}>
                <DataView
                  rows={m.mostRead}
                  columns={mostReadColumns}
                  rowKey={(r) => r.id}
                  caption={t('metrics.mostRead')}
                  empty={t('metrics.noData')}
                  testId="metrics-most-read"
                />
              </MetricsSection>
            </Grid.Col>
          </Grid>
        </Stack>
      ) : null}
    </Stack>
  );
}
