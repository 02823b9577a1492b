import type { MessageCatalog } from '../../platform/messages';
/** Field messages of evidence files (merged into server/platform/messages.ts). */
export const EVIDENCE_MESSAGES: MessageCatalog = {
  too_many_evidence_files: { th: 'แนบไฟล์หลักฐานได้ไม่เกิน 20 ไฟล์ต่อรายการ', en: 'At most 20 evidence files per entry.' },
};
