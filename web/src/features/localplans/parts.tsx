import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Edition, IntegrationStatus } from '../../../../common/schemas/localplans';
import './i18n';

const COLORS: Record<IntegrationStatus, string> = { proposed: 'gray', integrated: 'blue', in_budget: 'teal', done: 'green', dropped: 'red' };

export function StatusBadge({ status }: { status: IntegrationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} style={{ textTransform: 'none' }}>
      {t(`localPlans.status.${status}`)}
    </Badge>
  );
}

export function useEditionLabel() {
  const { t } = useTranslation();
  return (e: Pick<Edition, 'kind' | 'number'>) => t(`localPlans.edition.${e.kind}`, { number: e.number });
}
