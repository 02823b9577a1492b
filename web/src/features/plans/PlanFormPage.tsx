import { Card, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../common/schemas/plans';
import { fiscalYearOf, fiscalYearRange } from '../../../../common/thai/dates';
import { useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { FormActions } from '../../ui/FormActions';
import { focusFirstError } from '../../ui/focusError';
import { useLang } from '../../ui/hooks';
import { NetworkMultiSelect } from '../../ui/NetworkSelect';
import { NewOrLoaded } from '../../ui/NewOrLoaded';
import { PageHeader } from '../../ui/PageHeader';
import { fiscalYearLabel } from '../forums';
import { usePlan, useSavePlan } from './api';
import { planPermissions } from './format';
import { WeightBySelect } from './WeightBySelect';
import { NoPermission } from '../../ui/NoPermission';
import { collapseArrayPaths, useServerErrors } from '../../ui/serverErrors';
import './i18n';

interface Values {
  name: string;
  fiscalYear: string;
  networkIds: string[];
  startDate: string | null;
  endDate: string | null;
  description: string;
  weightBy: string;
}

export default function PlanFormPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const { slug } = useTenant();
  const q = usePlan(slug, id ?? '');
  return (
    <NewOrLoaded id={id} query={q}>
      {(plan) => <PlanForm key={plan?.id} plan={plan} />}
    </NewOrLoaded>
  );
}

function PlanForm({ plan }: { plan?: PlanDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug, role } = useTenant();
  const can = planPermissions(role);
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { networkId?: string; fiscalYear?: number };
  const save = useSavePlan(slug, plan?.id);
  const current = fiscalYearOf(new Date());
  const years = Array.from({ length: 8 }, (_, i) => current + 2 - i).map((y) => ({ value: String(y), label: fiscalYearLabel(y, lang) }));

  const form = useForm<Values>({
    initialValues: {
      name: plan?.name ?? '',
      fiscalYear: String(plan?.fiscalYear ?? search.fiscalYear ?? current),
      networkIds: plan?.networks.map((n) => n.id) ?? (search.networkId ? [search.networkId] : []),
      startDate: plan?.startDate ?? null,
      endDate: plan?.endDate ?? null,
      description: plan?.description ?? '',
      weightBy: plan?.weightBy ?? 'budget',
    },
    validate: (v) => {
      const errs: Record<string, string> = {};
      if (!v.name.trim()) errs.name = t('validation.required');
      if (!v.networkIds.length) errs.networkIds = t('plan.networksRequired');
      const range = fiscalYearRange(Number(v.fiscalYear));
      for (const k of ['startDate', 'endDate'] as const) {
        const d = v[k];
        if (d && (d < range.start || d > range.end)) errs[k] = t('plan.outsideFiscalYear');
      }
      if (v.startDate && v.endDate && v.endDate < v.startDate) errs.endDate = t('plan.endBeforeStart');
      return errs;
    },
  });
  const server = useServerErrors(form, collapseArrayPaths);
  const range = fiscalYearRange(Number(form.values.fiscalYear));

  function onSubmit(v: Values) {
    server.clear();
    save.mutate(
      {
        name: v.name.trim(),
        fiscalYear: Number(v.fiscalYear),
        networkIds: v.networkIds,
        startDate: v.startDate ?? (plan ? undefined : null),
        endDate: v.endDate ?? (plan ? undefined : null),
        description: v.description.trim() || null,
        weightBy: v.weightBy as 'budget' | 'weight',
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'teal', message: t('plan.saved') });
          void navigate({ to: '/t/$tenant/plans/$id', params: { tenant: slug, id: saved.id } });
        },
        onError: server.onError,
      },
    );
  }

  // a role that cannot save sees why, not a form it cannot use (the server refuses the write anyway)
  if (!can.edit) return <NoPermission title={plan ? t('plans.editTitle', { name: plan.name }) : t('plans.newTitle')} />;

  return (
    <Stack gap="md" maw={960}>
      <PageHeader title={plan ? t('plans.editTitle', { name: plan.name }) : t('plans.newTitle')} />
      <form onSubmit={form.onSubmit(onSubmit, () => focusFirstError())} noValidate data-testid="plan-form">
        <Stack>
          <Card withBorder radius="md">
            <Stack>
              <TextInput label={t('plan.name')} required {...form.getInputProps('name')} data-testid="plan-name" />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('plan.fiscalYear')}
                  required
                  disabled={!!plan}
                  description={plan ? t('plan.fiscalYearFixed') : t('plan.fiscalYearHint')}
                  data={years}
                  allowDeselect={false}
                  comboboxProps={{ withinPortal: true }}
                  {...form.getInputProps('fiscalYear')}
                  data-testid="plan-fiscal-year"
                />
                <WeightBySelect {...form.getInputProps('weightBy')} />
              </SimpleGrid>
              <NetworkMultiSelect
                label={t('plan.networks')}
                value={form.values.networkIds}
                onChange={(ids) => form.setFieldValue('networkIds', ids)}
                known={plan?.networks}
                error={form.errors.networkIds}
                testId="plan-networks"
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DateField
                  label={t('plan.startDate')}
                  description={t('plan.defaultStart')}
                  value={form.values.startDate}
                  onChange={(v) => form.setFieldValue('startDate', v)}
                  error={form.errors.startDate}
                  minDate={range.start}
                  maxDate={range.end}
                />
                <DateField
                  label={t('plan.endDate')}
                  description={t('plan.defaultEnd')}
                  value={form.values.endDate}
                  onChange={(v) => form.setFieldValue('endDate', v)}
                  error={form.errors.endDate}
                  minDate={form.values.startDate ?? range.start}
                  maxDate={range.end}
                />
              </SimpleGrid>
              <Textarea label={t('plan.description')} autosize minRows={3} {...form.getInputProps('description')} />
            </Stack>
          </Card>
          <FormActions
            error={server.error}
            onCancel={() =>
              plan
                ? void navigate({ to: '/t/$tenant/plans/$id', params: { tenant: slug, id: plan.id } })
                : void navigate({ to: '/t/$tenant/plans', params: { tenant: slug } })
            }
            saving={save.isPending}
            submitLabel={plan ? t('common.save') : t('plans.create')}
            disabled={!can.edit}
            submitTestId="plan-submit"
          />
        </Stack>
      </form>
    </Stack>
  );
}
