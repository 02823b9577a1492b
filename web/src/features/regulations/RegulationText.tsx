import { type MantineSpacing, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { chapter, clause } from '../../../../common/schemas/regulations';

type Chapter = z.infer<typeof chapter>;
type Clause = z.infer<typeof clause>;

/**
 * A regulation's text: the preamble, then each chapter (หมวด) under its centred heading with its clauses (ข้อ), each
 * drawn by the page — plain on the published pages, with the comments beside it on a comment period's.
 */
export function RegulationText({
  preamble,
  chapters,
  gap,
  clause,
}: {
  preamble: string | null | undefined;
  chapters: Chapter[];
  /** The space between a chapter's heading and clauses. */
  gap: MantineSpacing | number;
  clause: (c: Clause) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      {preamble ? <Text>{preamble}</Text> : null}
      {chapters.map((ch) => (
        <Stack key={ch.number} gap={gap}>
          <Title order={3} size="h4" ta="center">
            {t('regulations.chapter', { n: ch.number })} {ch.title}
          </Title>
          {ch.clauses.map(clause)}
        </Stack>
      ))}
    </>
  );
}

/** "ข้อ 3 …" with its anchor (a fine's "enforces" link and a comment's link land on it), and what follows it. */
export function ClauseText({ id, number, text, children }: { id: string; number: string; text: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Text id={id} style={{ scrollMarginTop: 80 }}>
      <Text span fw={700}>
        {t('regulations.clause', { n: number })}
      </Text>{' '}
      {text}
      {children}
    </Text>
  );
}
