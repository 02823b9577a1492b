import { Badge, Button, Group, Grid, Stack, Text } from '@mantine/core';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { NetworkListItem } from '../../../../common/schemas';
import { ISSUES, PILLARS, STAGES } from '../../../../common/schemas/enums';
import { apiUrl, tenantPath } from '../../api/client';
import { clean, type NetworkSearch } from '../../context/search';
import { usePermissions, useTenant } from '../../context/tenant';
import { PillarBadge, StageBadge } from '../../ui/badges';
import { type Column, DataView } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { enumLabel, enumOptions } from '../../ui/enums';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { FilterSelect, SearchBox } from '../../ui/ListFilters';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { Pager } from '../../ui/Pager';
import { PAGE_SIZE, useNetworks } from './api';

export default function NetworksListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const search = useSearch({ from: '/t/$tenant/networks' });
  const navigate = useNavigate({ from: '/t/$tenant/networks' });
  const page = search.page ?? 1;
  const filters = { q: search.q, pillar: search.pillar, stage: search.stage, issue: search.issue };
  const q = useNetworks(slug, { ...filters, page, pageSize: PAGE_SIZE });

  const set = (patch: Partial<NetworkSearch>) => void navigate({ search: (prev) => clean({ ...prev, page: undefined, ...patch }) });

  const columns: Column<NetworkListItem>[] = [
    {
      key: 'name',
      header: t('network.name'),
      primary: true,
      render: (n) => (
        <Stack gap={0}>
          <AnchorLink to="/t/$tenant/networks/$id" params={{ tenant: slug, id: n.id }} fw={500}>
            {n.name}
          </AnchorLink>
          {n.nameEn ? (
            <Text size="sm" c="dimmed" lang="en">
              {n.nameEn}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    { key: 'pillar', header: t('network.pillar'), render: (n) => <PillarBadge pillar={n.pillar} />, nowrap: true },
    { key: 'stage', header: t('network.stage'), render: (n) => <StageBadge stage={n.stage} />, nowrap: true },
    {
      key: 'issues',
      header: t('network.issues'),
      render: (n) => (
        <Group gap={4}>
          {n.issues.slice(0, 3).map((i) => (
            <Badge key={i} color="gray" variant="light" size="sm">
              {enumLabel(t, 'issue', i)}
            </Badge>
          ))}
          {n.issues.length > 3 ? (
            <Text size="xs" span>
              {t('common.andMore', { count: n.issues.length - 3 })}
            </Text>
          ) : null}
        </Group>
      ),
    },
    { key: 'members', header: t('network.memberCount'), render: (n) => formatNumber(n.memberCount, lang), align: 'right', nowrap: true },
    { key: 'coordinator', header: t('network.coordinator'), render: (n) => n.coordinator?.name ?? '—' },
    { key: 'updated', header: t('common.updatedAt'), render: (n) => formatDate(n.updatedAt, lang), nowrap: true },
  ];

  const exportQuery = clean({ q: search.q, pillar: search.pillar, stage: search.stage, issue: search.issue });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('networks.title')}
        subtitle={t('networks.subtitle')}
        actions={
          <>
            {can.exportData ? (
              <>
                <Button
                  component="a"
                  href={apiUrl(tenantPath(slug, '/networks/export'), { ...exportQuery, format: 'csv' })}
                  download
                  variant="default"
                  leftSection={<IconDownload size={16} aria-hidden />}
                >
                  {t('common.exportCsv')}
                </Button>
                <Button
                  component="a"
                  href={apiUrl(tenantPath(slug, '/networks/export'), { ...exportQuery, format: 'xlsx' })}
                  download
                  variant="default"
                  leftSection={<IconDownload size={16} aria-hidden />}
                >
                  {t('common.exportXlsx')}
                </Button>
              </>
            ) : null}
            {can.createNetwork ? (
              <ButtonLink to="/t/$tenant/networks/new" params={{ tenant: slug }} leftSection={<IconPlus size={16} aria-hidden />}>
                {t('networks.new')}
              </ButtonLink>
            ) : null}
          </>
        }
      />

      <Grid gap="sm" align="flex-end">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <SearchBox
            value={search.q ?? ''}
            onSearch={(v) => set({ q: v || undefined })}
            label={t('common.search')}
            placeholder={t('networks.searchPlaceholder')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
          <FilterSelect
            label={t('network.pillar')}
            value={search.pillar}
            data={enumOptions(t, 'pillar', PILLARS)}
            onChange={(v) => set({ pillar: v as NetworkSearch['pillar'] })}
            testId="filter-pillar"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
          <FilterSelect
            label={t('network.stage')}
            value={search.stage}
            data={enumOptions(t, 'stage', STAGES)}
            onChange={(v) => set({ stage: v as NetworkSearch['stage'] })}
            testId="filter-stage"
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4, md: 3 }}>
          <FilterSelect
            label={t('network.issue')}
            value={search.issue}
            data={enumOptions(t, 'issue', ISSUES)}
            onChange={(v) => set({ issue: v as NetworkSearch['issue'] })}
            testId="filter-issue"
          />
        </Grid.Col>
      </Grid>

      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {q.isPending ? (
        <Loading />
      ) : q.data ? (
        <div style={{ opacity: q.isPlaceholderData ? 0.6 : 1 }} aria-busy={q.isFetching}>
          <DataView
            rows={q.data.items}
            columns={columns}
            rowKey={(n) => n.id}
            caption={t('networks.title')}
            empty={t('networks.empty')}
            testId="networks-list"
          />
          <Pager
            page={page}
            pageSize={q.data.pageSize || PAGE_SIZE}
            total={q.data.total}
            onChange={(p) => void navigate({ search: (prev) => clean({ ...prev, page: p > 1 ? p : undefined }) })}
          />
        </div>
      ) : null}
    </Stack>
  );
}
