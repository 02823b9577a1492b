import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** What a form hands a picker field: its label and messages, its value and change, names of chosen ids, a test id. */
export interface PickerField<V, Known = { id: string; name: string }> {
  label: string;
  value: V;
  onChange: (value: V) => void;
  /** Chosen ids with their names, kept as options while the list lacks them. */
  known?: Known[];
  error?: ReactNode;
  description?: ReactNode;
  testId?: string;
}

/**
 * What every searchable picker shares (NetworkSelect, NetworkMultiSelect, PartySelect, PartyMultiSelect): search,
 * a named clear button, "กำลังโหลด…" until the options arrive and "ไม่พบ" after, a portal so that a modal does not clip
 * the list, and its height; with the field's label, messages and test id. Spread into a Mantine Select or MultiSelect;
 * the picker adds its data and value.
 */
export function usePickerProps({
  loading,
  placeholder,
  field,
}: {
  loading: boolean;
  placeholder?: string;
  field: Pick<PickerField<unknown>, 'label' | 'error' | 'description' | 'testId'>;
}) {
  const { t } = useTranslation();
  return {
    label: field.label,
    description: field.description,
    error: field.error,
    'data-testid': field.testId,
    searchable: true,
    clearable: true,
    clearButtonProps: { 'aria-label': t('common.clearSelection') },
    placeholder,
    nothingFoundMessage: loading ? t('common.loading') : t('common.nothingFound'),
    comboboxProps: { withinPortal: true },
    maxDropdownHeight: 280,
  };
}
