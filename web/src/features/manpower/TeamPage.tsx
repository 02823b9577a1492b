import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Pillar } from '../../../../common/schemas/enums';
import { usePermissions, useTenant } from '../../context/tenant';
import { PillarBadge } from '../../ui/badges';
import { SectionCard } from '../../ui/SectionCard';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { DataView } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useDeleteTeam, useTasks, useTeam } from './api';
import { formatMinutes, TaskStatusBadge } from './parts';
import { TeamModal } from './TeamModal';
import './i18n';

/** A team: members with their networks and pillars, linked activities, tasks, confirmed hours. */
export default function TeamPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const navigate = useNavigate();
  const { id } = useParams({ from: '/t/$tenant/teams/$id' });
  const team = useTeam(slug, id);
  const tasks = useTasks(slug, { teamId: id, pageSize: 50 });
  const del = useDeleteTeam(slug);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  if (team.isPending) return <Loading minHeight={240} />;
  if (team.isError) return <ErrorAlert error={team.error} />;
  const x = team.data;
  return (
    <Stack gap="md">
      <PageHeader
        title={x.name}
        subtitle={x.purpose ?? undefined}
        actions={
          can.editTeam ? (
            <>
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                {t('common.edit')}
              </Button>
              <Button variant="default" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDeleting(true)}>
                {t('common.delete')}
              </Button>
            </>
          ) : null
        }
      />
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Card withBorder radius="md" p="sm">
          <Text size="sm" c="dimmed">
            {t('manpower.teams.lead')}
          </Text>
          <Text fw={600} className="break-words">
            {x.lead?.name ?? '—'}
          </Text>
        </Card>
        <Card withBorder radius="md" p="sm">
          <Text size="sm" c="dimmed">
            {t('manpower.teams.memberCount')}
          </Text>
          <Text fw={600}>{formatNumber(x.memberCount, lang)}</Text>
        </Card>
        <Card withBorder radius="md" p="sm">
          <Text size="sm" c="dimmed">
            {t('manpower.teams.networkCount')}
          </Text>
          <Text fw={600}>{formatNumber(x.networks.length, lang)}</Text>
        </Card>
        <Card withBorder radius="md" p="sm">
          <Text size="sm" c="dimmed">
            {t('manpower.teams.hours')}
          </Text>
          <Text fw={600} data-testid="team-hours">
            {formatMinutes(x.confirmedMinutes, lang)}
          </Text>
        </Card>
      </SimpleGrid>
      <SectionCard title={t('manpower.teams.pillarsTitle')}>
        <Group gap="sm" wrap="wrap">
          {Object.entries(x.pillars).map(([p, n]) => (
            <Group key={p} gap={4}>
              <PillarBadge pillar={p as Pillar} />
              <Text size="sm">{t('manpower.teams.peopleCount', { count: n })}</Text>
            </Group>
          ))}
        </Group>
        <Group gap={4} mt="sm" wrap="wrap">
          {x.networks.map((n) => (
            <Badge key={n.id} variant="light" color="gray" style={{ textTransform: 'none', maxWidth: '100%' }}>
              {n.name}
            </Badge>
          ))}
        </Group>
      </SectionCard>
      <section aria-labelledby="team-members">
        <Title order={2} size="h3" id="team-members" mb="sm">
          {t('manpower.teams.members')}
        </Title>
        <DataView
          rows={x.members}
          rowKey={(m) => m.id}
          caption={t('manpower.teams.members')}
          testId="team-members-list"
          columns={[
            {
              key: 'name',
              header: t('manpower.teams.name'),
              primary: true,
              render: (m) => (
                <Group gap={6} wrap="wrap">
                  <AnchorLink to="/t/$tenant/partners/$id" params={{ tenant: slug, id: m.id }}>
                    {m.name}
                  </AnchorLink>
                  {x.lead?.id === m.id ? <Badge size="sm">{t('manpower.teams.leadBadge')}</Badge> : null}
                </Group>
              ),
            },
            { key: 'pillar', header: t('manpower.teams.pillar'), render: (m) => <PillarBadge pillar={m.pillar} /> },
            {
              key: 'networks',
              header: t('manpower.teams.networks'),
              render: (m) =>
                m.networks.length ? (
                  <Stack gap={2}>
                    {m.networks.map((n) => (
                      <Text size="sm" key={n.id}>
                        {n.name} ({t(`enum.memberRole.${n.role}`, { defaultValue: n.role })})
                      </Text>
                    ))}
                  </Stack>
                ) : (
                  '—'
                ),
            },
          ]}
        />
      </section>
      <SectionCard title={t('manpower.teams.activities')}>
        {x.activities.length ? (
          <Stack gap={4}>
            {x.activities.map((a) => (
              <Text key={a.id} size="sm" className="break-words">
                {a.name}{' '}
                <Text span c="dimmed" size="sm">
                  — {a.planName} ({t('manpower.fy', { year: a.fiscalYear })})
                </Text>
              </Text>
            ))}
          </Stack>
        ) : (
          <Text c="dimmed">—</Text>
        )}
      </SectionCard>
      <section aria-labelledby="team-tasks">
        <Title order={2} size="h3" id="team-tasks" mb="sm">
          {t('manpower.tasks.title')}
        </Title>
        {tasks.data ? (
          <DataView
            rows={tasks.data.items}
            rowKey={(k) => k.id}
            caption={t('manpower.tasks.title')}
            columns={[
              { key: 'title', header: t('manpower.tasks.titleField'), primary: true, render: (k) => k.title },
              { key: 'assignee', header: t('manpower.tasks.assignee'), render: (k) => k.assignee?.name ?? '—' },
              { key: 'due', header: t('manpower.tasks.due'), nowrap: true, render: (k) => (k.dueDate ? formatDate(k.dueDate, lang) : '—') },
              { key: 'status', header: t('manpower.tasks.status'), render: (k) => <TaskStatusBadge status={k.status} overdue={k.overdue} /> },
            ]}
          />
        ) : (
          <Loading />
        )}
      </section>
      <TeamModal opened={editing} onClose={() => setEditing(false)} team={x} />
      <ConfirmDialog
        opened={deleting}
        onClose={() => setDeleting(false)}
        onConfirm={() => del.mutate(x.id, { onSuccess: () => void navigate({ to: '/t/$tenant/teams', params: { tenant: slug } }) })}
        title={t('manpower.teams.deleteTitle')}
        message={t('manpower.teams.deleteMessage', { name: x.name })}
        loading={del.isPending}
      />
    </Stack>
  );
}
