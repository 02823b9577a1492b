import { Box, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsDesktop } from './hooks';

export interface Column<T> {
  key: string;
  header: string;
  render: (row: T) => ReactNode;
  /** Shown as the card title on phones. */
  primary?: boolean;
  nowrap?: boolean;
  /** Hide on phone cards (e.g. action columns rendered elsewhere). */
  hideOnCard?: boolean;
  align?: 'left' | 'right' | 'center';
}

export interface DataViewProps<T> {
  rows: T[];
  columns: Column<T>[];
  rowKey: (row: T) => string;
  caption: string;
  empty?: ReactNode;
  cardActions?: (row: T) => ReactNode;
  testId?: string;
}

/** A table on desktop, a list of cards on phones (no horizontal page scroll). */
export function DataView<T>({ rows, columns, rowKey, caption, empty, cardActions, testId }: DataViewProps<T>) {
  const desktop = useIsDesktop();
  const { t } = useTranslation();
  if (rows.length === 0) {
    return (
      <Paper withBorder p="lg" radius="md">
        <Text c="dimmed" ta="center">
          {empty ?? t('common.noResults')}
        </Text>
      </Paper>
    );
  }
  if (desktop) {
    return (
      <Box className="table-scroll" data-testid={testId}>
        <Table striped withTableBorder captionSide="top">
          <Table.Caption style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' }}>
            {caption}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c.key} className={c.nowrap ? 'nowrap' : undefined} ta={c.align}>
                  {c.header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={rowKey(r)}>
                {columns.map((c) => (
                  <Table.Td key={c.key} className={c.nowrap ? 'nowrap' : 'break-words'} ta={c.align}>
                    {c.render(r)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
    );
  }
  const primary = columns.find((c) => c.primary) ?? columns[0];
  const rest = columns.filter((c) => c !== primary && !c.hideOnCard);
  return (
    <Stack gap="sm" component="ul" aria-label={caption} style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid={testId}>
      {rows.map((r) => (
        <Paper component="li" withBorder p="sm" radius="md" key={rowKey(r)}>
          <Box fw={700} mb={6} className="break-words">
            {primary.render(r)}
          </Box>
          <Box component="dl" m={0} style={{ display: 'grid', gridTemplateColumns: 'minmax(5.5rem, max-content) minmax(0, 1fr)', columnGap: 12, rowGap: 6 }}>
            {rest.map((c) => (
              <Fragment key={c.key}>
                <Text component="dt" size="sm" c="dimmed">
                  {c.header}
                </Text>
                <Box component="dd" m={0} fz="sm" className="break-words">
                  {c.render(r)}
                </Box>
              </Fragment>
            ))}
          </Box>
          {cardActions ? (
            <Group gap="xs" mt="sm" justify="flex-end">
              {cardActions(r)}
            </Group>
          ) : null}
        </Paper>
      ))}
    </Stack>
  );
}
