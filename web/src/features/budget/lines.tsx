import { ActionIcon, Button, Group, Modal, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconEdit, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBaht, formatBahtAmount, parseBahtToSatang } from '../../../../common/thai/money';
import { usePermissions, useTenant } from '../../context/tenant';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { Column } from '../../ui/DataView';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { useLang } from '../../ui/hooks';
import { SearchBox } from '../../ui/ListFilters';
import { PagedList } from '../../ui/ListPage';
import { usePlan, usePlans } from '../plans';
import { PAGE_SIZE, useCreateLine, useDeleteLine, useLines, useUpdateLine } from './api';
import { Money } from './parts';
import type { BudgetLine, LineUpdate } from '../../../../common/schemas/budget';
import './i18n';

/** The budget lines of the year (and network), each with what is left of its allocation. */
export function LinesSection({ fiscalYear, networkId }: { fiscalYear: number; networkId?: string }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const [page, setPage] = useState(1);
  const [text, setText] = useState('');
  const q = useLines(slug, { fiscalYear, networkId, q: text || undefined, page, pageSize: PAGE_SIZE });
  const can = usePermissions();
  const [editing, setEditing] = useState<BudgetLine | null>(null);
  const [deleting, setDeleting] = useState<BudgetLine | null>(null);
  const remove = useDeleteLine(slug);
  const actions = (l: BudgetLine) => (
    <Group gap={4} wrap="nowrap">
      {can.editBudgetLine ? (
        <ActionIcon variant="subtle" aria-label={t('budget.editLineNamed', { name: l.name })} onClick={() => setEditing(l)} data-testid="line-edit">
          <IconEdit size={18} aria-hidden />
        </ActionIcon>
      ) : null}
      {can.deleteBudgetLine ? (
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('budget.deleteLineNamed', { name: l.name })}
          onClick={() => {
            remove.reset();
            setDeleting(l);
          }}
          data-testid="line-delete"
        >
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      ) : null}
    </Group>
  );
  const columns: Column<BudgetLine>[] = [
    {
      key: 'name',
      header: t('budget.budgetLine'),
      primary: true,
      render: (l) => (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {l.name}
          </Text>
          <Text size="xs" c="dimmed">
            {[l.plan.name, l.project?.name, l.activity?.name].filter(Boolean).join(' › ')}
          </Text>
        </Stack>
      ),
    },
    { key: 'allocated', header: t('budget.allocated'), render: (l) => <Money satang={l.allocatedSatang} />, align: 'right' },
    { key: 'committed', header: t('budget.committed'), render: (l) => <Money satang={l.committedSatang} />, align: 'right' },
    { key: 'spent', header: t('budget.spent'), render: (l) => <Money satang={l.spentSatang} />, align: 'right' },
    { key: 'remaining', header: t('budget.remaining'), render: (l) => <Money satang={l.remainingSatang} />, align: 'right' },
    ...(can.editBudgetLine
      ? [{ key: 'actions', header: t('common.actions'), hideOnCard: true, nowrap: true, render: actions } satisfies Column<BudgetLine>]
      : []),
  ];
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {t('budget.lines')}
      </Title>
      <SearchBox
        value={text}
        onSearch={(v) => {
          setText(v);
          setPage(1);
        }}
        label={t('budget.searchLines')}
      />
      <PagedList
        query={q}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        columns={columns}
        rowKey={(l) => l.id}
        caption={t('budget.lines')}
        empty={t('budget.noLines')}
        testId="budget-lines"
        cardActions={can.editBudgetLine ? actions : undefined}
      />
      {editing ? <EditLineModal line={editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        opened={!!deleting}
        title={t('budget.deleteLine')}
        message={
          <Stack gap="sm" component="span">
            <span>{t('budget.deleteLineConfirm', { name: deleting?.name ?? '' })}</span>
            {remove.error ? <ErrorAlert error={remove.error} /> : null}
          </Stack>
        }
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}

/** Rename a line or change its allocation; the server refuses an allocation below what is committed and spent. */
function EditLineModal({ line, onClose }: { line: BudgetLine; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const update = useUpdateLine(slug);
  const [name, setName] = useState(line.name);
  const [amount, setAmount] = useState(formatBahtAmount(line.allocatedSatang));
  const satang = parseBahtToSatang(amount);
  const used = line.committedSatang + line.spentSatang;
  const fields = fieldErrorsOf(update.error);
  const edited = () => {
    if (update.error) update.reset();
  };
  const blankName = !name.trim();
  // only what changed is sent: renaming a line already spent beyond its allocation must not re-check the allocation
  const submit = () => {
    const body: LineUpdate = {};
    if (name.trim() !== line.name) body.name = name.trim();
    if (satang !== line.allocatedSatang) body.allocatedSatang = satang ?? Number.NaN;
    if (!Object.keys(body).length) return onClose();
    update.mutate({ id: line.id, body }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('budget.editLine')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <ErrorAlert error={errorWithoutFields(update.error)} />
        <Text size="sm" c="dimmed">
          {[line.plan.name, line.project?.name, line.activity?.name].filter(Boolean).join(' › ')}
        </Text>
        <TextInput
          label={t('budget.lineName')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            edited();
          }}
          required
          error={fields.name ?? (blankName ? t('common.required') : undefined)}
          data-testid="line-edit-name"
        />
        <TextInput
          label={t('budget.allocatedBaht')}
          description={used > 0 ? t('budget.allocatedAtLeast', { amount: formatBaht(used, lang) }) : undefined}
          value={amount}
          onChange={(e) => {
            setAmount(e.currentTarget.value);
            edited();
          }}
          inputMode="decimal"
          required
          error={fields.allocatedSatang ?? (amount.trim() && satang === null ? t('budget.badAmount') : undefined)}
          data-testid="line-edit-amount"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={update.isPending} disabled={blankName || satang === null} data-testid="line-edit-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Add a budget line to a joint plan of the year, or to one of its projects or activities. */
export function LineModal({ opened, onClose, fiscalYear }: { opened: boolean; onClose: () => void; fiscalYear: number }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const create = useCreateLine(slug);
  const plans = usePlans(slug, { fiscalYear, pageSize: 200, sort: 'name' });
  const [planId, setPlanId] = useState<string | null>(null);
  const [projectId, setProjectId] = useState<string | null>(null);
  const [activityId, setActivityId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [amount, setAmount] = useState('');
  const plan = usePlan(slug, planId ?? '');
  const projects = useMemo(() => (planId && plan.data?.id === planId ? plan.data.projects : []), [plan.data, planId]);
  const activities = useMemo(
    () =>
      projects
        .filter((p) => !projectId || p.id === projectId)
        .flatMap((p) => p.activities.map((a) => ({ value: a.id, label: projectId ? a.name : `${a.name} (${p.name})`, projectId: p.id }))),
    [projects, projectId],
  );
  const satang = amount.trim() ? parseBahtToSatang(amount) : null;
  const badAmount = amount.trim() !== '' && satang === null;
  const fields = fieldErrorsOf(create.error);
  // project and activity only narrow the chosen plan: optional, searchable, open once a plan is chosen
  const narrowing = { disabled: !planId, searchable: true, clearable: true, clearButtonProps: { 'aria-label': t('common.clearSelection') } };
  // a refused save's messages go once the person changes what they typed
  const edited = () => {
    if (create.error) create.reset();
  };
  const reset = () => {
    setPlanId(null);
    setProjectId(null);
    setActivityId(null);
    setName('');
    setAmount('');
    create.reset();
  };
  const close = () => {
    reset();
    onClose();
  };
  const submit = () =>
    create.mutate(
      { planId: planId ?? '', projectId, activityId, name: name.trim() || null, allocatedSatang: amount.trim() ? (satang ?? Number.NaN) : null },
      { onSuccess: close },
    );
  return (
    <Modal opened={opened} onClose={close} title={t('budget.newLine')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <ErrorAlert error={errorWithoutFields(create.error)} />
        <Select
          label={t('budget.plan')}
          description={t('budget.planHelp', { year: fiscalYear })}
          data={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
          value={planId}
          onChange={(v) => {
            setPlanId(v);
            setProjectId(null);
            setActivityId(null);
          }}
          nothingFoundMessage={t('budget.noPlans')}
          searchable
          required
          error={fields.planId}
          data-testid="line-plan"
        />
        <Select
          label={t('budget.project')}
          data={projects.map((p) => ({ value: p.id, label: p.name }))}
          value={projectId}
          onChange={(v) => {
            setProjectId(v);
            setActivityId(null);
          }}
          {...narrowing}
          placeholder={t('budget.wholePlan')}
          error={fields.projectId}
          data-testid="line-project"
        />
        <Select
          label={t('budget.activity')}
          data={activities}
          value={activityId}
          onChange={(v) => {
            setActivityId(v);
            const a = activities.find((x) => x.value === v);
            if (a) setProjectId(a.projectId);
          }}
          {...narrowing}
          placeholder={t('budget.wholeProject')}
          error={fields.activityId}
          data-testid="line-activity"
        />
        <TextInput
          label={t('budget.lineName')}
          description={t('budget.lineNameHelp')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            edited();
          }}
          error={fields.name}
          data-testid="line-name"
        />
        <TextInput
          label={t('budget.allocatedBaht')}
          description={t('budget.allocatedHelp')}
          value={amount}
          onChange={(e) => {
            setAmount(e.currentTarget.value);
            edited();
          }}
          inputMode="decimal"
          error={fields.allocatedSatang ?? (badAmount ? t('budget.badAmount') : undefined)}
          data-testid="line-amount"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending} disabled={!planId || badAmount} data-testid="line-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
