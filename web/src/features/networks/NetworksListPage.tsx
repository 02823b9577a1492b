import { Badge, Group, Grid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { NetworkListItem } from '../../../../common/schemas';
import { ISSUES, PILLARS, STAGES } from '../../../../common/schemas/enums';
import { clean, type NetworkSearch, toPage } from '../../context/search';
import { usePermissions, useTenant } from '../../context/tenant';
import { PillarBadge, StageBadge } from '../../ui/badges';
import { type Column } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { enumLabel, enumOptions } from '../../ui/enums';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { FilterSelect, SearchBox } from '../../ui/ListFilters';
import { ExportButtons } from '../../ui/ExportButtons';
import { ListPage } from '../../ui/ListPage';
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

  return (
    <ListPage
      title={t('networks.title')}
      subtitle={t('networks.subtitle')}
      actions={
        <>
          {can.exportData ? <ExportButtons tenant={slug} path="/networks/export" query={filters} /> : null}
          {can.createNetwork ? (
            <ButtonLink to="/t/$tenant/networks/new" params={{ tenant: slug }} leftSection={<IconPlus size={16} aria-hidden />}>
              {t('networks.new')}
            </ButtonLink>
          ) : null}
        </>
      }
      filters={
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
      }
      query={q}
      page={page}
      pageSize={PAGE_SIZE}
      onPage={(p) => void navigate({ search: toPage(p) })}
      columns={columns}
      rowKey={(n) => n.id}
      caption={t('networks.title')}
      empty={t('networks.empty')}
      testId="networks-list"
    />
  );
}
