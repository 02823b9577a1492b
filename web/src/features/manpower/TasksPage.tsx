import { Button, Drawer, Group, MultiSelect, Paper, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AVAILABILITY, SKILLS, TASK_STATUSES, type Availability, type Skill, type Task, type TaskStatus } from '../../../../common/schemas/manpower';
import { usePermissions, useTenant } from '../../context/tenant';
import { PillarBadge } from '../../ui/badges';
import { DateField } from '../../ui/DateField';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { closeAfterSave, FormModal, useModalDraft } from '../../ui/FormModal';

import { useLang } from '../../ui/hooks';
import { ListPage } from '../../ui/ListPage';
import { Loading } from '../../ui/Loading';
import { PAGE_SIZE, useSaveTask, useTaskHelpers, useTasks, useTeams } from './api';
import { ActivitySelect, ManpowerTabs, PersonSelect, SkillBadges, TaskStatusBadge } from './parts';
import './i18n';

function TaskModal({ opened, onClose, task }: { opened: boolean; onClose: () => void; task: Task | null }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const save = useSaveTask(slug, task?.id);
  const teams = useTeams(slug, { pageSize: 200 });
  const draft = useModalDraft(
    opened,
    () => ({
      activityId: task?.activity.id ?? null,
      title: task?.title ?? '',
      description: task?.description ?? '',
      teamId: task?.team?.id ?? null,
      assigneePartyId: task?.assignee?.id ?? null,
      dueDate: task?.dueDate ?? null,
      status: task?.status ?? ('open' as TaskStatus),
      neededSkills: task?.neededSkills ?? ([] as Skill[]),
      village: task?.village ?? '',
      when: task?.when ?? null,
    }),
    [task],
    save,
  );
  const { v: f, errors, setErrors } = draft;
  const set = (patch: Partial<typeof f>) => draft.setV((x) => ({ ...x, ...patch }));
  function submit() {
    const errs: Record<string, string> = {};
    if (!f.activityId) errs.activityId = t('validation.required');
    if (!f.title.trim()) errs.title = t('validation.required');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    save.mutate(
      { ...f, activityId: f.activityId!, title: f.title.trim(), description: f.description.trim() || null, village: f.village.trim() || null },
      closeAfterSave({ done: t('manpower.tasks.saved'), onClose, setErrors }),
    );
  }
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={task ? t('manpower.tasks.editTitle') : t('manpower.tasks.newTitle')}
      size="lg"
      onSubmit={submit}
      saving={save.isPending}
      error={save.error}
      submitTestId="task-save"
    >
      <ActivitySelect
        label={t('manpower.log.activity')}
        value={f.activityId}
        onChange={(v) => set({ activityId: v })}
        error={errors.activityId}
        required
        testId="task-activity"
      />
      <TextInput
        label={t('manpower.tasks.titleField')}
        value={f.title}
        onChange={(e) => set({ title: e.currentTarget.value })}
        required
        error={errors.title}
        maxLength={300}
        data-testid="task-title"
      />
      <Textarea
        label={t('manpower.tasks.description')}
        value={f.description}
        onChange={(e) => set({ description: e.currentTarget.value })}
        autosize
        minRows={2}
        maxLength={4000}
      />
      <Select
        label={t('manpower.tasks.team')}
        data={(teams.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
        value={f.teamId}
        onChange={(v) => set({ teamId: v })}
        clearable
        searchable
        error={errors.teamId}
        comboboxProps={{ withinPortal: true }}
      />
      <PersonSelect
        label={t('manpower.tasks.assignee')}
        value={f.assigneePartyId}
        onChange={(id) => set({ assigneePartyId: id })}
        error={errors.assigneePartyId}
        initial={task?.assignee ?? null}
      />
      <Group grow align="flex-start" wrap="wrap">
        <DateField label={t('manpower.tasks.due')} value={f.dueDate} onChange={(v) => set({ dueDate: v })} error={errors.dueDate} />
        <Select
          label={t('manpower.tasks.status')}
          data={TASK_STATUSES.map((s) => ({ value: s, label: t(`manpower.taskStatus.${s}`) }))}
          value={f.status}
          onChange={(v) => v && set({ status: v as TaskStatus })}
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
      <MultiSelect
        label={t('manpower.tasks.neededSkills')}
        data={SKILLS.map((s) => ({ value: s, label: t(`manpower.skill.${s}`) }))}
        value={f.neededSkills}
        onChange={(v) => set({ neededSkills: v as Skill[] })}
        searchable
        comboboxProps={{ withinPortal: true }}
      />
      <Group grow align="flex-start" wrap="wrap">
        <TextInput label={t('manpower.skills.village')} value={f.village} onChange={(e) => set({ village: e.currentTarget.value })} maxLength={200} />
        <Select
          label={t('manpower.tasks.when')}
          data={AVAILABILITY.map((a) => ({ value: a, label: t(`manpower.availability.${a}`) }))}
          value={f.when}
          onChange={(v) => set({ when: v as Availability | null })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
      </Group>
    </FormModal>
  );
}

/** "Who can help?": people ranked by the task's skills, village and time. */
function HelpersDrawer({ taskId, onClose }: { taskId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const helpers = useTaskHelpers(slug, taskId);
  const save = useSaveTask(slug, taskId ?? undefined);
  return (
    <Drawer
      opened={!!taskId}
      onClose={onClose}
      position="right"
      size="md"
      title={t('manpower.helpers.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {helpers.isPending ? (
        <Loading />
      ) : helpers.isError ? (
        <ErrorAlert error={helpers.error} />
      ) : (
        <Stack gap="sm" data-testid="helpers">
          <Text fw={600}>{helpers.data.task.title}</Text>
          <Text size="sm" c="dimmed">
            {t('manpower.helpers.lookingFor')}
          </Text>
          <SkillBadges skills={helpers.data.task.neededSkills} />
          {helpers.data.items.length === 0 ? <Text c="dimmed">{t('manpower.helpers.none')}</Text> : null}
          {helpers.data.items.map((h) => (
            <Paper withBorder p="sm" radius="md" key={h.party.id}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={4} style={{ minWidth: 0 }}>
                  <Group gap={6} wrap="wrap">
                    <Text fw={600}>{h.party.name}</Text>
                    <PillarBadge pillar={h.party.pillar} />
                  </Group>
                  <SkillBadges skills={h.skills} free={h.freeSkills} highlight={h.matchedSkills} />
                  <Text size="sm">
                    {h.village ?? '—'}
                    {h.sameVillage ? ` · ${t('manpower.helpers.sameVillage')}` : ''}
                    {h.available ? ` · ${t('manpower.helpers.available')}` : ''}
                  </Text>
                </Stack>
                <Button
                  size="compact-sm"
                  variant="light"
                  loading={save.isPending && save.variables?.assigneePartyId === h.party.id}
                  onClick={() =>
                    save.mutate(
                      { assigneePartyId: h.party.id },
                      { onSuccess: () => notifications.show({ color: 'teal', message: t('manpower.helpers.assigned', { name: h.party.name }) }) },
                    )
                  }
                >
                  {t('manpower.helpers.assign')}
                </Button>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Drawer>
  );
}

export default function TasksPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const [status, setStatus] = useState<TaskStatus | null>(null);
  const [mine, setMine] = useState(false);
  const [page, setPage] = useState(1);
  const tasks = useTasks(slug, { status: status ?? undefined, mine: mine || undefined, page, pageSize: PAGE_SIZE });
  const [editing, setEditing] = useState<Task | null | 'new'>(null);
  const [helpFor, setHelpFor] = useState<string | null>(null);
  const actions = (k: Task) =>
    can.editTask ? (
      <Group gap={6} wrap="nowrap">
        <Button
          size="compact-sm"
          variant="light"
          leftSection={<IconUsersGroup size={14} aria-hidden />}
          onClick={() => setHelpFor(k.id)}
          data-testid="who-can-help"
        >
          {t('manpower.helpers.button')}
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconPencil size={14} aria-hidden />}
          onClick={() => setEditing(k)}
          aria-label={t('manpower.tasks.editOne', { title: k.title })}
        >
          {t('common.edit')}
        </Button>
      </Group>
    ) : null;
  return (
    <ListPage
      title={t('manpower.tasks.title')}
      subtitle={t('manpower.tasks.subtitle')}
      actions={
        can.editTask ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')} data-testid="task-new">
            {t('manpower.tasks.new')}
          </Button>
        ) : null
      }
      above={<ManpowerTabs />}
      filters={
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select
            label={t('manpower.tasks.status')}
            data={TASK_STATUSES.map((s) => ({ value: s, label: t(`manpower.taskStatus.${s}`) }))}
            value={status}
            onChange={(v) => {
              setStatus(v as TaskStatus | null);
              setPage(1);
            }}
            clearable
            w={180}
            comboboxProps={{ withinPortal: true }}
          />
          <Button variant={mine ? 'filled' : 'default'} onClick={() => setMine((m) => !m)} aria-pressed={mine}>
            {t('manpower.tasks.mine')}
          </Button>
        </Group>
      }
      query={tasks}
      paging={{ page, onPage: setPage }}
      pageSize={PAGE_SIZE}
      rowKey={(k) => k.id}
      caption={t('manpower.tasks.title')}
      testId="tasks-list"
      columns={[
        { key: 'title', header: t('manpower.tasks.titleField'), primary: true, render: (k) => k.title },
        {
          key: 'activity',
          header: t('manpower.log.activity'),
          render: (k) => (
            <>
              {k.activity.name}
              <Text size="xs" c="dimmed">
                {k.activity.planName}
              </Text>
            </>
          ),
        },
        { key: 'who', header: t('manpower.tasks.assignedTo'), render: (k) => [k.team?.name, k.assignee?.name].filter(Boolean).join(' · ') || '—' },
        { key: 'due', header: t('manpower.tasks.due'), nowrap: true, render: (k) => (k.dueDate ? formatDate(k.dueDate, lang) : '—') },
        { key: 'skills', header: t('manpower.tasks.neededSkills'), render: (k) => <SkillBadges skills={k.neededSkills} /> },
        { key: 'status', header: t('manpower.tasks.status'), render: (k) => <TaskStatusBadge status={k.status} overdue={k.overdue} /> },
        { key: 'actions', header: t('common.actions'), hideOnCard: true, render: actions },
      ]}
      cardActions={actions}
    >
      <TaskModal opened={editing !== null} onClose={() => setEditing(null)} task={editing === 'new' ? null : editing} />
      <HelpersDrawer taskId={helpFor} onClose={() => setHelpFor(null)} />
    </ListPage>
  );
}
