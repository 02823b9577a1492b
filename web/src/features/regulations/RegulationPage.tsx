import { Anchor, Badge, Card, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClauseChange, VersionDetail, VersionSummary } from '../../../../common/schemas/regulations';
import { formatBaht } from '../../../../common/thai/money';
import { useTenant } from '../../context/tenant';
import { formatDate } from '../../ui/dates';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { useDiff, useRegulation, useVersion } from './api';
import { usePeriodForVersion, VersionComments } from './comments';
import { DraftTools } from './DraftTools';
import { AnchorLink } from '../../ui/links';
import { ClauseText, FineTable, RegulationText } from './RegulationText';
import './i18n';

/** The id of a clause's anchor: ข้อ 10/1 → clause-10-1. */
export const clauseAnchor = (number: string) => `clause-${number.replace('/', '-')}`;

// light badges show shade 9 on shade 0: these hues keep AA contrast there (green, orange and yellow do not)
const CHANGE_COLOR: Record<ClauseChange, string> = { added: 'teal', removed: 'red', changed: 'grape', moved: 'blue', unchanged: 'gray' };

export default function RegulationPage() {
  const { slug } = useTenant();
  const { id } = useParams({ from: '/t/$tenant/regulations/$id' });
  const reg = useRegulation(slug, id);
  const [versionId, setVersionId] = useState<string | null>(null);
  useEffect(() => {
    if (reg.data && !versionId) setVersionId((reg.data.versions.find((v) => v.inForce) ?? reg.data.versions.at(-1))?.id ?? null);
  }, [reg.data, versionId]);
  const version = useVersion(slug, id, versionId);
  const period = usePeriodForVersion(slug, id, version.data?.id);
  if (reg.isPending) return <Loading />;
  if (reg.isError) return <ErrorAlert error={reg.error} />;
  const r = reg.data;
  return (
    <Stack gap="lg">
      <PageHeader title={r.title} subtitle={[r.subject, r.network?.name].filter(Boolean).join(' · ')} />
      <Versions versions={r.versions} selected={versionId} onSelect={setVersionId} />
      {version.data ? <DraftTools regulationId={id} v={version.data} onSelect={setVersionId} /> : null}
      {version.data ? <VersionComments regulationId={id} v={version.data} /> : null}
      {version.isPending ? <Loading /> : version.isError ? <ErrorAlert error={version.error} /> : <Reader v={version.data} periodId={period?.id ?? null} />}
      <DiffView regulationId={id} versions={r.versions} />
    </Stack>
  );
}

function VersionBadges({ v }: { v: VersionSummary }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      <Badge color={v.status === 'adopted' ? 'blue' : 'gray'} variant="light">
        {t(`regulations.status.${v.status}`)}
      </Badge>
      {v.inForce ? (
        <Badge color="teal" variant="filled" data-testid="in-force-badge">
          {t('regulations.inForceNow')}
        </Badge>
      ) : null}
    </Group>
  );
}

function Versions({ versions, selected, onSelect }: { versions: VersionSummary[]; selected: string | null; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Stack gap="xs" data-testid="regulation-versions">
      <Title order={3}>{t('regulations.history')}</Title>
      {[...versions].reverse().map((v) => (
        <Card key={v.id} withBorder padding="sm" bg={v.id === selected ? 'var(--mantine-color-blue-light)' : undefined}>
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
              <Group gap="xs">
                <Anchor component="button" type="button" fw={600} onClick={() => onSelect(v.id)} data-testid={`version-${v.number}`}>
                  {t('regulations.versionN', { n: v.number })}
                </Anchor>
                <VersionBadges v={v} />
              </Group>
              {v.adoption ? (
                <Text size="sm">
                  {t(`regulations.adoptedBy.${v.adoption.kind}`)}: {v.adoption.label} ({formatDate(v.adoption.adoptedOn, lang)})
                </Text>
              ) : null}
              {v.effectiveFrom ? (
                <Text size="sm" c="dimmed">
                  {t('regulations.effectiveFrom')} {formatDate(v.effectiveFrom, lang, 'long')}
                </Text>
              ) : null}
              {v.changeNote ? (
                <Text size="sm" c="dimmed">
                  {v.changeNote}
                </Text>
              ) : null}
            </Stack>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function Reader({ v, periodId }: { v: VersionDetail; periodId: string | null }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  return (
    <Paper withBorder p="md" data-testid="regulation-reader">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h3">
            {v.title} — {t('regulations.versionN', { n: v.number })}
          </Title>
          <VersionBadges v={v} />
        </Group>
        <RegulationText
          preamble={v.preamble}
          chapters={v.chapters}
          gap="xs"
          clause={(c) => (
            <ClauseText key={c.id} id={clauseAnchor(c.number)} number={c.number} text={c.text}>
              {periodId ? (
                <>
                  {' '}
                  <AnchorLink
                    to="/t/$tenant/regulations/comment-periods/$periodId"
                    params={{ tenant: slug, periodId }}
                    hash={clauseAnchor(c.number)}
                    size="sm"
                    data-testid="clause-comment-link"
                  >
                    {t('regulations.comments.onClause')}
                  </AnchorLink>
                </>
              ) : null}
            </ClauseText>
          )}
        />
        <Title order={3} size="h4">
          {t('regulations.fineSchedule')}
        </Title>
        {v.fines.length === 0 ? (
          <Text c="dimmed">{t('regulations.noFines')}</Text>
        ) : (
          <FineTable fines={v.fines} anchorOf={clauseAnchor} repeat testId="fine-schedule" />
        )}
      </Stack>
    </Paper>
  );
}

function DiffView({ regulationId, versions }: { regulationId: string; versions: VersionSummary[] }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  // by default the amendment that made the version in force (a draft's changes are read on its comment page)
  const inForce = versions.findIndex((v) => v.inForce);
  const toIndex = inForce > 0 ? inForce : versions.length - 1;
  const [from, setFrom] = useState<string | null>(versions.length > 1 ? versions[toIndex - 1].id : null);
  const [to, setTo] = useState<string | null>(versions.length > 1 ? versions[toIndex].id : null);
  const diff = useDiff(slug, regulationId, from, to);
  if (versions.length < 2) return null;
  const options = versions.map((v) => ({ value: v.id, label: t('regulations.versionN', { n: v.number }) }));
  return (
    <Stack gap="sm" data-testid="regulation-diff">
      <Title order={3}>{t('regulations.compare')}</Title>
      <Group>
        <Select label={t('regulations.from')} data={options} value={from} onChange={setFrom} allowDeselect={false} w={160} />
        <Select label={t('regulations.to')} data={options} value={to} onChange={setTo} allowDeselect={false} w={160} />
      </Group>
      {diff.isError ? <ErrorAlert error={diff.error} /> : null}
      {diff.data ? (
        <Stack gap="xs">
          {diff.data.clauses
            .filter((c) => c.change !== 'unchanged')
            .map((c) => (
              <Card key={c.number} withBorder padding="sm" data-testid={`diff-${c.change}`}>
                <Group gap="xs" mb={4}>
                  <Text fw={700}>{t('regulations.clause', { n: c.number })}</Text>
                  <Badge color={CHANGE_COLOR[c.change]} variant="light">
                    {t(`regulations.change.${c.change}`)}
                  </Badge>
                  {c.change === 'moved' ? (
                    <Text size="sm" c="dimmed">
                      {t('regulations.chapter', { n: c.fromChapter })} → {t('regulations.chapter', { n: c.toChapter })}
                    </Text>
                  ) : null}
                </Group>
                {c.before !== null && c.change !== 'moved' ? (
                  <Text size="sm" td={c.change === 'removed' || c.change === 'changed' ? 'line-through' : undefined} c="red.9">
                    {c.before}
                  </Text>
                ) : null}
                {c.after !== null ? (
                  <Text size="sm" c={c.change === 'moved' ? undefined : 'teal.9'}>
                    {c.after}
                  </Text>
                ) : null}
              </Card>
            ))}
          {diff.data.clauses.every((c) => c.change === 'unchanged') ? <Text c="dimmed">{t('regulations.noChanges')}</Text> : null}
          {diff.data.fines.some((f) => f.change !== 'unchanged') ? (
            <Table.ScrollContainer minWidth={420}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('regulations.fineSchedule')}</Table.Th>
                    <Table.Th>{t('regulations.enforces')}</Table.Th>
                    <Table.Th ta="right">{t('regulations.before')}</Table.Th>
                    <Table.Th ta="right">{t('regulations.after')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {diff.data.fines
                    .filter((f) => f.change !== 'unchanged')
                    .map((f) => (
                      <Table.Tr key={`${f.clauseNumber}-${f.offence}`}>
                        <Table.Td>
                          {f.offence}{' '}
                          <Badge size="xs" color={CHANGE_COLOR[f.change]} variant="light">
                            {t(`regulations.change.${f.change}`)}
                          </Badge>
                        </Table.Td>
                        <Table.Td>{t('regulations.clause', { n: f.clauseNumber })}</Table.Td>
                        <Table.Td ta="right">{f.beforeSatang === null ? '–' : formatBaht(f.beforeSatang, lang)}</Table.Td>
                        <Table.Td ta="right">{f.afterSatang === null ? '–' : formatBaht(f.afterSatang, lang)}</Table.Td>
                      </Table.Tr>
                    ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
