import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { NetworkListItem } from '../../../../common/schemas';
import { ISSUES, PILLARS, STAGES } from '../../../../common/schemas/enums';
import { useListAddress } from '../../context/search';
import { usePermissions, useTenant } from '../../context/tenant';
import { PillarBadge, StageBadge } from '../../ui/badges';
import { type Column } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { enumLabel, enumOptions } from '../../ui/enums';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { FilterGrid } from '../../ui/ListFilters';
import { ExportButtons } from '../../ui/ExportButtons';
import { ListPage } from '../../ui/ListPage';
import { PAGE_SIZE, useNetworks } from './api';

export default function NetworksListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const address = useListAddress('/t/$tenant/networks');
  const { search, page } = address;
  const filters = { q: search.q, pillar: search.pillar, stage: search.stage, issue: search.issue };
  const q = useNetworks(slug, { ...filters, page, pageSize: PAGE_SIZE });

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
        <FilterGrid
          address={address}
          search={{ label: t('common.search'), placeholder: t('networks.searchPlaceholder'), span: { base: 12, md: 3 } }}
          fields={[
            { key: 'pillar', label: t('network.pillar'), data: enumOptions(t, 'pillar', PILLARS), testId: 'filter-pillar' },
            { key: 'stage', label: t('network.stage'), data: enumOptions(t, 'stage', STAGES), testId: 'filter-stage' },
            { key: 'issue', label: t('network.issue'), data: enumOptions(t, 'issue', ISSUES), testId: 'filter-issue' },
          ]}
        />
      }
      query={q}
      paging={address}
      pageSize={PAGE_SIZE}
      columns={columns}
      rowKey={(n) => n.id}
      caption={t('networks.title')}
      empty={t('networks.empty')}
      testId="networks-list"
    />
  );
}
