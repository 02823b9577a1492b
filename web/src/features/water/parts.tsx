import { Alert, Badge, Stack, Text } from '@mantine/core';
import { IconDroplet } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Zone } from '../../../../common/schemas/water';
import { useTenant } from '../../context/tenant';
import { formatDateTime } from '../../ui/dates';
import { useLang } from '../../ui/hooks';
import { useMyTurns } from './api';
import './i18n';

// hues whose shade 9 on shade 0 keeps AA contrast in a light badge
export const ZONE_COLOR: Record<Zone, string> = { upstream: 'blue', midstream: 'grape', downstream: 'pink' };

export function ZoneBadge({ zone }: { zone: Zone }) {
  const { t } = useTranslation();
  return (
    <Badge color={ZONE_COLOR[zone]} variant="light">
      {t(`water.zone.${zone}`)}
    </Badge>
  );
}

/** "My next turn": the member's groups and the next turn of any of them in a published rota. */
export function MyTurnCard() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const mine = useMyTurns(slug);
  if (!mine.data || !mine.data.groups.length) return null;
  const [next, ...later] = mine.data.next;
  return (
    <Alert color="blue" variant="light" icon={<IconDroplet aria-hidden />} title={t('water.my.title')} data-testid="my-next-turn">
      <Stack gap={4}>
        <Text size="sm">{t('water.my.groups', { groups: mine.data.groups.map((g) => g.name).join(', ') })}</Text>
        {next ? (
          <>
            <Text fw={700} size="lg">
              {next.current ? t('water.my.now') : t('water.my.next')} {next.groupName}
            </Text>
            <Text>
              {formatDateTime(next.startsAt, lang)} – {formatDateTime(next.endsAt, lang)}
            </Text>
            <Text size="sm" c="dimmed">
              {next.season} · {next.sourceName}
            </Text>
            {later.length ? (
              <Text size="sm">
                {t('water.my.later')} {later.map((x) => formatDateTime(x.startsAt, lang)).join(' · ')}
              </Text>
            ) : null}
          </>
        ) : (
          <Text>{t('water.my.none')}</Text>
        )}
      </Stack>
    </Alert>
  );
}
