import { Badge, Button, Code, Group, Paper, Progress, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type { FundKind, Transparency, TransactionStatus, VerifyResult } from '../../../../common/schemas/budget';
import { bahtText } from '../../../../common/thai/bahttext';
import { formatBaht } from '../../../../common/thai/money';
import { formatDateTime } from '../../ui/dates';
import { type Column, DataView } from '../../ui/DataView';
import { useLang } from '../../ui/hooks';
import './i18n';

export function Money({ satang, words }: { satang: number; words?: boolean }) {
  const lang = useLang();
  return (
    // below zero (a line or fund spent beyond what it had) shows in red, not only by its minus sign
    <span
      style={{ whiteSpace: 'nowrap', ...(satang < 0 ? { color: 'var(--mantine-color-red-9)', fontWeight: 600 } : {}) }}
      title={lang === 'th' ? bahtText(satang) : undefined}
    >
      {formatBaht(satang, lang)}
      {words && lang === 'th' ? (
        <Text span size="xs" c="dimmed" display="block" style={{ whiteSpace: 'normal' }}>
          ({bahtText(satang)})
        </Text>
      ) : null}
    </span>
  );
}

/** Why a payment may go beyond its line or fund: the reason the server asks for (field `exceptionReason`). */
export function ExceptionReasonInput({
  value,
  onChange,
  error,
  testId,
}: {
  value: string;
  onChange: (reason: string) => void;
  error?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('budget.plain.reason')}
      description={t('budget.plain.reasonHelp')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      minRows={2}
      data-testid={testId}
    />
  );
}

export function StatusBadge({ status }: { status: TransactionStatus }) {
  const { t } = useTranslation();
  const color = status === 'posted' ? 'teal' : status === 'pending' ? 'violet' : 'red';
  return (
    <Badge color={color} variant="filled">
      {t(`budget.status.${status}`)}
    </Badge>
  );
}

function Stat({ label, satang, testId }: { label: string; satang: number; testId?: string }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg">
        <Money satang={satang} />
      </Text>
    </Paper>
  );
}

/** Spent and committed as shares of the allocation. */
function Usage({ allocated, committed, spent }: { allocated: number; committed: number; spent: number }) {
  const { t } = useTranslation();
  if (allocated <= 0) return null;
  const pct = (x: number) => Math.max(0, Math.min(100, (x / allocated) * 100));
  return (
    <Progress.Root size="sm" title={t('budget.usage')}>
      <Progress.Section value={pct(spent)} color="teal" aria-label={t('budget.spent')} />
      <Progress.Section value={pct(committed)} color="yellow" aria-label={t('budget.committed')} />
    </Progress.Root>
  );
}

/** The transparency view shared by the officers' page and the public page. */
type FundRow = Transparency['byFund'][number];

/** The budget at a glance; inside the app, `fundActions` adds edit/delete controls to each fund (for roles that may). */
export function TransparencyView({ data, fundActions }: { data: Transparency; fundActions?: (f: FundRow) => ReactNode }) {
  const { t } = useTranslation();
  const lang = useLang();
  const tot = data.totals;
  const projectColumns: Column<Transparency['byProject'][number]>[] = [
    {
      key: 'name',
      header: t('budget.project'),
      primary: true,
      render: (p) => (
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            {p.name}
          </Text>
          <Text size="xs" c="dimmed">
            {p.planName}
          </Text>
          <Usage allocated={p.allocatedSatang} committed={p.committedSatang} spent={p.spentSatang} />
        </Stack>
      ),
    },
    { key: 'planned', header: t('budget.planned'), render: (p) => <Money satang={p.plannedSatang} />, align: 'right' },
    { key: 'allocated', header: t('budget.allocated'), render: (p) => <Money satang={p.allocatedSatang} />, align: 'right' },
    { key: 'committed', header: t('budget.committed'), render: (p) => <Money satang={p.committedSatang} />, align: 'right' },
    { key: 'spent', header: t('budget.spent'), render: (p) => <Money satang={p.spentSatang} />, align: 'right' },
    { key: 'remaining', header: t('budget.remaining'), render: (p) => <Money satang={p.remainingSatang} />, align: 'right' },
  ];
  const networkColumns: Column<Transparency['byNetwork'][number]>[] = [
    { key: 'name', header: t('budget.network'), primary: true, render: (n) => n.name },
    ...projectColumns.slice(1),
  ] as Column<Transparency['byNetwork'][number]>[];
  const contributorColumns: Column<Transparency['contributors'][number]>[] = [
    {
      key: 'name',
      header: t('budget.contributor'),
      primary: true,
      render: (c) => (c.kind === 'individuals' ? t('budget.individuals', { count: c.count }) : c.name),
    },
    { key: 'cash', header: t('budget.cash'), render: (c) => <Money satang={c.cashSatang} />, align: 'right' },
    { key: 'inKind', header: t('budget.inKind'), render: (c) => <Money satang={c.inKindSatang} />, align: 'right' },
    { key: 'total', header: t('budget.total'), render: (c) => <Money satang={c.totalSatang} />, align: 'right' },
  ];
  const fundColumns: Column<Transparency['byFund'][number]>[] = [
    {
      key: 'name',
      header: t('budget.fund'),
      primary: true,
      render: (f) => (
        <Stack gap={2}>
          <Text size="sm">{f.name}</Text>
          <Text size="xs" c="dimmed">
            {fundKindLabel(t, f.kind)}
          </Text>
        </Stack>
      ),
    },
    { key: 'received', header: t('budget.received'), render: (f) => <Money satang={f.receivedSatang} />, align: 'right' },
    { key: 'committed', header: t('budget.committed'), render: (f) => <Money satang={f.committedSatang} />, align: 'right' },
    { key: 'spent', header: t('budget.spent'), render: (f) => <Money satang={f.spentSatang} />, align: 'right' },
    { key: 'available', header: t('budget.available'), render: (f) => <Money satang={f.availableSatang} />, align: 'right' },
    ...(fundActions ? [{ key: 'actions', header: t('common.actions'), hideOnCard: true, nowrap: true, render: fundActions } satisfies Column<FundRow>] : []),
  ];
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="sm">
        <Stat label={t('budget.planned')} satang={tot.plannedSatang} />
        <Stat label={t('budget.allocated')} satang={tot.allocatedSatang} />
        <Stat label={t('budget.committed')} satang={tot.committedSatang} />
        <Stat label={t('budget.spent')} satang={tot.spentSatang} testId="total-spent" />
        <Stat label={t('budget.remaining')} satang={tot.remainingSatang} />
      </SimpleGrid>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h4">
          {t('budget.leverage')}
        </Title>
        <Text mt={4}>
          {data.leverage.perBaht === null
            ? t('budget.noMunicipal')
            : t('budget.leverageText', {
                amount: new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'th-TH', { maximumFractionDigits: 2 }).format(data.leverage.perBaht),
              })}
        </Text>
        <Group gap="lg" mt="xs">
          <Text size="sm">
            {t('budget.municipalMoney')}: <Money satang={data.leverage.municipalSatang} />
          </Text>
          <Text size="sm">
            {t('budget.partnerMoney')}: <Money satang={data.leverage.partnerSatang} />
          </Text>
        </Group>
      </Paper>
      <section>
        <Title order={2} size="h4" mb="xs">
          {t('budget.whoGave')}
        </Title>
        <DataView
          rows={data.contributors}
          columns={contributorColumns}
          rowKey={(c) => c.partyId ?? 'individuals'}
          caption={t('budget.whoGave')}
          testId="contributors"
        />
      </section>
      <section>
        <Title order={2} size="h4" mb="xs">
          {t('budget.byProject')}
        </Title>
        <DataView
          rows={data.byProject.filter((p) => p.plannedSatang || p.allocatedSatang)}
          columns={projectColumns}
          rowKey={(p) => p.id}
          caption={t('budget.byProject')}
        />
      </section>
      <section>
        <Title order={2} size="h4" mb="xs">
          {t('budget.byNetwork')}
        </Title>
        <DataView
          rows={data.byNetwork.filter((n) => n.plannedSatang || n.allocatedSatang)}
          columns={networkColumns}
          rowKey={(n) => n.id}
          caption={t('budget.byNetwork')}
        />
      </section>
      <section>
        <Title order={2} size="h4" mb="xs">
          {t('budget.byFund')}
        </Title>
        <DataView rows={data.byFund} columns={fundColumns} rowKey={(f) => f.id} caption={t('budget.byFund')} testId="budget-funds" cardActions={fundActions} />
      </section>
    </Stack>
  );
}

export function fundKindLabel(t: (k: string) => string, kind: FundKind) {
  return t(`budget.fundKind.${kind}`);
}

/** The chain head anyone can note down, and a button that re-walks the chain. */
export function ChainPanel({
  chain: { headHash, headSeq, checkpoint, publicKey },
  verification,
}: {
  chain: Transparency['chain'];
  /** The verify request (useVerify, or usePublicVerify without sign-in). */
  verification: { mutate: () => void; data?: VerifyResult; isPending: boolean };
}) {
  const { data: result, isPending: pending } = verification;
  const verify = () => verification.mutate();
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Paper withBorder p="md" radius="md" data-testid="chain-panel">
      <Title order={2} size="h4">
        {t('budget.chainTitle')}
      </Title>
      <Text size="sm" c="dimmed" mt={4}>
        {t('budget.chainHelp', { count: headSeq })}
      </Text>
      <Code block mt="xs" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="head-hash">
        {headHash}
      </Code>
      <Group mt="sm" gap="sm">
        <Button variant="filled" onClick={verify} loading={pending} leftSection={<IconShieldCheck size={18} />}>
          {t('budget.verify')}
        </Button>
        {result ? (
          result.valid ? (
            <Badge color="teal" size="lg" leftSection={<IconShieldCheck size={14} />} data-testid="verify-result">
              {t('budget.verifyOk', { count: result.checked })}
            </Badge>
          ) : (
            <Badge color="red" size="lg" leftSection={<IconShieldX size={14} />} data-testid="verify-result" style={{ whiteSpace: 'normal', height: 'auto' }}>
              {t('budget.verifyBroken', { id: result.firstInvalidId ?? '—' })}
            </Badge>
          )
        ) : null}
      </Group>
      {checkpoint ? (
        <details style={{ marginTop: 12 }} data-testid="checkpoint">
          <summary>
            <Text span size="sm" fw={600}>
              {t('budget.checkpoint.title', { seq: checkpoint.seq, date: formatDateTime(checkpoint.signedAt, lang) })}
            </Text>
          </summary>
          <Text size="sm" c="dimmed" mt={4}>
            {t('budget.checkpoint.help')}
          </Text>
          <Text size="sm" mt="xs">
            {t('budget.checkpoint.signature')}
          </Text>
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="checkpoint-signature">
            {checkpoint.signature}
          </Code>
          {publicKey ? (
            <>
              <Text size="sm" mt="xs">
                {t('budget.checkpoint.publicKey', { id: checkpoint.keyId })}
              </Text>
              <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }} data-testid="public-key">
                {publicKey}
              </Code>
            </>
          ) : null}
        </details>
      ) : null}
    </Paper>
  );
}
