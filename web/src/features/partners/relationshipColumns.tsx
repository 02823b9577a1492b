import { ActionIcon } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Relationship } from '../../../../common/schemas';
import { usePermissions, useTenant } from '../../context/tenant';
import { ConfirmRemoval } from '../../ui/ConfirmDialog';
import type { Column } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { enumLabel } from '../../ui/enums';
import { useLang } from '../../ui/hooks';
import { useDeleteRelationship } from './api';

/**
 * The columns every relationship table ends with (start, end, note and, for an editor, the delete button), and the
 * confirmation that button opens, which deletes the relationship: the partner's page and the relationships list.
 */
export function useRelationshipColumns(): { columns: Column<Relationship>[]; dialog: ReactNode } {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const del = useDeleteRelationship(slug);
  const [removing, setRemoving] = useState<Relationship | null>(null);

  const columns: Column<Relationship>[] = [
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

  const dialog = (
    <ConfirmRemoval
      id={removing?.id}
      opened={!!removing}
      onClose={() => setRemoving(null)}
      onDone={() => setRemoving(null)}
      title={t('relationships.deleteTitle')}
      message={
        removing
          ? t('relationships.deleteConfirm', { from: removing.from.name, to: removing.to.name, type: enumLabel(t, 'relationshipType', removing.type) })
          : ''
      }
      doneMessage={t('relationships.deleted')}
      mutation={del}
    />
  );
  return { columns, dialog };
}
