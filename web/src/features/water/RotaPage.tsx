import { Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useTenant } from '../../context/tenant';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useMyTurns, usePublishRota, useRota, useWaterRights } from './api';
import { MyTurnCard, ZoneBadge } from './parts';
import { SwapsPanel } from './SwapsPanel';
import './i18n';
import { TurnsTable } from './TurnsTable';

export default function RotaPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const { id } = useParams({ from: '/t/$tenant/water/rota/$id' });
  const rota = useRota(slug, id);
  const publish = usePublishRota(slug, id);
  const rights = useWaterRights();
  const mine = useMyTurns(slug);
  if (rota.isPending) return <Loading />;
  if (rota.isError) return <ErrorAlert error={rota.error} />;
  const r = rota.data;
  const myGroups = new Set(mine.data?.groups.map((g) => g.id) ?? []);
  return (
    <Stack gap="md">
      <PageHeader
        title={r.season}
        subtitle={`${r.source.name} · ${formatDate(r.startsOn, lang)} – ${formatDate(r.endsOn, lang)}`}
        badges={
          <Group gap={6}>
            <Badge color={r.status === 'published' ? 'teal' : 'gray'} variant="light" data-testid="rota-status">
              {t(`water.rota.status.${r.status}`)}
            </Badge>
            <Badge variant="outline">{t(`water.rota.rules.${r.rule}`)}</Badge>
            <Badge variant="outline">{t(`water.rota.orders.${r.order}`)}</Badge>
            <Badge variant="outline">{t('water.rota.hoursEach', { n: r.turnHours })}</Badge>
          </Group>
        }
        actions={
          rights.manage && r.status === 'draft' ? (
            <Button onClick={() => publish.mutate()} loading={publish.isPending} data-testid="rota-publish">
              {t('water.rota.publish')}
            </Button>
          ) : null
        }
      />
      {publish.error ? <ErrorAlert error={publish.error} /> : null}
      <MyTurnCard />
      <Title order={3}>{t('water.rota.shares')}</Title>
      <Text size="sm" c="dimmed">
        {t('water.rota.sharesHint')}
      </Text>
      <Table.ScrollContainer minWidth={560} type="native" tabIndex={0}>
        <Table striped data-testid="rota-shares">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('water.group')}</Table.Th>
              <Table.Th>{t('water.zoneLabel')}</Table.Th>
              <Table.Th ta="right">{t('water.irrigatedRai')}</Table.Th>
              <Table.Th ta="right">{t('water.rota.quota')}</Table.Th>
              <Table.Th ta="right">{t('water.rota.turns')}</Table.Th>
              <Table.Th ta="right">{t('water.rota.hours')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.shares.map((s) => (
              <Table.Tr key={s.groupId}>
                <Table.Td>{s.groupName}</Table.Td>
                <Table.Td>
                  <ZoneBadge zone={s.zone} />
                </Table.Td>
                <Table.Td ta="right">{formatNumber(s.irrigatedRai, lang)}</Table.Td>
                <Table.Td ta="right">{formatNumber(s.quota, lang)}</Table.Td>
                <Table.Td ta="right">{formatNumber(s.turns, lang)}</Table.Td>
                <Table.Td ta="right">{formatNumber(s.hours, lang)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Title order={3}>{t('water.rota.schedule')}</Title>
      <TurnsTable turns={r.turns} ownGroups={myGroups} testId="rota-turns" />
      <SwapsPanel rota={r} />
    </Stack>
  );
}
