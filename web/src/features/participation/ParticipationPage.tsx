import { BarChart } from '../../ui/charts';
import { ActionIcon, Badge, Button, Card, Group, Paper, SegmentedControl, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconPlus, IconTrash, IconX } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MatrixRow, ParticipationLevel, ParticipationRecord } from '../../../../common/schemas/participation';
import { PARTICIPATION_LEVELS } from '../../../../common/schemas/participation';
import { listAddress } from '../../context/search';
import { useTenant } from '../../context/tenant';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import type { Column } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { enumLabel } from '../../ui/enums';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { FilterGrid } from '../../ui/ListFilters';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { PagedList } from '../../ui/ListPage';
import { fiscalYearLabel, fiscalYearOptions } from '../forums';
import { planPermissions } from '../plans';
import { useDeleteRecord, useMatrix, useRecords } from './api';
import { BulkModal } from './BulkModal';
import { WithFiscalYear } from '../../ui/FiscalYear';
import './i18n';

type Dim = 'networks' | 'pillars' | 'sectors';
const DIM_PARAM: Record<Dim, 'networkId' | 'pillar' | 'sector'> = { networks: 'networkId', pillars: 'pillar', sectors: 'sector' };
const LEVEL_COLORS: Record<ParticipationLevel, string> = { issue: 'indigo.6', plan: 'teal.7', operation: 'orange.7' };
const PAGE = 20;

/** Participation matrix (networks, pillars, sectors × issue / plan / operation) for a fiscal year, with drill-down to the records. */
export default function ParticipationPage() {
  const tenantSlug = useTenant().slug;
  const requested = useSearch({ from: '/t/$tenant/participation' }).fiscalYear;
  return (
    <WithFiscalYear tenant={tenantSlug} requested={requested}>
      {(fiscalYear) => <ParticipationPageView fiscalYear={fiscalYear} />}
    </WithFiscalYear>
  );
}

function ParticipationPageView({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const desktop = useIsDesktop();
  const { slug, role } = useTenant();
  const can = planPermissions(role);
  const search = useSearch({ from: '/t/$tenant/participation' });
  const navigate = useNavigate({ from: '/t/$tenant/participation' });
  const [dim, setDim] = useState<Dim>(search.pillar ? 'pillars' : search.sector ? 'sectors' : 'networks');
  const [bulkOpen, setBulkOpen] = useState(false);
  const [deleting, setDeleting] = useState<ParticipationRecord | null>(null);
  const matrix = useMatrix(slug, fiscalYear);
  const drill = !!(search.level || search.networkId || search.pillar || search.sector);
  const { page, set, onPage } = listAddress(search, navigate);
  const records = useRecords(
    slug,
    { fiscalYear, level: search.level, networkId: search.networkId, pillar: search.pillar, sector: search.sector, page, pageSize: PAGE },
    drill,
  );
  const del = useDeleteRecord(slug);
  const m = matrix.data;
  const rows: MatrixRow[] = m ? m[dim].filter((r) => r.counts.issue + r.counts.plan + r.counts.operation > 0) : [];
  const total = (r: MatrixRow) => r.occasions.issue + r.occasions.plan + r.occasions.operation;
  const sorted = [...rows].sort((a, b) => total(b) - total(a) || a.label.localeCompare(b.label, 'th'));
  const chartRows = sorted.slice(0, 12).map((r) => ({ label: r.label, ...r.occasions }));
  const levelLabel = (l: string) => enumLabel(t, 'participationLevel', l);

  const drillLabel = () => {
    const parts: string[] = [];
    if (search.level) parts.push(levelLabel(search.level));
    const key = search.networkId ?? search.pillar ?? search.sector;
    const d: Dim = search.networkId ? 'networks' : search.pillar ? 'pillars' : 'sectors';
    if (key && m) parts.push(m[d].find((r) => r.key === key)?.label ?? key);
    return parts.join(' · ');
  };

  const matrixCell = (r: MatrixRow, l: ParticipationLevel) =>
    r.counts[l] ? (
      <UnstyledButton
        onClick={() => {
          set({ level: l, networkId: undefined, pillar: undefined, sector: undefined, [DIM_PARAM[dim]]: r.key });
          // the records open below the matrix: bring them into view (on a phone they are far down)
          setTimeout(() => document.getElementById('pt-records')?.scrollIntoView({ behavior: 'smooth', block: 'start' }), 150);
        }}
        title={t('participation.cellLabel', { row: r.label, level: levelLabel(l), count: r.occasions[l], records: r.counts[l] })}
        data-testid={`cell-${l}`}
        data-value={r.occasions[l]}
        data-records={r.counts[l]}
        style={{ textDecoration: 'underline', color: 'var(--mantine-color-teal-9)' }}
      >
        {formatNumber(r.occasions[l], lang)}
        <Text span size="xs" c="dimmed">
          {' '}
          ({t('participation.peopleShort', { people: formatNumber(r.people[l], lang) })})
        </Text>
      </UnstyledButton>
    ) : (
      <Text span c="dimmed">
        0
      </Text>
    );

  const recordColumns: Column<ParticipationRecord>[] = [
    {
      key: 'title',
      header: t('participation.eventTitle'),
      primary: true,
      render: (r) => (
        <Text fw={500} className="break-words">
          {r.title}
        </Text>
      ),
    },
    { key: 'date', header: t('participation.occurredOn'), render: (r) => formatDate(r.occurredOn, lang), nowrap: true },
    {
      key: 'level',
      header: t('participation.level'),
      render: (r) => (
        <Badge color={LEVEL_COLORS[r.level].split('.')[0]} variant="light">
          {levelLabel(r.level)}
        </Badge>
      ),
      nowrap: true,
    },
    { key: 'who', header: t('participation.who'), render: (r) => r.party?.name ?? r.groupName ?? '—' },
    { key: 'people', header: t('participation.headCount'), render: (r) => formatNumber(r.headCount, lang), align: 'right', nowrap: true },
    { key: 'network', header: t('participation.network'), render: (r) => r.network?.name ?? '—' },
    { key: 'contribution', header: t('participation.contribution'), render: (r) => enumLabel(t, 'contribution', r.contribution) },
    {
      key: 'actions',
      header: t('common.actions'),
      hideOnCard: true,
      render: (r) =>
        can.participate ? (
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('participation.deleteNamed', { name: r.party?.name ?? r.groupName ?? r.title })}
            onClick={() => setDeleting(r)}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        ) : null,
    },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('participation.title')}
        subtitle={t('participation.subtitle')}
        actions={
          can.participate ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setBulkOpen(true)} data-testid="bulk-open">
              {t('participation.bulkTitle')}
            </Button>
          ) : null
        }
      />
      <FilterGrid
        address={{ search: { ...search, fiscalYear }, set }}
        fields={[
          {
            key: 'fiscalYear',
            label: t('participation.fiscalYear'),
            data: fiscalYearOptions(lang),
            numeric: true,
            testId: 'participation-year',
            span: { base: 12, sm: 5, md: 3 },
          },
        ]}
      />
      {matrix.isError ? <ErrorAlert error={matrix.error} /> : null}
      {matrix.isPending ? (
        <Loading />
      ) : m ? (
        <Stack gap="md" style={{ opacity: matrix.isPlaceholderData ? 0.6 : 1 }} aria-busy={matrix.isFetching}>
          <SimpleGrid cols={3} spacing={desktop ? 'sm' : 6}>
            {PARTICIPATION_LEVELS.map((l) => (
              <Paper
                key={l}
                withBorder
                p={desktop ? 'sm' : 8}
                radius="md"
                style={{ borderTop: `4px solid var(--mantine-color-${LEVEL_COLORS[l].replace('.', '-')})` }}
              >
                <UnstyledButton
                  onClick={() => set({ level: l, networkId: undefined, pillar: undefined, sector: undefined })}
                  w="100%"
                  title={t('participation.showLevel', { level: levelLabel(l) })}
                  data-testid={`level-${l}`}
                >
                  <Text size="sm" fw={600}>
                    {levelLabel(l)}
                  </Text>
                  <Text fz={desktop ? 26 : 22} fw={700} data-testid={`total-${l}`} data-value={m.occasions[l]} data-records={m.counts[l]}>
                    {formatNumber(m.occasions[l], lang)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('participation.occasionsPeople', {
                      occasions: formatNumber(m.occasions[l], lang),
                      people: formatNumber(m.people[l], lang),
                      records: formatNumber(m.counts[l], lang),
                    })}
                  </Text>
                </UnstyledButton>
              </Paper>
            ))}
          </SimpleGrid>

          <Card withBorder radius="md" component="section" aria-labelledby="pt-matrix">
            <Group justify="space-between" wrap="wrap" mb="sm">
              <Title order={2} size="h3" id="pt-matrix">
                {t('participation.matrix', { year: fiscalYearLabel(fiscalYear, lang) })}
              </Title>
              <SegmentedControl
                value={dim}
                onChange={(v) => setDim(v as Dim)}
                data={(['networks', 'pillars', 'sectors'] as const).map((d) => ({ value: d, label: t(`participation.by.${d}`) }))}
                aria-label={t('participation.dimension')}
                data-testid="matrix-dimension"
              />
            </Group>
            {sorted.length === 0 ? (
              <Text c="dimmed">{t('participation.noData')}</Text>
            ) : (
              <>
                <div aria-hidden>
                  <BarChart
                    accessibilityLayer={false}
                    h={Math.max(180, chartRows.length * (desktop ? 34 : 40) + 60)}
                    data={chartRows}
                    dataKey="label"
                    orientation="vertical"
                    type="stacked"
                    series={PARTICIPATION_LEVELS.map((l) => ({ name: l, label: levelLabel(l), color: LEVEL_COLORS[l] }))}
                    withLegend
                    gridAxis="x"
                    textColor="gray.8"
                    yAxisProps={{
                      width: desktop ? 220 : 110,
                      tickFormatter: (v: string) => (v.length > (desktop ? 30 : 14) ? `${v.slice(0, desktop ? 29 : 13)}…` : v),
                    }}
                    xAxisProps={{ allowDecimals: false }}
                  />
                </div>
                {sorted.length > chartRows.length ? (
                  <Text size="xs" c="dimmed">
                    {t('participation.chartTop', { count: chartRows.length })}
                  </Text>
                ) : null}
                {desktop ? (
                  <div className="table-scroll">
                    <Table striped withTableBorder mt="sm" data-testid="participation-matrix" data-dimension={dim}>
                      <Table.Caption>{t('participation.matrixCaption')}</Table.Caption>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t(`participation.by.${dim}`)}</Table.Th>
                          {PARTICIPATION_LEVELS.map((l) => (
                            <Table.Th key={l} ta="right">
                              {levelLabel(l)}
                            </Table.Th>
                          ))}
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {sorted.map((r) => (
                          <Table.Tr key={r.key} data-key={r.key}>
                            <Table.Th scope="row" fw={500} className="break-words">
                              {r.label}
                            </Table.Th>
                            {PARTICIPATION_LEVELS.map((l) => (
                              <Table.Td key={l} ta="right" className="nowrap">
                                {matrixCell(r, l)}
                              </Table.Td>
                            ))}
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </div>
                ) : (
                  <>
                    <Text size="xs" c="dimmed" mt="sm">
                      {t('participation.matrixCaption')}
                    </Text>
                    <Stack
                      gap="xs"
                      mt="sm"
                      component="ul"
                      aria-label={t('participation.matrixCaption')}
                      data-testid="participation-matrix"
                      data-dimension={dim}
                      style={{ listStyle: 'none', padding: 0, margin: 0 }}
                    >
                      {sorted.map((r) => (
                        <Paper component="li" key={r.key} withBorder p="xs" radius="md" data-key={r.key}>
                          <Text fw={600} size="sm" className="break-words" mb={4}>
                            {r.label}
                          </Text>
                          <SimpleGrid cols={3} spacing={4}>
                            {PARTICIPATION_LEVELS.map((l) => (
                              <Stack key={l} gap={0}>
                                <Text size="xs" c="dimmed">
                                  {levelLabel(l)}
                                </Text>
                                {matrixCell(r, l)}
                              </Stack>
                            ))}
                          </SimpleGrid>
                        </Paper>
                      ))}
                    </Stack>
                  </>
                )}
              </>
            )}
          </Card>

          {drill ? (
            <Card withBorder radius="md" component="section" aria-labelledby="pt-records" data-testid="participation-records">
              <Group justify="space-between" wrap="wrap" mb="sm">
                <Title order={2} size="h3" id="pt-records" className="break-words">
                  {t('participation.records')}: {drillLabel()}
                </Title>
                <Button
                  variant="default"
                  size="compact-sm"
                  leftSection={<IconX size={14} aria-hidden />}
                  onClick={() => set({ level: undefined, networkId: undefined, pillar: undefined, sector: undefined })}
                >
                  {t('participation.clearDrill')}
                </Button>
              </Group>
              <PagedList
                query={records}
                page={page}
                pageSize={PAGE}
                onPage={onPage}
                columns={recordColumns}
                rowKey={(r) => r.id}
                caption={t('participation.records')}
                cardActions={
                  can.participate
                    ? (r) => (
                        <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(r)}>
                          {t('common.delete')}
                        </Button>
                      )
                    : undefined
                }
              />
            </Card>
          ) : null}
        </Stack>
      ) : null}
      {bulkOpen ? <BulkModal defaultLevel={search.level} onClose={() => setBulkOpen(false)} /> : null}
      <ConfirmDialog
        opened={!!deleting}
        title={t('common.delete')}
        message={deleting ? t('participation.deleteConfirm', { name: deleting.party?.name ?? deleting.groupName ?? deleting.title }) : ''}
        loading={del.isPending}
        onConfirm={() => deleting && del.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
