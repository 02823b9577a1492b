import { ActionIcon, Badge, Button, Card, Group, Menu, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowForwardUp, IconChartBar, IconDots, IconDownload, IconEdit, IconPlus, IconTrash, IconUsersGroup } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Activity, PlanDetail, Project } from '../../../../common/schemas/plans';
import type { Lang } from '../../i18n';
import { apiUrl, tenantPath } from '../../api/client';
import { useTenant } from '../../context/tenant';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SectionCard } from '../../ui/SectionCard';
import { type Column, DataView } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { fiscalYearLabel } from '../forums';
import { useCarryForward, useContinuity, useDeletePlan, useDeleteWork, usePlan } from './api';
import { ContinuityRow } from './Continuity';
import { AdoptedBy } from '../committees';
import { baht, percent, planPermissions } from './format';
import { ProgressModal } from './ProgressModal';
import { Timeline } from './Timeline';
import { WorkModal, type WorkTarget } from './WorkModal';
import { ProgressBar, ScheduleBadge } from './badges';
import './i18n';

/** Dates as they apply; borrowed ones say from where ("ตามแผน"). */
export function workPeriod(w: Pick<Activity, 'effectiveStartDate' | 'effectiveEndDate' | 'datesFrom'>, lang: Lang, t: TFunction): string {
  const period = `${formatDate(w.effectiveStartDate, lang)} – ${formatDate(w.effectiveEndDate, lang)}`;
  return w.datesFrom === 'own' ? period : `${period} (${t(`plan.datesFrom.${w.datesFrom}`)})`;
}

function Stat({ label, value, testId, children }: { label: string; value?: string; testId?: string; children?: React.ReactNode }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      {children ?? (
        <Text fz={22} fw={700} data-testid={testId}>
          {value}
        </Text>
      )}
    </Paper>
  );
}

export default function PlanDetailPage() {
  const { id } = useParams({ from: '/t/$tenant/plans/$id' });
  const { slug } = useTenant();
  const q = usePlan(slug, id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  return <PlanView plan={q.data} />;
}

function PlanView({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug, role } = useTenant();
  const can = planPermissions(role);
  const navigate = useNavigate();
  const [work, setWork] = useState<WorkTarget | null>(null);
  const [progressFor, setProgressFor] = useState<{ activityId?: string } | null>(null);
  const [confirm, setConfirm] = useState<null | { kind: 'plan' } | { kind: 'project' | 'activity'; id: string; name: string } | { kind: 'carry' }>(null);
  const deleteWork = useDeleteWork(slug, plan.id);
  const deletePlan = useDeletePlan(slug);
  const carry = useCarryForward(slug, plan.id);
  const continuity = useContinuity(slug);
  const planNets = new Set(plan.networks.map((n) => n.id));
  const runs = (continuity.data?.items ?? []).filter((c) => planNets.has(c.networkId));
  const activityCount = plan.projects.reduce((s, p) => s + p.activities.length, 0);
  const progressLabel = (name: string) => t('plan.progressOf', { name });

  const activityColumns = (project: Project): Column<Activity>[] => [
    {
      key: 'name',
      header: t('plan.activity'),
      primary: true,
      render: (a) => (
        <Text fw={500} className="break-words">
          {a.name}
        </Text>
      ),
    },
    {
      key: 'dates',
      header: t('plan.period'),
      render: (a) => workPeriod(a, lang, t),
    },
    { key: 'lead', header: t('plan.lead'), render: (a) => a.lead?.name ?? '—' },
    { key: 'status', header: t('plan.status'), render: (a) => <ScheduleBadge schedule={a.schedule} />, nowrap: true },
    { key: 'budget', header: t('plan.budget'), render: (a) => baht(a.budgetSatang, lang), align: 'right', nowrap: true },
    {
      key: 'progress',
      header: t('plan.progress'),
      render: (a) => <ProgressBar value={a.progress} label={progressLabel(a.name)} size="md" />,
    },
    {
      key: 'actions',
      header: t('common.actions'),
      hideOnCard: true,
      nowrap: true,
      render: (a) => (can.edit ? activityActions(project, a) : null),
    },
  ];

  function activityActions(project: Project, a: Activity) {
    return (
      <Group gap={4} wrap="nowrap">
        <Button size="compact-sm" variant="light" onClick={() => setProgressFor({ activityId: a.id })} data-testid="activity-report">
          {t('plan.report')}
        </Button>
        <ActionIcon
          variant="subtle"
          aria-label={t('plan.editNamed', { name: a.name })}
          onClick={() => setWork({ kind: 'activity', projectId: project.id, activity: a })}
        >
          <IconEdit size={18} aria-hidden />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('plan.deleteNamed', { name: a.name })}
          onClick={() => setConfirm({ kind: 'activity', id: a.id, name: a.name })}
        >
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      </Group>
    );
  }

  async function onConfirm() {
    if (!confirm) return;
    if (confirm.kind === 'plan') {
      await deletePlan.mutateAsync(plan.id);
      notifications.show({ color: 'teal', message: t('plan.deleted') });
      void navigate({ to: '/t/$tenant/plans', params: { tenant: slug } });
    } else if (confirm.kind === 'carry') {
      const r = await carry.mutateAsync();
      notifications.show({
        color: 'teal',
        message: t('plan.carried', { projects: r.carriedProjects, activities: r.carriedActivities, year: r.plan.fiscalYear }),
      });
      setConfirm(null);
      void navigate({ to: '/t/$tenant/plans/$id', params: { tenant: slug, id: r.plan.id } });
      return;
    } else {
      await deleteWork.mutateAsync({ kind: confirm.kind, id: confirm.id });
    }
    setConfirm(null);
  }

  return (
    <Stack gap="md">
      <PageHeader
        title={plan.name}
        subtitle={
          <>
            {fiscalYearLabel(plan.fiscalYear, lang)} · {formatDate(plan.startDate, lang)} – {formatDate(plan.endDate, lang)}
          </>
        }
        badges={plan.networks.map((n) => (
          <AnchorLink key={n.id} to="/t/$tenant/networks/$id" params={{ tenant: slug, id: n.id }} size="sm">
            <Badge variant="light" color="grape" style={{ cursor: 'pointer', textTransform: 'none' }}>
              {n.name}
            </Badge>
          </AnchorLink>
        ))}
        actions={
          <>
            {can.edit && activityCount > 0 ? (
              <Button leftSection={<IconChartBar size={16} aria-hidden />} onClick={() => setProgressFor({})} data-testid="report-progress">
                {t('plan.reportProgress')}
              </Button>
            ) : null}
            {can.edit ? (
              <ButtonLink
                to="/t/$tenant/plans/$id/edit"
                params={{ tenant: slug, id: plan.id }}
                variant="default"
                leftSection={<IconEdit size={16} aria-hidden />}
              >
                {t('common.edit')}
              </ButtonLink>
            ) : null}
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" leftSection={<IconDots size={16} aria-hidden />} data-testid="plan-more">
                  {t('plan.more')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {can.export ? (
                  <>
                    <Menu.Item
                      component="a"
                      href={apiUrl(tenantPath(slug, `/plans/${plan.id}/export`), { format: 'xlsx' })}
                      download
                      leftSection={<IconDownload size={16} aria-hidden />}
                    >
                      {t('common.exportXlsx')}
                    </Menu.Item>
                    <Menu.Item
                      component="a"
                      href={apiUrl(tenantPath(slug, `/plans/${plan.id}/export`), { format: 'csv' })}
                      download
                      leftSection={<IconDownload size={16} aria-hidden />}
                    >
                      {t('common.exportCsv')}
                    </Menu.Item>
                  </>
                ) : null}
                {can.edit ? (
                  <Menu.Item
                    leftSection={<IconArrowForwardUp size={16} aria-hidden />}
                    onClick={() => setConfirm({ kind: 'carry' })}
                    data-testid="carry-forward"
                  >
                    {t('plan.carryForward', { year: plan.fiscalYear + 1 })}
                  </Menu.Item>
                ) : null}
                <Menu.Item
                  leftSection={<IconUsersGroup size={16} aria-hidden />}
                  onClick={() => void navigate({ to: '/t/$tenant/participation', params: { tenant: slug }, search: { fiscalYear: plan.fiscalYear } })}
                >
                  {t('plan.participation')}
                </Menu.Item>
                {can.deletePlan ? (
                  <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirm({ kind: 'plan' })}>
                    {t('plan.delete')}
                  </Menu.Item>
                ) : null}
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <AdoptedBy planId={plan.id} />

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Stat label={t('plan.progress')}>
          <Text fz={22} fw={700} data-testid="plan-progress" data-value={plan.progress ?? ''}>
            {percent(plan.progress, lang)}
          </Text>
          <Progress value={plan.progress ?? 0} color="teal.7" mt={4} aria-hidden />
        </Stat>
        <Stat label={t('plan.budget')} value={baht(plan.budgetSatang, lang)} testId="plan-budget" />
        <Stat label={t('plan.projects')} value={formatNumber(plan.projectCount, lang)} testId="plan-project-count" />
        <Stat label={t('plan.activities')} value={formatNumber(plan.activityCount, lang)} testId="plan-activity-count" />
      </SimpleGrid>

      {plan.description ? <Text className="break-words">{plan.description}</Text> : null}

      {plan.predecessorPlanId || plan.successorPlanId || runs.length ? (
        <Card withBorder radius="md" component="section" aria-labelledby="pl-continuity">
          <Title order={2} size="h4" id="pl-continuity" mb="xs">
            {t('plan.continuity')}
          </Title>
          <Stack gap="sm">
            <Group gap="lg">
              {plan.predecessorPlanId ? (
                <AnchorLink to="/t/$tenant/plans/$id" params={{ tenant: slug, id: plan.predecessorPlanId }}>
                  ← {t('plan.predecessor', { year: plan.fiscalYear - 1 })}
                </AnchorLink>
              ) : null}
              {plan.successorPlanId ? (
                <AnchorLink to="/t/$tenant/plans/$id" params={{ tenant: slug, id: plan.successorPlanId }} data-testid="successor-link">
                  {t('plan.successor', { year: plan.fiscalYear + 1 })} →
                </AnchorLink>
              ) : null}
            </Group>
            {runs.map((c) => (
              <ContinuityRow key={c.networkId} c={c} highlight={plan.fiscalYear} link={plan.networks.length > 1} />
            ))}
          </Stack>
        </Card>
      ) : null}

      <SectionCard title={t('plan.timeline')}>
        <Timeline plan={plan} />
      </SectionCard>

      <Group justify="space-between" mt="sm">
        <Title order={2} size="h3">
          {t('plan.projects')}
        </Title>
        {can.edit ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setWork({ kind: 'project' })} data-testid="add-project">
            {t('plan.addProject')}
          </Button>
        ) : null}
      </Group>
      {plan.projects.length === 0 ? <Text c="dimmed">{t('plan.noProjects')}</Text> : null}
      {plan.projects.map((p, i) => (
        <Card key={p.id} withBorder radius="md" component="section" aria-labelledby={`pj-${p.id}`} data-testid="project-card">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={4} style={{ flex: '1 1 18rem', minWidth: 0 }}>
              <Title order={3} size="h4" id={`pj-${p.id}`} className="break-words">
                {i + 1}. {p.name}
              </Title>
              <Group gap="xs" wrap="wrap">
                <ScheduleBadge schedule={p.schedule} />
                <Text size="sm" c="dimmed">
                  {p.startDate && p.endDate ? `${formatDate(p.startDate, lang)} – ${formatDate(p.endDate, lang)} · ` : ''}
                  {baht(p.budgetSatang, lang)}
                  {p.lead ? ` · ${t('plan.lead')}: ${p.lead.name}` : ''}
                </Text>
              </Group>
              {p.supporting.length ? (
                <Text size="sm" c="dimmed" className="break-words">
                  {t('plan.supporting')}: {p.supporting.map((s) => s.name).join(', ')}
                </Text>
              ) : null}
              {p.objectives ? (
                <Text size="sm" className="break-words">
                  <b>{t('plan.objectives')}:</b> {p.objectives}
                </Text>
              ) : null}
              {p.outputTarget ? (
                <Text size="sm" className="break-words">
                  <b>{t('plan.outputTarget')}:</b> {p.outputTarget}
                </Text>
              ) : null}
            </Stack>
            <Stack gap={6} style={{ flex: '0 1 16rem' }} w="100%" maw={320}>
              <ProgressBar value={p.progress} label={progressLabel(p.name)} />
              {can.edit ? (
                <Group gap={4} justify="flex-end">
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconPlus size={14} aria-hidden />}
                    onClick={() => setWork({ kind: 'activity', projectId: p.id })}
                    data-testid="add-activity"
                  >
                    {t('plan.addActivity')}
                  </Button>
                  <ActionIcon variant="subtle" aria-label={t('plan.editNamed', { name: p.name })} onClick={() => setWork({ kind: 'project', project: p })}>
                    <IconEdit size={18} aria-hidden />
                  </ActionIcon>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t('plan.deleteNamed', { name: p.name })}
                    onClick={() => setConfirm({ kind: 'project', id: p.id, name: p.name })}
                  >
                    <IconTrash size={18} aria-hidden />
                  </ActionIcon>
                </Group>
              ) : null}
            </Stack>
          </Group>
          {p.activities.length ? (
            <Stack mt="sm" gap={0}>
              <DataView
                rows={p.activities}
                columns={activityColumns(p)}
                rowKey={(a) => a.id}
                caption={t('plan.activitiesOf', { name: p.name })}
                cardActions={can.edit ? (a) => activityActions(p, a) : undefined}
                testId="activity-list"
              />
            </Stack>
          ) : (
            <Text size="sm" c="dimmed" mt="sm">
              {t('plan.noActivities')}
            </Text>
          )}
        </Card>
      ))}

      {work ? <WorkModal plan={plan} target={work} onClose={() => setWork(null)} /> : null}
      {progressFor ? <ProgressModal plan={plan} activityId={progressFor.activityId} onClose={() => setProgressFor(null)} /> : null}
      <ConfirmDialog
        opened={!!confirm}
        title={
          confirm?.kind === 'carry' ? t('plan.carryForward', { year: plan.fiscalYear + 1 }) : confirm?.kind === 'plan' ? t('plan.delete') : t('common.delete')
        }
        message={
          confirm?.kind === 'carry'
            ? t('plan.carryConfirm', { year: plan.fiscalYear + 1 })
            : confirm?.kind === 'plan'
              ? t('plan.deleteConfirm', { name: plan.name })
              : confirm
                ? t('plan.deleteWorkConfirm', { name: confirm.name })
                : ''
        }
        confirmLabel={confirm?.kind === 'carry' ? t('plan.carryAction') : undefined}
        confirmColor={confirm?.kind === 'carry' ? 'teal' : 'red'}
        loading={deleteWork.isPending || deletePlan.isPending || carry.isPending}
        onConfirm={() => void onConfirm().catch((err) => notifications.show({ color: 'red', message: String((err as Error).message || t('errors.generic')) }))}
        onClose={() => setConfirm(null)}
      />
    </Stack>
  );
}
