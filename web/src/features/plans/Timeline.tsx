import { Box, Group, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, ScheduleState } from '../../../../common/schemas/plans';
import { fiscalYearRange } from '../../../../common/thai/dates';
import { formatDate, formatMonthName, parseIsoDate, todayIso } from '../../ui/dates';
import { enumLabel } from '../../ui/enums';
import { useLang } from '../../ui/hooks';
import { percent, SCHEDULE_COLORS, SCHEDULE_STATES } from './format';
import classes from './Timeline.module.css';
import './i18n';

const DAY = 86_400_000;
const day = (iso: string) => (parseIsoDate(iso)?.getTime() ?? 0) / DAY;

interface Row {
  key: string;
  kind: 'project' | 'activity';
  name: string;
  start: string | null;
  end: string | null;
  status: ScheduleState;
  progress: number | null;
  /** Dates taken from the project or plan (the activity has none of its own). */
  borrowed?: 'own' | 'project' | 'plan';
}

/** Projects with their activities in reading order; a project without dates spans its activities. */
function rowsOf(plan: PlanDetail): Row[] {
  const rows: Row[] = [];
  for (const p of plan.projects) {
    const starts = p.activities.map((a) => a.startDate).filter((x): x is string => !!x);
    const ends = p.activities.map((a) => a.endDate).filter((x): x is string => !!x);
    rows.push({
      key: p.id,
      kind: 'project',
      name: p.name,
      start: p.startDate ?? (starts.length ? starts.sort()[0] : p.effectiveStartDate),
      end: p.endDate ?? (ends.length ? ends.sort().at(-1)! : p.effectiveEndDate),
      status: p.schedule,
      progress: p.progress,
    });
    for (const a of p.activities)
      rows.push({
        key: a.id,
        kind: 'activity',
        name: a.name,
        start: a.effectiveStartDate,
        end: a.effectiveEndDate,
        status: a.schedule,
        progress: a.progress,
        borrowed: a.datesFrom,
      });
  }
  return rows;
}

/**
 * Gantt-like chart of the fiscal year (October → September) drawn with CSS: one row per project and
 * activity, bars coloured by status with the progress shaded inside, and a line at today. The chart keeps
 * a minimum width and scrolls inside its own box, so a phone never scrolls the page sideways.
 */
export function Timeline({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const range = fiscalYearRange(plan.fiscalYear);
  const first = day(range.start);
  const total = day(range.end) - first + 1;
  const pos = (iso: string) => Math.min(100, Math.max(0, ((day(iso) - first) / total) * 100));
  const months = Array.from({ length: 12 }, (_, i) => {
    const d = new Date(Date.UTC(Number(range.start.slice(0, 4)), 9 + i, 1));
    return d.toISOString().slice(0, 10);
  });
  const today = todayIso();
  const showToday = today >= range.start && today <= range.end;
  const rows = rowsOf(plan);

  if (rows.length === 0) return <Text c="dimmed">{t('plan.noProjects')}</Text>;

  return (
    <Box>
      <Group gap="md" mb="xs" wrap="wrap" aria-label={t('plan.legend')} role="list">
        {SCHEDULE_STATES.map((s) => (
          <Group key={s} gap={6} wrap="nowrap" role="listitem">
            <span className={classes.swatch} style={{ background: `var(--mantine-color-${SCHEDULE_COLORS[s]}-6)` }} aria-hidden />
            <Text size="sm">{enumLabel(t, 'schedule', s)}</Text>
          </Group>
        ))}
        {showToday ? (
          <Group gap={6} wrap="nowrap" role="listitem">
            <span className={classes.todaySwatch} aria-hidden />
            <Text size="sm">{t('plan.today', { date: formatDate(today, lang) })}</Text>
          </Group>
        ) : null}
      </Group>
      {/* a scrollable region must be reachable by keyboard */}
      <div className={classes.scroll} role="region" aria-label={t('plan.timeline')} tabIndex={0} data-testid="plan-timeline">
        <div className={classes.chart}>
          <div className={classes.header}>
            <div className={classes.nameHead}>{t('plan.work')}</div>
            <div className={classes.months}>
              {months.map((m, i) => (
                <div key={m} className={classes.month}>
                  {formatMonthName(m, lang)}
                  {i === 0 || i === 3 ? <span className={classes.year}> {Number(m.slice(0, 4)) + 543}</span> : null}
                </div>
              ))}
            </div>
          </div>
          <ul className={classes.rows}>
            {rows.map((r) => {
              const status = enumLabel(t, 'schedule', r.status);
              const dates =
                r.start && r.end
                  ? `${formatDate(r.start, lang)} – ${formatDate(r.end, lang)}${r.borrowed && r.borrowed !== 'own' ? ` (${t(`plan.datesFrom.${r.borrowed}`)})` : ''}`
                  : t('plan.noDates');
              const left = r.start ? pos(r.start) : 0;
              const right = r.end ? pos(r.end) + 100 / total : 100;
              return (
                <li key={r.key} className={classes.row} data-kind={r.kind} data-testid="timeline-row">
                  <div className={classes.name} title={r.name}>
                    {r.name}
                  </div>
                  <div className={classes.lane}>
                    {months.map((m) => (
                      <span key={m} className={classes.gridline} style={{ left: `${pos(m)}%` }} aria-hidden />
                    ))}
                    {showToday ? <span className={classes.today} style={{ left: `${pos(today)}%` }} aria-hidden /> : null}
                    {r.start && r.end ? (
                      <div
                        className={classes.bar}
                        data-status={r.status}
                        style={{
                          left: `${left}%`,
                          width: `${Math.max(0.8, right - left)}%`,
                          background: `var(--mantine-color-${SCHEDULE_COLORS[r.status]}-${r.kind === 'project' ? 7 : 4})`,
                        }}
                        title={`${r.name}: ${dates} · ${status} · ${percent(r.progress, lang)}`}
                      >
                        {r.progress ? <span className={classes.done} style={{ width: `${r.progress}%` }} aria-hidden /> : null}
                      </div>
                    ) : (
                      <Text size="xs" c="dimmed" className={classes.undated}>
                        {t('plan.noDates')}
                      </Text>
                    )}
                    <VisuallyHidden>{`${dates}, ${status}, ${t('plan.progress')} ${percent(r.progress, lang)}`}</VisuallyHidden>
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </Box>
  );
}
