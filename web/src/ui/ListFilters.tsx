import { Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Debounced search box: calls onSearch 350 ms after typing stops. */
export function SearchBox({ value, onSearch, label, placeholder }: { value: string; onSearch: (q: string) => void; label: string; placeholder?: string }) {
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 350);
  const last = useRef(value);
  useEffect(() => {
    // External change (e.g. back button): show it.
    if (value !== last.current) {
      last.current = value;
      setText(value);
    }
  }, [value]);
  useEffect(() => {
    const q = debounced.trim();
    if (q !== last.current) {
      last.current = q;
      onSearch(q);
    }
  }, [debounced]);
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      leftSection={<IconSearch size={16} aria-hidden />}
      enterKeyHint="search"
      data-testid="list-search"
    />
  );
}

export function FilterSelect({
  label,
  value,
  data,
  onChange,
  testId,
  searchable,
}: {
  label: string;
  value: string | undefined;
  data: { value: string; label: string }[];
  onChange: (v: string | undefined) => void;
  testId?: string;
  /** Type to narrow long lists (networks, tags). */
  searchable?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      data={data}
      value={value ?? null}
      onChange={(v) => onChange(v ?? undefined)}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clearFilter', { label }) }}
      placeholder={t('common.all')}
      comboboxProps={{ withinPortal: true }}
      data-testid={testId}
      allowDeselect
      searchable={searchable}
      nothingFoundMessage={searchable ? t('common.nothingFound') : undefined}
    />
  );
}
