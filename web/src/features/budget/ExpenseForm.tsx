import { Alert, Button, Checkbox, FileInput, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransactionCreate } from '../../../../common/schemas/budget';
import { fiscalYearOf } from '../../../../common/thai/dates';
import { formatBaht, parseBahtToSatang } from '../../../../common/thai/money';
import { useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { todayIso } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsOf } from '../../ui/serverErrors';
import { useLang } from '../../ui/hooks';
import { PartySelect } from '../partners';
import { useCreateTransaction, useFunds, useLines, useSettings, useUploadEvidence } from './api';
import { ExceptionReasonInput, Money } from './parts';
import './i18n';

/**
 * An expense in plain words — pay from this fund, to this payee, for this budget line, this much —
 * with the double entry generated (expense debit on the line; the fund, or the line's commitment when
 * paying out a contract, credited). Funds and lines are those of the date's fiscal year.
 */
export function ExpenseForm() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const navigate = useNavigate();
  const create = useCreateTransaction(slug);
  const upload = useUploadEvidence(slug);
  const settings = useSettings(slug);
  const [occurredOn, setOccurredOn] = useState<string | null>(todayIso());
  const [fundId, setFundId] = useState<string | null>(null);
  const [partyId, setPartyId] = useState<string | null>(null);
  const [partyName, setPartyName] = useState<string | null>(null);
  const [lineId, setLineId] = useState<string | null>(null);
  const [amount, setAmount] = useState('');
  const [description, setDescription] = useState('');
  const [fromCommitment, setFromCommitment] = useState(false);
  const [exceptionReason, setExceptionReason] = useState('');
  const [receipt, setReceipt] = useState<File | null>(null);
  const fy = occurredOn ? fiscalYearOf(occurredOn) : undefined;
  const funds = useFunds(slug, { fiscalYear: fy, pageSize: 200 });
  const lines = useLines(slug, { fiscalYear: fy, pageSize: 200 });
  const fund = funds.data?.items.find((f) => f.id === fundId) ?? null;
  const line = lines.data?.items.find((l) => l.id === lineId) ?? null;
  const fundOptions = useMemo(
    () =>
      (funds.data?.items ?? []).map((f) => ({ value: f.id, label: `${f.name} — ${t('budget.plain.left', { amount: formatBaht(f.availableSatang, lang) })}` })),
    [funds.data, t, lang],
  );
  const lineOptions = useMemo(
    () =>
      (lines.data?.items ?? []).map((l) => ({
        value: l.id,
        label: `${l.name} (${l.plan.name}) — ${t('budget.plain.left', { amount: formatBaht(l.remainingSatang, lang) })}`,
      })),
    [lines.data, t, lang],
  );
  const satang = parseBahtToSatang(amount);
  const fields = fieldErrorsOf(create.error);
  const creditAccount = fromCommitment ? 'commitment' : 'fund';
  // what the server will say, said early: the fund or the line does not cover it
  const overdraws = !!fund && !!satang && !fromCommitment && satang > fund.availableSatang;
  const overspends = !!line && !!satang && !fromCommitment && satang > line.remainingSatang;
  const needsReason = overdraws || overspends || !!fields.exceptionReason;
  const s = settings.data;
  const needsReceipt = !!s && !!satang && satang >= s.evidenceThresholdSatang;
  const needsApproval = !!s && !!satang && satang >= s.approvalThresholdSatang;
  const ready = !!occurredOn && !!fundId && !!lineId && !!satang && description.trim().length > 0;

  const submit = async () => {
    if (!satang || !fundId || !lineId) return;
    const body: TransactionCreate = {
      kind: 'expense',
      occurredOn: occurredOn ?? '',
      description,
      partyId,
      exceptionReason: needsReason ? exceptionReason : null,
      entries: [
        { account: 'expense', side: 'debit', fundId, budgetLineId: lineId, amountSatang: satang },
        { account: creditAccount, side: 'credit', fundId, budgetLineId: fromCommitment ? lineId : null, amountSatang: satang },
      ],
    };
    const x = await create.mutateAsync(body).catch(() => null);
    if (!x) return;
    if (receipt) await upload.mutateAsync({ id: x.id, file: receipt }).catch(() => null);
    void navigate({ to: '/t/$tenant/budget/ledger/$id', params: { tenant: slug, id: x.id } });
  };

  return (
    <Stack gap="md" data-testid="expense-form">
      {(create.error && !Object.keys(fields).length) || fields.entries ? <ErrorAlert error={create.error} /> : null}
      <DateField
        label={t('budget.plain.paidOn')}
        value={occurredOn}
        onChange={setOccurredOn}
        required
        error={fields.occurredOn}
        description={fy ? t('budget.fiscalYearN', { year: fy }) : undefined}
        data-testid="expense-date"
      />
      <Select
        label={t('budget.plain.from')}
        description={t('budget.plain.fromHelp', { year: fy ?? '' })}
        data={fundOptions}
        value={fundId}
        onChange={setFundId}
        searchable
        required
        nothingFoundMessage={t('budget.plain.noFunds')}
        error={fields['entries.1.fundId'] ?? fields['entries.0.fundId']}
        data-testid="expense-fund"
      />
      <PartySelect
        label={t('budget.plain.to')}
        value={partyId}
        onChange={(id, p) => (setPartyId(id), setPartyName(p?.name ?? null))}
        description={t('budget.plain.toHelp')}
        error={fields.partyId}
        testId="expense-party"
      />
      <Select
        label={t('budget.plain.for')}
        data={lineOptions}
        value={lineId}
        onChange={setLineId}
        searchable
        required
        nothingFoundMessage={t('budget.noLines')}
        error={fields['entries.0.budgetLineId'] ?? fields['entries.1.budgetLineId']}
        data-testid="expense-line"
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('budget.plain.amount')}
          value={amount}
          onChange={(e) => setAmount(e.currentTarget.value)}
          inputMode="decimal"
          required
          rightSection={<Text size="sm">{t('budget.plain.baht')}</Text>}
          rightSectionWidth={48}
          error={fields['entries.0.amountSatang'] ?? (amount && satang === null ? t('budget.badAmount') : undefined)}
          data-testid="expense-amount"
        />
        <Checkbox
          mt={{ sm: 30 }}
          label={t('budget.plain.fromCommitment')}
          checked={fromCommitment}
          onChange={(e) => setFromCommitment(e.currentTarget.checked)}
          data-testid="expense-from-commitment"
        />
      </SimpleGrid>
      <Textarea
        label={t('budget.plain.what')}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
        required
        error={fields.description}
        minRows={2}
        data-testid="expense-description"
      />
      {needsReason ? (
        <Alert
          color="orange"
          title={overdraws ? t('budget.plain.overdraws') : overspends ? t('budget.plain.overspends') : t('budget.plain.beyond')}
          data-testid="expense-warning"
        >
          <ExceptionReasonInput value={exceptionReason} onChange={setExceptionReason} error={fields.exceptionReason} testId="expense-reason" />
        </Alert>
      ) : null}
      <FileInput
        label={t('budget.plain.receipt')}
        description={s ? t('budget.plain.receiptHelp', { amount: formatBaht(s.evidenceThresholdSatang, lang) }) : undefined}
        value={receipt}
        onChange={setReceipt}
        accept="image/png,image/jpeg,image/webp,application/pdf"
        clearable
        required={needsReceipt}
        leftSection={<IconPaperclip size={16} aria-hidden />}
        data-testid="expense-receipt"
      />
      <Paper withBorder p="sm" radius="md" data-testid="expense-summary">
        <Stack gap={6}>
          <Text fw={600}>
            {t('budget.plain.sentence', { fund: fund?.name ?? '…', party: partyName ?? '…', line: line?.name ?? '…' })}{' '}
            {satang ? <Money satang={satang} words /> : '…'}
          </Text>
          <Text size="sm" c="dimmed">
            {t('budget.plain.generated')}
          </Text>
          <Table.ScrollContainer minWidth={300}>
            <Table fz="sm" withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('budget.account')}</Table.Th>
                  <Table.Th ta="right">{t('budget.debit')}</Table.Th>
                  <Table.Th ta="right">{t('budget.credit')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  <Table.Td>
                    {t('budget.accountKind.expense')} · {line?.name ?? '…'}
                  </Table.Td>
                  <Table.Td ta="right">{satang ? <Money satang={satang} /> : '–'}</Table.Td>
                  <Table.Td />
                </Table.Tr>
                <Table.Tr>
                  <Table.Td>
                    {t(`budget.accountKind.${creditAccount}`)} · {fund?.name ?? '…'}
                  </Table.Td>
                  <Table.Td />
                  <Table.Td ta="right">{satang ? <Money satang={satang} /> : '–'}</Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {needsApproval || needsReceipt || needsReason ? (
            <Text size="sm" c="orange.9">
              {[
                needsApproval ? t('budget.plain.willWaitApproval') : null,
                needsReason ? t('budget.plain.willWaitReason') : null,
                needsReceipt ? t('budget.plain.willWaitReceipt') : null,
              ]
                .filter(Boolean)
                .join(' ')}
            </Text>
          ) : null}
        </Stack>
      </Paper>
      <Group justify="flex-end">
        <Button onClick={() => void submit()} loading={create.isPending || upload.isPending} disabled={!ready} data-testid="expense-save">
          {t('budget.save')}
        </Button>
      </Group>
    </Stack>
  );
}
