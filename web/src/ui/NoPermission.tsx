import { Alert, Stack } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader';

/** What a form page shows to a role that cannot save it: the reason, not a form it cannot use. */
export function NoPermission({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" maw={960}>
      <PageHeader title={title} />
      <Alert color="orange" icon={<IconInfoCircle aria-hidden />} data-testid="no-permission">
        {t('errors.forbidden')}
      </Alert>
    </Stack>
  );
}
