import { Anchor, type MantineSpacing, Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { chapter, clause, fine } from '../../../../common/schemas/regulations';
import { formatBaht } from '../../../../common/thai/money';
import { useLang } from '../../ui/hooks';
import './i18n';

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

/** "ข้อ 3 …", with its anchor where links land on it (a fine's "enforces", a comment's link), and what follows it. */
export function ClauseText({ id, number, text, children }: { id?: string; number: string; text: string; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Text id={id} style={id ? { scrollMarginTop: 80 } : undefined}>
      <Text span fw={700}>
        {t('regulations.clause', { n: number })}
      </Text>{' '}
      {text}
      {children}
    </Text>
  );
}

type Fine = z.infer<typeof fine>;

/** The fine schedule: offence, the clause it enforces (a link to it), the fine and, on the officers' page, the repeat fine. */
export function FineTable({
  fines,
  anchorOf,
  repeat,
  caption,
  testId,
}: {
  fines: (Omit<Fine, 'repeatAmountSatang'> & Partial<Pick<Fine, 'repeatAmountSatang'>>)[];
  anchorOf: (clauseNumber: string) => string;
  /** Show the repeat offence's fine. */
  repeat?: boolean;
  caption?: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <Table.ScrollContainer minWidth={repeat ? 480 : 420}>
      <Table striped data-testid={testId}>
        {caption ? <Table.Caption>{caption}</Table.Caption> : null}
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('regulations.offence')}</Table.Th>
            <Table.Th>{t('regulations.enforces')}</Table.Th>
            <Table.Th ta="right">{t('regulations.fine')}</Table.Th>
            {repeat ? <Table.Th ta="right">{t('regulations.repeatFine')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {fines.map((f) => (
            <Table.Tr key={f.id}>
              <Table.Td>{f.offence}</Table.Td>
              <Table.Td>
                <Anchor href={`#${anchorOf(f.clauseNumber)}`}>{t('regulations.clause', { n: f.clauseNumber })}</Anchor>
              </Table.Td>
              <Table.Td ta="right">{formatBaht(f.amountSatang, lang)}</Table.Td>
              {repeat ? <Table.Td ta="right">{f.repeatAmountSatang == null ? '–' : formatBaht(f.repeatAmountSatang, lang)}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
