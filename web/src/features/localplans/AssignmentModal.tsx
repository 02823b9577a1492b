import { ActionIcon, Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueries } from '@tanstack/react-query';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegratedProject, LocalPlanDetail, LocalPlanSummary } from '../../../../common/schemas/localplans';
import { PLAN_YEARS } from '../../../../common/schemas/localplans';
import { formatBaht, parseBahtToSatang, satangToDecimalString } from '../../../../common/thai/money';
import { api, tenantPath } from '../../api/client';
import { useTenant } from '../../context/tenant';
import { useLang } from '../../ui/hooks';
import { fieldErrorsOf } from '../../ui/serverErrors';
import { useLocalPlanWrite } from './api';
import { PlanFormModal } from './PlanForms';
import './i18n';

interface Row {
  localPlanId: string | null;
  programmeId: string | null;
  /** Baht as typed, per plan year. */
  shares: Record<number, string>;
  responsibleUnit: string;
  expectedResult: string;
  /** Kept as they are when editing (the server would otherwise take the joint project's texts again). */
  objective?: string | null;
  target?: string | null;
  kpi?: string | null;
}

const yearsOf = (start: number) => Array.from({ length: PLAN_YEARS }, (_, i) => start + i);

/**
 * Which local governments carry a joint project, under which programme, with their budget share per plan year.
 * All carriers are saved at once: the server refuses shares that do not add up to the project's budget and its
 * message is shown here.
 */
export function AssignmentModal({
  project,
  assignments,
  localPlans,
  opened,
  onClose,
}: {
  project: { id: string; name: string; budgetSatang: number };
  assignments: IntegratedProject[];
  localPlans: LocalPlanSummary[];
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const [rows, setRows] = useState<Row[]>([]);
  const [sent, setSent] = useState<number[][]>([]);
  const save = useLocalPlanWrite<{ assignments: unknown[] }, IntegratedProject[]>(slug, 'PUT', () => `/assignments/${project.id}`);
  useEffect(() => {
    if (!opened) return;
    setRows(
      assignments.map((a) => ({
        localPlanId: a.localPlanId,
        programmeId: a.programmeId,
        shares: Object.fromEntries(a.shares.map((s) => [s.year, satangToDecimalString(s.budgetSatang)])),
        responsibleUnit: a.responsibleUnit ?? '',
        expectedResult: a.expectedResult ?? '',
        objective: a.objective,
        target: a.target,
        kpi: a.kpi,
      })),
    );
    save.reset();
  }, [opened]);
  const details = useQueries({
    queries: [...new Set(rows.map((r) => r.localPlanId).filter(Boolean))].map((id) => ({
      queryKey: ['t', slug, 'local-plans', 'detail', id],
      queryFn: ({ signal }: { signal: AbortSignal }) => api<LocalPlanDetail>(tenantPath(slug, `/local-plans/${id}`), { signal }),
    })),
  });
  const detailOf = (id: string | null) => details.map((d) => d.data).find((d) => d?.id === id);
  const errors = fieldErrorsOf(save.error);
  const total = rows.reduce((sum, r) => sum + Object.values(r.shares).reduce((s, v) => s + (parseBahtToSatang(v) ?? 0), 0), 0);
  const update = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  function submit() {
    const years: number[][] = [];
    const body = rows.map((r) => {
      const entered = Object.entries(r.shares)
        .filter(([, v]) => v.trim() !== '')
        .map(([y, v]) => ({ year: Number(y), budgetSatang: parseBahtToSatang(v) ?? -1 }));
      years.push(entered.map((s) => s.year));
      return {
        localPlanId: r.localPlanId ?? '',
        programmeId: r.programmeId ?? '',
        shares: entered,
        responsibleUnit: r.responsibleUnit || null,
        expectedResult: r.expectedResult || null,
        ...(r.objective !== undefined ? { objective: r.objective, target: r.target, kpi: r.kpi } : {}),
      };
    });
    setSent(years);
    save.mutate(
      { assignments: body },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('localPlans.assign.saved') });
          onClose();
        },
      },
    );
  }

  /** A field message for a share: the server names it by its place in what was sent. */
  const shareError = (i: number, year: number) => {
    const j = sent[i]?.indexOf(year) ?? -1;
    return j >= 0 ? (errors[`assignments.${i}.shares.${j}.year`] ?? errors[`assignments.${i}.shares.${j}.budgetSatang`]) : undefined;
  };

  return (
    <PlanFormModal
      opened={opened}
      onClose={onClose}
      title={t('localPlans.assign.title', { project: project.name })}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
      testId="assignment-form"
    >
      <Text size="sm">
        {t('localPlans.assign.budget', { budget: formatBaht(project.budgetSatang, lang) })} ·{' '}
        <Text span fw={600} c={total === project.budgetSatang ? 'teal' : 'orange'} data-testid="assignment-total">
          {t('localPlans.assign.total', { total: formatBaht(total, lang) })}
        </Text>
      </Text>
      {errors.assignments ? (
        <Alert color="red" variant="light" role="alert" data-testid="assignment-error">
          {errors.assignments}
        </Alert>
      ) : null}
      {rows.map((r, i) => {
        const plan = localPlans.find((p) => p.id === r.localPlanId);
        const detail = detailOf(r.localPlanId);
        return (
          <Paper key={i} withBorder p="sm" radius="md" data-testid={`assignment-row-${i}`}>
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap" align="flex-end">
                <Select
                  style={{ flex: 1 }}
                  label={t('localPlans.localGovernment')}
                  data={localPlans.map((p) => ({ value: p.id, label: `${p.localGovernment.name} · ${p.startYear}–${p.endYear}` }))}
                  value={r.localPlanId}
                  onChange={(v) => update(i, { localPlanId: v, programmeId: null })}
                  error={errors[`assignments.${i}.localPlanId`]}
                  searchable
                  data-testid="assignment-plan"
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('localPlans.assign.remove')}
                  onClick={() => setRows(rows.filter((_, j) => j !== i))}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
              <Select
                label={t('localPlans.programme')}
                data={(detail?.strategies ?? []).map((s) => ({ group: s.name, items: s.programmes.map((g) => ({ value: g.id, label: g.name })) }))}
                value={r.programmeId}
                onChange={(v) => update(i, { programmeId: v })}
                error={errors[`assignments.${i}.programmeId`]}
                disabled={!detail}
                data-testid="assignment-programme"
              />
              {plan ? (
                <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs">
                  {yearsOf(plan.startYear).map((year) => (
                    <TextInput
                      key={year}
                      label={t('localPlans.assign.year', { year })}
                      inputMode="decimal"
                      value={r.shares[year] ?? ''}
                      onChange={(e) => update(i, { shares: { ...r.shares, [year]: e.currentTarget.value } })}
                      error={shareError(i, year)}
                      data-testid={`share-${year}`}
                    />
                  ))}
                </SimpleGrid>
              ) : null}
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <TextInput
                  label={t('localPlans.assign.responsibleUnit')}
                  value={r.responsibleUnit}
                  onChange={(e) => update(i, { responsibleUnit: e.currentTarget.value })}
                  maxLength={300}
                  data-testid="assignment-unit"
                />
                <TextInput
                  label={t('localPlans.assign.expectedResult')}
                  value={r.expectedResult}
                  onChange={(e) => update(i, { expectedResult: e.currentTarget.value })}
                  maxLength={4000}
                />
              </SimpleGrid>
            </Stack>
          </Paper>
        );
      })}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => setRows([...rows, { localPlanId: null, programmeId: null, shares: {}, responsibleUnit: '', expectedResult: '' }])}
        data-testid="assignment-add"
      >
        {t('localPlans.assign.add')}
      </Button>
    </PlanFormModal>
  );
}
