import { Button, FileButton, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTenant } from '../../context/tenant';
import { errorText } from '../../ui/ErrorAlert';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_FILES, type EvidenceOwner, pendingProblem, uploadAll } from './api';
import './i18n';

/**
 * Attach photos or PDFs to a report or measurement already saved (later evidence, or a retry after a refused upload).
 * `context` completes the button's name for screen readers ("แนบไฟล์เพิ่ม ให้รายงานวันที่ …"): the visible words come first.
 */
export function AttachMore({ owner, count, context, onDone }: { owner: EvidenceOwner; count: number; context: string; onDone: () => void }) {
  const { t } = useTranslation();
  const { slug } = useTenant();
  const [busy, setBusy] = useState(false);
  if (count >= EVIDENCE_MAX_FILES) return null;
  async function attach(picked: File[]) {
    const ok: File[] = [];
    for (const f of picked) {
      const p = pendingProblem(f);
      if (p) notifications.show({ color: 'red', message: t(`evidence.${p}`, { name: f.name }) });
      else ok.push(f);
    }
    const room = EVIDENCE_MAX_FILES - count;
    if (ok.length > room) notifications.show({ color: 'red', message: t('evidence.tooMany', { count: EVIDENCE_MAX_FILES }) });
    if (!ok.length || room <= 0) return;
    setBusy(true);
    const done = await uploadAll(slug, owner, ok.slice(0, room));
    setBusy(false);
    if (done.ok) notifications.show({ color: 'teal', message: t('evidence.uploaded', { count: done.ok }) });
    for (const f of done.failed)
      notifications.show({ color: 'red', autoClose: false, message: t('evidence.uploadFailed', { name: f.name, reason: errorText(f.error, t) }) });
    onDone();
  }
  return (
    <FileButton onChange={(files) => void attach(files)} accept={EVIDENCE_ACCEPT} multiple>
      {(props) => (
        <Button {...props} variant="subtle" size="compact-xs" leftSection={<IconPaperclip size={14} aria-hidden />} loading={busy}>
          {t('evidence.addMore')}
          <VisuallyHidden> {context}</VisuallyHidden>
        </Button>
      )}
    </FileButton>
  );
}
