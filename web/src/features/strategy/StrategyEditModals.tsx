import { ActionIcon, Button, Group, Modal, NumberInput, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StrategyMap } from '../../../../common/schemas/strategy';
import { fiscalYearOf } from '../../../../common/thai/dates';
import { useTenant } from '../../context/tenant';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { focusFirstError } from '../../ui/focusError';
import { useIsDesktop } from '../../ui/hooks';
import { NetworkMultiSelect } from '../../ui/NetworkSelect';
import { PartyMultiSelect } from '../partners';
import { useDeleteStrategyElement, useSaveFrame, useSaveGoal, useSaveIndicator, useSaveStrategy } from './api';
import { useServerErrors } from '../../ui/serverErrors';
import './i18n';

type MapGoal = StrategyMap['goals'][number];
type MapStrategy = MapGoal['strategies'][number];
type MapIndicator = MapGoal['indicators'][number];

/** What every edit modal shares: a full-screen modal on a phone, cancel/save, a 400's field messages on the right fields. */
function EditModal<V>({
  title,
  edit: { form, pending, serverError, onClose },
  onSubmit,
  testId,
  remove,
  children,
}: {
  title: string;
  /** The modal's form and its save (useEditSave). */
  edit: EditSave<V, never>;
  onSubmit: (v: V) => void;
  testId: string;
  /** For an existing element: what deleting it takes with it (the confirmation) and how. */
  remove?: { confirm: string; run: () => Promise<unknown> };
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [removeError, setRemoveError] = useState<unknown>(null);
  const runRemove = async () => {
    if (!remove) return;
    setRemoving(true);
    setRemoveError(null);
    try {
      await remove.run();
      notifications.show({ color: 'teal', message: t('strategy.deleted') });
      onClose();
    } catch (err) {
      setRemoveError(err);
    } finally {
      setRemoving(false);
    }
  };
  return (
    <Modal opened onClose={onClose} title={title} size="lg" fullScreen={!desktop} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={form.onSubmit(onSubmit, () => focusFirstError())} noValidate data-testid={testId}>
        <Stack>
          {children}
          {serverError ? <ErrorAlert error={serverError} /> : null}
          <Group justify={remove ? 'space-between' : 'flex-end'}>
            {remove ? (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
                data-testid={`${testId}-delete`}
              >
                {t('common.delete')}
              </Button>
            ) : null}
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={pending} data-testid={`${testId}-submit`}>
                {t('common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      {remove ? (
        <ConfirmDialog
          opened={confirming}
          title={t('common.delete')}
          message={
            <Stack gap="sm" component="span">
              <span>{remove.confirm}</span>
              {removeError ? <ErrorAlert error={removeError} /> : null}
            </Stack>
          }
          loading={removing}
          onConfirm={() => void runRemove()}
          onClose={() => setConfirming(false)}
        />
      ) : null}
    </Modal>
  );
}

/** A save request as TanStack's useMutation gives it. */
interface SaveMutation<B> {
  mutate: (body: B, options: { onSuccess: () => void; onError: (err: unknown) => void }) => void;
  isPending: boolean;
}

interface EditSave<V, B> {
  form: UseFormReturnType<V>;
  pending: boolean;
  serverError: unknown;
  onClose: () => void;
  /** Sends the body: a notice and close on success, a 400's field messages on the form's fields. */
  run: (body: B) => void;
}

/** An edit modal's save: the form, the request, what a success or a refusal does. */
function useEditSave<V, B>(form: UseFormReturnType<V>, save: SaveMutation<B>, onClose: () => void): EditSave<V, B> {
  const { t } = useTranslation();
  const server = useServerErrors(form);
  return {
    form,
    pending: save.isPending,
    serverError: server.error,
    onClose,
    run: (body) => {
      server.clear();
      save.mutate(body, {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('strategy.saved') });
          onClose();
        },
        onError: server.onError,
      });
    },
  };
}

const orNull = (s: string) => s.trim() || null;

/** Vision and missions (one per line) of the tenant, or of the network selected on the map. */
export function FrameModal({
  networkId,
  vision,
  missions,
  onClose,
}: {
  networkId: string | null;
  vision: string | null;
  missions: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const save = useSaveFrame(slug);
  const form = useForm({ initialValues: { vision: vision ?? '', missions: missions.join('\n') } });
  const edit = useEditSave(form, save, onClose);
  function onSubmit(v: typeof form.values) {
    const list = v.missions
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
    edit.run({ networkId, vision: orNull(v.vision), missions: list });
  }
  return (
    <EditModal title={t(networkId ? 'strategy.editFrameNetwork' : 'strategy.editFrame')} edit={edit} onSubmit={onSubmit} testId="frame-form">
      <Textarea label={t('strategy.vision')} autosize minRows={2} {...form.getInputProps('vision')} data-testid="frame-vision" />
      <Textarea
        label={t('strategy.missions')}
        description={t('strategy.missionsHint')}
        autosize
        minRows={3}
        {...form.getInputProps('missions')}
        error={form.errors.missions ?? Object.entries(form.errors).find(([k]) => k.startsWith('missions.'))?.[1]}
        data-testid="frame-missions"
      />
    </EditModal>
  );
}

/** Add a goal (with the map's network preselected) or change one, with the networks sharing it. */
export function GoalModal({ goal, networkId, onClose }: { goal: MapGoal | null; networkId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const save = useSaveGoal(slug);
  const del = useDeleteStrategyElement(slug, '/strategy/goals');
  const form = useForm({
    initialValues: {
      code: goal?.code ?? '',
      name: goal?.name ?? '',
      description: goal?.description ?? '',
      networkIds: goal ? goal.networks.map((n) => n.id) : networkId ? [networkId] : [],
      partyIds: goal ? goal.parties.map((p) => p.id) : [],
    },
    validate: { name: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const edit = useEditSave(form, save, onClose);
  function onSubmit(v: typeof form.values) {
    edit.run({
      id: goal?.id,
      body: { code: orNull(v.code), name: v.name.trim(), description: orNull(v.description), networkIds: v.networkIds, partyIds: v.partyIds },
    });
  }
  return (
    <EditModal
      title={t(goal ? 'strategy.editGoal' : 'strategy.addGoal')}
      edit={edit}
      onSubmit={onSubmit}
      testId="goal-form"
      remove={goal ? { confirm: t('strategy.deleteGoalConfirm', { name: goal.name }), run: () => del.mutateAsync(goal.id) } : undefined}
    >
      <TextInput label={t('strategy.code')} maxLength={30} {...form.getInputProps('code')} data-testid="goal-code" />
      <TextInput label={t('strategy.goalName')} required maxLength={500} {...form.getInputProps('name')} data-testid="goal-name" />
      <Textarea label={t('strategy.description')} autosize minRows={2} {...form.getInputProps('description')} />
      <NetworkMultiSelect
        label={t('strategy.sharedBy')}
        value={form.values.networkIds}
        onChange={(ids) => form.setFieldValue('networkIds', ids)}
        known={goal?.networks}
        error={form.errors.networkIds}
        testId="goal-networks"
      />
      <PartyMultiSelect
        label={t('strategy.sharedByPartners')}
        value={form.values.partyIds}
        onChange={(ids) => form.setFieldValue('partyIds', ids)}
        known={goal?.parties}
        error={form.errors.partyIds}
        testId="goal-parties"
      />
    </EditModal>
  );
}

/** Add a strategy under a goal, or change one. */
export function StrategyModal({ goal, strategy, onClose }: { goal: MapGoal; strategy: MapStrategy | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const save = useSaveStrategy(slug);
  const del = useDeleteStrategyElement(slug, '/strategy/strategies');
  const form = useForm({
    initialValues: { code: strategy?.code ?? '', name: strategy?.name ?? '', description: strategy?.description ?? '' },
    validate: { name: (v) => (v.trim() ? null : t('validation.required')) },
  });
  const edit = useEditSave(form, save, onClose);
  function onSubmit(v: typeof form.values) {
    edit.run({ id: strategy?.id, body: { goalId: goal.id, code: orNull(v.code), name: v.name.trim(), description: orNull(v.description) } });
  }
  return (
    <EditModal
      title={t(strategy ? 'strategy.editStrategy' : 'strategy.addStrategy')}
      edit={edit}
      onSubmit={onSubmit}
      testId="strategy-form"
      remove={strategy ? { confirm: t('strategy.deleteStrategyConfirm', { name: strategy.name }), run: () => del.mutateAsync(strategy.id) } : undefined}
    >
      <Text size="sm" c="dimmed" className="break-words">
        {t('strategy.level.goal')}: {goal.name}
      </Text>
      <TextInput label={t('strategy.code')} maxLength={30} {...form.getInputProps('code')} data-testid="strategy-code" />
      <TextInput label={t('strategy.strategyName')} required maxLength={500} {...form.getInputProps('name')} data-testid="strategy-name" />
      <Textarea label={t('strategy.description')} autosize minRows={2} {...form.getInputProps('description')} />
    </EditModal>
  );
}

interface IndicatorValues {
  name: string;
  unit: string;
  direction: 'higher' | 'lower';
  baseline: number | string;
  baselineYear: number | string;
  targets: { fiscalYear: number | string; target: number | string }[];
}

const isNum = (v: number | string) => v !== '' && Number.isFinite(Number(v));

/** Add an indicator under a strategy (or the goal itself), or change one: unit, direction, baseline and a target per fiscal year (B.E.). */
export function IndicatorModal({
  goal,
  strategy,
  indicator,
  fiscalYear,
  onClose,
}: {
  goal: MapGoal;
  strategy: MapStrategy | null;
  indicator: MapIndicator | null;
  fiscalYear: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const save = useSaveIndicator(slug);
  const del = useDeleteStrategyElement(slug, '/strategy/indicators');
  const form = useForm<IndicatorValues>({
    initialValues: {
      name: indicator?.name ?? '',
      unit: indicator?.unit ?? '',
      direction: indicator?.direction ?? 'higher',
      baseline: indicator?.baseline ?? '',
      baselineYear: indicator?.baselineYear ?? '',
      targets: indicator ? indicator.targets : [{ fiscalYear, target: '' }],
    },
    validate: (v) => {
      const errs: Record<string, string> = {};
      if (!v.name.trim()) errs.name = t('validation.required');
      if (!v.unit.trim()) errs.unit = t('validation.required');
      if (v.baselineYear !== '' && !isNum(v.baseline)) errs.baseline = t('validation.required');
      v.targets.forEach((row, idx) => {
        if (!isNum(row.fiscalYear)) errs[`targets.${idx}.fiscalYear`] = t('validation.required');
        if (!isNum(row.target)) errs[`targets.${idx}.target`] = t('validation.required');
        if (v.targets.findIndex((r) => Number(r.fiscalYear) === Number(row.fiscalYear)) < idx) errs[`targets.${idx}.fiscalYear`] = t('strategy.duplicateYear');
      });
      return errs;
    },
  });
  const edit = useEditSave(form, save, onClose);
  function onSubmit(v: IndicatorValues) {
    edit.run({
      id: indicator?.id,
      body: {
        goalId: goal.id,
        strategyId: indicator ? indicator.strategyId : (strategy?.id ?? null),
        name: v.name.trim(),
        unit: v.unit.trim(),
        direction: v.direction,
        baseline: isNum(v.baseline) ? Number(v.baseline) : null,
        baselineYear: isNum(v.baselineYear) ? Number(v.baselineYear) : null,
        targets: v.targets.map((r) => ({ fiscalYear: Number(r.fiscalYear), target: Number(r.target) })),
      },
    });
  }
  const lastYear = form.values.targets.at(-1)?.fiscalYear;
  return (
    <EditModal
      title={t(indicator ? 'strategy.editIndicator' : 'strategy.addIndicator')}
      edit={edit}
      onSubmit={onSubmit}
      testId="indicator-form"
      remove={indicator ? { confirm: t('strategy.deleteIndicatorConfirm', { name: indicator.name }), run: () => del.mutateAsync(indicator.id) } : undefined}
    >
      <Text size="sm" c="dimmed" className="break-words">
        {strategy ? `${t('strategy.level.strategy')}: ${strategy.name}` : `${t('strategy.level.goal')}: ${goal.name}`}
      </Text>
      <TextInput label={t('strategy.indicatorName')} required maxLength={500} {...form.getInputProps('name')} data-testid="indicator-name" />
      <TextInput label={t('strategy.unit')} required maxLength={50} {...form.getInputProps('unit')} data-testid="indicator-unit" />
      <Stack gap={4}>
        <Text size="sm" fw={500} id="indicator-direction">
          {t('strategy.directionLabel')}
        </Text>
        <SegmentedControl
          aria-labelledby="indicator-direction"
          data={(['higher', 'lower'] as const).map((d) => ({ value: d, label: t(`strategy.direction.${d}`) }))}
          {...form.getInputProps('direction')}
          data-testid="indicator-direction"
        />
      </Stack>
      <Group grow align="flex-start" wrap="wrap">
        <NumberInput label={t('strategy.baseline')} decimalScale={4} inputMode="decimal" {...form.getInputProps('baseline')} style={{ minWidth: '9rem' }} />
        <NumberInput
          label={t('strategy.baselineYear')}
          allowDecimal={false}
          min={2500}
          max={2700}
          {...form.getInputProps('baselineYear')}
          style={{ minWidth: '9rem' }}
        />
      </Group>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('strategy.targets')}
        </Text>
        {form.values.targets.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('strategy.noTargets')}
          </Text>
        ) : null}
        {form.values.targets.map((_, idx) => (
          <Group key={idx} gap="xs" align="flex-start" wrap="nowrap">
            <NumberInput
              label={t('strategy.targetYear')}
              allowDecimal={false}
              min={2500}
              max={2700}
              {...form.getInputProps(`targets.${idx}.fiscalYear`)}
              style={{ flex: 1, minWidth: 0 }}
              data-testid="indicator-target-year"
            />
            <NumberInput
              label={t('strategy.targetValue', { unit: form.values.unit || '…' })}
              decimalScale={4}
              inputMode="decimal"
              {...form.getInputProps(`targets.${idx}.target`)}
              style={{ flex: 1, minWidth: 0 }}
              data-testid="indicator-target-value"
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mt={28}
              size="lg"
              onClick={() => form.removeListItem('targets', idx)}
              aria-label={t('strategy.removeTarget')}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="light"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => form.insertListItem('targets', { fiscalYear: isNum(lastYear ?? '') ? Number(lastYear) + 1 : fiscalYearOf(new Date()), target: '' })}
          data-testid="indicator-add-target"
        >
          {t('strategy.addTarget')}
        </Button>
      </Stack>
    </EditModal>
  );
}
