import { Badge, Card, Grid, Group, Stack, Text } from '@mantine/core';
import { IconEdit } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { ForumDetail } from '../../../../common/schemas/knowledge';
import { usePermissions, useTenant } from '../../context/tenant';
import { DeleteRecordButton } from '../../ui/ConfirmDialog';
import { type Column, DataView } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { enumLabel } from '../../ui/enums';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field, FieldGrid } from '../../ui/Fields';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { AttachmentsSection, KnowledgeTypeBadge } from '../knowledge';
import { useDeleteForum, useForum } from './api';
import { fiscalYearLabel, forumDates } from './format';
import './i18n';

type Participant = ForumDetail['participants'][number];

export default function ForumDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const { id } = useParams({ from: '/t/$tenant/forums/$id' });
  const navigate = useNavigate();
  const q = useForum(slug, id);
  const del = useDeleteForum(slug);

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const f = q.data;

  const columns: Column<Participant>[] = [
    {
      key: 'who',
      header: t('forum.participant'),
      primary: true,
      render: (p) =>
        p.network ? (
          <AnchorLink to="/t/$tenant/networks/$id" params={{ tenant: slug, id: p.network.id }}>
            {p.network.name}
          </AnchorLink>
        ) : p.party ? (
          <AnchorLink to="/t/$tenant/partners/$id" params={{ tenant: slug, id: p.party.id }}>
            {p.party.name}
          </AnchorLink>
        ) : (
          '—'
        ),
    },
    { key: 'kind', header: t('forum.participantKind'), render: (p) => (p.network ? t('forum.kindNetwork') : t('forum.kindPartner')), nowrap: true },
    {
      key: 'role',
      header: t('forum.role'),
      render: (p) => (
        <Badge color={p.role === 'host' ? 'teal' : p.role === 'speaker' ? 'violet' : 'gray'} style={{ flexShrink: 0 }}>
          {enumLabel(t, 'forumRole', p.role)}
        </Badge>
      ),
      nowrap: true,
    },
    { key: 'count', header: t('forum.headCountOf'), render: (p) => formatNumber(p.headCount, lang), align: 'right', nowrap: true },
    { key: 'note', header: t('forum.note'), render: (p) => p.note ?? '—' },
  ];

  return (
    <Stack gap="lg">
      <PageHeader
        title={f.title}
        subtitle={[forumDates(f, lang, 'long'), f.place].filter(Boolean).join(' · ')}
        badges={
          <>
            <Badge color="gray" variant="outline" style={{ flexShrink: 0 }}>
              {fiscalYearLabel(f.fiscalYear, lang)}
            </Badge>
            <Badge color="teal" variant="light" style={{ flexShrink: 0 }}>
              {t('forum.people', { count: f.totalHeadCount, n: formatNumber(f.totalHeadCount, lang) })}
            </Badge>
          </>
        }
        actions={
          <>
            {can.editForum ? (
              <ButtonLink
                to="/t/$tenant/forums/$id/edit"
                params={{ tenant: slug, id: f.id }}
                leftSection={<IconEdit size={16} aria-hidden />}
                data-testid="forum-edit"
              >
                {t('common.edit')}
              </ButtonLink>
            ) : null}
            {can.deleteForum ? (
              <DeleteRecordButton
                title={t('forums.deleteTitle')}
                message={t('forums.deleteConfirm', { name: f.title })}
                id={f.id}
                mutation={del}
                doneMessage={t('forums.deleted')}
                onDone={() => void navigate({ to: '/t/$tenant/forums', params: { tenant: slug } })}
              />
            ) : null}
          </>
        }
      />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SectionCard title={t('forum.details')} gap="md" h="100%">
            <FieldGrid>
              <Field label={t('forum.heldOn')}>{forumDates(f, lang, 'long')}</Field>
              <Field label={t('forum.place')}>{f.place}</Field>
              <Field label={t('forum.hostNetwork')}>
                {f.hostNetwork ? (
                  <AnchorLink to="/t/$tenant/networks/$id" params={{ tenant: slug, id: f.hostNetwork.id }}>
                    {f.hostNetwork.name}
                  </AnchorLink>
                ) : null}
              </Field>
              <Field label={t('forum.fiscalYear')}>{fiscalYearLabel(f.fiscalYear, lang)}</Field>
              <Field label={t('forum.topics')} span>
                {f.topics.length ? (
                  <Group gap={6}>
                    {f.topics.map((topic) => (
                      <Badge key={topic} color="blue" variant="light" tt="none" style={{ maxWidth: '100%' }} className="break-words">
                        {topic}
                      </Badge>
                    ))}
                  </Group>
                ) : null}
              </Field>
              <Field label={t('forum.description')} span>
                {f.description ? <Text style={{ whiteSpace: 'pre-wrap' }}>{f.description}</Text> : null}
              </Field>
            </FieldGrid>
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <SectionCard title={`${t('forum.items')} (${f.items.length})`} h="100%">
            {f.items.length ? (
              <Stack component="ul" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                {f.items.map((i) => (
                  <li key={i.id}>
                    <Group gap={6} wrap="nowrap" align="flex-start">
                      <KnowledgeTypeBadge type={i.type} />
                      <AnchorLink to="/t/$tenant/knowledge/$id" params={{ tenant: slug, id: i.id }} className="break-words" style={{ minWidth: 0 }}>
                        {i.title}
                      </AnchorLink>
                    </Group>
                    {i.summary ? (
                      <Text size="sm" c="dimmed" lineClamp={2} className="break-words">
                        {i.summary}
                      </Text>
                    ) : null}
                  </li>
                ))}
              </Stack>
            ) : (
              <Text c="dimmed" size="sm">
                {t('forum.noItems')}
              </Text>
            )}
          </SectionCard>
        </Grid.Col>
      </Grid>

      <SectionCard
        title={t('forum.participants')}
        description={t('forum.headCountSummary', {
          total: formatNumber(f.totalHeadCount, lang),
          listed: formatNumber(f.totalHeadCount - f.otherHeadCount, lang),
          other: formatNumber(f.otherHeadCount, lang),
        })}
      >
        <DataView
          rows={f.participants}
          columns={columns}
          rowKey={(p) => p.id}
          caption={t('forum.participants')}
          empty={t('forum.noParticipants')}
          testId="forum-participants"
        />
      </SectionCard>

      <Card withBorder radius="md">
        <AttachmentsSection
          tenant={slug}
          owner={{ kind: 'forums', id: f.id }}
          attachments={f.attachments}
          canEdit={can.editForum}
          photos
          title={t('forum.photos')}
        />
      </Card>

      <Text size="xs" c="dimmed">
        {t('forum.recorded', { created: formatDate(f.createdAt, lang), updated: formatDate(f.updatedAt, lang) })}
      </Text>
    </Stack>
  );
}
