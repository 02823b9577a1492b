import { Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBaht } from '../../../../common/thai/money';
import { useTenant } from '../../app/tenant';
import { DataView } from '../../ui/DataView';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useBoard, useJointPlans, useLocalPlans } from './api';
import { StatusBadge, useEditionLabel } from './parts';

export default function LocalPlansPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const list = useLocalPlans(slug);
  return (
    <Stack gap="md">
      <PageHeader title={t('localPlans.title')} subtitle={t('localPlans.subtitle')} />
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{t('localPlans.empty')}</Text>
      ) : (
        <DataView
          rows={list.data}
          rowKey={(p) => p.id}
          caption={t('localPlans.title')}
          testId="local-plans-list"
          columns={[
            { key: 'lg', header: t('localPlans.localGovernment'), primary: true, render: (p) => p.localGovernment.name },
            {
              key: 'name',
              header: t('localPlans.plan'),
              render: (p) => (
                <AnchorLink to="/t/$tenant/local-plans/$id" params={{ tenant: slug, id: p.id }}>
                  {p.name}
                </AnchorLink>
              ),
            },
            { key: 'years', header: t('localPlans.years'), render: (p) => `${p.startYear}–${p.endYear}` },
            { key: 'editions', header: t('localPlans.editions'), align: 'right', render: (p) => formatNumber(p.editionCount, lang) },
            { key: 'projects', header: t('localPlans.projects'), align: 'right', render: (p) => formatNumber(p.projectCount, lang) },
            { key: 'budget', header: t('localPlans.budget'), align: 'right', render: (p) => formatBaht(p.budgetSatang, lang) },
          ]}
        />
      )}
      <IntegrationBoard />
    </Stack>
  );
}

/** Joint projects × local governments, with each one's status and share. */
function IntegrationBoard() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const plans = useJointPlans(slug);
  const [planId, setPlanId] = useState<string | null>(null);
  const board = useBoard(slug, planId);
  const editionLabel = useEditionLabel();
  const columns = board.data ? board.data.localPlans.filter((lp) => board.data.carried.some((c) => c.localPlanId === lp.id)) : [];
  return (
    <Stack gap="sm" data-testid="integration-board">
      <Title order={3}>{t('localPlans.board')}</Title>
      <Text size="sm" c="dimmed">
        {t('localPlans.boardHint')}
      </Text>
      <Select
        label={t('localPlans.jointPlanSelect')}
        data={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.fiscalYear})` }))}
        value={planId}
        onChange={setPlanId}
        searchable
        maw={520}
        data-testid="board-plan"
      />
      {board.isError ? <ErrorAlert error={board.error} /> : null}
      {board.data ? (
        <Table.ScrollContainer minWidth={600}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('localPlans.projects')}</Table.Th>
                <Table.Th ta="right">{t('localPlans.budget')}</Table.Th>
                {columns.map((lp) => (
                  <Table.Th key={lp.id}>{lp.localGovernment.name}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {board.data.projects.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td ta="right">{formatBaht(p.budgetSatang, lang)}</Table.Td>
                  {columns.map((lp) => {
                    const a = p.assignments.find((x) => x.localPlanId === lp.id);
                    return (
                      <Table.Td key={lp.id}>
                        {a ? (
                          <Group gap={4}>
                            <StatusBadge status={a.status} />
                            <Text size="xs">
                              {formatBaht(a.totalSatang, lang)}
                              {a.edition ? ` · ${editionLabel(a.edition)}` : ''}
                            </Text>
                          </Group>
                        ) : (
                          t('localPlans.notAssigned')
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={700}>{t('localPlans.budget')}</Table.Td>
                <Table.Td />
                {columns.map((lp) => {
                  const c = board.data.carried.find((x) => x.localPlanId === lp.id)!;
                  return (
                    <Table.Td key={lp.id} fw={700}>
                      {t('localPlans.carries', { count: c.projectCount, budget: formatBaht(c.budgetSatang, lang) })}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
