import { ActionIcon, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Relationship } from '../../../../common/schemas';
import { RELATIONSHIP_TYPES } from '../../../../common/schemas/enums';
import { useListAddress, type RelationshipSearch } from '../../context/search';
import { usePermissions, useTenant } from '../../context/tenant';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { Column } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { enumLabel, enumOptions } from '../../ui/enums';
import { errorText } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { FilterSelect } from '../../ui/ListFilters';
import { ListPage } from '../../ui/ListPage';
import { useDeleteRelationship, useRelationships } from '../partners';

const PAGE_SIZE = 20;

export default function RelationshipsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const { search, page, set, onPage } = useListAddress('/t/$tenant/relationships');
  const q = useRelationships(slug, { type: search.type, page, pageSize: PAGE_SIZE });
  const del = useDeleteRelationship(slug);
  const [removing, setRemoving] = useState<Relationship | null>(null);

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
    { key: 'start', header: t('relationships.startDate'), render: (r) => formatDate(r.startDate, lang) || '—', nowrap: true },
    { key: 'end', header: t('relationships.endDate'), render: (r) => formatDate(r.endDate, lang) || '—', nowrap: true },
    { key: 'note', header: t('relationships.note'), render: (r) => r.note ?? '—' },
  ];
  if (can.editRelationships) {
    columns.push({
      key: 'actions',
      header: t('common.actions'),
      nowrap: true,
      render: (r) => (
        <ActionIcon
          variant="subtle"
          color="red"
          onClick={() => setRemoving(r)}
          aria-label={t('relationships.deleteAria', { from: r.from.name, to: r.to.name })}
        >
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      ),
    });
  }

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
      page={page}
      pageSize={PAGE_SIZE}
      onPage={onPage}
      columns={columns}
      rowKey={(r) => r.id}
      caption={t('relationships.title')}
      empty={t('relationships.empty')}
    >
      <ConfirmDialog
        opened={!!removing}
        title={t('relationships.deleteTitle')}
        message={
          removing
            ? t('relationships.deleteConfirm', { from: removing.from.name, to: removing.to.name, type: enumLabel(t, 'relationshipType', removing.type) })
            : ''
        }
        loading={del.isPending}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          del.mutate(removing.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('relationships.deleted') });
              setRemoving(null);
            },
            onError: (err) => notifications.show({ color: 'red', message: errorText(err, t) }),
          })
        }
      />
    </ListPage>
  );
}
