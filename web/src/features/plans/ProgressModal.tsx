import { Anchor, Button, Group, Modal, NumberInput, Select, Slider, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanDetail } from '../../../../common/schemas/plans';
import { useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIso } from '../../ui/dates';
import { enumOptions } from '../../ui/enums';
import { ErrorAlert, errorText } from '../../ui/ErrorAlert';
import { focusFirstError } from '../../ui/focusError';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { AttachMore, EvidenceFiles, EvidencePicker, uploadAll } from '../evidence';
import { useProgressReports, useReportProgress } from './api';
import { percent, WORK_STATUSES } from './format';
import { useServerErrors } from '../../ui/serverErrors';
import '../evidence/i18n';
import './i18n';

interface Values {
  activityId: string | null;
  percentage: number;
  reportedOn: string | null;
  text: string;
  status: string | null;
}

/**
 * Report progress on an activity: made for a phone in the field (full screen, big slider, today's date, the
 * camera one tap away). Photos and PDFs are uploaded after the report is saved, to that report.
 */
export function ProgressModal({ plan, activityId, onClose }: { plan: PlanDetail; activityId?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const report = useReportProgress(slug, plan.id);
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const qc = useQueryClient();
  const activities = plan.projects.flatMap((p) => p.activities.map((a) => ({ ...a, projectName: p.name })));
  const today = todayIso();
  const initial = activities.find((a) => a.id === activityId);

  const form = useForm<Values>({
    initialValues: {
      activityId: activityId ?? null,
      percentage: initial?.reportedProgress ?? 0,
      reportedOn: today < plan.startDate ? plan.startDate : today > plan.endDate ? plan.endDate : today,
      text: '',
      status: null,
    },
    validate: (v) => {
      const errs: Record<string, string> = {};
      if (!v.activityId) errs.activityId = t('validation.required');
      if (!v.reportedOn) errs.reportedOn = t('validation.required');
      if (!v.text.trim()) errs.text = t('validation.required');
      if (!Number.isInteger(v.percentage) || v.percentage < 0 || v.percentage > 100) errs.percentage = t('plan.percentRange');
      return errs;
    },
  });
  const server = useServerErrors(form);
  const selected = activities.find((a) => a.id === form.values.activityId);
  const history = useProgressReports(slug, plan.id, form.values.activityId);

  const data = plan.projects
    .filter((p) => p.activities.length)
    .map((p) => ({ group: p.name, items: p.activities.map((a) => ({ value: a.id, label: a.name })) }));

  function onSubmit(v: Values) {
    server.clear();
    report.mutate(
      {
        activityId: v.activityId!,
        body: {
          reportedOn: v.reportedOn!,
          text: v.text.trim(),
          percentage: v.percentage,
          status: (v.status ?? undefined) as never,
        },
      },
      {
        onSuccess: async (r) => {
          notifications.show({ color: 'teal', message: t('plan.progressSaved', { progress: percent(r.plan.progress, lang) }) });
          if (files.length) {
            setUploading(true);
            const done = await uploadAll(slug, { kind: 'report', planId: plan.id, activityId: v.activityId!, reportId: r.id }, files);
            setUploading(false);
            if (done.ok) notifications.show({ color: 'teal', message: t('evidence.uploaded', { count: done.ok }) });
            for (const f of done.failed)
              notifications.show({ color: 'red', autoClose: false, message: t('evidence.uploadFailed', { name: f.name, reason: errorText(f.error, t) }) });
            void qc.invalidateQueries({ queryKey: ['t', slug, 'plans', 'progress', plan.id] });
          }
          onClose();
        },
        onError: server.onError,
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title={t('plan.reportProgress')} size="lg" fullScreen={!desktop} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={form.onSubmit(onSubmit, () => focusFirstError())} noValidate data-testid="progress-form">
        <Stack>
          <Select
            label={t('plan.activity')}
            required
            data={data}
            searchable
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('activityId')}
            onChange={(id) => {
              form.setFieldValue('activityId', id);
              const a = activities.find((x) => x.id === id);
              if (a) form.setFieldValue('percentage', a.reportedProgress);
            }}
            data-testid="progress-activity"
          />
          {selected ? (
            <Text size="sm" c="dimmed">
              {t('plan.lastReported', {
                progress: percent(selected.reportedProgress, lang),
                date: selected.lastReportedOn ? formatDate(selected.lastReportedOn, lang) : '—',
              })}
            </Text>
          ) : null}
          <div>
            <NumberInput
              label={t('plan.percentage')}
              required
              min={0}
              max={100}
              allowDecimal={false}
              clampBehavior="strict"
              suffix="%"
              inputMode="numeric"
              size="md"
              value={form.values.percentage}
              onChange={(v) => form.setFieldValue('percentage', typeof v === 'number' ? v : Number(v) || 0)}
              error={form.errors.percentage}
              data-testid="progress-percentage"
            />
            <Slider
              mt="sm"
              mb="lg"
              size="lg"
              min={0}
              max={100}
              step={5}
              value={form.values.percentage}
              onChange={(v) => form.setFieldValue('percentage', v)}
              marks={[0, 25, 50, 75, 100].map((v) => ({ value: v, label: `${v}%` }))}
              label={(v) => `${v}%`}
              thumbLabel={t('plan.percentage')}
            />
          </div>
          <DateField
            label={t('plan.reportedOn')}
            required
            value={form.values.reportedOn}
            onChange={(v) => form.setFieldValue('reportedOn', v)}
            error={form.errors.reportedOn}
            clearable={false}
          />
          <Textarea label={t('plan.reportText')} required autosize minRows={3} {...form.getInputProps('text')} data-testid="progress-text" />
          <EvidencePicker value={files} onChange={setFiles} testId="progress-files" />
          <Select
            label={t('plan.statusChange')}
            placeholder={t('plan.statusKeep')}
            data={enumOptions(t, 'workStatus', WORK_STATUSES)}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clearSelection') }}
            comboboxProps={{ withinPortal: true }}
            {...form.getInputProps('status')}
          />
          <ErrorAlert error={server.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" size="md" loading={report.isPending || uploading} data-testid="progress-submit">
              {t('plan.saveProgress')}
            </Button>
          </Group>
          {history.data?.items.length ? (
            <Stack gap={4} component="section" aria-label={t('plan.history')}>
              <Text fw={600} size="sm">
                {t('plan.history')}
              </Text>
              {history.data.items.map((r) => (
                <div key={r.id} data-testid="progress-history-item">
                  <Text size="sm" className="break-words">
                    {formatDate(r.reportedOn, lang)} · {percent(r.percentage, lang)} · {r.text}
                    {/* links recorded before files could be attached */}
                    {r.photoUrls.map((u, i) => (
                      <Anchor key={u} href={u} target="_blank" rel="noopener noreferrer" ml={6} size="sm">
                        {t('plan.photoN', { n: i + 1 })}
                      </Anchor>
                    ))}
                  </Text>
                  <Group gap={6} align="center">
                    <EvidenceFiles files={r.files} onChanged={() => void qc.invalidateQueries({ queryKey: ['t', slug, 'plans', 'progress', plan.id] })} />
                    <AttachMore
                      owner={{ kind: 'report', planId: plan.id, activityId: r.activityId, reportId: r.id }}
                      count={r.files.length}
                      context={t('evidence.addMoreTo', { date: formatDate(r.reportedOn, lang) })}
                      onDone={() => void qc.invalidateQueries({ queryKey: ['t', slug, 'plans', 'progress', plan.id] })}
                    />
                  </Group>
                </div>
              ))}
            </Stack>
          ) : null}
        </Stack>
      </form>
    </Modal>
  );
}
