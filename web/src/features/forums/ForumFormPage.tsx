import { blankToNull } from '../../ui/format';
import { Button, Grid, Input, MultiSelect, NumberInput, Paper, SegmentedControl, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ForumDetail, type ForumParticipantRole, forumCreate } from '../../../../common/schemas/knowledge';
import { usePermissions, useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { formatNumber } from '../../ui/format';
import { EnumSelect } from '../../ui/EnumSelect';
import { FormActions } from '../../ui/FormActions';
import { formRows, newRowKey, RemoveRowButton } from '../../ui/FormRows';
import { focusFirstError } from '../../ui/focusError';
import { useLang } from '../../ui/hooks';
import { FORUM_ROLE_LIST } from '../../ui/knowledgeEnums';
import { NewOrLoaded } from '../../ui/NewOrLoaded';
import { NetworkSelect } from '../../ui/NetworkSelect';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { PartySelect } from '../partners';
import { zodFieldErrors } from '../../ui/zodErrors';
import { useKnowledgeList } from '../knowledge';
import { useCreateForum, useForum, useUpdateForum } from './api';
import { NoPermission } from '../../ui/NoPermission';
import { collapseArrayPaths, useServerErrors } from '../../ui/serverErrors';
import './i18n';

interface ParticipantRow {
  key: number;
  kind: 'network' | 'party';
  id: string | null;
  name: string | null;
  role: ForumParticipantRole;
  headCount: number;
  note: string;
}

interface Values {
  title: string;
  description: string;
  heldOn: string | null;
  endOn: string | null;
  place: string;
  hostNetworkId: string | null;
  topics: string[];
  otherHeadCount: number;
  participants: ParticipantRow[];
  itemIds: string[];
}

function toBody(v: Values) {
  return {
    title: v.title.trim(),
    description: blankToNull(v.description),
    heldOn: v.heldOn ?? '',
    endOn: v.endOn || null,
    place: blankToNull(v.place),
    hostNetworkId: v.hostNetworkId || null,
    topics: v.topics.map((x) => x.trim()).filter(Boolean),
    otherHeadCount: v.otherHeadCount || 0,
    participants: v.participants
      .filter((p) => p.id)
      .map((p) => ({
        networkId: p.kind === 'network' ? p.id : null,
        partyId: p.kind === 'party' ? p.id : null,
        role: p.role,
        headCount: p.headCount || 0,
        note: blankToNull(p.note),
      })),
    itemIds: v.itemIds,
  };
}

export default function ForumFormPage() {
  const { id } = useParams({ strict: false }) as { id?: string };
  const { slug } = useTenant();
  const q = useForum(slug, id ?? '');
  return (
    <NewOrLoaded id={id} query={q}>
      {(forum) => <ForumForm key={forum?.id} forum={forum} />}
    </NewOrLoaded>
  );
}

function ForumForm({ forum }: { forum?: ForumDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { slug } = useTenant();
  const can = usePermissions();
  const navigate = useNavigate();
  const create = useCreateForum(slug);
  const update = useUpdateForum(slug, forum?.id ?? '');
  const mutation = forum ? update : create;

  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      title: forum?.title ?? '',
      description: forum?.description ?? '',
      heldOn: forum?.heldOn ?? null,
      endOn: forum?.endOn ?? null,
      place: forum?.place ?? '',
      hostNetworkId: forum?.hostNetwork?.id ?? null,
      topics: forum?.topics ?? [],
      otherHeadCount: forum?.otherHeadCount ?? 0,
      participants:
        forum?.participants.map((p) => ({
          key: newRowKey(),
          kind: p.network ? 'network' : 'party',
          id: p.network?.id ?? p.party?.id ?? null,
          name: p.network?.name ?? p.party?.name ?? null,
          role: p.role,
          headCount: p.headCount,
          note: p.note ?? '',
        })) ?? [],
      itemIds: forum?.items.map((i) => i.id) ?? [],
    },
    validate: (v) => {
      const errs = zodFieldErrors(forumCreate, toBody(v), t);
      if (!v.heldOn) errs.heldOn = t('validation.required');
      if (v.heldOn && v.endOn && v.endOn < v.heldOn) errs.endOn = t('validation.end_before_start');
      return errs;
    },
  });
  const server = useServerErrors(form, collapseArrayPaths);

  const rows = form.values.participants;
  const participants = formRows(rows, (next) => form.setFieldValue('participants', next));
  const setRow = participants.update;
  const listed = rows.reduce((s, p) => s + (p.id ? p.headCount || 0 : 0), 0);
  const total = listed + (form.values.otherHeadCount || 0);

  function onSubmit(v: Values) {
    server.clear();
    const onError = server.onError;
    const go = (forumId: string) => void navigate({ to: '/t/$tenant/forums/$id', params: { tenant: slug, id: forumId } });
    if (forum) {
      update.mutate(toBody(v), {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('forums.saved') });
          go(forum.id);
        },
        onError,
      });
    } else {
      create.mutate(toBody(v), {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', message: t('forums.created') });
          go(created.id);
        },
        onError,
      });
    }
  }

  // a role that cannot save sees why, not a form it cannot use (the server refuses the write anyway)
  if (!can.editForum) return <NoPermission title={forum ? t('forums.editTitle', { name: forum.title }) : t('forums.newTitle')} />;

  return (
    <Stack gap="md" maw={1000}>
      <PageHeader title={forum ? t('forums.editTitle', { name: forum.title }) : t('forums.newTitle')} />
      <form onSubmit={form.onSubmit(onSubmit, () => focusFirstError())} noValidate data-testid="forum-form">
        <Stack gap="md">
          <SectionCard title={t('forum.details')}>
            <Stack>
              <TextInput label={t('forum.title')} required maxLength={300} {...form.getInputProps('title')} data-testid="forum-title" />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <DateField
                  label={t('forum.heldOn')}
                  required
                  value={form.values.heldOn}
                  onChange={(v) => form.setFieldValue('heldOn', v)}
                  error={form.errors.heldOn}
                  clearable={false}
                  data-testid="forum-held-on"
                />
                <DateField
                  label={t('forum.endOn')}
                  description={t('forum.endOnHint')}
                  value={form.values.endOn}
                  onChange={(v) => form.setFieldValue('endOn', v)}
                  error={form.errors.endOn}
                  minDate={form.values.heldOn ?? undefined}
                />
                <TextInput label={t('forum.place')} maxLength={300} {...form.getInputProps('place')} data-testid="forum-place" />
                <NetworkSelect
                  label={t('forum.hostNetwork')}
                  value={form.values.hostNetworkId}
                  onChange={(id) => form.setFieldValue('hostNetworkId', id)}
                  known={forum?.hostNetwork ? [forum.hostNetwork] : undefined}
                  error={form.errors.hostNetworkId}
                  testId="forum-host"
                />
              </SimpleGrid>
              <TagsInput
                label={t('forum.topics')}
                description={t('forum.topicsHint')}
                maxTags={30}
                clearable
                {...form.getInputProps('topics')}
                data-testid="forum-topics"
              />
              <Textarea label={t('forum.description')} autosize minRows={3} maxRows={12} maxLength={4000} {...form.getInputProps('description')} />
            </Stack>
          </SectionCard>

          <SectionCard
            title={t('forum.participants')}
            description={t('forum.totalPeople', { n: formatNumber(total, lang) })}
            actions={
              <Button
                variant="light"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                onClick={() => participants.add({ kind: 'network', id: null, name: null, role: 'participant', headCount: 0, note: '' })}
                data-testid="forum-add-participant"
              >
                {t('forum.addParticipant')}
              </Button>
            }
          >
            {form.errors.participants ? (
              <Text c="red.9" size="sm" mb="xs" role="alert">
                {form.errors.participants}
              </Text>
            ) : null}
            <Stack gap="sm">
              {rows.length === 0 ? (
                <Text c="dimmed" size="sm">
                  {t('forum.noParticipantsYet')}
                </Text>
              ) : null}
              {rows.map((p, i) => (
                <Paper
                  key={p.key}
                  withBorder
                  radius="md"
                  p="sm"
                  role="group"
                  aria-label={t('forum.participantN', { n: i + 1 })}
                  data-testid="forum-participant"
                >
                  <Grid gap="sm" align="flex-end">
                    <Grid.Col span={{ base: 10, sm: 6, md: 3 }}>
                      <Input.Wrapper label={t('forum.participantKind')} id={`fp-kind-${p.key}`} labelElement="div">
                        <SegmentedControl
                          fullWidth
                          value={p.kind}
                          onChange={(k) => setRow(p.key, { kind: k as ParticipantRow['kind'], id: null, name: null })}
                          data={[
                            { value: 'network', label: t('forum.kindNetwork') },
                            { value: 'party', label: t('forum.kindPartner') },
                          ]}
                          role="radiogroup"
                          aria-labelledby={`fp-kind-${p.key}-label`}
                        />
                      </Input.Wrapper>
                    </Grid.Col>
                    <Grid.Col span={{ base: 2, sm: 6, md: 1 }} order={{ base: 2, md: 6 }} style={{ display: 'flex', justifyContent: 'flex-end' }}>
                      <RemoveRowButton label={t('forum.removeParticipant', { n: i + 1 })} onClick={() => participants.remove(p.key)} />
                    </Grid.Col>
                    <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 3, md: 2 }}>
                      {p.kind === 'network' ? (
                        <NetworkSelect
                          label={t('forum.participantN', { n: i + 1 })}
                          value={p.id}
                          onChange={(id) => setRow(p.key, { id })}
                          known={p.id && p.name ? [{ id: p.id, name: p.name }] : undefined}
                        />
                      ) : (
                        <PartySelect
                          label={t('forum.participantN', { n: i + 1 })}
                          value={p.id}
                          initial={p.id && p.name ? { id: p.id, name: p.name } : null}
                          onChange={(id, party) => setRow(p.key, { id, name: party?.name ?? null })}
                        />
                      )}
                    </Grid.Col>
                    <Grid.Col span={{ base: 6, md: 2 }} order={{ base: 4, md: 3 }}>
                      <EnumSelect
                        label={t('forum.role')}
                        enumName="forumRole"
                        values={FORUM_ROLE_LIST}
                        value={p.role}
                        onChange={(r) => r && setRow(p.key, { role: r as ForumParticipantRole })}
                      />
                    </Grid.Col>
                    <Grid.Col span={{ base: 6, md: 2 }} order={{ base: 5, md: 4 }}>
                      <NumberInput
                        label={t('forum.headCountOf')}
                        min={0}
                        max={100000}
                        value={p.headCount}
                        onChange={(n) => setRow(p.key, { headCount: typeof n === 'number' ? n : 0 })}
                        allowDecimal={false}
                        allowNegative={false}
                        thousandSeparator=","
                      />
                    </Grid.Col>
                    <Grid.Col span={12} order={7}>
                      <TextInput
                        aria-label={t('forum.noteFor', { n: i + 1 })}
                        placeholder={t('forum.notePlaceholder')}
                        value={p.note}
                        maxLength={300}
                        size="xs"
                        onChange={(e) => setRow(p.key, { note: e.currentTarget.value })}
                      />
                    </Grid.Col>
                  </Grid>
                </Paper>
              ))}
            </Stack>
            <NumberInput
              mt="md"
              maw={280}
              label={t('forum.otherHeadCount')}
              description={t('forum.otherHeadCountHint')}
              min={0}
              max={100000}
              allowDecimal={false}
              allowNegative={false}
              thousandSeparator=","
              {...form.getInputProps('otherHeadCount')}
            />
          </SectionCard>

          <SectionCard title={t('forum.items')}>
            <KnowledgeMultiSelect
              value={form.values.itemIds}
              onChange={(ids) => form.setFieldValue('itemIds', ids)}
              known={forum?.items ?? []}
              error={form.errors.itemIds}
            />
            {forum ? (
              <Text size="xs" c="dimmed" mt={4}>
                {t('forum.itemsHiddenNote')}
              </Text>
            ) : null}
          </SectionCard>

          {forum ? (
            <Text size="sm" c="dimmed">
              {t('forum.photosAfterSave')}
            </Text>
          ) : (
            <Text size="sm" c="dimmed">
              {t('forum.photosAfterCreate')}
            </Text>
          )}

          <FormActions
            error={server.error}
            onCancel={() =>
              forum
                ? void navigate({ to: '/t/$tenant/forums/$id', params: { tenant: slug, id: forum.id } })
                : void navigate({ to: '/t/$tenant/forums', params: { tenant: slug } })
            }
            saving={mutation.isPending}
            submitLabel={forum ? t('common.save') : t('forums.create')}
            disabled={!can.editForum}
            submitTestId="forum-submit"
          />
        </Stack>
      </form>
    </Stack>
  );
}

/** Knowledge items picked by title through the server's search (the library may hold thousands). */
function KnowledgeMultiSelect({
  value,
  onChange,
  known,
  error,
}: {
  value: string[];
  onChange: (ids: string[]) => void;
  known: { id: string; title: string }[];
  error?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [labels, setLabels] = useState(() => new Map(known.map((k) => [k.id, k.title])));
  const res = useKnowledgeList(slug, { q: debounced || undefined, pageSize: 20, sort: debounced ? 'relevance' : '-publishedOn' });
  const data = useMemo(() => {
    const map = new Map<string, string>();
    for (const id of value) map.set(id, labels.get(id) ?? id);
    for (const k of res.data?.items ?? []) map.set(k.id, k.title);
    return [...map].map(([v, label]) => ({ value: v, label }));
  }, [res.data, value, labels]);
  return (
    <MultiSelect
      label={t('forum.itemsPick')}
      description={t('forum.itemsHint')}
      error={error}
      data={data}
      value={value}
      onChange={(ids) => {
        setLabels((m) => {
          const next = new Map(m);
          for (const d of data) if (ids.includes(d.value)) next.set(d.value, d.label);
          return next;
        });
        onChange(ids);
      }}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      clearable
      clearButtonProps={{ 'aria-label': t('common.clearSelection') }}
      nothingFoundMessage={res.isFetching ? t('common.loading') : t('common.nothingFound')}
      leftSection={<IconSearch size={16} aria-hidden />}
      comboboxProps={{ withinPortal: true }}
      maxDropdownHeight={300}
      hidePickedOptions
      data-testid="forum-items"
    />
  );
}
