import { Anchor, Box, Container, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicTransaction } from '../../../../common/schemas/budget';
import { type Column, DataView } from '../../ui/DataView';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { Pager } from '../../ui/Pager';
import { LanguageSwitch } from '../../ui/LanguageSwitch';
import { usePublicBudget, usePublicLedger, usePublicVerify } from './api';
import { ChainPanel, Money, TransparencyView } from './parts';
import { WithFiscalYear } from '../../ui/FiscalYear';
import './i18n';

const LEDGER_PAGE = 20;

/** The citizens' view: no login, no personal data (the server leaves it out). */
export default function PublicBudgetPage() {
  const tenantSlug = useParams({ from: '/p/$tenant/budget' }).tenant;
  const requested = useSearch({ from: '/p/$tenant/budget' }).fiscalYear;
  return (
    <WithFiscalYear tenant={tenantSlug} requested={requested} publicPage>
      {(fiscalYear) => <PublicBudgetPageView fiscalYear={fiscalYear} />}
    </WithFiscalYear>
  );
}

function PublicBudgetPageView({ fiscalYear }: { fiscalYear: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { tenant } = useParams({ from: '/p/$tenant/budget' });
  const search = useSearch({ from: '/p/$tenant/budget' });
  const navigate = useNavigate({ from: '/p/$tenant/budget' });
  const q = usePublicBudget(tenant, { fiscalYear });
  const page = search.page ?? 1;
  const ledger = usePublicLedger(tenant, { fiscalYear, page, pageSize: LEDGER_PAGE });
  const verify = usePublicVerify(tenant);
  const name = q.data ? (lang === 'en' ? q.data.tenant.nameEn : q.data.tenant.nameTh) : '';
  useEffect(() => {
    document.title = `${t('budget.publicTitle')} · ${name || t('app.name')}`;
  }, [t, name]);
  const years = [...new Set([...(q.data?.fiscalYears ?? []), fiscalYear])].sort((a, b) => b - a);
  const columns: Column<PublicTransaction>[] = [
    {
      key: 'desc',
      header: t('budget.description'),
      primary: true,
      render: (x) => (
        <Stack gap={2}>
          <Text size="sm" className="break-words">
            {x.description ?? t('budget.privateDescription')}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`budget.kind.${x.kind}`)}
            {x.counterparty ? ` · ${x.counterparty}` : ''}
            {x.reversesSeq ? ` · ${t('budget.reversesSeq', { seq: x.reversesSeq })}` : ''}
          </Text>
        </Stack>
      ),
    },
    { key: 'seq', header: t('budget.seq'), render: (x) => x.seq, align: 'right' },
    { key: 'date', header: t('budget.date'), render: (x) => formatDate(x.occurredOn, lang), nowrap: true },
    { key: 'amount', header: t('budget.amount'), render: (x) => <Money satang={x.totalSatang} />, align: 'right' },
    {
      key: 'hash',
      header: t('budget.hash'),
      render: (x) => (
        <Text size="xs" ff="monospace" title={x.hash}>
          {x.hash.slice(0, 12)}…
        </Text>
      ),
    },
  ];
  return (
    <Box component="main" py="lg">
      <Container size="lg">
        <Stack gap="md">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={2} style={{ minWidth: 0, flex: '1 1 16rem' }}>
              {/* a line's height before the name arrives, so that nothing below moves when it does */}
              <Text c="dimmed" size="sm">
                {name || '\u00a0'}
              </Text>
              <Title order={1}>{t('budget.publicTitle')}</Title>
              <Text c="dimmed">{t('budget.publicSubtitle')}</Text>
            </Stack>
            <Group gap="xs">
              <LanguageSwitch />
              <Anchor href={`/p/${tenant}/budget/print?fiscalYear=${fiscalYear}`}>{t('budget.print')}</Anchor>
            </Group>
          </Group>
          <Select
            label={t('budget.fiscalYear')}
            data={years.map((y) => ({ value: String(y), label: String(y) }))}
            value={String(fiscalYear)}
            onChange={(v) => v && void navigate({ search: { fiscalYear: Number(v), page: undefined } })}
            allowDeselect={false}
            maw={240}
            data-testid="fiscal-year"
          />
          {q.error ? <ErrorAlert error={q.error} /> : null}
          {q.data ? (
            <>
              <ChainPanel chain={q.data.chain} verification={verify} />
              <TransparencyView data={q.data} />
            </>
          ) : (
            <Loading />
          )}
          {/* the ledger comes after the budget: shown before it, the budget's arrival would push it down (layout shift) */}
          {q.data || q.error ? (
            <section>
              <Title order={2} size="h4" mb="xs">
                {t('budget.publicLedger')}
              </Title>
              {ledger.data ? (
                <>
                  <DataView
                    rows={ledger.data.items}
                    columns={columns}
                    rowKey={(x) => String(x.seq)}
                    caption={t('budget.publicLedger')}
                    testId="public-ledger"
                  />
                  <Pager
                    page={page}
                    pageSize={LEDGER_PAGE}
                    total={ledger.data.total}
                    onChange={(p) => void navigate({ search: (prev) => ({ ...prev, page: p }) })}
                  />
                </>
              ) : (
                <Loading />
              )}
            </section>
          ) : null}
        </Stack>
      </Container>
    </Box>
  );
}
