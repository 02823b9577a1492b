import { Badge, Button, Card, Group, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE, type Attendance as Status, type MeetingDetail } from '../../../../common/schemas/committees';
import { useTenant } from '../../context/tenant';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { errorWithoutFields, showServerFieldErrors } from '../../ui/serverErrors';
import { useCommitteeWrite } from './api';
import './i18n';

/** The chosen status shows in colour, so a glance down the list on a phone tells who is marked what. */
const STATUS_COLOR: Record<Status, string> = { present: 'teal', absent: 'red', leave: 'yellow', substitute: 'blue' };

type Entry = { memberId: string; status: Status; substituteName: string | null };

/** Attendance on a phone: one card per member in office with big status buttons; the quorum updates on save. */
export function AttendanceCard({ meeting, editable }: { meeting: MeetingDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const save = useCommitteeWrite<{ entries: Entry[] }, MeetingDetail>(slug, 'PUT', () => `/meetings/${meeting.id}/attendance`);
  const [entries, setEntries] = useState<Record<string, Entry>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    setEntries(
      Object.fromEntries(
        meeting.attendance.filter((a) => a.status).map((a) => [a.memberId, { memberId: a.memberId, status: a.status!, substituteName: a.substituteName }]),
      ),
    );
  }, [meeting]);
  const q = meeting.quorum;
  const setStatus = (memberId: string, status: Status) =>
    setEntries((e) => ({ ...e, [memberId]: { memberId, status, substituteName: e[memberId]?.substituteName ?? null } }));
  const list = Object.values(entries);
  function submit() {
    setErrors({});
    save.mutate(
      { entries: list },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: t('meeting.attendanceSaved') }),
        onError: (err) => showServerFieldErrors(setErrors, err),
      },
    );
  }
  return (
    <Card withBorder radius="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {t('meeting.attendance')}
        </Title>
        <Badge color={q.met ? 'teal' : 'red'} variant="light" size="lg" data-testid="quorum-badge">
          {q.met ? t('meeting.quorumMet') : t('meeting.quorumNotMet')}
        </Badge>
      </Group>
      <Text size="sm" mb="sm" data-testid="quorum-text">
        {t('meeting.quorum', { present: q.present, inOffice: q.inOffice, required: q.required })}
      </Text>
      {meeting.attendance.length === 0 ? <Text c="dimmed">{t('meeting.noMembersOnDate')}</Text> : null}
      <Stack gap="sm" data-testid="attendance-list">
        {meeting.attendance.map((a, i) => {
          const entry = entries[a.memberId];
          const index = list.findIndex((x) => x.memberId === a.memberId);
          return (
            <Card key={a.memberId} withBorder padding="sm" radius="sm">
              <Text fw={600}>{a.party.name}</Text>
              <Text size="sm" c="dimmed" mb={6}>
                {t(`committees.positions.${a.position}`)}
              </Text>
              <SegmentedControl
                fullWidth
                disabled={!editable}
                value={entry?.status ?? ''}
                color={entry ? STATUS_COLOR[entry.status] : undefined}
                onChange={(s) => setStatus(a.memberId, s as Status)}
                data={ATTENDANCE.map((s) => ({ value: s, label: t(`meeting.status.${s}`) }))}
                aria-label={a.party.name}
                data-testid={`attendance-${i}`}
              />
              {entry?.status === 'substitute' ? (
                <TextInput
                  mt="xs"
                  label={t('meeting.substituteName', { name: a.party.name })}
                  value={entry.substituteName ?? ''}
                  onChange={(e) => {
                    const name = e.currentTarget.value;
                    setEntries((x) => ({ ...x, [a.memberId]: { ...entry, substituteName: name || null } }));
                  }}
                  error={errors[`entries.${index}.substituteName`]}
                  disabled={!editable}
                />
              ) : null}
              {errors[`entries.${index}.memberId`] ? (
                <Text c="red" size="sm">
                  {errors[`entries.${index}.memberId`]}
                </Text>
              ) : null}
            </Card>
          );
        })}
      </Stack>
      {editable && meeting.attendance.length ? (
        <Group mt="md" justify="flex-end">
          <Button variant="default" onClick={() => meeting.attendance.forEach((a) => setStatus(a.memberId, 'present'))}>
            {t('meeting.allPresent')}
          </Button>
          <Button onClick={submit} loading={save.isPending} disabled={!list.length} data-testid="attendance-save">
            {t('meeting.saveAttendance')}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={errorWithoutFields(save.error)} />
    </Card>
  );
}
