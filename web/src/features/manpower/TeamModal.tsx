import { MultiSelect, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';

import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Team } from '../../../../common/schemas/manpower';
import { useTenant } from '../../context/tenant';
import { closeAfterSave, FormModal } from '../../ui/FormModal';
import { usePartners } from '../partners';
import { useActivityOptions, useSaveTeam, type ActivityOption } from './api';
import { PersonSelect } from './parts';
import './i18n';

/** Searchable multi-select whose options come from the server; chosen items stay listed. */
function usePicked<T extends { id: string }>(initial: T[]) {
  const [picked, setPicked] = useState<Map<string, T>>(new Map(initial.map((x) => [x.id, x])));
  return { picked, setPicked };
}

export function TeamModal({ opened, onClose, team, onSaved }: { opened: boolean; onClose: () => void; team?: Team | null; onSaved?: (t: Team) => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const save = useSaveTeam(slug, team?.id);
  const [name, setName] = useState('');
  const [purpose, setPurpose] = useState('');
  const [lead, setLead] = useState<string | null>(null);
  const [memberIds, setMemberIds] = useState<string[]>([]);
  const [activityIds, setActivityIds] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [memberSearch, setMemberSearch] = useState('');
  const [activitySearch, setActivitySearch] = useState('');
  const [dm] = useDebouncedValue(memberSearch, 300);
  const [da] = useDebouncedValue(activitySearch, 300);
  const people = usePartners(slug, { q: dm.trim() || undefined, kind: 'person', pageSize: 20, sort: 'name' }, opened);
  const acts = useActivityOptions(slug, da, opened);
  const members = usePicked<{ id: string; name: string }>([]);
  const activities = usePicked<ActivityOption>([]);

  useEffect(() => {
    if (!opened) return;
    setName(team?.name ?? '');
    setPurpose(team?.purpose ?? '');
    setLead(team?.lead?.id ?? null);
    setMemberIds(team?.members.map((m) => m.id) ?? []);
    setActivityIds(team?.activities.map((a) => a.id) ?? []);
    members.setPicked(new Map((team?.members ?? []).map((m) => [m.id, { id: m.id, name: m.name }])));
    activities.setPicked(new Map((team?.activities ?? []).map((a) => [a.id, a])));
    setErrors({});
    save.reset();
  }, [opened, team]);

  const memberData = useMemo(() => {
    const m = new Map(members.picked);
    for (const p of people.data?.items ?? []) m.set(p.id, { id: p.id, name: p.name });
    return [...m.values()].map((p) => ({ value: p.id, label: p.name }));
  }, [people.data, members.picked]);
  const activityData = useMemo(() => {
    const m = new Map(activities.picked);
    for (const a of acts.data?.items ?? []) m.set(a.id, a);
    return [...m.values()].map((a) => ({ value: a.id, label: `${a.name} (${t('manpower.fy', { year: a.fiscalYear })})` }));
  }, [acts.data, activities.picked, t]);

  function submit() {
    if (!name.trim()) return setErrors({ name: t('validation.required') });
    save.mutate(
      { name: name.trim(), purpose: purpose.trim() || null, leadPartyId: lead, memberIds, activityIds },
      closeAfterSave({ done: t('manpower.teams.saved'), then: onSaved, onClose, setErrors }),
    );
  }

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={team ? t('manpower.teams.editTitle') : t('manpower.teams.newTitle')}
      size="lg"
      onSubmit={submit}
      saving={save.isPending}
      error={save.error}
      submitTestId="team-save"
    >
      <TextInput
        label={t('manpower.teams.name')}
        value={name}
        onChange={(e) => setName(e.currentTarget.value)}
        required
        error={errors.name}
        maxLength={200}
        data-testid="team-name"
      />
      <Textarea
        label={t('manpower.teams.purpose')}
        value={purpose}
        onChange={(e) => setPurpose(e.currentTarget.value)}
        autosize
        minRows={2}
        maxLength={2000}
        error={errors.purpose}
      />
      <PersonSelect
        label={t('manpower.teams.lead')}
        value={lead}
        onChange={(id) => setLead(id)}
        error={errors.leadPartyId}
        initial={team?.lead ? { id: team.lead.id, name: team.lead.name } : null}
      />
      <MultiSelect
        label={t('manpower.teams.members')}
        description={t('manpower.teams.membersHint')}
        data={memberData}
        value={memberIds}
        onChange={(ids) => {
          const all = new Map(memberData.map((o) => [o.value, { id: o.value, name: o.label }]));
          members.setPicked(new Map(ids.map((id) => [id, all.get(id)!])));
          setMemberIds(ids);
        }}
        searchable
        searchValue={memberSearch}
        onSearchChange={setMemberSearch}
        filter={({ options }) => options}
        error={Object.entries(errors).find(([k]) => k.startsWith('memberIds'))?.[1]}
        comboboxProps={{ withinPortal: true }}
        data-testid="team-members"
      />
      <MultiSelect
        label={t('manpower.teams.activities')}
        data={activityData}
        value={activityIds}
        onChange={(ids) => {
          const all = new Map([...activities.picked, ...(acts.data?.items ?? []).map((a) => [a.id, a] as const)]);
          activities.setPicked(new Map(ids.map((id) => [id, all.get(id)!])));
          setActivityIds(ids);
        }}
        searchable
        searchValue={activitySearch}
        onSearchChange={setActivitySearch}
        filter={({ options }) => options}
        error={Object.entries(errors).find(([k]) => k.startsWith('activityIds'))?.[1]}
        comboboxProps={{ withinPortal: true }}
      />
    </FormModal>
  );
}
