import { Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarPlus, IconEdit, IconUserPlus } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POSITIONS, type CommitteeDetail, type CommitteeMember, type MeetingDetail } from '../../../../common/schemas/committees';
import { useTenant } from '../../context/tenant';
import { DataView } from '../../ui/DataView';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIso } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { errorWithoutFields } from '../../ui/serverErrors';
import { closeAfterSave, FormModal, useModalDraft } from '../../ui/FormModal';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { PartySelect } from '../partners';
import { useCommittee, useCommitteeRights, useCommitteeWrite } from './api';
import { CommitteeModal } from './CommitteeModal';
import { MinutesBadge, OrderFields } from './parts';
import './i18n';

export default function CommitteePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const { id } = useParams({ from: '/t/$tenant/committees/$id' });
  const rights = useCommitteeRights();
  const q = useCommittee(slug, id);
  const [editing, setEditing] = useState(false);
  const [appointing, setAppointing] = useState(false);
  const [scheduling, setScheduling] = useState(false);
  const endTerm = useCommitteeWrite<CommitteeMember, CommitteeMember>(
    slug,
    'PATCH',
    (m) => `/committees/${id}/members/${m.id}`,
    () => ({ endDate: todayIso() }),
  );
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const c = q.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={c.name}
        subtitle={
          <>
            {t(`committees.kind.${c.kind}`)}
            {c.orderNumber ? ` · ${t('committees.order', { number: c.orderNumber, date: formatDate(c.orderDate, lang, 'long') })}` : ''} ·{' '}
            {c.quorumPercent ? t('committees.quorumRule', { percent: c.quorumPercent }) : t('committees.quorumDefault')}
          </>
        }
        badges={c.networks.map((n) => (
          <Badge key={n.id} variant="light" color="grape" style={{ textTransform: 'none' }}>
            {n.name}
          </Badge>
        ))}
        actions={
          <>
            {rights.runMeetings ? (
              <Button leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setScheduling(true)} data-testid="meeting-new">
                {t('meeting.new')}
              </Button>
            ) : null}
            {rights.manage ? (
              <Button variant="default" leftSection={<IconEdit size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
            ) : null}
          </>
        }
      />
      {c.purpose ? <Text>{c.purpose}</Text> : null}

      <Card withBorder radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('committees.members')}
          </Title>
          {rights.manage ? (
            <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={() => setAppointing(true)} data-testid="member-add">
              {t('committees.addMember')}
            </Button>
          ) : null}
        </Group>
        <DataView
          rows={c.members}
          rowKey={(m) => m.id}
          caption={t('committees.members')}
          empty={t('committees.noMembers')}
          testId="committee-members"
          columns={[
            { key: 'name', header: t('committees.member'), primary: true, render: (m) => m.party.name },
            { key: 'position', header: t('committees.position'), render: (m) => t(`committees.positions.${m.position}`) },
            { key: 'term', header: t('committees.term'), render: (m) => `${formatDate(m.startDate, lang)} – ${m.endDate ? formatDate(m.endDate, lang) : ''}` },
            {
              key: 'status',
              header: t('committees.inOffice'),
              render: (m) => (
                <Badge color={m.inOffice ? 'teal' : 'gray'} variant="light">
                  {m.inOffice ? t('committees.inOffice') : t('committees.outOfOffice')}
                </Badge>
              ),
            },
            {
              key: 'actions',
              header: t('common.actions'),
              render: (m) =>
                rights.manage && m.inOffice && !m.endDate ? (
                  <Button size="compact-xs" variant="subtle" onClick={() => endTerm.mutate(m)} loading={endTerm.isPending && endTerm.variables?.id === m.id}>
                    {t('committees.endTerm')}
                  </Button>
                ) : null,
            },
          ]}
        />
        <ErrorAlert error={endTerm.error} />
      </Card>

      <Card withBorder radius="md">
        <Title order={2} size="h4" mb="sm">
          {t('committees.meetings')}
        </Title>
        <DataView
          rows={c.meetings}
          rowKey={(m) => m.id}
          caption={t('committees.meetings')}
          empty={t('committees.noMeetings')}
          testId="committee-meetings"
          columns={[
            {
              key: 'number',
              header: t('meeting.itemTitle'),
              primary: true,
              render: (m) => (
                <AnchorLink to="/t/$tenant/meetings/$id" params={{ tenant: slug, id: m.id }}>
                  {t('meeting.numberLabel', { number: m.number, year: m.yearBE })}
                </AnchorLink>
              ),
            },
            { key: 'date', header: t('meeting.date'), render: (m) => `${formatDate(m.meetingDate, lang)} ${m.startTime}` },
            { key: 'place', header: t('meeting.place'), render: (m) => m.place },
            { key: 'minutes', header: t('meeting.minutes'), render: (m) => <MinutesBadge status={m.minutesStatus} /> },
            { key: 'res', header: t('meeting.resolutionCount'), align: 'right', render: (m) => m.resolutionCount },
          ]}
        />
      </Card>
      <CommitteeModal opened={editing} onClose={() => setEditing(false)} committee={c} />
      <MemberModal opened={appointing} onClose={() => setAppointing(false)} committee={c} />
      <MeetingModal opened={scheduling} onClose={() => setScheduling(false)} committee={c} />
    </Stack>
  );
}

function MemberModal({ opened, onClose, committee }: { opened: boolean; onClose: () => void; committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  type Body = {
    partyId: string | null;
    position: string;
    startDate: string | null;
    endDate: string | null;
    orderNumber: string | null;
    orderDate: string | null;
  };
  const save = useCommitteeWrite<Body, CommitteeMember>(slug, 'POST', () => `/committees/${committee.id}/members`);
  const { v, set, errors, setErrors } = useModalDraft<Body>(
    opened,
    () => ({
      partyId: null,
      position: 'member',
      startDate: committee.orderDate ?? todayIso(),
      endDate: null,
      orderNumber: committee.orderNumber,
      orderDate: committee.orderDate,
    }),
    [committee],
    save,
  );
  function submit() {
    if (!v.partyId) return setErrors({ partyId: t('validation.required') });
    save.mutate(v, closeAfterSave({ done: t('committees.memberSaved'), onClose, setErrors }));
  }
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('committees.addMember')}
      fullScreen={!desktop}
      onSubmit={submit}
      saving={save.isPending}
      error={errorWithoutFields(save.error)}
      submitTestId="member-save"
    >
      <PartySelect
        label={t('committees.member')}
        value={v.partyId}
        onChange={(pid) => set('partyId', pid)}
        error={errors.partyId}
        required
        testId="member-party"
      />
      <Select
        label={t('committees.position')}
        data={POSITIONS.map((p) => ({ value: p, label: t(`committees.positions.${p}`) }))}
        value={v.position}
        onChange={(p) => p && set('position', p)}
        allowDeselect={false}
        data-testid="member-position"
      />
      <Group grow align="flex-start">
        <DateField
          label={t('committees.startDate')}
          value={v.startDate}
          onChange={(d) => set('startDate', d)}
          error={errors.startDate}
          required
          clearable={false}
        />
        <DateField label={t('committees.endDate')} value={v.endDate} onChange={(d) => set('endDate', d)} error={errors.endDate} />
      </Group>
      <OrderFields v={v} set={set} errors={errors} />
    </FormModal>
  );
}

function MeetingModal({ opened, onClose, committee }: { opened: boolean; onClose: () => void; committee: CommitteeDetail }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const navigate = useNavigate();
  type Body = { committeeId: string; meetingDate: string | null; startTime: string; endTime: string | null; place: string };
  const save = useCommitteeWrite<Body, MeetingDetail>(slug, 'POST', () => '/meetings');
  const { v, set, errors, setErrors } = useModalDraft<Body>(
    opened,
    () => ({ committeeId: committee.id, meetingDate: todayIso(), startTime: '09:30', endTime: '12:00', place: committee.meetings[0]?.place ?? '' }),
    [committee],
  );
  function submit() {
    if (!v.place.trim() || !v.meetingDate)
      return setErrors({ ...(v.place.trim() ? {} : { place: t('validation.required') }), ...(v.meetingDate ? {} : { meetingDate: t('validation.required') }) });
    save.mutate(
      { ...v, endTime: v.endTime || null },
      closeAfterSave({
        done: t('meeting.created'),
        then: (m: MeetingDetail) => void navigate({ to: '/t/$tenant/meetings/$id', params: { tenant: slug, id: m.id } }),
        onClose,
        setErrors,
      }),
    );
  }
  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('meeting.newTitle')}
      fullScreen={!desktop}
      onSubmit={submit}
      saving={save.isPending}
      error={errorWithoutFields(save.error)}
      submitTestId="meeting-save"
    >
      <DateField
        label={t('meeting.date')}
        value={v.meetingDate}
        onChange={(d) => set('meetingDate', d)}
        error={errors.meetingDate}
        required
        clearable={false}
        data-testid="meeting-date"
      />
      <Group grow align="flex-start">
        <TextInput
          type="time"
          label={t('meeting.startTime')}
          value={v.startTime}
          onChange={(e) => set('startTime', e.currentTarget.value)}
          error={errors.startTime}
          required
        />
        <TextInput
          type="time"
          label={t('meeting.endTime')}
          value={v.endTime ?? ''}
          onChange={(e) => set('endTime', e.currentTarget.value || null)}
          error={errors.endTime}
        />
      </Group>
      <TextInput
        label={t('meeting.place')}
        value={v.place}
        onChange={(e) => set('place', e.currentTarget.value)}
        error={errors.place}
        required
        maxLength={500}
        data-testid="meeting-place"
      />
    </FormModal>
  );
}
