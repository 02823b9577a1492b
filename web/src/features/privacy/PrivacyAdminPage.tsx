import { Alert, Anchor, Badge, Button, Checkbox, Group, NumberInput, Paper, Select, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconExternalLink, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LAWFUL_BASES } from '../../../../common/schemas/enums';
import type { AccessLogEntry, PrivacyNotice, ProcessingActivity, RetentionSettings } from '../../../../common/schemas/privacy';
import { apiUrl, tenantPath } from '../../api/client';
import { usePermissions, useTenant } from '../../context/tenant';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { type Column, DataView } from '../../ui/DataView';
import { formatDateTime } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormModal } from '../../ui/FormModal';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { enumLabel, enumOptions } from '../../ui/enums';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { NoPermission } from '../../ui/NoPermission';
import { PageHeader } from '../../ui/PageHeader';
import { PagedList } from '../../ui/ListPage';
import { useAccessLog, useActivities, useNotice, usePrivacyWrite, useRetention } from './api';
import './i18n';

/** The tenant's PDPA settings: notice and retention (admins), the ROPA (officers read, admins edit), the access log (admins). */
export default function PrivacyAdminPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  if (!can.exportPersonalData) return <NoPermission title={t('privacy.title')} />;
  return (
    <Stack gap="lg">
      <PageHeader title={t('privacy.title')} subtitle={t('privacy.subtitle')} />
      <Tabs defaultValue={can.managePrivacy ? 'notice' : 'ropa'} keepMounted={false}>
        <Tabs.List style={{ overflowX: 'auto', flexWrap: 'nowrap' }}>
          {can.managePrivacy ? <Tabs.Tab value="notice">{t('privacy.tabs.notice')}</Tabs.Tab> : null}
          <Tabs.Tab value="ropa" data-testid="tab-ropa">
            {t('privacy.tabs.ropa')}
          </Tabs.Tab>
          {can.managePrivacy ? (
            <>
              <Tabs.Tab value="access" data-testid="tab-access">
                {t('privacy.tabs.access')}
              </Tabs.Tab>
              <Tabs.Tab value="retention" data-testid="tab-retention">
                {t('privacy.tabs.retention')}
              </Tabs.Tab>
            </>
          ) : null}
        </Tabs.List>
        <Tabs.Panel value="notice" pt="md">
          <NoticeForm />
        </Tabs.Panel>
        <Tabs.Panel value="ropa" pt="md">
          <Ropa />
        </Tabs.Panel>
        <Tabs.Panel value="access" pt="md">
          <AccessLog />
        </Tabs.Panel>
        <Tabs.Panel value="retention" pt="md">
          <Retention />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

const fieldErr = (err: unknown, f: string): string | undefined => fieldErrorsOf(err)[f];

function NoticeForm() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const notice = useNotice(slug);
  const [v, setV] = useState<Partial<PrivacyNotice> | null>(null);
  useEffect(() => {
    if (notice.data && !v) setV(notice.data);
  }, [notice.data, v]);
  const save = usePrivacyWrite<Partial<PrivacyNotice>>(
    slug,
    'PUT',
    () => '/privacy/notice',
    (x) => ({
      controllerName: x.controllerName ?? '',
      controllerAddress: x.controllerAddress || null,
      controllerContact: x.controllerContact || null,
      dpoName: x.dpoName || null,
      dpoContact: x.dpoContact || null,
      intro: x.intro || null,
      extra: x.extra || null,
    }),
  );
  if (notice.isPending || !v) return notice.isError ? <ErrorAlert error={notice.error} /> : <Loading />;
  const text = (key: keyof PrivacyNotice, multi = false) => {
    const props = {
      label: t(`privacy.notice.${key}`),
      value: (v[key] as string | null) ?? '',
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setV({ ...v, [key]: e.currentTarget.value }),
      error: fieldErr(save.error, key),
      'data-testid': `notice-${key}`,
    };
    return multi ? <Textarea {...props} autosize minRows={3} /> : <TextInput {...props} required={key === 'controllerName'} />;
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(v, { onSuccess: () => notifications.show({ color: 'teal', message: t('privacy.saved') }) });
      }}
    >
      <Stack maw={760}>
        <Group justify="space-between" wrap="wrap">
          {notice.data?.isDefault ? <Badge color="yellow">{t('privacy.notice.isDefault')}</Badge> : <span />}
          <Anchor href={`/p/${encodeURIComponent(slug)}/privacy`} target="_blank" rel="noopener" data-testid="open-public-notice">
            <Group gap={4} component="span">
              {t('privacy.notice.openPublic')} <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
        </Group>
        <Text fw={600}>{t('privacy.notice.controller')}</Text>
        {text('controllerName')}
        {text('controllerAddress')}
        {text('controllerContact')}
        <Text fw={600}>{t('privacy.notice.dpo')}</Text>
        {text('dpoName')}
        {text('dpoContact')}
        {text('intro', true)}
        {text('extra', true)}
        {save.error && !fieldErr(save.error, 'controllerName') ? <ErrorAlert error={save.error} /> : null}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} data-testid="save-notice">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Ropa() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const can = usePermissions();
  const list = useActivities(slug);
  const [editing, setEditing] = useState<ProcessingActivity | 'new' | null>(null);
  const [removing, setRemoving] = useState<ProcessingActivity | null>(null);
  const remove = usePrivacyWrite<string>(slug, 'DELETE', (id) => `/privacy/activities/${id}`);
  if (list.isPending) return <Loading />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const columns: Column<ProcessingActivity>[] = [
    {
      key: 'name',
      header: t('privacy.ropa.name'),
      primary: true,
      render: (a) => (
        <Group gap={6}>
          <Text fw={600}>{a.name}</Text>
          {a.isDefault ? (
            <Badge size="xs" variant="light">
              {t('privacy.ropa.default')}
            </Badge>
          ) : null}
        </Group>
      ),
    },
    { key: 'purpose', header: t('privacy.ropa.purpose'), render: (a) => a.purpose },
    { key: 'basis', header: t('privacy.consent.lawfulBasis'), render: (a) => enumLabel(t, 'lawfulBasis', a.lawfulBasis) },
    { key: 'data', header: t('privacy.ropa.dataCategories'), render: (a) => a.dataCategories.join(', ') },
    { key: 'retention', header: t('privacy.ropa.retention'), render: (a) => a.retention },
  ];
  if (can.managePrivacy)
    columns.push({
      key: 'actions',
      header: '',
      hideOnCard: true,
      render: (a) => <RowActions onEdit={() => setEditing(a)} onRemove={() => setRemoving(a)} />,
    });
  return (
    <Stack>
      <Group justify="flex-end" gap="xs" wrap="wrap">
        <Button
          component="a"
          href={apiUrl(tenantPath(slug, '/privacy/activities/export'), { format: 'xlsx' })}
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {t('privacy.ropa.export')}
        </Button>
        {can.managePrivacy ? (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing('new')} data-testid="add-activity">
            {t('privacy.ropa.add')}
          </Button>
        ) : null}
      </Group>
      <DataView
        rows={list.data}
        columns={columns}
        rowKey={(a) => a.id}
        caption={t('privacy.tabs.ropa')}
        testId="ropa-table"
        cardActions={can.managePrivacy ? (a) => <RowActions onEdit={() => setEditing(a)} onRemove={() => setRemoving(a)} /> : undefined}
      />
      {editing ? <ActivityModal activity={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmDialog
        opened={!!removing}
        title={t('privacy.ropa.deleteTitle')}
        message={removing ? t('privacy.ropa.deleteConfirm', { name: removing.name }) : ''}
        loading={remove.isPending}
        onConfirm={() => removing && remove.mutate(removing.id, { onSuccess: () => setRemoving(null) })}
        onClose={() => setRemoving(null)}
      />
    </Stack>
  );
}

function RowActions({ onEdit, onRemove }: { onEdit: () => void; onRemove: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} aria-hidden />} onClick={onRemove}>
        {t('common.delete')}
      </Button>
    </Group>
  );
}

function ActivityModal({ activity, onClose }: { activity: ProcessingActivity | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const [v, setV] = useState({
    name: activity?.name ?? '',
    purpose: activity?.purpose ?? '',
    lawfulBasis: activity?.lawfulBasis ?? 'public_task',
    dataSubjects: activity?.dataSubjects ?? '',
    dataCategories: activity?.dataCategories.join(', ') ?? '',
    sensitiveData: activity?.sensitiveData ?? false,
    source: activity?.source ?? '',
    recipients: activity?.recipients ?? '',
    retention: activity?.retention ?? '',
    securityMeasures: activity?.securityMeasures ?? '',
    crossBorder: activity?.crossBorder ?? '',
  });
  const save = usePrivacyWrite<typeof v>(
    slug,
    activity ? 'PATCH' : 'POST',
    () => (activity ? `/privacy/activities/${activity.id}` : '/privacy/activities'),
    (x) => ({
      ...x,
      dataCategories: x.dataCategories
        .split(/[,，]/)
        .map((s) => s.trim())
        .filter(Boolean),
      source: x.source || null,
      recipients: x.recipients || null,
      securityMeasures: x.securityMeasures || null,
      crossBorder: x.crossBorder || null,
    }),
  );
  const input = (key: keyof typeof v, required = false, multi = false) => {
    const props = {
      label: t(`privacy.ropa.${key}`),
      required,
      value: v[key] as string,
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setV({ ...v, [key]: e.currentTarget.value }),
      error: fieldErr(save.error, key),
    };
    return multi ? <Textarea {...props} autosize minRows={2} /> : <TextInput {...props} />;
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={activity ? t('privacy.ropa.edit') : t('privacy.ropa.add')}
      size="lg"
      fullScreen={!desktop}
      onSubmit={() => save.mutate(v, { onSuccess: onClose })}
      saving={save.isPending}
      error={errorWithoutFields(save.error)}
      submitTestId="save-activity"
    >
      {input('name', true)}
      {input('purpose', true, true)}
      <Select
        label={t('privacy.consent.lawfulBasis')}
        data={enumOptions(t, 'lawfulBasis', LAWFUL_BASES)}
        value={v.lawfulBasis}
        onChange={(x) => setV({ ...v, lawfulBasis: (x ?? 'public_task') as typeof v.lawfulBasis })}
        allowDeselect={false}
      />
      {input('dataSubjects', true)}
      {input('dataCategories')}
      <Checkbox label={t('privacy.ropa.sensitiveData')} checked={v.sensitiveData} onChange={(e) => setV({ ...v, sensitiveData: e.currentTarget.checked })} />
      {input('source')}
      {input('recipients')}
      {input('retention', true)}
      {input('securityMeasures', false, true)}
      {input('crossBorder')}
    </FormModal>
  );
}

/** Where an unmasked field was shown (the server records the route; i18next keys cannot hold ':' or '/'). */
const ROUTE_KEYS: Record<string, string> = { 'GET /partners/:id': 'partnerPage', 'GET /partners/export': 'partnerExport' };

function AccessLog() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const [page, setPage] = useState(1);
  const log = useAccessLog(slug, { page, pageSize: 50 });
  const columns: Column<AccessLogEntry>[] = [
    { key: 'when', header: t('privacy.access.when'), nowrap: true, render: (r) => formatDateTime(r.viewedAt, lang) },
    {
      key: 'person',
      header: t('privacy.access.person'),
      primary: true,
      render: (r) =>
        r.partyName ? (
          <AnchorLink to="/t/$tenant/partners/$id" params={{ tenant: slug, id: r.partyId }}>
            {r.partyName}
          </AnchorLink>
        ) : (
          t('privacy.access.erasedPerson')
        ),
    },
    { key: 'viewer', header: t('privacy.access.viewer'), render: (r) => `${r.viewerName} (${t(`role.${r.viewerRole}`, { defaultValue: r.viewerRole })})` },
    { key: 'fields', header: t('privacy.access.fields'), render: (r) => r.fields.map((f) => t(`privacy.access.field.${f}`, { defaultValue: f })).join(', ') },
    { key: 'route', header: t('privacy.access.route'), render: (r) => (ROUTE_KEYS[r.route] ? t(`privacy.access.routeName.${ROUTE_KEYS[r.route]}`) : r.route) },
  ];
  return (
    <PagedList
      query={log}
      page={page}
      pageSize={50}
      onPage={setPage}
      columns={columns}
      rowKey={(r) => r.id}
      caption={t('privacy.tabs.access')}
      empty={t('privacy.access.empty')}
      testId="access-log"
    />
  );
}

function Retention() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const settings = useRetention(slug);
  const [v, setV] = useState<{ inactivePeopleYears: number | null; accessLogMonths: number | null } | null>(null);
  useEffect(() => {
    if (settings.data && !v) setV({ inactivePeopleYears: settings.data.inactivePeopleYears, accessLogMonths: settings.data.accessLogMonths });
  }, [settings.data, v]);
  const save = usePrivacyWrite<NonNullable<typeof v>, RetentionSettings>(
    slug,
    'PUT',
    () => '/privacy/retention',
    (x) => x,
  );
  const run = usePrivacyWrite<void, { peopleAnonymised: number; accessRowsDeleted: number }>(slug, 'POST', () => '/privacy/retention/run');
  if (!settings.data || !v) return settings.isError ? <ErrorAlert error={settings.error} /> : <Loading />;
  const s = settings.data;
  const num = (x: string | number) => (x === '' || x === null ? null : Number(x));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(v, { onSuccess: () => notifications.show({ color: 'teal', message: t('privacy.saved') }) });
      }}
    >
      <Stack maw={560}>
        <NumberInput
          label={t('privacy.retention.people')}
          description={t('privacy.retention.peopleHint')}
          min={1}
          max={50}
          allowDecimal={false}
          value={v.inactivePeopleYears ?? ''}
          onChange={(x) => setV({ ...v, inactivePeopleYears: num(x) })}
          error={fieldErr(save.error, 'inactivePeopleYears')}
          data-testid="retention-people"
        />
        <NumberInput
          label={t('privacy.retention.access')}
          description={t('privacy.retention.accessHint')}
          min={1}
          max={120}
          allowDecimal={false}
          value={v.accessLogMonths ?? ''}
          onChange={(x) => setV({ ...v, accessLogMonths: num(x) })}
          error={fieldErr(save.error, 'accessLogMonths')}
          data-testid="retention-access"
        />
        <Paper withBorder p="sm">
          <Text size="sm" c="dimmed">
            {s.lastRunAt
              ? t('privacy.retention.lastRun', { date: formatDateTime(s.lastRunAt, lang), people: s.lastRunPeople ?? 0, rows: s.lastRunAccessRows ?? 0 })
              : t('privacy.retention.never')}
          </Text>
        </Paper>
        {run.data ? <Alert color="teal">{t('privacy.retention.ran', { people: run.data.peopleAnonymised, rows: run.data.accessRowsDeleted })}</Alert> : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" loading={run.isPending} onClick={() => run.mutate()} data-testid="retention-run">
            {t('privacy.retention.runNow')}
          </Button>
          <Button type="submit" loading={save.isPending} data-testid="save-retention">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
