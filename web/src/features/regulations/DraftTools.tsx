import { Alert, Button, Group, Modal, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionDetail } from '../../../../common/schemas/regulations';
import { formatChapters, formatFines, parseChapters, parseFines } from '../../../../common/thai/regulation-text';
import { isApiError } from '../../api/client';
import { useTenant } from '../../context/tenant';
import { DateField } from '../../ui/DateField';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useIsDesktop } from '../../ui/hooks';
import { errorWithoutFields, fieldErrorsOf } from '../../ui/serverErrors';
import { useRegulationRights, useVersionWrite } from './api';
import './i18n';

/** Officers' tools on a version: amend it as a new draft; edit a draft as text; record a community vote adopting it. */
export function DraftTools({ regulationId, v, onSelect }: { regulationId: string; v: VersionDetail; onSelect: (id: string) => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const rights = useRegulationRights();
  const [editing, setEditing] = useState(false);
  const [voting, setVoting] = useState(false);
  const copy = useVersionWrite<string>(
    slug,
    regulationId,
    'POST',
    () => '/versions',
    (fromVersionId) => ({ fromVersionId }),
  );
  if (!rights.manage) return null;
  return (
    <Group gap="xs">
      <Button
        variant="default"
        size="xs"
        loading={copy.isPending}
        onClick={() => copy.mutate(v.id, { onSuccess: (d) => onSelect(d.id) })}
        data-testid="draft-from-version"
      >
        {t('regulations.draftFrom')}
      </Button>
      {v.status === 'draft' ? (
        <>
          <Button variant="default" size="xs" onClick={() => setEditing(true)} data-testid="draft-edit">
            {t('regulations.editDraft')}
          </Button>
          <Button size="xs" onClick={() => setVoting(true)} data-testid="draft-vote">
            {t('regulations.recordVote')}
          </Button>
        </>
      ) : null}
      {copy.error ? <ErrorAlert error={copy.error} /> : null}
      {editing ? <EditModal regulationId={regulationId} v={v} onClose={() => setEditing(false)} /> : null}
      {voting ? <VoteModal regulationId={regulationId} v={v} onClose={() => setVoting(false)} /> : null}
    </Group>
  );
}

function EditModal({ regulationId, v, onClose }: { regulationId: string; v: VersionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const [title, setTitle] = useState(v.title);
  const [preamble, setPreamble] = useState(v.preamble ?? '');
  const [effectiveFrom, setEffectiveFrom] = useState<string | null>(v.effectiveFrom);
  const [changeNote, setChangeNote] = useState(v.changeNote ?? '');
  const [chapters, setChapters] = useState(
    formatChapters(v.chapters.map((ch) => ({ ...ch, clauses: ch.clauses.map((c) => ({ number: c.number, text: c.text })) }))),
  );
  const [fines, setFines] = useState(formatFines(v.fines));
  const save = useVersionWrite<void>(
    slug,
    regulationId,
    'PUT',
    () => `/versions/${v.id}`,
    () => ({ title, preamble, effectiveFrom, changeNote, chapters: parseChapters(chapters), fines: parseFines(fines) }),
  );
  const problems = isApiError(save.error) ? Object.entries(save.error.fields) : [];
  return (
    <Modal opened onClose={onClose} title={t('regulations.editDraft')} fullScreen={!desktop} size="xl">
      <Stack gap="sm">
        <TextInput label={t('regulations.draftTitle')} value={title} onChange={(e) => setTitle(e.currentTarget.value)} required />
        <Textarea label={t('regulations.preamble')} value={preamble} onChange={(e) => setPreamble(e.currentTarget.value)} autosize minRows={2} />
        <DateField label={t('regulations.proposedEffective')} value={effectiveFrom} onChange={setEffectiveFrom} />
        <Textarea label={t('regulations.changeNote')} value={changeNote} onChange={(e) => setChangeNote(e.currentTarget.value)} autosize minRows={1} />
        <Textarea
          label={t('regulations.textLabel')}
          description={t('regulations.textHint')}
          value={chapters}
          onChange={(e) => setChapters(e.currentTarget.value)}
          autosize
          minRows={10}
          maxRows={24}
          data-testid="draft-text"
        />
        <Textarea
          label={t('regulations.finesLabel')}
          description={t('regulations.finesHint')}
          value={fines}
          onChange={(e) => setFines(e.currentTarget.value)}
          autosize
          minRows={3}
          data-testid="draft-fines"
        />
        {problems.length ? (
          <Alert color="red" role="alert" title={t('errors.title')}>
            <Stack gap={2}>
              {problems.map(([k, m]) => (
                <Text key={k} size="sm">
                  {describe(k, parseChapters(chapters), t)}: {m}
                </Text>
              ))}
            </Stack>
          </Alert>
        ) : save.error ? (
          <ErrorAlert error={save.error} />
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate(undefined, { onSuccess: onClose })} data-testid="draft-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** "chapters.1.clauses.3.number" → "ข้อ 7/1" (or หมวด / บัญชีค่าปรับ บรรทัดที่ N), so the message points at the text. */
function describe(key: string, chapters: ReturnType<typeof parseChapters>, t: (k: string, o?: Record<string, unknown>) => string): string {
  const cl = /^chapters\.(\d+)\.clauses\.(\d+)/.exec(key);
  if (cl) return t('regulations.clause', { n: chapters[Number(cl[1])]?.clauses[Number(cl[2])]?.number ?? Number(cl[2]) + 1 });
  const ch = /^chapters\.(\d+)/.exec(key);
  if (ch) return t('regulations.chapter', { n: chapters[Number(ch[1])]?.number ?? Number(ch[1]) + 1 });
  const f = /^fines\.(\d+)/.exec(key);
  if (f) return t('regulations.fineLine', { n: Number(f[1]) + 1 });
  return t(`regulations.field.${key}`, { defaultValue: key });
}

function VoteModal({ regulationId, v, onClose }: { regulationId: string; v: VersionDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const desktop = useIsDesktop();
  const [votedOn, setVotedOn] = useState<string | null>(null);
  const [votes, setVotes] = useState({ votesFor: 0, votesAgainst: 0, votesAbstain: 0 });
  const [note, setNote] = useState('');
  const save = useVersionWrite<void>(
    slug,
    regulationId,
    'POST',
    () => `/versions/${v.id}/community-vote`,
    () => ({ votedOn, ...votes, note }),
  );
  const fields = fieldErrorsOf(save.error);
  const num = (k: keyof typeof votes) => (
    <NumberInput
      label={t(`regulations.${k}`)}
      value={votes[k]}
      onChange={(n) => setVotes({ ...votes, [k]: typeof n === 'number' ? n : 0 })}
      min={0}
      allowDecimal={false}
      error={fields[k]}
    />
  );
  return (
    <Modal opened onClose={onClose} title={t('regulations.recordVote')} fullScreen={!desktop}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('regulations.voteHint')}
        </Text>
        <DateField label={t('regulations.votedOn')} value={votedOn} onChange={setVotedOn} error={fields.votedOn} required />
        <Group grow align="flex-start">
          {num('votesFor')}
          {num('votesAgainst')}
          {num('votesAbstain')}
        </Group>
        <Textarea
          label={t('regulations.voteNote')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={fields.note}
          required
          autosize
          minRows={2}
        />
        <ErrorAlert error={errorWithoutFields(save.error)} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button loading={save.isPending} onClick={() => save.mutate(undefined, { onSuccess: onClose })}>
            {t('regulations.adopt')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
