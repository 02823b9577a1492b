import { Stack, Text } from '@mantine/core';
import { IconFileImport, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Party } from '../../../../common/schemas';
import { PARTY_KINDS, PILLARS, SECTORS } from '../../../../common/schemas/enums';
import { useListAddress } from '../../context/search';
import { usePermissions, useTenant } from '../../context/tenant';
import { PillarBadge } from '../../ui/badges';
import type { Column } from '../../ui/DataView';
import { enumLabel, enumOptions } from '../../ui/enums';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { FilterGrid } from '../../ui/ListFilters';
import { ExportButtons } from '../../ui/ExportButtons';
import { ListPage } from '../../ui/ListPage';
import { formatThaiAddress } from '../../ui/thai';
import { PAGE_SIZE, usePartners } from './api';

export default function PartnersListPage() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const can = usePermissions();
  const address = useListAddress('/t/$tenant/partners');
  const { search, page } = address;
  const filters = { q: search.q, kind: search.kind, sector: search.sector, pillar: search.pillar };
  const q = usePartners(slug, { ...filters, page, pageSize: PAGE_SIZE });

  const columns: Column<Party>[] = [
    {
      key: 'name',
      header: t('partner.name'),
      primary: true,
      render: (p) => (
        <Stack gap={0}>
          <AnchorLink to="/t/$tenant/partners/$id" params={{ tenant: slug, id: p.id }} fw={500}>
            {p.name}
          </AnchorLink>
          {p.position ? (
            <Text size="sm" c="dimmed">
              {p.position}
            </Text>
          ) : null}
        </Stack>
      ),
    },
    { key: 'kind', header: t('partner.kind'), render: (p) => enumLabel(t, 'kind', p.kind), nowrap: true },
    { key: 'sector', header: t('partner.sector'), render: (p) => enumLabel(t, 'sector', p.sector) },
    { key: 'pillar', header: t('partner.pillar'), render: (p) => <PillarBadge pillar={p.pillar} />, nowrap: true },
    { key: 'orgType', header: t('partner.orgType'), render: (p) => (p.orgType ? enumLabel(t, 'orgType', p.orgType) : '—') },
    {
      key: 'area',
      header: t('partner.area'),
      render: (p) => formatThaiAddress({ subdistrict: p.address.subdistrict, district: p.address.district }) || '—',
    },
    { key: 'phone', header: t('partner.phone'), render: (p) => p.phone ?? '—', nowrap: true },
  ];

  return (
    <ListPage
      title={t('partners.title')}
      subtitle={t('partners.subtitle')}
      actions={
        <>
          {can.exportData ? <ExportButtons tenant={slug} path="/partners/export" query={filters} /> : null}
          {can.importPartners ? (
            <ButtonLink to="/t/$tenant/partners/import" params={{ tenant: slug }} variant="default" leftSection={<IconFileImport size={16} aria-hidden />}>
              {t('partners.import')}
            </ButtonLink>
          ) : null}
          {can.editPartner ? (
            <ButtonLink to="/t/$tenant/partners/new" params={{ tenant: slug }} leftSection={<IconPlus size={16} aria-hidden />}>
              {t('partners.new')}
            </ButtonLink>
          ) : null}
        </>
      }
      filters={
        <FilterGrid
          address={address}
          search={{ label: t('common.search'), placeholder: t('partners.searchPlaceholder'), span: { base: 12, md: 3 } }}
          fields={[
            { key: 'kind', label: t('partner.kind'), data: enumOptions(t, 'kind', PARTY_KINDS), testId: 'filter-kind' },
            { key: 'sector', label: t('partner.sector'), data: enumOptions(t, 'sector', SECTORS), testId: 'filter-sector' },
            { key: 'pillar', label: t('partner.pillar'), data: enumOptions(t, 'pillar', PILLARS), testId: 'filter-pillar' },
          ]}
        />
      }
      query={q}
      paging={address}
      pageSize={PAGE_SIZE}
      columns={columns}
      rowKey={(p) => p.id}
      caption={t('partners.title')}
      empty={t('partners.empty')}
      testId="partners-list"
    />
  );
}
