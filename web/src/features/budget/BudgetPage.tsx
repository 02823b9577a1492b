import { ActionIcon, Anchor, Button, Group, Menu, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconEdit, IconFileSpreadsheet, IconListDetails, IconPlus, IconPrinter, IconTrash, IconWorld } from '@tabler/icons-react';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FUND_KINDS, type Fund, type FundKind, type Transparency } from '../../../../common/schemas/budget';
import { usePermissions, useTenant } from '../../context/tenant';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AnchorLink, ButtonLink } from '../../ui/links';
import { FilterSelect } from '../../ui/ListFilters';
import { Loading } from '../../ui/Loading';
import { useNetworkOptions } from '../../ui/NetworkSelect';
import { PageHeader } from '../../ui/PageHeader';
import { PartySelect } from '../partners';
import { exportUrl, useCreateFund, useDeleteFund, useFunds, useTransparency, useTransactions, useUpdateFund, useVerify } from './api';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { SettingsPanel } from './SettingsPanel';
import { LineModal, LinesSection } from './lines';
import { ChainPanel, TransparencyView } from './parts';
import { type BudgetSearch, currentFiscalYear } from './search';
import { WithFiscalYear } from '../../ui/FiscalYear';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import './i18n';

type FundRow = Transparency['byFund'][number];

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
  const fundActions = useFundActions(fiscalYear);
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
          <ChainPanel chain={q.data.chain} verification={verify} />
          <SettingsPanel />
          <TransparencyView data={q.data} fundActions={fundActions.actions} />
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
      {fundActions.dialogs}
    </Stack>
  );
}

/** Adds a fund, or (given `fund`) changes its name, kind, party or note; its fiscal year stays. */
function FundModal({ opened, onClose, fiscalYear, fund }: { opened: boolean; onClose: () => void; fiscalYear: number; fund?: Fund }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const create = useCreateFund(slug);
  const update = useUpdateFund(slug);
  const save = fund ? update : create;
  const [name, setName] = useState(fund?.name ?? '');
  const [kind, setKind] = useState<FundKind>(fund?.kind ?? 'in_kind');
  const [partyId, setPartyId] = useState<string | null>(fund?.party?.id ?? null);
  const [note, setNote] = useState(fund?.note ?? '');
  const [year, setYear] = useState(String(fund?.fiscalYear ?? fiscalYear));
  const fields = fieldErrorsOf(save.error);
  const submit = () => {
    if (fund) {
      update.mutate(
        { id: fund.id, body: { name, kind, partyId, note: note.trim() || null } },
        {
          onSuccess: () => {
            notifications.show({ color: 'teal', message: t('budget.fundSaved') });
            onClose();
          },
        },
      );
      return;
    }
    create.mutate(
      { name, kind, partyId, fiscalYear: Number(year), note: note.trim() || null },
      {
        onSuccess: () => {
          setName('');
          setPartyId(null);
          setNote('');
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={fund ? t('budget.editFund') : t('budget.newFund')} closeButtonProps={{ 'aria-label': t('common.close') }}>
      <Stack gap="sm">
        <ErrorAlert error={errorWithoutFields(save.error)} />
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
          initial={fund?.party ?? null}
          onChange={(id) => setPartyId(id)}
          required={kind !== 'municipal'}
          error={fields.partyId}
          testId="fund-party"
        />
        <TextInput
          label={t('budget.fiscalYear')}
          value={year}
          onChange={(e) => setYear(e.currentTarget.value)}
          inputMode="numeric"
          error={fields.fiscalYear}
          disabled={!!fund}
          description={fund ? t('budget.fundYearFixed') : undefined}
        />
        <Textarea
          label={t('budget.fundNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fields.note}
          data-testid="fund-note"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={save.isPending} data-testid="fund-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Edit and delete controls of a fund row, with the confirm and the server's refusal (a fund with entries stays). */
function useFundActions(fiscalYear: number) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const can = usePermissions();
  const funds = useFunds(slug, { fiscalYear, pageSize: 200 }, can.editFund);
  const remove = useDeleteFund(slug);
  const [editing, setEditing] = useState<Fund | null>(null);
  const [deleting, setDeleting] = useState<FundRow | null>(null);
  const full = (id: string) => funds.data?.items.find((f) => f.id === id);
  const actions = (f: FundRow) => (
    <Group gap={4} wrap="nowrap">
      {can.editFund ? (
        <ActionIcon
          variant="subtle"
          aria-label={t('budget.editFundNamed', { name: f.name })}
          disabled={!full(f.id)}
          onClick={() => setEditing(full(f.id) ?? null)}
          data-testid="fund-edit"
        >
          <IconEdit size={18} aria-hidden />
        </ActionIcon>
      ) : null}
      {can.deleteFund ? (
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('budget.deleteFundNamed', { name: f.name })}
          onClick={() => {
            remove.reset();
            setDeleting(f);
          }}
          data-testid="fund-delete"
        >
          <IconTrash size={18} aria-hidden />
        </ActionIcon>
      ) : null}
    </Group>
  );
  const dialogs = (
    <>
      {editing ? <FundModal key={editing.id} opened onClose={() => setEditing(null)} fiscalYear={editing.fiscalYear} fund={editing} /> : null}
      <ConfirmDialog
        opened={!!deleting}
        title={t('budget.deleteFund')}
        message={
          <Stack gap="sm" component="span">
            <span>{t('budget.deleteFundConfirm', { name: deleting?.name ?? '' })}</span>
            {remove.error ? <ErrorAlert error={remove.error} /> : null}
          </Stack>
        }
        loading={remove.isPending}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              notifications.show({ color: 'teal', message: t('budget.fundDeleted', { name: deleting.name }) });
              setDeleting(null);
            },
          })
        }
        onClose={() => setDeleting(null)}
      />
    </>
  );
  return { actions: can.editFund || can.deleteFund ? actions : undefined, dialogs };
}
