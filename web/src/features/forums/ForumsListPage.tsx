import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Forum } from '../../../../common/schemas/knowledge';
import { useListAddress } from '../../context/search';
import { usePermissions, useTenant } from '../../context/tenant';
import type { Column } from '../../ui/DataView';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { FilterGrid } from '../../ui/ListFilters';
import { ListPage } from '../../ui/ListPage';
import { useNetworkOptions } from '../../ui/NetworkSelect';
import { PAGE_SIZE, useForums } from './api';
import { fiscalYearOptions, forumDates } from './format';
import './i18n';

export default function ForumsListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const address = useListAddress('/t/$tenant/forums');
  const { search, page } = address;
  const q = useForums(slug, { q: search.q, networkId: search.networkId, fiscalYear: search.fiscalYear, page, pageSize: PAGE_SIZE });
  const networks = useNetworkOptions();

  const columns: Column<Forum>[] = [
    {
      key: 'title',
      header: t('forum.title'),
      primary: true,
      render: (f) => (
        <Stack gap={2}>
          <AnchorLink to="/t/$tenant/forums/$id" params={{ tenant: slug, id: f.id }} fw={500}>
            {f.title}
          </AnchorLink>
          {f.topics.length ? (
            <Group gap={4}>
              {f.topics.slice(0, 3).map((topic) => (
                <Badge key={topic} size="sm" color="gray" variant="light" tt="none" style={{ maxWidth: '100%' }}>
                  {topic}
                </Badge>
              ))}
              {f.topics.length > 3 ? (
                <Text size="xs" span>
                  {t('common.andMore', { count: f.topics.length - 3 })}
                </Text>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      ),
    },
    { key: 'date', header: t('forum.heldOn'), render: (f) => <time dateTime={f.heldOn}>{forumDates(f, lang)}</time>, nowrap: true },
    { key: 'place', header: t('forum.place'), render: (f) => f.place ?? '—' },
    {
      key: 'host',
      header: t('forum.hostNetwork'),
      render: (f) =>
        f.hostNetwork ? (
          <AnchorLink to="/t/$tenant/networks/$id" params={{ tenant: slug, id: f.hostNetwork.id }} size="sm">
            {f.hostNetwork.name}
          </AnchorLink>
        ) : (
          '—'
        ),
    },
    { key: 'people', header: t('forum.headCount'), render: (f) => formatNumber(f.totalHeadCount, lang), align: 'right', nowrap: true },
    { key: 'items', header: t('forum.itemCount'), render: (f) => formatNumber(f.itemCount, lang), align: 'right', nowrap: true },
    { key: 'photos', header: t('forum.photoCount'), render: (f) => formatNumber(f.photoCount, lang), align: 'right', nowrap: true },
  ];

  return (
    <ListPage
      title={t('forums.title')}
      subtitle={t('forums.subtitle')}
      actions={
        can.editForum ? (
          <ButtonLink to="/t/$tenant/forums/new" params={{ tenant: slug }} leftSection={<IconPlus size={16} aria-hidden />} data-testid="forum-new">
            {t('forums.new')}
          </ButtonLink>
        ) : null
      }
      filters={
        <FilterGrid
          address={address}
          search={{ label: t('common.search'), placeholder: t('forums.searchPlaceholder'), span: { base: 12, md: 5 } }}
          fields={[
            { key: 'networkId', label: t('forum.network'), data: networks.data, searchable: true, testId: 'filter-network', span: { base: 12, sm: 6, md: 4 } },
            {
              key: 'fiscalYear',
              label: t('forum.fiscalYear'),
              data: fiscalYearOptions(lang),
              numeric: true,
              testId: 'filter-fiscal-year',
              span: { base: 12, sm: 6, md: 3 },
            },
          ]}
        />
      }
      query={q}
      paging={address}
      pageSize={PAGE_SIZE}
      columns={columns}
      rowKey={(f) => f.id}
      caption={t('forums.title')}
      empty={t('forums.empty')}
      testId="forums-list"
    />
  );
}
