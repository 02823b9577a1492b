import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OneTimeLink } from '../../../../common/schemas';
import { formatDateTime } from '../../ui/dates';
import { useLang } from '../../ui/hooks';
import { linkUrl } from './api';

/** A one-time link shown once, to copy and send (LINE, e-mail, a printed note): it cannot be shown again. */
export function CopyLink({ link, title, testId }: { link: OneTimeLink; title: string; testId?: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const url = linkUrl(link);
  return (
    <Alert color="teal" icon={<IconLink aria-hidden />} title={title}>
      <Stack gap="xs">
        <Text size="sm">{t('accounts.linkOnce', { until: formatDateTime(link.expiresAt, lang) })}</Text>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            aria-label={t('accounts.link')}
            value={url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: 1, minWidth: 0 }}
            data-testid={testId ?? 'one-time-link'}
          />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button
                onClick={copy}
                color={copied ? 'teal' : undefined}
                leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
              >
                {copied ? t('accounts.copied') : t('accounts.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Alert>
  );
}
