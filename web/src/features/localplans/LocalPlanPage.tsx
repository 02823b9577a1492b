import { ActionIcon, Alert, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconDownload, IconPencil, IconPlus } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edition, LocalPlanDetail, LocalStrategy } from '../../../../common/schemas/localplans';
import { formatBaht } from '../../../../common/thai/money';
import { apiUrl, tenantPath } from '../../api/client';
import { useTenant } from '../../context/tenant';
import { DataView } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useLocalPlan, useLocalPlanRights } from './api';
import { EditionModal, ProgrammeModal, RenamePlanModal, StrategyModal } from './PlanForms';
import { StatusBadge, useEditionLabel } from './parts';
import { StatusActions } from './Status';
import './i18n';

/** ผ.02 and ผ.01 of one edition (or of every row not dropped). */
function ExportButtons({ plan, edition, suffix }: { plan: LocalPlanDetail; edition?: Edition; suffix: string }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const editionLabel = useEditionLabel();
  const query = edition ? { edition: edition.id } : undefined;
  const what = edition ? editionLabel(edition) : t('localPlans.edition.all');
  return (
    <Group gap={4} wrap="nowrap">
      {(['p02', 'p01'] as const).map((form) => (
        <Button
          key={form}
          component="a"
          href={apiUrl(tenantPath(slug, `/local-plans/${plan.id}/${form}.xlsx`), query)}
          download
          size="xs"
          variant="default"
          leftSection={<IconDownload size={14} aria-hidden />}
          data-testid={`export-${form}${suffix}`}
        >
          {t(form === 'p02' ? 'localPlans.p02' : 'localPlans.p01')}
          <VisuallyHidden>{t('localPlans.exportOf', { edition: what })}</VisuallyHidden>
        </Button>
      ))}
    </Group>
  );
}

export default function LocalPlanPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const { id } = useParams({ from: '/t/$tenant/local-plans/$id' });
  const plan = useLocalPlan(slug, id);
  const rights = useLocalPlanRights();
  const editionLabel = useEditionLabel();
  const [renaming, setRenaming] = useState(false);
  const [addingEdition, setAddingEdition] = useState(false);
  const [strategy, setStrategy] = useState<LocalStrategy | 'new' | null>(null);
  const [programme, setProgramme] = useState<{ strategy: LocalStrategy; programme?: { id: string; name: string } } | null>(null);
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorAlert error={plan.error} />;
  const p = plan.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={`${p.localGovernment.name}: ${p.name}`}
        subtitle={t('localPlans.span', { start: p.startYear, end: p.endYear, budget: formatBaht(p.budgetSatang, lang) })}
        actions={
          <Group gap="xs">
            {rights.manage ? (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setRenaming(true)} data-testid="rename-plan">
                {t('localPlans.form.rename')}
              </Button>
            ) : null}
            <ExportButtons plan={p} suffix="" />
          </Group>
        }
      />
      {p.linkedTenant ? (
        <Alert variant="light" color="blue" data-testid="linked-tenant">
          {t('localPlans.linkedNote', { name: p.linkedTenant.name })}
        </Alert>
      ) : null}
      <RenamePlanModal plan={p} opened={renaming} onClose={() => setRenaming(false)} />

      <Group justify="space-between">
        <Title order={3}>{t('localPlans.editions')}</Title>
        {rights.manage ? (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setAddingEdition(true)} data-testid="add-edition">
            {t('localPlans.form.addEdition')}
          </Button>
        ) : null}
      </Group>
      <DataView
        rows={p.editions}
        rowKey={(e) => e.id}
        caption={t('localPlans.editions')}
        testId="local-plan-editions"
        empty={t('localPlans.noEditionYet')}
        columns={[
          { key: 'edition', header: t('localPlans.editions'), primary: true, render: (e) => editionLabel(e) },
          { key: 'date', header: t('localPlans.edition.approvedOn'), render: (e) => formatDate(e.approvedOn, lang), nowrap: true },
          { key: 'act', header: t('localPlans.edition.act'), render: (e) => e.approvingAct },
          { key: 'export', header: t('localPlans.export'), render: (e) => <ExportButtons plan={p} edition={e} suffix={`-${e.kind}-${e.number}`} /> },
        ]}
      />
      <EditionModal plan={p} opened={addingEdition} onClose={() => setAddingEdition(false)} />

      <Group justify="space-between">
        <Title order={3}>{t('localPlans.strategies')}</Title>
        {rights.manage ? (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setStrategy('new')} data-testid="add-strategy">
            {t('localPlans.form.addStrategy')}
          </Button>
        ) : null}
      </Group>
      <Stack gap="xs" data-testid="local-plan-strategies">
        {p.strategies.map((s) => (
          <Paper key={s.id} withBorder p="sm" radius="md">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <div style={{ minWidth: 0 }}>
                <Text fw={600}>
                  {s.position}. {s.name}
                </Text>
                {s.provinceStrategy ? (
                  <Text size="sm" c="dimmed">
                    {t('localPlans.provinceStrategy')}: {s.provinceStrategy}
                  </Text>
                ) : null}
              </div>
              {rights.manage ? (
                <ActionIcon variant="subtle" aria-label={t('localPlans.form.editStrategyNamed', { name: s.name })} onClick={() => setStrategy(s)}>
                  <IconPencil size={16} aria-hidden />
                </ActionIcon>
              ) : null}
            </Group>
            <Stack gap={2} mt={4} pl="md">
              {s.programmes.map((g) => (
                <Group key={g.id} gap={4} wrap="nowrap">
                  <Text size="sm">• {g.name}</Text>
                  {rights.manage ? (
                    <ActionIcon
                      size="sm"
                      variant="subtle"
                      aria-label={t('localPlans.form.editProgrammeNamed', { name: g.name })}
                      onClick={() => setProgramme({ strategy: s, programme: g })}
                    >
                      <IconPencil size={14} aria-hidden />
                    </ActionIcon>
                  ) : null}
                </Group>
              ))}
              {rights.manage ? (
                <Button
                  size="compact-xs"
                  variant="subtle"
                  leftSection={<IconPlus size={12} aria-hidden />}
                  onClick={() => setProgramme({ strategy: s })}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('localPlans.form.addProgrammeShort')}
                </Button>
              ) : null}
            </Stack>
          </Paper>
        ))}
      </Stack>
      <StrategyModal plan={p} strategy={strategy === 'new' || !strategy ? undefined : strategy} opened={!!strategy} onClose={() => setStrategy(null)} />
      {programme ? <ProgrammeModal plan={p} strategy={programme.strategy} programme={programme.programme} opened onClose={() => setProgramme(null)} /> : null}

      <Title order={3}>{t('localPlans.projects')}</Title>
      <Projects plan={p} />
    </Stack>
  );
}

function Projects({ plan }: { plan: LocalPlanDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const rights = useLocalPlanRights();
  const editionLabel = useEditionLabel();
  const programmes = new Map(plan.strategies.flatMap((s) => s.programmes.map((g) => [g.id, g.name] as const)));
  return (
    <DataView
      rows={plan.projects}
      rowKey={(i) => i.id}
      caption={t('localPlans.projects')}
      testId="local-plan-projects"
      empty={t('localPlans.noProjects')}
      columns={[
        { key: 'name', header: t('localPlans.projects'), primary: true, render: (i) => i.project.name },
        { key: 'programme', header: t('localPlans.programme'), render: (i) => programmes.get(i.programmeId) },
        {
          key: 'joint',
          header: t('localPlans.jointPlan'),
          render: (i) => (
            <>
              {i.jointPlan.name} ({i.jointPlan.fiscalYear})
              <Text size="xs" c="dimmed">
                {i.networks.map((n) => n.name).join(', ')}
              </Text>
            </>
          ),
        },
        {
          key: 'budget',
          header: t('localPlans.budget'),
          align: 'right',
          render: (i) => (
            <>
              {formatBaht(i.totalSatang, lang)}
              <Text size="xs" c="dimmed">
                {i.shares.map((s) => `${s.year}: ${formatBaht(s.budgetSatang, lang)}`).join(' · ')}
              </Text>
            </>
          ),
        },
        {
          key: 'status',
          header: t('localPlans.status.label'),
          render: (i) => (
            <Stack gap={4}>
              <Group gap={4}>
                <StatusBadge status={i.status} />
                {i.edition ? <Text size="xs">{editionLabel(i.edition)}</Text> : null}
              </Group>
              {i.dropReason ? <Text size="xs">{i.dropReason}</Text> : null}
              {rights.manage ? <StatusActions plan={plan} item={i} /> : null}
            </Stack>
          ),
        },
      ]}
    />
  );
}
