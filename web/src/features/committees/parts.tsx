import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
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
