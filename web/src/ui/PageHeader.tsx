import { Box, Group, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

export function PageHeader({ title, subtitle, actions, badges }: { title: ReactNode; subtitle?: ReactNode; actions?: ReactNode; badges?: ReactNode }) {
  const { t } = useTranslation();
  // The browser tab says where you are: "เครือข่าย · ภาคี".
  useEffect(() => {
    if (typeof title === 'string') document.title = `${title} · ${t('app.name')}`;
  }, [title, t]);
  return (
    <Group justify="space-between" align="flex-start" gap="sm" mb="md" wrap="wrap">
      <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
        <Title order={1} className="break-words">
          {title}
        </Title>
        {subtitle ? (
          <Text c="dimmed" className="break-words">
            {subtitle}
          </Text>
        ) : null}
        {badges ? <Group gap={6}>{badges}</Group> : null}
      </Stack>
      {actions ? (
        <Box style={{ flex: '0 1 auto' }}>
          <Group gap="xs" wrap="wrap">
            {actions}
          </Group>
        </Box>
      ) : null}
    </Group>
  );
}
