import { Anchor, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { formatBytes, KnowledgeTypeBadge, RichText, TagList } from '../knowledge';
import { usePublicKnowledgeItem } from './api';
import { PublicShell } from '../../ui/PublicShell';

/** One public knowledge item with its files, for anyone: no login. */
export default function PublicKnowledgeItemPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { tenant, id } = useParams({ from: '/p/$tenant/knowledge/$id' });
  const q = usePublicKnowledgeItem(tenant, id);
  useEffect(() => {
    document.title = `${q.data?.title ?? t('publicKnowledge.title')} · ${t('app.name')}`;
  }, [t, q.data]);
  return (
    <PublicShell>
      <AnchorLink to="/p/$tenant/knowledge" params={{ tenant }} size="sm">
        ← {t('publicKnowledge.back')}
      </AnchorLink>
      {q.isPending ? (
        <Loading />
      ) : q.isError ? (
        <ErrorAlert error={q.error} />
      ) : (
        <Stack gap="md" mt="sm" component="article">
          <Stack gap={4}>
            <Text fw={600}>{lang === 'en' ? q.data.tenant.nameEn : q.data.tenant.nameTh}</Text>
            <Title order={1} className="break-words">
              {q.data.title}
            </Title>
            <Group gap="xs">
              <KnowledgeTypeBadge type={q.data.type} />
              <Text size="sm" c="dimmed">
                {formatDate(q.data.publishedOn, lang, 'long')}
              </Text>
            </Group>
            {q.data.networks.length > 0 && (
              <Text size="sm" c="dimmed">
                {q.data.networks.join(' · ')}
              </Text>
            )}
          </Stack>
          {q.data.summary && <Text fw={500}>{q.data.summary}</Text>}
          <RichText html={q.data.bodyHtml} testId="public-knowledge-body" />
          {q.data.tags.length > 0 && <TagList tags={q.data.tags} />}
          {q.data.attachments.length > 0 && (
            <Card withBorder radius="md" component="section" aria-labelledby="pk-files">
              <Title order={2} size="h4" id="pk-files" mb="xs">
                {t('publicKnowledge.files')}
              </Title>
              <List spacing="xs" icon={<IconPaperclip size={16} aria-hidden />}>
                {q.data.attachments.map((a) => (
                  <List.Item key={a.id}>
                    <Anchor href={a.url} target="_blank" rel="noopener" className="break-words">
                      {a.caption ?? a.filename}
                    </Anchor>{' '}
                    <Text span size="sm" c="dimmed">
                      ({formatBytes(a.sizeBytes, lang)})
                    </Text>
                  </List.Item>
                ))}
              </List>
            </Card>
          )}
        </Stack>
      )}
    </PublicShell>
  );
}
