import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NetworkContinuity } from '../../../../common/schemas/plans';
import { useTenant } from '../../context/tenant';
import { AnchorLink } from '../../ui/links';
import { SectionCard } from '../../ui/SectionCard';
import { useContinuity } from './api';
import './i18n';

/** A network's fiscal years with a joint plan: filled = a plan, outlined = a gap; and its current run. */
export function ContinuityRow({ c, highlight, link }: { c: NetworkContinuity; highlight?: number; link?: boolean }) {
  const { t } = useTranslation();
  // one year is not a range: "1 ปี (2570)", not "2570–2570"
  const runText = (key: 'latestRun' | 'longestRun', r: { from: number; to: number; length: number }) =>
    r.from === r.to ? t(`plan.${key}Single`, { from: r.from }) : t(`plan.${key}`, { count: r.length, from: r.from, to: r.to });
  const { slug } = useTenant();
  if (!c.years.length) return null;
  const from = c.years[0];
  const to = c.years.at(-1)!;
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const has = new Set(c.years);
  return (
    <Stack gap={4} data-testid="continuity">
      <Group gap="xs" wrap="wrap">
        {link ? (
          <AnchorLink to="/t/$tenant/networks/$id" params={{ tenant: slug, id: c.networkId }} fw={600}>
            {c.name}
          </AnchorLink>
        ) : null}
        <Text size="sm">
          {c.latestRun ? runText('latestRun', c.latestRun) : null}
          {c.longestRun && c.latestRun && c.longestRun.length > c.latestRun.length ? ` · ${runText('longestRun', c.longestRun)}` : null}
        </Text>
      </Group>
      <Group gap={4} wrap="wrap" role="list" aria-label={t('plan.yearsWithPlan', { name: c.name })}>
        {years.map((y) => (
          <Badge
            key={y}
            role="listitem"
            variant={has.has(y) ? 'filled' : 'outline'}
            color={has.has(y) ? 'teal' : 'gray.7'}
            style={y === highlight ? { outline: '2px solid var(--mantine-color-orange-7)', outlineOffset: 1 } : undefined}
            aria-label={`${y}: ${has.has(y) ? t('plan.hasPlan') : t('plan.gap')}`}
          >
            {y}
          </Badge>
        ))}
      </Group>
    </Stack>
  );
}

/** The continuity of one network (network page): its run of consecutive fiscal years with a joint plan. */
export function NetworkContinuityCard({ networkId }: { networkId: string }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const q = useContinuity(slug, networkId);
  const c = q.data?.items.find((x) => x.networkId === networkId);
  return (
    <SectionCard title={t('plan.continuity')}>
      <Stack gap="xs">
        {c && c.years.length ? <ContinuityRow c={c} /> : <Text c="dimmed">{q.isPending ? t('common.loading') : t('plan.noPlansForNetwork')}</Text>}
        <Group gap="md">
          <AnchorLink to="/t/$tenant/plans" params={{ tenant: slug }} search={{ networkId }} data-testid="network-plans-link">
            {t('plan.networkPlans')}
          </AnchorLink>
        </Group>
      </Stack>
    </SectionCard>
  );
}
