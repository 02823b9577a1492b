import { Box, Group, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of a public page: the app name, the language switch, a readable width. */
export function PublicShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box component="main" p={{ base: 'sm', sm: 'xl' }} maw={860} mx="auto">
      <Group justify="space-between" mb="md" wrap="nowrap">
        <Text fw={700} fz="xl" c="teal.9">
          {t('app.name')}
        </Text>
        <LanguageSwitch />
      </Group>
      {children}
    </Box>
  );
}
