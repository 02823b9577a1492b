import { Button, Group, List, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntegratedProject, IntegrationStatus, LocalPlanDetail } from '../../../../common/schemas/localplans';
import { formatBaht } from '../../../../common/thai/money';
import { apiUrl, tenantPath } from '../../api/client';
import { useTenant } from '../../app/tenant';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useLocalPlan, useLocalPlanRights, useSetStatus } from './api';
import { StatusBadge, useEditionLabel } from './parts';

const NEXT: Partial<Record<IntegrationStatus, IntegrationStatus>> = { proposed: 'integrated', integrated: 'in_budget', in_budget: 'done' };

export default function LocalPlanPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const { id } = useParams({ strict: false }) as { id: string };
  const plan = useLocalPlan(slug, id);
  const editionLabel = useEditionLabel();
  const [edition, setEdition] = useState<string | null>(null);
  if (plan.isPending) return <Loading />;
  if (plan.isError) return <ErrorAlert error={plan.error} />;
  const p = plan.data;
  const query = edition ? { edition } : undefined;
  return (
    <Stack gap="md">
      <PageHeader
        title={`${p.localGovernment.name}: ${p.name}`}
        subtitle={`${p.startYear}–${p.endYear}`}
        actions={
          <Group gap="xs" align="end">
            <Select
              label={t('localPlans.exportEdition')}
              data={[{ value: '', label: t('localPlans.edition.all') }, ...p.editions.map((e) => ({ value: e.id, label: editionLabel(e) }))]}
              value={edition ?? ''}
              onChange={(v) => setEdition(v || null)}
              w={220}
            />
            <Button
              component="a"
              href={apiUrl(tenantPath(slug, `/local-plans/${p.id}/p02.xlsx`), query)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="export-p02"
            >
              {t('localPlans.exportP02')}
            </Button>
            <Button
              component="a"
              href={apiUrl(tenantPath(slug, `/local-plans/${p.id}/p01.xlsx`), query)}
              download
              variant="default"
              leftSection={<IconDownload size={16} aria-hidden />}
              data-testid="export-p01"
            >
              {t('localPlans.exportP01')}
            </Button>
          </Group>
        }
      />
      <Title order={3}>{t('localPlans.editions')}</Title>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('localPlans.editions')}</Table.Th>
            <Table.Th>{t('localPlans.edition.approvedOn')}</Table.Th>
            <Table.Th>{t('localPlans.edition.act')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.editions.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{editionLabel(e)}</Table.Td>
              <Table.Td>{formatDate(e.approvedOn, lang)}</Table.Td>
              <Table.Td>{e.approvingAct}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={3}>{t('localPlans.strategies')}</Title>
      <List type="ordered">
        {p.strategies.map((s) => (
          <List.Item key={s.id}>
            <Text fw={600}>{s.name}</Text>
            {s.provinceStrategy ? (
              <Text size="sm" c="dimmed">
                {t('localPlans.provinceStrategy')}: {s.provinceStrategy}
              </Text>
            ) : null}
            <List withPadding>
              {s.programmes.map((g) => (
                <List.Item key={g.id}>{g.name}</List.Item>
              ))}
            </List>
          </List.Item>
        ))}
      </List>
      <Title order={3}>{t('localPlans.projects')}</Title>
      <Projects plan={p} />
    </Stack>
  );
}

function Projects({ plan }: { plan: LocalPlanDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const rights = useLocalPlanRights();
  const editionLabel = useEditionLabel();
  const programmes = new Map(plan.strategies.flatMap((s) => s.programmes.map((g) => [g.id, g.name] as const)));
  return (
    <Table.ScrollContainer minWidth={700}>
      <Table striped withTableBorder data-testid="local-plan-projects">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('localPlans.projects')}</Table.Th>
            <Table.Th>{t('localPlans.programme')}</Table.Th>
            <Table.Th>{t('localPlans.jointPlan')}</Table.Th>
            <Table.Th ta="right">{t('localPlans.budget')}</Table.Th>
            <Table.Th>{t('localPlans.status.label')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {plan.projects.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>{item.project.name}</Table.Td>
              <Table.Td>{programmes.get(item.programmeId)}</Table.Td>
              <Table.Td>
                {item.jointPlan.name} ({item.jointPlan.fiscalYear})
                <Text size="xs" c="dimmed">
                  {item.networks.map((n) => n.name).join(', ')}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatBaht(item.totalSatang, lang)}</Table.Td>
              <Table.Td>
                <Stack gap={4}>
                  <Group gap={4}>
                    <StatusBadge status={item.status} />
                    {item.edition ? <Text size="xs">{editionLabel(item.edition)}</Text> : null}
                  </Group>
                  {item.dropReason ? <Text size="xs">{item.dropReason}</Text> : null}
                  {rights.manage ? <StatusActions slug={slug} plan={plan} item={item} /> : null}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function StatusActions({ slug, plan, item }: { slug: string; plan: LocalPlanDetail; item: IntegratedProject }) {
  const { t } = useTranslation();
  const editionLabel = useEditionLabel();
  const set = useSetStatus(slug, plan.id);
  const [editionId, setEditionId] = useState<string | null>(plan.editions.at(-1)?.id ?? null);
  const [reason, setReason] = useState('');
  const next = NEXT[item.status];
  if (!next) return null;
  return (
    <Stack gap={4}>
      {next === 'integrated' ? (
        <Select
          size="xs"
          aria-label={t('localPlans.integrateInto')}
          data={plan.editions.map((e) => ({ value: e.id, label: editionLabel(e) }))}
          value={editionId}
          onChange={setEditionId}
        />
      ) : null}
      <Group gap={4}>
        <Button
          size="xs"
          variant="default"
          loading={set.isPending}
          onClick={() => set.mutate({ itemId: item.id, status: next, editionId: editionId ?? undefined })}
        >
          {t('localPlans.next', { status: t(`localPlans.status.${next}`) })}
        </Button>
        <TextInput
          size="xs"
          aria-label={t('localPlans.dropReason')}
          placeholder={t('localPlans.dropReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Button
          size="xs"
          variant="default"
          disabled={reason.trim().length < 3}
          onClick={() => set.mutate({ itemId: item.id, status: 'dropped', dropReason: reason })}
        >
          {t('localPlans.drop')}
        </Button>
      </Group>
      {set.isError ? <ErrorAlert error={set.error} /> : null}
    </Stack>
  );
}
