import { ActionIcon, Alert, Anchor, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconFileTypePdf, IconPlus, IconTrash } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeetingDetail } from '../../../../common/schemas/committees';
import { ApiError, apiUrl, tenantPath } from '../../api/client';
import { useTenant } from '../../context/tenant';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { errorWithoutFields, showServerFieldErrors } from '../../ui/serverErrors';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useCommitteeRights, useCommitteeWrite, useMeeting } from './api';
import { AttendanceCard } from './Attendance';
import { MinutesBadge } from './parts';
import { ResolutionsCard } from './Resolutions';
import './i18n';

export default function MeetingPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const { id } = useParams({ from: '/t/$tenant/meetings/$id' });
  const rights = useCommitteeRights();
  const q = useMeeting(slug, id);
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const m = q.data;
  const editable = rights.runMeetings && m.minutesStatus !== 'certified';
  const file = (name: string, query?: Record<string, string>) => apiUrl(tenantPath(slug, `/meetings/${m.id}/${name}`), query);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('meeting.title', { committee: m.committeeName, number: m.number, year: m.yearBE })}
        subtitle={
          <>
            {formatDate(m.meetingDate, lang, 'long')} ·{' '}
            {m.endTime ? t('meeting.timeRange', { start: m.startTime, end: m.endTime }) : t('meeting.time', { start: m.startTime })} · {m.place}
          </>
        }
        badges={
          <>
            <MinutesBadge status={m.minutesStatus} />
            <AnchorLink to="/t/$tenant/committees/$id" params={{ tenant: slug, id: m.committeeId }} size="sm">
              {m.committeeName}
            </AnchorLink>
          </>
        }
        actions={
          <>
            <Button
              component="a"
              href={file('invitation.ics')}
              download
              variant="default"
              leftSection={<IconCalendarEvent size={16} aria-hidden />}
              data-testid="meeting-ics"
            >
              {t('meeting.ics')}
            </Button>
            <Button
              component="a"
              href={file('minutes.pdf')}
              target="_blank"
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
              data-testid="meeting-pdf"
            >
              {t('meeting.pdf')}
            </Button>
            <Anchor href={file('minutes.pdf', { thaiDigits: 'true' })} target="_blank" size="sm">
              {t('meeting.pdfThai')}
            </Anchor>
          </>
        }
      />
      {m.certifiedBy ? (
        <Alert color="teal" variant="light">
          {t('meeting.frozen')} — {t('meeting.certifiedBy', { number: m.certifiedBy.number, year: m.certifiedBy.yearBE })}
          {m.certificationCorrections ? ` · ${t('meeting.corrections')}: ${m.certificationCorrections}` : ''}
        </Alert>
      ) : null}
      <AgendaCard meeting={m} editable={editable} />
      <AttendanceCard meeting={m} editable={editable} />
      <ResolutionsCard meeting={m} editable={editable} />
      <MinutesCard meeting={m} editable={editable} canCertify={rights.runMeetings} />
    </Stack>
  );
}

function AgendaCard({ meeting, editable }: { meeting: MeetingDetail; editable: boolean }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const add = useCommitteeWrite<{ section: number; title: string }, MeetingDetail>(slug, 'POST', () => `/meetings/${meeting.id}/agenda`);
  const remove = useCommitteeWrite<string, MeetingDetail>(slug, 'DELETE', (itemId) => `/meetings/${meeting.id}/agenda/${itemId}`);
  const [section, setSection] = useState('4');
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();
  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!title.trim()) return setError(t('validation.required'));
    add.mutate(
      { section: Number(section), title: title.trim() },
      { onSuccess: () => (setTitle(''), setError(undefined)), onError: (err) => err instanceof ApiError && setError(err.fields.title ?? err.fields.section) },
    );
  }
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4" mb="sm">
        {t('meeting.agenda')}
      </Title>
      <Stack gap="xs" data-testid="agenda">
        {[1, 2, 3, 4, 5].map((s) => {
          const items = meeting.agenda.filter((a) => a.section === s);
          return (
            <div key={s}>
              <Text fw={600}>{t(`meeting.sections.${s}`)}</Text>
              {items.length === 0 ? (
                <Text size="sm" c="dimmed" pl="md">
                  {t('meeting.noItems')}
                </Text>
              ) : null}
              {items.map((a, i) => (
                <Group key={a.id} gap="xs" pl="md" wrap="nowrap">
                  <Text size="sm" style={{ flex: 1 }}>
                    {s}.{i + 1} {a.title}
                  </Text>
                  {editable ? (
                    <ActionIcon variant="subtle" color="red" aria-label={t('meeting.removeItem', { title: a.title })} onClick={() => remove.mutate(a.id)}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  ) : null}
                </Group>
              ))}
            </div>
          );
        })}
      </Stack>
      {editable ? (
        <form onSubmit={submit} noValidate>
          <Group mt="md" align="flex-end" wrap="wrap">
            <Select
              label={t('meeting.itemSection')}
              data={[1, 2, 3, 4, 5].map((s) => ({ value: String(s), label: t(`meeting.sections.${s}`) }))}
              value={section}
              onChange={(s) => s && setSection(s)}
              allowDeselect={false}
              w={{ base: '100%', sm: 320 }}
            />
            <TextInput
              label={t('meeting.itemTitle')}
              value={title}
              onChange={(e) => setTitle(e.currentTarget.value)}
              error={error}
              style={{ flex: 1, minWidth: 200 }}
              data-testid="agenda-title"
            />
            <Button type="submit" leftSection={<IconPlus size={16} aria-hidden />} loading={add.isPending} data-testid="agenda-add">
              {t('meeting.addItem')}
            </Button>
          </Group>
        </form>
      ) : null}
      <ErrorAlert error={remove.error} />
    </Card>
  );
}

/** Certifying earlier minutes happens at this meeting even once its own minutes are certified, hence `canCertify`. */
function MinutesCard({ meeting, editable, canCertify }: { meeting: MeetingDetail; editable: boolean; canCertify: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const save = useCommitteeWrite<{ recorder: string | null; checker: string | null; items: { id: string; discussion: string | null }[] }, MeetingDetail>(
    slug,
    'PUT',
    () => `/meetings/${meeting.id}/minutes`,
  );
  const certify = useCommitteeWrite<{ minutesOfMeetingId: string; corrections: string | null }, MeetingDetail>(
    slug,
    'POST',
    () => `/meetings/${meeting.id}/certify-minutes`,
  );
  const [recorder, setRecorder] = useState('');
  const [checker, setChecker] = useState('');
  const [text, setText] = useState<Record<string, string>>({});
  const [target, setTarget] = useState<string | null>(null);
  const [corrections, setCorrections] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    setRecorder(meeting.minutesRecorder ?? '');
    setChecker(meeting.minutesChecker ?? '');
    setText(Object.fromEntries(meeting.agenda.map((a) => [a.id, a.discussion ?? ''])));
    setTarget(meeting.minutesToCertify[0]?.id ?? null);
  }, [meeting]);
  const fail = (err: Error) => showServerFieldErrors(setErrors, err);
  return (
    <Card withBorder radius="md">
      <Title order={2} size="h4" mb="sm">
        {t('meeting.minutes')}
      </Title>
      <Stack>
        {meeting.agenda.map((a) => (
          <Textarea
            key={a.id}
            label={t('meeting.discussion', { title: `${a.section}. ${a.title}` })}
            value={text[a.id] ?? ''}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setText((x) => ({ ...x, [a.id]: v }));
            }}
            autosize
            minRows={2}
            readOnly={!editable}
          />
        ))}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('meeting.recorder')} value={recorder} onChange={(e) => setRecorder(e.currentTarget.value)} readOnly={!editable} />
          <TextInput label={t('meeting.checker')} value={checker} onChange={(e) => setChecker(e.currentTarget.value)} readOnly={!editable} />
        </SimpleGrid>
        {errors.minutes ? <Text c="red">{errors.minutes}</Text> : null}
        {editable ? (
          <Group justify="flex-end">
            <Button
              loading={save.isPending}
              data-testid="minutes-save"
              onClick={() =>
                save.mutate(
                  { recorder: recorder || null, checker: checker || null, items: meeting.agenda.map((a) => ({ id: a.id, discussion: text[a.id] || null })) },
                  { onSuccess: () => notifications.show({ color: 'teal', message: t('meeting.minutesSaved') }), onError: fail },
                )
              }
            >
              {t('meeting.saveMinutes')}
            </Button>
          </Group>
        ) : null}
        {meeting.certified.length ? (
          <Stack gap={2}>
            <Text fw={600}>{t('meeting.certifiedHere')}</Text>
            {meeting.certified.map((c) => (
              <Text key={c.id} size="sm">
                {t('meeting.numberLabel', { number: c.number, year: c.yearBE })} ({formatDate(c.meetingDate, lang)}) —{' '}
                {c.corrections ?? t('meeting.noCorrections')}
              </Text>
            ))}
          </Stack>
        ) : null}
        {canCertify && meeting.minutesToCertify.length ? (
          <Stack gap="xs">
            <Text fw={600}>{t('meeting.certify')}</Text>
            <Select
              label={t('meeting.certifyWhich')}
              data={meeting.minutesToCertify.map((x) => ({
                value: x.id,
                label: `${t('meeting.numberLabel', { number: x.number, year: x.yearBE })} (${formatDate(x.meetingDate, lang)})`,
              }))}
              value={target}
              onChange={setTarget}
              error={errors.minutesOfMeetingId}
            />
            <Textarea
              label={t('meeting.certifyCorrections')}
              value={corrections}
              onChange={(e) => setCorrections(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group justify="flex-end">
              <Button
                variant="light"
                loading={certify.isPending}
                disabled={!target}
                onClick={() =>
                  target &&
                  certify.mutate(
                    { minutesOfMeetingId: target, corrections: corrections || null },
                    { onSuccess: () => (setCorrections(''), notifications.show({ color: 'teal', message: t('meeting.certifiedDone') })), onError: fail },
                  )
                }
              >
                {t('meeting.certifyButton')}
              </Button>
            </Group>
          </Stack>
        ) : null}
        <ErrorAlert error={errorWithoutFields(save.error)} />
      </Stack>
    </Card>
  );
}
