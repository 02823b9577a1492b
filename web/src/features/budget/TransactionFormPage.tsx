import { ActionIcon, Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Switch, Text, TextInput, Textarea } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEDGER_ACCOUNTS, type LedgerAccount, type TransactionCreate } from '../../../../common/schemas/budget';
import { parseBahtToSatang } from '../../../../common/thai/money';
import { fiscalYearOf } from '../../../../common/thai/dates';
import { usePermissions, useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { todayIso } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { PageHeader } from '../../ui/PageHeader';
import { PartySelect } from '../partners';
import { useCreateTransaction, useFunds, useLines } from './api';
import { ExpenseForm } from './ExpenseForm';
import { ExceptionReasonInput, Money } from './parts';
import './i18n';

type Kind = TransactionCreate['kind'];
interface Row {
  account: LedgerAccount;
  side: 'debit' | 'credit';
  fundId: string | null;
  budgetLineId: string | null;
  amount: string;
}
const row = (account: LedgerAccount, side: Row['side'], fundId: string | null = null): Row => ({ account, side, fundId, budgetLineId: null, amount: '' });
/** The usual shape of each kind of transaction; the person can still change every line. */
function template(kind: Kind): Row[] {
  if (kind === 'contribution') return [row('fund', 'debit'), row('contribution', 'credit')];
  if (kind === 'commitment') return [row('commitment', 'debit'), row('fund', 'credit')];
  if (kind === 'expense') return [row('expense', 'debit'), row('fund', 'credit')];
  return [row('fund', 'debit'), row('fund', 'credit')];
}

/** Who cannot record (members) sees why, not a form the server would refuse. */
export default function TransactionFormPage() {
  const { t } = useTranslation();
  const can = usePermissions();
  if (!can.recordTransaction) {
    return (
      <Stack gap="md">
        <PageHeader title={t('budget.record')} />
        <Alert color="gray" data-testid="no-permission">
          {t('budget.plain.noPermission')}
        </Alert>
      </Stack>
    );
  }
  return <TransactionForm />;
}

function KindSelect({ kind, onChange }: { kind: Kind; onChange: (k: Kind) => void }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('budget.kindLabel')}
      data={(['expense', 'contribution', 'commitment', 'transfer'] as const).map((k) => ({ value: k, label: t(`budget.kind.${k}`) }))}
      value={kind}
      onChange={(v) => v && onChange(v as Kind)}
      allowDeselect={false}
      data-testid="tx-kind"
    />
  );
}

function TransactionForm() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const navigate = useNavigate();
  const create = useCreateTransaction(slug);
  const [kind, setKind] = useState<Kind>('expense');
  const [advanced, setAdvanced] = useState(false);
  const [exceptionReason, setExceptionReason] = useState('');
  const [occurredOn, setOccurredOn] = useState<string | null>(todayIso());
  const [description, setDescription] = useState('');
  const [partyId, setPartyId] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[]>(template('expense'));
  const funds = useFunds(slug, { pageSize: 200 });
  const lines = useLines(slug, { fiscalYear: occurredOn ? fiscalYearOf(occurredOn) : undefined, pageSize: 200 });
  const fundOptions = useMemo(() => (funds.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name}` })), [funds.data]);
  const lineOptions = useMemo(() => (lines.data?.items ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.plan.name})` })), [lines.data]);
  const fields = fieldErrorsOf(create.error);

  const amounts = rows.map((r) => parseBahtToSatang(r.amount));
  const debit = rows.reduce((s, r, i) => s + (r.side === 'debit' ? (amounts[i] ?? 0) : 0), 0);
  const credit = rows.reduce((s, r, i) => s + (r.side === 'credit' ? (amounts[i] ?? 0) : 0), 0);
  const balanced = debit === credit && debit > 0;
  const update = (i: number, patch: Partial<Row>) =>
    setRows((rs) => {
      const next = rs.map((r, j) => (j === i ? { ...r, ...patch } : r));
      // the usual two-line transaction: the second line follows the first's fund and amount until touched
      if (i === 0 && next.length === 2) {
        if (patch.fundId !== undefined && (!rs[1].fundId || rs[1].fundId === rs[0].fundId)) next[1].fundId = patch.fundId;
        if (patch.amount !== undefined && (rs[1].amount === '' || rs[1].amount === rs[0].amount)) next[1].amount = patch.amount;
      }
      return next;
    });

  const submit = () => {
    const body: TransactionCreate = {
      kind,
      occurredOn: occurredOn ?? '',
      description,
      partyId,
      exceptionReason: exceptionReason.trim() ? exceptionReason : null,
      entries: rows.map((r, i) => ({
        account: r.account,
        side: r.side,
        fundId: r.fundId ?? '',
        budgetLineId: r.account === 'commitment' || r.account === 'expense' ? r.budgetLineId : null,
        amountSatang: amounts[i] ?? Number.NaN,
      })),
    };
    create.mutate(body, { onSuccess: (x) => void navigate({ to: '/t/$tenant/budget/ledger/$id', params: { tenant: slug, id: x.id } }) });
  };

  const chooseKind = (k: Kind) => {
    setKind(k);
    setRows(template(k));
  };
  const advancedSwitch = (
    <Switch label={t('budget.plain.advanced')} checked={advanced} onChange={(e) => setAdvanced(e.currentTarget.checked)} data-testid="tx-advanced" />
  );
  if (kind === 'expense' && !advanced) {
    return (
      <Stack gap="md">
        <PageHeader title={t('budget.plain.title')} subtitle={t('budget.plain.subtitle')} />
        <KindSelect kind={kind} onChange={chooseKind} />
        {advancedSwitch}
        <ExpenseForm />
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <PageHeader title={t('budget.record')} subtitle={t('budget.recordHelp')} />
      <ErrorAlert error={errorWithoutFields(create.error)} />
      {kind === 'expense' ? advancedSwitch : null}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <KindSelect kind={kind} onChange={chooseKind} />
        <DateField label={t('budget.date')} value={occurredOn} onChange={setOccurredOn} required error={fields.occurredOn} />
      </SimpleGrid>
      <Textarea
        label={t('budget.description')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        required
        error={fields.description}
        minRows={2}
        data-testid="tx-description"
      />
      <PartySelect
        label={t('budget.counterparty')}
        value={partyId}
        onChange={(id) => setPartyId(id)}
        description={t('budget.counterpartyHelp')}
        error={fields.partyId}
        testId="tx-party"
      />
      <Stack gap="xs">
        <Text fw={600}>{t('budget.entries')}</Text>
        {rows.map((r, i) => {
          const needsLine = r.account === 'commitment' || r.account === 'expense';
          return (
            <Paper key={i} withBorder p="sm" radius="md" data-testid={`entry-${i}`}>
              <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="xs">
                <Select
                  label={t('budget.account')}
                  data={LEDGER_ACCOUNTS.map((a) => ({ value: a, label: t(`budget.accountKind.${a}`) }))}
                  value={r.account}
                  onChange={(v) => v && update(i, { account: v as LedgerAccount })}
                  allowDeselect={false}
                />
                <Select
                  label={t('budget.side')}
                  data={[
                    { value: 'debit', label: t('budget.debit') },
                    { value: 'credit', label: t('budget.credit') },
                  ]}
                  value={r.side}
                  onChange={(v) => v && update(i, { side: v as Row['side'] })}
                  allowDeselect={false}
                />
                <Select
                  label={t('budget.fund')}
                  data={fundOptions}
                  value={r.fundId}
                  onChange={(v) => update(i, { fundId: v })}
                  searchable
                  required
                  error={fields[`entries.${i}.fundId`]}
                  data-testid={`entry-${i}-fund`}
                />
                <TextInput
                  label={t('budget.amountBaht')}
                  value={r.amount}
                  onChange={(e) => update(i, { amount: e.currentTarget.value })}
                  inputMode="decimal"
                  required
                  error={fields[`entries.${i}.amountSatang`] ?? (r.amount && amounts[i] === null ? t('budget.badAmount') : undefined)}
                  data-testid={`entry-${i}-amount`}
                />
              </SimpleGrid>
              {needsLine ? (
                <Select
                  mt="xs"
                  label={t('budget.budgetLine')}
                  data={lineOptions}
                  value={r.budgetLineId}
                  onChange={(v) => update(i, { budgetLineId: v })}
                  searchable
                  required
                  error={fields[`entries.${i}.budgetLineId`]}
                />
              ) : null}
              {rows.length > 2 ? (
                <Group justify="flex-end" mt={4}>
                  <ActionIcon variant="subtle" color="red" aria-label={t('budget.removeEntry')} onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}>
                    <IconTrash size={18} />
                  </ActionIcon>
                </Group>
              ) : null}
            </Paper>
          );
        })}
        <Button variant="subtle" leftSection={<IconPlus size={18} />} onClick={() => setRows((rs) => [...rs, row('fund', 'credit')])} w="fit-content">
          {t('budget.addEntry')}
        </Button>
      </Stack>
      {fields.exceptionReason || exceptionReason ? (
        <ExceptionReasonInput value={exceptionReason} onChange={setExceptionReason} error={fields.exceptionReason} testId="tx-reason" />
      ) : null}
      <Paper withBorder p="sm" radius="md">
        <Group justify="space-between" wrap="wrap">
          <Text>
            {t('budget.debit')}: <Money satang={debit} /> · {t('budget.credit')}: <Money satang={credit} />
          </Text>
          <Badge color={balanced ? 'teal' : 'red'} variant="filled" data-testid="balance">
            {balanced ? t('budget.balanced') : t('budget.unbalanced')}
          </Badge>
        </Group>
        {fields.entries ? (
          <Alert color="red" mt="xs">
            {fields.entries}
          </Alert>
        ) : null}
      </Paper>
      <Group justify="flex-end">
        <Button onClick={submit} loading={create.isPending} disabled={!balanced} data-testid="tx-save">
          {t('budget.save')}
        </Button>
      </Group>
    </Stack>
  );
}
