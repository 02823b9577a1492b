import { Alert, Anchor, Badge, Button, Card, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentPeriod, CommentPeriodDetail, CommentPeriodStatus, RegulationComment, VersionDetail } from '../../../../common/schemas/regulations';
import { api, tenantPath } from '../../api/client';
import { usePermissions, useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { ClauseText, RegulationText } from './RegulationText';
import './i18n';

/** The id of a clause's anchor: ข้อ 10/1 → clause-10-1 (the same as the reader's). */
const anchorOf = (number: string) => `clause-${number.replace('/', '-')}`;
const key = (tenant: string, ...rest: unknown[]) => ['t', tenant, 'regulations', 'comments', ...rest];
export const STATUS_COLOR: Record<CommentPeriodStatus, string> = { upcoming: 'gray', open: 'teal', closed: 'red' };

export function usePeriods(tenant: string, regulationId: string) {
  return useQuery({
    queryKey: key(tenant, 'periods', regulationId),
    queryFn: ({ signal }) => api<CommentPeriod[]>(tenantPath(tenant, '/regulations/comment-periods'), { query: { regulationId }, signal }),
  });
}

/** The comment periods of the version shown in the reader; an officer opens one on a draft. */
export function VersionComments({ regulationId, v }: { regulationId: string; v: VersionDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const periods = usePeriods(slug, regulationId);
  const [opening, setOpening] = useState(false);
  const mine = (periods.data ?? []).filter((p) => p.version.id === v.id);
  if (v.status !== 'draft' && !mine.length) return null;
  return (
    <Stack gap="xs" data-testid="comment-periods">
      <Group justify="space-between">
        <Title order={3}>{t('regulations.comments.title')}</Title>
        {can.manageRegulations && v.status === 'draft' ? (
          <Button size="compact-sm" variant="light" onClick={() => setOpening(true)} data-testid="comment-period-open">
            {t('regulations.comments.open')}
          </Button>
        ) : null}
      </Group>
      {mine.length === 0 ? <Text c="dimmed">{t('regulations.comments.none')}</Text> : null}
      {mine.map((p) => (
        <Card key={p.id} withBorder padding="sm">
          <Group gap="xs" wrap="wrap">
            <AnchorLink
              to="/t/$tenant/regulations/comment-periods/$periodId"
              params={{ tenant: slug, periodId: p.id }}
              fw={600}
              data-testid="comment-period-link"
            >
              {formatDate(p.startsOn, lang)} – {formatDate(p.endsOn, lang)}
            </AnchorLink>
            <Badge color={STATUS_COLOR[p.status]} variant="light">
              {t(`regulations.comments.status.${p.status}`)}
            </Badge>
            <Text size="sm">{t('regulations.comments.count', { count: p.commentCount, unanswered: p.unansweredCount })}</Text>
          </Group>
          {p.note ? (
            <Text size="sm" c="dimmed">
              {p.note}
            </Text>
          ) : null}
        </Card>
      ))}
      {opening ? <OpenPeriodModal regulationId={regulationId} versionId={v.id} onClose={() => setOpening(false)} /> : null}
    </Stack>
  );
}

/** The period whose comment links the reader shows next to each clause: the open one, else the latest. */
export function usePeriodForVersion(tenant: string, regulationId: string, versionId: string | undefined) {
  const periods = usePeriods(tenant, regulationId);
  const mine = (periods.data ?? []).filter((p) => p.version.id === versionId);
  return mine.find((p) => p.status === 'open') ?? mine[0] ?? null;
}

function OpenPeriodModal({ regulationId, versionId, onClose }: { regulationId: string; versionId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const qc = useQueryClient();
  const [v, setV] = useState<{ startsOn: string | null; endsOn: string | null; note: string }>({ startsOn: null, endsOn: null, note: '' });
  const write = useMutation({
    mutationFn: () =>
      api<CommentPeriodDetail>(tenantPath(slug, `/regulations/${regulationId}/versions/${versionId}/comment-periods`), { method: 'POST', body: v }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: key(slug) });
      onClose();
    },
  });
  const fields = fieldErrorsOf(write.error);
  return (
    <Modal opened onClose={onClose} title={t('regulations.comments.open')} fullScreen={!desktop}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          write.mutate();
        }}
      >
        <Stack gap="sm">
          <DateField
            label={t('regulations.comments.startsOn')}
            value={v.startsOn}
            onChange={(x) => setV({ ...v, startsOn: x })}
            error={fields.startsOn}
            required
            data-testid="period-starts"
          />
          <DateField
            label={t('regulations.comments.endsOn')}
            value={v.endsOn}
            onChange={(x) => setV({ ...v, endsOn: x })}
            error={fields.endsOn}
            required
            data-testid="period-ends"
          />
          <Textarea
            label={t('regulations.comments.note')}
            value={v.note}
            onChange={(e) => setV({ ...v, note: e.currentTarget.value })}
            error={fields.note}
            autosize
            minRows={2}
          />
          <ErrorAlert error={errorWithoutFields(write.error)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={write.isPending} data-testid="period-submit">
              {t('regulations.comments.openSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The comment period page: the draft clause by clause, each with its comments, a comment box while open, and answers for officers. */
export default function CommentPeriodPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const { periodId } = useParams({ from: '/t/$tenant/regulations/comment-periods/$periodId' });
  const q = useQuery({
    queryKey: key(slug, 'period', periodId),
    queryFn: ({ signal }) => api<CommentPeriodDetail>(tenantPath(slug, `/regulations/comment-periods/${periodId}`), { signal }),
  });
  if (q.isPending) return <Loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const p = q.data;
  const byNumber = new Map(p.clauses.map((c) => [c.number, c.comments]));
  const orphans = p.clauses.filter((c) => !c.inDraft);
  return (
    <Stack gap="md">
      <PageHeader
        title={`${p.version.title} — ${t('regulations.versionN', { n: p.version.number })}`}
        subtitle={`${t('regulations.comments.title')} ${formatDate(p.startsOn, lang)} – ${formatDate(p.endsOn, lang)}`}
        badges={
          <Group gap={6}>
            <Badge color={STATUS_COLOR[p.status]} variant="light" data-testid="period-status">
              {t(`regulations.comments.status.${p.status}`)}
            </Badge>
            <Badge variant="outline">{t('regulations.comments.count', { count: p.commentCount, unanswered: p.unansweredCount })}</Badge>
          </Group>
        }
      />
      <AnchorLink to="/t/$tenant/regulations/$id" params={{ tenant: slug, id: p.regulationId }}>
        ← {p.subject}
      </AnchorLink>
      {p.status !== 'open' ? <Alert color={p.status === 'closed' ? 'red' : 'gray'}>{t(`regulations.comments.notOpen.${p.status}`)}</Alert> : null}
      {!p.canAnswer ? (
        <Text size="sm" c="dimmed">
          {t('regulations.comments.ownOnly')}
        </Text>
      ) : null}
      {p.note ? <Text size="sm">{p.note}</Text> : null}
      <Paper withBorder p="md" data-testid="comment-reader">
        <Stack gap="md">
          <RegulationText
            preamble={p.preamble}
            chapters={p.chapters}
            gap="sm"
            clause={(c) => <ClauseBlock key={c.id} period={p} number={c.number} text={c.text} comments={byNumber.get(c.number) ?? []} />}
          />
          {orphans.map((c) => (
            <ClauseBlock key={c.number} period={p} number={c.number} text={t('regulations.comments.clauseGone')} comments={c.comments} />
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}

function ClauseBlock({ period, number, text, comments }: { period: CommentPeriodDetail; number: string; text: string; comments: RegulationComment[] }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const [writing, setWriting] = useState(false);
  const write = useMutation({
    mutationFn: () =>
      api<CommentPeriodDetail>(tenantPath(slug, `/regulations/comment-periods/${period.id}/comments`), {
        method: 'POST',
        body: { clauseNumber: number, body },
      }),
    onSuccess: (d) => {
      qc.setQueryData(key(slug, 'period', period.id), d);
      void qc.invalidateQueries({ queryKey: key(slug, 'periods') });
      setBody('');
      setWriting(false);
    },
  });
  const fields = fieldErrorsOf(write.error);
  return (
    <Stack gap={6} id={anchorOf(number)} style={{ scrollMarginTop: 80 }} data-testid={`comment-clause-${number}`}>
      <ClauseText number={number} text={text} />
      {comments.map((c) => (
        <CommentCard key={c.id} c={c} periodId={period.id} canAnswer={period.canAnswer} />
      ))}
      {period.canComment ? (
        writing ? (
          <Stack gap={6} pl="md">
            <Textarea
              label={t('regulations.comments.yourComment', { n: number })}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={fields.body ?? fields.clauseNumber}
              autosize
              minRows={2}
              data-testid="comment-body"
            />
            <ErrorAlert error={errorWithoutFields(write.error)} />
            <Group gap="xs">
              <Button size="compact-sm" onClick={() => write.mutate()} loading={write.isPending} disabled={!body.trim()} data-testid="comment-submit">
                {t('regulations.comments.send')}
              </Button>
              <Button size="compact-sm" variant="default" onClick={() => setWriting(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Anchor component="button" type="button" size="sm" pl="md" ta="left" onClick={() => setWriting(true)} data-testid="comment-write">
            {t('regulations.comments.write', { n: number })}
          </Anchor>
        )
      ) : null}
    </Stack>
  );
}

function CommentCard({ c, periodId, canAnswer }: { c: RegulationComment; periodId: string; canAnswer: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const qc = useQueryClient();
  const [reply, setReply] = useState<string | null>(null);
  const write = useMutation({
    mutationFn: () => api<CommentPeriodDetail>(tenantPath(slug, `/regulations/comments/${c.id}/answer`), { method: 'POST', body: { reply } }),
    onSuccess: (d) => {
      qc.setQueryData(key(slug, 'period', periodId), d);
      void qc.invalidateQueries({ queryKey: key(slug, 'periods') });
      setReply(null);
    },
  });
  const fields = fieldErrorsOf(write.error);
  return (
    <Card withBorder padding="xs" ml="md" data-testid="comment">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>
          {c.mine ? t('regulations.comments.me') : (c.authorName ?? t('regulations.comments.anonymous'))}
        </Text>
        <Badge size="xs" variant="light" color={c.channel === 'public' ? 'grape' : 'blue'}>
          {t(`regulations.comments.channel.${c.channel}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {formatDate(c.createdAt.slice(0, 10), lang)}
        </Text>
        <Badge size="xs" variant="light" color={c.reply ? 'teal' : 'gray'}>
          {c.reply ? t('regulations.comments.answered') : t('regulations.comments.unanswered')}
        </Badge>
      </Group>
      <Text size="sm">{c.body}</Text>
      {c.reply ? (
        <Text size="sm" c="teal.9" mt={4} data-testid="comment-reply">
          {t('regulations.comments.replyBy', { name: c.answeredBy ?? '' })}: {c.reply}
        </Text>
      ) : null}
      {canAnswer && reply === null ? (
        <Group mt={4}>
          <Button size="compact-xs" variant="light" onClick={() => setReply(c.reply ?? '')} data-testid="comment-answer">
            {c.reply ? t('regulations.comments.editReply') : t('regulations.comments.answer')}
          </Button>
        </Group>
      ) : null}
      {reply !== null ? (
        <Stack gap={6} mt={6}>
          <Textarea
            label={t('regulations.comments.reply')}
            value={reply}
            onChange={(e) => setReply(e.currentTarget.value)}
            error={fields.reply}
            autosize
            minRows={2}
            data-testid="comment-reply-text"
          />
          <Group gap="xs">
            <Button size="compact-sm" onClick={() => write.mutate()} loading={write.isPending} disabled={!reply.trim()} data-testid="comment-reply-submit">
              {t('regulations.comments.markAnswered')}
            </Button>
            <Button size="compact-sm" variant="default" onClick={() => setReply(null)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Card>
  );
}
