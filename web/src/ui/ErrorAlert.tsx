import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

export function errorText(err: unknown, t: TFunction): string {
  if (err instanceof ApiError) {
    if (err.code === 'network_error') return t('errors.network');
    // a conflict names its reason in a field (e.g. why a line cannot be deleted): more use than "conflicts with existing data"
    const reasons = Object.values(err.fields);
    if (err.status === 409 && reasons.length) return reasons.join(' ');
    if (err.message) return err.message;
    if (err.status === 404) return t('errors.notFound');
    if (err.status === 403) return t('errors.forbidden');
  }
  return t('errors.generic');
}

export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={title ?? t('errors.title')} role="alert">
      {errorText(error, t)}
    </Alert>
  );
}
