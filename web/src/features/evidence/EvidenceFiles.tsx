import { ActionIcon, Anchor, Button, Group, Image, Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceFile } from '../../../../common/schemas/evidence';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { errorText } from '../../ui/ErrorAlert';
import { useDeleteEvidence } from './api';
import './i18n';

/**
 * The files of a progress report or a measurement: photos as thumbnails that open the full picture, PDFs as a
 * chip with the file name; a remove button where the server says the caller may remove (uploader or officer).
 */
export function EvidenceFiles({ files, onChanged, size = 64 }: { files: EvidenceFile[]; onChanged: () => void; size?: number }) {
  const { t } = useTranslation();
  const [removing, setRemoving] = useState<EvidenceFile | null>(null);
  const del = useDeleteEvidence(() => {
    notifications.show({ color: 'teal', message: t('evidence.removed') });
    setRemoving(null);
    onChanged();
  });
  if (!files.length) return null;
  return (
    <Group gap={6} mt={4} role="list" aria-label={t('evidence.files')} data-testid="evidence-files">
      {files.map((f) => (
        <Group key={f.id} gap={2} wrap="nowrap" role="listitem">
          {f.kind === 'pdf' ? (
            <Button
              component="a"
              href={f.url}
              target="_blank"
              rel="noopener"
              variant="default"
              size="compact-sm"
              radius="xl"
              maw={220}
              leftSection={<IconFileTypePdf size={16} aria-hidden color="var(--mantine-color-red-7)" />}
              aria-label={t('evidence.open', { name: f.filename })}
              data-testid="evidence-chip"
            >
              <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{f.filename}</span>
            </Button>
          ) : (
            <Anchor href={f.url} target="_blank" rel="noopener" aria-label={t('evidence.open', { name: f.filename })}>
              <Paper withBorder radius="sm" style={{ overflow: 'hidden', lineHeight: 0 }}>
                <Image src={f.url} w={size} h={size} fit="cover" alt={f.filename} loading="lazy" data-testid="evidence-thumb" />
              </Paper>
            </Anchor>
          )}
          {f.canDelete ? (
            <ActionIcon variant="subtle" color="red" size="md" onClick={() => setRemoving(f)} aria-label={t('evidence.remove', { name: f.filename })}>
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          ) : null}
        </Group>
      ))}
      <ConfirmDialog
        opened={removing !== null}
        title={t('evidence.removeTitle')}
        message={
          <>
            {t('evidence.removeConfirm', { name: removing?.filename ?? '' })}
            {del.error ? <span style={{ display: 'block', color: 'var(--mantine-color-red-7)' }}>{errorText(del.error, t)}</span> : null}
          </>
        }
        confirmLabel={t('common.delete')}
        loading={del.isPending}
        onConfirm={() => removing && del.mutate(removing)}
        onClose={() => {
          del.reset();
          setRemoving(null);
        }}
      />
    </Group>
  );
}
