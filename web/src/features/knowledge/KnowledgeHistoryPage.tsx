import { Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconEye, IconGitCompare } from '@tabler/icons-react';
import { useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KnowledgeVersionSummary } from '../../../../common/schemas/knowledge';
import { clean, type KnowledgeHistorySearch } from '../../context/search';
import { usePermissions, useTenant } from '../../context/tenant';
import { formatDate, formatDateTime } from '../../ui/dates';
import { enumLabel } from '../../ui/enums';
import { ErrorAlert, errorText } from '../../ui/ErrorAlert';
import { Field, FieldGrid } from '../../ui/Fields';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { PageHeader } from '../../ui/PageHeader';
import { PagedList } from '../../ui/ListPage';
import { SectionCard } from '../../ui/SectionCard';
import { useKnowledgeDiff, useKnowledgeItem, useKnowledgeVersion, useKnowledgeVersions, useRestoreVersion } from './api';
import { KnowledgeTypeBadge, RichText, TagList, VersionStamp, VisibilityBadge } from './parts';

import { VersionDiff } from './VersionDiff';
import './i18n';

const VERSIONS_PAGE = 50;

export default function KnowledgeHistoryPage() {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const can = usePermissions();
  const { id } = useParams({ from: '/t/$tenant/knowledge/$id/history' });
  const search = useSearch({ from: '/t/$tenant/knowledge/$id/history' });
  const navigate = useNavigate({ from: '/t/$tenant/knowledge/$id/history' });
  const [page, setPage] = useState(1);
  const item = useKnowledgeItem(slug, id);
  const versions = useKnowledgeVersions(slug, id, page, VERSIONS_PAGE);
  const current = item.data?.version ?? 0;
  const to = search.to ?? current;
  const from = search.from ?? (to > 1 ? to - 1 : null);
  const diff = useKnowledgeDiff(slug, id, from, to || null);
  const [restoring, setRestoring] = useState<KnowledgeVersionSummary | null>(null);
  const set = (patch: Partial<KnowledgeHistorySearch>) => void navigate({ search: (prev) => clean({ ...prev, ...patch }), replace: true });

  if (item.isPending) return <Loading />;
  if (item.isError) return <ErrorAlert error={item.error} />;
  const k = item.data;
  const editable = can.editKnowledge && k.canEdit;
  const versionOptions = Array.from({ length: current }, (_, i) => current - i).map((n) => ({
    value: String(n),
    label: n === current ? t('kversion.optionCurrent', { n }) : t('knowledge.versionN', { n }),
  }));

  function compare(a: number, b: number) {
    set({ from: a, to: b });
    requestAnimationFrame(() => document.getElementById('kh-compare')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  }

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('kversion.titleOf', { title: k.title })}
        subtitle={t('kversion.subtitle', { n: current })}
        actions={
          <AnchorLink to="/t/$tenant/knowledge/$id" params={{ tenant: slug, id }}>
            {t('kversion.backToItem')}
          </AnchorLink>
        }
      />

      <SectionCard id="kh-compare" title={t('kversion.compare')} data-testid="version-compare">
        {current < 2 ? (
          <Text c="dimmed">{t('kversion.onlyOne')}</Text>
        ) : (
          <Stack gap="md">
            <SimpleGrid cols={{ base: 2 }} maw={520}>
              <Select
                label={t('kversion.from')}
                data={versionOptions}
                value={from ? String(from) : null}
                onChange={(v) => v && set({ from: Number(v), to })}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="diff-from"
              />
              <Select
                label={t('kversion.to')}
                data={versionOptions}
                value={to ? String(to) : null}
                onChange={(v) => v && set({ to: Number(v), from: from ?? undefined })}
                allowDeselect={false}
                comboboxProps={{ withinPortal: true }}
                data-testid="diff-to"
              />
            </SimpleGrid>
            {from === to ? (
              <Text c="dimmed">{t('kversion.sameVersion')}</Text>
            ) : diff.isError ? (
              <ErrorAlert error={diff.error} />
            ) : diff.data ? (
              <div style={{ opacity: diff.isPlaceholderData ? 0.6 : 1 }} aria-busy={diff.isFetching}>
                <Text size="sm" c="dimmed" mb="xs">
                  {t('kversion.comparing', { from: diff.data.from, to: diff.data.to })}
                </Text>
                <VersionDiff diff={diff.data} />
              </div>
            ) : (
              <Loading minHeight={80} />
            )}
          </Stack>
        )}
      </SectionCard>

      <SectionCard title={t('kversion.all')}>
        <PagedList
          query={versions}
          page={page}
          pageSize={VERSIONS_PAGE}
          onPage={setPage}
          render={(items) => (
            <Stack component="ol" gap="sm" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="version-list">
              {items.map((v) => (
                <Paper component="li" key={v.version} withBorder radius="md" p="sm" data-testid="version-row">
                  <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
                    <Stack gap={4} style={{ minWidth: 0, flex: '1 1 16rem' }}>
                      <Group gap="xs" wrap="wrap">
                        <Text fw={600}>{t('knowledge.versionN', { n: v.version })}</Text>
                        {v.version === current ? (
                          <Badge color="teal" size="sm">
                            {t('kversion.current')}
                          </Badge>
                        ) : null}
                        {v.restoredFrom ? (
                          <Badge color="violet" variant="light" size="sm">
                            {t('kversion.restoredFrom', { n: v.restoredFrom })}
                          </Badge>
                        ) : null}
                      </Group>
                      <VersionStamp version={v} size="sm" />
                      {v.changed.length ? (
                        <Group gap={4}>
                          <Text size="xs" c="dimmed">
                            {v.version === 1 ? t('kversion.created') : t('kversion.changed')}
                          </Text>
                          {v.version > 1
                            ? v.changed.map((f) => (
                                <Badge key={f} size="xs" color="gray" variant="light">
                                  {t(`kversion.field.${f}`, { defaultValue: f })}
                                </Badge>
                              ))
                            : null}
                        </Group>
                      ) : null}
                    </Stack>
                    <Group gap="xs" wrap="wrap">
                      <Button
                        size="xs"
                        variant="default"
                        leftSection={<IconEye size={14} aria-hidden />}
                        onClick={() => set({ v: v.version })}
                        data-testid="version-view"
                      >
                        {t('kversion.view', { n: v.version })}
                      </Button>
                      {v.version > 1 ? (
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconGitCompare size={14} aria-hidden />}
                          onClick={() => compare(v.version - 1, v.version)}
                        >
                          {t('kversion.comparePrevious', { n: v.version })}
                        </Button>
                      ) : null}
                      {editable && v.version !== current ? (
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconArrowBackUp size={14} aria-hidden />}
                          onClick={() => setRestoring(v)}
                          data-testid="version-restore"
                        >
                          {t('kversion.restore', { n: v.version })}
                        </Button>
                      ) : null}
                    </Group>
                  </Group>
                </Paper>
              ))}
            </Stack>
          )}
        />
      </SectionCard>

      <VersionModal tenant={slug} itemId={id} version={search.v ?? null} current={current} onClose={() => set({ v: undefined })} />
      <RestoreModal
        tenant={slug}
        itemId={id}
        version={restoring}
        onClose={() => setRestoring(null)}
        onDone={(n) => set({ from: current, to: n, v: undefined })}
      />
    </Stack>
  );
}

/** One version as it was. Its body HTML is rendered and sanitised by the server (see RichText). */
function VersionModal({
  tenant,
  itemId,
  version,
  current,
  onClose,
}: {
  tenant: string;
  itemId: string;
  version: number | null;
  current: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const desktop = useIsDesktop();
  const q = useKnowledgeVersion(tenant, itemId, version);
  const v = q.data;
  return (
    <Modal
      opened={!!version}
      onClose={onClose}
      size="xl"
      fullScreen={!desktop}
      title={version ? (version === current ? t('kversion.optionCurrent', { n: version }) : t('knowledge.versionN', { n: version })) : ''}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="version-modal"
    >
      {q.isError ? <ErrorAlert error={q.error} /> : null}
      {!v ? (
        q.isPending && version ? (
          <Loading />
        ) : null
      ) : (
        <Stack gap="md">
          <Title order={2} size="h3" className="break-words">
            {v.title}
          </Title>
          <Group gap={6}>
            <KnowledgeTypeBadge type={v.type} />
            <VisibilityBadge visibility={v.visibility} />
          </Group>
          <Text size="sm" c="dimmed">
            {formatDateTime(v.createdAt, lang)}
            {v.editedBy ? ` · ${v.editedBy}` : ''}
            {v.note ? ` · ${v.note}` : ''}
          </Text>
          {v.summary ? <Text className="break-words">{v.summary}</Text> : null}
          <FieldGrid>
            <Field label={t('knowledge.publishedOn')}>{formatDate(v.publishedOn, lang, 'long')}</Field>
            <Field label={t('knowledge.networks')}>{v.networks.map((n) => n.name).join(', ')}</Field>
            <Field label={t('knowledge.partiesLabel')}>
              {v.parties.length ? v.parties.map((p) => `${p.name ?? '—'} (${enumLabel(t, 'knowledgePartyRole', p.role)})`).join(', ') : null}
            </Field>
            <Field label={t('knowledge.tags')}>{v.tags.length ? <TagList tags={v.tags} /> : null}</Field>
          </FieldGrid>
          <Paper withBorder radius="md" p="md">
            {v.bodyHtml ? <RichText html={v.bodyHtml} testId="version-body" /> : <Text c="dimmed">{t('knowledge.noBody')}</Text>}
          </Paper>
        </Stack>
      )}
    </Modal>
  );
}

function RestoreModal({
  tenant,
  itemId,
  version,
  onClose,
  onDone,
}: {
  tenant: string;
  itemId: string;
  version: KnowledgeVersionSummary | null;
  onClose: () => void;
  onDone: (newVersion: number) => void;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const restore = useRestoreVersion(tenant, itemId);
  const [note, setNote] = useState('');
  const close = () => {
    setNote('');
    restore.reset();
    onClose();
  };
  return (
    <Modal opened={!!version} onClose={close} title={t('kversion.restoreTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      {version ? (
        <Stack gap="md">
          <Text>{t('kversion.restoreConfirm', { n: version.version, date: formatDateTime(version.createdAt, lang) })}</Text>
          <Textarea
            label={t('kversion.note')}
            description={t('kversion.restoreNoteHint')}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={500}
            autosize
            minRows={2}
          />
          {restore.isError ? (
            <Text c="red.9" role="alert">
              {errorText(restore.error, t)}
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={restore.isPending}
              leftSection={<IconArrowBackUp size={16} aria-hidden />}
              data-testid="confirm-restore"
              onClick={() =>
                restore.mutate(
                  { version: version.version, note: note.trim() || null },
                  {
                    onSuccess: (d) => {
                      notifications.show({ color: 'teal', message: t('kversion.restored', { n: version.version, v: d.version }) });
                      onDone(d.version);
                      close();
                    },
                  },
                )
              }
            >
              {t('kversion.restoreAction')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
