import { Button, Group, Modal, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from './ErrorAlert';

export function ConfirmDialog({
  opened,
  title,
  message,
  confirmLabel,
  confirmColor = 'red',
  loading,
  onConfirm,
  onClose,
}: {
  opened: boolean;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
  /** Red for deleting; another colour for actions that lose nothing (restoring a version). */
  confirmColor?: string;
  loading?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Text mb="lg">{message}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button color={confirmColor} loading={loading} onClick={onConfirm} data-testid="confirm-action">
          {confirmLabel ?? t('common.delete')}
        </Button>
      </Group>
    </Modal>
  );
}

/**
 * Removing one row after a confirmation (an attachment, a member, a relationship): open while there is a `target`,
 * the request gets its id; on success a notice and close, a refusal is a red notice and the dialog stays.
 */
export function ConfirmRemoval<T extends { id: string }>({
  target,
  onClose,
  title,
  message,
  confirmLabel,
  done,
  removal,
}: {
  target: T | null;
  onClose: () => void;
  title: string;
  message: (target: T) => ReactNode;
  confirmLabel?: string;
  /** The notice once it is removed. */
  done: string;
  removal: { mutate: (id: string, options: { onSuccess: () => void; onError: (err: unknown) => void }) => void; isPending: boolean };
}) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      opened={!!target}
      title={title}
      message={target ? message(target) : ''}
      confirmLabel={confirmLabel}
      loading={removal.isPending}
      onClose={onClose}
      onConfirm={() =>
        target &&
        removal.mutate(target.id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: done });
            onClose();
          },
          onError: (err) => notifications.show({ color: 'red', message: errorText(err, t) }),
        })
      }
    />
  );
}
