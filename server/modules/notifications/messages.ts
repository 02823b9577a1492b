import type { MessageCatalog } from '../../platform/messages';
import { EMAIL_CONSENT_VERSION } from '../../../common/schemas/notifications';

/** Field messages of the notifications module (merged into server/platform/messages.ts). */
export const NOTIFICATION_MESSAGES: MessageCatalog = {
  email_consent_required: {
    th: 'กรุณาทำเครื่องหมายยินยอมรับการแจ้งเตือนทางอีเมลก่อนเปิดใช้',
    en: 'Tick the consent to e-mail notifications before turning them on.',
  },
  outbox_not_failed: { th: 'ส่งใหม่ได้เฉพาะอีเมลที่ส่งไม่สำเร็จ', en: 'Only a failed e-mail can be sent again.' },
};

/**
 * The consent a person gives to turn e-mail on, recorded with the time and the way it was given. The
 * settings page shows the same words (web/src/features/notifications/i18n: settings.consent); a test
 * compares them, so what is recorded is what was shown.
 */
export const EMAIL_CONSENT_TEXT: Record<'th' | 'en', string> = {
  th: 'ข้าพเจ้ายินยอมให้ระบบภาคีส่งการแจ้งเตือน (หนังสือเชิญประชุม รายงานการประชุมที่รอรับรอง งานตามมติที่ใกล้ถึงกำหนด และรายการที่รออนุมัติ) ไปยังอีเมลของข้าพเจ้า และทราบว่าถอนความยินยอมได้ทุกเมื่อที่หน้านี้',
  en: 'I agree that Phakhi may send notifications (meeting invitations, minutes awaiting certification, action items falling due and approvals waiting) to my e-mail address, and I know I can withdraw this consent at any time on this page.',
};
export const consentRecord = (lang: 'th' | 'en') => `[${EMAIL_CONSENT_VERSION}, ${lang}] ${EMAIL_CONSENT_TEXT[lang]}`;
