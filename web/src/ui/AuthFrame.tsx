import { Box, Center, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch';

/** The frame of the pages a person meets before the app: login, an invitation, a password reset or change. */
export function AuthFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0" py="xl" px="md">
      <Group justify="flex-end" maw={480} mx="auto" mb="md">
        <LanguageSwitch />
      </Group>
      <Center>
        <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={480} component="main">
          <Stack gap="xs" mb="lg">
            <Title order={1} c="teal.9">
              {t('app.name')}
            </Title>
            <Text>{t('app.tagline')}</Text>
          </Stack>
          {children}
        </Paper>
      </Center>
    </Box>
  );
}
