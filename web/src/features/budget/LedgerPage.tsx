import { Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Transaction } from '../../../../common/schemas/budget';
import { useListAddress } from '../../context/search';
import { usePermissions, useTenant } from '../../context/tenant';
import type { Column } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { useLang } from '../../ui/hooks';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { ListPage } from '../../ui/ListPage';
import { PAGE_SIZE, useTransactions } from './api';
import { Money, StatusBadge } from './parts';
import type { LedgerSearch } from './search';
import './i18n';

export default function LedgerPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const address = useListAddress('/t/$tenant/budget/ledger');
  const { search, page, set } = address;
  const q = useTransactions(slug, { status: search.status, fiscalYear: search.fiscalYear, page, pageSize: PAGE_SIZE });

  const columns: Column<Transaction>[] = [
    {
      key: 'desc',
      header: t('budget.description'),
      primary: true,
      render: (x) => (
        <Stack gap={2}>
          <AnchorLink to="/t/$tenant/budget/ledger/$id" params={{ tenant: slug, id: x.id }} fw={500} className="break-words">
            {x.description}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {t(`budget.kind.${x.kind}`)}
            {x.party ? ` · ${x.party.name}` : ''}
          </Text>
        </Stack>
      ),
    },
    { key: 'date', header: t('budget.date'), render: (x) => formatDate(x.occurredOn, lang), nowrap: true },
    { key: 'amount', header: t('budget.amount'), render: (x) => <Money satang={x.totalSatang} />, align: 'right' },
    { key: 'status', header: t('budget.statusLabel'), render: (x) => <StatusBadge status={x.status} /> },
    { key: 'seq', header: t('budget.seq'), render: (x) => x.seq ?? '—', align: 'right' },
    { key: 'maker', header: t('budget.maker'), render: (x) => x.maker.name },
  ];

  return (
    <ListPage
      title={search.status === 'pending' ? t('budget.approvals') : t('budget.ledger')}
      subtitle={t('budget.ledgerHelp')}
      actions={
        can.recordTransaction ? (
          <ButtonLink to="/t/$tenant/budget/ledger/new" params={{ tenant: slug }} leftSection={<IconPlus size={18} />}>
            {t('budget.record')}
          </ButtonLink>
        ) : null
      }
      filters={
        <Group>
          <SegmentedControl
            aria-label={t('budget.statusLabel')}
            value={search.status ?? 'all'}
            onChange={(v) => set({ status: v === 'all' ? undefined : (v as LedgerSearch['status']) })}
            data={[
              { value: 'all', label: t('common.all') },
              { value: 'pending', label: t('budget.status.pending') },
              { value: 'posted', label: t('budget.status.posted') },
              { value: 'rejected', label: t('budget.status.rejected') },
            ]}
            data-testid="status-filter"
          />
          {search.fiscalYear ? <Text size="sm">{t('budget.fiscalYearN', { year: search.fiscalYear })}</Text> : null}
        </Group>
      }
      query={q}
      paging={address}
      pageSize={PAGE_SIZE}
      columns={columns}
      rowKey={(x) => x.id}
      caption={t('budget.ledger')}
      testId="ledger"
    />
  );
}
