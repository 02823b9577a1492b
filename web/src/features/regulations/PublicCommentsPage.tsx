import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicCommentPeriods } from '../../../../common/schemas/regulations';
import { api } from '../../api/client';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { formatNumber } from '../../ui/format';
import { useLang } from '../../ui/hooks';
import { PublicItems, PublicPage } from '../../ui/PublicPage';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { ClauseText, RegulationText } from './RegulationText';
import './i18n';

/**
 * Drafts open for comment, for anyone, no login: the text clause by clause with how many comments each has, and a
 * comment box per clause. A name is optional and is shown to the officers only (PDPA); nothing anyone wrote is shown here.
 */
export default function PublicCommentsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { tenant } = useParams({ from: '/p/$tenant/regulations/comments' });
  const list = useQuery({
    queryKey: ['public', tenant, 'regulation-comments'],
    queryFn: ({ signal }) => api<PublicCommentPeriods>(`/public/${encodeURIComponent(tenant)}/regulations/comment-periods`, { signal }),
  });
  return (
    <PublicPage
      tenant={list.data?.tenant}
      title={t('regulations.comments.publicTitle')}
      subtitle={t('regulations.comments.publicSubtitle')}
      links={<Anchor href={`/p/${encodeURIComponent(tenant)}/regulations`}>{t('regulations.publicTitle')}</Anchor>}
    >
      <PublicItems query={list} empty={t('regulations.comments.noneOpen')}>
        {(items) =>
          items.map((p) => (
            <Paper key={p.id} withBorder p="md" data-testid="public-comment-period">
              <Stack gap="sm">
                <Title order={2} size="h3">
                  {p.version.title}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('regulations.comments.openUntil', { from: formatDate(p.startsOn, lang, 'long'), to: formatDate(p.endsOn, lang, 'long') })}
                </Text>
                {p.note ? <Text size="sm">{p.note}</Text> : null}
                <RegulationText
                  preamble={p.preamble}
                  chapters={p.chapters}
                  gap="xs"
                  clause={(c) => <PublicClause key={c.id} tenant={tenant} periodId={p.id} number={c.number} text={c.text} count={p.counts[c.number] ?? 0} />}
                />
              </Stack>
            </Paper>
          ))
        }
      </PublicItems>
    </PublicPage>
  );
}

function PublicClause({ tenant, periodId, number, text, count }: { tenant: string; periodId: string; number: string; text: string; count: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const [v, setV] = useState({ body: '', name: '' });
  const send = useMutation({
    mutationFn: () =>
      api<{ id: string }>(`/public/${encodeURIComponent(tenant)}/regulations/comment-periods/${periodId}/comments`, {
        method: 'POST',
        body: { clauseNumber: number, body: v.body, name: v.name || null },
      }),
    onSuccess: () => {
      setSent(true);
      setOpen(false);
      setV({ body: '', name: '' });
      // counted at once here: a refetch could get the browser's cached answer (public answers carry max-age)
      qc.setQueryData<PublicCommentPeriods>(
        ['public', tenant, 'regulation-comments'],
        (d) =>
          d && {
            ...d,
            items: d.items.map((p) => (p.id === periodId ? { ...p, counts: { ...p.counts, [number]: (p.counts[number] ?? 0) + 1 } } : p)),
          },
      );
    },
  });
  const fields = fieldErrorsOf(send.error);
  return (
    <Stack gap={4} data-testid={`public-clause-${number}`}>
      <ClauseText number={number} text={text} />
      <Group gap="xs">
        {count ? (
          <Badge variant="light" color="gray">
            {t('regulations.comments.publicCount', { n: formatNumber(count, lang) })}
          </Badge>
        ) : null}
        {!open ? (
          <Button size="compact-xs" variant="light" onClick={() => setOpen(true)} data-testid="public-comment-write">
            {t('regulations.comments.write', { n: number })}
          </Button>
        ) : null}
      </Group>
      {sent ? (
        <Alert color="teal" data-testid="public-comment-sent">
          {t('regulations.comments.thanks')}
        </Alert>
      ) : null}
      {open ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send.mutate();
          }}
        >
          <Stack gap={6} pl="md">
            <Textarea
              label={t('regulations.comments.yourComment', { n: number })}
              value={v.body}
              onChange={(e) => setV({ ...v, body: e.currentTarget.value })}
              error={fields.body ?? fields.clauseNumber}
              required
              autosize
              minRows={2}
              data-testid="public-comment-body"
            />
            <TextInput
              label={t('regulations.comments.nameOptional')}
              description={t('regulations.comments.nameHint')}
              value={v.name}
              onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
              error={fields.name}
              data-testid="public-comment-name"
            />
            <ErrorAlert error={errorWithoutFields(send.error)} />
            <Group gap="xs">
              <Button type="submit" size="compact-sm" loading={send.isPending} disabled={!v.body.trim()} data-testid="public-comment-submit">
                {t('regulations.comments.send')}
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : null}
    </Stack>
  );
}
