import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Relationship } from '../../../../common/schemas';
import { RELATIONSHIP_TYPES } from '../../../../common/schemas/enums';
import { useListAddress, type RelationshipSearch } from '../../context/search';
import { useTenant } from '../../context/tenant';
import type { Column } from '../../ui/DataView';
import { enumLabel, enumOptions } from '../../ui/enums';
import { AnchorLink } from '../../ui/links';
import { FilterSelect } from '../../ui/ListFilters';
import { ListPage } from '../../ui/ListPage';
import { useRelationshipColumns, useRelationships } from '../partners';

const PAGE_SIZE = 20;

export default function RelationshipsPage() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const address = useListAddress('/t/$tenant/relationships');
  const { search, page, set } = address;
  const q = useRelationships(slug, { type: search.type, page, pageSize: PAGE_SIZE });
  const tail = useRelationshipColumns();

  const party = (p: Relationship['from']) => (
    <AnchorLink to="/t/$tenant/partners/$id" params={{ tenant: slug, id: p.id }}>
      {p.name}
    </AnchorLink>
  );
  const columns: Column<Relationship>[] = [
    { key: 'from', header: t('relationships.from'), primary: true, render: (r) => party(r.from) },
    {
      key: 'type',
      header: t('relationships.type'),
      render: (r) => (
        <Text span fw={500}>
          {enumLabel(t, 'relationshipType', r.type)}
        </Text>
      ),
    },
    { key: 'to', header: t('relationships.to'), render: (r) => party(r.to) },
    ...tail.columns,
  ];

  return (
    <ListPage
      title={t('relationships.title')}
      subtitle={t('relationships.subtitle')}
      filters={
        <div style={{ maxWidth: 360 }}>
          <FilterSelect
            label={t('relationships.type')}
            value={search.type}
            data={enumOptions(t, 'relationshipType', RELATIONSHIP_TYPES)}
            onChange={(v) => set({ type: v as RelationshipSearch['type'] })}
          />
        </div>
      }
      query={q}
      paging={address}
      pageSize={PAGE_SIZE}
      columns={columns}
      rowKey={(r) => r.id}
      caption={t('relationships.title')}
      empty={t('relationships.empty')}
    >
      {tail.dialog}
    </ListPage>
  );
}
