import { Modal, type ModalProps, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';

/**
 * A form in a modal: the title with a named close button, the fields (in a Stack), then FormActions — the save's error,
 * Cancel (closes) and Save. The browser's own submit is prevented; `onSubmit` validates and saves. Modal props (`size`,
 * `fullScreen`) pass through.
 */
export function FormModal({
  opened,
  onClose,
  title,
  onSubmit,
  saving,
  error,
  submitTestId,
  testId,
  children,
  ...modal
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  saving: boolean;
  error: unknown;
  submitTestId?: string;
  /** The form's data-testid. */
  testId?: string;
  children: ReactNode;
} & Omit<ModalProps, 'opened' | 'onClose' | 'title' | 'children' | 'onSubmit'>) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} closeButtonProps={{ 'aria-label': t('common.close') }} {...modal}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSubmit(e);
        }}
        noValidate
        data-testid={testId}
      >
        <Stack>
          {children}
          <FormActions error={error} onCancel={onClose} saving={saving} submitTestId={submitTestId} />
        </Stack>
      </form>
    </Modal>
  );
}
