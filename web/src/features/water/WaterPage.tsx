import { Badge, Button, Group, NumberInput, Select, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROTA_ORDERS, ROTA_RULES, type Source } from '../../../../common/schemas/water';
import { useTenant } from '../../context/tenant';
import { DataView } from '../../ui/DataView';
import { DateField } from '../../ui/DateField';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { FormModal } from '../../ui/FormModal';
import { useGenerateRota, useGroups, useRotas, useSources, useWaterRights, type RotaForm } from './api';
import { CanalDiagram, CONDITION_STYLE } from './CanalDiagram';
import { IncidentsTab } from './Incidents';
import { MyTurnCard, ZoneBadge } from './parts';
import './i18n';

export default function WaterPage() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  return (
    <Stack gap="md">
      <PageHeader
        title={t('water.title')}
        subtitle={t('water.subtitle')}
        actions={
          <Group gap="xs">
            <ButtonLink to="/t/$tenant/water/maintenance" params={{ tenant: slug }} variant="light" data-testid="maint-link">
              {t('water.maint.title')}
            </ButtonLink>
            <Button component="a" href={`/p/${encodeURIComponent(slug)}/water/rota`} variant="subtle" data-testid="public-rota-link">
              {t('water.public.link')}
            </Button>
          </Group>
        }
      />
      <MyTurnCard />
      <Tabs defaultValue="system" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="system">{t('water.tabs.system')}</Tabs.Tab>
          <Tabs.Tab value="groups">{t('water.tabs.groups')}</Tabs.Tab>
          <Tabs.Tab value="rota">{t('water.tabs.rota')}</Tabs.Tab>
          <Tabs.Tab value="incidents">{t('water.tabs.incidents')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="system" pt="md">
          <SystemTab />
        </Tabs.Panel>
        <Tabs.Panel value="groups" pt="md">
          <GroupsTab />
        </Tabs.Panel>
        <Tabs.Panel value="rota" pt="md">
          <RotaTab />
        </Tabs.Panel>
        <Tabs.Panel value="incidents" pt="md">
          <IncidentsTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

/** Depth first from each weir, children by chainage: the list reads like the diagram, head to tail. */
function treeOrder(sources: Source[]): Source[] {
  const out: Source[] = [];
  const visit = (parentId: string | null) =>
    sources
      .filter((s) => s.parentId === parentId)
      .sort((a, b) => a.chainageM - b.chainageM || Number(b.kind === 'gate') - Number(a.kind === 'gate') || a.name.localeCompare(b.name, 'th'))
      .forEach((s) => {
        out.push(s);
        visit(s.id);
      });
  visit(null);
  return out;
}

function SystemTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const desktop = useIsDesktop();
  const { slug } = useTenant();
  const sources = useSources(slug);
  if (sources.isPending) return <Loading />;
  if (sources.isError) return <ErrorAlert error={sources.error} />;
  const weirs = sources.data.filter((s) => s.kind === 'weir');
  if (!weirs.length) return <Text c="dimmed">{t('water.noSources')}</Text>;
  const byId = new Map(sources.data.map((s) => [s.id, s]));
  return (
    <Stack gap="lg">
      {weirs.map((w) => (
        <CanalDiagram key={w.id} sources={sources.data} weirId={w.id} />
      ))}
      <details open={desktop} data-testid="water-sources-details">
        <summary style={{ cursor: 'pointer', fontWeight: 600, marginBottom: 8 }}>
          {t('water.sources')} ({formatNumber(sources.data.length, lang)})
        </summary>
        <DataView
          rows={treeOrder(sources.data)}
          rowKey={(s) => s.id}
          caption={t('water.sources')}
          testId="water-sources"
          columns={[
            { key: 'name', header: t('water.name'), primary: true, render: (s) => s.name },
            { key: 'kind', header: t('water.kindLabel'), render: (s) => t(`water.kind.${s.kind}`) },
            { key: 'parent', header: t('water.parent'), render: (s) => (s.parentId ? (byId.get(s.parentId)?.name ?? '') : '–') },
            { key: 'zone', header: t('water.zoneLabel'), render: (s) => <ZoneBadge zone={s.zone} /> },
            { key: 'lg', header: t('water.localGovernment'), render: (s) => s.localGovernment.name },
            { key: 'condition', header: t('water.conditionLabel'), render: (s) => <ConditionBadge s={s} /> },
            {
              key: 'where',
              header: t('water.location'),
              hideOnCard: true,
              render: (s) => (s.lat !== null && s.lon !== null ? `${s.lat.toFixed(4)}, ${s.lon.toFixed(4)}` : '–'),
            },
          ]}
        />
      </details>
    </Stack>
  );
}

function ConditionBadge({ s }: { s: Source }) {
  const { t } = useTranslation();
  // a dot in the diagram's colour beside dark text: the colour is a cue, the word carries the meaning
  return (
    <Badge variant="dot" color={CONDITION_STYLE[s.condition].color} c="dark.8">
      {t(`water.condition.${s.condition}`)}
    </Badge>
  );
}

function GroupsTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const groups = useGroups(slug);
  if (groups.isPending) return <Loading />;
  if (groups.isError) return <ErrorAlert error={groups.error} />;
  return (
    <DataView
      rows={groups.data}
      rowKey={(g) => g.id}
      caption={t('water.tabs.groups')}
      testId="water-groups"
      empty={t('water.noGroups')}
      columns={[
        {
          key: 'name',
          header: t('water.group'),
          primary: true,
          render: (g) => (
            <AnchorLink to="/t/$tenant/water/groups/$id" params={{ tenant: slug, id: g.id }}>
              {g.name}
            </AnchorLink>
          ),
        },
        { key: 'zone', header: t('water.zoneLabel'), render: (g) => <ZoneBadge zone={g.zone} /> },
        { key: 'source', header: t('water.takesFrom'), render: (g) => g.source.name },
        { key: 'head', header: t('water.role.head'), render: (g) => g.head?.name ?? '–' },
        { key: 'members', header: t('water.members'), align: 'right', render: (g) => formatNumber(g.memberCount, lang) },
        { key: 'rai', header: t('water.irrigatedRai'), align: 'right', render: (g) => formatNumber(g.irrigatedRai, lang) },
      ]}
    />
  );
}

function RotaTab() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const rights = useWaterRights();
  const rotas = useRotas(slug);
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="sm">
      {rights.manage ? (
        <Group>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpen(true)} data-testid="rota-generate">
            {t('water.rota.generate')}
          </Button>
        </Group>
      ) : null}
      {rotas.isPending ? (
        <Loading />
      ) : rotas.isError ? (
        <ErrorAlert error={rotas.error} />
      ) : (
        <DataView
          rows={rotas.data}
          rowKey={(r) => r.id}
          caption={t('water.tabs.rota')}
          testId="water-rotas"
          empty={t('water.rota.none')}
          columns={[
            {
              key: 'season',
              header: t('water.rota.season'),
              primary: true,
              render: (r) => (
                <AnchorLink to="/t/$tenant/water/rota/$id" params={{ tenant: slug, id: r.id }}>
                  {r.season}
                </AnchorLink>
              ),
            },
            { key: 'source', header: t('water.rota.source'), render: (r) => r.source.name },
            { key: 'dates', header: t('water.rota.dates'), render: (r) => `${formatDate(r.startsOn, lang)} – ${formatDate(r.endsOn, lang)}` },
            {
              key: 'status',
              header: t('water.rota.statusLabel'),
              render: (r) => (
                <Badge color={r.status === 'published' ? 'teal' : 'gray'} variant="light">
                  {t(`water.rota.status.${r.status}`)}
                </Badge>
              ),
            },
            { key: 'turns', header: t('water.rota.turns'), align: 'right', render: (r) => formatNumber(r.turnCount, lang) },
          ]}
        />
      )}
      {open ? <GenerateModal onClose={() => setOpen(false)} /> : null}
    </Stack>
  );
}

function GenerateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const navigate = useNavigate();
  const sources = useSources(slug);
  const generate = useGenerateRota(slug);
  const [v, setV] = useState<Partial<RotaForm>>({ turnHours: 24, rule: 'proportional', order: 'downstream_first' });
  const set = (patch: Partial<RotaForm>) => setV((x) => ({ ...x, ...patch }));
  const fields = fieldErrorsOf(generate.error);
  const submit = () =>
    generate.mutate(v as RotaForm, {
      onSuccess: (r) => void navigate({ to: '/t/$tenant/water/rota/$id', params: { tenant: slug, id: r.id } }),
    });
  const options = (sources.data ?? [])
    .filter((s) => s.kind === 'weir' || s.kind === 'main_canal' || s.kind === 'side_canal')
    .map((s) => ({ value: s.id, label: `${s.name} (${t(`water.kind.${s.kind}`)})` }));
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('water.rota.generate')}
      fullScreen={!desktop}
      size="lg"
      gap="sm"
      onSubmit={submit}
      saving={generate.isPending}
      error={errorWithoutFields(generate.error)}
      submitLabel={t('water.rota.generateSubmit')}
      submitTestId="rota-submit"
    >
      <Select
        label={t('water.rota.source')}
        data={options}
        value={v.sourceId ?? null}
        onChange={(x) => set({ sourceId: x ?? undefined })}
        error={fields.sourceId}
        required
        searchable
        data-testid="rota-source"
      />
      <TextInput
        label={t('water.rota.season')}
        value={v.season ?? ''}
        onChange={(e) => set({ season: e.currentTarget.value })}
        error={fields.season}
        required
        placeholder={t('water.rota.seasonPlaceholder')}
        data-testid="rota-season"
      />
      <Group grow align="flex-start">
        <DateField
          label={t('water.rota.startsOn')}
          value={v.startsOn}
          onChange={(x) => set({ startsOn: x ?? undefined })}
          error={fields.startsOn}
          required
          data-testid="rota-starts"
        />
        <DateField
          label={t('water.rota.endsOn')}
          value={v.endsOn}
          onChange={(x) => set({ endsOn: x ?? undefined })}
          error={fields.endsOn}
          required
          data-testid="rota-ends"
        />
      </Group>
      <NumberInput
        label={t('water.rota.turnHours')}
        description={t('water.rota.turnHoursHint')}
        value={v.turnHours}
        onChange={(x) => set({ turnHours: typeof x === 'number' ? x : undefined })}
        min={1}
        max={168}
        error={fields.turnHours}
      />
      <Select
        label={t('water.rota.rule')}
        data={ROTA_RULES.map((r) => ({ value: r, label: t(`water.rota.rules.${r}`) }))}
        value={v.rule}
        onChange={(x) => set({ rule: (x ?? 'proportional') as RotaForm['rule'] })}
        allowDeselect={false}
        error={fields.rule}
      />
      <Select
        label={t('water.rota.order')}
        data={ROTA_ORDERS.map((r) => ({ value: r, label: t(`water.rota.orders.${r}`) }))}
        value={v.order}
        onChange={(x) => set({ order: (x ?? 'downstream_first') as RotaForm['order'] })}
        allowDeselect={false}
        error={fields.order}
      />
    </FormModal>
  );
}
