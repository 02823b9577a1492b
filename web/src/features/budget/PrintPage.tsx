import { Box, Button, Group, Table, Text, Title } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useParams, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { bahtText } from '../../../../common/thai/bahttext';
import { formatBaht } from '../../../../common/thai/money';
import { formatDate, todayIso } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { usePublicBudget } from './api';
import { WithFiscalYear } from '../../ui/FiscalYear';
import './i18n';

/** A one-page summary to print or save as PDF: projects, sources, contributors, totals in Thai words, the chain head. */
export default function PrintPage() {
  const tenantSlug = useParams({ from: '/p/$tenant/budget/print' }).tenant;
  const requested = useSearch({ from: '/p/$tenant/budget/print' }).fiscalYear;
  return (
    <WithFiscalYear tenant={tenantSlug} requested={requested} publicPage>
      {(fiscalYear) => <PrintPageView fiscalYear={fiscalYear} />}
    </WithFiscalYear>
  );
}

function PrintPageView({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { tenant } = useParams({ from: '/p/$tenant/budget/print' });
  const q = usePublicBudget(tenant, { fiscalYear });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const d = q.data;
  const money = (s: number) => formatBaht(s, lang);
  const projects = d.byProject.filter((p) => p.plannedSatang || p.allocatedSatang);
  const given = d.contributors.reduce((s, c) => s + c.totalSatang, 0);
  return (
    <Box p="lg" className="print-page" maw={1000} mx="auto">
      <style>{'@media print { .no-print { display: none !important; } .print-page { padding: 0 !important; } table { font-size: 11px; } }'}</style>
      <Group justify="space-between" className="no-print" mb="md">
        <Text c="dimmed" size="sm">
          {t('budget.printHelp')}
        </Text>
        <Button leftSection={<IconPrinter size={18} />} onClick={() => window.print()}>
          {t('budget.printNow')}
        </Button>
      </Group>
      <Title order={1} size="h3" ta="center">
        {t('budget.printTitle', { year: fiscalYear })}
      </Title>
      <Text ta="center" mb="md">
        {lang === 'en' ? d.tenant.nameEn : d.tenant.nameTh}
      </Text>
      <Table withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('budget.project')}</Table.Th>
            <Table.Th ta="right">{t('budget.planned')}</Table.Th>
            <Table.Th ta="right">{t('budget.allocated')}</Table.Th>
            <Table.Th ta="right">{t('budget.committed')}</Table.Th>
            <Table.Th ta="right">{t('budget.spent')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {projects.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>{p.name}</Table.Td>
              <Table.Td ta="right">{money(p.plannedSatang)}</Table.Td>
              <Table.Td ta="right">{money(p.allocatedSatang)}</Table.Td>
              <Table.Td ta="right">{money(p.committedSatang)}</Table.Td>
              <Table.Td ta="right">{money(p.spentSatang)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>{t('budget.total')}</Table.Td>
            <Table.Td ta="right">{money(d.totals.plannedSatang)}</Table.Td>
            <Table.Td ta="right">{money(d.totals.allocatedSatang)}</Table.Td>
            <Table.Td ta="right">{money(d.totals.committedSatang)}</Table.Td>
            <Table.Td ta="right">{money(d.totals.spentSatang)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text mt="xs" data-testid="spent-words">
        {t('budget.spent')}: {money(d.totals.spentSatang)} ({bahtText(d.totals.spentSatang)})
      </Text>
      <Title order={2} size="h4" mt="lg" mb="xs">
        {t('budget.whoGave')}
      </Title>
      <Table withTableBorder withColumnBorders>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('budget.contributor')}</Table.Th>
            <Table.Th ta="right">{t('budget.cash')}</Table.Th>
            <Table.Th ta="right">{t('budget.inKind')}</Table.Th>
            <Table.Th ta="right">{t('budget.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {d.contributors.map((c) => (
            <Table.Tr key={c.partyId ?? 'individuals'}>
              <Table.Td>{c.kind === 'individuals' ? t('budget.individuals', { count: c.count }) : c.name}</Table.Td>
              <Table.Td ta="right">{money(c.cashSatang)}</Table.Td>
              <Table.Td ta="right">{money(c.inKindSatang)}</Table.Td>
              <Table.Td ta="right">{money(c.totalSatang)}</Table.Td>
            </Table.Tr>
          ))}
          <Table.Tr fw={700}>
            <Table.Td>{t('budget.total')}</Table.Td>
            <Table.Td />
            <Table.Td />
            <Table.Td ta="right">{money(given)}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text mt="xs">({bahtText(given)})</Text>
      <Text mt="md">{d.leverage.perBaht === null ? t('budget.noMunicipal') : t('budget.leverageText', { amount: d.leverage.perBaht.toFixed(2) })}</Text>
      <Text mt="md" size="sm">
        {t('budget.printChain', { count: d.chain.headSeq, date: formatDate(todayIso(), lang, 'long') })}
      </Text>
      <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {d.chain.headHash}
      </Text>
    </Box>
  );
}
