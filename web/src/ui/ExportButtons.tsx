import { Button } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { apiUrl, type Query, tenantPath } from '../api/client';

type ExportFormat = 'csv' | 'xlsx';

/**
 * Download buttons for an export endpoint (`GET /t/:tenant<path>?format=csv|xlsx&<query>`), CSV first unless
 * `formats` says otherwise; `label` names a format's button where "ส่งออก CSV" is not the right words.
 */
export function ExportButtons({
  tenant,
  path,
  query,
  formats = ['csv', 'xlsx'],
  label,
}: {
  tenant: string;
  path: string;
  query?: Query;
  formats?: ExportFormat[];
  label?: (format: ExportFormat) => string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {formats.map((format) => (
        <Button
          key={format}
          component="a"
          href={apiUrl(tenantPath(tenant, path), { ...query, format })}
          download
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
        >
          {label ? label(format) : format === 'csv' ? t('common.exportCsv') : t('common.exportXlsx')}
        </Button>
      ))}
    </>
  );
}
