import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { PublicRegulations } from '../../../../common/schemas/regulations';
import { api } from '../../api/client';
import { formatDate } from '../../ui/dates';
import { useLang } from '../../ui/hooks';
import { PublicItems, PublicPage } from '../../ui/PublicPage';
import { ClauseText, FineTable, RegulationText } from './RegulationText';
import './i18n';

const anchor = (versionId: string, number: string) => `v-${versionId.slice(0, 8)}-clause-${number.replace('/', '-')}`;

/** Adopted community regulations for anyone, no login: the version in force first, then earlier ones. */
export default function PublicRegulationsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const { tenant } = useParams({ from: '/p/$tenant/regulations' });
  const list = useQuery({
    queryKey: ['public', tenant, 'regulations'],
    queryFn: ({ signal }) => api<PublicRegulations>(`/public/${encodeURIComponent(tenant)}/regulations`, { signal }),
  });
  return (
    <PublicPage
      tenant={list.data?.tenant}
      title={t('regulations.publicTitle')}
      subtitle={t('regulations.publicSubtitle')}
      links={
        <Anchor href={`/p/${encodeURIComponent(tenant)}/regulations/comments`} data-testid="public-comments-link">
          {t('regulations.comments.publicLink')}
        </Anchor>
      }
    >
      <PublicItems query={list} empty={t('regulations.empty')}>
        {(items) =>
          items.map((r) => (
            <Paper key={r.id} withBorder p="md" data-testid="public-regulation">
              <Stack gap="sm">
                <Group justify="space-between" wrap="wrap">
                  <Title order={2} size="h3">
                    {r.title} — {t('regulations.versionN', { n: r.version })}
                  </Title>
                  {r.inForce ? (
                    <Badge color="teal" variant="filled">
                      {t('regulations.inForceNow')}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="sm" c="dimmed">
                  {r.adoptedBy} ({formatDate(r.adoptedOn, lang)}) · {t('regulations.effectiveFrom')} {formatDate(r.effectiveFrom, lang, 'long')}
                </Text>
                <RegulationText
                  preamble={r.preamble}
                  chapters={r.chapters}
                  gap={6}
                  clause={(c) => <ClauseText key={c.id} id={anchor(r.id, c.number)} number={c.number} text={c.text} />}
                />
                {r.fines.length ? <FineTable fines={r.fines} anchorOf={(n) => anchor(r.id, n)} caption={t('regulations.fineSchedule')} /> : null}
              </Stack>
            </Paper>
          ))
        }
      </PublicItems>
    </PublicPage>
  );
}
