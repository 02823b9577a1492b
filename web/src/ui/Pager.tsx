import { Group, Pagination, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format';
import { useLang } from './hooks';

export function Pager({ page, pageSize, total, onChange }: { page: number; pageSize: number; total: number; onChange: (page: number) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <Group justify="space-between" mt="md" gap="sm" wrap="wrap">
      <Text size="sm" data-testid="list-total" aria-live="polite">
        {t('common.totalCount', { count: total, formatted: formatNumber(total, lang) })}
      </Text>
      {pages > 1 ? (
        <nav aria-label={t('common.pagination')}>
          <Pagination
            total={pages}
            value={Math.min(page, pages)}
            onChange={onChange}
            size="sm"
            getItemProps={(p) => ({ 'aria-label': t('common.pageN', { page: p }) })}
            getControlProps={(control) => ({ 'aria-label': t(`common.pageControl.${control}`) })}
          />
        </nav>
      ) : null}
    </Group>
  );
}
