import { Button, Group, Paper, Select, Stack, Table, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { Board, IntegratedProject } from '../../../../common/schemas/localplans';
import { useTranslation } from 'react-i18next';
import { formatBaht } from '../../../../common/thai/money';
import { useTenant } from '../../context/tenant';
import { DataView } from '../../ui/DataView';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useBoard, useJointPlans, useLocalPlanRights, useLocalPlans } from './api';
import { AssignmentModal } from './AssignmentModal';
import { NewLocalPlanModal } from './PlanForms';
import { StatusBadge, useEditionLabel } from './parts';
import { SharedProjects, TenantLinks } from './Sharing';
import { StatusModal } from './Status';
import './i18n';

export default function LocalPlansPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const list = useLocalPlans(slug);
  const rights = useLocalPlanRights();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('localPlans.title')}
        subtitle={t('localPlans.subtitle')}
        actions={
          rights.manage ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} data-testid="new-local-plan">
              {t('localPlans.form.new')}
            </Button>
          ) : null
        }
      />
      <NewLocalPlanModal
        opened={creating}
        onClose={() => setCreating(false)}
        onSaved={(p) => void navigate({ to: '/t/$tenant/local-plans/$id', params: { tenant: slug, id: p.id } })}
      />
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
      <SharedProjects />
      <IntegrationBoard />
      <TenantLinks />
    </Stack>
  );
}

/** Joint projects × local governments, with each one's status and share; officers assign and move them on. */
function IntegrationBoard() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const plans = useJointPlans(slug);
  const [planId, setPlanId] = useState<string | null>(null);
  const board = useBoard(slug, planId);
  const desktop = useIsDesktop();
  const [assigning, setAssigning] = useState<Board['projects'][number] | null>(null);
  const [status, setStatus] = useState<IntegratedProject | null>(null);
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
        desktop ? (
          <BoardTable board={board.data} onAssign={setAssigning} onStatus={setStatus} />
        ) : (
          <BoardCards board={board.data} onAssign={setAssigning} onStatus={setStatus} />
        )
      ) : null}
      {assigning && board.data ? (
        <AssignmentModal opened onClose={() => setAssigning(null)} project={assigning} assignments={assigning.assignments} localPlans={board.data.localPlans} />
      ) : null}
      <StatusModal item={status} onClose={() => setStatus(null)} />
    </Stack>
  );
}

interface BoardProps {
  board: Board;
  onAssign: (p: Board['projects'][number]) => void;
  onStatus: (a: IntegratedProject) => void;
}

/** One carrier's cell: status, share and edition; a button to its status actions. */
function Cell({ a, onStatus }: { a: IntegratedProject; onStatus: (a: IntegratedProject) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const editionLabel = useEditionLabel();
  return (
    <UnstyledButton onClick={() => onStatus(a)} data-testid="board-cell">
      <VisuallyHidden>{t('localPlans.statusOf', { lg: a.localGovernment.name, project: a.project.name })}</VisuallyHidden>
      <Group gap={4}>
        <StatusBadge status={a.status} />
        <Text size="xs">
          {formatBaht(a.totalSatang, lang)}
          {a.edition ? ` · ${editionLabel(a.edition)}` : ''}
        </Text>
      </Group>
    </UnstyledButton>
  );
}

function AssignButton({ p, onAssign }: { p: Board['projects'][number]; onAssign: BoardProps['onAssign'] }) {
  const { t } = useTranslation();
  const rights = useLocalPlanRights();
  if (!rights.manage) return null;
  return (
    <Button size="compact-xs" variant="light" onClick={() => onAssign(p)} data-testid="board-assign">
      {t('localPlans.assign.button')}
      <VisuallyHidden>: {p.name}</VisuallyHidden>
    </Button>
  );
}

function BoardTable({ board, onAssign, onStatus }: BoardProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const columns = board.localPlans.filter(
    (lp) => board.carried.some((c) => c.localPlanId === lp.id) || board.projects.some((p) => p.assignments.some((a) => a.localPlanId === lp.id)),
  );
  return (
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
          {board.projects.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  {p.name}
                  <AssignButton p={p} onAssign={onAssign} />
                </Stack>
              </Table.Td>
              <Table.Td ta="right">{formatBaht(p.budgetSatang, lang)}</Table.Td>
              {columns.map((lp) => {
                const a = p.assignments.find((x) => x.localPlanId === lp.id);
                return <Table.Td key={lp.id}>{a ? <Cell a={a} onStatus={onStatus} /> : t('localPlans.notAssigned')}</Table.Td>;
              })}
            </Table.Tr>
          ))}
          <Table.Tr>
            <Table.Td fw={700}>{t('localPlans.budget')}</Table.Td>
            <Table.Td />
            {columns.map((lp) => {
              const c = board.carried.find((x) => x.localPlanId === lp.id);
              return (
                <Table.Td key={lp.id} fw={700}>
                  {c ? t('localPlans.carries', { count: c.projectCount, budget: formatBaht(c.budgetSatang, lang) }) : null}
                </Table.Td>
              );
            })}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On a phone: a card per project listing the local governments that carry it. */
function BoardCards({ board, onAssign, onStatus }: BoardProps) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap="xs">
      {board.projects.map((p) => (
        <Paper key={p.id} withBorder p="sm" radius="md" data-testid="board-card">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600}>{p.name}</Text>
              <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                {formatBaht(p.budgetSatang, lang)}
              </Text>
            </Group>
            {p.assignments.length ? (
              p.assignments.map((a) => (
                <Group key={a.id} justify="space-between" gap="xs">
                  <Text size="sm">{a.localGovernment.name}</Text>
                  <Cell a={a} onStatus={onStatus} />
                </Group>
              ))
            ) : (
              <Text size="sm" c="dimmed">
                {t('localPlans.noCarrier')}
              </Text>
            )}
            <Group>
              <AssignButton p={p} onAssign={onAssign} />
            </Group>
          </Stack>
        </Paper>
      ))}
      {board.carried.map((c) => (
        <Text key={c.localPlanId} size="sm" fw={600}>
          {c.localGovernment.name}: {t('localPlans.carries', { count: c.projectCount, budget: formatBaht(c.budgetSatang, lang) })}
        </Text>
      ))}
    </Stack>
  );
}
