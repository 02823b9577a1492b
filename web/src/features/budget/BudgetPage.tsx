import { Anchor, Button, Group, Menu, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconChevronDown, IconFileSpreadsheet, IconListDetails, IconPlus, IconPrinter, IconWorld } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUND_KINDS, type FundKind } from '../../../../common/schemas/budget';
import { usePermissions, useTenant } from '../../app/tenant';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { FilterSelect } from '../../ui/ListFilters';
import { Loading } from '../../ui/Loading';
import { useNetworkOptions } from '../../ui/NetworkSelect';
import { PageHeader } from '../../ui/PageHeader';
import { PartySelect } from '../../ui/PartySelect';
import { exportUrl, useCreateFund, useTransparency, useTransactions, useVerify } from './api';
import { LineModal, LinesSection } from './lines';
import { ChainPanel, TransparencyView } from './parts';
import { type BudgetSearch, currentFiscalYear } from './search';
import { WithFiscalYear } from '../../ui/FiscalYear';

export default function BudgetPage() {
  const tenantSlug = useTenant().slug;
  const requested = useSearch({ from: '/t/$tenant/budget' }).fiscalYear;
  return (
    <WithFiscalYear tenant={tenantSlug} requested={requested}>
      {(fiscalYear) => <BudgetPageView fiscalYear={fiscalYear} />}
    </WithFiscalYear>
  );
}

function BudgetPageView({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const can = usePermissions();
  const search = useSearch({ from: '/t/$tenant/budget' });
  const navigate = useNavigate({ from: '/t/$tenant/budget' });
  const q = useTransparency(slug, { fiscalYear, networkId: search.networkId });
  const pending = useTransactions(slug, { status: 'pending', pageSize: 1 });
  const networks = useNetworkOptions();
  const verify = useVerify(slug);
  const [fundOpen, setFundOpen] = useState(false);
  const [lineOpen, setLineOpen] = useState(false);
  const set = (patch: Partial<BudgetSearch>) => void navigate({ search: (prev) => ({ ...prev, ...patch }) });
  const years = [...new Set([...(q.data?.fiscalYears ?? []), fiscalYear])].sort((a, b) => b - a);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('budget.title')}
        subtitle={t('budget.subtitle')}
        actions={
          <>
            {can.recordTransaction ? (
              <ButtonLink to="/t/$tenant/budget/ledger/new" params={{ tenant: slug }} leftSection={<IconPlus size={18} />}>
                {t('budget.record')}
              </ButtonLink>
            ) : null}
            <ButtonLink to="/t/$tenant/budget/ledger" params={{ tenant: slug }} search={{}} variant="light" leftSection={<IconListDetails size={18} />}>
              {t('budget.ledger')}
            </ButtonLink>
            {pending.data?.total ? (
              <ButtonLink to="/t/$tenant/budget/ledger" params={{ tenant: slug }} search={{ status: 'pending' }} variant="light" color="violet">
                {t('budget.pendingCount', { count: pending.data.total })}
              </ButtonLink>
            ) : null}
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" rightSection={<IconChevronDown size={16} />} leftSection={<IconFileSpreadsheet size={18} />}>
                  {t('budget.reports')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item component="a" href={exportUrl(slug, 'ledger', fiscalYear)} leftSection={<IconFileSpreadsheet size={16} />}>
                  {t('budget.exportLedger', { year: fiscalYear })}
                </Menu.Item>
                <Menu.Item component="a" href={exportUrl(slug, 'summary', fiscalYear)} leftSection={<IconFileSpreadsheet size={16} />}>
                  {t('budget.exportSummary', { year: fiscalYear })}
                </Menu.Item>
                <Menu.Item component="a" href={`/p/${slug}/budget/print?fiscalYear=${fiscalYear}`} target="_blank" leftSection={<IconPrinter size={16} />}>
                  {t('budget.print')}
                </Menu.Item>
                <Menu.Item component="a" href={`/p/${slug}/budget?fiscalYear=${fiscalYear}`} target="_blank" leftSection={<IconWorld size={16} />}>
                  {t('budget.publicPage')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {can.editBudgetLine ? (
              <Button variant="default" onClick={() => setLineOpen(true)}>
                {t('budget.newLine')}
              </Button>
            ) : null}
            {can.editFund ? (
              <Button variant="default" onClick={() => setFundOpen(true)}>
                {t('budget.newFund')}
              </Button>
            ) : null}
          </>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('budget.fiscalYear')}
          data={years.map((y) => ({ value: String(y), label: String(y) }))}
          value={String(fiscalYear)}
          onChange={(v) => v && set({ fiscalYear: Number(v) })}
          allowDeselect={false}
          data-testid="fiscal-year"
        />
        <FilterSelect label={t('budget.network')} value={search.networkId} data={networks.data} onChange={(v) => set({ networkId: v })} searchable />
      </SimpleGrid>
      {q.error ? <ErrorAlert error={q.error} /> : null}
      {q.data ? (
        <>
          <ChainPanel
            headHash={q.data.chain.headHash}
            headSeq={q.data.chain.headSeq}
            checkpoint={q.data.chain.checkpoint}
            publicKey={q.data.chain.publicKey}
            verify={() => verify.mutate()}
            result={verify.data}
            pending={verify.isPending}
          />
          <TransparencyView data={q.data} />
          <LinesSection key={`${fiscalYear}-${search.networkId ?? ''}`} fiscalYear={fiscalYear} networkId={search.networkId} />
        </>
      ) : (
        <Loading />
      )}
      <Group>
        <Anchor href={`/p/${slug}/budget`} target="_blank">
          {t('budget.publicPage')}
        </Anchor>
        <AnchorLink to="/t/$tenant/budget/ledger" params={{ tenant: slug }} search={{ fiscalYear }}>
          {t('budget.ledgerOfYear', { year: fiscalYear })}
        </AnchorLink>
      </Group>
      <LineModal opened={lineOpen} onClose={() => setLineOpen(false)} fiscalYear={fiscalYear} />
      <FundModal opened={fundOpen} onClose={() => setFundOpen(false)} fiscalYear={currentFiscalYear()} />
    </Stack>
  );
}

function FundModal({ opened, onClose, fiscalYear }: { opened: boolean; onClose: () => void; fiscalYear: number }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const create = useCreateFund(slug);
  const [name, setName] = useState('');
  const [kind, setKind] = useState<FundKind>('in_kind');
  const [partyId, setPartyId] = useState<string | null>(null);
  const [year, setYear] = useState(String(fiscalYear));
  const fields = (create.error as { fields?: Record<string, string> } | null)?.fields ?? {};
  const submit = () =>
    create.mutate(
      { name, kind, partyId, fiscalYear: Number(year) },
      {
        onSuccess: () => {
          setName('');
          setPartyId(null);
          onClose();
        },
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t('budget.newFund')}>
      <Stack gap="sm">
        {create.error && !Object.keys(fields).length ? <ErrorAlert error={create.error} /> : null}
        <TextInput
          label={t('budget.fundName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
          error={fields.name}
          data-testid="fund-name"
        />
        <Select
          label={t('budget.fundKindLabel')}
          data={FUND_KINDS.map((k) => ({ value: k, label: t(`budget.fundKind.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as FundKind)}
          allowDeselect={false}
          data-testid="fund-kind"
        />
        <PartySelect
          label={t('budget.fundParty')}
          value={partyId}
          onChange={(id) => setPartyId(id)}
          required={kind !== 'municipal'}
          error={fields.partyId}
          testId="fund-party"
        />
        <TextInput label={t('budget.fiscalYear')} value={year} onChange={(e) => setYear(e.currentTarget.value)} inputMode="numeric" error={fields.fiscalYear} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending} data-testid="fund-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
