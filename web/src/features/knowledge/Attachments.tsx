import { ActionIcon, Alert, Anchor, Badge, Box, Button, FileInput, Group, Image, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconDownload, IconFile, IconFileTypePdf, IconFileWord, IconPhoto, IconTable, IconTrash, IconUpload } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../common/schemas/knowledge';
import { isApiError } from '../../api/client';
import { ConfirmRemoval } from '../../ui/ConfirmDialog';
import { formatDate } from '../../ui/dates';
import { errorText } from '../../ui/ErrorAlert';
import { useLang } from '../../ui/hooks';
import { ATTACHMENT_MAX_BYTES, IMAGE_KINDS } from '../../ui/knowledgeEnums';
import { type AttachmentOwner, useDeleteAttachment, useUploadAttachment } from './api';
import { formatBytes } from './parts';

/** What the file picker offers; the server decides from the bytes anyway. */
const ACCEPT = [
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.docx',
  '.xlsx',
  '.pptx',
  '.txt',
  '.md',
  '.csv',
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'text/plain',
].join(',');

const KIND_ICONS = {
  pdf: IconFileTypePdf,
  docx: IconFileWord,
  xlsx: IconTable,
  pptx: IconFile,
  text: IconFile,
  png: IconPhoto,
  jpeg: IconPhoto,
  webp: IconPhoto,
} as const;

/** A refused upload in words a person can act on: the server's field message first (it knows the exact reason). */
export function uploadErrorText(err: unknown, t: TFunction): string {
  if (isApiError(err)) {
    if (err.fields.file) return err.fields.file;
    if (err.status === 413) return t('attachment.tooLarge');
    if (err.status === 415) return t('attachment.wrongType');
  }
  return errorText(err, t);
}

/**
 * The files of a knowledge item or a forum: a list with download links (images as thumbnails), an upload
 * form for editors (multipart field "file", optional caption), and removal with confirmation.
 */
export function AttachmentsSection({
  tenant,
  owner,
  attachments,
  canEdit,
  photos,
  title,
}: {
  tenant: string;
  owner: AttachmentOwner;
  attachments: Attachment[];
  canEdit: boolean;
  /** Forum photos: images first, shown large. */
  photos?: boolean;
  title: string;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const headingId = useId();
  const hintId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Attachment | null>(null);
  const upload = useUploadAttachment(tenant, owner);
  const remove = useDeleteAttachment(tenant, owner);

  const images = attachments.filter((a) => IMAGE_KINDS.has(a.kind));
  const others = attachments.filter((a) => !IMAGE_KINDS.has(a.kind));

  function choose(f: File | null) {
    setFile(f);
    setError(f && f.size > ATTACHMENT_MAX_BYTES ? t('attachment.tooLarge') : null);
  }

  function send() {
    if (!file) {
      setError(t('attachment.chooseFirst'));
      return;
    }
    if (file.size > ATTACHMENT_MAX_BYTES) {
      setError(t('attachment.tooLarge'));
      return;
    }
    setError(null);
    upload.mutate(
      { file, caption },
      {
        onSuccess: (a) => {
          notifications.show({ color: 'teal', message: t('attachment.uploaded', { name: a.filename }) });
          setFile(null);
          setCaption('');
        },
        onError: (err) => setError(uploadErrorText(err, t)),
      },
    );
  }

  return (
    <Box component="section" aria-labelledby={headingId} data-testid="attachments">
      <Title order={2} size="h3" id={headingId} mb="sm">
        {title} ({attachments.length})
      </Title>
      {attachments.length === 0 ? (
        <Text c="dimmed" mb="sm">
          {photos ? t('attachment.noPhotos') : t('attachment.none')}
        </Text>
      ) : null}

      {images.length ? (
        <SimpleGrid
          cols={{ base: 2, sm: 3, md: photos ? 4 : 5 }}
          spacing="sm"
          mb="sm"
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label={t('attachment.photos')}
        >
          {images.map((a) => (
            <Paper component="li" key={a.id} withBorder radius="md" p={4}>
              <Anchor href={a.url} target="_blank" rel="noopener" aria-label={t('attachment.openImage', { name: a.caption || a.filename })} display="block">
                <Image src={a.url} alt={a.caption || a.filename} h={photos ? 140 : 110} fit="cover" radius="sm" loading="lazy" />
              </Anchor>
              <Group gap={4} justify="space-between" wrap="nowrap" mt={4}>
                <Text size="xs" className="break-words" style={{ minWidth: 0 }} lineClamp={2}>
                  {a.caption || a.filename}
                </Text>
                {canEdit ? (
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="sm"
                    onClick={() => setRemoving(a)}
                    aria-label={t('attachment.removeAria', { name: a.filename })}
                  >
                    <IconTrash size={14} aria-hidden />
                  </ActionIcon>
                ) : null}
              </Group>
            </Paper>
          ))}
        </SimpleGrid>
      ) : null}

      {others.length ? (
        <Stack
          component="ul"
          gap="xs"
          mb="sm"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-label={t('attachment.documents')}
          data-testid="attachment-list"
        >
          {others.map((a) => {
            const Icon = KIND_ICONS[a.kind] ?? IconFile;
            return (
              <Paper component="li" key={a.id} withBorder radius="md" p="sm">
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
                  <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
                    <Icon size={28} aria-hidden style={{ flexShrink: 0 }} />
                    <Stack gap={2} style={{ minWidth: 0 }}>
                      <Anchor href={a.url} target="_blank" rel="noopener" fw={500} className="break-words">
                        {a.filename}
                      </Anchor>
                      {a.caption ? (
                        <Text size="sm" className="break-words">
                          {a.caption}
                        </Text>
                      ) : null}
                      <Group gap={6} wrap="wrap">
                        <Badge size="sm" color="gray" variant="light">
                          {t(`enum.attachmentKind.${a.kind}`, { defaultValue: a.kind })}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {formatBytes(a.sizeBytes, lang)} · {formatDate(a.createdAt, lang)}
                          {a.uploadedBy ? ` · ${a.uploadedBy}` : ''}
                        </Text>
                        {a.textStatus === 'extracted' ? (
                          <Badge size="sm" color="teal" variant="light">
                            {t('attachment.searchable')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Stack>
                  </Group>
                  <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
                    <ActionIcon
                      component="a"
                      href={`${a.url}?download=1`}
                      variant="subtle"
                      color="gray"
                      aria-label={t('attachment.downloadAria', { name: a.filename })}
                    >
                      <IconDownload size={18} aria-hidden />
                    </ActionIcon>
                    {canEdit ? (
                      <ActionIcon variant="subtle" color="red" onClick={() => setRemoving(a)} aria-label={t('attachment.removeAria', { name: a.filename })}>
                        <IconTrash size={18} aria-hidden />
                      </ActionIcon>
                    ) : null}
                  </Group>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      ) : null}

      {canEdit ? (
        <Paper withBorder radius="md" p="sm" bg="gray.0">
          <Stack gap="xs">
            <Group align="flex-end" gap="sm" wrap="wrap">
              <FileInput
                label={photos ? t('attachment.choosePhoto') : t('attachment.choose')}
                aria-describedby={hintId}
                placeholder={t('attachment.placeholder')}
                accept={ACCEPT}
                value={file}
                onChange={choose}
                clearable
                clearButtonProps={{ 'aria-label': t('attachment.clearFile') }}
                leftSection={<IconUpload size={16} aria-hidden />}
                style={{ flex: '1 1 16rem', minWidth: 0 }}
                error={error ? true : undefined}
                data-testid="attachment-file"
              />
              <TextInput
                label={t('attachment.caption')}
                value={caption}
                onChange={(e) => setCaption(e.currentTarget.value)}
                maxLength={500}
                style={{ flex: '1 1 12rem', minWidth: 0 }}
                data-testid="attachment-caption"
              />
              <Button onClick={send} loading={upload.isPending} leftSection={<IconUpload size={16} aria-hidden />} data-testid="attachment-upload">
                {t('attachment.upload')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" id={hintId}>
              {photos ? t('attachment.photoHint') : t('attachment.hint')}
            </Text>
            {error ? (
              <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" data-testid="attachment-error">
                {error}
              </Alert>
            ) : null}
          </Stack>
        </Paper>
      ) : null}

      <ConfirmRemoval
        target={removing}
        onClose={() => setRemoving(null)}
        title={t('attachment.removeTitle')}
        message={(a) => t('attachment.removeConfirm', { name: a.filename })}
        done={t('attachment.removed')}
        removal={remove}
      />
    </Box>
  );
}
