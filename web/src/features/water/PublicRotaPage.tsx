import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PublicRotas } from '../../../../common/schemas/water';
import { api } from '../../api/client';
import { formatDate } from '../../ui/dates';
import { useLang } from '../../ui/hooks';
import { PublicItems, PublicPage } from '../../ui/PublicPage';
import './i18n';
import { TurnsTable } from './TurnsTable';

/** Published rotas (รอบเวร) for anyone, no login: turns by group, the current one marked; no names of people. */
export default function PublicRotaPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { tenant } = useParams({ from: '/p/$tenant/water/rota' });
  const list = useQuery({
    queryKey: ['public', tenant, 'water-rota'],
    queryFn: ({ signal }) => api<PublicRotas>(`/public/${encodeURIComponent(tenant)}/water/rota`, { signal }),
  });
  return (
    <PublicPage tenant={list.data?.tenant} title={t('water.public.title')} subtitle={t('water.public.subtitle')}>
      <PublicItems query={list} empty={t('water.public.none')}>
        {(items) =>
          items.map((r) => (
            <Paper key={r.id} withBorder p="md" data-testid="public-rota">
              <Stack gap="sm">
                <Title order={2} size="h3">
                  {r.season}
                </Title>
                <Group gap={6} wrap="wrap">
                  <Text size="sm" c="dimmed">
                    {r.source.name} · {formatDate(r.startsOn, lang)} – {formatDate(r.endsOn, lang)}
                  </Text>
                  <Badge variant="outline">{t(`water.rota.rules.${r.rule}`)}</Badge>
                  <Badge variant="outline">{t(`water.rota.orders.${r.order}`)}</Badge>
                  <Badge variant="outline">{t('water.rota.hoursEach', { n: r.turnHours })}</Badge>
                </Group>
                <TurnsTable turns={r.turns} testId="public-rota-turns" />
              </Stack>
            </Paper>
          ))
        }
      </PublicItems>
    </PublicPage>
  );
}
