import { Badge, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RotaDetail, Swap } from '../../../../common/schemas/water';
import { api, tenantPath } from '../../api/client';
import { useTenant } from '../../context/tenant';
import { formatDateTime } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { useMyTurns, useWaterRights } from './api';
import { ZoneBadge } from './parts';
import './i18n';

const SWAP_COLOR: Record<Swap['status'], string> = { pending: 'gray', accepted: 'teal', declined: 'red' };

/**
 * Swapping turns of a published rota with consent: a member offers one of his group's coming turns for another group's;
 * that group's head or officer (or an officer) accepts or declines; everyone sees the requests.
 */
export function SwapsPanel({ rota }: { rota: RotaDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const qc = useQueryClient();
  const rights = useWaterRights();
  const mine = useMyTurns(slug);
  const swaps = useQuery({
    queryKey: ['t', slug, 'water', 'swaps', rota.id],
    queryFn: ({ signal }) => api<Swap[]>(tenantPath(slug, `/water/rota/${rota.id}/swaps`), { signal }),
  });
  const [turnId, setTurnId] = useState<string | null>(null);
  const [withTurnId, setWithTurnId] = useState<string | null>(null);
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['t', slug, 'water', 'swaps', rota.id] });
    void qc.invalidateQueries({ queryKey: ['t', slug, 'water', 'rota', rota.id] });
    void qc.invalidateQueries({ queryKey: ['t', slug, 'water', 'my-turns'] });
  };
  const ask = useMutation({
    mutationFn: () => api<Swap>(tenantPath(slug, `/water/rota/${rota.id}/swaps`), { method: 'POST', body: { turnId, withTurnId } }),
    onSuccess: () => {
      setTurnId(null);
      setWithTurnId(null);
      refresh();
    },
  });
  const decide = useMutation({
    mutationFn: (v: { id: string; decision: 'accept' | 'decline' }) => api<Swap>(tenantPath(slug, `/water/swaps/${v.id}/${v.decision}`), { method: 'POST' }),
    onSuccess: refresh,
  });
  if (rota.status !== 'published') return null;
  const now = Date.now();
  const coming = rota.turns.filter((x) => Date.parse(x.startsAt) > now);
  const myGroups = new Set(mine.data?.groups.map((g) => g.id) ?? []);
  const offer = rights.manage ? coming : coming.filter((x) => myGroups.has(x.groupId));
  const offered = coming.find((x) => x.id === turnId);
  const label = (x: RotaDetail['turns'][number]) => `#${x.seq} ${formatDateTime(x.startsAt, lang)} · ${x.groupName}`;
  const fields = fieldErrorsOf(ask.error);
  return (
    <Stack gap="sm" data-testid="rota-swaps">
      <Title order={3}>{t('water.swap.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('water.swap.hint')}
      </Text>
      {offer.length ? (
        <Card withBorder padding="sm">
          <Stack gap="xs">
            <Select
              label={t('water.swap.myTurn')}
              data={offer.map((x) => ({ value: x.id, label: label(x) }))}
              value={turnId}
              onChange={(v) => {
                setTurnId(v);
                setWithTurnId(null);
              }}
              searchable
              error={fields.turnId}
              data-testid="swap-turn"
            />
            <Select
              label={t('water.swap.theirTurn')}
              data={coming.filter((x) => offered && x.groupId !== offered.groupId).map((x) => ({ value: x.id, label: label(x) }))}
              value={withTurnId}
              onChange={setWithTurnId}
              searchable
              disabled={!offered}
              error={fields.withTurnId}
              data-testid="swap-with"
            />
            <ErrorAlert error={errorWithoutFields(ask.error)} />
            <Group>
              <Button onClick={() => ask.mutate()} loading={ask.isPending} disabled={!turnId || !withTurnId} data-testid="swap-submit">
                {t('water.swap.ask')}
              </Button>
            </Group>
          </Stack>
        </Card>
      ) : mine.data?.groups.length ? null : (
        <Text size="sm" c="dimmed">
          {t('water.swap.notMember')}
        </Text>
      )}
      {decide.error ? <ErrorAlert error={decide.error} /> : null}
      {swaps.isError ? <ErrorAlert error={swaps.error} /> : null}
      {(swaps.data ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('water.swap.none')}
        </Text>
      ) : (
        (swaps.data ?? []).map((s) => (
          <Card key={s.id} withBorder padding="sm" data-testid="swap">
            <Group gap="xs" wrap="wrap" mb={4}>
              <Badge color={SWAP_COLOR[s.status]} variant="light" data-testid="swap-status">
                {t(`water.swap.status.${s.status}`)}
              </Badge>
              {s.requestedBy ? <Text size="sm">{t('water.swap.by', { name: s.requestedBy })}</Text> : null}
              {s.decidedBy ? (
                <Text size="sm" c="dimmed">
                  {t('water.swap.decidedBy', { name: s.decidedBy })}
                </Text>
              ) : null}
            </Group>
            {[s.turn, s.withTurn].map((x, i) => (
              <Group key={x.id} gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {i === 0 ? t('water.swap.offers') : t('water.swap.for')}
                </Text>
                <Text size="sm">
                  #{x.seq} {formatDateTime(x.startsAt, lang)} – {formatDateTime(x.endsAt, lang)}
                </Text>
                <ZoneBadge zone={x.zone} />
                <Text size="sm">{x.groupName}</Text>
              </Group>
            ))}
            {s.canDecide ? (
              <Group gap="xs" mt={6}>
                <Button
                  size="compact-sm"
                  color="teal"
                  onClick={() => decide.mutate({ id: s.id, decision: 'accept' })}
                  loading={decide.isPending}
                  data-testid="swap-accept"
                >
                  {t('water.swap.accept')}
                </Button>
                <Button size="compact-sm" variant="default" onClick={() => decide.mutate({ id: s.id, decision: 'decline' })} data-testid="swap-decline">
                  {t('water.swap.decline')}
                </Button>
              </Group>
            ) : null}
          </Card>
        ))
      )}
    </Stack>
  );
}
