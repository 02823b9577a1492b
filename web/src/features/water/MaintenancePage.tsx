import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DutyTable, MaintenanceDetail, MaintenanceKind, MaintenanceRemoval, MaintenanceSummary } from '../../../../common/schemas/water';
import { MAINTENANCE_KINDS } from '../../../../common/schemas/water';
import { formatBaht } from '../../../../common/thai/money';
import { api, tenantPath } from '../../api/client';
import { useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { FormModal } from '../../ui/FormModal';
import { PartySelect } from '../partners';
import { useFunds } from '../budget';
import { ActivitySelect } from '../manpower';
import { useGroup, useGroups, useSources, useWaterRights } from './api';
import './i18n';

const key = (tenant: string, ...rest: unknown[]) => ['t', tenant, 'water', 'maintenance', ...rest];
const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** Repair and dredging (ขุดลอก): the works of a season, each member's labour and materials, and the duty days owed vs given. */
export default function MaintenancePage() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const rights = useWaterRights();
  const works = useQuery({
    queryKey: key(slug, 'list'),
    queryFn: ({ signal }) => api<MaintenanceSummary[]>(tenantPath(slug, '/water/maintenance'), { signal }),
  });
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('water.maint.title')}
        subtitle={t('water.maint.subtitle')}
        actions={
          rights.manage ? (
            <Button onClick={() => setCreating(true)} data-testid="maint-new">
              {t('water.maint.new')}
            </Button>
          ) : null
        }
      />
      <AnchorLink to="/t/$tenant/water" params={{ tenant: slug }}>
        ← {t('water.title')}
      </AnchorLink>
      {works.isPending ? (
        <Loading />
      ) : works.isError ? (
        <ErrorAlert error={works.error} />
      ) : works.data.length === 0 ? (
        <Text c="dimmed">{t('water.maint.none')}</Text>
      ) : (
        <Stack gap="xs" data-testid="maint-list">
          {works.data.map((w) => (
            <WorkCard key={w.id} w={w} open={open === w.id} onToggle={() => setOpen(open === w.id ? null : w.id)} />
          ))}
        </Stack>
      )}
      <DutySection />
      {creating ? <WorkModal onClose={() => setCreating(false)} /> : null}
    </Stack>
  );
}

function WorkCard({ w, open, onToggle }: { w: MaintenanceSummary; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const rights = useWaterRights();
  const [recording, setRecording] = useState(false);
  const [editing, setEditing] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [changing, setChanging] = useState<MaintenanceDetail['contributions'][number] | null>(null);
  const detail = useQuery({
    queryKey: key(slug, 'work', w.id),
    queryFn: ({ signal }) => api<MaintenanceDetail>(tenantPath(slug, `/water/maintenance/${w.id}`), { signal }),
    enabled: open,
  });
  return (
    <Card withBorder padding="sm" data-testid="maint-work">
      <Group gap="xs" wrap="wrap" mb={4}>
        <Badge variant="light" color={w.kind === 'dredging' ? 'blue' : 'grape'}>
          {t(`water.maint.kind.${w.kind}`)}
        </Badge>
        <Text fw={700}>{w.title}</Text>
      </Group>
      <Text size="sm" c="dimmed">
        {w.season} · {formatDate(w.startsOn, lang)} – {formatDate(w.endsOn, lang)} · {w.group?.name ?? t('water.maint.wholeSystem')} ({w.source.name})
      </Text>
      <Group gap="lg" mt={4} wrap="wrap">
        <Text size="sm">{t('water.maint.people', { n: formatNumber(w.people, lang) })}</Text>
        <Text size="sm">{t('water.maint.labour', { n: formatNumber(hoursOf(w.labourMinutes), lang) })}</Text>
        <Text size="sm">{t('water.maint.materials', { amount: formatBaht(w.materialSatang, lang) })}</Text>
      </Group>
      <Group gap="xs" mt={6}>
        <Button size="compact-sm" variant="default" onClick={onToggle} data-testid="maint-toggle">
          {open ? t('water.maint.hide') : t('water.maint.show')}
        </Button>
        {rights.keep ? (
          <Button size="compact-sm" variant="light" onClick={() => setRecording(true)} data-testid="maint-record">
            {t('water.maint.record')}
          </Button>
        ) : null}
        {rights.manage ? (
          <>
            <Button size="compact-sm" variant="subtle" onClick={() => setEditing(true)} data-testid="maint-edit">
              {t('water.maint.edit')}
            </Button>
            <Button size="compact-sm" variant="subtle" color="red" onClick={() => setRemoving(true)} data-testid="maint-delete">
              {t('water.maint.delete')}
            </Button>
          </>
        ) : null}
      </Group>
      {open ? (
        detail.isPending ? (
          <Loading />
        ) : detail.isError ? (
          <ErrorAlert error={detail.error} />
        ) : (
          <Table.ScrollContainer minWidth={520} mt="xs">
            <Table striped verticalSpacing={4} data-testid="maint-contributions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('water.maint.date')}</Table.Th>
                  <Table.Th>{t('water.member')}</Table.Th>
                  <Table.Th>{t('water.maint.what')}</Table.Th>
                  <Table.Th ta="right">{t('water.maint.amount')}</Table.Th>
                  <Table.Th>{t('water.maint.recordedIn')}</Table.Th>
                  {rights.keep ? <Table.Th>{t('water.maint.actions')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {detail.data.contributions.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(c.date, lang)}</Table.Td>
                    <Table.Td>{c.party.name}</Table.Td>
                    <Table.Td>{c.kind === 'labour' ? t('water.maint.labourWord') : c.description}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {c.kind === 'labour' ? t('water.maint.hours', { n: formatNumber(hoursOf(c.minutes ?? 0), lang) }) : formatBaht(c.valueSatang ?? 0, lang)}
                    </Table.Td>
                    <Table.Td>
                      {c.hours ? (
                        <Badge size="sm" variant="light" color={c.hours.status === 'confirmed' ? 'teal' : 'gray'}>
                          {t('water.maint.hoursLog', { status: t(`water.maint.hoursStatus.${c.hours.status}`) })}
                        </Badge>
                      ) : null}
                      {c.ledger ? (
                        <AnchorLink to="/t/$tenant/budget/ledger/$id" params={{ tenant: slug, id: c.ledger.id }} size="sm">
                          {c.ledger.seq ? t('water.maint.ledgerSeq', { n: c.ledger.seq }) : t('water.maint.ledgerPending')}
                        </AnchorLink>
                      ) : null}
                    </Table.Td>
                    {rights.keep ? (
                      <Table.Td>
                        <Button size="compact-xs" variant="default" onClick={() => setChanging(c)} data-testid="maint-contribution-edit">
                          {t('water.maint.correct')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )
      ) : null}
      {recording ? <RecordModal w={w} onClose={() => setRecording(false)} /> : null}
      {editing ? <WorkModal work={w} onClose={() => setEditing(false)} /> : null}
      {removing ? <RemoveWorkModal w={w} onClose={() => setRemoving(false)} /> : null}
      {changing ? <ContributionModal workId={w.id} c={changing} onClose={() => setChanging(null)} /> : null}
    </Card>
  );
}

/** A new work, or a correction of `work` (its labour and materials follow on the server: hours moved, materials re-recorded). */
function WorkModal({ work, onClose }: { work?: MaintenanceSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const qc = useQueryClient();
  const sources = useSources(slug);
  const groups = useGroups(slug);
  const funds = useFunds(slug, { pageSize: 200, kind: 'in_kind' });
  const [v, setV] = useState<{
    kind: MaintenanceKind;
    title: string;
    season: string;
    sourceId: string | null;
    groupId: string | null;
    startsOn: string | null;
    endsOn: string | null;
    activityId: string | null;
    fundId: string | null;
    note: string;
  }>(
    work
      ? {
          kind: work.kind,
          title: work.title,
          season: work.season,
          sourceId: work.source.id,
          groupId: work.group?.id ?? null,
          startsOn: work.startsOn,
          endsOn: work.endsOn,
          activityId: work.activity.id,
          fundId: work.fund?.id ?? null,
          note: work.note ?? '',
        }
      : { kind: 'dredging', title: '', season: '', sourceId: null, groupId: null, startsOn: null, endsOn: null, activityId: null, fundId: null, note: '' },
  );
  const write = useMutation({
    mutationFn: () =>
      api<MaintenanceDetail>(tenantPath(slug, work ? `/water/maintenance/${work.id}` : '/water/maintenance'), { method: work ? 'PATCH' : 'POST', body: v }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(slug) });
      onClose();
    },
  });
  const fields = fieldErrorsOf(write.error);
  return (
    <FormModal
      opened
      onClose={onClose}
      title={work ? t('water.maint.edit') : t('water.maint.new')}
      fullScreen={!desktop}
      size="lg"
      gap="sm"
      onSubmit={() => {
        write.mutate();
      }}
      saving={write.isPending}
      error={errorWithoutFields(write.error)}
      submitLabel={t('water.maint.save')}
      submitTestId="maint-submit"
    >
      <SegmentedControl
        data={MAINTENANCE_KINDS.map((k) => ({ value: k, label: t(`water.maint.kind.${k}`) }))}
        value={v.kind}
        onChange={(k) => setV({ ...v, kind: k as MaintenanceKind })}
      />
      <TextInput
        label={t('water.maint.titleLabel')}
        value={v.title}
        onChange={(e) => setV({ ...v, title: e.currentTarget.value })}
        error={fields.title}
        required
        data-testid="maint-title"
      />
      <TextInput
        label={t('water.maint.season')}
        description={t('water.maint.seasonHint')}
        value={v.season}
        onChange={(e) => setV({ ...v, season: e.currentTarget.value })}
        error={fields.season}
        required
        data-testid="maint-season"
      />
      <Select
        label={t('water.maint.source')}
        data={(sources.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={v.sourceId}
        onChange={(x) => setV({ ...v, sourceId: x })}
        searchable
        error={fields.sourceId}
        required
        data-testid="maint-source"
      />
      <Select
        label={t('water.maint.group')}
        description={t('water.maint.groupHint')}
        data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
        value={v.groupId}
        onChange={(x) => setV({ ...v, groupId: x })}
        searchable
        clearable
        error={fields.groupId}
      />
      <Group grow>
        <DateField
          label={t('water.maint.startsOn')}
          value={v.startsOn}
          onChange={(x) => setV({ ...v, startsOn: x })}
          error={fields.startsOn}
          required
          data-testid="maint-starts"
        />
        <DateField
          label={t('water.maint.endsOn')}
          value={v.endsOn}
          onChange={(x) => setV({ ...v, endsOn: x })}
          error={fields.endsOn}
          required
          data-testid="maint-ends"
        />
      </Group>
      <ActivitySelect
        label={t('water.maint.activity')}
        value={v.activityId}
        onChange={(x) => setV({ ...v, activityId: x })}
        error={fields.activityId}
        required
        testId="maint-activity"
      />
      <Select
        label={t('water.maint.fund')}
        description={t('water.maint.fundHint')}
        data={(funds.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
        value={v.fundId}
        onChange={(x) => setV({ ...v, fundId: x })}
        searchable
        clearable
        error={fields.fundId}
        data-testid="maint-fund"
      />
      <Textarea label={t('water.maint.note')} value={v.note} onChange={(e) => setV({ ...v, note: e.currentTarget.value })} autosize minRows={2} />
      {work && work.people ? (
        <Text size="sm" c="dimmed">
          {t('water.maint.editHint')}
        </Text>
      ) : null}
    </FormModal>
  );
}

/** Remove a work: its materials are reversed in the ledger and its labour withdrawn from volunteer hours (said before it is done). */
function RemoveWorkModal({ w, onClose }: { w: MaintenanceSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const qc = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api<MaintenanceRemoval>(tenantPath(slug, `/water/maintenance/${w.id}`), { method: 'DELETE' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(slug) });
      void qc.invalidateQueries({ queryKey: ['t', slug, 'water', 'duty'] });
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={t('water.maint.deleteTitle', { title: w.title })}>
      <Stack gap="sm">
        <Text>{t('water.maint.deleteHint')}</Text>
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => remove.mutate()} loading={remove.isPending} data-testid="maint-delete-confirm">
            {t('water.maint.delete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Correct one contribution (a labour day's date or hours; a material's date, description or value), or remove it. */
function ContributionModal({ workId, c, onClose }: { workId: string; c: MaintenanceDetail['contributions'][number]; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const qc = useQueryClient();
  const [date, setDate] = useState<string | null>(c.date);
  const [hours, setHours] = useState<number | string>(hoursOf(c.minutes ?? 0));
  const [description, setDescription] = useState(c.description ?? '');
  const [baht, setBaht] = useState<number | string>((c.valueSatang ?? 0) / 100);
  const url = tenantPath(slug, `/water/maintenance/${workId}/contributions/${c.id}`);
  const done = () => {
    void qc.invalidateQueries({ queryKey: key(slug) });
    void qc.invalidateQueries({ queryKey: ['t', slug, 'water', 'duty'] });
    onClose();
  };
  const save = useMutation({
    mutationFn: () =>
      api<MaintenanceDetail>(url, {
        method: 'PATCH',
        body:
          c.kind === 'labour'
            ? { kind: 'labour', date, hours: Number(hours) }
            : { kind: 'material', date, description, valueSatang: Math.round(Number(baht) * 100) },
      }),
    onSuccess: done,
  });
  const remove = useMutation({ mutationFn: () => api<MaintenanceDetail>(url, { method: 'DELETE' }), onSuccess: done });
  const fields = fieldErrorsOf(save.error);
  return (
    <Modal opened onClose={onClose} title={t('water.maint.correctTitle', { name: c.party.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <DateField label={t('water.maint.date')} value={date} onChange={setDate} error={fields.date} required data-testid="maint-c-date" />
          {c.kind === 'labour' ? (
            <NumberInput label={t('water.maint.hoursEach')} value={hours} onChange={setHours} min={0.25} max={24} step={0.5} error={fields.hours} />
          ) : (
            <>
              <TextInput
                label={t('water.maint.materialLabel')}
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
                error={fields.description}
              />
              <NumberInput
                label={t('water.maint.valueBaht')}
                value={baht}
                onChange={setBaht}
                min={0.01}
                decimalScale={2}
                thousandSeparator=","
                error={fields.valueSatang}
                data-testid="maint-c-value"
              />
            </>
          )}
          <Text size="sm" c="dimmed">
            {c.kind === 'labour' ? t('water.maint.correctLabourHint') : t('water.maint.correctMaterialHint')}
          </Text>
          <ErrorAlert error={errorWithoutFields(save.error)} />
          {remove.error ? <ErrorAlert error={remove.error} /> : null}
          <Group justify="space-between">
            <Button color="red" variant="subtle" onClick={() => remove.mutate()} loading={remove.isPending} data-testid="maint-c-delete">
              {t('water.maint.deleteEntry')}
            </Button>
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="maint-c-save">
                {t('water.maint.saveSheet')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The attendance sheet of one day (members ticked, hours each) or one delivery of materials; all or nothing. */
function RecordModal({ w, onClose }: { w: MaintenanceSummary; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const qc = useQueryClient();
  const groups = useGroups(slug);
  const [groupId, setGroupId] = useState<string | null>(w.group?.id ?? null);
  const group = useGroup(slug, groupId ?? '');
  const [mode, setMode] = useState<'labour' | 'material'>('labour');
  const [date, setDate] = useState<string | null>(w.startsOn);
  const [hours, setHours] = useState<number | string>(6);
  const [ticked, setTicked] = useState<string[]>([]);
  const [m, setM] = useState<{ partyId: string | null; description: string; baht: number | string }>({ partyId: null, description: '', baht: '' });
  const write = useMutation({
    mutationFn: () => {
      const entries =
        mode === 'labour'
          ? ticked.map((partyId) => ({ kind: 'labour', partyId, date, hours: Number(hours) }))
          : [{ kind: 'material', partyId: m.partyId, date, description: m.description, valueSatang: Math.round(Number(m.baht) * 100) }];
      return api<MaintenanceDetail>(tenantPath(slug, `/water/maintenance/${w.id}/contributions`), { method: 'POST', body: { entries } });
    },
    onSuccess: (d) => {
      qc.setQueryData(key(slug, 'work', w.id), d);
      void qc.invalidateQueries({ queryKey: key(slug) });
      void qc.invalidateQueries({ queryKey: ['t', slug, 'water', 'duty'] });
      onClose();
    },
  });
  const fields = fieldErrorsOf(write.error);
  const entryErrors = Object.entries(fields).filter(([k]) => k.startsWith('entries.'));
  const members = group.data?.members ?? [];
  return (
    <Modal opened onClose={onClose} title={`${t('water.maint.record')}: ${w.title}`} fullScreen={!desktop} size="lg">
      <Stack gap="sm">
        <SegmentedControl
          data={[
            { value: 'labour', label: t('water.maint.labourWord') },
            { value: 'material', label: t('water.maint.materialWord') },
          ]}
          value={mode}
          onChange={(x) => setMode(x as 'labour' | 'material')}
          data-testid="maint-mode"
        />
        <DateField label={t('water.maint.date')} value={date} onChange={setDate} required data-testid="maint-date" />
        {mode === 'labour' ? (
          <>
            <Select
              label={t('water.group')}
              data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
              value={groupId}
              onChange={(x) => {
                setGroupId(x);
                setTicked([]);
              }}
              searchable
            />
            <NumberInput
              label={t('water.maint.hoursEach')}
              value={hours}
              onChange={setHours}
              min={0.25}
              max={24}
              step={0.5}
              decimalScale={2}
              required
              data-testid="maint-hours"
            />
            <Checkbox.Group label={t('water.maint.attended')} value={ticked} onChange={setTicked}>
              <Stack gap={6} mt={6} data-testid="maint-members">
                {members.map((x) => (
                  <Checkbox key={x.partyId} value={x.partyId} label={x.name} />
                ))}
              </Stack>
            </Checkbox.Group>
          </>
        ) : (
          <>
            <PartySelect label={t('water.maint.giver')} value={m.partyId} onChange={(id) => setM({ ...m, partyId: id })} required testId="maint-giver" />
            <TextInput
              label={t('water.maint.materialLabel')}
              placeholder={t('water.maint.materialPlaceholder')}
              value={m.description}
              onChange={(e) => setM({ ...m, description: e.currentTarget.value })}
              required
              data-testid="maint-material"
            />
            <NumberInput
              label={t('water.maint.valueBaht')}
              value={m.baht}
              onChange={(x) => setM({ ...m, baht: x })}
              min={0}
              decimalScale={2}
              thousandSeparator=","
              required
              data-testid="maint-value"
            />
            <Text size="sm" c="dimmed">
              {t('water.maint.materialHint', { fund: w.fund?.name ?? t('water.maint.noFund') })}
            </Text>
          </>
        )}
        {entryErrors.length ? <ErrorAlert error={write.error} /> : write.error && !Object.keys(fields).length ? <ErrorAlert error={write.error} /> : null}
        {entryErrors.map(([k, msg]) => (
          <Text key={k} size="sm" c="red.8">
            {msg}
          </Text>
        ))}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => write.mutate()} loading={write.isPending} disabled={mode === 'labour' && !ticked.length} data-testid="maint-record-submit">
            {t('water.maint.saveSheet')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Duty days (วันลงแขก) of a group's members in a season: owed by the group's rule, given in the season's works. */
export function DutySection({ groupId: fixed }: { groupId?: string }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const groups = useGroups(slug);
  const [picked, setPicked] = useState<string | null>(null);
  const groupId = fixed ?? picked ?? groups.data?.[0]?.id ?? null;
  return (
    <Stack gap="sm" data-testid="duty-section">
      <Title order={3}>{t('water.duty.title')}</Title>
      {!fixed ? (
        <Select
          label={t('water.group')}
          data={(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))}
          value={groupId}
          onChange={setPicked}
          allowDeselect={false}
          searchable
          maw={420}
          data-testid="duty-group"
        />
      ) : null}
      {groupId ? <DutyTableView groupId={groupId} /> : null}
    </Stack>
  );
}

function DutyTableView({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const [season, setSeason] = useState<string | null>(null);
  const duty = useQuery({
    queryKey: ['t', slug, 'water', 'duty', groupId, season],
    queryFn: ({ signal }) => api<DutyTable>(tenantPath(slug, `/water/groups/${groupId}/duty`), { query: { season: season ?? undefined }, signal }),
  });
  if (duty.isPending) return <Loading />;
  if (duty.isError) return <ErrorAlert error={duty.error} />;
  const d = duty.data;
  const rule =
    d.rule.basis === 'per_member'
      ? t('water.duty.perMember', { n: d.rule.days })
      : t('water.duty.perRai', { n: d.rule.days, rai: formatNumber(d.rule.rai ?? 0, lang) });
  return (
    <Stack gap="xs">
      <Group gap="md" wrap="wrap" align="flex-end">
        {d.seasons.length ? (
          <Select
            label={t('water.maint.season')}
            data={d.seasons}
            value={d.season}
            onChange={setSeason}
            allowDeselect={false}
            maw={260}
            data-testid="duty-season"
          />
        ) : null}
        <Text size="sm">
          {t('water.duty.rule')}: <b>{rule}</b>
        </Text>
      </Group>
      {d.seasons.length === 0 ? <Text c="dimmed">{t('water.duty.noWorks')}</Text> : null}
      <Table.ScrollContainer minWidth={360}>
        <Table striped verticalSpacing={4} data-testid="duty-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('water.member')}</Table.Th>
              <Table.Th ta="right">{t('water.irrigatedRai')}</Table.Th>
              <Table.Th ta="right">{t('water.duty.owed')}</Table.Th>
              <Table.Th ta="right">{t('water.duty.given')}</Table.Th>
              <Table.Th ta="right">{t('water.duty.balance')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.members.map((m) => (
              <Table.Tr key={m.partyId}>
                <Table.Td>
                  {m.name}
                  {m.role !== 'member' ? (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t(`water.role.${m.role}`)})
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td ta="right">{formatNumber(m.irrigatedRai, lang)}</Table.Td>
                <Table.Td ta="right">{formatNumber(m.owed, lang)}</Table.Td>
                <Table.Td ta="right">{formatNumber(m.given, lang)}</Table.Td>
                <Table.Td ta="right" c={m.balance < 0 ? 'red.9' : 'teal.9'} fw={600}>
                  {m.balance > 0 ? '+' : ''}
                  {formatNumber(m.balance, lang)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th>{t('water.duty.total')}</Table.Th>
              <Table.Th />
              <Table.Th ta="right">{formatNumber(d.totals.owed, lang)}</Table.Th>
              <Table.Th ta="right">{formatNumber(d.totals.given, lang)}</Table.Th>
              <Table.Th ta="right">{formatNumber(d.totals.given - d.totals.owed, lang)}</Table.Th>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
