import { ActionIcon, Anchor, Badge, Box, Button, Card, Group, List, Paper, Progress, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconArrowRight, IconCheck, IconClockHour4, IconMinus, IconPencil, IconPlus } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StrategyMap } from '../../../../common/schemas/strategy';
import { clean } from '../../context/search';
import { useTenant } from '../../context/tenant';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { FilterGrid } from '../../ui/ListFilters';
import { Loading } from '../../ui/Loading';
import { useNetworkOptions } from '../../ui/NetworkSelect';
import { PageHeader } from '../../ui/PageHeader';
import { fiscalYearLabel, fiscalYearOptions } from '../forums';
import { DARK_ORANGE, percent, planPermissions, StatusBadge } from '../plans';
import type { StrategyMapSearch } from '../plans';
import { AttachMore, EvidenceFiles } from '../evidence';
import { useStrategyMap } from './api';
import { MeasurementModal } from './MeasurementModal';
import { FrameModal, GoalModal, IndicatorModal, StrategyModal } from './StrategyEditModals';
import { WithFiscalYear } from '../../ui/FiscalYear';
import '../evidence/i18n';
import './i18n';

type Goal = StrategyMap['goals'][number];
type MapIndicator = Goal['indicators'][number];
type MapStrategy = Goal['strategies'][number];

/** Which edit form is open on the map. */
type Editing =
  | { kind: 'frame' }
  | { kind: 'goal'; goal: Goal | null }
  | { kind: 'strategy'; goal: Goal; strategy: MapStrategy | null }
  | { kind: 'indicator'; goal: Goal; strategy: MapStrategy | null; indicator: MapIndicator | null };

/** A small "add …" or "edit …" button of the map's edit mode. */
function EditButton({ label, name, onClick, add, testId }: { label: string; name?: string; onClick: () => void; add?: boolean; testId: string }) {
  return (
    <Button
      size="compact-sm"
      variant={add ? 'light' : 'subtle'}
      leftSection={add ? <IconPlus size={14} /> : <IconPencil size={14} />}
      onClick={onClick}
      aria-label={name ? `${label}: ${name}` : undefined}
      data-testid={testId}
    >
      {label}
    </Button>
  );
}

const num = (n: number, lang: 'th' | 'en') => new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'th-TH', { maximumFractionDigits: 2 }).format(n);

/** How far the latest value has come towards the target, in the indicator's direction (for the bar only). */
function towards(i: MapIndicator): number {
  if (!i.latest || i.target === null) return 0;
  const v = i.latest.value;
  if (i.direction === 'higher') return i.target <= 0 ? 100 : Math.max(0, Math.min(100, (v / i.target) * 100));
  if (v <= i.target) return 100;
  // lower is better: from the baseline down to the target
  const base = i.baseline ?? v;
  return base <= i.target ? 0 : Math.max(0, Math.min(100, ((base - v) / (base - i.target)) * 100));
}

function IndicatorRow({ i, onMeasure, onEdit }: { i: MapIndicator; onMeasure?: () => void; onEdit?: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const state = i.onTarget === true ? 'reached' : i.onTarget === false ? 'notYet' : 'noData';
  const color = state === 'reached' ? 'teal' : state === 'notYet' ? 'orange' : 'gray';
  const Icon = state === 'reached' ? IconCheck : state === 'notYet' ? IconClockHour4 : IconMinus;
  const qc = useQueryClient();
  const { slug } = useTenant();
  return (
    <Paper withBorder p="xs" radius="sm" data-testid="indicator" data-state={state}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="nowrap" align="flex-start" style={{ flex: '1 1 14rem', minWidth: 0 }}>
          <ThemeIcon color={color} variant="light" size="md" radius="xl" aria-hidden>
            <Icon size={16} />
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm" fw={500} className="break-words">
              {i.name}
            </Text>
            <Text size="sm">
              <b data-testid="indicator-latest">{i.latest ? `${num(i.latest.value, lang)} ${i.unit}` : t('strategy.noValue')}</b>
              {i.target !== null
                ? ` / ${t('strategy.target')} ${t(`strategy.dir.${i.direction}`)} ${num(i.target, lang)} ${i.unit}`
                : ` · ${t('strategy.noTarget')}`}
            </Text>
            {i.latest ? (
              <Text size="xs" c="dimmed">
                {t('strategy.measuredAt', { date: formatDate(i.latest.measuredOn, lang) })}
                {i.latest.source ? ` · ${i.latest.source}` : ''}
                {/* a link recorded before files could be attached */}
                {i.latest.evidenceUrl ? (
                  <>
                    {' · '}
                    <Anchor href={i.latest.evidenceUrl} target="_blank" rel="noopener noreferrer" size="xs">
                      {t('strategy.evidenceUrl')}
                    </Anchor>
                  </>
                ) : null}
              </Text>
            ) : null}
            {i.latest ? (
              <Group gap={6} align="center">
                <EvidenceFiles files={i.latest.files} size={48} onChanged={() => void qc.invalidateQueries({ queryKey: ['t', slug, 'strategy'] })} />
                {onMeasure ? (
                  <AttachMore
                    owner={{ kind: 'measurement', indicatorId: i.id, measurementId: i.latest.id }}
                    count={i.latest.files.length}
                    context={t('evidence.addMoreToMeasurement', { name: i.name })}
                    onDone={() => void qc.invalidateQueries({ queryKey: ['t', slug, 'strategy'] })}
                  />
                ) : null}
              </Group>
            ) : null}
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Badge
            color={color}
            variant={state === 'reached' ? 'filled' : 'light'}
            c={state === 'notYet' ? DARK_ORANGE : undefined}
            style={{ flexShrink: 0, minWidth: 'max-content' }}
          >
            {t(`strategy.state.${state}`)}
          </Badge>
          {onMeasure ? (
            <Button
              size="compact-sm"
              variant="default"
              onClick={onMeasure}
              aria-label={t('strategy.addMeasurementFor', { name: i.name })}
              data-testid="add-measurement"
            >
              {t('strategy.measure')}
            </Button>
          ) : null}
          {onEdit ? (
            <ActionIcon variant="subtle" size="md" onClick={onEdit} aria-label={t('strategy.editIndicatorFor', { name: i.name })} data-testid="edit-indicator">
              <IconPencil size={16} />
            </ActionIcon>
          ) : null}
        </Group>
      </Group>
      {i.target !== null && i.latest ? <Progress value={towards(i)} color={color} size="sm" mt={6} aria-hidden /> : null}
    </Paper>
  );
}

/** Strategy map: vision → goals → strategies → projects → indicators, each indicator's latest value against its target. */
export default function StrategyMapPage() {
  const tenantSlug = useTenant().slug;
  const requested = useSearch({ from: '/t/$tenant/strategy' }).fiscalYear;
  return (
    <WithFiscalYear tenant={tenantSlug} requested={requested}>
      {(fiscalYear) => <StrategyMapPageView fiscalYear={fiscalYear} />}
    </WithFiscalYear>
  );
}

function StrategyMapPageView({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug, role } = useTenant();
  const can = planPermissions(role);
  const search = useSearch({ from: '/t/$tenant/strategy' });
  const navigate = useNavigate({ from: '/t/$tenant/strategy' });
  const q = useStrategyMap(slug, { fiscalYear, networkId: search.networkId });
  const networks = useNetworkOptions();
  const [measuring, setMeasuring] = useState<MapIndicator | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const close = () => setEditing(null);
  const set = (patch: Partial<StrategyMapSearch>) => void navigate({ search: (prev) => clean({ ...prev, ...patch }) });
  const m = q.data;
  const all = m ? m.goals.flatMap((g) => [...g.indicators, ...g.strategies.flatMap((s) => [...s.indicators, ...s.projects.flatMap((p) => p.indicators)])]) : [];
  const unique = new Map(all.map((i) => [i.id, i]));
  const reached = [...unique.values()].filter((i) => i.onTarget === true).length;

  return (
    <Stack gap="md">
      <PageHeader title={t('strategy.title')} subtitle={t('strategy.subtitle')} />
      <FilterGrid
        address={{ search: { ...search, fiscalYear }, set }}
        fields={[
          {
            key: 'fiscalYear',
            label: t('strategy.fiscalYear'),
            data: fiscalYearOptions(lang),
            numeric: true,
            testId: 'strategy-year',
            span: { base: 12, sm: 5, md: 3 },
          },
          { key: 'networkId', label: t('strategy.scope'), data: networks.data, searchable: true, testId: 'strategy-network', span: { base: 12, sm: 7, md: 5 } },
        ]}
      />
      <Group gap={6} wrap="wrap" aria-label={t('strategy.levels')} c="dimmed">
        {(['vision', 'goal', 'strategy', 'project', 'indicator'] as const).map((l, idx) => (
          <Group key={l} gap={6} wrap="nowrap">
            {idx > 0 ? <IconArrowRight size={14} aria-hidden /> : null}
            <Text size="sm">{t(`strategy.level.${l}`)}</Text>
          </Group>
        ))}
      </Group>
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {q.isPending ? (
        <Loading />
      ) : m ? (
        <Stack gap="md" style={{ opacity: q.isPlaceholderData ? 0.6 : 1 }} aria-busy={q.isFetching} data-testid="strategy-map">
          <Card withBorder radius="md" bg="teal.0" component="section" aria-labelledby="sm-vision">
            <Text size="sm" fw={600} c="teal.9" id="sm-vision">
              {t('strategy.vision')}
            </Text>
            <Title order={2} size="h3" className="break-words">
              {m.vision ?? t('strategy.noVision')}
            </Title>
            {m.missions.length ? (
              <>
                <Text size="sm" fw={600} mt="sm">
                  {t('strategy.missions')}
                </Text>
                <List size="sm" spacing={2}>
                  {m.missions.map((x) => (
                    <List.Item key={x}>{x}</List.Item>
                  ))}
                </List>
              </>
            ) : null}
            {unique.size ? (
              <Text size="sm" mt="sm" data-testid="strategy-summary">
                {t('strategy.summary', { reached, total: unique.size, year: fiscalYearLabel(fiscalYear, lang) })}
              </Text>
            ) : null}
            {can.editStrategy ? (
              <Group gap="xs" mt="sm">
                <EditButton label={t('strategy.editFrameShort')} onClick={() => setEditing({ kind: 'frame' })} testId="edit-frame" />
                <EditButton label={t('strategy.addGoal')} add onClick={() => setEditing({ kind: 'goal', goal: null })} testId="add-goal" />
              </Group>
            ) : null}
          </Card>
          {m.goals.length === 0 ? <Text c="dimmed">{t('strategy.noGoals')}</Text> : null}
          {m.goals.map((g) => (
            <Card key={g.id} withBorder radius="md" component="section" aria-labelledby={`g-${g.id}`} data-testid="goal">
              <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                {t('strategy.level.goal')} {g.code ?? ''}
              </Text>
              <Title order={2} size="h3" id={`g-${g.id}`} className="break-words">
                {g.name}
              </Title>
              {g.networks.length || g.parties.length ? (
                <Group gap={4} mt={4}>
                  {g.networks.map((n) => (
                    <Badge key={n.id} size="sm" variant="light" color="grape" style={{ textTransform: 'none' }}>
                      {n.name}
                    </Badge>
                  ))}
                  {g.parties.map((p) => (
                    <Badge key={p.id} size="sm" variant="default" style={{ textTransform: 'none' }} data-testid="goal-party">
                      {p.name}
                    </Badge>
                  ))}
                </Group>
              ) : null}
              {can.editStrategy ? (
                <Group gap="xs" mt="xs">
                  <EditButton label={t('strategy.edit')} name={g.name} onClick={() => setEditing({ kind: 'goal', goal: g })} testId="edit-goal" />
                  <EditButton
                    label={t('strategy.addStrategy')}
                    name={g.name}
                    add
                    onClick={() => setEditing({ kind: 'strategy', goal: g, strategy: null })}
                    testId="add-strategy"
                  />
                  <EditButton
                    label={t('strategy.addIndicator')}
                    name={g.name}
                    add
                    onClick={() => setEditing({ kind: 'indicator', goal: g, strategy: null, indicator: null })}
                    testId="add-goal-indicator"
                  />
                </Group>
              ) : null}
              {g.indicators.length ? (
                <Stack gap={6} mt="sm">
                  {g.indicators.map((i) => (
                    <IndicatorRow
                      key={i.id}
                      i={i}
                      onMeasure={can.measure ? () => setMeasuring(i) : undefined}
                      onEdit={can.editStrategy ? () => setEditing({ kind: 'indicator', goal: g, strategy: null, indicator: i }) : undefined}
                    />
                  ))}
                </Stack>
              ) : null}
              <Stack gap="sm" mt="sm">
                {g.strategies.map((s) => (
                  <Box key={s.id} pl="sm" style={{ borderLeft: '3px solid var(--mantine-color-teal-6)' }} component="section" aria-labelledby={`s-${s.id}`}>
                    <Text size="xs" fw={600} c="dimmed">
                      {t('strategy.level.strategy')} {s.code ?? ''}
                    </Text>
                    <Title order={3} size="h5" id={`s-${s.id}`} className="break-words">
                      {s.name}
                    </Title>
                    {can.editStrategy ? (
                      <Group gap="xs" mt={4}>
                        <EditButton
                          label={t('strategy.edit')}
                          name={s.name}
                          onClick={() => setEditing({ kind: 'strategy', goal: g, strategy: s })}
                          testId="edit-strategy"
                        />
                        <EditButton
                          label={t('strategy.addIndicator')}
                          name={s.name}
                          add
                          onClick={() => setEditing({ kind: 'indicator', goal: g, strategy: s, indicator: null })}
                          testId="add-indicator"
                        />
                      </Group>
                    ) : null}
                    <Stack gap={6} mt={6}>
                      {s.indicators.map((i) => (
                        <IndicatorRow
                          key={i.id}
                          i={i}
                          onMeasure={can.measure ? () => setMeasuring(i) : undefined}
                          onEdit={can.editStrategy ? () => setEditing({ kind: 'indicator', goal: g, strategy: s, indicator: i }) : undefined}
                        />
                      ))}
                    </Stack>
                    {s.projects.length ? (
                      <Stack gap={6} mt="xs" pl="sm" style={{ borderLeft: '2px dashed var(--mantine-color-gray-4)' }}>
                        <Text size="xs" fw={600} c="dimmed">
                          {t('strategy.projectsOfYear', { count: s.projects.length })}
                        </Text>
                        {s.projects.map((p) => (
                          <Box key={p.id}>
                            <Group gap="xs" wrap="wrap">
                              <AnchorLink to="/t/$tenant/plans/$id" params={{ tenant: slug, id: p.planId }} size="sm" fw={500} className="break-words">
                                {p.name}
                              </AnchorLink>
                              <StatusBadge status={p.status} />
                              <Text size="xs" c="dimmed">
                                {t('strategy.progress')} {percent(p.progress, lang)}
                              </Text>
                            </Group>
                            {p.indicators.filter((i) => !s.indicators.some((x) => x.id === i.id)).length ? (
                              <Stack gap={4} mt={4}>
                                {p.indicators
                                  .filter((i) => !s.indicators.some((x) => x.id === i.id))
                                  .map((i) => (
                                    <IndicatorRow key={i.id} i={i} />
                                  ))}
                              </Stack>
                            ) : null}
                          </Box>
                        ))}
                      </Stack>
                    ) : null}
                  </Box>
                ))}
              </Stack>
            </Card>
          ))}
        </Stack>
      ) : null}
      {measuring ? <MeasurementModal indicator={measuring} onClose={() => setMeasuring(null)} /> : null}
      {editing?.kind === 'frame' && m ? <FrameModal networkId={search.networkId ?? null} vision={m.vision} missions={m.missions} onClose={close} /> : null}
      {editing?.kind === 'goal' ? <GoalModal goal={editing.goal} networkId={search.networkId ?? null} onClose={close} /> : null}
      {editing?.kind === 'strategy' ? <StrategyModal goal={editing.goal} strategy={editing.strategy} onClose={close} /> : null}
      {editing?.kind === 'indicator' ? (
        <IndicatorModal goal={editing.goal} strategy={editing.strategy} indicator={editing.indicator} fiscalYear={fiscalYear} onClose={close} />
      ) : null}
    </Stack>
  );
}
