import { MultiSelect, Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListResult, NetworkListItem } from '../../../common/schemas';
import { api, tenantPath } from '../api/client';
import { useTenant } from '../context/tenant';
import { type PickerField, usePickerProps } from './pickerProps';

/** Every network of the tenant (about 50), by name, for pickers and filters; cached for a few minutes. */
export function useNetworkOptions() {
  const { slug } = useTenant();
  const q = useQuery({
    queryKey: ['t', slug, 'networks', 'options'],
    queryFn: ({ signal }) => api<ListResult<NetworkListItem>>(tenantPath(slug, '/networks'), { query: { pageSize: 200, sort: 'name' }, signal }),
    staleTime: 5 * 60_000,
  });
  const data = useMemo(() => (q.data?.items ?? []).map((n) => ({ value: n.id, label: n.name })), [q.data]);
  return { data, isLoading: q.isPending };
}

/** Keep options for ids that are selected but not (or no longer) in the list, labelled with a known name. */
function withKnown(data: { value: string; label: string }[], known: { id: string; name: string }[] | undefined) {
  if (!known?.length) return data;
  const have = new Set(data.map((d) => d.value));
  return [...data, ...known.filter((k) => !have.has(k.id)).map((k) => ({ value: k.id, label: k.name }))];
}

export function NetworkSelect({ value, onChange, known, ...field }: PickerField<string | null>) {
  const { t } = useTranslation();
  const { data, isLoading } = useNetworkOptions();
  const picker = usePickerProps({ loading: isLoading, placeholder: t('networkSelect.placeholder'), field });
  return <Select {...picker} data={withKnown(data, known)} value={value} onChange={onChange} />;
}

export function NetworkMultiSelect({ value, onChange, known, ...field }: PickerField<string[]>) {
  const { t } = useTranslation();
  const { data, isLoading } = useNetworkOptions();
  const picker = usePickerProps({ loading: isLoading, placeholder: value.length ? undefined : t('networkSelect.placeholderMany'), field });
  return <MultiSelect {...picker} data={withKnown(data, known)} value={value} onChange={onChange} hidePickedOptions />;
}
