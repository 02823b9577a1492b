import { Alert, Badge, Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCertificate, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HourLog } from '../../../../common/schemas/manpower';
import { useTenant } from '../../context/tenant';
import { PillarBadge } from '../../ui/badges';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { useDeleteHours, useMyManpower } from './api';
import { LogHoursForm } from './LogHoursForm';
import { formatMinutes, HourStatusBadge, TaskStatusBadge } from './parts';
import { PersonSkillsCard } from './PersonSkillsCard';
import './i18n';

function HourCard({ h }: { h: HourLog }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const del = useDeleteHours(slug);
  return (
    <Paper withBorder p="sm" radius="md" component="li" data-testid="my-hour">
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} className="break-words">
            {h.activity.name}
          </Text>
          <Text size="sm" c="dimmed">
            {formatDate(h.date, lang)} · {formatMinutes(h.minutes, lang)}
          </Text>
        </Stack>
        <HourStatusBadge status={h.status} />
      </Group>
      {h.status === 'returned' && h.returnReason ? (
        <Alert color="red" variant="light" mt="xs" p="xs" title={t('manpower.hours.returnedBecause')}>
          {h.returnReason}
        </Alert>
      ) : null}
      {h.status !== 'confirmed' ? (
        <Group justify="flex-end" mt={4}>
          <Button
            variant="subtle"
            color="red"
            size="compact-sm"
            leftSection={<IconTrash size={14} aria-hidden />}
            loading={del.isPending}
            onClick={() => del.mutate(h.id, { onSuccess: () => notifications.show({ color: 'teal', message: t('manpower.hours.withdrawn') }) })}
          >
            {t('manpower.hours.withdraw')}
          </Button>
        </Group>
      ) : null}
    </Paper>
  );
}

/** Member self-service: my networks, my teams, my tasks, my hours — phone first. */
export default function MyPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const me = useMyManpower(slug);
  if (me.isPending) return <Loading minHeight={240} />;
  if (me.isError) return <ErrorAlert error={me.error} />;
  const d = me.data;
  if (!d.person)
    return (
      <Stack>
        <PageHeader title={t('manpower.my.title')} />
        <Alert color="yellow" data-testid="my-not-linked">
          {t('manpower.my.notLinked')}
        </Alert>
      </Stack>
    );
  return (
    <Stack gap="md" maw={760}>
      <PageHeader title={t('manpower.my.title')} subtitle={d.person.name} />
      <SimpleGrid cols={2} spacing="sm">
        <Paper withBorder p="sm" radius="md">
          <Text size="sm" c="dimmed">
            {t('manpower.my.confirmed', { year: d.fiscalYear })}
          </Text>
          <Text fz="xl" fw={700} c="teal.9" data-testid="my-confirmed">
            {formatMinutes(d.confirmedMinutes, lang)}
          </Text>
        </Paper>
        <Paper withBorder p="sm" radius="md">
          <Text size="sm" c="dimmed">
            {t('manpower.my.pending')}
          </Text>
          <Text fz="xl" fw={700} data-testid="my-pending">
            {formatMinutes(d.pendingMinutes, lang)}
          </Text>
        </Paper>
      </SimpleGrid>
      <Group gap="xs" wrap="wrap">
        {[d.fiscalYear, d.fiscalYear - 1].map((y) => (
          <Button
            key={y}
            component="a"
            href={`/print/${slug}/certificate?personId=${d.person!.id}&fiscalYear=${y}`}
            target="_blank"
            variant={y === d.fiscalYear ? 'light' : 'default'}
            leftSection={<IconCertificate size={16} aria-hidden />}
            data-testid={`my-certificate-${y}`}
          >
            {t('manpower.my.certificate', { year: y })}
          </Button>
        ))}
      </Group>

      <SectionCard title={t('manpower.my.logTitle')}>
        {d.activities.length ? <LogHoursForm activities={d.activities} /> : <Text c="dimmed">{t('manpower.my.noActivities')}</Text>}
      </SectionCard>

      <SectionCard title={t('manpower.my.hours')}>
        {d.recentHours.length ? (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {d.recentHours.map((h) => (
              <HourCard key={h.id} h={h} />
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">{t('manpower.my.noHours')}</Text>
        )}
      </SectionCard>

      <SectionCard title={t('manpower.my.tasks')}>
        {d.tasks.length ? (
          <Stack component="ul" gap="xs" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {d.tasks.map((task) => (
              <Paper component="li" withBorder p="sm" radius="md" key={task.id}>
                <Text fw={600} className="break-words">
                  {task.title}
                </Text>
                <Text size="sm" c="dimmed" className="break-words">
                  {task.activity.name}
                  {task.team ? ` · ${task.team.name}` : ''}
                </Text>
                <Group gap="xs" mt={4} wrap="wrap">
                  <TaskStatusBadge status={task.status} overdue={task.overdue} />
                  {task.dueDate ? <Text size="sm">{t('manpower.tasks.dueOn', { date: formatDate(task.dueDate, lang) })}</Text> : null}
                </Group>
              </Paper>
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">{t('manpower.my.noTasks')}</Text>
        )}
      </SectionCard>

      <SectionCard title={t('manpower.my.teams')}>
        {d.teams.length ? (
          <Stack gap={6}>
            {d.teams.map((team) => (
              <AnchorLink key={team.id} to="/t/$tenant/teams/$id" params={{ tenant: slug, id: team.id }}>
                {team.name}
              </AnchorLink>
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">{t('manpower.my.noTeams')}</Text>
        )}
      </SectionCard>

      <SectionCard title={t('manpower.my.networks')}>
        {d.networks.length ? (
          <Stack gap={6}>
            {d.networks.map((n) => (
              <Group key={n.id} gap="xs" wrap="wrap">
                <AnchorLink to="/t/$tenant/networks/$id" params={{ tenant: slug, id: n.id }} className="break-words">
                  {n.name}
                </AnchorLink>
                <Badge variant="outline" color="gray">
                  {t(`enum.memberRole.${n.role}`, { defaultValue: n.role })}
                </Badge>
                <PillarBadge pillar={n.pillar} />
              </Group>
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">{t('manpower.my.noNetworks')}</Text>
        )}
      </SectionCard>

      <PersonSkillsCard partyId={d.person.id} canEdit />
    </Stack>
  );
}
