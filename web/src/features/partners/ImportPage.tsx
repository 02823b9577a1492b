import { Alert, Badge, Button, Card, FileInput, Group, List, Stack, Table, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet, IconUpload } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermissions, useTenant } from '../../context/tenant';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { ExportButtons } from '../../ui/ExportButtons';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { useImportPartners, useImportPreview } from './api';
import { partnerFieldLabel } from './fieldLabel';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export default function ImportPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const desktop = useIsDesktop();
  const { slug } = useTenant();
  const can = usePermissions();
  const navigate = useNavigate();
  const [file, setFile] = useState<File | null>(null);
  const preview = useImportPreview(slug);
  const importer = useImportPartners(slug);

  function choose(f: File | null) {
    setFile(f);
    preview.reset();
    importer.reset();
    if (f) preview.mutate(f);
  }

  const p = preview.data;
  const badRows = (p?.rows ?? []).filter((r) => Object.keys(r.errors).length > 0).sort((a, b) => a.row - b.row);
  const canImport = !!file && !!p && p.invalid === 0 && p.total > 0 && !preview.isPending;

  return (
    <Stack gap="md" maw={1100}>
      <PageHeader
        title={t('import.title')}
        subtitle={t('import.subtitle')}
        actions={
          <AnchorLink to="/t/$tenant/partners" params={{ tenant: slug }}>
            {t('import.backToPartners')}
          </AnchorLink>
        }
      />
      {!can.importPartners ? (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden />}>
          {t('errors.forbidden')}
        </Alert>
      ) : null}

      <SectionCard title={t('import.step1')}>
        <Text mb="sm">{t('import.templateHint')}</Text>
        <Group gap="sm">
          <ExportButtons
            tenant={slug}
            path="/partners/import/template"
            formats={['xlsx', 'csv']}
            label={(format) => (format === 'xlsx' ? t('import.templateXlsx') : t('import.templateCsv'))}
          />
        </Group>
      </SectionCard>

      <SectionCard title={t('import.step2')}>
        <Stack>
          <FileInput
            label={t('import.file')}
            description={t('import.fileHint')}
            placeholder={t('import.choose')}
            accept={ACCEPT}
            value={file}
            onChange={choose}
            clearable
            clearButtonProps={{ 'aria-label': t('import.clearFile') }}
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            disabled={!can.importPartners}
            data-testid="import-file"
          />
          {preview.isPending ? <Text role="status">{t('import.checking')}</Text> : null}
          {preview.isError ? <ErrorAlert error={preview.error} /> : null}
        </Stack>
      </SectionCard>

      {p ? (
        <SectionCard title={t('import.step3')} data-testid="import-preview">
          <Group gap="sm" mb="md">
            <Badge size="lg" color="gray" data-testid="import-total">
              {t('import.total', { count: p.total, n: formatNumber(p.total, lang) })}
            </Badge>
            <Badge size="lg" color="teal" data-testid="import-valid">
              {t('import.valid', { count: p.valid, n: formatNumber(p.valid, lang) })}
            </Badge>
            <Badge size="lg" color={p.invalid > 0 ? 'red' : 'gray'} data-testid="import-invalid">
              {t('import.invalid', { count: p.invalid, n: formatNumber(p.invalid, lang) })}
            </Badge>
          </Group>
          {p.columns.length ? (
            <Text size="sm" mb="md">
              {t('import.columns')}: {p.columns.join(', ')}
            </Text>
          ) : null}

          {p.invalid > 0 ? (
            <>
              <Alert color="red" icon={<IconAlertTriangle aria-hidden />} mb="md" role="alert">
                {t('import.fixRows', { count: p.invalid })}
              </Alert>
              {desktop ? (
                <div className="table-scroll">
                  <Table withTableBorder striped data-testid="import-errors">
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th className="nowrap">{t('import.row')}</Table.Th>
                        <Table.Th>{t('partner.name')}</Table.Th>
                        <Table.Th>{t('import.errors')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {badRows.map((r) => (
                        <Table.Tr key={r.row}>
                          <Table.Td>{formatNumber(r.row, lang)}</Table.Td>
                          <Table.Td className="break-words">{r.name ?? '—'}</Table.Td>
                          <Table.Td>
                            <List size="sm" spacing={2}>
                              {Object.entries(r.errors).map(([field, msg]) => (
                                <List.Item key={field}>
                                  <b>{partnerFieldLabel(t, field)}</b>: {msg}
                                </List.Item>
                              ))}
                            </List>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </div>
              ) : (
                <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="import-errors">
                  {badRows.map((r) => (
                    <Card component="li" withBorder p="sm" key={r.row}>
                      <Text fw={700}>
                        {t('import.rowN', { row: r.row })} {r.name ? `· ${r.name}` : ''}
                      </Text>
                      <List size="sm" spacing={2} mt={4}>
                        {Object.entries(r.errors).map(([field, msg]) => (
                          <List.Item key={field}>
                            <b>{partnerFieldLabel(t, field)}</b>: {msg}
                          </List.Item>
                        ))}
                      </List>
                    </Card>
                  ))}
                </Stack>
              )}
            </>
          ) : p.total > 0 ? (
            <Alert color="teal" icon={<IconCircleCheck aria-hidden />} mb="md">
              {t('import.allValid', { count: p.total })}
            </Alert>
          ) : (
            <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} mb="md">
              {t('import.emptyFile')}
            </Alert>
          )}

          {importer.isError ? <ErrorAlert error={importer.error} /> : null}
          <Group justify="flex-end" mt="md">
            <Button
              leftSection={<IconUpload size={16} aria-hidden />}
              disabled={!canImport}
              loading={importer.isPending}
              onClick={() =>
                file &&
                importer.mutate(file, {
                  onSuccess: (r) => {
                    notifications.show({ color: 'teal', message: t('import.done', { count: r.imported }) });
                    void navigate({ to: '/t/$tenant/partners', params: { tenant: slug } });
                  },
                })
              }
              data-testid="import-submit"
            >
              {t('import.importAll', { count: p.valid })}
            </Button>
          </Group>
          {!canImport && p.invalid > 0 ? (
            <Text size="sm" ta="right" mt={4}>
              {t('import.disabledHint')}
            </Text>
          ) : null}
        </SectionCard>
      ) : null}
    </Stack>
  );
}
