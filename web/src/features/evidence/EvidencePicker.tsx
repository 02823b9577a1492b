import { ActionIcon, Box, Button, FileButton, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { IconCamera, IconFileTypePdf, IconPaperclip, IconX } from '@tabler/icons-react';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsDesktop, useLang } from '../../ui/hooks';
import { formatBytes } from '../knowledge';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_FILES, pendingProblem } from './api';
import './i18n';

/**
 * "แนบรูปถ่าย/หลักฐาน": files chosen before the form is saved and uploaded after it (each report or measurement
 * gets its files once it exists). On a phone a second button opens the camera directly (`capture`); "choose
 * files" offers the gallery, the camera and PDFs. Chosen photos show as thumbnails, PDFs as a chip.
 */
export function EvidencePicker({
  value,
  onChange,
  testId,
  max = EVIDENCE_MAX_FILES,
}: {
  value: File[];
  onChange: (files: File[]) => void;
  testId: string;
  /** How many more files this entry may take. */
  max?: number;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const desktop = useIsDesktop();
  const labelId = useId();
  const [problems, setProblems] = useState<string[]>([]);

  function add(picked: File[] | File | null) {
    const list = Array.isArray(picked) ? picked : picked ? [picked] : [];
    const errs: string[] = [];
    const ok = list.filter((f) => {
      const p = pendingProblem(f);
      if (p) errs.push(t(`evidence.${p}`, { name: f.name }));
      return !p;
    });
    const next = [...value, ...ok];
    if (next.length > max) errs.push(t('evidence.tooMany', { count: max }));
    setProblems(errs);
    onChange(next.slice(0, max));
  }

  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Text id={labelId} fw={500} size="sm">
        {t('evidence.attach')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('evidence.hint', { count: max })}
      </Text>
      <Group gap="xs">
        {!desktop ? (
          <FileButton onChange={add} accept="image/*" capture="environment" multiple inputProps={{ 'data-testid': `${testId}-camera` } as never}>
            {(props) => (
              <Button {...props} variant="light" size="md" leftSection={<IconCamera size={20} aria-hidden />} disabled={value.length >= max}>
                {t('evidence.takePhoto')}
              </Button>
            )}
          </FileButton>
        ) : null}
        <FileButton onChange={add} accept={EVIDENCE_ACCEPT} multiple inputProps={{ 'data-testid': `${testId}-input` } as never}>
          {(props) => (
            <Button
              {...props}
              variant="light"
              size={desktop ? 'sm' : 'md'}
              leftSection={<IconPaperclip size={20} aria-hidden />}
              disabled={value.length >= max}
            >
              {t('evidence.chooseFiles')}
            </Button>
          )}
        </FileButton>
      </Group>
      {problems.map((p) => (
        <Text key={p} size="sm" c="red" role="alert">
          {p}
        </Text>
      ))}
      {value.length ? (
        <Group gap="xs" aria-label={t('evidence.pending')} role="list" data-testid={`${testId}-pending`}>
          {value.map((f, i) => (
            <PendingFile key={`${f.name}-${f.size}-${i}`} file={f} lang={lang} onRemove={() => onChange(value.filter((_, j) => j !== i))} />
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}

function PendingFile({ file, lang, onRemove }: { file: File; lang: 'th' | 'en'; onRemove: () => void }) {
  const { t } = useTranslation();
  const isImage = file.type.startsWith('image/');
  const url = useMemo(() => (isImage ? URL.createObjectURL(file) : null), [file, isImage]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);
  return (
    <Paper withBorder radius="sm" p={4} role="listitem" pos="relative">
      <Group gap={6} wrap="nowrap">
        {url ? (
          <Image src={url} w={56} h={56} fit="cover" radius="sm" alt={file.name} />
        ) : (
          <Box w={56} h={56} style={{ display: 'grid', placeItems: 'center' }}>
            <IconFileTypePdf size={32} aria-hidden color="var(--mantine-color-red-7)" />
          </Box>
        )}
        <Stack gap={0} maw={140}>
          <Text size="xs" lineClamp={2} className="break-words">
            {file.name}
          </Text>
          <Text size="xs" c="dimmed">
            {formatBytes(file.size, lang)}
          </Text>
        </Stack>
        <ActionIcon variant="subtle" color="gray" size="lg" onClick={onRemove} aria-label={t('evidence.removePending', { name: file.name })}>
          <IconX size={18} aria-hidden />
        </ActionIcon>
      </Group>
    </Paper>
  );
}
