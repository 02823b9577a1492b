import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { enumOptions } from './enums';

/**
 * A choice of one value of an enumeration, labelled through i18n (`enum.<name>.<value>`): always one value (no
 * deselecting), its list in a portal so that a modal or card does not clip it. Spread a form field's props into it.
 */
export function EnumSelect({ enumName, values, ...props }: { enumName: string; values: readonly string[] } & Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  return <Select data={enumOptions(t, enumName, values)} allowDeselect={false} comboboxProps={{ withinPortal: true }} {...props} />;
}
