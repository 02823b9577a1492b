import { Badge, Box, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiffLine, DiffPart, KnowledgeDiff } from '../../../../common/schemas/knowledge';
import { formatDate } from '../../ui/dates';
import { enumLabel } from '../../ui/enums';
import { formatNumber } from '../../ui/format';
import { useIsDesktop, useLang } from '../../ui/hooks';
import './i18n';

/** Inline word-level changes: removed words struck through in red, added words underlined in green. */
export function DiffParts({ parts }: { parts: DiffPart[] }) {
  const { t } = useTranslation();
  return (
    <>
      {parts.map((p, i) =>
        p.op === 'equal' ? (
          <Fragment key={i}>{p.text}</Fragment>
        ) : p.op === 'added' ? (
          <ins key={i} className="diff-ins">
            <VisuallyHidden>{t('kversion.addedText')} </VisuallyHidden>
            {p.text}
          </ins>
        ) : (
          <del key={i} className="diff-del">
            <VisuallyHidden>{t('kversion.removedText')} </VisuallyHidden>
            {p.text}
          </del>
        ),
      )}
    </>
  );
}

function fieldValue(t: TFunction, lang: 'th' | 'en', field: string, v: unknown): ReactNode {
  if (v === null || v === undefined || v === '') return <Text c="dimmed">—</Text>;
  if (Array.isArray(v)) {
    if (!v.length) return <Text c="dimmed">—</Text>;
    return (
      <Group gap={4}>
        {v.map((x, i) => (
          <Badge key={i} color="gray" variant="light" tt="none" style={{ maxWidth: '100%' }} className="break-words">
            {field === 'parties' ? partyLabel(t, String(x)) : String(x)}
          </Badge>
        ))}
      </Group>
    );
  }
  if (field === 'type') return enumLabel(t, 'knowledgeType', String(v));
  if (field === 'visibility') return enumLabel(t, 'visibility', String(v));
  if (field === 'publishedOn') return formatDate(String(v), lang, 'long');
  return String(v);
}

/** "ชื่อ (author)" from the server → "ชื่อ (ผู้เขียน)". */
function partyLabel(t: TFunction, s: string): string {
  const m = /^(.*) \((author|contributor)\)$/.exec(s);
  return m ? `${m[1]} (${enumLabel(t, 'knowledgePartyRole', m[2])})` : s;
}

type Block = { kind: 'line'; line: DiffLine } | { kind: 'fold'; id: number; lines: DiffLine[] } | { kind: 'gap' };

const CONTEXT = 3;

/**
 * A changed line whose words mostly changed reads better as the old line and the new line than as a word
 * salad: keep word-level marks only when at least half of the text stayed.
 */
function splitHeavyChanges(lines: DiffLine[]): DiffLine[] {
  return lines.flatMap((l): DiffLine[] => {
    if (l.op !== 'changed' || !l.parts) return [l];
    const same = l.parts.filter((p) => p.op === 'equal').reduce((n, p) => n + p.text.trim().length, 0);
    const longest = Math.max((l.oldText ?? '').trim().length, (l.newText ?? '').trim().length, 1);
    if (same / longest >= 0.5) return [l];
    return [
      { op: 'removed', oldLine: l.oldLine, newLine: null, oldText: l.oldText, newText: null, parts: null },
      { op: 'added', oldLine: null, newLine: l.newLine, oldText: null, newText: l.newText, parts: null },
    ];
  });
}

/** Long unchanged runs fold to three lines of context on each side; a jump in line numbers (shortened by the server) shows a gap. */
function toBlocks(lines: DiffLine[], open: Set<number>): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  let prev: DiffLine | null = null;
  while (i < lines.length) {
    const line = lines[i];
    if (prev && line.oldLine && prev.oldLine && line.oldLine > prev.oldLine + 1) blocks.push({ kind: 'gap' });
    if (line.op !== 'equal') {
      blocks.push({ kind: 'line', line });
      prev = line;
      i++;
      continue;
    }
    let j = i;
    while (j < lines.length && lines[j].op === 'equal') j++;
    const run = lines.slice(i, j);
    const atStart = i === 0;
    const atEnd = j === lines.length;
    const keepHead = atStart ? 0 : CONTEXT;
    const keepTail = atEnd ? 0 : CONTEXT;
    if (run.length > keepHead + keepTail + 1 && !open.has(i)) {
      run.slice(0, keepHead).forEach((l) => blocks.push({ kind: 'line', line: l }));
      blocks.push({ kind: 'fold', id: i, lines: run.slice(keepHead, run.length - keepTail) });
      run.slice(run.length - keepTail).forEach((l) => blocks.push({ kind: 'line', line: l }));
    } else {
      run.forEach((l) => blocks.push({ kind: 'line', line: l }));
    }
    prev = run[run.length - 1];
    i = j;
  }
  return blocks;
}

const LINE_BG: Record<DiffLine['op'], string | undefined> = {
  equal: undefined,
  added: 'var(--mantine-color-green-0)',
  removed: 'var(--mantine-color-red-0)',
  changed: 'var(--mantine-color-yellow-0)',
};
const SIGN: Record<DiffLine['op'], string> = { equal: ' ', added: '+', removed: '−', changed: '±' };
const SIGN_CLASS: Record<DiffLine['op'], string | undefined> = {
  equal: undefined,
  added: 'diff-added-text',
  removed: 'diff-removed-text',
  changed: 'diff-changed-text',
};

function BodyDiff({ lines }: { lines: DiffLine[] }) {
  const { t } = useTranslation();
  const desktop = useIsDesktop();
  const [open, setOpen] = useState<Set<number>>(new Set());
  const blocks = toBlocks(splitHeavyChanges(lines), open);
  const cols = desktop ? '3em 3em 1.5em minmax(0, 1fr)' : '1.5em minmax(0, 1fr)';
  return (
    <Box
      role="list"
      aria-label={t('kversion.bodyChanges')}
      style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, overflow: 'hidden' }}
      data-testid="diff-body"
    >
      {blocks.map((b, i) => {
        if (b.kind === 'gap') {
          return (
            <Text key={`g${i}`} role="listitem" size="xs" c="dimmed" ta="center" py={2} bg="gray.0">
              ⋯
            </Text>
          );
        }
        if (b.kind === 'fold') {
          return (
            <Box key={`f${b.id}`} role="listitem" bg="gray.0" ta="center" py={2}>
              <Button variant="subtle" size="compact-xs" onClick={() => setOpen((s) => new Set(s).add(b.id))}>
                {t('kversion.showUnchanged', { count: b.lines.length })}
              </Button>
            </Box>
          );
        }
        const l = b.line;
        const text =
          l.op === 'changed' && l.parts ? (
            <DiffParts parts={l.parts} />
          ) : l.op === 'added' ? (
            <ins className="diff-ins" style={{ textDecoration: 'none', background: 'none' }}>
              {l.newText}
            </ins>
          ) : l.op === 'removed' ? (
            <del className="diff-del" style={{ background: 'none' }}>
              {l.oldText}
            </del>
          ) : (
            l.newText
          );
        return (
          <Box
            key={`l${i}`}
            role="listitem"
            style={{ display: 'grid', gridTemplateColumns: cols, columnGap: 6, background: LINE_BG[l.op], padding: '1px 6px', minHeight: '1.6em' }}
            data-op={l.op}
          >
            {desktop ? (
              <>
                <Text size="xs" c="dimmed" ta="right" aria-hidden>
                  {l.oldLine ?? ''}
                </Text>
                <Text size="xs" c="dimmed" ta="right" aria-hidden>
                  {l.newLine ?? ''}
                </Text>
              </>
            ) : null}
            <Text size="sm" fw={700} aria-hidden className={SIGN_CLASS[l.op]} c={l.op === 'equal' ? 'dimmed' : undefined}>
              {SIGN[l.op]}
            </Text>
            <Text size="sm" className="break-words" style={{ whiteSpace: 'pre-wrap' }}>
              {l.op !== 'equal' ? <VisuallyHidden>{t(`kversion.lineOp.${l.op}`)} </VisuallyHidden> : null}
              {text || '\u00a0'}
            </Text>
          </Box>
        );
      })}
    </Box>
  );
}

/** The differences between two versions: changed fields, then the body line by line. */
export function VersionDiff({ diff }: { diff: KnowledgeDiff }) {
  const { t } = useTranslation();
  const lang = useLang();
  const bodyChanged = diff.bodyStats.added > 0 || diff.bodyStats.removed > 0;
  // the body is compared line by line below the other fields, but it is a changed field too
  const changedFields = diff.fields.length + (bodyChanged ? 1 : 0);
  return (
    <Stack gap="md" data-testid="version-diff">
      <Group gap="md">
        <Text size="sm" fw={600} className="diff-added-text">
          {t('kversion.linesAdded', { count: diff.bodyStats.added, n: formatNumber(diff.bodyStats.added, lang) })}
        </Text>
        <Text size="sm" fw={600} className="diff-removed-text">
          {t('kversion.linesRemoved', { count: diff.bodyStats.removed, n: formatNumber(diff.bodyStats.removed, lang) })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('kversion.fieldsChanged', { count: changedFields, n: formatNumber(changedFields, lang) })}
        </Text>
      </Group>

      {diff.fields.length ? (
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('kversion.fieldChanges')}
          </Title>
          {diff.fields.map((f) => (
            <Paper key={f.field} withBorder radius="md" p="sm">
              <Text size="sm" fw={600} mb={4}>
                {t(`kversion.field.${f.field}`, { defaultValue: f.field })}
              </Text>
              {f.parts ? (
                <Text className="break-words">
                  <DiffParts parts={f.parts} />
                </Text>
              ) : (
                <Box style={{ display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: 8, rowGap: 4 }}>
                  <Text size="sm" className="diff-removed-text">
                    {t('kversion.before')}
                  </Text>
                  <Box className="break-words">{fieldValue(t, lang, f.field, f.before)}</Box>
                  <Text size="sm" className="diff-added-text">
                    {t('kversion.after')}
                  </Text>
                  <Box className="break-words">{fieldValue(t, lang, f.field, f.after)}</Box>
                </Box>
              )}
            </Paper>
          ))}
        </Stack>
      ) : null}

      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('kversion.bodyChanges')}
        </Title>
        {bodyChanged ? <BodyDiff lines={diff.body} /> : <Text c="dimmed">{t('kversion.bodySame')}</Text>}
      </Stack>
    </Stack>
  );
}
