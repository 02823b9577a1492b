import { useTranslation } from 'react-i18next';

/**
 * What every searchable picker shares (NetworkSelect, NetworkMultiSelect, PartySelect, PartyMultiSelect): search,
 * a named clear button, "กำลังโหลด…" until the options arrive and "ไม่พบ" after, a portal so that a modal does not clip
 * the list, and its height. Spread into a Mantine Select or MultiSelect; the picker adds its data and value.
 */
export function usePickerProps({ loading, placeholder }: { loading: boolean; placeholder?: string }) {
  const { t } = useTranslation();
  return {
    searchable: true,
    clearable: true,
    clearButtonProps: { 'aria-label': t('common.clearSelection') },
    placeholder,
    nothingFoundMessage: loading ? t('common.loading') : t('common.nothingFound'),
    comboboxProps: { withinPortal: true },
    maxDropdownHeight: 280,
  };
}
