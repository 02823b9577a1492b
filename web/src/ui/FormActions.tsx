import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';

/**
 * The end of a form: the save's error as an alert (nothing when there is none; pass `errorWithoutFields(err)` where
 * the field messages are on the fields already), then Cancel and the submit button on the right. `children` stand
 * before Cancel (a link back, with `mr="auto"` to push it left).
 */
export function FormActions({
  error,
  onCancel,
  saving,
  submitLabel,
  disabled,
  submitTestId,
  submitColor,
  children,
}: {
  error: unknown;
  onCancel: () => void;
  saving: boolean;
  /** "บันทึก" unless given (e.g. "create" on a new record). */
  submitLabel?: string;
  disabled?: boolean;
  submitTestId?: string;
  /** Red for a save that takes something back (a withdrawal); the theme's colour otherwise. */
  submitColor?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ErrorAlert error={error} />
      <Group justify="flex-end">
        {children}
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" color={submitColor} loading={saving} disabled={disabled} data-testid={submitTestId}>
          {submitLabel ?? t('common.save')}
        </Button>
      </Group>
    </>
  );
}
