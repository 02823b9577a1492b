import { blankToNull } from '../../ui/format';
import { Alert, Button, Card, Group, Paper, SimpleGrid, Stack, Tabs, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconEye, IconPencil, IconPlus } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type KnowledgeDetail,
  type KnowledgePartyRole,
  type KnowledgeType,
  type KnowledgeVisibility,
  knowledgeCreate,
} from '../../../../common/schemas/knowledge';
import { isApiError } from '../../api/client';
import { usePermissions, useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { formatDateTime, todayIso } from '../../ui/dates';
import { EnumSelect } from '../../ui/EnumSelect';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { FormActions } from '../../ui/FormActions';
import { formRows, newRowKey, RemoveRowButton } from '../../ui/FormRows';
import { focusFirstError } from '../../ui/focusError';
import { useLang } from '../../ui/hooks';
import { KNOWLEDGE_TYPE_LIST, PARTY_ROLE_LIST, VISIBILITY_LIST } from '../../ui/knowledgeEnums';
import { AnchorLink } from '../../ui/links';
import { Loading } from '../../ui/Loading';
import { NetworkMultiSelect } from '../../ui/NetworkSelect';
import { NewOrLoaded } from '../../ui/NewOrLoaded';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { PartySelect } from '../partners';
import { zodFieldErrors } from '../../ui/zodErrors';
import { fetchLatestItem, useCreateKnowledge, useKnowledgeItem, useMarkdownPreview, useUpdateKnowledge } from './api';
import { RichText } from './parts';
import { NoPermission } from '../../ui/NoPermission';
import { collapseArrayPaths, useServerErrors } from '../../ui/serverErrors';
import './i18n';

interface PartyRow {
  key: number;
  partyId: string | null;
  name: string | null;
  role: KnowledgePartyRole;
}

interface Values {
  title: string;
  summary: string;
  body: string;
  type: KnowledgeType | null;
  tags: string[];
  networkIds: string[];
  parties: PartyRow[];
  visibility: KnowledgeVisibility;
  publishedOn: string | null;
  note: string;
}

function toBody(v: Values) {
  return {
    title: v.title.trim(),
    summary: blankToNull(v.summary),
    body: v.body,
    type: (v.type ?? undefined) as KnowledgeType,
    tags: v.tags.map((x) => x.trim()).filter(Boolean),
    networkIds: v.networkIds,
    parties: v.parties.filter((p) => p.partyId).map((p) => ({ partyId: p.partyId!, role: p.role })),
    visibility: v.visibility,
    publishedOn: v.publishedOn || undefined,
    note: blankToNull(v.note),
  };
}

function valuesOf(item?: KnowledgeDetail): Values {
  return {
    title: item?.title ?? '',
    summary: item?.summary ?? '',
    body: item?.body ?? '',
    type: item?.type ?? null,
    tags: item?.tags ?? [],
    networkIds: item?.networks.map((n) => n.id) ?? [],
    parties: item?.parties.map((p) => ({ key: newRowKey(), partyId: p.party.id, name: p.party.name, role: p.role })) ?? [],
    visibility: item?.visibility ?? 'tenant',
    publishedOn: item?.publishedOn ?? todayIso(),
    note: '',
  };
}

export default function KnowledgeFormPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const { slug } = useTenant();
  const q = useKnowledgeItem(slug, id ?? '', 'edit');
  return (
    <NewOrLoaded id={id} query={q}>
      {(item) => <KnowledgeForm key={item?.id} item={item} />}
    </NewOrLoaded>
  );
}

function KnowledgeForm({ item }: { item?: KnowledgeDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const navigate = useNavigate();
  const create = useCreateKnowledge(slug);
  const update = useUpdateKnowledge(slug, item?.id ?? '');
  const preview = useMarkdownPreview(slug);
  const mutation = item ? update : create;
  const [tab, setTab] = useState<string | null>('write');
  /** The version this edit started from; moves on only when the person chooses to overwrite. */
  const [baseVersion, setBaseVersion] = useState(item?.version ?? 0);
  const [conflict, setConflict] = useState<KnowledgeDetail | null>(null);
  const [loadingLatest, setLoadingLatest] = useState(false);
  const allowed = can.editKnowledge && (item ? item.canEdit : true);

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: valuesOf(item),
    validate: (v) => {
      const errs = zodFieldErrors(knowledgeCreate, toBody(v), t);
      if (!v.type) errs.type = t('validation.required');
      if (v.visibility === 'network' && v.networkIds.length === 0) errs.networkIds = t('knowledge.networkVisibilityNeedsNetwork');
      return errs;
    },
  });
  const server = useServerErrors(form, collapseArrayPaths);

  function showPreview(next: string | null) {
    setTab(next);
    if (next === 'preview') preview.mutate(form.values.body);
  }

  const goToItem = (itemId: string) => void navigate({ to: '/t/$tenant/knowledge/$id', params: { tenant: slug, id: itemId } });

  async function onConflict() {
    if (!item) return;
    setLoadingLatest(true);
    try {
      setConflict(await fetchLatestItem(slug, item.id));
      // the choice is at the top of the form; the person pressed save at the bottom
      requestAnimationFrame(() => document.querySelector('[data-testid="knowledge-conflict"]')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
    } catch (err) {
      server.setError(err);
    } finally {
      setLoadingLatest(false);
    }
  }

  function onSubmit(v: Values) {
    server.clear();
    const onError = (err: unknown) => {
      if (isApiError(err) && err.status === 409) {
        void onConflict();
        return;
      }
      server.onError(err);
    };
    if (item) {
      update.mutate(
        { ...toBody(v), baseVersion },
        {
          onSuccess: (saved) => {
            notifications.show({
              color: 'teal',
              message: saved.version === item.version ? t('knowledge.noChanges') : t('knowledge.saved', { n: saved.version }),
            });
            goToItem(item.id);
          },
          onError,
        },
      );
    } else {
      create.mutate(toBody(v), {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', message: t('knowledge.created') });
          goToItem(created.id);
        },
        onError,
      });
    }
  }

  const partyRows = form.values.parties;
  const parties = formRows(partyRows, (next) => form.setFieldValue('parties', next));

  // a role that cannot save sees why, not a form it cannot use (the server refuses the write anyway)
  if (!allowed) return <NoPermission title={item ? t('knowledge.editTitle', { title: item.title }) : t('knowledge.newTitle')} />;

  return (
    <Stack gap="md" maw={1000}>
      <PageHeader
        title={item ? t('knowledge.editTitle', { title: item.title }) : t('knowledge.newTitle')}
        subtitle={item ? t('knowledge.editingVersion', { n: baseVersion }) : undefined}
      />

      {conflict && item ? (
        <Alert
          color="red"
          variant="light"
          icon={<IconAlertTriangle aria-hidden />}
          title={t('knowledge.conflictTitle')}
          role="alert"
          data-testid="knowledge-conflict"
        >
          <Stack gap="xs">
            <Text size="sm">
              {t('knowledge.conflictText', {
                mine: baseVersion,
                theirs: conflict.version,
                name: conflict.updatedBy ?? t('knowledge.someone'),
                time: formatDateTime(conflict.updatedAt, lang),
              })}
            </Text>
            <Text size="sm">{t('knowledge.conflictKept')}</Text>
            <Group gap="xs" wrap="wrap">
              <AnchorLink
                to="/t/$tenant/knowledge/$id/history"
                params={{ tenant: slug, id: item.id }}
                search={{ from: baseVersion, to: conflict.version }}
                target="_blank"
                rel="noopener"
                size="sm"
              >
                {t('knowledge.conflictSeeChanges')}
              </AnchorLink>
            </Group>
            <Group gap="xs" wrap="wrap">
              <Button
                size="xs"
                color="red"
                onClick={() => {
                  setBaseVersion(conflict.version);
                  setConflict(null);
                  notifications.show({ color: 'orange', message: t('knowledge.conflictWillOverwrite', { n: conflict.version }) });
                }}
                data-testid="conflict-overwrite"
              >
                {t('knowledge.conflictOverwrite')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  form.setValues(valuesOf(conflict));
                  form.resetDirty(valuesOf(conflict));
                  setBaseVersion(conflict.version);
                  setConflict(null);
                }}
                data-testid="conflict-reload"
              >
                {t('knowledge.conflictReload')}
              </Button>
            </Group>
          </Stack>
        </Alert>
      ) : null}

      <form onSubmit={form.onSubmit(onSubmit, () => focusFirstError())} noValidate data-testid="knowledge-form">
        <Stack gap="md">
          <SectionCard title={t('knowledge.details')}>
            <Stack>
              <TextInput label={t('knowledge.titleLabel')} required maxLength={300} {...form.getInputProps('title')} data-testid="knowledge-title" />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <EnumSelect
                  label={t('knowledge.type')}
                  required
                  enumName="knowledgeType"
                  values={KNOWLEDGE_TYPE_LIST}
                  {...form.getInputProps('type')}
                  data-testid="knowledge-type"
                />
                <DateField
                  label={t('knowledge.publishedOn')}
                  value={form.values.publishedOn}
                  onChange={(v) => form.setFieldValue('publishedOn', v)}
                  error={form.errors.publishedOn}
                  clearable={false}
                />
              </SimpleGrid>
              <Textarea
                label={t('knowledge.summary')}
                description={t('knowledge.summaryHint')}
                autosize
                minRows={2}
                maxRows={6}
                maxLength={2000}
                {...form.getInputProps('summary')}
                data-testid="knowledge-summary"
              />
            </Stack>
          </SectionCard>

          <SectionCard title={t('knowledge.body')}>
            <Tabs value={tab} onChange={showPreview} keepMounted={false}>
              <Tabs.List mb="sm">
                <Tabs.Tab value="write" leftSection={<IconPencil size={14} aria-hidden />}>
                  {t('knowledge.write')}
                </Tabs.Tab>
                <Tabs.Tab value="preview" leftSection={<IconEye size={14} aria-hidden />} data-testid="knowledge-preview-tab">
                  {t('knowledge.preview')}
                </Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="write">
                <Textarea
                  label={t('knowledge.bodyLabel')}
                  description={t('knowledge.markdownHint')}
                  autosize
                  minRows={12}
                  maxRows={40}
                  styles={{ input: { fontFamily: 'inherit', lineHeight: 1.7 } }}
                  {...form.getInputProps('body')}
                  data-testid="knowledge-body-input"
                />
              </Tabs.Panel>
              <Tabs.Panel value="preview">
                <Paper withBorder radius="md" p="md" mih={200} aria-live="polite" aria-busy={preview.isPending}>
                  {preview.isPending ? (
                    <Loading minHeight={120} />
                  ) : preview.isError ? (
                    <ErrorAlert error={preview.error} />
                  ) : preview.data?.html ? (
                    <RichText html={preview.data.html} testId="knowledge-preview" />
                  ) : (
                    <Text c="dimmed">{t('knowledge.noBody')}</Text>
                  )}
                </Paper>
              </Tabs.Panel>
            </Tabs>
          </SectionCard>

          <SectionCard title={t('knowledge.sharing')}>
            <Stack>
              <NetworkMultiSelect
                label={t('knowledge.networks')}
                description={t('knowledge.networksHint')}
                value={form.values.networkIds}
                onChange={(ids) => form.setFieldValue('networkIds', ids)}
                known={item?.networks}
                error={form.errors.networkIds}
                testId="knowledge-networks"
              />
              <EnumSelect
                label={t('knowledge.visibility')}
                description={t(`knowledge.visibilityHint.${form.values.visibility}`)}
                enumName="visibility"
                values={VISIBILITY_LIST}
                {...form.getInputProps('visibility')}
                data-testid="knowledge-visibility"
              />
              <TagsInput
                label={t('knowledge.tags')}
                description={t('knowledge.tagsHint')}
                maxTags={30}
                clearable
                {...form.getInputProps('tags')}
                data-testid="knowledge-tags"
              />
            </Stack>
          </SectionCard>

          <SectionCard
            title={t('knowledge.partiesLabel')}
            actions={
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => parties.add({ partyId: null, name: null, role: partyRows.length ? 'contributor' : 'author' })}
              >
                {t('knowledge.addParty')}
              </Button>
            }
          >
            {partyRows.length === 0 ? (
              <Text c="dimmed" size="sm">
                {t('knowledge.noParties')}
              </Text>
            ) : null}
            <Stack gap="sm">
              {partyRows.map((p, i) => (
                <Group key={p.key} align="flex-end" gap="sm" wrap="wrap">
                  <div style={{ flex: '1 1 16rem', minWidth: 0 }}>
                    <PartySelect
                      label={t('knowledge.partyN', { n: i + 1 })}
                      value={p.partyId}
                      initial={p.partyId && p.name ? { id: p.partyId, name: p.name } : null}
                      onChange={(pid, party) => parties.update(p.key, { partyId: pid, name: party?.name ?? null })}
                      excludeIds={partyRows.filter((x) => x.key !== p.key && x.partyId).map((x) => x.partyId!)}
                      error={i === 0 ? form.errors.parties : undefined}
                    />
                  </div>
                  <EnumSelect
                    label={t('knowledge.partyRole')}
                    enumName="knowledgePartyRole"
                    values={PARTY_ROLE_LIST}
                    value={p.role}
                    onChange={(r) => r && parties.update(p.key, { role: r as KnowledgePartyRole })}
                    w={150}
                  />
                  <RemoveRowButton label={t('knowledge.removeParty', { n: i + 1 })} onClick={() => parties.remove(p.key)} />
                </Group>
              ))}
            </Stack>
          </SectionCard>

          {item ? (
            <Card withBorder radius="md">
              <TextInput
                label={t('kversion.note')}
                description={t('kversion.noteHint')}
                maxLength={500}
                {...form.getInputProps('note')}
                data-testid="knowledge-note"
              />
            </Card>
          ) : null}

          {loadingLatest ? <Loading minHeight={40} /> : null}
          <FormActions
            error={server.error}
            onCancel={() => (item ? goToItem(item.id) : void navigate({ to: '/t/$tenant/knowledge', params: { tenant: slug } }))}
            saving={mutation.isPending}
            submitLabel={item ? t('knowledge.saveVersion') : t('knowledge.create')}
            disabled={!allowed || !!conflict}
            submitTestId="knowledge-submit"
          >
            {item ? (
              <AnchorLink to="/t/$tenant/knowledge/$id" params={{ tenant: slug, id: item.id }} mr="auto" size="sm">
                {t('knowledge.backToItem')}
              </AnchorLink>
            ) : null}
          </FormActions>

          {conflict ? (
            <Text size="sm" c="red.9" ta="right">
              {t('knowledge.conflictChoose')}
            </Text>
          ) : null}
        </Stack>
      </form>
    </Stack>
  );
}
