import { Button, Group, Modal, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
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

/** What a removal needs of its mutation (a TanStack `useMutation` result fits). */
interface RemoveMutation<Id> {
  mutate: (id: Id, options: { onSuccess: () => void; onError: (err: unknown) => void }) => void;
  isPending: boolean;
}

interface RemovalProps<Id> {
  /** Nothing to remove (null) keeps Confirm from doing anything. */
  id: Id | null | undefined;
  mutation: RemoveMutation<Id>;
  doneMessage: string;
  onDone: () => void;
  title: string;
  message: ReactNode;
  confirmLabel?: string;
}

/**
 * A confirmed removal (a record, a member, a file): Confirm runs `mutation` with `id`; on success `doneMessage` shows
 * and `onDone` runs (close the dialog, or leave the deleted record's page); a failure shows as a red notification.
 */
export function ConfirmRemoval<Id>({ id, mutation, doneMessage, onDone, ...dialog }: RemovalProps<Id> & { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      {...dialog}
      loading={mutation.isPending}
      onConfirm={() =>
        id != null &&
        mutation.mutate(id, {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: doneMessage });
            onDone();
          },
          onError: (err) => notifications.show({ color: 'red', message: errorText(err, t) }),
        })
      }
    />
  );
}

/** A record page's Delete button (red, among the header's actions) and its confirmation, a ConfirmRemoval. */
export function DeleteRecordButton<Id>(props: RemovalProps<Id>) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="outline" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={open}>
        {t('common.delete')}
      </Button>
      <ConfirmRemoval {...props} opened={opened} onClose={close} />
    </>
  );
}
