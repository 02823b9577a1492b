import { Card, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/dates';
import { useLang } from '../../ui/hooks';
import { useDebouncedValue } from '@mantine/hooks';
import { AnchorLink } from '../../ui/links';
import { PagedList } from '../../ui/ListPage';
import { KnowledgeTypeBadge, TagList } from '../knowledge';
import { usePublicKnowledge } from './api';
import { PublicPage } from '../../ui/PublicPage';

const PAGE = 20;

/** Knowledge marked สาธารณะ, for anyone: no login. */
export default function PublicKnowledgePage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { tenant } = useParams({ from: '/p/$tenant/knowledge' });
  const search = useSearch({ from: '/p/$tenant/knowledge' });
  const navigate = useNavigate({ from: '/p/$tenant/knowledge' });
  const [text, setText] = useState(search.q ?? '');
  const [q] = useDebouncedValue(text.trim(), 300);
  useEffect(() => {
    if ((search.q ?? '') !== q) void navigate({ search: { q: q || undefined, page: undefined }, replace: true });
  }, [q, search.q, navigate]);
  const page = search.page ?? 1;
  const list = usePublicKnowledge(tenant, { q: search.q, page, pageSize: PAGE });
  return (
    <PublicPage tenant={list.data?.tenant} title={t('publicKnowledge.title')} subtitle={t('publicKnowledge.subtitle')}>
      <TextInput
        label={t('publicKnowledge.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        maw={420}
      />
      <PagedList
        query={list}
        page={page}
        pageSize={PAGE}
        onPage={(p) => void navigate({ search: (prev) => ({ ...prev, page: p }) })}
        render={(items) =>
          items.length === 0 ? (
            <Paper withBorder p="lg">
              <Text c="dimmed" ta="center">
                {t('publicKnowledge.empty')}
              </Text>
            </Paper>
          ) : (
            <Stack gap="sm" data-testid="public-knowledge-list">
              {items.map((k) => (
                <Card key={k.id} withBorder radius="md" component="article">
                  <Group gap="xs" mb={4}>
                    <KnowledgeTypeBadge type={k.type} />
                    <Text size="sm" c="dimmed">
                      {formatDate(k.publishedOn, lang, 'long')}
                    </Text>
                  </Group>
                  <AnchorLink to="/p/$tenant/knowledge/$id" params={{ tenant, id: k.id }} fw={600} fz="lg" className="break-words">
                    {k.title}
                  </AnchorLink>
                  {k.summary && <Text mt={4}>{k.summary}</Text>}
                  {k.networks.length > 0 && (
                    <Text size="sm" c="dimmed" mt={4}>
                      {k.networks.join(' · ')}
                    </Text>
                  )}
                  {k.tags.length > 0 && <TagList tags={k.tags} max={5} />}
                </Card>
              ))}
            </Stack>
          )
        }
      />
    </PublicPage>
  );
}
