import { ActionIcon, Button, Group, NumberInput, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Edition, EditionKind, LocalPlanDetail, LocalStrategy } from '../../../../common/schemas/localplans';
import { EDITION_KINDS } from '../../../../common/schemas/localplans';
import { fiscalYearOf } from '../../../../common/thai/dates';
import { useTenant } from '../../context/tenant';
import { todayIso } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { FormModal } from '../../ui/FormModal';
import { useIsDesktop } from '../../ui/hooks';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { useLocalGovernments, useLocalPlanWrite } from './api';
import { useEditionLabel } from './parts';
import './i18n';

/**
 * The local plans' modal forms: ui's FormModal, wide and full screen on phones, its save button `<testId>-save`; a
 * 400's field messages show under their inputs, so the alert shows only other errors.
 */
export function PlanFormModal({
  pending,
  error,
  testId,
  onSubmit,
  ...modal
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  children: ReactNode;
  testId: string;
}) {
  const desktop = useIsDesktop();
  return (
    <FormModal
      {...modal}
      size="lg"
      fullScreen={!desktop}
      onSubmit={() => onSubmit()}
      saving={pending}
      error={errorWithoutFields(error)}
      testId={testId}
      submitTestId={`${testId}-save`}
    />
  );
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

interface StrategyDraft {
  name: string;
  provinceStrategy: string;
  programmes: string;
}
const emptyStrategy = (): StrategyDraft => ({ name: '', provinceStrategy: '', programmes: '' });

/** Strategy fields: its name, the province strategy it serves and (when new) its programmes, one a line. */
function StrategyFields({
  v,
  onChange,
  errors,
  prefix,
  withProgrammes,
}: {
  v: StrategyDraft;
  onChange: (v: StrategyDraft) => void;
  errors: Record<string, string>;
  prefix: string;
  withProgrammes: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('localPlans.form.strategyName')}
        value={v.name}
        onChange={(e) => onChange({ ...v, name: e.currentTarget.value })}
        error={errors[`${prefix}name`]}
        required
        maxLength={300}
        data-testid="strategy-name"
      />
      <TextInput
        label={t('localPlans.provinceStrategy')}
        placeholder={t('localPlans.form.provinceStrategyHint')}
        value={v.provinceStrategy}
        onChange={(e) => onChange({ ...v, provinceStrategy: e.currentTarget.value })}
        error={errors[`${prefix}provinceStrategy`]}
        maxLength={300}
        data-testid="strategy-province"
      />
      {withProgrammes ? (
        <Textarea
          label={t('localPlans.form.programmes')}
          description={t('localPlans.form.programmesHint')}
          value={v.programmes}
          onChange={(e) => onChange({ ...v, programmes: e.currentTarget.value })}
          error={Object.entries(errors).find(([k]) => k.startsWith(`${prefix}programmes`))?.[1]}
          autosize
          minRows={2}
          data-testid="strategy-programmes"
        />
      ) : null}
    </>
  );
}

/** Create a five-year plan for this local government or a partner one, with its strategies and programmes. */
export function NewLocalPlanModal({ opened, onClose, onSaved }: { opened: boolean; onClose: () => void; onSaved: (p: LocalPlanDetail) => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const lgs = useLocalGovernments(slug);
  const save = useLocalPlanWrite<unknown, LocalPlanDetail>(slug, 'POST', () => '');
  const thisYear = fiscalYearOf(todayIso());
  const [party, setParty] = useState<string>('self');
  const [startYear, setStartYear] = useState<number | string>(thisYear);
  const [name, setName] = useState('');
  const [strategies, setStrategies] = useState<StrategyDraft[]>([emptyStrategy()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!opened) return;
    setParty('self');
    setStartYear(thisYear);
    setName('');
    setStrategies([emptyStrategy()]);
    setErrors({});
    save.reset();
  }, [opened]);
  const year = typeof startYear === 'number' ? startYear : Number(startYear) || thisYear;

  function submit() {
    const missing: Record<string, string> = {};
    strategies.forEach((s, i) => {
      if (!s.name.trim()) missing[`strategies.${i}.name`] = t('validation.required');
    });
    if (Object.keys(missing).length) return setErrors(missing);
    save.mutate(
      {
        partyId: party === 'self' ? null : party,
        startYear: year,
        name: name.trim() || null,
        strategies: strategies.map((s) => ({
          name: s.name,
          provinceStrategy: s.provinceStrategy || null,
          programmes: lines(s.programmes).map((n) => ({ name: n })),
        })),
      },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'teal', message: t('localPlans.form.saved') });
          onSaved(p);
          onClose();
        },
        onError: (err) => setErrors(fieldErrorsOf(err)),
      },
    );
  }

  return (
    <PlanFormModal
      opened={opened}
      onClose={onClose}
      title={t('localPlans.form.newTitle')}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
      testId="local-plan-form"
    >
      <Select
        label={t('localPlans.localGovernment')}
        data={(lgs.data ?? []).map((l) => ({ value: l.partyId ?? 'self', label: l.name }))}
        value={party}
        onChange={(v) => v && setParty(v)}
        allowDeselect={false}
        error={errors.partyId}
        data-testid="local-plan-lg"
      />
      <NumberInput
        label={t('localPlans.form.startYear')}
        description={t('localPlans.form.span', { start: year, end: year + 4 })}
        value={startYear}
        onChange={setStartYear}
        min={2500}
        max={2700}
        allowDecimal={false}
        thousandSeparator={false}
        error={errors.startYear}
        data-testid="local-plan-start"
      />
      <TextInput
        label={t('localPlans.form.name')}
        placeholder={t('localPlans.form.defaultName', { start: year, end: year + 4 })}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={errors.name}
        maxLength={300}
      />
      {strategies.map((s, i) => (
        <Paper key={i} withBorder p="sm" radius="md">
          <Stack gap="xs">
            <Group justify="space-between">
              <Text fw={600}>{t('localPlans.form.strategyNumber', { number: i + 1 })}</Text>
              {strategies.length > 1 ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('localPlans.form.removeStrategy')}
                  onClick={() => setStrategies(strategies.filter((_, j) => j !== i))}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              ) : null}
            </Group>
            <StrategyFields
              v={s}
              onChange={(n) => setStrategies(strategies.map((x, j) => (j === i ? n : x)))}
              errors={errors}
              prefix={`strategies.${i}.`}
              withProgrammes
            />
          </Stack>
        </Paper>
      ))}
      <Button
        variant="light"
        leftSection={<IconPlus size={16} aria-hidden />}
        onClick={() => setStrategies([...strategies, emptyStrategy()])}
        data-testid="add-strategy-row"
      >
        {t('localPlans.form.addStrategy')}
      </Button>
    </PlanFormModal>
  );
}

/** Rename a plan. */
export function RenamePlanModal({ plan, opened, onClose }: { plan: LocalPlanDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const save = useLocalPlanWrite<{ name: string }, LocalPlanDetail>(slug, 'PATCH', () => `/${plan.id}`);
  const [name, setName] = useState(plan.name);
  useEffect(() => {
    if (opened) {
      setName(plan.name);
      save.reset();
    }
  }, [opened]);
  return (
    <PlanFormModal
      opened={opened}
      onClose={onClose}
      title={t('localPlans.form.renameTitle')}
      onSubmit={() => save.mutate({ name }, { onSuccess: onClose })}
      pending={save.isPending}
      error={save.error}
      testId="rename-form"
    >
      <TextInput
        label={t('localPlans.form.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={fieldErrorsOf(save.error).name}
        maxLength={300}
        required
      />
    </PlanFormModal>
  );
}

/** Add a strategy (with programmes) or edit one (name and province strategy). */
export function StrategyModal({ plan, strategy, opened, onClose }: { plan: LocalPlanDetail; strategy?: LocalStrategy; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const save = useLocalPlanWrite<StrategyDraft, LocalPlanDetail>(
    slug,
    strategy ? 'PATCH' : 'POST',
    () => (strategy ? `/${plan.id}/strategies/${strategy.id}` : `/${plan.id}/strategies`),
    (v) =>
      strategy
        ? { name: v.name, provinceStrategy: v.provinceStrategy || null }
        : { name: v.name, provinceStrategy: v.provinceStrategy || null, programmes: lines(v.programmes).map((n) => ({ name: n })) },
  );
  const [v, setV] = useState<StrategyDraft>(emptyStrategy());
  useEffect(() => {
    if (!opened) return;
    setV(strategy ? { name: strategy.name, provinceStrategy: strategy.provinceStrategy ?? '', programmes: '' } : emptyStrategy());
    save.reset();
  }, [opened, strategy]);
  return (
    <PlanFormModal
      opened={opened}
      onClose={onClose}
      title={strategy ? t('localPlans.form.editStrategy') : t('localPlans.form.addStrategy')}
      onSubmit={() => save.mutate(v, { onSuccess: onClose })}
      pending={save.isPending}
      error={save.error}
      testId="strategy-form"
    >
      <StrategyFields v={v} onChange={setV} errors={fieldErrorsOf(save.error)} prefix="" withProgrammes={!strategy} />
    </PlanFormModal>
  );
}

/** Add a programme to a strategy, or rename one. */
export function ProgrammeModal({
  plan,
  strategy,
  programme,
  opened,
  onClose,
}: {
  plan: LocalPlanDetail;
  strategy: LocalStrategy;
  programme?: { id: string; name: string };
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const save = useLocalPlanWrite<{ name: string }, LocalPlanDetail>(slug, programme ? 'PATCH' : 'POST', () =>
    programme ? `/${plan.id}/programmes/${programme.id}` : `/${plan.id}/strategies/${strategy.id}/programmes`,
  );
  const [name, setName] = useState('');
  useEffect(() => {
    if (!opened) return;
    setName(programme?.name ?? '');
    save.reset();
  }, [opened, programme]);
  return (
    <PlanFormModal
      opened={opened}
      onClose={onClose}
      title={programme ? t('localPlans.form.editProgramme') : t('localPlans.form.addProgramme', { strategy: strategy.name })}
      onSubmit={() => save.mutate({ name }, { onSuccess: onClose })}
      pending={save.isPending}
      error={save.error}
      testId="programme-form"
    >
      <TextInput
        label={t('localPlans.programme')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        error={fieldErrorsOf(save.error).name}
        maxLength={300}
        required
        data-testid="programme-name"
      />
    </PlanFormModal>
  );
}

/** What the next edition of a kind will be numbered (the server numbers it the same way). */
export const nextNumber = (editions: Edition[], kind: EditionKind) => (kind === 'original' ? 0 : editions.filter((e) => e.kind === kind).length + 1);

/** Record an edition: the original, or เพิ่มเติม / เปลี่ยนแปลง ครั้งที่ N, with its approval date and act. */
export function EditionModal({ plan, opened, onClose }: { plan: LocalPlanDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const editionLabel = useEditionLabel();
  const save = useLocalPlanWrite<unknown, LocalPlanDetail>(slug, 'POST', () => `/${plan.id}/editions`);
  const hasOriginal = plan.editions.some((e) => e.kind === 'original');
  const [kind, setKind] = useState<EditionKind>('original');
  const [approvedOn, setApprovedOn] = useState<string | null>(null);
  const [act, setAct] = useState('');
  useEffect(() => {
    if (!opened) return;
    setKind(hasOriginal ? 'addition' : 'original');
    setApprovedOn(null);
    setAct('');
    save.reset();
  }, [opened]);
  const errors = fieldErrorsOf(save.error);
  return (
    <PlanFormModal
      opened={opened}
      onClose={onClose}
      title={t('localPlans.form.addEdition')}
      onSubmit={() => save.mutate({ kind, approvedOn, approvingAct: act }, { onSuccess: onClose })}
      pending={save.isPending}
      error={save.error}
      testId="edition-form"
    >
      <Select
        label={t('localPlans.form.editionKind')}
        data={EDITION_KINDS.filter((k) => (k === 'original') !== hasOriginal).map((k) => ({
          value: k,
          label: editionLabel({ kind: k, number: nextNumber(plan.editions, k) }),
        }))}
        value={kind}
        onChange={(v) => v && setKind(v as EditionKind)}
        allowDeselect={false}
        error={errors.kind}
        data-testid="edition-kind"
      />
      <DateField
        label={t('localPlans.edition.approvedOn')}
        value={approvedOn}
        onChange={setApprovedOn}
        error={errors.approvedOn}
        required
        data-testid="edition-date"
      />
      <Textarea
        label={t('localPlans.edition.act')}
        placeholder={t('localPlans.form.actHint')}
        value={act}
        onChange={(e) => setAct(e.currentTarget.value)}
        error={errors.approvingAct}
        autosize
        minRows={2}
        required
        data-testid="edition-act"
      />
    </PlanFormModal>
  );
}
