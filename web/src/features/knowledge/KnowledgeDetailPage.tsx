import { Badge, Card, Grid, Group, List, Stack, Text } from '@mantine/core';
import { IconEdit, IconHistory } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions, useTenant } from '../../context/tenant';
import { DeleteRecordButton } from '../../ui/ConfirmDialog';
import { formatDate, formatDateTime } from '../../ui/dates';
import { enumLabel } from '../../ui/enums';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Field, FieldGrid } from '../../ui/Fields';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { useDeleteKnowledge, useKnowledgeItem, useKnowledgeVersions } from './api';
import { AttachmentsSection } from './Attachments';
import { KnowledgeTypeBadge, RichText, VersionStamp, VisibilityBadge } from './parts';

import './i18n';

export default function KnowledgeDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const { id } = useParams({ from: '/t/$tenant/knowledge/$id' });
  const navigate = useNavigate();
  // opening the item page counts one read (sharing metrics); refetches after changes on this page do not
  const counted = useRef<string | null>(null);
  const q = useKnowledgeItem(slug, id, 'read', () => {
    if (counted.current === id) return false;
    counted.current = id;
    return true;
  });
  const versions = useKnowledgeVersions(slug, id, 1, 5);
  const del = useDeleteKnowledge(slug);

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const k = q.data;
  const editable = can.editKnowledge && k.canEdit;
  const authors = k.parties.filter((p) => p.role === 'author');
  const contributors = k.parties.filter((p) => p.role === 'contributor');
  const partyLinks = (list: typeof k.parties) =>
    list.length ? (
      <Stack gap={2}>
        {list.map((p) => (
          <AnchorLink key={p.party.id} to="/t/$tenant/partners/$id" params={{ tenant: slug, id: p.party.id }}>
            {p.party.name}
          </AnchorLink>
        ))}
      </Stack>
    ) : null;

  return (
    <Stack gap="lg">
      <PageHeader
        title={k.title}
        subtitle={k.summary ?? undefined}
        badges={
          <>
            <KnowledgeTypeBadge type={k.type} />
            <VisibilityBadge visibility={k.visibility} />
            <Badge color="gray" variant="outline" style={{ flexShrink: 0 }}>
              {t('knowledge.versionN', { n: k.version })}
            </Badge>
          </>
        }
        actions={
          <>
            {editable ? (
              <ButtonLink
                to="/t/$tenant/knowledge/$id/edit"
                params={{ tenant: slug, id: k.id }}
                leftSection={<IconEdit size={16} aria-hidden />}
                data-testid="knowledge-edit"
              >
                {t('common.edit')}
              </ButtonLink>
            ) : null}
            <ButtonLink
              to="/t/$tenant/knowledge/$id/history"
              params={{ tenant: slug, id: k.id }}
              variant="default"
              leftSection={<IconHistory size={16} aria-hidden />}
              data-testid="knowledge-history"
            >
              {t('kversion.title')}
            </ButtonLink>
            {can.deleteKnowledge ? (
              <DeleteRecordButton
                title={t('knowledge.deleteTitle')}
                message={t('knowledge.deleteConfirm', { name: k.title })}
                id={k.id}
                mutation={del}
                doneMessage={t('knowledge.deleted')}
                onDone={() => void navigate({ to: '/t/$tenant/knowledge', params: { tenant: slug } })}
              />
            ) : null}
          </>
        }
      />

      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <Card withBorder radius="md" component="article" aria-label={t('knowledge.body')}>
              {k.bodyHtml ? <RichText html={k.bodyHtml} testId="knowledge-body" /> : <Text c="dimmed">{t('knowledge.noBody')}</Text>}
            </Card>
            <Card withBorder radius="md">
              <AttachmentsSection
                tenant={slug}
                owner={{ kind: 'knowledge', id: k.id }}
                attachments={k.attachments}
                canEdit={editable}
                title={t('attachment.title')}
              />
            </Card>
          </Stack>
        </Grid.Col>

        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <SectionCard title={t('knowledge.details')} gap="md">
              <FieldGrid cols={{ base: 1 }}>
                <Field label={t('knowledge.type')}>{enumLabel(t, 'knowledgeType', k.type)}</Field>
                <Field label={t('knowledge.visibility')}>
                  <Text>{enumLabel(t, 'visibility', k.visibility)}</Text>
                  <Text size="sm" c="dimmed">
                    {t(`knowledge.visibilityHint.${k.visibility}`)}
                  </Text>
                  {k.visibility === 'public' && (
                    <AnchorLink to="/p/$tenant/knowledge/$id" params={{ tenant: slug, id: k.id }} size="sm" data-testid="public-link">
                      {t('publicKnowledge.publicLink')}
                    </AnchorLink>
                  )}
                </Field>
                <Field label={t('knowledge.publishedOn')}>{formatDate(k.publishedOn, lang, 'long')}</Field>
                <Field label={t('knowledge.networks')}>
                  {k.networks.length ? (
                    <Stack gap={2}>
                      {k.networks.map((n, i) => (
                        <Group key={n.id} gap={6} wrap="nowrap" align="flex-start">
                          <AnchorLink to="/t/$tenant/networks/$id" params={{ tenant: slug, id: n.id }} className="break-words">
                            {n.name}
                          </AnchorLink>
                          {i === 0 ? (
                            <Badge size="xs" color="gray" style={{ flexShrink: 0 }}>
                              {t('knowledge.homeNetwork')}
                            </Badge>
                          ) : null}
                        </Group>
                      ))}
                    </Stack>
                  ) : null}
                </Field>
                <Field label={t('knowledge.authors')}>{partyLinks(authors)}</Field>
                <Field label={t('knowledge.contributors')}>{partyLinks(contributors)}</Field>
                <Field label={t('knowledge.tags')}>
                  {k.tags.length ? (
                    <Group gap={6}>
                      {k.tags.map((tag) => (
                        <AnchorLink
                          key={tag}
                          to="/t/$tenant/knowledge"
                          params={{ tenant: slug }}
                          search={{ tag }}
                          size="sm"
                          aria-label={t('knowledge.filterByTag', { tag })}
                        >
                          #{tag}
                        </AnchorLink>
                      ))}
                    </Group>
                  ) : null}
                </Field>
                <Field label={t('knowledge.reads')}>{formatNumber(k.views, lang)}</Field>
                <Field label={t('knowledge.createdBy')}>{[k.createdBy, formatDate(k.createdAt, lang)].filter(Boolean).join(' · ')}</Field>
                <Field label={t('knowledge.updatedBy')}>{[k.updatedBy, formatDateTime(k.updatedAt, lang)].filter(Boolean).join(' · ')}</Field>
              </FieldGrid>
            </SectionCard>

            <SectionCard title={t('knowledge.fromForums')}>
              {k.forums.length ? (
                <List spacing={6} listStyleType="none" ml={0} pl={0}>
                  {k.forums.map((f) => (
                    <List.Item key={f.id}>
                      <AnchorLink to="/t/$tenant/forums/$id" params={{ tenant: slug, id: f.id }} className="break-words">
                        {f.title}
                      </AnchorLink>
                      <Text size="xs" c="dimmed">
                        {formatDate(f.heldOn, lang, 'long')}
                      </Text>
                    </List.Item>
                  ))}
                </List>
              ) : (
                <Text c="dimmed" size="sm">
                  {t('knowledge.noForums')}
                </Text>
              )}
            </SectionCard>

            <SectionCard title={t('kversion.recent')}>
              {versions.data ? (
                <Stack gap="xs">
                  {versions.data.items.map((v) => (
                    <div key={v.version}>
                      <AnchorLink to="/t/$tenant/knowledge/$id/history" params={{ tenant: slug, id: k.id }} search={{ v: v.version }} fw={500}>
                        {t('knowledge.versionN', { n: v.version })}
                      </AnchorLink>
                      <VersionStamp version={v} size="xs" />
                    </div>
                  ))}
                  {versions.data.total > versions.data.items.length ? (
                    <Text size="sm" c="dimmed">
                      {t('kversion.more', { count: versions.data.total - versions.data.items.length })}
                    </Text>
                  ) : null}
                  <ButtonLink
                    to="/t/$tenant/knowledge/$id/history"
                    params={{ tenant: slug, id: k.id }}
                    variant="light"
                    size="xs"
                    leftSection={<IconHistory size={14} aria-hidden />}
                  >
                    {t('kversion.openAll')}
                  </ButtonLink>
                </Stack>
              ) : versions.isError ? (
                <ErrorAlert error={versions.error} />
              ) : (
                <Loading minHeight={60} />
              )}
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
