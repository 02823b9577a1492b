import type { SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WEIGHT_BY } from '../../../../common/schemas/plans';
import { EnumSelect } from '../../ui/EnumSelect';
import './i18n';

/** How a plan's projects (or a project's activities) count towards its progress: by budget or by the weight given. */
export function WeightBySelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  return <EnumSelect label={t('plan.weightBy')} description={t('plan.weightByHint')} enumName="weightBy" values={WEIGHT_BY} {...props} />;
}
