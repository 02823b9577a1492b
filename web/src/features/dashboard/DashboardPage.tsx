import { BarList, chartColor, Donut } from './LightCharts';
import { Card, Group, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { IconAddressBook, IconBuildingCommunity, IconLink, IconNetwork, IconUser, IconUsersGroup } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivitySummary } from '../../../../common/schemas';
import { ISSUES, PILLARS, SECTORS, STAGES } from '../../../../common/schemas/enums';
import { usePermissions, useTenant } from '../../context/tenant';
import { actionText, actorText, entityRoute, entityText } from '../../ui/audit';
import { formatDateTime } from '../../ui/dates';
import { enumLabel, PILLAR_COLORS } from '../../ui/enums';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { StatCard } from '../../ui/StatCard';
import { useDashboard } from './api';
import { FirstSteps } from './FirstSteps';

type CountBy = { key: string; count: number }[];

function countOf(list: CountBy, key: string): number {
  return list.find((x) => x.key === key)?.count ?? 0;
}

/** Known keys in their canonical order, then anything the server sent that we do not know. */
function ordered(list: CountBy, keys: readonly string[]): CountBy {
  const known = keys.map((k) => ({ key: k, count: countOf(list, k) }));
  const extra = list.filter((x) => !keys.includes(x.key));
  return [...known, ...extra];
}

function ChartCard({ title, summary, children }: { title: string; summary: { label: string; count: number }[]; children: ReactNode }) {
  const id = useId();
  const { t } = useTranslation();
  const lang = useLang();
  const empty = summary.every((s) => s.count === 0);
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {empty ? (
        <Text c="dimmed">{t('dashboard.noData')}</Text>
      ) : (
        <>
          <div aria-hidden>{children}</div>
          <VisuallyHidden>
            <ul>
              {summary.map((s) => (
                <li key={s.label}>
                  {s.label}: {formatNumber(s.count, lang)}
                </li>
              ))}
            </ul>
          </VisuallyHidden>
        </>
      )}
    </Card>
  );
}

function ActivityItem({ e, t, slug }: { e: ActivitySummary; t: TFunction; slug: string }) {
  const lang = useLang();
  const route = entityRoute(e.entity);
  const label = e.entityLabel ?? '';
  const target =
    route && e.entityId && e.action !== 'delete' ? (
      route === 'network' ? (
        <AnchorLink to="/t/$tenant/networks/$id" params={{ tenant: slug, id: e.entityId }}>
          {label || e.entityId}
        </AnchorLink>
      ) : route === 'knowledge' ? (
        <AnchorLink to="/t/$tenant/knowledge/$id" params={{ tenant: slug, id: e.entityId }}>
          {label || e.entityId}
        </AnchorLink>
      ) : route === 'forum' ? (
        <AnchorLink to="/t/$tenant/forums/$id" params={{ tenant: slug, id: e.entityId }}>
          {label || e.entityId}
        </AnchorLink>
      ) : (
        <AnchorLink to="/t/$tenant/partners/$id" params={{ tenant: slug, id: e.entityId }}>
          {label || e.entityId}
        </AnchorLink>
      )
    ) : (
      <Text span fw={500}>
        {label}
      </Text>
    );
  return (
    <Group justify="space-between" wrap="wrap" gap={4} py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }} component="li">
      <Text size="sm" className="break-words" style={{ flex: '1 1 18rem', minWidth: 0 }}>
        <Text span fw={500}>
          {actorText(t, e)}
        </Text>{' '}
        {actionText(t, e.action)} {entityText(t, e.entity)} {target}
      </Text>
      <Text size="sm" c="dimmed" className="nowrap">
        <time dateTime={e.createdAt}>{formatDateTime(e.createdAt, lang)}</time>
      </Text>
    </Group>
  );
}

export default function DashboardPage() {
  const { t } = useTranslation();
  const { slug, tenant } = useTenant();
  const can = usePermissions();
  const lang = useLang();
  const q = useDashboard(slug);
  const tenantName = lang === 'en' ? tenant.nameEn : tenant.nameTh;

  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const d = q.data;

  const pillars = ordered(d.networksByPillar, PILLARS).map((x) => ({
    key: x.key,
    label: enumLabel(t, 'pillar', x.key),
    count: x.count,
    color: `${PILLAR_COLORS[x.key as keyof typeof PILLAR_COLORS] ?? 'gray'}.6`,
  }));
  const stages = ordered(d.networksByStage, STAGES).map((x) => ({ label: enumLabel(t, 'stage', x.key), count: x.count }));
  const issues = ordered(d.networksByIssue, ISSUES)
    .map((x) => ({ label: enumLabel(t, 'issue', x.key), count: x.count }))
    .filter((x) => x.count > 0)
    .sort((a, b) => b.count - a.count);
  const sectors = ordered(d.partnersBySector, SECTORS).map((x) => ({ label: enumLabel(t, 'sector', x.key), count: x.count }));
  const fmt = (n: number) => formatNumber(n, lang);

  return (
    <Stack gap="lg">
      <PageHeader title={t('dashboard.title')} subtitle={tenantName} />
      {d.totals.partners === 0 || d.totals.networks === 0 ? <FirstSteps partners={d.totals.partners} networks={d.totals.networks} /> : null}

      <section aria-label={t('dashboard.totals')}>
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
          <StatCard label={t('dashboard.totalNetworks')} value={d.totals.networks} icon={<IconNetwork size={24} />} testId="total-networks" />
          <StatCard label={t('dashboard.totalPartners')} value={d.totals.partners} icon={<IconAddressBook size={24} />} testId="total-partners" />
          <StatCard
            label={t('dashboard.totalOrganizations')}
            value={d.totals.organizations}
            icon={<IconBuildingCommunity size={24} />}
            testId="total-organizations"
          />
          <StatCard label={t('dashboard.totalPeople')} value={d.totals.people} icon={<IconUser size={24} />} testId="total-people" />
          <StatCard label={t('dashboard.totalMemberships')} value={d.totals.memberships} icon={<IconUsersGroup size={24} />} testId="total-memberships" />
          <StatCard label={t('dashboard.totalRelationships')} value={d.totals.relationships} icon={<IconLink size={24} />} testId="total-relationships" />
        </SimpleGrid>
      </section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <ChartCard title={t('dashboard.byPillar')} summary={pillars}>
          <Group justify="center" gap="lg" wrap="wrap">
            <Donut data={pillars} size={180} thickness={28} label={fmt(pillars.reduce((s, p) => s + p.count, 0))} format={fmt} />
            <Stack gap={6}>
              {pillars.map((p) => (
                <Group key={p.key} gap={8} wrap="nowrap">
                  <span style={{ width: 12, height: 12, borderRadius: 3, background: chartColor(p.color), flexShrink: 0 }} />
                  <Text size="sm">
                    {p.label}: <b>{fmt(p.count)}</b>
                  </Text>
                </Group>
              ))}
            </Stack>
          </Group>
        </ChartCard>

        <ChartCard title={t('dashboard.byStage')} summary={stages}>
          <BarList data={stages} color="teal.7" format={fmt} />
        </ChartCard>

        <ChartCard title={t('dashboard.byIssue')} summary={issues}>
          <BarList data={issues} color="blue.7" format={fmt} />
        </ChartCard>

        <ChartCard title={t('dashboard.bySector')} summary={sectors}>
          <BarList data={sectors} color="grape.7" format={fmt} />
        </ChartCard>
      </SimpleGrid>

      {can.seeRecentActivity ? (
        <Card withBorder radius="md" p="md" component="section" aria-labelledby="recent-activity-title">
          <Title order={2} size="h3" id="recent-activity-title" mb="xs">
            {t('dashboard.recentActivity')}
          </Title>
          {d.recentActivity.length === 0 ? (
            <Text c="dimmed">{t('dashboard.noActivity')}</Text>
          ) : (
            <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {d.recentActivity.map((e) => (
                <ActivityItem key={e.id} e={e} t={t} slug={slug} />
              ))}
            </Stack>
          )}
        </Card>
      ) : null}
    </Stack>
  );
}
