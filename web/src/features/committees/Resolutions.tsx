import { Badge, Button, Card, Group, NumberInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconGavel, IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RESOLUTION_ACTIONS, type MeetingDetail, type Resolution, type ResolutionAction } from '../../../../common/schemas/committees';
import type { RegulationDetail } from '../../../../common/schemas/regulations';
import { api, tenantPath } from '../../api/client';
import { useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { closeAfterSave, FormModal, useModalDraft } from '../../ui/FormModal';

import { errorWithoutFields } from '../../ui/serverErrors';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { useLines } from '../budget';
import { PersonSelect, useActivityOptions } from '../manpower';
import { usePlans } from '../plans';
import { useRegulations } from '../regulations';
import { useAdoption, useCommitteeRights, useCommitteeWrite } from './api';
import '../manpower/i18n';

export function ResolutionsCard({ meeting, editable }: { meeting: MeetingDetail; editable: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const [recording, setRecording] = useState(false);
  const [assigning, setAssigning] = useState<Resolution | null>(null);
  const remove = useCommitteeWrite<string, MeetingDetail>(slug, 'DELETE', (id) => `/resolutions/${id}`);
  const itemTitle = (id: string | null) => meeting.agenda.find((a) => a.id === id)?.title;
  return (
    <Card withBorder radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('resolution.title')}
        </Title>
        {editable ? (
          <Button size="xs" leftSection={<IconGavel size={14} aria-hidden />} onClick={() => setRecording(true)} data-testid="resolution-new">
            {t('resolution.add')}
          </Button>
        ) : null}
      </Group>
      {meeting.resolutions.length === 0 ? <Text c="dimmed">{t('resolution.noneYet')}</Text> : null}
      <Stack gap="sm" data-testid="resolutions">
        {meeting.resolutions.map((r) => (
          <Card key={r.id} withBorder padding="sm" radius="sm" data-testid="resolution">
            <Group gap="xs" mb={4}>
              <Text fw={700}>{t('resolution.number', { number: r.number })}</Text>
              <Badge color={r.passed ? 'teal' : 'red'} variant="light">
                {r.passed ? t('resolution.passed') : t('resolution.notPassed')}
              </Badge>
              {itemTitle(r.agendaItemId) ? (
                <Text size="sm" c="dimmed">
                  {itemTitle(r.agendaItemId)}
                </Text>
              ) : null}
            </Group>
            <Text>{r.text}</Text>
            <Text size="sm" c="dimmed">
              {t('resolution.votes', { for: r.votesFor, against: r.votesAgainst, abstain: r.votesAbstain })}
            </Text>
            {r.target ? (
              <Text size="sm" fw={600} data-testid="resolution-target">
                {t(`resolution.target.${r.target.kind}`, { name: r.target.name })}
              </Text>
            ) : null}
            {r.revokedBy ? (
              <Text size="sm" c="red.8">
                {t('resolution.revokedBy', { label: r.revokedBy.label })}
              </Text>
            ) : null}
            {r.actionItems.length ? (
              <Stack gap={2} mt={6}>
                <Text size="sm" fw={600}>
                  {t('resolution.actionItems')}
                </Text>
                {r.actionItems.map((a) => (
                  <Text key={a.id} size="sm" data-testid="action-item">
                    • {a.title} — {a.owner.name}, {t('resolution.dueDate')} {formatDate(a.dueDate, lang)}
                    {a.taskStatus ? ` (${t('resolution.task', { status: t(`manpower.taskStatus.${a.taskStatus}`) })})` : ''}
                  </Text>
                ))}
              </Stack>
            ) : null}
            {editable ? (
              <Group gap="xs" mt="xs">
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconListCheck size={14} aria-hidden />}
                  onClick={() => setAssigning(r)}
                  data-testid="action-item-new"
                >
                  {t('resolution.addActionItem')}
                </Button>
                {r.action === 'none' ? (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    onClick={() => remove.mutate(r.id)}
                    loading={remove.isPending && remove.variables === r.id}
                  >
                    {t('resolution.delete')}
                  </Button>
                ) : null}
              </Group>
            ) : null}
          </Card>
        ))}
      </Stack>
      <ErrorAlert error={remove.error} />
      <ResolutionModal opened={recording} onClose={() => setRecording(false)} meeting={meeting} />
      <ActionItemModal resolution={assigning} onClose={() => setAssigning(null)} />
    </Card>
  );
}

interface Body {
  agendaItemId: string | null;
  text: string;
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
  action: ResolutionAction;
  planId: string | null;
  budgetLineId: string | null;
  revokesResolutionId: string | null;
  regulationVersionId: string | null;
}

function ResolutionModal({ opened, onClose, meeting }: { opened: boolean; onClose: () => void; meeting: MeetingDetail }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const rights = useCommitteeRights();
  const save = useCommitteeWrite<Body, MeetingDetail>(slug, 'POST', () => `/meetings/${meeting.id}/resolutions`);
  const empty: Body = {
    agendaItemId: null,
    text: '',
    votesFor: meeting.quorum.present,
    votesAgainst: 0,
    votesAbstain: 0,
    action: 'none',
    planId: null,
    budgetLineId: null,
    revokesResolutionId: null,
    regulationVersionId: null,
  };
  const { v, set, errors, setErrors } = useModalDraft<Body>(opened, () => empty);
  const [regulationId, setRegulationId] = useState<string | null>(null);
  const regulations = useRegulations(slug);
  const regulation = useQuery({
    queryKey: ['t', slug, 'regulations', 'detail', regulationId],
    queryFn: ({ signal }) => api<RegulationDetail>(tenantPath(slug, `/regulations/${regulationId}`), { signal }),
    enabled: !!regulationId && v.action === 'adopt_regulation_version',
  });
  const [revokeKind, setRevokeKind] = useState<'plan' | 'budget_line'>('plan');
  const plans = usePlans(slug, { pageSize: 100 });
  const lines = useLines(slug, { pageSize: 200 });
  const revoking = v.action === 'revoke';
  const adoption = useAdoption(slug, revokeKind === 'plan' ? { planId: v.planId ?? undefined } : { budgetLineId: v.budgetLineId ?? undefined });
  const revokeTarget = revoking && (v.planId || v.budgetLineId) ? adoption.data?.adoptedBy : null;
  const showPlan = v.action === 'adopt_plan' || (revoking && revokeKind === 'plan');
  const showLine = v.action === 'approve_budget_line' || (revoking && revokeKind === 'budget_line');

  function submit() {
    if (!v.text.trim()) return setErrors({ text: t('validation.required') });
    const body: Body = {
      ...v,
      planId: v.action === 'adopt_plan' ? v.planId : null,
      budgetLineId: v.action === 'approve_budget_line' ? v.budgetLineId : null,
      regulationVersionId: v.action === 'adopt_regulation_version' ? v.regulationVersionId : null,
      revokesResolutionId: revoking ? (revokeTarget?.id ?? null) : null,
    };
    save.mutate(body, closeAfterSave({ done: t('resolution.saved'), onClose, setErrors }));
  }
  const num = (k: 'votesFor' | 'votesAgainst' | 'votesAbstain') => (
    <NumberInput
      label={t(`resolution.${k}`)}
      value={v[k]}
      onChange={(n) => set(k, typeof n === 'number' ? n : 0)}
      min={0}
      allowDecimal={false}
      error={errors[k]}
      data-testid={`resolution-${k}`}
    />
  );
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('resolution.add')}
      size="lg"
      fullScreen={!desktop}
      onSubmit={submit}
      saving={save.isPending}
      error={errorWithoutFields(save.error)}
      submitTestId="resolution-save"
    >
      <Select
        label={t('resolution.agendaItem')}
        data={meeting.agenda.map((a) => ({ value: a.id, label: `${a.section}. ${a.title}` }))}
        value={v.agendaItemId}
        onChange={(id) => set('agendaItemId', id)}
        clearable
        clearButtonProps={{ 'aria-label': t('common.clearSelection') }}
        error={errors.agendaItemId}
      />
      <Textarea
        label={t('resolution.text')}
        value={v.text}
        onChange={(e) => set('text', e.currentTarget.value)}
        required
        autosize
        minRows={2}
        error={errors.text}
        data-testid="resolution-text"
      />
      <Group grow align="flex-start">
        {num('votesFor')}
        {num('votesAgainst')}
        {num('votesAbstain')}
      </Group>
      <Select
        label={t('resolution.action.label')}
        data={RESOLUTION_ACTIONS.filter((a) => a === 'none' || rights.act).map((a) => ({ value: a, label: t(`resolution.action.${a}`) }))}
        value={v.action}
        onChange={(a) => a && set('action', a as ResolutionAction)}
        allowDeselect={false}
        data-testid="resolution-action"
      />
      {revoking ? (
        <Select
          label={t('resolution.revokes')}
          data={[
            { value: 'plan', label: t('resolution.plan') },
            { value: 'budget_line', label: t('resolution.budgetLine') },
          ]}
          value={revokeKind}
          onChange={(k) => k && setRevokeKind(k as 'plan' | 'budget_line')}
          allowDeselect={false}
        />
      ) : null}
      {showPlan ? (
        <Select
          label={t('resolution.plan')}
          searchable
          data={(plans.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} (${p.fiscalYear})` }))}
          value={v.planId}
          onChange={(id) => set('planId', id)}
          error={errors.planId}
          data-testid="resolution-plan"
        />
      ) : null}
      {showLine ? (
        <Select
          label={t('resolution.budgetLine')}
          searchable
          data={(lines.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name} — ${l.plan.name}` }))}
          value={v.budgetLineId}
          onChange={(id) => set('budgetLineId', id)}
          error={errors.budgetLineId}
        />
      ) : null}
      {v.action === 'adopt_regulation_version' ? (
        <>
          <Select
            label={t('resolution.regulation')}
            data={(regulations.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
            value={regulationId}
            onChange={(id) => {
              setRegulationId(id);
              set('regulationVersionId', null);
            }}
            data-testid="resolution-regulation"
          />
          <Select
            label={t('resolution.regulationVersion')}
            data={(regulation.data?.versions ?? [])
              .filter((x) => x.status === 'draft')
              .map((x) => ({ value: x.id, label: t('resolution.regulationVersionN', { n: x.number, title: x.title }) }))}
            value={v.regulationVersionId}
            onChange={(id) => set('regulationVersionId', id)}
            error={errors.regulationVersionId}
            data-testid="resolution-regulation-version"
          />
        </>
      ) : null}
      {revoking ? (
        <Text size="sm" c={revokeTarget ? undefined : 'dimmed'}>
          {revokeTarget ? revokeTarget.label : t('resolution.notAdopted')}
        </Text>
      ) : null}
      {errors.revokesResolutionId ? (
        <Text c="red" size="sm">
          {errors.revokesResolutionId}
        </Text>
      ) : null}
    </FormModal>
  );
}

function ActionItemModal({ resolution, onClose }: { resolution: Resolution | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  type Body = { title: string; ownerPartyId: string | null; dueDate: string | null; activityId: string | null };
  const save = useCommitteeWrite<Body, MeetingDetail>(slug, 'POST', () => `/resolutions/${resolution?.id}/action-items`);
  const { v, set, errors, setErrors } = useModalDraft<Body>(!!resolution, () => ({ title: '', ownerPartyId: null, dueDate: null, activityId: null }), [
    resolution,
  ]);
  const [search, setSearch] = useState('');
  const acts = useActivityOptions(slug, search, !!resolution);
  function submit() {
    save.mutate(v, closeAfterSave({ done: t('resolution.actionSaved'), onClose, setErrors }));
  }
  return (
    <FormModal
      opened={!!resolution}
      onClose={onClose}
      title={t('resolution.addActionItem')}
      fullScreen={!desktop}
      onSubmit={submit}
      saving={save.isPending}
      error={errorWithoutFields(save.error)}
      submitTestId="action-save"
    >
      <TextInput
        label={t('resolution.actionTitle')}
        value={v.title}
        onChange={(e) => set('title', e.currentTarget.value)}
        required
        error={errors.title}
        maxLength={300}
        data-testid="action-title"
      />
      <PersonSelect
        label={t('resolution.owner')}
        value={v.ownerPartyId}
        onChange={(id) => set('ownerPartyId', id)}
        error={errors.ownerPartyId}
        required
        testId="action-owner"
      />
      <DateField
        label={t('resolution.dueDate')}
        value={v.dueDate}
        onChange={(d) => set('dueDate', d)}
        error={errors.dueDate}
        required
        data-testid="action-due"
      />
      <Select
        label={t('resolution.activity')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        data={(acts.data?.items ?? []).map((a) => ({ value: a.id, label: `${a.name} — ${a.planName}` }))}
        value={v.activityId}
        onChange={(id) => set('activityId', id)}
        error={errors.activityId}
        required
        data-testid="action-activity"
      />
    </FormModal>
  );
}

/** On a plan's (or budget line's) page: which resolution adopted it. */
export function AdoptedBy({ planId, budgetLineId }: { planId?: string; budgetLineId?: string }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const q = useAdoption(slug, { planId, budgetLineId });
  if (!q.data) return null;
  const a = q.data.adoptedBy;
  return (
    <Text size="sm" c={a ? undefined : 'dimmed'} data-testid="adopted-by">
      {a ? t(planId ? 'resolution.adoptedBy' : 'resolution.approvedBy', { label: a.label }) : t('resolution.notAdopted')}
    </Text>
  );
}
