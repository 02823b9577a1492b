import { Button, NumberInput, Stack, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTenant } from '../../context/tenant';
import { todayIso } from '../../ui/dates';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLogHours, type ActivityOption } from './api';
import { ActivitySelect, PersonSelect } from './parts';
import { errorWithoutFields, showServerFieldErrors } from '../../ui/serverErrors';
import './i18n';

/**
 * Log volunteer hours: a member for themselves (their activities in a fixed list), an editor for
 * anyone (person and activity searched). Big touch targets: this is mostly used on a phone.
 */
export function LogHoursForm({ activities, forAnyone = false, onDone }: { activities?: ActivityOption[]; forAnyone?: boolean; onDone?: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const log = useLogHours(slug);
  const [personId, setPersonId] = useState<string | null>(null);
  const [activityId, setActivityId] = useState<string | null>(null);
  const [date, setDate] = useState<string | null>(todayIso());
  const [hours, setHours] = useState<number | string>('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (forAnyone && !personId) errs.personId = t('validation.required');
    if (!activityId) errs.activityId = t('validation.required');
    if (!date) errs.date = t('validation.required');
    const h = typeof hours === 'number' ? hours : Number(String(hours).replace(',', '.'));
    if (hours === '' || !Number.isFinite(h)) errs.hours = t('validation.required');
    else if (h <= 0) errs.hours = t('manpower.log.positive');
    else if (h > 24) errs.hours = t('manpower.log.max24');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    log.mutate(
      { personId: forAnyone ? personId! : undefined, activityId: activityId!, date: date!, hours: h, note: note.trim() || undefined },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('manpower.log.saved') });
          setHours('');
          setNote('');
          onDone?.();
        },
        onError: (err) => {
          showServerFieldErrors(setErrors, err);
        },
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate data-testid="log-hours-form">
      <Stack gap="sm">
        {forAnyone ? (
          <PersonSelect
            label={t('manpower.log.person')}
            value={personId}
            onChange={(id) => setPersonId(id)}
            error={errors.personId}
            required
            testId="log-person"
          />
        ) : null}
        <ActivitySelect
          label={t('manpower.log.activity')}
          value={activityId}
          onChange={setActivityId}
          options={forAnyone ? undefined : activities}
          error={errors.activityId ?? errors.taskId}
          required
          testId="log-activity"
        />
        <DateField label={t('manpower.log.date')} value={date} onChange={setDate} error={errors.date} required maxDate={todayIso()} clearable={false} />
        <NumberInput
          label={t('manpower.log.hours')}
          description={t('manpower.log.hoursHint')}
          value={hours}
          onChange={setHours}
          min={0}
          max={24}
          step={0.5}
          decimalScale={2}
          inputMode="decimal"
          error={errors.hours}
          required
          size="md"
          data-testid="log-hours"
        />
        <Textarea
          label={t('manpower.log.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={1000}
          error={errors.note}
        />
        <ErrorAlert error={errorWithoutFields(log.error)} />
        <Button type="submit" size="md" loading={log.isPending} leftSection={<IconClockPlus size={18} aria-hidden />} data-testid="log-submit">
          {t('manpower.log.submit')}
        </Button>
      </Stack>
    </form>
  );
}
