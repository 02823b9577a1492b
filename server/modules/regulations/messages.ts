import type { MessageCatalog } from '../../platform/messages';
/** Field messages of the regulations module (merged into server/platform/messages.ts). */
export const REGULATION_MESSAGES: MessageCatalog = {
  clause_number: { th: 'เลขข้อต้องเป็นตัวเลข เช่น 5 หรือ 5/1', en: 'A clause number is a number such as 5, or 5/1 for an inserted clause.' },
  duplicate_clause: { th: 'เลขข้อนี้ซ้ำกับข้ออื่นในฉบับเดียวกัน', en: 'Another clause of this version has this number.' },
  duplicate_chapter: { th: 'เลขหมวดนี้ซ้ำกับหมวดอื่น', en: 'Another chapter has this number.' },
  unknown_clause: { th: 'ไม่พบข้อนี้ในฉบับนี้ ค่าปรับต้องอ้างถึงข้อที่มีอยู่', en: 'No such clause in this version; a fine must point to an existing clause.' },
  version_adopted: {
    th: 'ฉบับนี้ได้รับความเห็นชอบแล้ว แก้ไขไม่ได้ ให้ร่างฉบับแก้ไขใหม่แทน',
    en: 'This version is adopted and cannot change; draft an amended version instead.',
  },
  not_a_draft: { th: 'ฉบับนี้ไม่ใช่ร่าง', en: 'This version is not a draft.' },
  unknown_regulation_version: { th: 'ไม่พบร่างกฎระเบียบฉบับนี้', en: 'Unknown regulation version.' },
  vote_not_passed: { th: 'คะแนนเห็นชอบต้องมากกว่าคะแนนไม่เห็นชอบ', en: 'Votes for must outnumber votes against.' },
  vote_in_future: { th: 'วันที่ลงมติต้องไม่เป็นวันในอนาคต', en: 'The vote cannot be dated in the future.' },
  no_version_in_force: { th: 'ไม่มีฉบับที่มีผลใช้บังคับในวันนั้น', en: 'No version is in force on that date.' },
  not_same_regulation: { th: 'ฉบับที่เทียบต้องเป็นของกฎระเบียบเดียวกัน', en: 'Both versions must belong to this regulation.' },
  comment_period_closed: { th: 'ปิดรับฟังความคิดเห็นแล้ว ไม่สามารถแสดงความคิดเห็นเพิ่มได้', en: 'The comment period is closed; no more comments are taken.' },
  comment_period_not_open: { th: 'ยังไม่ถึงช่วงเวลารับฟังความคิดเห็น', en: 'The comment period has not started yet.' },
  comment_period_overlap: { th: 'ช่วงเวลานี้ทับซ้อนกับช่วงรับฟังความคิดเห็นอื่นของร่างฉบับนี้', en: 'This overlaps another comment period of this draft.' },
  comment_period_in_past: { th: 'วันสิ้นสุดการรับฟังความคิดเห็นต้องไม่ก่อนวันนี้', en: 'A comment period cannot end before today.' },
};
