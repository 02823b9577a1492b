import { Box, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A definition list laid out as a responsive grid. */
export function FieldGrid({ children, cols = { base: 1, sm: 2 } }: { children: ReactNode; cols?: { base: number; sm?: number; md?: number } }) {
  return (
    <SimpleGrid component="dl" cols={cols} spacing="md" verticalSpacing="sm" m={0}>
      {children}
    </SimpleGrid>
  );
}

export function Field({ label, children, span }: { label: string; children: ReactNode; span?: boolean }) {
  const empty = children === null || children === undefined || children === '' || children === false;
  return (
    <Box style={span ? { gridColumn: '1 / -1' } : undefined}>
      <Text component="dt" size="sm" c="dimmed" fw={500}>
        {label}
      </Text>
      <Box component="dd" m={0} className="break-words">
        {empty ? '—' : children}
      </Box>
    </Box>
  );
}
