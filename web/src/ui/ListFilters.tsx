import { Grid, Select, TextInput } from '@mantine/core';
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

/** Grid column widths by breakpoint (Mantine's Grid.Col span). */
export type FilterSpan = { base?: number; xs?: number; sm?: number; md?: number; lg?: number };

/** One select of a filter row: which key of the page's address it sets, and how it looks. */
export interface FilterField<S> {
  key: keyof S & string;
  label: string;
  data: { value: string; label: string }[];
  /** The address holds a number (a year): shown as text, set back as a number. */
  numeric?: boolean;
  searchable?: boolean;
  testId?: string;
  /** Default: half a phone's width, a third on tablets, a quarter on desktops. */
  span?: FilterSpan;
}

const FIELD_SPAN: FilterSpan = { base: 6, sm: 4, md: 3 };
/** A search box with no selects beside it: the phone's width, a third of a desktop's. */
const SEARCH_SPAN: FilterSpan = { base: 12, sm: 6, md: 4 };

/**
 * A list page's filter row: the debounced search box (if any) and a select per field, each reading its value from the
 * page's address (`address.search`) and handing a patch back (`address.set`) — the page keeps only which fields it
 * offers. A list page passes its `useListAddress`; a page whose address fills in a default passes `{ search, set }`.
 */
export function FilterGrid<S extends object>({
  address,
  search,
  fields = [],
}: {
  address: { search: S; set: (patch: Partial<S>) => void };
  /** The search box: its text lives under `q`. */
  search?: { label: string; placeholder?: string; span?: FilterSpan };
  fields?: FilterField<S>[];
}) {
  const read = (key: string) => (address.search as Record<string, unknown>)[key];
  const patch = (key: string, value: unknown) => address.set({ [key]: value } as Partial<S>);
  const q = read('q');
  return (
    <Grid gap="sm" align="flex-end">
      {search ? (
        <Grid.Col span={search.span ?? SEARCH_SPAN}>
          <SearchBox
            value={typeof q === 'string' ? q : ''}
            onSearch={(v) => patch('q', v || undefined)}
            label={search.label}
            placeholder={search.placeholder}
          />
        </Grid.Col>
      ) : null}
      {fields.map((f) => {
        const value = read(f.key);
        return (
          <Grid.Col key={f.key} span={f.span ?? FIELD_SPAN}>
            <FilterSelect
              label={f.label}
              value={value === undefined || value === null || value === '' ? undefined : String(value)}
              data={f.data}
              onChange={(v) => patch(f.key, f.numeric && v ? Number(v) : v)}
              searchable={f.searchable}
              testId={f.testId}
            />
          </Grid.Col>
        );
      })}
    </Grid>
  );
}
