import { NumberInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../../common/schemas/strategy';
import { useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { todayIso } from '../../ui/dates';
import { errorText } from '../../ui/ErrorAlert';
import { FormModal } from '../../ui/FormModal';
import { focusFirstError } from '../../ui/focusError';
import { useIsDesktop } from '../../ui/hooks';
import { EvidencePicker, uploadAll } from '../evidence';
import { useAddMeasurement } from './api';
import { useServerErrors } from '../../ui/serverErrors';
import '../evidence/i18n';
import './i18n';

interface Values {
  value: number | string;
  measuredOn: string | null;
  source: string;
  evidenceNote: string;
}

/** Record a measured value of an indicator with its source and evidence (a note, photos and PDFs uploaded after the value is saved). */
export function MeasurementModal({ indicator, onClose }: { indicator: Indicator & { target: number | null }; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const add = useAddMeasurement(slug);
  const [files, setFiles] = useState<File[]>([]);
  const [uploading, setUploading] = useState(false);
  const qc = useQueryClient();
  const form = useForm<Values>({
    initialValues: { value: '', measuredOn: todayIso(), source: '', evidenceNote: '' },
    validate: (v) => {
      const errs: Record<string, string> = {};
      if (v.value === '' || !Number.isFinite(Number(v.value))) errs.value = t('validation.required');
      if (!v.measuredOn) errs.measuredOn = t('validation.required');
      return errs;
    },
  });
  const server = useServerErrors(form);
  function onSubmit(v: Values) {
    server.clear();
    add.mutate(
      {
        indicatorId: indicator.id,
        body: {
          value: Number(v.value),
          measuredOn: v.measuredOn!,
          source: v.source.trim() || null,
          evidenceNote: v.evidenceNote.trim() || null,
        },
      },
      {
        onSuccess: async (m) => {
          notifications.show({ color: 'teal', message: t('strategy.measurementSaved') });
          if (files.length) {
            setUploading(true);
            const done = await uploadAll(slug, { kind: 'measurement', indicatorId: indicator.id, measurementId: m.id }, files);
            setUploading(false);
            if (done.ok) notifications.show({ color: 'teal', message: t('evidence.uploaded', { count: done.ok }) });
            for (const f of done.failed)
              notifications.show({ color: 'red', autoClose: false, message: t('evidence.uploadFailed', { name: f.name, reason: errorText(f.error, t) }) });
            void qc.invalidateQueries({ queryKey: ['t', slug, 'strategy'] });
          }
          onClose();
        },
        onError: server.onError,
      },
    );
  }
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('strategy.addMeasurement')}
      size="lg"
      fullScreen={!desktop}
      onSubmit={form.onSubmit(onSubmit, () => focusFirstError())}
      saving={add.isPending || uploading}
      error={server.error}
      testId="measurement-form"
      submitTestId="measurement-submit"
    >
      <Text fw={600} className="break-words">
        {indicator.name}
      </Text>
      <Text size="sm" c="dimmed">
        {t(`strategy.direction.${indicator.direction}`)}
        {indicator.target !== null ? ` · ${t('strategy.target')}: ${indicator.target} ${indicator.unit}` : ''}
      </Text>
      <NumberInput
        label={t('strategy.value', { unit: indicator.unit })}
        required
        decimalScale={4}
        inputMode="decimal"
        {...form.getInputProps('value')}
        data-testid="measurement-value"
      />
      <DateField
        label={t('strategy.measuredOn')}
        required
        clearable={false}
        value={form.values.measuredOn}
        onChange={(v) => form.setFieldValue('measuredOn', v)}
        error={form.errors.measuredOn}
      />
      <TextInput label={t('strategy.source')} {...form.getInputProps('source')} data-testid="measurement-source" />
      <Textarea label={t('strategy.evidenceNote')} autosize minRows={2} {...form.getInputProps('evidenceNote')} />
      <EvidencePicker value={files} onChange={setFiles} testId="measurement-files" />
    </FormModal>
  );
}
