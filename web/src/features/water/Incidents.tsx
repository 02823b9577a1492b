import { Badge, Button, Card, Checkbox, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionDetail } from '../../../../common/schemas/regulations';
import { INCIDENT_KINDS, type Incident, type IncidentKind } from '../../../../common/schemas/water';
import { formatBaht } from '../../../../common/thai/money';
import { api, tenantPath } from '../../api/client';
import { useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PartySelect } from '../partners';
import { useFunds } from '../budget';
import { AttachMore, EvidenceFiles, EvidencePicker, uploadAll } from '../evidence';
import { errorText } from '../../ui/ErrorAlert';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { FormModal } from '../../ui/FormModal';
import { useRegulations } from '../regulations';
import { useIncidentWrite, useIncidents, useSources, useWaterRights } from './api';
import '../evidence/i18n';
import '../regulations/i18n';
import './i18n';

/** Kinds that break a rule and may be fined; floods, droughts and disputes are recorded, not fined. */
const VIOLATIONS: IncidentKind[] = ['out_of_turn', 'blocked_ditch', 'gate_without_right', 'damage', 'other'];

/** Incidents along the canals with their fines; report one (phones too), levy a fine from the schedule in force, record payment. */
export function IncidentsTab() {
  const { t } = useTranslation();
  const { slug, role } = useTenant();
  const list = useIncidents(slug);
  const [reporting, setReporting] = useState(false);
  const canReport = role !== 'member';
  return (
    <Stack gap="sm">
      {canReport ? (
        <Group>
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setReporting(true)} data-testid="incident-new">
            {t('water.incident.report')}
          </Button>
        </Group>
      ) : null}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.length === 0 ? (
        <Text c="dimmed">{t('water.incident.none')}</Text>
      ) : (
        <Stack gap="xs" data-testid="water-incidents">
          {list.data.map((i) => (
            <IncidentCard key={i.id} i={i} />
          ))}
        </Stack>
      )}
      {reporting ? <ReportModal onClose={() => setReporting(false)} /> : null}
    </Stack>
  );
}

function IncidentCard({ i }: { i: Incident }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const rights = useWaterRights();
  const qc = useQueryClient();
  const [levying, setLevying] = useState(false);
  const [resolving, setResolving] = useState(false);
  const [paying, setPaying] = useState<string | null>(null);
  const reload = () => void qc.invalidateQueries({ queryKey: ['t', slug, 'water', 'incidents'] });
  return (
    <Card withBorder padding="sm" data-testid="incident">
      <Group gap="xs" mb={4} wrap="wrap">
        <Text fw={700}>{formatDate(i.occurredOn, lang)}</Text>
        <Badge variant="light" color={['flood', 'drought'].includes(i.kind) ? 'blue' : i.kind === 'dispute' ? 'grape' : 'red'}>
          {t(`water.incident.kind.${i.kind}`)}
        </Badge>
        <Badge variant="light" color={i.status === 'resolved' ? 'teal' : 'gray'}>
          {t(`water.incident.status.${i.status}`)}
        </Badge>
      </Group>
      <Text size="sm" fw={600}>
        {i.place}
      </Text>
      <Text size="sm">{i.description}</Text>
      {i.resolution ? (
        <Text size="sm" c="dimmed" data-testid="incident-resolution">
          {t('water.incident.resolution')}: {i.resolution}
        </Text>
      ) : null}
      {i.files.length ? <EvidenceFiles files={i.files} onChanged={reload} size={72} /> : null}
      {rights.keep ? (
        <Group gap="xs" mt={4}>
          <AttachMore
            owner={{ kind: 'incident', incidentId: i.id }}
            count={i.files.length}
            context={`${i.place} ${formatDate(i.occurredOn, lang)}`}
            onDone={reload}
          />
          {i.status === 'open' ? (
            <Button size="compact-xs" variant="light" color="teal" onClick={() => setResolving(true)} data-testid="incident-resolve">
              {t('water.incident.resolve')}
            </Button>
          ) : null}
        </Group>
      ) : null}
      {i.fines.map((f) => (
        <Group key={f.id} gap="xs" mt={6} wrap="wrap" data-testid="incident-fine">
          <Text size="sm">
            {t('water.incident.fineLine', { name: f.party.name, clause: f.clauseNumber, version: f.regulationVersion.number, offence: f.offence })}
          </Text>
          <Text size="sm" fw={700}>
            {formatBaht(f.amountSatang, lang)}
          </Text>
          {f.ledgerTransactionId ? (
            <AnchorLink to="/t/$tenant/budget/ledger/$id" params={{ tenant: slug, id: f.ledgerTransactionId }}>
              {t('water.incident.paidOn', { date: formatDate(f.paidOn, lang) })}
            </AnchorLink>
          ) : rights.manage ? (
            <Button size="compact-xs" variant="light" onClick={() => setPaying(f.id)} data-testid="fine-pay">
              {t('water.incident.recordPayment')}
            </Button>
          ) : (
            <Badge variant="light" color="gray">
              {t('water.incident.unpaid')}
            </Badge>
          )}
        </Group>
      ))}
      {rights.manage && VIOLATIONS.includes(i.kind) ? (
        <Group mt={6}>
          <Button size="compact-sm" variant="default" onClick={() => setLevying(true)} data-testid="fine-levy">
            {t('water.incident.levy')}
          </Button>
        </Group>
      ) : null}
      {levying ? <LevyModal incident={i} onClose={() => setLevying(false)} /> : null}
      {resolving ? <ResolveModal incident={i} onClose={() => setResolving(false)} /> : null}
      {paying ? <PayModal incident={i} fineId={paying} onClose={() => setPaying(null)} /> : null}
    </Card>
  );
}

function ReportModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const sources = useSources(slug);
  const write = useIncidentWrite<Record<string, unknown>>(
    slug,
    () => '/water/incidents',
    (v) => v,
  );
  const [v, setV] = useState<{
    occurredOn?: string;
    kind?: IncidentKind;
    sourceId?: string | null;
    place?: string;
    description?: string;
    evidenceNote?: string;
  }>({});
  const qc = useQueryClient();
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const fields = fieldErrorsOf(write.error);
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('water.incident.report')}
      fullScreen={!desktop}
      size="lg"
      gap="sm"
      onSubmit={() => {
        write.mutate(v, {
          onSuccess: async (created) => {
            if (files.length) {
              // the incident exists now: its photos go through the evidence files, one by one
              setUploading(true);
              const done = await uploadAll(slug, { kind: 'incident', incidentId: created.id }, files);
              setUploading(false);
              for (const f of done.failed)
                notifications.show({ color: 'red', autoClose: false, message: t('evidence.uploadFailed', { name: f.name, reason: errorText(f.error, t) }) });
              void qc.invalidateQueries({ queryKey: ['t', slug, 'water', 'incidents'] });
            }
            onClose();
          },
        });
      }}
      saving={write.isPending || uploading}
      error={errorWithoutFields(write.error)}
      submitLabel={t('water.incident.save')}
      submitTestId="incident-submit"
    >
      <DateField
        label={t('water.incident.date')}
        value={v.occurredOn}
        onChange={(x) => setV({ ...v, occurredOn: x ?? undefined })}
        error={fields.occurredOn}
        required
        data-testid="incident-date"
      />
      <Select
        label={t('water.incident.kindLabel')}
        data={INCIDENT_KINDS.map((k) => ({ value: k, label: t(`water.incident.kind.${k}`) }))}
        value={v.kind ?? null}
        onChange={(x) => setV({ ...v, kind: (x ?? undefined) as IncidentKind | undefined })}
        error={fields.kind}
        required
        data-testid="incident-kind"
      />
      <Select
        label={t('water.incident.where')}
        data={(sources.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        value={v.sourceId ?? null}
        onChange={(x) => setV({ ...v, sourceId: x })}
        searchable
        clearable
        error={fields.sourceId}
      />
      <TextInput
        label={t('water.incident.place')}
        value={v.place ?? ''}
        onChange={(e) => setV({ ...v, place: e.currentTarget.value })}
        error={fields.place}
        required
        data-testid="incident-place"
      />
      <Textarea
        label={t('water.incident.description')}
        value={v.description ?? ''}
        onChange={(e) => setV({ ...v, description: e.currentTarget.value })}
        error={fields.description}
        required
        autosize
        minRows={3}
        data-testid="incident-description"
      />
      <TextInput
        label={t('water.incident.evidence')}
        value={v.evidenceNote ?? ''}
        onChange={(e) => setV({ ...v, evidenceNote: e.currentTarget.value })}
        error={fields.evidenceNote}
      />
      <EvidencePicker value={files} onChange={setFiles} testId="incident-photos" />
    </FormModal>
  );
}

function LevyModal({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const regs = useRegulations(slug);
  const [regulationId, setRegulationId] = useState<string | null>(null);
  const regulation = regulationId ?? regs.data?.[0]?.id ?? null;
  // the fine schedule of the version in force on the incident date
  const inForce = useQuery({
    queryKey: ['t', slug, 'regulations', 'in-force', regulation, incident.occurredOn],
    queryFn: ({ signal }) => api<VersionDetail>(tenantPath(slug, `/regulations/${regulation}/in-force`), { query: { on: incident.occurredOn }, signal }),
    enabled: !!regulation,
    retry: false,
  });
  const [clause, setClause] = useState<string | null>(null);
  const [partyId, setPartyId] = useState<string | null>(null);
  const [repeat, setRepeat] = useState(false);
  const write = useIncidentWrite<Record<string, unknown>>(
    slug,
    () => `/water/incidents/${incident.id}/fines`,
    (v) => v,
  );
  const fields = fieldErrorsOf(write.error);
  return (
    <Modal opened onClose={onClose} title={t('water.incident.levy')} fullScreen={!desktop} size="lg">
      <Stack gap="sm">
        <Select
          label={t('water.incident.regulation')}
          data={(regs.data ?? []).map((r) => ({ value: r.id, label: r.title }))}
          value={regulation}
          onChange={setRegulationId}
          allowDeselect={false}
          error={fields.regulationId}
        />
        {inForce.isError ? <ErrorAlert error={inForce.error} /> : null}
        {inForce.data ? (
          <Text size="sm" c="dimmed">
            {t('water.incident.inForceOn', { version: inForce.data.number, date: formatDate(incident.occurredOn, lang) })}
          </Text>
        ) : null}
        <Select
          label={t('water.incident.clause')}
          data={(inForce.data?.fines ?? []).map((f) => ({
            value: f.clauseNumber,
            label: `${t('regulations.clause', { n: f.clauseNumber })} ${f.offence} (${formatBaht(f.amountSatang, lang)})`,
          }))}
          value={clause}
          onChange={setClause}
          error={fields.clauseNumber}
          required
          data-testid="fine-clause"
        />
        <PartySelect
          label={t('water.incident.offender')}
          value={partyId}
          onChange={(id) => setPartyId(id)}
          error={fields.partyId}
          required
          testId="fine-party"
        />
        <Checkbox label={t('water.incident.repeat')} checked={repeat} onChange={(e) => setRepeat(e.currentTarget.checked)} />
        <ErrorAlert error={errorWithoutFields(write.error)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            loading={write.isPending}
            onClick={() => write.mutate({ regulationId: regulation, clauseNumber: clause ?? '', partyId, repeat }, { onSuccess: onClose })}
            data-testid="fine-submit"
          >
            {t('water.incident.levySubmit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function PayModal({ incident, fineId, onClose }: { incident: Incident; fineId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const funds = useFunds(slug, { pageSize: 200 });
  const [fundId, setFundId] = useState<string | null>(null);
  const [paidOn, setPaidOn] = useState<string | null>(null);
  const write = useIncidentWrite<Record<string, unknown>>(
    slug,
    () => `/water/incidents/${incident.id}/fines/${fineId}/pay`,
    (v) => v,
  );
  const fields = fieldErrorsOf(write.error);
  return (
    <Modal opened onClose={onClose} title={t('water.incident.recordPayment')} fullScreen={!desktop}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('water.incident.payHint')}
        </Text>
        <DateField label={t('water.incident.paidDate')} value={paidOn} onChange={setPaidOn} error={fields.paidOn} required data-testid="fine-paid-on" />
        <Select
          label={t('water.incident.fund')}
          data={(funds.data?.items ?? []).map((f) => ({ value: f.id, label: f.name }))}
          value={fundId}
          onChange={setFundId}
          searchable
          error={fields.fundId ?? fields['entries.0.fundId']}
          required
          data-testid="fine-fund"
        />
        <ErrorAlert error={errorWithoutFields(write.error)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={write.isPending} onClick={() => write.mutate({ paidOn, fundId }, { onSuccess: onClose })} data-testid="fine-pay-submit">
            {t('water.incident.recordPayment')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function ResolveModal({ incident, onClose }: { incident: Incident; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const qc = useQueryClient();
  const [resolution, setResolution] = useState(incident.resolution ?? '');
  const write = useMutation({
    mutationFn: () => api<Incident>(tenantPath(slug, `/water/incidents/${incident.id}`), { method: 'PATCH', body: { status: 'resolved', resolution } }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['t', slug, 'water', 'incidents'] });
      onClose();
    },
  });
  const fields = fieldErrorsOf(write.error);
  return (
    <Modal opened onClose={onClose} title={t('water.incident.resolve')} fullScreen={!desktop}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          write.mutate();
        }}
      >
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {incident.place}
          </Text>
          <Textarea
            label={t('water.incident.resolution')}
            description={t('water.incident.resolutionHint')}
            value={resolution}
            onChange={(e) => setResolution(e.currentTarget.value)}
            error={fields.resolution}
            required
            autosize
            minRows={3}
            data-testid="incident-resolution-text"
          />
          <ErrorAlert error={errorWithoutFields(write.error)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="teal" loading={write.isPending} disabled={!resolution.trim()} data-testid="incident-resolve-submit">
              {t('water.incident.resolveSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
