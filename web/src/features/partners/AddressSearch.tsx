import { Autocomplete, Loader } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconMapPinSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatThaiAddress } from '../../ui/thai';
import { type AddressSuggestion, useAddressSuggestions } from './api';

/** Type a subdistrict, district or postcode; picking a suggestion fills the address fields. */
export function AddressSearch({ onPick }: { onPick: (a: AddressSuggestion) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [debounced] = useDebouncedValue(value, 250);
  const q = useAddressSuggestions(debounced.trim());

  const byLabel = useMemo(() => {
    const m = new Map<string, AddressSuggestion>();
    for (const a of q.data?.items ?? []) m.set(formatThaiAddress(a), a);
    return m;
  }, [q.data]);

  return (
    <Autocomplete
      label={t('address.search')}
      description={t('address.searchHint')}
      placeholder={t('address.searchPlaceholder')}
      value={value}
      onChange={setValue}
      data={debounced.trim().length >= 2 ? [...byLabel.keys()] : []}
      filter={({ options }) => options}
      onOptionSubmit={(label) => {
        const a = byLabel.get(label);
        if (a) onPick(a);
        setValue('');
      }}
      leftSection={<IconMapPinSearch size={16} aria-hidden />}
      rightSection={q.isFetching ? <Loader size="xs" aria-hidden /> : null}
      comboboxProps={{ withinPortal: true }}
      limit={15}
      data-testid="address-search"
    />
  );
}
