import { Group, MultiSelect, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Party } from '../../../../common/schemas/partners';
import { useTenant } from '../../context/tenant';
import { usePartners } from './api';
import { enumLabel } from '../../ui/enums';
import { type PickerField, usePickerProps } from '../../ui/pickerProps';

export interface PartyOption {
  id: string;
  name: string;
  kind?: string;
  sector?: string;
  /** What tells two people of the same name apart: role or organisation type, village, ID tail. */
  detail?: string;
}

/** "ผู้ใหญ่บ้าน หมู่ 3 · หมู่ 3 ต.ชมภู · เลขบัตรลงท้าย 34": enough to pick the right นายบุญเลิศ. */
export function partyDetail(p: Party, t: TFunction): string {
  const place = [
    p.address.moo ? t('partySelect.village', { moo: p.address.moo }) : null,
    p.address.subdistrict ? t('partySelect.subdistrict', { name: p.address.subdistrict }) : null,
  ]
    .filter(Boolean)
    .join(' ');
  const tail = p.citizenId ? p.citizenId.replace(/\D/g, '').slice(-2) : '';
  const role = p.kind === 'person' ? p.position : p.orgType ? enumLabel(t, 'orgType', p.orgType) : null;
  return [role, place, tail ? t('partySelect.idTail', { tail }) : null].filter(Boolean).join(' · ');
}

const toOption = (p: Party, t: TFunction): PartyOption => ({ id: p.id, name: p.name, kind: p.kind, sector: p.sector, detail: partyDetail(p, t) });

function PartyOptionView({ label, party }: { label: string; party: PartyOption | undefined }) {
  const { t } = useTranslation();
  return (
    <Stack gap={0} w="100%">
      <Group gap={6} wrap="nowrap" justify="space-between" w="100%">
        <Text size="sm" data-testid="party-option-name">
          {label}
        </Text>
        {party?.sector ? (
          <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
            {enumLabel(t, 'sector', party.sector)}
          </Text>
        ) : null}
      </Group>
      {party?.detail ? (
        <Text size="xs" c="dimmed" data-testid="party-option-detail">
          {party.detail}
        </Text>
      ) : null}
    </Stack>
  );
}

/** Searchable partner picker backed by GET /partners?q= (server-side search). */
export function PartySelect({
  value,
  onChange,
  initial,
  required,
  excludeIds,
  clearable = true,
  ...field
}: Omit<PickerField<string | null>, 'onChange' | 'known'> & {
  onChange: (id: string | null, party: PartyOption | null) => void;
  initial?: PartyOption | null;
  required?: boolean;
  excludeIds?: string[];
  clearable?: boolean;
}) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<PartyOption | null>(initial ?? null);
  const [debounced] = useDebouncedValue(search, 300);
  // When the search box shows the selected name, list everything instead of just that one.
  const q = selected && debounced === selected.name ? '' : debounced.trim();
  const res = usePartners(slug, { q: q || undefined, pageSize: 20, sort: 'name' });

  const options = useMemo(() => {
    const map = new Map<string, PartyOption>();
    if (selected) map.set(selected.id, selected);
    for (const p of res.data?.items ?? []) {
      if (excludeIds?.includes(p.id)) continue;
      map.set(p.id, toOption(p, t));
    }
    return map;
  }, [res.data, selected, excludeIds, t]);

  const data = [...options.values()].map((p) => ({ value: p.id, label: p.name }));
  const picker = usePickerProps({ loading: res.isFetching, placeholder: t('partySelect.placeholder'), field });

  return (
    <Select
      {...picker}
      required={required}
      clearable={clearable}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      onChange={(id) => {
        const p = id ? (options.get(id) ?? null) : null;
        setSelected(p);
        onChange(id, p);
      }}
      leftSection={<IconSearch size={16} aria-hidden />}
      renderOption={({ option }) => <PartyOptionView label={option.label} party={options.get(option.value)} />}
    />
  );
}

/** Several partners, searched on the server (GET /partners?q=); the chosen ones keep their names while another search runs. */
export function PartyMultiSelect({ value, onChange, known, ...field }: PickerField<string[], PartyOption>) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const [picked, setPicked] = useState<PartyOption[]>(known ?? []);
  const res = usePartners(slug, { q: debounced.trim() || undefined, pageSize: 20, sort: 'name' });
  const options = useMemo(() => {
    const map = new Map(picked.map((p) => [p.id, p]));
    for (const p of res.data?.items ?? []) map.set(p.id, toOption(p, t));
    return map;
  }, [res.data, picked, t]);
  const picker = usePickerProps({ loading: res.isFetching, placeholder: value.length ? undefined : t('partySelect.placeholder'), field });
  return (
    <MultiSelect
      {...picker}
      data={[...options.values()].map((p) => ({ value: p.id, label: p.name }))}
      value={value}
      onChange={(ids) => {
        setPicked(ids.map((id) => options.get(id)).filter((p): p is PartyOption => Boolean(p)));
        onChange(ids);
      }}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: o }) => o}
      hidePickedOptions
      renderOption={({ option }) => <PartyOptionView label={option.label} party={options.get(option.value)} />}
    />
  );
}
