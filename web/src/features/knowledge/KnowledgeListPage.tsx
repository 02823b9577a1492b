import { Anchor, Box, Button, Collapse, Group, Paper, Select, Stack, Text } from '@mantine/core';
import { IconChartBar, IconEye, IconFilter, IconFileText, IconPaperclip, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { KnowledgeHit } from '../../../../common/schemas/knowledge';
import { type KnowledgeSearch, type KnowledgeSort, useListAddress } from '../../context/search';
import { usePermissions, useTenant } from '../../context/tenant';
import { buddhistYear, formatDate, todayIso } from '../../ui/dates';
import { enumOptions } from '../../ui/enums';
import { formatNumber } from '../../ui/format';
import { Highlighted } from '../../ui/Highlighted';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { KNOWLEDGE_TYPE_LIST } from '../../ui/knowledgeEnums';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { type FilterField, FilterGrid } from '../../ui/ListFilters';
import { ListPage } from '../../ui/ListPage';
import { useNetworkOptions } from '../../ui/NetworkSelect';
import { PAGE_SIZE, useKnowledgeList, useKnowledgeTags } from './api';
import { KnowledgeTypeBadge, VisibilityBadge } from './parts';
import './i18n';

/** The filters' widths: narrower than other lists', as this row has four selects beside the search box. */
const FIELD_SPAN = { base: 6, sm: 4, md: 2 };

/** B.E. years offered by the year filter: this year and the fourteen before it. */
function yearOptions(t: TFunction) {
  const now = buddhistYear(todayIso()) ?? 2569;
  return Array.from({ length: 15 }, (_, i) => {
    const y = String(now - i);
    return { value: y, label: t('knowledge.yearOption', { y }) };
  });
}

export default function KnowledgeListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const desktop = useIsDesktop();
  const { slug } = useTenant();
  const can = usePermissions();
  const address = useListAddress('/t/$tenant/knowledge');
  const { search, page, set } = address;
  const searching = !!search.q;
  // relevance only means something with a query
  const chosen = search.sort ?? (searching ? 'relevance' : '-publishedOn');
  const sort = !searching && chosen === 'relevance' ? '-publishedOn' : chosen;
  const query = {
    q: search.q,
    type: search.type,
    networkId: search.networkId,
    tag: search.tag,
    year: search.year,
    sort,
    page,
    pageSize: PAGE_SIZE,
  };
  const q = useKnowledgeList(slug, query);
  const networks = useNetworkOptions();
  const tags = useKnowledgeTags(slug);
  const tagOptions = useMemo(
    () => (tags.data?.items ?? []).map((x) => ({ value: x.tag, label: `${x.tag} (${formatNumber(x.count, lang)})` })),
    [tags.data, lang],
  );
  const activeFilters = [search.type, search.networkId, search.tag, search.year].filter(Boolean).length;
  const [showFilters, setShowFilters] = useState(activeFilters > 0);

  const sortOptions = (['relevance', '-publishedOn', '-updatedAt', 'title', '-views'] as const)
    .filter((s) => searching || s !== 'relevance')
    .map((s) => ({ value: s, label: t(`knowledge.sort.${s}`) }));

  const fields: FilterField<KnowledgeSearch>[] = [
    { key: 'type', label: t('knowledge.type'), data: enumOptions(t, 'knowledgeType', KNOWLEDGE_TYPE_LIST), testId: 'filter-type', span: FIELD_SPAN },
    { key: 'networkId', label: t('knowledge.network'), data: networks.data, searchable: true, testId: 'filter-network', span: FIELD_SPAN },
    { key: 'tag', label: t('knowledge.tag'), data: tagOptions, searchable: true, testId: 'filter-tag', span: FIELD_SPAN },
    { key: 'year', label: t('knowledge.year'), data: yearOptions(t), numeric: true, testId: 'filter-year', span: FIELD_SPAN },
  ];

  return (
    <ListPage
      title={t('knowledge.title')}
      subtitle={t('knowledge.subtitle')}
      actions={
        <>
          <ButtonLink to="/t/$tenant/knowledge/metrics" params={{ tenant: slug }} variant="default" leftSection={<IconChartBar size={16} aria-hidden />}>
            {t('metrics.link')}
          </ButtonLink>
          {can.editKnowledge ? (
            <ButtonLink to="/t/$tenant/knowledge/new" params={{ tenant: slug }} leftSection={<IconPlus size={16} aria-hidden />} data-testid="knowledge-new">
              {t('knowledge.new')}
            </ButtonLink>
          ) : null}
        </>
      }
      filters={
        <>
          <FilterGrid
            address={address}
            search={{ label: t('knowledge.searchLabel'), placeholder: t('knowledge.searchPlaceholder'), span: { base: 12, md: 4 } }}
            fields={desktop ? fields : []}
          />
          {!desktop ? (
            <>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconFilter size={14} aria-hidden />}
                onClick={() => setShowFilters((v) => !v)}
                aria-expanded={showFilters}
                aria-controls="kl-filters"
                style={{ alignSelf: 'flex-start' }}
                data-testid="knowledge-filters-toggle"
              >
                {activeFilters ? t('knowledge.filtersActive', { n: activeFilters }) : t('knowledge.filters')}
              </Button>
              <Collapse expanded={showFilters} id="kl-filters">
                <FilterGrid address={address} fields={fields} />
              </Collapse>
            </>
          ) : null}

          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="knowledge-search-status">
              {!searching || !q.data?.total
                ? null
                : q.data.correctedQuery
                  ? t('knowledge.correctedTo', { q: search.q, corrected: q.data.correctedQuery })
                  : q.data.totalIsEstimate
                    ? t('knowledge.searchingForAbout', { q: search.q, n: formatNumber(q.data.total, lang) })
                    : t('knowledge.searchingFor', { q: search.q, n: formatNumber(q.data.total, lang) })}
            </Text>
            <Select
              label={t('knowledge.sortLabel')}
              data={sortOptions}
              value={sort}
              onChange={(v) => set({ sort: (v ?? undefined) as KnowledgeSort | undefined })}
              allowDeselect={false}
              comboboxProps={{ withinPortal: true }}
              w={220}
              size="xs"
              data-testid="knowledge-sort"
            />
          </Group>
        </>
      }
      query={q}
      paging={address}
      pageSize={PAGE_SIZE}
      render={(items) =>
        items.length === 0 ? (
          <Paper withBorder p="lg" radius="md">
            <Text c="dimmed" ta="center">
              {searching ? t('knowledge.noMatches', { q: search.q }) : t('knowledge.empty')}
            </Text>
          </Paper>
        ) : (
          <Stack component="ul" gap="sm" aria-label={t('knowledge.results')} style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="knowledge-list">
            {items.map((item) => (
              <KnowledgeCard key={item.id} item={item} tenant={slug} onTag={(tag) => set({ tag })} />
            ))}
          </Stack>
        )
      }
    />
  );
}

function KnowledgeCard({ item, tenant, onTag }: { item: KnowledgeHit; tenant: string; onTag: (tag: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  // a match in the title is marked in the title itself (unless the snippet had to cut it); the summary follows
  const titleHit = item.snippetSource === 'title' && item.snippet && !item.snippet.startsWith('…') && !item.snippet.endsWith('…');
  const source =
    item.snippetSource === 'attachment' && item.snippetFile
      ? t('knowledge.foundInFile', { file: item.snippetFile })
      : item.snippetSource && item.snippetSource !== 'body'
        ? t(`knowledge.foundIn.${item.snippetSource}`)
        : null;
  return (
    <Paper component="li" withBorder p="md" radius="md" data-testid="knowledge-card">
      <Stack gap={6}>
        <Group gap={6} wrap="wrap">
          <KnowledgeTypeBadge type={item.type} />
          {item.visibility !== 'tenant' ? <VisibilityBadge visibility={item.visibility} /> : null}
        </Group>
        <AnchorLink to="/t/$tenant/knowledge/$id" params={{ tenant, id: item.id }} fw={600} fz="lg" className="break-words">
          {titleHit ? <Highlighted html={item.snippet!} /> : item.title}
        </AnchorLink>
        {item.snippet && !titleHit ? (
          <Box>
            {source ? (
              <Text size="xs" c="dimmed" className="break-words">
                {source}
              </Text>
            ) : null}
            <Text size="sm" className="break-words" data-testid="knowledge-snippet">
              <Highlighted html={item.snippet} />
            </Text>
          </Box>
        ) : item.summary ? (
          <Text size="sm" c="dimmed" lineClamp={3} className="break-words">
            {item.summary}
          </Text>
        ) : null}
        {item.tags.length ? (
          <Group gap={4}>
            {item.tags.slice(0, 6).map((tag) => (
              <Anchor key={tag} component="button" type="button" size="xs" onClick={() => onTag(tag)} aria-label={t('knowledge.filterByTag', { tag })}>
                #{tag}
              </Anchor>
            ))}
          </Group>
        ) : null}
        <Group gap="md" wrap="wrap">
          <Text size="xs" c="dimmed">
            <time dateTime={item.publishedOn}>{formatDate(item.publishedOn, lang)}</time>
          </Text>
          {item.networks.length ? (
            <Text size="xs" c="dimmed" className="break-words" style={{ minWidth: 0 }}>
              {item.networks[0].name}
              {item.networks.length > 1 ? ` ${t('common.andMore', { count: item.networks.length - 1 })}` : ''}
            </Text>
          ) : null}
          <Group gap={4} wrap="nowrap">
            <IconEye size={14} aria-hidden />
            <Text size="xs" c="dimmed">
              {t('knowledge.views', { count: item.views, n: formatNumber(item.views, lang) })}
            </Text>
          </Group>
          {item.attachmentCount ? (
            <Group gap={4} wrap="nowrap">
              <IconPaperclip size={14} aria-hidden />
              <Text size="xs" c="dimmed">
                {t('knowledge.files', { count: item.attachmentCount, n: formatNumber(item.attachmentCount, lang) })}
              </Text>
            </Group>
          ) : null}
          {item.version > 1 ? (
            <Group gap={4} wrap="nowrap">
              <IconFileText size={14} aria-hidden />
              <Text size="xs" c="dimmed">
                {t('knowledge.versionN', { n: item.version })}
              </Text>
            </Group>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
