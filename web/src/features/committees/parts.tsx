import { Badge, Group, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../ui/DateField';
import './i18n';

const MINUTES_COLOR = { none: 'gray', draft: 'blue', certified: 'teal' } as const;

export function MinutesBadge({ status }: { status: 'none' | 'draft' | 'certified' }) {
  const { t } = useTranslation();
  return (
    <Badge color={MINUTES_COLOR[status]} variant="light" style={{ textTransform: 'none' }}>
      {t(`meeting.minutesStatus.${status}`)}
    </Badge>
  );
}

/** What an appointing order's two fields read and write: a committee's or a member's order number and date. */
interface OrderDraft {
  orderNumber: string | null;
  orderDate: string | null;
}

/** The appointing order (คำสั่งแต่งตั้ง) of a committee or of a member's term: its number and date side by side. */
export function OrderFields<T extends OrderDraft>({
  v,
  set,
  errors,
  numberPlaceholder,
}: {
  v: T;
  set: <K extends keyof OrderDraft>(k: K, value: OrderDraft[K]) => void;
  errors: Record<string, string>;
  numberPlaceholder?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start">
      <TextInput
        label={t('committees.orderNumber')}
        value={v.orderNumber ?? ''}
        onChange={(e) => set('orderNumber', e.currentTarget.value || null)}
        error={errors.orderNumber}
        placeholder={numberPlaceholder}
      />
      <DateField label={t('committees.orderDate')} value={v.orderDate} onChange={(d) => set('orderDate', d)} error={errors.orderDate} />
    </Group>
  );
}
