import { Alert, Anchor, Button, Code, FileButton, Group, List, Modal, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconPaperclip, IconX } from '@tabler/icons-react';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBaht } from '../../../../common/thai/money';
import { permissions, useTenant } from '../../context/tenant';
import { formatDate, formatDateTime } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { fieldErrorsOf } from '../../ui/serverErrors';
import { useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useApprove, useReject, useReverse, useTransaction, useUploadEvidence } from './api';
import { Money, StatusBadge } from './parts';
import './i18n';

export default function TransactionPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug, me, role } = useTenant();
  const { id } = useParams({ from: '/t/$tenant/budget/ledger/$id' });
  const q = useTransaction(slug, id);
  const approve = useApprove(slug);
  const reject = useReject(slug);
  const reverse = useReverse(slug);
  const upload = useUploadEvidence(slug);
  const [reasonFor, setReasonFor] = useState<'reject' | 'reverse' | null>(null);
  const [reason, setReason] = useState('');
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const x = q.data;
  const editor = permissions(role).recordTransaction;
  const mine = x.maker.id === me.user.id;
  const mutationError = approve.error ?? reject.error ?? reverse.error ?? upload.error;
  const submitReason = () => {
    const done = { onSuccess: () => (setReasonFor(null), setReason('')) };
    if (reasonFor === 'reject') reject.mutate({ id: x.id, reason }, done);
    else reverse.mutate({ id: x.id, reason }, done);
  };
  return (
    <Stack gap="md">
      <PageHeader
        title={x.description}
        subtitle={`${t(`budget.kind.${x.kind}`)} · ${formatDate(x.occurredOn, lang, 'long')}`}
        badges={<StatusBadge status={x.status} />}
      />
      {mutationError ? <ErrorAlert error={mutationError} /> : null}
      {x.status === 'pending' ? (
        <Alert color="orange" title={t('budget.waitingTitle')}>
          <Stack gap="xs">
            <Text size="sm">{mine ? t('budget.waitingMine') : t('budget.waitingHelp')}</Text>
            {x.reviewReasons.length ? (
              <List size="sm" data-testid="review-reasons">
                {x.reviewReasons.map((r) => (
                  <List.Item key={r}>
                    {t(`budget.review.${r}`, { amount: x.approvalThresholdSatang === null ? '' : formatBaht(x.approvalThresholdSatang, lang) })}
                  </List.Item>
                ))}
              </List>
            ) : null}
            {x.exceptionReason ? <Text size="sm">{t('budget.review.exception', { reason: x.exceptionReason })}</Text> : null}
            {x.canDecide ? (
              <Group>
                <Button
                  color="teal"
                  leftSection={<IconCheck size={18} />}
                  onClick={() => approve.mutate(x.id)}
                  loading={approve.isPending}
                  data-testid="approve"
                >
                  {t('budget.approve')}
                </Button>
                <Button color="red" variant="light" leftSection={<IconX size={18} />} onClick={() => setReasonFor('reject')} data-testid="reject">
                  {t('budget.reject')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {x.status === 'rejected' ? (
        <Alert color="red" title={t('budget.rejectedBy', { name: x.approver?.name ?? '' })}>
          {x.rejectionReason}
        </Alert>
      ) : null}
      <Paper withBorder p="md" radius="md">
        <Stack gap={6}>
          <Text>
            {t('budget.amount')}: <Money satang={x.totalSatang} words />
          </Text>
          {x.party ? (
            <Text>
              {t('budget.counterparty')}: {x.party.name}
            </Text>
          ) : null}
          {x.exceptionReason && x.status !== 'pending' ? <Text size="sm">{t('budget.review.exception', { reason: x.exceptionReason })}</Text> : null}
          <Text size="sm">
            {t('budget.maker')}: {x.maker.name} · {formatDateTime(x.createdAt, lang)}
          </Text>
          {x.approver && x.status === 'posted' ? (
            <Text size="sm">
              {t('budget.approver')}: {x.approver.name}
            </Text>
          ) : null}
          {x.reversesId ? (
            <AnchorLink to="/t/$tenant/budget/ledger/$id" params={{ tenant: slug, id: x.reversesId }} size="sm">
              {t('budget.reversesLink')}
            </AnchorLink>
          ) : null}
          {x.reversedById ? (
            <AnchorLink to="/t/$tenant/budget/ledger/$id" params={{ tenant: slug, id: x.reversedById }} size="sm">
              {t('budget.reversedByLink')}
            </AnchorLink>
          ) : null}
        </Stack>
      </Paper>
      <section>
        <Title order={2} size="h4" mb="xs">
          {t('budget.entries')}
        </Title>
        <div className="table-scroll">
          <Table withTableBorder striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('budget.account')}</Table.Th>
                <Table.Th>{t('budget.fund')}</Table.Th>
                <Table.Th ta="right">{t('budget.debit')}</Table.Th>
                <Table.Th ta="right">{t('budget.credit')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {x.entries.map((e) => (
                <Table.Tr key={e.lineNo}>
                  <Table.Td>
                    {t(`budget.accountKind.${e.account}`)}
                    {e.budgetLine ? (
                      <Text size="xs" c="dimmed">
                        {e.budgetLine.name}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{e.fund.name}</Table.Td>
                  <Table.Td ta="right">{e.debitSatang ? <Money satang={e.debitSatang} /> : ''}</Table.Td>
                  <Table.Td ta="right">{e.creditSatang ? <Money satang={e.creditSatang} /> : ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      </section>
      <section>
        <Title order={2} size="h4" mb="xs">
          {t('budget.evidence')}
        </Title>
        <Stack gap={4}>
          {x.evidence.length ? (
            x.evidence.map((ev) => (
              <Anchor key={ev.id} href={ev.url} target="_blank">
                {ev.filename}
              </Anchor>
            ))
          ) : (
            <Text c="dimmed" size="sm">
              {t('budget.noEvidence')}
            </Text>
          )}
          {editor && x.status !== 'rejected' ? (
            <FileButton onChange={(file) => file && upload.mutate({ id: x.id, file })} accept="image/png,image/jpeg,image/webp,application/pdf">
              {(props) => (
                <Button {...props} variant="light" leftSection={<IconPaperclip size={18} />} loading={upload.isPending} w="fit-content">
                  {t('budget.attach')}
                </Button>
              )}
            </FileButton>
          ) : null}
        </Stack>
      </section>
      {x.status === 'posted' ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4">
            {t('budget.chainTitle')}
          </Title>
          <Text size="sm">{t('budget.seqN', { seq: x.seq })}</Text>
          <Text size="sm" mt={4}>
            {t('budget.prevHash')}
          </Text>
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {x.prevHash}
          </Code>
          <Text size="sm" mt={4}>
            {t('budget.hash')}
          </Text>
          <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
            {x.hash}
          </Code>
          {editor && x.kind !== 'reversal' && !x.reversedById ? (
            <Button mt="sm" variant="outline" color="red" leftSection={<IconArrowBackUp size={18} />} onClick={() => setReasonFor('reverse')}>
              {t('budget.reverse')}
            </Button>
          ) : null}
        </Paper>
      ) : null}
      <Modal opened={reasonFor !== null} onClose={() => setReasonFor(null)} title={reasonFor === 'reject' ? t('budget.reject') : t('budget.reverse')}>
        <Stack>
          <Text size="sm">{reasonFor === 'reject' ? t('budget.rejectHelp') : t('budget.reverseHelp')}</Text>
          <Textarea
            label={t('budget.reason')}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            required
            minRows={2}
            data-testid="reason"
            error={fieldErrorsOf(reject.error ?? reverse.error).reason}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReasonFor(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color={reasonFor === 'reject' ? 'red' : 'orange'}
              onClick={submitReason}
              loading={reject.isPending || reverse.isPending}
              data-testid="reason-submit"
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
