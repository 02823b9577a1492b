import { formatBaht } from '../../../common/thai/money';
import { formatThaiDate } from '../../../common/thai/dates';
import type { NotificationKind } from '../../../common/schemas/notifications';
import type { MeetingRow } from '../committees/meetings.repository';
import type { NewNotification } from './notifications.repository';
import type { MessageCatalog } from '../../platform/messages';

/**
 * The words of each notification, in Thai and English: in-app the reader's language picks one; an
 * e-mail goes in the language the person chose (Thai unless English). Dates in the Buddhist era.
 */
export interface Message extends NewNotification {
  kind: NotificationKind;
  attachments?: { filename: string; contentType: string; content: string }[];
}

const thDate = (d: string) => formatThaiDate(d, { style: 'long' });
const enDate = (d: string) => formatThaiDate(d, { style: 'long', locale: 'en' });
const hours = (start: string, end: string | null) => (end ? `${start}–${end}` : start);

/** What the invitation and the minutes' notice say of a meeting: the committees module's own row, in part. */
export type MeetingFacts = Pick<MeetingRow, 'id' | 'committeeName' | 'number' | 'yearBE' | 'meetingDate' | 'startTime' | 'endTime' | 'place'>;

export function meetingInvitation(slug: string, m: MeetingFacts, ics: string): Message {
  return {
    kind: 'meeting_invitation',
    titleTh: `เชิญประชุม${m.committeeName} ครั้งที่ ${m.number}/${m.yearBE}`,
    titleEn: `Invitation: ${m.committeeName}, meeting ${m.number}/${m.yearBE}`,
    bodyTh: `วันที่ ${thDate(m.meetingDate)} เวลา ${hours(m.startTime, m.endTime)} น. ณ ${m.place} (แนบไฟล์นัดหมาย .ics สำหรับปฏิทิน)`,
    bodyEn: `${enDate(m.meetingDate)}, ${hours(m.startTime, m.endTime)}, at ${m.place} (calendar file .ics attached).`,
    link: `/t/${slug}/meetings/${m.id}`,
    entityId: m.id,
    dedupeKey: `meeting_invitation:${m.id}`,
    attachments: [{ filename: `meeting-${m.number}-${m.yearBE}.ics`, contentType: 'text/calendar; charset=utf-8; method=PUBLISH', content: ics }],
  };
}

export function minutesToCertify(slug: string, m: MeetingFacts): Message {
  return {
    kind: 'minutes_to_certify',
    titleTh: `ร่างรายงานการประชุม${m.committeeName} ครั้งที่ ${m.number}/${m.yearBE} รอการรับรอง`,
    titleEn: `Draft minutes of ${m.committeeName}, meeting ${m.number}/${m.yearBE}, await certification`,
    bodyTh: `ร่างรายงานการประชุมเมื่อวันที่ ${thDate(m.meetingDate)} พร้อมให้ตรวจทาน และจะเสนอที่ประชุมครั้งถัดไปรับรองในระเบียบวาระที่ 2`,
    bodyEn: `The draft minutes of the meeting of ${enDate(m.meetingDate)} are ready to read; the next meeting certifies them under agenda item 2.`,
    link: `/t/${slug}/meetings/${m.id}`,
    entityId: m.id,
    dedupeKey: `minutes_to_certify:${m.id}`,
  };
}

export interface ActionItemFacts {
  id: string;
  title: string;
  dueDate: string;
  daysLeft: number;
  resolutionText: string;
}

export function actionItemDue(slug: string, a: ActionItemFacts): Message {
  const whenTh = a.daysLeft <= 0 ? 'ครบกำหนดวันนี้' : `อีก ${a.daysLeft} วัน`;
  const whenEn = a.daysLeft <= 0 ? 'due today' : `in ${a.daysLeft} day${a.daysLeft === 1 ? '' : 's'}`;
  return {
    kind: 'action_item_due',
    titleTh: `งานตามมติใกล้ถึงกำหนด: ${a.title}`,
    titleEn: `Action item due soon: ${a.title}`,
    bodyTh: `กำหนดเสร็จวันที่ ${thDate(a.dueDate)} (${whenTh}) ตามมติ: ${a.resolutionText}`,
    bodyEn: `Due ${enDate(a.dueDate)} (${whenEn}), from the resolution: ${a.resolutionText}`,
    link: `/t/${slug}/my`,
    entityId: a.id,
    // one per item and due date: a moved due date warns again, a second check the same day does not
    dedupeKey: `action_item_due:${a.id}:${a.dueDate}`,
  };
}

const REASONS: MessageCatalog = {
  threshold: { th: 'ถึงเกณฑ์ต้องอนุมัติ', en: 'at or above the approval threshold' },
  split: { th: 'อาจเป็นการแบ่งจ่ายให้ต่ำกว่าเกณฑ์', en: 'looks split to stay under the threshold' },
  overdraft: { th: 'เกินยอดคงเหลือของกองทุน', en: 'overdraws a fund' },
  over_allocation: { th: 'เกินวงเงินของรายการงบประมาณ', en: 'beyond a budget line’s allocation' },
  evidence: { th: 'รอหลักฐานการจ่าย', en: 'waiting for a receipt' },
};

export interface TransactionFacts {
  id: string;
  description: string;
  totalSatang: number;
  makerName: string | null;
  reviewReasons: string[];
}

export function transactionWaiting(slug: string, t: TransactionFacts): Message {
  const why = (lang: 'th' | 'en') =>
    t.reviewReasons.length ? ` (${t.reviewReasons.map((r) => REASONS[r]?.[lang] ?? r).join(lang === 'th' ? ', ' : '; ')})` : '';
  return {
    kind: 'approval_waiting',
    titleTh: `รายการบัญชีรออนุมัติ: ${t.description}`,
    titleEn: `Transaction awaiting approval: ${t.description}`,
    bodyTh: `จำนวน ${formatBaht(t.totalSatang)}${t.makerName ? ` บันทึกโดย ${t.makerName}` : ''}${why('th')} ผู้บันทึกอนุมัติเองไม่ได้`,
    bodyEn: `${formatBaht(t.totalSatang, 'en')}${t.makerName ? `, recorded by ${t.makerName}` : ''}${why('en')}. The maker cannot approve it.`,
    link: `/t/${slug}/budget/ledger/${t.id}`,
    entityId: t.id,
    dedupeKey: `approval_waiting:${t.id}`,
  };
}

export interface ProposalFacts {
  proposedAt: Date;
  proposedByName: string | null;
  approvalThresholdSatang: number | null;
  evidenceThresholdSatang: number | null;
}

export function thresholdProposal(slug: string, p: ProposalFacts): Message {
  const parts = (lang: 'th' | 'en') =>
    [
      p.approvalThresholdSatang != null &&
        (lang === 'th' ? `เกณฑ์ต้องอนุมัติ ${formatBaht(p.approvalThresholdSatang)}` : `approval threshold ${formatBaht(p.approvalThresholdSatang, 'en')}`),
      p.evidenceThresholdSatang != null &&
        (lang === 'th' ? `เกณฑ์ต้องมีหลักฐาน ${formatBaht(p.evidenceThresholdSatang)}` : `receipt threshold ${formatBaht(p.evidenceThresholdSatang, 'en')}`),
    ]
      .filter(Boolean)
      .join(lang === 'th' ? ' และ' : ' and ');
  return {
    kind: 'approval_waiting',
    titleTh: 'ข้อเสนอปรับเกณฑ์การอนุมัติรายการบัญชีรอการอนุมัติ',
    titleEn: 'A change of the ledger thresholds awaits approval',
    bodyTh: `${p.proposedByName ?? 'เจ้าหน้าที่'} เสนอ${parts('th')} ต้องให้เจ้าหน้าที่อีกคนอนุมัติ`,
    bodyEn: `${p.proposedByName ?? 'An officer'} proposes a ${parts('en')}; another officer must approve it.`,
    link: `/t/${slug}/budget`,
    entityId: null,
    dedupeKey: `threshold_proposal:${p.proposedAt.toISOString()}`,
  };
}

// ---- e-mail ----

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The e-mail for one person: subject, plain text and a small HTML copy, with a link back into the app. */
export function renderEmail(m: Message, lang: 'th' | 'en', opts: { publicUrl: string; tenantName: string; slug: string }) {
  const base = opts.publicUrl.replace(/\/+$/, '');
  const url = `${base}${m.link}`;
  const settings = `${base}/t/${opts.slug}/notifications`;
  const title = lang === 'en' ? m.titleEn : m.titleTh;
  const body = lang === 'en' ? m.bodyEn : m.bodyTh;
  const open = lang === 'en' ? 'Open in Phakhi' : 'เปิดในระบบภาคี';
  const footer =
    lang === 'en'
      ? `You receive this e-mail because you chose e-mail notifications in Phakhi (${opts.tenantName}). Change this at ${settings}`
      : `ท่านได้รับอีเมลนี้เพราะเลือกรับการแจ้งเตือนทางอีเมลในระบบภาคี (${opts.tenantName}) เปลี่ยนได้ที่ ${settings}`;
  const text = `${title}\n\n${body}\n\n${open}: ${url}\n\n--\n${footer}\n`;
  const html = `<!doctype html><html lang="${lang}"><body style="font-family:Sarabun,Tahoma,sans-serif;line-height:1.6">
<h2 style="font-size:18px">${escapeHtml(title)}</h2>
<p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(url)}">${escapeHtml(open)}</a></p>
<hr><p style="color:#666;font-size:12px">${escapeHtml(footer)}</p>
</body></html>`;
  return { subject: title, text, html };
}
