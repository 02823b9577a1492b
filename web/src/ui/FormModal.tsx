import { type MantineSpacing, Modal, type ModalProps, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormActions } from './FormActions';
import { showServerFieldErrors } from './serverErrors';

/**
 * A modal form's values and field messages, started afresh from `initial()` each time the modal opens (and whenever
 * one of `deps`, the record it edits, changes while open), with `save`'s last answer forgotten when given. `set(key,
 * value)` changes one field.
 */
export function useModalDraft<T extends object>(opened: boolean, initial: () => T, deps: unknown[] = [], save?: { reset: () => void }) {
  const [v, setV] = useState<T>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!opened) return;
    setV(initial());
    setErrors({});
    save?.reset();
  }, [opened, ...deps]);
  const set = <K extends keyof T>(k: K, value: T[K]) => setV((x) => ({ ...x, [k]: value }));
  return { v, setV, set, errors, setErrors };
}

/**
 * A modal form's save options (`save.mutate(body, closeAfterSave({ … }))`): on success the `done` notice, `then` with
 * the answer, and the modal closes; on failure a 400's field messages go onto the fields through `setErrors`, the
 * focus on the first (the FormModal's alert shows any other error).
 */
export function closeAfterSave<T>({
  done,
  then,
  onClose,
  setErrors,
}: {
  done: string;
  then?: (saved: T) => void;
  onClose: () => void;
  setErrors: (errors: Record<string, string>) => void;
}) {
  return {
    onSuccess: (saved: T) => {
      notifications.show({ color: 'teal', message: done });
      then?.(saved);
      onClose();
    },
    onError: (err: unknown) => void showServerFieldErrors(setErrors, err),
  };
}

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
  submitLabel,
  submitTestId,
  submitColor,
  testId,
  gap,
  children,
  ...modal
}: {
  opened: boolean;
  onClose: () => void;
  title: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  saving: boolean;
  error: unknown;
  /** "บันทึก" unless given. */
  submitLabel?: string;
  submitTestId?: string;
  submitColor?: string;
  /** The form's data-testid. */
  testId?: string;
  /** The space between the fields (Mantine's md unless given; sm for a long form). */
  gap?: MantineSpacing;
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
        <Stack gap={gap}>
          {children}
          <FormActions error={error} onCancel={onClose} saving={saving} submitLabel={submitLabel} submitTestId={submitTestId} submitColor={submitColor} />
        </Stack>
      </form>
    </Modal>
  );
}
