import { Badge, Group, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PlanSummary } from '../../../../common/schemas/plans';
import { useListAddress } from '../../context/search';
import { useTenant } from '../../context/tenant';
import type { Column } from '../../ui/DataView';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { FilterGrid } from '../../ui/ListFilters';
import { ListPage } from '../../ui/ListPage';
import { useNetworkOptions } from '../../ui/NetworkSelect';
import { fiscalYearOptions } from '../forums';
import { PAGE_SIZE, usePlans } from './api';
import { baht, planPermissions } from './format';
import { ProgressBar } from './badges';
import './i18n';

export default function PlansListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug, role } = useTenant();
  const can = planPermissions(role);
  const networks = useNetworkOptions();
  const address = useListAddress('/t/$tenant/plans');
  const { search, page } = address;
  const q = usePlans(slug, { q: search.q, fiscalYear: search.fiscalYear, networkId: search.networkId, page, pageSize: PAGE_SIZE });

  const columns: Column<PlanSummary>[] = [
    {
      key: 'name',
      header: t('plan.name'),
      primary: true,
      render: (p) => (
        <AnchorLink to="/t/$tenant/plans/$id" params={{ tenant: slug, id: p.id }} fw={500}>
          {p.name}
        </AnchorLink>
      ),
    },
    { key: 'fy', header: t('plan.fiscalYear'), render: (p) => String(p.fiscalYear), nowrap: true },
    {
      key: 'networks',
      header: t('plan.networks'),
      render: (p) => (
        <Group gap={4}>
          {p.networks.map((n) => (
            <Badge key={n.id} variant="light" color="grape" size="sm" style={{ textTransform: 'none' }}>
              {n.name}
            </Badge>
          ))}
        </Group>
      ),
    },
    {
      key: 'work',
      header: t('plan.work'),
      render: (p) => t('plan.workCount', { projects: formatNumber(p.projectCount, lang), activities: formatNumber(p.activityCount, lang) }),
    },
    { key: 'budget', header: t('plan.budget'), render: (p) => baht(p.budgetSatang, lang), align: 'right', nowrap: true },
    { key: 'progress', header: t('plan.progress'), render: (p) => <ProgressBar value={p.progress} label={t('plan.progressOf', { name: p.name })} size="md" /> },
  ];

  return (
    <ListPage
      title={t('plans.title')}
      subtitle={t('plans.subtitle')}
      actions={
        can.edit ? (
          <ButtonLink
            to="/t/$tenant/plans/new"
            params={{ tenant: slug }}
            search={{ networkId: search.networkId }}
            leftSection={<IconPlus size={16} aria-hidden />}
            data-testid="new-plan"
          >
            {t('plans.new')}
          </ButtonLink>
        ) : null
      }
      filters={
        <FilterGrid
          address={address}
          search={{ label: t('common.search'), placeholder: t('plans.searchPlaceholder'), span: { base: 12, md: 4 } }}
          fields={[
            {
              key: 'fiscalYear',
              label: t('plan.fiscalYear'),
              data: fiscalYearOptions(lang),
              numeric: true,
              testId: 'filter-fiscal-year',
              span: { base: 6, md: 3 },
            },
            { key: 'networkId', label: t('plan.network'), data: networks.data, searchable: true, testId: 'filter-network', span: { base: 6, md: 5 } },
          ]}
        />
      }
      query={q}
      paging={address}
      pageSize={PAGE_SIZE}
      columns={columns}
      rowKey={(p) => p.id}
      caption={t('plans.title')}
      empty={<Text c="dimmed">{t('plans.empty')}</Text>}
      testId="plans-list"
    />
  );
}
