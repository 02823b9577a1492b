import { Badge, Group, Select, Tabs, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useLocation, useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HourStatus, TaskStatus } from '../../../../common/schemas/manpower';
import { fiscalYearOf } from '../../../../common/thai/dates';
import { useTenant } from '../../context/tenant';
import { todayIso } from '../../ui/dates';
import { formatNumber } from '../../ui/format';
import type { Lang } from '../../i18n';
import { usePartners } from '../partners';
import { useActivityOptions, type ActivityOption } from './api';
import './i18n';

/** "3 ชั่วโมง 30 นาที" / "3 h 30 min" from whole minutes. */
export function formatMinutes(minutes: number, lang: Lang): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hs = formatNumber(h, lang);
  if (lang === 'en') return m ? `${hs} h ${m} min` : `${hs} h`;
  return m ? `${hs} ชั่วโมง ${m} นาที` : `${hs} ชั่วโมง`;
}

export const currentFiscalYear = () => fiscalYearOf(todayIso());

export function fiscalYearOptions(count = 6) {
  const now = currentFiscalYear();
  return Array.from({ length: count }, (_, i) => String(now - i));
}

/** A year filter of the hours page (totals, logs): the last six fiscal years, cleared for all of them. */
export function FiscalYearFilter({ value, onChange }: { value: string | null; onChange: (year: string | null) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('manpower.totals.year')}
      data={fiscalYearOptions().map((y) => ({ value: y, label: t('manpower.fy', { year: y }) }))}
      value={value}
      onChange={onChange}
      clearable
      w={200}
      comboboxProps={{ withinPortal: true }}
    />
  );
}

const HOUR_COLORS: Record<HourStatus, string> = { pending: 'indigo', confirmed: 'teal', returned: 'red' };
const TASK_COLORS: Record<TaskStatus, string> = { open: 'blue', in_progress: 'indigo', done: 'teal', cancelled: 'gray' };

export function HourStatusBadge({ status }: { status: HourStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={HOUR_COLORS[status]} variant="light" style={{ flexShrink: 0 }}>
      {t(`manpower.hourStatus.${status}`)}
    </Badge>
  );
}

export function TaskStatusBadge({ status, overdue }: { status: TaskStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      <Badge color={TASK_COLORS[status]} variant="light">
        {t(`manpower.taskStatus.${status}`)}
      </Badge>
      {overdue ? (
        <Badge color="red" variant="outline">
          {t('manpower.overdue')}
        </Badge>
      ) : null}
    </Group>
  );
}

export function SkillBadges({ skills, free = [], highlight = [] }: { skills: string[]; free?: string[]; highlight?: string[] }) {
  const { t } = useTranslation();
  if (!skills.length && !free.length) return <Text c="dimmed">—</Text>;
  return (
    <Group gap={4} wrap="wrap">
      {skills.map((s) => (
        <Badge key={s} variant={highlight.includes(s) ? 'filled' : 'light'} color="teal" style={{ textTransform: 'none' }}>
          {t(`manpower.skill.${s}`)}
        </Badge>
      ))}
      {free.map((s) => (
        <Badge key={s} variant="outline" color="gray" style={{ textTransform: 'none' }}>
          {s}
        </Badge>
      ))}
    </Group>
  );
}

/** Plan activities, searched by activity or plan name on the server. */
export function ActivitySelect({
  value,
  onChange,
  error,
  label,
  options,
  required,
  testId,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  label: string;
  /** A fixed list (the member's own activities) instead of a server search. */
  options?: ActivityOption[];
  required?: boolean;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const remote = useActivityOptions(slug, debounced, !options);
  const [chosen, setChosen] = useState<ActivityOption | null>(null);
  const list = useMemo(() => {
    const m = new Map<string, ActivityOption>();
    if (chosen) m.set(chosen.id, chosen);
    for (const a of options ?? remote.data?.items ?? []) m.set(a.id, a);
    return m;
  }, [options, remote.data, chosen]);
  return (
    <Select
      label={label}
      required={required}
      error={error}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clearSelection') }}
      data={[...list.values()].map((a) => ({ value: a.id, label: a.name }))}
      value={value}
      searchValue={options ? undefined : search}
      onSearchChange={options ? undefined : setSearch}
      filter={options ? undefined : ({ options: o }) => o}
      onChange={(id) => {
        setChosen(id ? (list.get(id) ?? null) : null);
        onChange(id);
      }}
      leftSection={<IconSearch size={16} aria-hidden />}
      nothingFoundMessage={t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={300}
      renderOption={({ option }) => {
        const a = list.get(option.value);
        return (
          <div>
            <Text size="sm">{option.label}</Text>
            {a ? (
              <Text size="xs" c="dimmed">
                {a.planName} · {t('manpower.fy', { year: a.fiscalYear })}
              </Text>
            ) : null}
          </div>
        );
      }}
      data-testid={testId}
    />
  );
}

/** A registry person (kind person), searched on the server. */
export function PersonSelect({
  value,
  onChange,
  label,
  error,
  required,
  initial,
  testId,
  labelHidden,
}: {
  value: string | null;
  onChange: (id: string | null, name: string | null) => void;
  label: string;
  /** Keep the label for screen readers only (table cells). */
  labelHidden?: boolean;
  error?: string;
  required?: boolean;
  initial?: { id: string; name: string } | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [chosen, setChosen] = useState<{ id: string; name: string } | null>(initial ?? null);
  const q = chosen && debounced === chosen.name ? '' : debounced.trim();
  const res = usePartners(slug, { q: q || undefined, kind: 'person', pageSize: 20, sort: 'name' });
  const list = useMemo(() => {
    const m = new Map<string, string>();
    if (chosen) m.set(chosen.id, chosen.name);
    for (const p of res.data?.items ?? []) m.set(p.id, p.name);
    return m;
  }, [res.data, chosen]);
  return (
    <Select
      label={labelHidden ? undefined : label}
      aria-label={labelHidden ? label : undefined}
      required={required}
      error={error}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('common.clearSelection') }}
      data={[...list.entries()].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      onChange={(id) => {
        const name = id ? (list.get(id) ?? null) : null;
        setChosen(id && name ? { id, name } : null);
        onChange(id, name);
      }}
      placeholder={t('partySelect.placeholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      nothingFoundMessage={res.isFetching ? t('common.loading') : t('common.nothingFound')}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
    />
  );
}

/** Tabs between the manpower pages (teams, tasks, volunteer hours). */
export function ManpowerTabs() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const navigate = useNavigate();
  const path = useLocation().pathname;
  const current = path.includes('/tasks') ? 'tasks' : path.includes('/volunteer-hours') ? 'hours' : 'teams';
  const to = { teams: '/t/$tenant/teams', tasks: '/t/$tenant/tasks', hours: '/t/$tenant/volunteer-hours' } as const;
  return (
    <Tabs value={current} onChange={(v) => v && void navigate({ to: to[v as keyof typeof to], params: { tenant: slug } })} mb="md">
      <Tabs.List>
        <Tabs.Tab value="teams">{t('manpower.teams.title')}</Tabs.Tab>
        <Tabs.Tab value="tasks">{t('manpower.tasks.title')}</Tabs.Tab>
        <Tabs.Tab value="hours">{t('manpower.hours.title')}</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
