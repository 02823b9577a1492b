import { Group, Paper, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { formatNumber } from './format';
import { useLang } from './hooks';

/** A headline count in a card: the label, the number in the reader's digits, an icon beside it. */
export function StatCard({ label, value, icon, testId }: { label: string; value: number; icon: ReactNode; testId: string }) {
  const lang = useLang();
  return (
    <Paper withBorder p="md" radius="md">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2}>
          <Text size="sm" c="dimmed" fw={500}>
            {label}
          </Text>
          <Text fz={28} fw={700} lh={1.2} data-testid={testId} data-value={value}>
            {formatNumber(value, lang)}
          </Text>
        </Stack>
        <Text c="teal.9" aria-hidden>
          {icon}
        </Text>
      </Group>
    </Paper>
  );
}
