import type { TenantRole } from '../../../../common/schemas';
import { permissionsOf } from '../../../../common/permissions';
import { SCHEDULE_STATES, type ScheduleState, WORK_STATUSES, type WorkStatus } from '../../../../common/schemas/plans';
import { formatBaht } from '../../../../common/thai/money';
import type { Lang } from '../../i18n';

export { SCHEDULE_STATES, WORK_STATUSES };

/** Mantine colours per status; the timeline bars and the badges use the same ones. */
export const STATUS_COLORS: Record<WorkStatus, string> = {
  planned: 'gray',
  in_progress: 'blue',
  done: 'teal',
  delayed: 'orange',
  cancelled: 'red',
};

/** Colours of the derived status people read (progress and dates): overdue stands out. */
export const SCHEDULE_COLORS: Record<ScheduleState, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  done: 'teal',
  overdue: 'orange',
  cancelled: 'red',
};

/** Text colour for orange badges: Mantine's orange on its pale background is below WCAG AA contrast. */
export const DARK_ORANGE = '#8a3200';

/** Who may do what with plans, the strategy map and participation (common/permissions.ts, shared with the API). */
export function planPermissions(role: TenantRole) {
  const can = permissionsOf(role);
  return {
    edit: can.editPlan,
    deletePlan: can.deletePlan,
    export: can.exportPlan,
    editStrategy: can.editStrategy,
    measure: can.measure,
    deleteMeasurement: can.deleteMeasurement,
    participate: can.recordParticipation,
  };
}

export const baht = (satang: number, lang: Lang) => formatBaht(satang, lang);

/** "62.5%" or "—" when nothing is countable. */
export function percent(p: number | null | undefined, lang: Lang): string {
  if (p === null || p === undefined) return '—';
  return `${new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'th-TH', { maximumFractionDigits: 1 }).format(p)}%`;
}
