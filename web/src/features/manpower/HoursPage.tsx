import { Anchor, Button, Card, Group, Modal, SegmentedControl, Select, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCertificate, IconExternalLink, IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HourLog, HourStatus } from '../../../../common/schemas/manpower';
import { HOUR_STATUSES } from '../../../../common/schemas/manpower';
import { ApiError } from '../../api/client';
import { usePermissions, useTenant } from '../../context/tenant';
import { DataView } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { PagedList } from '../../ui/ListPage';
import { PAGE_SIZE, useHours, useReviewHours, useTotals } from './api';
import { LogHoursForm } from './LogHoursForm';
import { FiscalYearFilter, formatMinutes, HourStatusBadge, ManpowerTabs } from './parts';
import { useDefaultYearState } from '../../ui/FiscalYear';
import './i18n';

function ReturnModal({ log, onClose }: { log: HourLog | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const review = useReviewHours(slug);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  return (
    <Modal
      opened={!!log}
      onClose={onClose}
      title={t('manpower.hours.returnTitle', { name: log?.person.name ?? '' })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) return setError(t('validation.required'));
          review.mutate(
            { id: log!.id, reason: reason.trim() },
            {
              onSuccess: () => {
                notifications.show({ color: 'teal', message: t('manpower.hours.returnedMsg') });
                setReason('');
                onClose();
              },
              onError: (err) => err instanceof ApiError && setError(err.fields.reason),
            },
          );
        }}
      >
        <Stack>
          <Textarea
            label={t('manpower.hours.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            error={error}
            autosize
            minRows={3}
            maxLength={1000}
            data-testid="return-reason"
          />
          {review.isError ? <ErrorAlert error={review.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={review.isPending} data-testid="return-submit">
              {t('manpower.hours.return')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function LogsTable({ query, review }: { query: Record<string, string | number | boolean | undefined>; review?: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const [page, setPage] = useState(1);
  const q = useHours(slug, { ...query, page, pageSize: PAGE_SIZE });
  const reviewer = useReviewHours(slug);
  const [returning, setReturning] = useState<HourLog | null>(null);
  const confirm = (h: HourLog) =>
    reviewer.mutate(
      { id: h.id },
      { onSuccess: () => notifications.show({ color: 'teal', message: t('manpower.hours.confirmedMsg', { name: h.person.name }) }) },
    );
  const actions = (h: HourLog) =>
    h.canReview && h.status === 'pending' ? (
      <Group gap={6} wrap="nowrap">
        <Button
          size="compact-sm"
          color="teal"
          leftSection={<IconCheck size={14} aria-hidden />}
          onClick={() => confirm(h)}
          loading={reviewer.isPending && reviewer.variables?.id === h.id}
          data-testid="confirm-hours"
        >
          {t('manpower.hours.confirm')}
        </Button>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconArrowBackUp size={14} aria-hidden />}
          onClick={() => setReturning(h)}
          data-testid="return-hours"
        >
          {t('manpower.hours.return')}
        </Button>
      </Group>
    ) : null;
  return (
    <>
      <PagedList
        query={q}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
        rowKey={(h) => h.id}
        caption={review ? t('manpower.hours.queue') : t('manpower.hours.all')}
        empty={review ? t('manpower.hours.queueEmpty') : undefined}
        testId={review ? 'hours-queue' : 'hours-list'}
        columns={[
          { key: 'person', header: t('manpower.hours.person'), primary: true, render: (h) => h.person.name },
          {
            key: 'activity',
            header: t('manpower.log.activity'),
            render: (h) => (
              <>
                {h.activity.name}
                {h.task ? (
                  <Text size="xs" c="dimmed">
                    {h.task.title}
                  </Text>
                ) : null}
              </>
            ),
          },
          { key: 'date', header: t('manpower.log.date'), nowrap: true, render: (h) => formatDate(h.date, lang) },
          { key: 'hours', header: t('manpower.log.hours'), nowrap: true, render: (h) => formatMinutes(h.minutes, lang) },
          { key: 'note', header: t('manpower.log.note'), render: (h) => h.note ?? '' },
          {
            key: 'status',
            header: t('manpower.hours.status'),
            render: (h) => (
              <Stack gap={2}>
                <HourStatusBadge status={h.status} />
                {h.returnReason ? <Text size="xs">{h.returnReason}</Text> : null}
              </Stack>
            ),
          },
          { key: 'actions', header: t('common.actions'), hideOnCard: true, render: actions },
        ]}
        cardActions={actions}
      />
      <ReturnModal log={returning} onClose={() => setReturning(null)} />
    </>
  );
}

function TotalsPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const [by, setBy] = useState<'person' | 'team' | 'network' | 'fiscalYear'>('person');
  const [year, setYear] = useDefaultYearState(slug);
  const totals = useTotals(slug, { by, fiscalYear: by === 'fiscalYear' ? undefined : (year ?? undefined), limit: 100 });
  return (
    <Stack>
      <Group gap="sm" wrap="wrap" align="flex-end">
        <SegmentedControl
          value={by}
          onChange={(v) => setBy(v as typeof by)}
          data={(['person', 'team', 'network', 'fiscalYear'] as const).map((v) => ({ value: v, label: t(`manpower.totals.by.${v}`) }))}
          data-testid="totals-by"
        />
        {by !== 'fiscalYear' ? <FiscalYearFilter value={year} onChange={setYear} /> : null}
      </Group>
      {totals.isPending ? (
        <Loading />
      ) : totals.isError ? (
        <ErrorAlert error={totals.error} />
      ) : (
        <>
          <Text fw={600} data-testid="totals-sum">
            {t('manpower.totals.sum', { hours: formatMinutes(totals.data.minutes, lang) })}
          </Text>
          <DataView
            rows={totals.data.items}
            rowKey={(r) => r.key}
            caption={t('manpower.totals.title')}
            testId="totals-table"
            columns={[
              {
                key: 'label',
                header: t(`manpower.totals.by.${by}`),
                primary: true,
                render: (r) => (by === 'fiscalYear' ? t('manpower.fy', { year: r.label }) : r.label),
              },
              { key: 'hours', header: t('manpower.totals.hours'), nowrap: true, align: 'right', render: (r) => formatMinutes(r.minutes, lang) },
              { key: 'logs', header: t('manpower.totals.logs'), align: 'right', render: (r) => formatNumber(r.logs, lang) },
              { key: 'people', header: t('manpower.totals.people'), align: 'right', render: (r) => formatNumber(r.people, lang) },
              ...(by === 'person' && year
                ? [
                    {
                      key: 'cert',
                      header: t('manpower.totals.certificate'),
                      render: (r: { key: string }) => (
                        <Anchor href={`/print/${slug}/certificate?personId=${r.key}&fiscalYear=${year}`} target="_blank" size="sm">
                          <IconCertificate size={14} aria-hidden /> {t('manpower.totals.print')}
                        </Anchor>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </>
      )}
    </Stack>
  );
}

/** Volunteer hours: the coordinator's confirm queue, every log, totals, and logging for someone. */
export default function HoursPage() {
  const { t } = useTranslation();
  const { slug, role } = useTenant();
  const can = usePermissions();
  const editor = can.reviewHours;
  const [tab, setTab] = useState<string | null>(editor ? 'queue' : 'all');
  const [status, setStatus] = useState<HourStatus | null>(null);
  const [year, setYear] = useDefaultYearState(slug);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('manpower.hours.title')}
        subtitle={t('manpower.hours.subtitle')}
        actions={
          <Button component="a" href={`/public/${slug}/volunteers`} target="_blank" variant="default" leftSection={<IconExternalLink size={16} aria-hidden />}>
            {t('manpower.public.link')}
          </Button>
        }
      />
      <ManpowerTabs />
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          {editor ? (
            <Tabs.Tab value="queue" data-testid="tab-queue">
              {t('manpower.hours.queue')}
            </Tabs.Tab>
          ) : null}
          <Tabs.Tab value="all">{t('manpower.hours.all')}</Tabs.Tab>
          <Tabs.Tab value="totals" data-testid="tab-totals">
            {t('manpower.totals.title')}
          </Tabs.Tab>
          {editor ? <Tabs.Tab value="log">{t('manpower.hours.logFor')}</Tabs.Tab> : null}
        </Tabs.List>
        <Tabs.Panel value="queue" pt="md">
          {role === 'coordinator' ? (
            <Text size="sm" c="dimmed" mb="sm">
              {t('manpower.hours.queueHint')}
            </Text>
          ) : null}
          <LogsTable query={{ reviewable: true, status: 'pending' }} review />
        </Tabs.Panel>
        <Tabs.Panel value="all" pt="md">
          <Group gap="sm" mb="sm" wrap="wrap">
            <Select
              label={t('manpower.hours.status')}
              data={HOUR_STATUSES.map((s) => ({ value: s, label: t(`manpower.hourStatus.${s}`) }))}
              value={status}
              onChange={(v) => setStatus(v as HourStatus | null)}
              clearable
              w={180}
              comboboxProps={{ withinPortal: true }}
            />
            <FiscalYearFilter value={year} onChange={setYear} />
          </Group>
          <LogsTable query={{ status: status ?? undefined, fiscalYear: year ?? undefined }} />
        </Tabs.Panel>
        <Tabs.Panel value="totals" pt="md">
          <TotalsPanel />
        </Tabs.Panel>
        <Tabs.Panel value="log" pt="md">
          <Card withBorder radius="md" maw={560}>
            <LogHoursForm forAnyone />
          </Card>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
