import { Badge, Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Project, ScheduleState } from '../../../../common/schemas/plans';
import { enumLabel } from '../../ui/enums';
import { useLang } from '../../ui/hooks';
import { DARK_ORANGE, percent, SCHEDULE_COLORS, STATUS_COLORS } from './format';
import './i18n';

export function StatusBadge({ status }: { status: Project['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLORS[status]}
      variant={status === 'planned' ? 'outline' : 'light'}
      // orange text on its pale background falls short of AA contrast: darken it
      c={STATUS_COLORS[status] === 'orange' ? DARK_ORANGE : undefined}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
    >
      {enumLabel(t, 'workStatus', status)}
    </Badge>
  );
}

/** The status derived from progress and dates (the server's `schedule`). */
export function ScheduleBadge({ schedule }: { schedule: ScheduleState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={SCHEDULE_COLORS[schedule]}
      variant={schedule === 'not_started' ? 'outline' : 'light'}
      c={SCHEDULE_COLORS[schedule] === 'orange' ? DARK_ORANGE : undefined}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid="schedule-badge"
      data-value={schedule}
    >
      {enumLabel(t, 'schedule', schedule)}
    </Badge>
  );
}

export function ProgressBar({ value, label, size = 'lg' }: { value: number | null; label: string; size?: string }) {
  const lang = useLang();
  return (
    <Group gap="xs" wrap="nowrap" miw={120}>
      <Progress value={value ?? 0} size={size} style={{ flex: 1 }} color="teal.7" aria-label={label} />
      <Text size="sm" fw={600} className="nowrap">
        {percent(value, lang)}
      </Text>
    </Group>
  );
}
