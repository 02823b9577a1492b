import '@mantine/dates/styles.css';
import { DateInput, DatesProvider } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import 'dayjs/locale/th';
import { useTranslation } from 'react-i18next';
import { formatTypedDate, parseTypedDate } from '../../../common/thai/typed-date';
import { buddhistYear, formatMonthName, formatMonthYear } from './dates';
import { useLang } from './hooks';

export interface DateFieldProps {
  label: string;
  value: string | null | undefined;
  onChange: (value: string | null) => void;
  error?: React.ReactNode;
  description?: React.ReactNode;
  required?: boolean;
  clearable?: boolean;
  minDate?: string;
  maxDate?: string;
  disabled?: boolean;
  'data-testid'?: string;
}

/**
 * A date field whose value is `yyyy-mm-dd`: type it (15/03/2570, 15 มี.ค. 2570, B.E. or C.E.) or pick it
 * from the calendar; it shows Buddhist era (15/03/2570). Something that is not a date is cleared on leaving.
 */
export function DateField({ label, value, onChange, error, description, required, clearable = true, minDate, maxDate, disabled, ...rest }: DateFieldProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const by = (d: string) => String(buddhistYear(d) ?? '');
  return (
    <DatesProvider settings={{ locale: lang, firstDayOfWeek: 0, weekendDays: [0, 6] }}>
      <DateInput
        label={label}
        description={description}
        error={error}
        required={required}
        disabled={disabled}
        value={value || null}
        onChange={(v) => onChange(v || null)}
        clearable={clearable}
        clearButtonProps={{ 'aria-label': t('common.clearDate') }}
        placeholder={t('common.typeOrPickDate')}
        leftSection={<IconCalendar size={16} aria-hidden />}
        valueFormat={(d) => formatTypedDate(d.slice(0, 10))}
        dateParser={(input) => parseTypedDate(input)}
        monthLabelFormat={(d) => formatMonthYear(d, lang)}
        yearLabelFormat={(d) => by(d)}
        decadeLabelFormat={(start, end) => `${by(start)} – ${by(end)}`}
        yearsListFormat={(d) => by(d)}
        monthsListFormat={(d) => formatMonthName(d, lang)}
        nextLabel={t('common.next')}
        previousLabel={t('common.previous')}
        minDate={minDate}
        maxDate={maxDate}
        popoverProps={{ withinPortal: true }}
        data-testid={rest['data-testid']}
      />
    </DatesProvider>
  );
}

export default DateField;
