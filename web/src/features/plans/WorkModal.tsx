import { blankToNull } from '../../ui/format';
import { NumberInput, Select, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Activity, PlanDetail, Project } from '../../../../common/schemas/plans';

import { parseBahtToSatang, satangToDecimalString } from '../../../../common/thai/money';
import { useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { EnumSelect } from '../../ui/EnumSelect';
import { focusFirstError } from '../../ui/focusError';
import { FormModal } from '../../ui/FormModal';
import { useIsDesktop } from '../../ui/hooks';
import { PartyMultiSelect, PartySelect } from '../partners';
import { useStrategyOptions } from '../strategy';
import { useSaveWork, type WorkInput } from './api';
import { WORK_STATUSES } from './format';
import { WeightBySelect } from './WeightBySelect';
import { useServerErrors } from '../../ui/serverErrors';
import './i18n';

export type WorkTarget = { kind: 'project'; project?: Project } | { kind: 'activity'; projectId: string; activity?: Activity };

interface Values {
  name: string;
  objectives: string;
  outputTarget: string;
  indicatorText: string;
  leadPartyId: string | null;
  supportingPartyIds: string[];
  startDate: string | null;
  endDate: string | null;
  status: string;
  weight: number | string;
  budget: string;
  weightBy: string;
  strategyId: string | null;
}

/** Add or change a project or an activity: objectives, output target, partners, dates, status, weight, budget in baht. */
export function WorkModal({ plan, target, onClose }: { plan: PlanDetail; target: WorkTarget; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const save = useSaveWork(slug, plan.id);
  const w = target.kind === 'project' ? target.project : target.activity;
  const isActivity = target.kind === 'activity';
  const strategyOptions = useStrategyOptions(slug);

  const form = useForm<Values>({
    initialValues: {
      name: w?.name ?? '',
      objectives: w?.objectives ?? '',
      outputTarget: w?.outputTarget ?? '',
      indicatorText: w?.indicatorText ?? '',
      leadPartyId: w?.lead?.id ?? null,
      supportingPartyIds: w?.supporting.map((p) => p.id) ?? [],
      startDate: w?.startDate ?? null,
      endDate: w?.endDate ?? null,
      status: w?.status ?? 'planned',
      weight: w?.weight ?? '',
      budget: isActivity && w ? satangToDecimalString(w.budgetSatang) : '',
      weightBy: target.kind === 'project' ? (target.project?.weightBy ?? 'budget') : 'budget',
      strategyId: target.kind === 'project' ? (target.project?.strategyId ?? null) : null,
    },
    validate: (v) => {
      const errs: Record<string, string> = {};
      if (!v.name.trim()) errs.name = t('validation.required');
      if (isActivity && v.budget.trim() !== '') {
        const s = parseBahtToSatang(v.budget);
        if (s === null || s < 0) errs.budget = t('plan.badBaht');
      }
      if (v.startDate && v.endDate && v.endDate < v.startDate) errs.endDate = t('plan.endBeforeStart');
      return errs;
    },
  });
  const server = useServerErrors(form, ({ budgetSatang, ...rest }) => (budgetSatang ? { ...rest, budget: budgetSatang } : rest));

  function body(v: Values): WorkInput {
    const b: WorkInput = {
      name: v.name.trim(),
      objectives: blankToNull(v.objectives),
      outputTarget: blankToNull(v.outputTarget),
      indicatorText: blankToNull(v.indicatorText),
      leadPartyId: v.leadPartyId,
      supportingPartyIds: v.supportingPartyIds,
      startDate: v.startDate,
      endDate: v.endDate,
      status: v.status as WorkInput['status'],
      weight: v.weight === '' ? null : Number(v.weight),
    };
    if (isActivity) b.budgetSatang = v.budget.trim() === '' ? 0 : (parseBahtToSatang(v.budget) ?? 0);
    else {
      b.weightBy = v.weightBy as WorkInput['weightBy'];
      b.strategyId = v.strategyId;
    }
    return b;
  }

  function onSubmit(v: Values) {
    server.clear();
    save.mutate(
      target.kind === 'project'
        ? { kind: 'project', id: target.project?.id, body: body(v) }
        : { kind: 'activity', id: target.activity?.id, projectId: target.projectId, body: body(v) },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('plan.saved') });
          onClose();
        },
        onError: server.onError,
      },
    );
  }

  const title = isActivity ? (w ? t('plan.editActivity') : t('plan.addActivity')) : w ? t('plan.editProject') : t('plan.addProject');
  return (
    <FormModal
      opened
      onClose={onClose}
      title={title}
      size="xl"
      fullScreen={!desktop}
      onSubmit={form.onSubmit(onSubmit, () => focusFirstError())}
      saving={save.isPending}
      error={server.error}
      submitTestId="work-submit"
      testId="work-form"
    >
      <TextInput label={isActivity ? t('plan.activityName') : t('plan.projectName')} required {...form.getInputProps('name')} data-testid="work-name" />
      <Textarea label={t('plan.objectives')} autosize minRows={2} {...form.getInputProps('objectives')} />
      {!isActivity ? (
        <Select
          label={t('plan.strategy')}
          description={t('plan.strategyHint')}
          data={strategyOptions}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('common.clearSelection') }}
          nothingFoundMessage={t('common.nothingFound')}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('strategyId')}
        />
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea label={t('plan.outputTarget')} autosize minRows={1} {...form.getInputProps('outputTarget')} />
        <Textarea label={t('plan.indicatorText')} autosize minRows={1} {...form.getInputProps('indicatorText')} />
        <PartySelect
          label={t('plan.lead')}
          value={form.values.leadPartyId}
          onChange={(id) => form.setFieldValue('leadPartyId', id)}
          initial={w?.lead ? { id: w.lead.id, name: w.lead.name, sector: w.lead.sector } : null}
          error={form.errors.leadPartyId}
          testId="work-lead"
        />
        <PartyMultiSelect
          label={t('plan.supporting')}
          testId="work-supporting"
          value={form.values.supportingPartyIds}
          onChange={(ids) => form.setFieldValue('supportingPartyIds', ids)}
          known={w?.supporting ?? []}
          error={form.errors.supportingPartyIds}
        />
        <DateField
          label={t('plan.startDate')}
          value={form.values.startDate}
          onChange={(v) => form.setFieldValue('startDate', v)}
          error={form.errors.startDate}
          minDate={plan.startDate}
          maxDate={plan.endDate}
          data-testid="work-start"
        />
        <DateField
          label={t('plan.endDate')}
          value={form.values.endDate}
          onChange={(v) => form.setFieldValue('endDate', v)}
          error={form.errors.endDate}
          minDate={form.values.startDate ?? plan.startDate}
          maxDate={plan.endDate}
          data-testid="work-end"
        />
        <EnumSelect label={t('plan.status')} enumName="workStatus" values={WORK_STATUSES} {...form.getInputProps('status')} data-testid="work-status" />
        {isActivity ? (
          <TextInput
            label={t('plan.budgetBaht')}
            description={t('plan.budgetHint')}
            inputMode="decimal"
            rightSection={<span aria-hidden>฿</span>}
            {...form.getInputProps('budget')}
            data-testid="work-budget"
          />
        ) : (
          <WeightBySelect {...form.getInputProps('weightBy')} />
        )}
        <NumberInput
          label={t('plan.weight')}
          description={t('plan.weightHint')}
          min={0}
          max={1_000_000}
          allowDecimal={false}
          {...form.getInputProps('weight')}
        />
      </SimpleGrid>
    </FormModal>
  );
}
