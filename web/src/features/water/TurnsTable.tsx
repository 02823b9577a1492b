import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import './i18n';
import type { Zone } from '../../../../common/schemas/water';
import { formatDateTime } from '../../ui/dates';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { ZoneBadge } from './parts';

export interface TurnRow {
  seq: number;
  groupId: string;
  groupName: string;
  zone: Zone;
  startsAt: string;
  endsAt: string;
}

/**
 * A rota's turns (รอบเวร) in order, the current one marked and, for a member, their own groups' turns highlighted.
 * Groups only, never people: the same table serves the officers' rota page and the public one. It scrolls in its own
 * box (focusable, so keyboards can scroll it) and never makes a phone page scroll sideways.
 */
export function TurnsTable({ turns, ownGroups, testId }: { turns: TurnRow[]; ownGroups?: Set<string>; testId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const now = Date.now();
  return (
    <Table.ScrollContainer minWidth={320} type="native" tabIndex={0}>
      <Table verticalSpacing={4} data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('water.rota.from')}</Table.Th>
            <Table.Th>{t('water.rota.to')}</Table.Th>
            <Table.Th>{t('water.group')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {turns.map((x) => {
            const current = Date.parse(x.startsAt) <= now && now < Date.parse(x.endsAt);
            const own = ownGroups?.has(x.groupId);
            return (
              <Table.Tr key={x.seq} bg={current ? 'var(--mantine-color-blue-light)' : own ? 'var(--mantine-color-yellow-light)' : undefined}>
                <Table.Td>{formatNumber(x.seq, lang)}</Table.Td>
                {/* date-times may break between date and hour, so the group's name keeps room on a 390 px phone; the name
                    itself wraps anywhere (a Thai name has no spaces to break at), so the table fits the box without scrolling */}
                <Table.Td style={{ minWidth: 84 }}>{formatDateTime(x.startsAt, lang)}</Table.Td>
                <Table.Td style={{ minWidth: 84 }}>{formatDateTime(x.endsAt, lang)}</Table.Td>
                <Table.Td style={{ minWidth: 120 }}>
                  <Group gap={4} wrap="wrap">
                    <ZoneBadge zone={x.zone} />
                    <Text size="sm" className="break-words" miw={0}>
                      {x.groupName}
                    </Text>
                    {current ? (
                      <Badge size="xs" color="blue">
                        {t('water.rota.now')}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
