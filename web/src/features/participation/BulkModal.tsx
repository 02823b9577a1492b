import { SimpleGrid, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTRIBUTIONS, PARTICIPATION_LEVELS, PARTICIPATION_SUBJECTS } from '../../../../common/schemas/participation';
import { ApiError } from '../../api/client';
import { useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { todayIso } from '../../ui/dates';
import { EnumSelect } from '../../ui/EnumSelect';
import { FormModal } from '../../ui/FormModal';
import { focusFirstError } from '../../ui/focusError';
import { formatNumber } from '../../ui/format';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { NetworkSelect } from '../../ui/NetworkSelect';
import { PartyMultiSelect } from '../partners';
import { useBulkParticipation } from './api';
import './i18n';

interface Values {
  occurredOn: string | null;
  level: string;
  subjectKind: string;
  title: string;
  networkId: string | null;
  contribution: string;
  partyIds: string[];
  groups: string;
}

/** "ชาวบ้านหมู่ 5 บ้านดอนไชย, 20" or "… 20 คน" per line → a group and its head count (1 without a count). */
export function parseGroups(text: string): { groupName: string; headCount: number; line: number }[] {
  return text
    .split(/\r?\n/)
    .map((raw, i) => ({ raw: raw.trim(), line: i + 1 }))
    .filter((x) => x.raw)
    .map(({ raw, line }) => {
      // the count follows a comma/semicolon/tab, or is followed by "คน"; "หมู่ 3" alone is a village number, not a count
      const m = /^(.+?)\s*[,;\t]\s*(\d{1,6})\s*(?:คน|people|persons?)?$/i.exec(raw) ?? /^(.+?)\s+(\d{1,6})\s*(?:คน|people|persons?)$/i.exec(raw);
      return m && m[1].trim() ? { groupName: m[1].trim(), headCount: Number(m[2]), line } : { groupName: raw, headCount: 1, line };
    });
}

/** Quick attendance entry: one event at one level, many partners (ticked) and groups with head counts (pasted). */
export function BulkModal({ defaultLevel, onClose }: { defaultLevel?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const bulk = useBulkParticipation(slug);
  const [serverError, setServerError] = useState<unknown>(null);
  const form = useForm<Values>({
    initialValues: {
      occurredOn: todayIso(),
      level: defaultLevel ?? 'issue',
      subjectKind: 'meeting',
      title: '',
      networkId: null,
      contribution: 'attendance',
      partyIds: [],
      groups: '',
    },
    validate: (v) => {
      const errs: Record<string, string> = {};
      if (!v.occurredOn) errs.occurredOn = t('validation.required');
      if (!v.title.trim()) errs.title = t('validation.required');
      const n = v.partyIds.length + parseGroups(v.groups).length;
      if (n === 0) errs.partyIds = t('participation.noEntries');
      if (n > 500) errs.groups = t('validation.maxItems', { count: 500 });
      return errs;
    },
  });
  const groups = parseGroups(form.values.groups);
  const people = form.values.partyIds.length + groups.reduce((s, g) => s + g.headCount, 0);

  function onSubmit(v: Values) {
    setServerError(null);
    const entries = [...v.partyIds.map((partyId) => ({ partyId })), ...groups.map((g) => ({ groupName: g.groupName, headCount: g.headCount }))];
    bulk.mutate(
      {
        occurredOn: v.occurredOn!,
        level: v.level as never,
        subjectKind: v.subjectKind as never,
        title: v.title.trim(),
        networkId: v.networkId,
        contribution: v.contribution as never,
        entries,
      },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'teal', message: t('participation.bulkSaved', { created: r.created, people: formatNumber(r.people, lang) }) });
          onClose();
        },
        onError: (err) => {
          setServerError(err);
          if (err instanceof ApiError && Object.keys(err.fields).length) {
            // entries.3.headCount → the partner list or the pasted line it came from
            const errs: Record<string, string> = {};
            for (const [k, msg] of Object.entries(err.fields)) {
              const m = /^entries\.(\d+)\./.exec(k);
              if (!m) errs[k] = msg;
              else if (Number(m[1]) < v.partyIds.length) errs.partyIds = msg;
              else errs.groups = `${t('participation.line', { n: groups[Number(m[1]) - v.partyIds.length]?.line ?? '?' })}: ${msg}`;
            }
            form.setErrors(errs);
            focusFirstError();
          }
        },
      },
    );
  }

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('participation.bulkTitle')}
      size="xl"
      fullScreen={!desktop}
      onSubmit={form.onSubmit(onSubmit, () => focusFirstError())}
      saving={bulk.isPending}
      error={serverError}
      submitTestId="bulk-submit"
      testId="bulk-form"
    >
      <TextInput label={t('participation.eventTitle')} required {...form.getInputProps('title')} data-testid="bulk-title" />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <DateField
          label={t('participation.occurredOn')}
          required
          clearable={false}
          value={form.values.occurredOn}
          onChange={(v) => form.setFieldValue('occurredOn', v)}
          error={form.errors.occurredOn}
          data-testid="bulk-date"
        />
        <EnumSelect
          label={t('participation.level')}
          description={t(`participation.levelHint.${form.values.level}`)}
          enumName="participationLevel"
          values={PARTICIPATION_LEVELS}
          {...form.getInputProps('level')}
          data-testid="bulk-level"
        />
        <EnumSelect
          label={t('participation.subjectKind')}
          enumName="participationSubject"
          values={PARTICIPATION_SUBJECTS}
          {...form.getInputProps('subjectKind')}
        />
        <EnumSelect label={t('participation.contribution')} enumName="contribution" values={CONTRIBUTIONS} {...form.getInputProps('contribution')} />
      </SimpleGrid>
      <NetworkSelect
        label={t('participation.network')}
        value={form.values.networkId}
        onChange={(id) => form.setFieldValue('networkId', id)}
        error={form.errors.networkId}
        testId="bulk-network"
      />
      <PartyMultiSelect
        label={t('participation.partners')}
        value={form.values.partyIds}
        onChange={(ids) => form.setFieldValue('partyIds', ids)}
        known={[]}
        error={form.errors.partyIds}
        testId="bulk-partners"
      />
      <Textarea
        label={t('participation.groups')}
        description={t('participation.groupsHint')}
        autosize
        minRows={3}
        {...form.getInputProps('groups')}
        data-testid="bulk-groups"
      />
      <Text size="sm" aria-live="polite" data-testid="bulk-preview">
        {t('participation.bulkPreview', { entries: form.values.partyIds.length + groups.length, people: formatNumber(people, lang) })}
      </Text>
    </FormModal>
  );
}
